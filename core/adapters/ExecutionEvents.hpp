// SPDX-License-Identifier: MIT
#pragma once

#include "core/adapters/FeedState.hpp"
#include "core/adapters/InstrumentKey.hpp"
#include "core/adapters/RejectReason.hpp"
#include "core/common/Error.hpp"
#include "core/domain/Currency.hpp"
#include "core/domain/Money.hpp"
#include "core/domain/OrderStatus.hpp"
#include "core/domain/OrderType.hpp"
#include "core/domain/Price.hpp"
#include "core/domain/Quantity.hpp"
#include "core/domain/Side.hpp"
#include "core/domain/TimeInForce.hpp"
#include "core/domain/Timestamp.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace cw::adapters {

/// Execution events: everything a venue says about orders, fills, positions and the account
/// comes back as one of these, pushed by the execution client into its IExecutionSink. Plain
/// values, safe to move between threads. Every event names the order by the client order id
/// the caller chose (SubmitOrder::clientOrderId); `venueTime` is the venue's clock,
/// `receivedTime` the local clock when the adapter parsed it (0 if unknown).

/// Whether a fill added liquidity (resting order) or took it.
enum class Liquidity { Invalid = 0, Maker, Taker };

/// The execution session of one venue changed state (connection events are journaled).
struct ExecutionStatusChanged {
    std::string venue; ///< Instrument::venue ("SIM", "BINANCE")
    FeedState state = FeedState::Invalid;
    std::string message;
    TimestampNs time = 0;
};

/// The venue accepted a new order; it is working.
struct OrderAccepted {
    std::string clientOrderId;
    std::string venueOrderId;
    InstrumentKey instrument;
    TimestampNs venueTime = 0;
    TimestampNs receivedTime = 0;
};

/// The venue (or the adapter, before sending) refused a new order. Terminal for the order.
struct OrderRejected {
    std::string clientOrderId;
    InstrumentKey instrument;
    RejectReason reason = RejectReason::Invalid;
    std::string message; ///< for people, with the numbers
    TimestampNs venueTime = 0;
    TimestampNs receivedTime = 0;
};

/// A stop or stop-limit order's trigger was reached: it now works as a market or limit order.
struct OrderTriggered {
    std::string clientOrderId;
    InstrumentKey instrument;
    TimestampNs venueTime = 0;
    TimestampNs receivedTime = 0;
};

/// One execution of (part of) an order.
struct OrderFilled {
    std::string clientOrderId;
    std::string venueOrderId;
    InstrumentKey instrument;
    std::string tradeId; ///< the venue's execution id, unique per venue (dedupes resent fills)
    Side side = Side::Invalid;
    Quantity quantity; ///< this fill, > 0
    Price price;       ///< this fill's price
    Money fee;         ///< charged for this fill (negative = rebate), in its currency
    Liquidity liquidity = Liquidity::Invalid;
    Quantity cumulativeQuantity; ///< filled so far, this fill included
    Quantity leavesQuantity;     ///< still working after this fill (0: the order is Filled)
    TimestampNs venueTime = 0;
    TimestampNs receivedTime = 0;
    /// The account the fill belongs to, named as the order named it (SubmitOrder::account;
    /// empty = the client's default account). Venues that cannot say leave it empty: the
    /// order manager then uses the account of the order it holds under `clientOrderId`.
    std::string account;
};

/// A working order was canceled (on request, as the unfilled rest of an IOC, by the venue...).
struct OrderCanceled {
    std::string clientOrderId;
    InstrumentKey instrument;
    std::string reason; ///< "requested", "IOC remainder", "FOK not fillable", "self-trade"...
    TimestampNs venueTime = 0;
    TimestampNs receivedTime = 0;
};

/// A DAY order reached the end of its session (or a GTD its time). Terminal.
struct OrderExpired {
    std::string clientOrderId;
    InstrumentKey instrument;
    TimestampNs venueTime = 0;
    TimestampNs receivedTime = 0;
};

/// A ModifyOrder succeeded: `clientOrderId` ends (Replaced) and the order works on under
/// `newClientOrderId` with these values. Fills so far carry over.
struct OrderReplaced {
    std::string clientOrderId;
    std::string newClientOrderId;
    std::string venueOrderId;
    InstrumentKey instrument;
    Quantity quantity;
    Price limitPrice;
    Price stopPrice;
    TimestampNs venueTime = 0;
    TimestampNs receivedTime = 0;
};

/// What a RequestRejected refers to.
enum class RequestKind { Invalid = 0, Cancel, Modify, CancelAll };

/// A cancel, modify or cancel-all was refused; the order (if any) stays as it was.
struct RequestRejected {
    RequestKind kind = RequestKind::Invalid;
    std::string clientOrderId; ///< the order the request was about (empty for CancelAll)
    InstrumentKey instrument;
    RejectReason reason = RejectReason::Invalid;
    std::string message;
    TimestampNs venueTime = 0;
    TimestampNs receivedTime = 0;
};

/// One working order as the venue sees it (reconciliation).
struct OrderReport {
    std::string clientOrderId;
    std::string venueOrderId;
    InstrumentKey instrument;
    Side side = Side::Invalid;
    OrderType type = OrderType::Invalid;
    TimeInForce timeInForce = TimeInForce::Invalid;
    Quantity quantity;
    Quantity filledQuantity;
    Price limitPrice;
    Price stopPrice;
    OrderStatus status = OrderStatus::Invalid; ///< New or PartiallyFilled (or a Pending* state)
    TimestampNs createdTime = 0;
};

/// One position as the venue sees it. `quantity` is signed: > 0 long, < 0 short.
struct PositionReport {
    std::string account;
    InstrumentKey instrument;
    Quantity quantity;
    Price averagePrice; ///< average entry price of the open quantity (zero when flat)
    TimestampNs venueTime = 0;
};

/// One currency of an account.
struct BalanceReport {
    Currency currency;
    Money total;  ///< everything, locked included
    Money free;   ///< available for new orders
    Money locked; ///< held by working orders (or as margin)
};

/// The account as the venue sees it.
struct AccountReport {
    std::string venue;
    std::string account;
    Currency baseCurrency; ///< what equity and margin are expressed in
    std::vector<BalanceReport> balances;
    Money equity;     ///< balances plus unrealized P&L, in baseCurrency
    Money marginUsed; ///< zero for cash accounts
    Money marginAvailable;
    TimestampNs venueTime = 0;
};

/// The account changed (after fills, fees, deposits...).
struct AccountUpdated {
    AccountReport account;
};

/// A position changed at the venue.
struct PositionUpdated {
    PositionReport position;
};

/// The answer to RequestReconciliation (requestId 0: sent unasked after a (re)connect): the
/// venue's complete view, to be compared with ours.
struct ReconciliationReport {
    std::uint64_t requestId = 0;
    std::string venue;
    std::string account;
    std::vector<OrderReport> openOrders;
    std::vector<PositionReport> positions;
    std::vector<OrderFilled> recentFills; ///< at least those of the last 24 h the venue keeps
    AccountReport accountState;
    TimestampNs venueTime = 0;
    std::optional<Error> error; ///< set when the venue could not answer
};

/// Every execution event, as the engine's queue receives it.
using ExecutionEvent =
    std::variant<ExecutionStatusChanged, OrderAccepted, OrderRejected, OrderTriggered, OrderFilled,
                 OrderCanceled, OrderExpired, OrderReplaced, RequestRejected, AccountUpdated,
                 PositionUpdated, ReconciliationReport>;

} // namespace cw::adapters
