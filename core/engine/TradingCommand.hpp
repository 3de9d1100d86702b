// SPDX-License-Identifier: MIT
#pragma once

#include "core/adapters/ExecutionCommands.hpp"
#include "core/adapters/InstrumentKey.hpp"
#include "core/domain/Price.hpp"
#include "core/domain/Quantity.hpp"
#include "core/orders/OrderOrigin.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <variant>

namespace cw::engine {

/// Trading commands the UI (ticket, one-click, chart, blotters, kill switch) and strategies
/// post to the engine. Every one goes through the same path: RiskGate -> OrderManager ->
/// journal -> the venue's IExecutionClient. Rejections come back in TradingSnapshot::notices
/// with the rule and the numbers. All plain values.

/// Protective orders attached to an entry order, emulated by the engine when the venue has no
/// native brackets: once the entry fills, a stop-loss (Stop) and/or a take-profit (Limit) for
/// the filled quantity are sent on the opposite side; when one of them fills the other is
/// canceled (OCO). Zero means "none".
struct Bracket {
    Price stopLoss;
    Price takeProfit;
};

/// A trailing stop emulated by the engine: a Stop whose trigger follows the best price by
/// `distance` (price units) and never moves back.
struct TrailingStop {
    Price distance;
};

/// Place a new order. `order.clientOrderId` may be empty: the engine assigns one (and reports
/// it in the notice/snapshot with `requestTag`).
struct PlaceOrder {
    std::uint64_t requestTag = 0; ///< chosen by the caller, echoed in notices and previews
    adapters::SubmitOrder order;
    orders::OrderOrigin origin;
    std::optional<Bracket> bracket;
    std::optional<TrailingStop> trailingStop; ///< order.type must be Stop (the initial trigger)
};

/// Ask for a pre-trade preview of an order without sending it: estimated notional, fee,
/// margin/cash needed and the risk gate's verdict; answered in TradingSnapshot::previews.
struct PreviewOrder {
    std::uint64_t requestTag = 0;
    adapters::SubmitOrder order;
};

/// Change a working order (drag on the chart, edit in the blotter). The values are the
/// order's complete new values, as the ModifyOrder sent to the venue will carry them (a drag
/// that moves only the price sends the order's quantity too). For convenience a zero field is
/// filled with the order's current value before the modify is built; the venue never sees a
/// zero meaning "unchanged".
struct AmendOrder {
    std::string clientOrderId;
    Quantity quantity;
    Price limitPrice;
    Price stopPrice;
};

/// Move the stop-loss and/or take-profit of an emulated bracket (a drag of its line on the
/// chart). The prices are the bracket's complete new values (zero = no such leg): legs not yet
/// sent are sent at the new prices, a leg already working is modified to its new price. A
/// working leg cannot be removed this way (cancel it); a stop-loss not below the take-profit
/// of a Buy entry (not above for a Sell) is refused.
struct AmendBracket {
    std::string entryClientOrderId; ///< the entry order the bracket is attached to
    Price stopLoss;
    Price takeProfit;
};

/// Cancel one working order (emulated ones included).
struct CancelWorkingOrder {
    std::string clientOrderId;
};

/// Cancel every working order, or those of one instrument.
struct CancelAllWorkingOrders {
    std::optional<adapters::InstrumentKey> instrument;
};

/// Close (or reverse: twice the quantity) a position with a market order.
struct ClosePosition {
    std::string account;
    adapters::InstrumentKey instrument;
    bool reverse = false;
    /// Who asked (journaled with the order); the blotter's close button is a ticket action.
    orders::OrderOrigin origin{orders::OrderOriginKind::Ticket, {}, {}};
};

/// The kill switch: cancel every working order, optionally flatten every position, and block
/// new orders until re-armed.
struct TriggerKillSwitch {
    bool flatten = false;
    std::string reason; ///< for the journal ("toolbar", "shortcut")
};

struct RearmKillSwitch {
    bool overrideLossLimit = false; ///< explicit user confirmation while still beyond the limit
};

/// Replace the risk limits of an account (empty = the defaults) from their settings form
/// (RiskLimits::fromSettings); an invalid form is rejected with a notice.
struct SetRiskLimits {
    std::string account;
    std::map<std::string, std::string> settings;
};

using TradingCommand =
    std::variant<PlaceOrder, PreviewOrder, AmendOrder, CancelWorkingOrder, CancelAllWorkingOrders,
                 ClosePosition, TriggerKillSwitch, RearmKillSwitch, SetRiskLimits, AmendBracket>;

} // namespace cw::engine
