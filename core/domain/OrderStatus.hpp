// SPDX-License-Identifier: MIT
#pragma once

#include <string_view>

namespace cw {

/// Where an order is in its life, as the order manager tracks it. The Pending* states are
/// ours (a request is on its way to the venue); the others are what the venue confirmed.
enum class OrderStatus {
    Invalid = 0,
    PendingNew,      ///< sent, not yet acknowledged by the venue
    New,             ///< accepted and working, nothing filled
    PartiallyFilled, ///< working, part of the quantity filled
    Filled,          ///< completely filled (terminal)
    PendingCancel,   ///< cancel sent, not yet confirmed
    Canceled,        ///< canceled by request or by the venue (terminal)
    PendingReplace,  ///< modify sent, not yet confirmed
    Replaced,        ///< replaced by a new order (terminal for this client order id)
    Rejected,        ///< refused by the risk gate or the venue (terminal)
    Expired,         ///< ended by its time in force (terminal)
};

constexpr std::string_view orderStatusName(OrderStatus status) {
    switch (status) {
    case OrderStatus::PendingNew:
        return "PendingNew";
    case OrderStatus::New:
        return "New";
    case OrderStatus::PartiallyFilled:
        return "PartiallyFilled";
    case OrderStatus::Filled:
        return "Filled";
    case OrderStatus::PendingCancel:
        return "PendingCancel";
    case OrderStatus::Canceled:
        return "Canceled";
    case OrderStatus::PendingReplace:
        return "PendingReplace";
    case OrderStatus::Replaced:
        return "Replaced";
    case OrderStatus::Rejected:
        return "Rejected";
    case OrderStatus::Expired:
        return "Expired";
    case OrderStatus::Invalid:
        break;
    }
    return "Invalid";
}

/// True for the states an order never leaves.
constexpr bool isTerminal(OrderStatus status) {
    return status == OrderStatus::Filled || status == OrderStatus::Canceled ||
           status == OrderStatus::Replaced || status == OrderStatus::Rejected ||
           status == OrderStatus::Expired;
}

} // namespace cw
