// SPDX-License-Identifier: MIT
#pragma once

#include "core/adapters/ExecutionCommands.hpp"
#include "core/adapters/InstrumentKey.hpp"
#include "core/domain/OrderType.hpp"
#include "core/domain/Price.hpp"
#include "core/domain/Quantity.hpp"
#include "core/domain/Side.hpp"

#include <string>

namespace cw::risk {

/// What the order manager knows about a working order that a ModifyOrder changes (the
/// ModifyOrder itself carries neither side nor type).
struct WorkingOrderState {
    std::string account;
    Side side = Side::Invalid;
    OrderType type = OrderType::Invalid;
    Quantity quantity;       ///< its current total quantity
    Quantity filledQuantity; ///< filled so far
    Price limitPrice;
    Price stopPrice;
};

/// One order as RiskGate sees it: a new order (from SubmitOrder) or the new state of a working
/// order after a ModifyOrder. Build it with fromSubmit / fromModify.
///
/// Thread: a plain value.
struct OrderIntent {
    enum class Kind { Invalid = 0, Submit, Modify };

    Kind kind = Kind::Invalid;
    adapters::InstrumentKey instrument;
    std::string account;
    Side side = Side::Invalid;
    OrderType type = OrderType::Invalid;
    Quantity quantity; ///< the order's total quantity (after a modify: the new total)
    Price limitPrice;  ///< Limit and StopLimit
    Price stopPrice;   ///< Stop and StopLimit
    /// Modify only: already filled (the open quantity after the change is quantity - filled).
    Quantity filledQuantity;
    /// Modify only: the open quantity before the change, which RiskContext's working totals
    /// already count and the change replaces.
    Quantity replacedOpenQuantity;

    static OrderIntent fromSubmit(const adapters::SubmitOrder& order);

    /// The order after `modify`. A zero quantity or price in the ModifyOrder means "unchanged"
    /// and is taken from `current` (ExecutionCommands does not say; this reading never turns
    /// a working price into zero).
    static OrderIntent fromModify(const adapters::ModifyOrder& modify,
                                  const WorkingOrderState& current);

    /// The quantity that would still work after this order is accepted: quantity for a new
    /// order, quantity - filledQuantity after a modify (Overflow only on absurd values).
    Result<Quantity> openQuantity() const;
};

} // namespace cw::risk
