// SPDX-License-Identifier: MIT
#pragma once

#include <string_view>

namespace cw {

/// What kind of thing an instrument is; decides defaults such as session hours and how a
/// position is valued.
enum class AssetClass {
    Invalid = 0,
    Crypto,    ///< spot crypto pairs (BTCUSDT)
    Forex,     ///< currency pairs (EURUSD)
    Equity,    ///< shares and ETFs
    Future,    ///< exchange futures, including perpetual swaps
    Option,    ///< listed options
    Cfd,       ///< contracts for difference (MT5 brokers)
    Index,     ///< indices (quotes only, not tradable directly)
    Commodity, ///< spot metals and other commodities
    Bond,      ///< bonds and rates products
};

/// "Crypto", "Forex", ...; "Invalid" for Invalid or an unknown value.
constexpr std::string_view assetClassName(AssetClass assetClass) {
    switch (assetClass) {
    case AssetClass::Crypto:
        return "Crypto";
    case AssetClass::Forex:
        return "Forex";
    case AssetClass::Equity:
        return "Equity";
    case AssetClass::Future:
        return "Future";
    case AssetClass::Option:
        return "Option";
    case AssetClass::Cfd:
        return "Cfd";
    case AssetClass::Index:
        return "Index";
    case AssetClass::Commodity:
        return "Commodity";
    case AssetClass::Bond:
        return "Bond";
    case AssetClass::Invalid:
        break;
    }
    return "Invalid";
}

} // namespace cw
