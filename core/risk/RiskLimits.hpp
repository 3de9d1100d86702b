// SPDX-License-Identifier: MIT
#pragma once

#include "core/common/Result.hpp"
#include "core/domain/Decimal.hpp"
#include "core/domain/Money.hpp"
#include "core/domain/Quantity.hpp"
#include "core/risk/PerInstrumentLimit.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>

namespace cw::risk {

/// The pre-trade limits of one account, checked by RiskGate before every order (manual or
/// automated). Every limit can be off (nullopt). See docs/risk.md for the rules and the
/// settings keys.
///
/// Units: quantities in the instrument's units; notionals in the instrument's quote currency
/// (a limit in another currency rejects the order with a message, it is never converted);
/// the daily loss limit in the account currency, as a positive amount (the largest loss
/// allowed: 5,000 USDT means P&L below -5,000 USDT is a breach).
///
/// Thread: a plain value.
struct RiskLimits {
    /// Largest quantity of one order.
    PerInstrumentLimit<Quantity> maxOrderQuantity;
    /// Largest quantity x price of one order (limit price, stop price for stops, the
    /// reference price for market orders).
    PerInstrumentLimit<Money> maxOrderNotional;
    /// Fat-finger band: largest distance of a limit or stop price from the reference price
    /// (last trade, else the bid/ask mid), in percent of the reference (> 0) and/or in ticks
    /// (>= 1). With both set, the price must be inside both.
    std::optional<Decimal> priceBandPercent;
    std::optional<std::int64_t> priceBandTicks;
    /// Largest absolute signed position in an instrument if this order and every working
    /// order on the same side filled completely.
    PerInstrumentLimit<Quantity> maxPosition;
    /// Largest number of working orders of the account, and per instrument (>= 1).
    std::optional<std::int64_t> maxOpenOrders;
    std::optional<std::int64_t> maxOpenOrdersPerInstrument;
    /// Largest number of orders (submits and modifies) sent to one venue in any sliding window
    /// of one second (>= 1).
    std::optional<std::int64_t> maxOrdersPerSecond;
    /// Largest loss of the day (realized + unrealized), a positive amount in the account
    /// currency. Checked before every order and, through KillSwitch, on every P&L update.
    std::optional<Money> dailyLossLimit;

    /// Every limit off.
    static RiskLimits none() { return RiskLimits{}; }

    /// Checks the values: quantities, notionals, percent and loss limit > 0, counts and ticks
    /// >= 1, notionals and the loss limit with a currency. InvalidArgument naming the first
    /// bad limit.
    Result<void> validate() const;

    /// Text key/value pairs for settings storage (QSettings): every base key is written
    /// ("off" when off), overrides as "<key>.<VENUE:SYMBOL>". fromSettings(toSettings()) gives
    /// back the same limits.
    std::map<std::string, std::string> toSettings() const;

    /// Parses what toSettings writes. Missing keys are off. Errors (InvalidArgument, the
    /// message names the key and the value): an unknown key, a value that is not "off" and
    /// not a plain decimal number ("abc", "NaN", "1e5", "+5", " 5"), a value <= 0, a count
    /// that is not a whole number, a notional or loss limit without a valid currency
    /// ("100000 USDT" is expected), a bad instrument in an override key.
    static Result<RiskLimits> fromSettings(const std::map<std::string, std::string>& settings);

    friend bool operator==(const RiskLimits&, const RiskLimits&) = default;
};

} // namespace cw::risk
