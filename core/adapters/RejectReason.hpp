// SPDX-License-Identifier: MIT
#pragma once

#include <string_view>

namespace cw::adapters {

/// Why a venue (or the adapter, before sending) refused an order, a modification or a cancel.
/// OrderRejected and RequestRejected carry one of these plus a message for people with the
/// numbers ("price 101.005 is not a multiple of the tick size 0.01").
enum class RejectReason {
    Invalid = 0,
    UnknownInstrument,      ///< the venue does not list the symbol
    BadTickSize,            ///< a price is not a multiple of the instrument's tick size
    BadLotSize,             ///< the quantity is not a positive multiple of the lot size
    BelowMinNotional,       ///< quantity x price under the instrument's minimum notional
    InsufficientBalance,    ///< not enough free balance or margin
    MarketClosed,           ///< the instrument's session is closed
    UnsupportedOrderType,   ///< not in ExecutionCapabilities::orderTypes
    UnsupportedTimeInForce, ///< not in ExecutionCapabilities::timesInForce
    InvalidPrice,           ///< a required price is missing, zero, negative or not expected
    DuplicateClientOrderId, ///< a different order already uses this client order id
    UnknownOrder,           ///< cancel/modify of an order the venue does not know (or no longer)
    NotConnected,           ///< the execution session is not connected
    WouldNotFill,           ///< a FOK order that cannot fill completely now
    RateLimited,            ///< the venue's request rate limit was hit
    Other,                  ///< anything else; see the message
    /// Refused before sending by our own pre-trade risk gate (not by the venue): the message
    /// names the rule and the numbers ("MaxOrderNotional: notional 125,000.00 USDT exceeds
    /// the limit 100,000.00 USDT (3.125 x 40,000.00)").
    RiskLimit,
    /// Refused before sending because our kill switch is triggered (the risk gate's
    /// KillSwitch rule); the message says when, by whom and why.
    KillSwitchActive,
};

/// True for the reasons our own side gives before anything reaches the venue (RiskLimit,
/// KillSwitchActive): blotters and the journal show them as risk refusals, not venue ones.
constexpr bool isRiskRejection(RejectReason reason) {
    return reason == RejectReason::RiskLimit || reason == RejectReason::KillSwitchActive;
}

constexpr std::string_view rejectReasonName(RejectReason reason) {
    switch (reason) {
    case RejectReason::UnknownInstrument:
        return "UnknownInstrument";
    case RejectReason::BadTickSize:
        return "BadTickSize";
    case RejectReason::BadLotSize:
        return "BadLotSize";
    case RejectReason::BelowMinNotional:
        return "BelowMinNotional";
    case RejectReason::InsufficientBalance:
        return "InsufficientBalance";
    case RejectReason::MarketClosed:
        return "MarketClosed";
    case RejectReason::UnsupportedOrderType:
        return "UnsupportedOrderType";
    case RejectReason::UnsupportedTimeInForce:
        return "UnsupportedTimeInForce";
    case RejectReason::InvalidPrice:
        return "InvalidPrice";
    case RejectReason::DuplicateClientOrderId:
        return "DuplicateClientOrderId";
    case RejectReason::UnknownOrder:
        return "UnknownOrder";
    case RejectReason::NotConnected:
        return "NotConnected";
    case RejectReason::WouldNotFill:
        return "WouldNotFill";
    case RejectReason::RateLimited:
        return "RateLimited";
    case RejectReason::Other:
        return "Other";
    case RejectReason::RiskLimit:
        return "RiskLimit";
    case RejectReason::KillSwitchActive:
        return "KillSwitchActive";
    case RejectReason::Invalid:
        break;
    }
    return "Invalid";
}

} // namespace cw::adapters
