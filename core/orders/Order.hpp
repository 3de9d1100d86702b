// SPDX-License-Identifier: MIT
#pragma once

#include "core/adapters/ExecutionCommands.hpp"
#include "core/adapters/InstrumentKey.hpp"
#include "core/adapters/RejectReason.hpp"
#include "core/domain/Money.hpp"
#include "core/domain/OrderStatus.hpp"
#include "core/domain/OrderType.hpp"
#include "core/domain/Price.hpp"
#include "core/domain/Quantity.hpp"
#include "core/domain/Side.hpp"
#include "core/domain/TimeInForce.hpp"
#include "core/domain/Timestamp.hpp"
#include "core/orders/OrderOrigin.hpp"
#include "core/orders/OrderStateMachine.hpp"
#include "core/orders/WideDecimal.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cw::orders {

/// One of our orders as the OrderManager keeps it: what was asked, what the venue confirmed,
/// and the fills so far. A plain value; the OrderManager hands out copies in OrderChanges.
///
/// Thread: a plain value; safe to copy between threads.
struct Order {
    std::string clientOrderId;
    std::string venueOrderId; ///< empty until the venue names it
    adapters::InstrumentKey instrument;
    std::string account; ///< venue account id; empty = the venue's default account
    Side side = Side::Invalid;
    OrderType type = OrderType::Invalid;
    TimeInForce timeInForce = TimeInForce::Invalid;
    Quantity quantity; ///< total, filled part included
    Price limitPrice;  ///< Limit and StopLimit
    Price stopPrice;   ///< Stop and StopLimit
    OrderStatus status = OrderStatus::Invalid;
    OrderOrigin origin;

    bool acknowledged = false; ///< the venue has shown it knows the order
    bool triggered = false;    ///< a stop order's trigger was reached
    bool external = false;     ///< adopted from the venue by reconciliation

    /// Filled so far: the venue's cumulative quantity where it reports one, else the sum of
    /// the fills seen. Can exceed `seenFillQuantity` after fills were missed.
    Quantity filledQuantity;
    /// Sum of the fills this book has seen, and their exact quantity x price.
    Quantity seenFillQuantity;
    WideDecimal seenFillNotional;
    /// Average price of the fills seen, rounded half to even at the fill prices' precision
    /// plus 4 decimals (at most 18); zero before the first fill.
    Price averageFillPrice;
    std::vector<Money> fees; ///< fees of the fills seen, one entry per currency

    std::string replacesClientOrderId;                  ///< set on the order a modify created
    std::string replacedByClientOrderId;                ///< set on the order a modify ended
    std::optional<adapters::ModifyOrder> pendingModify; ///< while PendingReplace

    adapters::RejectReason rejectReason = adapters::RejectReason::Invalid; ///< when Rejected
    std::string statusMessage; ///< the venue's last words (reject text, cancel reason)

    TimestampNs createdTime = 0; ///< local clock at submit (or the venue's, for adopted ones)
    TimestampNs updatedTime = 0; ///< the last event's time (receivedTime, else venueTime)
    std::uint64_t sequence = 0;  ///< registration order in the OrderManager, from 1

    /// True unless the order reached a terminal status.
    bool isOpen() const { return !isTerminal(status); }
    /// What OrderStateMachine needs for its Working target.
    OrderProgress progress() const {
        return OrderProgress{acknowledged, filledQuantity.isPositive()};
    }
};

} // namespace cw::orders
