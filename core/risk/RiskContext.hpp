// SPDX-License-Identifier: MIT
#pragma once

#include "core/domain/Instrument.hpp"
#include "core/domain/Money.hpp"
#include "core/domain/Price.hpp"
#include "core/domain/Quantity.hpp"

#include <cstdint>
#include <optional>

namespace cw::risk {

/// What the engine knows when an order arrives at RiskGate::check, for the order's account
/// and instrument. Built by the engine for each check; the gate keeps nothing of it.
///
/// Prices that are zero or negative mean "unknown" (no trade yet, an empty book side): the
/// gate never divides by them or uses them as a reference.
///
/// Thread: a plain value; read on the engine thread during check().
struct RiskContext {
    /// The order's instrument definition (tick size, quote currency). Not owned; must stay
    /// valid during check(). nullptr, or a definition of another instrument, rejects the
    /// order (RiskRule::UnknownInstrument).
    const Instrument* instrument = nullptr;
    Price lastPrice; ///< last trade price; <= 0: unknown
    Price bidPrice;  ///< best bid; <= 0: unknown
    Price askPrice;  ///< best ask; <= 0: unknown

    /// The account's current position in the instrument, signed (> 0 long, < 0 short).
    Quantity position;
    /// Open (unfilled) quantity of the account's working orders in the instrument, per side,
    /// each >= 0. For a modify these include the order being modified.
    Quantity workingBuyQuantity;
    Quantity workingSellQuantity;

    /// Working orders of the account (all instruments) and of the account in this instrument.
    /// For a modify these include the order being modified (a modify adds no order).
    std::int64_t openOrdersInAccount = 0;
    std::int64_t openOrdersInInstrument = 0;

    /// Today's P&L of the account, realized + unrealized, in the account currency (the
    /// currency of RiskLimits::dailyLossLimit). nullopt: not known yet; the pre-trade daily
    /// loss rule is then skipped (the kill switch still acts on P&L updates).
    std::optional<Money> dailyPnl;
};

} // namespace cw::risk
