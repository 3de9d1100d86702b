// SPDX-License-Identifier: MIT
#pragma once

#include "core/adapters/sim/SimulatedMarket.hpp"
#include "core/common/Result.hpp"
#include "core/domain/Decimal.hpp"
#include "core/domain/Timestamp.hpp"
#include "core/exchangesim/DepthBook.hpp"
#include "core/exchangesim/ExchangeAccount.hpp"
#include "core/exchangesim/ExchangeSimConfig.hpp"
#include "core/exchangesim/KlineInterval.hpp"

#include <cstddef>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cw::exchangesim {

/// The exchange's market and accounts without sockets or clocks: the built-in simulated
/// market (SimulatedMarket: price processes, 1-minute history and live bars) for the
/// configured symbols, the published order book of each symbol, the public trade tape with
/// the venue's trade ids, and one ExchangeAccount per API key, every one matched by the
/// paper broker against the same quotes and trades.
///
/// Thread: not thread-safe; one owner (the server's thread).
class ExchangeMarket {
public:
    /// One public trade.
    struct TradePrint {
        std::int64_t id = 0;
        Price price;
        Quantity quantity;
        std::int64_t timeMs = 0;
        bool buyerIsMaker = false; ///< the seller took liquidity
    };

    /// One candle as the venue reports it.
    struct Kline {
        std::int64_t openTimeMs = 0;
        std::int64_t closeTimeMs = 0; ///< the last ms of the bucket
        Decimal open, high, low, close, volume;
        Decimal quoteVolume;  ///< estimated from the minute closes
        Decimal takerBuyBase; ///< estimated: half the volume
        Decimal takerBuyQuote;
        std::int64_t trades = 0;
    };

    /// Rolling 24-hour statistics (ticker/24hr).
    struct Stats {
        Decimal openPrice, highPrice, lowPrice, lastPrice, prevClosePrice;
        Decimal volume, quoteVolume, weightedAvgPrice, lastQty;
        std::int64_t openTimeMs = 0;
        std::int64_t closeTimeMs = 0;
        std::int64_t firstId = -1;
        std::int64_t lastId = -1;
        std::int64_t count = 0;
    };

    /// Told about every public trade and every book change, after the accounts saw them.
    class IObserver {
    public:
        virtual ~IObserver() = default;
        virtual void onTrade(std::size_t symbolIndex, const TradePrint& trade) = 0;
        virtual void onBookChanged(std::size_t symbolIndex, const DepthBook& book) = 0;
    };

    /// Builds the market (historyDays of 1-minute bars ending just before `startNs`), runs
    /// it up to `startNs` so every symbol has a book and recent trades, and opens one
    /// account per API key with the starting balances. Errors: those of
    /// ExchangeSimConfig::validate and SimulatedMarket::create.
    static Result<std::unique_ptr<ExchangeMarket>> create(const ExchangeSimConfig& config,
                                                          TimestampNs startNs);

    /// Produces every quote and trade up to simulated time `now`.
    void advanceTo(TimestampNs now);
    /// The simulated time reached.
    TimestampNs now() const { return m_market->now(); }
    void setObserver(IObserver* observer) { m_observer = observer; }

    const std::vector<ExchangeSymbol>& symbols() const { return m_symbols; }
    std::optional<std::size_t> indexOf(std::string_view symbol) const;
    const DepthBook& book(std::size_t symbolIndex) const { return m_books[symbolIndex]; }
    /// The newest public trades, oldest first (at most 1000).
    const std::deque<TradePrint>& recentTrades(std::size_t symbolIndex) const {
        return m_tapes[symbolIndex];
    }
    Price lastPrice(std::size_t symbolIndex) const;
    /// A new trade id of the symbol (public trades and the accounts' fills share them).
    std::int64_t nextTradeId(std::size_t symbolIndex) { return m_nextTradeIds[symbolIndex]++; }

    /// The account of an API key; nullptr when the key is unknown.
    ExchangeAccount* account(std::string_view apiKey);

    /// Klines of `interval` from the 1-minute store, oldest first: with `startMs` the
    /// oldest `limit` whose open time is >= startMs (and <= endMs when given); otherwise the
    /// newest `limit` whose open time is <= endMs (or the newest overall). The last one may
    /// still be forming.
    std::vector<Kline> klines(std::size_t symbolIndex, const KlineInterval& interval,
                              std::optional<std::int64_t> startMs,
                              std::optional<std::int64_t> endMs, std::size_t limit) const;
    /// The 24 hours before now.
    Stats stats24h(std::size_t symbolIndex) const;
    /// The volume-weighted average price of the last `minutes` minutes (the last price when
    /// nothing traded).
    Decimal averagePrice(std::size_t symbolIndex, int minutes) const;

private:
    ExchangeMarket() = default;
    void onMarketEvent(const adapters::MarketDataEvent& event);
    Kline makeKline(std::size_t symbolIndex, std::int64_t openMs, std::int64_t closeMs,
                    std::size_t from, std::size_t to) const;

    std::vector<ExchangeSymbol> m_symbols;
    std::optional<adapters::sim::SimulatedMarket> m_market;
    std::vector<DepthBook> m_books;
    std::vector<std::deque<TradePrint>> m_tapes;
    std::vector<std::int64_t> m_nextTradeIds;
    std::map<std::string, std::unique_ptr<ExchangeAccount>, std::less<>> m_accounts;
    IObserver* m_observer = nullptr;
    std::vector<adapters::MarketDataEvent> m_scratch;
};

} // namespace cw::exchangesim
