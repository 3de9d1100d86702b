// SPDX-License-Identifier: MIT
#pragma once

#include "core/common/Result.hpp"
#include "core/domain/OrderStatus.hpp"

#include <span>
#include <string_view>

namespace cw::orders {

/// What happens to an order: our own requests (CancelRequested, ReplaceRequested) and what the
/// venue reports (everything else). A fill is PartiallyFilled while quantity is left working,
/// Filled when nothing is left.
enum class OrderEventKind {
    Invalid = 0,
    Accepted,         ///< OrderAccepted
    Rejected,         ///< OrderRejected (venue, adapter or risk gate)
    Triggered,        ///< OrderTriggered: a stop reached its trigger
    PartiallyFilled,  ///< OrderFilled with quantity still working
    Filled,           ///< OrderFilled with nothing left working
    CancelRequested,  ///< we send CancelOrder
    Canceled,         ///< OrderCanceled
    ReplaceRequested, ///< we send ModifyOrder
    Replaced,         ///< OrderReplaced (for the old client order id)
    RequestRejected,  ///< RequestRejected: a cancel or modify was refused
    Expired,          ///< OrderExpired
};

/// Number of OrderEventKind values including Invalid (for tables and loops).
inline constexpr int kOrderEventKindCount = 12;

/// "Accepted", "PartiallyFilled", ...; "Invalid" otherwise.
std::string_view orderEventKindName(OrderEventKind kind);

/// Where a transition leads: a fixed status, or back to the working status the order had
/// before a pending request (PendingNew when the venue never acknowledged the order, New
/// when nothing is filled, PartiallyFilled otherwise).
enum class TransitionTarget { Invalid = 0, Status, Working };

/// One row of the transition table.
struct OrderTransition {
    OrderStatus from = OrderStatus::Invalid;
    OrderEventKind event = OrderEventKind::Invalid;
    TransitionTarget target = TransitionTarget::Invalid;
    OrderStatus to = OrderStatus::Invalid; ///< for TransitionTarget::Status
};

/// What the Working target needs to know about the order.
struct OrderProgress {
    bool acknowledged = false; ///< the venue has shown it knows the order (ack, fill, trigger)
    bool hasFills = false;     ///< some quantity is filled
};

/// The order life cycle as one table (docs/orders.md shows it): which OrderEventKind is
/// allowed in which OrderStatus and where it leads. Pairs not in the table are invalid; the
/// caller logs them and leaves the order as it was. Terminal states accept nothing.
///
/// Thread: stateless; any.
class OrderStateMachine {
public:
    /// Every allowed (status, event) pair, once.
    static std::span<const OrderTransition> transitions();

    /// The status after `event` for an order in `from`. An Invalid status or event, or a
    /// pair that is not in the table: InvalidArgument, naming both. Never changes anything.
    static Result<OrderStatus> next(OrderStatus from, OrderEventKind event,
                                    const OrderProgress& progress);

    /// True when the table has a row for (from, event).
    static bool allows(OrderStatus from, OrderEventKind event);

    /// The working status for `progress`: PendingNew, New or PartiallyFilled.
    static OrderStatus workingStatus(const OrderProgress& progress);
};

} // namespace cw::orders
