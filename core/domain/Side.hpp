// SPDX-License-Identifier: MIT
#pragma once

#include <string_view>

namespace cw {

/// Buy or sell: the side of an order, a fill, or the aggressor of a trade. `Invalid` also
/// stands for "not reported" where a venue does not say (e.g. a trade's aggressor).
enum class Side { Invalid = 0, Buy, Sell };

/// "Buy", "Sell" or "Invalid".
constexpr std::string_view sideName(Side side) {
    switch (side) {
    case Side::Buy:
        return "Buy";
    case Side::Sell:
        return "Sell";
    case Side::Invalid:
        break;
    }
    return "Invalid";
}

/// Buy <-> Sell; Invalid stays Invalid.
constexpr Side oppositeSide(Side side) {
    switch (side) {
    case Side::Buy:
        return Side::Sell;
    case Side::Sell:
        return Side::Buy;
    case Side::Invalid:
        break;
    }
    return Side::Invalid;
}

} // namespace cw
