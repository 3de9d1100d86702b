// SPDX-License-Identifier: MIT
#pragma once

#include <string_view>

namespace cw {

/// How an order executes.
enum class OrderType {
    Invalid = 0,
    Market,    ///< fills at the best available prices now
    Limit,     ///< rests at `limitPrice` or better
    Stop,      ///< becomes a Market order when the last trade reaches `stopPrice`
    StopLimit, ///< becomes a Limit order at `limitPrice` when the last trade reaches `stopPrice`
};

/// "Market", "Limit", "Stop", "StopLimit"; "Invalid" otherwise.
constexpr std::string_view orderTypeName(OrderType type) {
    switch (type) {
    case OrderType::Market:
        return "Market";
    case OrderType::Limit:
        return "Limit";
    case OrderType::Stop:
        return "Stop";
    case OrderType::StopLimit:
        return "StopLimit";
    case OrderType::Invalid:
        break;
    }
    return "Invalid";
}

/// True for the types that carry a limit price (Limit, StopLimit).
constexpr bool hasLimitPrice(OrderType type) {
    return type == OrderType::Limit || type == OrderType::StopLimit;
}

/// True for the types that carry a stop (trigger) price (Stop, StopLimit).
constexpr bool hasStopPrice(OrderType type) {
    return type == OrderType::Stop || type == OrderType::StopLimit;
}

} // namespace cw
