// SPDX-License-Identifier: MIT
#pragma once

#include "core/exchangesim/ExchangeMarket.hpp"
#include "core/exchangesim/ExchangeSimConfig.hpp"
#include "core/exchangesim/JsonWriter.hpp"
#include "core/exchangesim/RequestParams.hpp"
#include "core/exchangesim/VenueError.hpp"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

namespace cw::exchangesim {

/// The public REST endpoints (no API key): ping, time, exchangeInfo, depth, trades,
/// aggTrades, klines, ticker/24hr, ticker/price, ticker/bookTicker, avgPrice. Same JSON
/// shapes as the venue (numbers as strings with 8 decimals, ids and times as numbers).
///
/// Thread: the server's thread (reads the market).
class MarketDataEndpoints {
public:
    MarketDataEndpoints(ExchangeMarket& market, const ExchangeSimConfig& config)
        : m_market(market), m_config(config) {}

    RestReply ping(const RequestParams& params) const;
    RestReply time(const RequestParams& params, std::int64_t serverTimeMs) const;
    RestReply exchangeInfo(const RequestParams& params, std::int64_t serverTimeMs) const;
    RestReply depth(const RequestParams& params) const;
    RestReply trades(const RequestParams& params) const;
    RestReply aggTrades(const RequestParams& params) const;
    RestReply klines(const RequestParams& params) const;
    RestReply ticker24hr(const RequestParams& params) const;
    RestReply tickerPrice(const RequestParams& params) const;
    RestReply bookTicker(const RequestParams& params) const;
    RestReply avgPrice(const RequestParams& params) const;

    /// The request weight of depth for a `limit`: 5 (<= 100), 25 (<= 500), 50 (<= 1000),
    /// 250 (more).
    static int depthWeight(std::int64_t limit);
    /// The symbols a request names with `symbol` or `symbols` (a JSON array of strings);
    /// nullopt for all. Errors: -1121 unknown symbol, -1100 a malformed list, -1101 both.
    std::variant<std::optional<std::vector<std::size_t>>, VenueError>
    selectSymbols(const RequestParams& params) const;
    /// The one symbol a request names: -1102 when missing, -1121 when unknown.
    std::variant<std::size_t, VenueError> requireSymbol(const RequestParams& params) const;

private:
    /// The ticker endpoints' common shape: the selected symbols (all by default), one object
    /// each written by `writeOne`, as a bare object when `symbol` named one, else an array.
    RestReply writePerSymbol(const RequestParams& params,
                             const std::function<void(JsonWriter&, std::size_t)>& writeOne) const;

    ExchangeMarket& m_market;
    const ExchangeSimConfig& m_config;
};

} // namespace cw::exchangesim
