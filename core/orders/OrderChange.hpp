// SPDX-License-Identifier: MIT
#pragma once

#include "core/adapters/ExecutionEvents.hpp"
#include "core/domain/OrderStatus.hpp"
#include "core/orders/Order.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace cw::orders {

/// What one OrderChange reports.
enum class OrderChangeKind {
    Invalid = 0,
    Updated,           ///< the order changed (status, fills, venue id, prices)
    InvalidTransition, ///< the event is not allowed in the order's status; order unchanged
    DuplicateFill,     ///< a fill whose (venue, tradeId) was seen before; ignored
    UnknownOrder,      ///< an event for a client order id this book does not hold; kept
    DuplicateSubmit,   ///< the venue already knows this client order id; not a rejection
    RequestRejected,   ///< a cancel/modify refusal that changes no order (cancel-all, late)
    Adopted,           ///< reconciliation found an order at the venue and took it in
    Reconciled,        ///< reconciliation set the order to the venue's view
};

/// "Updated", "InvalidTransition", ...; "Invalid" otherwise.
constexpr std::string_view orderChangeKindName(OrderChangeKind kind) {
    switch (kind) {
    case OrderChangeKind::Updated:
        return "Updated";
    case OrderChangeKind::InvalidTransition:
        return "InvalidTransition";
    case OrderChangeKind::DuplicateFill:
        return "DuplicateFill";
    case OrderChangeKind::UnknownOrder:
        return "UnknownOrder";
    case OrderChangeKind::DuplicateSubmit:
        return "DuplicateSubmit";
    case OrderChangeKind::RequestRejected:
        return "RequestRejected";
    case OrderChangeKind::Adopted:
        return "Adopted";
    case OrderChangeKind::Reconciled:
        return "Reconciled";
    case OrderChangeKind::Invalid:
        break;
    }
    return "Invalid";
}

/// One thing the OrderManager did with an event, for the journal, the blotters and the
/// PositionTracker. When `fill` is set it is a fill not seen before: give it (with `account`)
/// to PositionTracker::applyFill, whether or not the order is known.
///
/// Thread: a plain value; safe to copy between threads.
struct OrderChange {
    OrderChangeKind kind = OrderChangeKind::Invalid;
    std::string clientOrderId;
    OrderStatus previousStatus = OrderStatus::Invalid;
    OrderStatus status = OrderStatus::Invalid;
    std::optional<Order> order;                ///< the order after the change, when known
    std::optional<adapters::OrderFilled> fill; ///< a new fill for the positions
    /// The fill's account: OrderFilled::account, else the order's (empty: the default account).
    std::string account;
    std::string message; ///< for people: why, with the values
};

} // namespace cw::orders
