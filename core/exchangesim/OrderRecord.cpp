// SPDX-License-Identifier: MIT
#include "core/exchangesim/OrderRecord.hpp"

#include <array>
#include <utility>

namespace cw::exchangesim {

namespace {
constexpr std::array<std::pair<VenueOrderType, std::string_view>, 7> kTypeNames = {{
    {VenueOrderType::Limit, "LIMIT"},
    {VenueOrderType::Market, "MARKET"},
    {VenueOrderType::StopLoss, "STOP_LOSS"},
    {VenueOrderType::StopLossLimit, "STOP_LOSS_LIMIT"},
    {VenueOrderType::TakeProfit, "TAKE_PROFIT"},
    {VenueOrderType::TakeProfitLimit, "TAKE_PROFIT_LIMIT"},
    {VenueOrderType::LimitMaker, "LIMIT_MAKER"},
}};
} // namespace

std::string_view venueOrderTypeName(VenueOrderType type) {
    for (const auto& [value, name] : kTypeNames)
        if (value == type)
            return name;
    return "";
}

VenueOrderType parseVenueOrderType(std::string_view text) {
    for (const auto& [value, name] : kTypeNames)
        if (name == text)
            return value;
    return VenueOrderType::Invalid;
}

std::string_view venueOrderStatusName(VenueOrderStatus status) {
    switch (status) {
    case VenueOrderStatus::New:
        return "NEW";
    case VenueOrderStatus::PartiallyFilled:
        return "PARTIALLY_FILLED";
    case VenueOrderStatus::Filled:
        return "FILLED";
    case VenueOrderStatus::Canceled:
        return "CANCELED";
    case VenueOrderStatus::Rejected:
        return "REJECTED";
    case VenueOrderStatus::Expired:
        return "EXPIRED";
    case VenueOrderStatus::Invalid:
        break;
    }
    return "";
}

} // namespace cw::exchangesim
