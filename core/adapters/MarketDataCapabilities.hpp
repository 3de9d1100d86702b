// SPDX-License-Identifier: MIT
#pragma once

#include "core/domain/Timeframe.hpp"

#include <vector>

namespace cw::adapters {

/// What a market-data client can do; constant for the client's lifetime.
struct MarketDataCapabilities {
    /// Timeframes RequestBars accepts, shortest first.
    std::vector<Timeframe> historyTimeframes;
    /// Largest RequestBars::limit accepted (Binance klines: 1000).
    int maxBarsPerRequest = 0;
    bool streamsTrades = false; ///< SubscribeMarketData::trades is honoured
    bool streamsQuotes = false; ///< SubscribeMarketData::quotes is honoured
};

} // namespace cw::adapters
