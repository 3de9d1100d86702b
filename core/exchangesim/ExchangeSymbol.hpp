// SPDX-License-Identifier: MIT
#pragma once

#include "core/adapters/sim/SimulatedInstrumentSpec.hpp"
#include "core/domain/Decimal.hpp"
#include "core/domain/Price.hpp"
#include "core/domain/Quantity.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cw::exchangesim {

/// One symbol of the simulated Binance-compatible exchange: the venue's trading rules (the
/// filters published in exchangeInfo and enforced on every order) and the price process that
/// drives its market (a SimulatedInstrumentSpec of the built-in simulated exchange, venue
/// "SIM" internally).
///
/// Thread: a plain value.
struct ExchangeSymbol {
    std::string symbol;     ///< "BTCUSDT"
    std::string baseAsset;  ///< "BTC"
    std::string quoteAsset; ///< "USDT"
    int baseAssetPrecision = 8;
    int quoteAssetPrecision = 8;

    // PRICE_FILTER
    Price minPrice;
    Price maxPrice;
    Price tickSize;
    // LOT_SIZE
    Quantity minQty;
    Quantity maxQty;
    Quantity stepSize;
    // MARKET_LOT_SIZE (stepSize as LOT_SIZE)
    Quantity marketMaxQty;
    // NOTIONAL, in the quote asset; applies to market orders too (at the touch)
    Decimal minNotional;
    Decimal maxNotional;
    // MAX_NUM_ORDERS, MAX_NUM_ALGO_ORDERS (stop and take-profit orders)
    int maxNumOrders = 200;
    int maxNumAlgoOrders = 5;

    /// The market: instrument (tick and lot equal tickSize and stepSize) and price process.
    adapters::sim::SimulatedInstrumentSpec spec;

    /// "PRICE_FILTER" when `price` is outside [minPrice, maxPrice] or not a multiple of the
    /// tick; nullopt when it passes.
    std::optional<std::string> checkPrice(const Price& price) const;
    /// "LOT_SIZE" (or "MARKET_LOT_SIZE" for market orders) when the quantity is outside
    /// [minQty, maxQty] or (quantity - minQty) is not a multiple of the step.
    std::optional<std::string> checkQuantity(const Quantity& quantity, bool market) const;
    /// "NOTIONAL" when quantity x price is outside [minNotional, maxNotional]. Exact.
    std::optional<std::string> checkNotional(const Quantity& quantity, const Price& price) const;

    /// BTCUSDT, ETHUSDT, BNBUSDT and ETHBTC with filters like the venue's.
    static std::vector<ExchangeSymbol> builtIn();
};

} // namespace cw::exchangesim
