// SPDX-License-Identifier: MIT
#pragma once

#include <string_view>

namespace cw::risk {

/// The pre-trade rule that rejected an order (RiskDecision::rule). See docs/risk.md for what
/// each rule checks and the numbers its message shows.
enum class RiskRule {
    Invalid = 0,                ///< no rule: the order was allowed
    KillSwitch,                 ///< the kill switch is triggered; every new order is blocked
    InvalidOrder,               ///< no side/type, quantity <= 0, a required price missing or <= 0
    UnknownInstrument,          ///< the context has no (or another) instrument definition
    NoReferencePrice,           ///< a rule needs a market price and none is known
    MaxOrderQuantity,           ///< the order's quantity is above the per-order maximum
    MaxOrderNotional,           ///< quantity x price is above the per-order maximum
    PriceBand,                  ///< a limit or stop price is too far from the reference price
    MaxPosition,                ///< the position after a full fill would exceed the maximum
    MaxOpenOrders,              ///< the account already has the maximum of working orders
    MaxOpenOrdersPerInstrument, ///< the instrument already has the maximum of working orders
    OrderRate,                  ///< too many orders (submits + modifies) per second to the venue
    DailyLossLimit,             ///< today's P&L is beyond the daily loss limit
};

/// "KillSwitch", "MaxOrderNotional", ...; "Invalid" otherwise.
constexpr std::string_view riskRuleName(RiskRule rule) {
    switch (rule) {
    case RiskRule::KillSwitch:
        return "KillSwitch";
    case RiskRule::InvalidOrder:
        return "InvalidOrder";
    case RiskRule::UnknownInstrument:
        return "UnknownInstrument";
    case RiskRule::NoReferencePrice:
        return "NoReferencePrice";
    case RiskRule::MaxOrderQuantity:
        return "MaxOrderQuantity";
    case RiskRule::MaxOrderNotional:
        return "MaxOrderNotional";
    case RiskRule::PriceBand:
        return "PriceBand";
    case RiskRule::MaxPosition:
        return "MaxPosition";
    case RiskRule::MaxOpenOrders:
        return "MaxOpenOrders";
    case RiskRule::MaxOpenOrdersPerInstrument:
        return "MaxOpenOrdersPerInstrument";
    case RiskRule::OrderRate:
        return "OrderRate";
    case RiskRule::DailyLossLimit:
        return "DailyLossLimit";
    case RiskRule::Invalid:
        break;
    }
    return "Invalid";
}

} // namespace cw::risk
