// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>

namespace cw::orders {

/// Who or what placed an order.
enum class OrderOriginKind {
    Invalid = 0,
    Ticket,    ///< the order ticket (a person filled in the form)
    OneClick,  ///< one-click trading from the quote board or the depth ladder
    Chart,     ///< placed or dragged on a chart
    Strategy,  ///< a running strategy (OrderOrigin::strategyId names it)
    Emulation, ///< a child the engine sends for an emulated order (bracket leg, trailing stop)
    External,  ///< found at the venue by reconciliation: placed elsewhere or by an earlier run
};

/// "Ticket", "OneClick", "Chart", "Strategy", "Emulation", "External"; "Invalid" otherwise.
constexpr std::string_view orderOriginKindName(OrderOriginKind kind) {
    switch (kind) {
    case OrderOriginKind::Ticket:
        return "Ticket";
    case OrderOriginKind::OneClick:
        return "OneClick";
    case OrderOriginKind::Chart:
        return "Chart";
    case OrderOriginKind::Strategy:
        return "Strategy";
    case OrderOriginKind::Emulation:
        return "Emulation";
    case OrderOriginKind::External:
        return "External";
    case OrderOriginKind::Invalid:
        break;
    }
    return "Invalid";
}

/// Where an order came from, kept with the order for the blotter, the journal and the
/// strategies (which see only their own orders).
struct OrderOrigin {
    OrderOriginKind kind = OrderOriginKind::Invalid;
    std::string strategyId;          ///< Strategy: the strategy instance; empty otherwise
    std::string parentClientOrderId; ///< Emulation: the emulated parent order; empty otherwise

    friend bool operator==(const OrderOrigin&, const OrderOrigin&) = default;
};

} // namespace cw::orders
