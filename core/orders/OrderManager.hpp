// SPDX-License-Identifier: MIT
#pragma once

#include "core/adapters/ExecutionCommands.hpp"
#include "core/adapters/ExecutionEvents.hpp"
#include "core/adapters/InstrumentKey.hpp"
#include "core/common/Result.hpp"
#include "core/domain/Timestamp.hpp"
#include "core/orders/Order.hpp"
#include "core/orders/OrderChange.hpp"
#include "core/orders/OrderOrigin.hpp"

#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <unordered_set>
#include <variant>
#include <vector>

namespace cw::orders {

/// A request to send (again) to an execution client.
using PendingRequest =
    std::variant<adapters::SubmitOrder, adapters::CancelOrder, adapters::ModifyOrder>;

/// The book of our orders: registers what we send, follows every execution event through the
/// OrderStateMachine, and answers queries for the blotters, the risk gate and strategies.
///
/// - `submit`, `requestCancel`, `requestModify` register a request and return the command to
///   hand to the execution client. When the client refuses it locally (its Result is an
///   error), feed the matching event back: OrderRejected for a submit, RequestRejected for a
///   cancel or modify; the risk gate does the same for the orders it stops.
/// - `apply` takes every ExecutionEvent and says what changed. Nothing an event says can
///   crash or corrupt the book: a transition the table does not allow is reported as
///   InvalidTransition and the status stays; an event for an unknown client order id is
///   reported (UnknownOrder) and kept for reconciliation; a fill whose (venue, tradeId) was
///   seen before is ignored (DuplicateFill), which makes replays and resent fills harmless.
/// - Fills change the book's orders only; positions are the PositionTracker's: forward every
///   OrderChange that carries a `fill`.
/// - After a reconnect (and the reconciliation that follows it) `pendingResends` lists the
///   requests still unanswered, with the same client order ids. A venue answering a resent
///   submit with DuplicateClientOrderId already holds the order: the book keeps it as it is
///   (DuplicateSubmit), it never becomes a second order or a rejection.
///
/// Terminal orders move to a bounded history (Config::historyCapacity, oldest dropped first).
///
/// Thread: engine thread only; not thread-safe. No I/O, no clocks: times come in as arguments.
class OrderManager {
public:
    struct Config {
        std::size_t historyCapacity = 10'000;     ///< terminal orders kept
        std::size_t tradeIdCapacity = 200'000;    ///< (venue, tradeId) pairs kept for dedupe
        std::size_t unknownEventCapacity = 1'000; ///< events for unknown orders kept
    };

    OrderManager();
    explicit OrderManager(Config config);

    /// Registers a new order as PendingNew and returns the command to send. InvalidArgument
    /// when the client order id is malformed (see ClientOrderIdGenerator::isValid) or already
    /// used by an order in the book, when the instrument is empty, side, type or time in force
    /// is Invalid, the quantity is not positive, or a price the type needs is not positive;
    /// the origin kind must not be Invalid or External.
    Result<adapters::SubmitOrder> submit(const adapters::SubmitOrder& command,
                                         const OrderOrigin& origin, TimestampNs now);

    /// Marks an open order PendingCancel and returns the command to send. NotFound for an id
    /// that is not open; InvalidArgument when its status does not allow a cancel (already
    /// PendingCancel, for instance).
    Result<adapters::CancelOrder> requestCancel(std::string_view clientOrderId, TimestampNs now);

    /// Marks an open order PendingReplace and returns the command to send (its instrument
    /// filled in). NotFound for an order that is not open; InvalidArgument for a malformed or
    /// already used new client order id, a quantity that is not positive or below what is
    /// filled, another instrument, or a status that does not allow it.
    Result<adapters::ModifyOrder> requestModify(const adapters::ModifyOrder& command,
                                                TimestampNs now);

    /// Applies one execution event; returns what changed, in order (often one entry, none for
    /// events about connections, accounts and positions, which are not order events).
    /// ReconciliationReports go to the Reconciler, not here.
    std::vector<OrderChange> apply(const adapters::ExecutionEvent& event);

    /// Requests still unanswered, oldest order first, optionally for one venue (empty: all):
    /// SubmitOrder for PendingNew; CancelOrder for PendingCancel (preceded by the SubmitOrder
    /// when the venue never acknowledged the order); the ModifyOrder for PendingReplace.
    std::vector<PendingRequest> pendingResends(std::string_view venue = {}) const;

    /// Reconciliation only, bypassing the transition table: takes in the venue's view of one
    /// open order. An unknown id is adopted as an External order (Adopted); a known one gets
    /// the venue's quantity, prices, venue id and filled quantity and becomes working again if
    /// it had ended here (Reconciled). An order with a cancel or modify in flight keeps that
    /// status. InvalidArgument for a report without id or instrument.
    Result<OrderChange> applyVenueView(const adapters::OrderReport& report,
                                       std::string_view account, TimestampNs now);

    /// Reconciliation only: ends an open order with `status` (Canceled, Filled, Expired or
    /// Rejected) because the venue no longer lists it. NotFound when the order is not open;
    /// InvalidArgument for a status that is not terminal.
    Result<OrderChange> forceTerminal(std::string_view clientOrderId, OrderStatus status,
                                      std::string message, TimestampNs now);

    /// The order with this client order id, open or in the history; nullptr if none. Valid
    /// until the next non-const call.
    const Order* find(std::string_view clientOrderId) const;
    /// Open (non-terminal) orders, oldest first. Pointers valid until the next non-const call.
    std::vector<const Order*> openOrders() const;
    /// Terminal orders, oldest first, at most Config::historyCapacity.
    const std::deque<Order>& history() const { return m_history; }
    /// Number of open orders of one instrument, and of one venue.
    std::size_t openOrderCount(const adapters::InstrumentKey& instrument) const;
    std::size_t openOrderCount(std::string_view venue) const;
    /// True when a fill with this (venue, tradeId) was applied (or recorded by apply).
    bool hasSeenTrade(std::string_view venue, std::string_view tradeId) const;
    /// Remembers a fill applied in an earlier run (restored from the journal) so that the
    /// venue's copy of it, in a reconciliation after the restart, is a DuplicateFill and not
    /// applied twice. Empty trade ids are ignored. False when it was known already.
    bool markTradeSeen(std::string_view venue, std::string_view tradeId) {
        return !tradeId.empty() && rememberTrade(venue, tradeId);
    }
    /// Events that named an unknown client order id, oldest first (bounded).
    const std::deque<adapters::ExecutionEvent>& unknownOrderEvents() const {
        return m_unknownEvents;
    }

private:
    Order* findMutable(std::string_view clientOrderId);
    bool isIdUsed(std::string_view clientOrderId) const;
    void moveToHistoryIfTerminal(const std::string& clientOrderId);
    bool rememberTrade(std::string_view venue, std::string_view tradeId);
    void rememberUnknown(const adapters::ExecutionEvent& event);
    OrderChange transition(Order& order, OrderEventKind event, TimestampNs time,
                           std::string message);

    std::vector<OrderChange> onAccepted(const adapters::OrderAccepted& event);
    std::vector<OrderChange> onRejected(const adapters::OrderRejected& event);
    std::vector<OrderChange> onTriggered(const adapters::OrderTriggered& event);
    std::vector<OrderChange> onFilled(const adapters::OrderFilled& event);
    std::vector<OrderChange> onCanceled(const adapters::OrderCanceled& event);
    std::vector<OrderChange> onExpired(const adapters::OrderExpired& event);
    std::vector<OrderChange> onReplaced(const adapters::OrderReplaced& event);
    std::vector<OrderChange> onRequestRejected(const adapters::RequestRejected& event);

    Config m_config;
    std::map<std::string, Order, std::less<>> m_open;
    std::deque<Order> m_history;
    /// The client order ids in m_history: an id that is not here needs no scan of the history
    /// (the common case: a new order's id, events of open orders).
    std::multiset<std::string, std::less<>> m_historyIds;
    std::unordered_set<std::string> m_seenTrades;
    std::deque<std::string> m_seenTradeOrder;
    std::deque<adapters::ExecutionEvent> m_unknownEvents;
    std::uint64_t m_nextSequence = 1;
};

} // namespace cw::orders
