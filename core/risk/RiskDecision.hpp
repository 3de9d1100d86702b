// SPDX-License-Identifier: MIT
#pragma once

#include "core/domain/Decimal.hpp"
#include "core/domain/Money.hpp"
#include "core/risk/RiskRule.hpp"

#include <string>

namespace cw::risk {

/// The answer of RiskGate::check: allowed, or rejected by one rule with a message for people
/// that shows the exact numbers ("notional 125,000.00 USDT exceeds the limit 100,000.00
/// USDT"). The engine turns a rejection into an OrderRejected (or RequestRejected for a
/// modify) event and journals it.
///
/// Thread: a plain value.
struct RiskDecision {
    bool allowed = false;
    RiskRule rule = RiskRule::Invalid; ///< Invalid when allowed
    std::string message;               ///< empty when allowed

    static RiskDecision allow() { return RiskDecision{true, RiskRule::Invalid, {}}; }
    static RiskDecision reject(RiskRule rule, std::string message) {
        return RiskDecision{false, rule, std::move(message)};
    }

    bool isAllowed() const { return allowed; }
    explicit operator bool() const { return allowed; }
};

/// A number as risk messages print it: thousands grouped with ',' and at least `minDecimals`
/// decimals; further trailing zeros are dropped: 125000.00000 with minDecimals 2 prints
/// "125,000.00", 0.00012300 with 0 prints "0.000123", 5 with 2 prints "5.00". Exact: the
/// digits are those of the Decimal, nothing is rounded.
std::string formatRiskNumber(const Decimal& value, int minDecimals);

/// An amount as risk messages print it: formatRiskNumber(amount, minDecimals) and the
/// currency ("100,000.00 USDT").
std::string formatRiskMoney(const Money& value, int minDecimals);

} // namespace cw::risk
