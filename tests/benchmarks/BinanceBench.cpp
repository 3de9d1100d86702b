// SPDX-License-Identifier: MIT
// Binance market-data path on one core: parsing trade messages (binance_parse/*) and the
// whole ingest of a trade stream - parse, 1-minute bars (BarAggregator) and streaming
// indicators on every trade (binance_ingest). See docs/PERFORMANCE.md, "Binance".
#include "core/adapters/binance/BinanceMarketDataParser.hpp"
#include "core/adapters/binance/BinanceSymbolTable.hpp"
#include "core/engine/BarAggregator.hpp"
#include "core/indicators/BollingerBands.hpp"
#include "core/indicators/Ema.hpp"
#include "core/indicators/Macd.hpp"
#include "core/indicators/Rsi.hpp"
#include "core/indicators/Sma.hpp"

#include <benchmark/benchmark.h>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <random>
#include <string>
#include <vector>

namespace {

using namespace cw;
using namespace cw::adapters;
using namespace cw::adapters::binance;

/// 2024-06-05 14:30 UTC.
constexpr std::int64_t kStartMs = 1'717'597'800'000;

/// Trade messages as the venue sends them on a raw (or combined) connection: a random walk in
/// cents around 67,000 USDT, sizes of 0.00001..2 BTC, 8 decimals as Binance prints them,
/// 100 trades a second (6,000 per 1-minute bar).
std::vector<std::string> makeTradeMessages(std::size_t count, bool combined) {
    std::mt19937_64 random(42);
    std::vector<std::string> messages;
    messages.reserve(count);
    std::int64_t cents = 6'700'000;
    char buffer[320];
    for (std::size_t i = 0; i < count; ++i) {
        cents += static_cast<std::int64_t>(random() % 21) - 10;
        const std::int64_t sizeUnits = 1 + static_cast<std::int64_t>(random() % 200'000); // 1e-5
        const std::int64_t timeMs = kStartMs + static_cast<std::int64_t>(i) * 10;
        const int n = std::snprintf(
            buffer, sizeof buffer,
            "%s{\"e\":\"trade\",\"E\":%lld,\"s\":\"BTCUSDT\",\"t\":%llu,\"p\":\"%lld.%"
            "02lld000000\","
            "\"q\":\"%lld.%05lld000\",\"T\":%lld,\"m\":%s,\"M\":true}%s",
            combined ? "{\"stream\":\"btcusdt@trade\",\"data\":" : "",
            static_cast<long long>(timeMs + 1),
            static_cast<unsigned long long>(3'000'000'000ULL + i),
            static_cast<long long>(cents / 100), static_cast<long long>(cents % 100),
            static_cast<long long>(sizeUnits / 100'000),
            static_cast<long long>(sizeUnits % 100'000), static_cast<long long>(timeMs),
            (random() & 1) ? "true" : "false", combined ? "}" : "");
        messages.emplace_back(buffer, static_cast<std::size_t>(n));
    }
    return messages;
}

BinanceSymbolTable btcTable() {
    BinanceSymbolTable table;
    (void)table.add("BTCUSDT", 2, 5);
    return table;
}

void parseTrades(benchmark::State& state, bool combined) {
    const auto messages = makeTradeMessages(1 << 14, combined);
    const auto table = btcTable();
    BinanceMarketDataParser parser(table);
    std::size_t i = 0;
    std::int64_t bytes = 0;
    for (auto _ : state) {
        const std::string& message = messages[i++ & ((1 << 14) - 1)];
        auto result = parser.parse(message, 0);
        if (!result) {
            state.SkipWithError(result.error().message.c_str());
            return;
        }
        benchmark::DoNotOptimize(result);
        bytes += static_cast<std::int64_t>(message.size());
    }
    state.SetItemsProcessed(state.iterations());
    state.SetBytesProcessed(bytes);
    state.counters["msgs_per_s"] =
        benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

void parseTradeRaw(benchmark::State& state) {
    parseTrades(state, false);
}
void parseTradeCombined(benchmark::State& state) {
    parseTrades(state, true);
}

/// Parse -> BarAggregator (1m) -> five streaming indicators revised on every trade (the
/// forming bar), committed when a bar closes: what the engine does per trade for one chart.
void ingest(benchmark::State& state) {
    constexpr std::size_t kMessages = 1 << 18; // 43.7 minutes of trades
    const auto messages = makeTradeMessages(kMessages, true);
    const auto table = btcTable();
    BinanceMarketDataParser parser(table);
    auto aggregator = std::make_unique<engine::BarAggregator>(Timeframe::minutes(1));
    std::vector<std::unique_ptr<indicators::IStreamingIndicator>> streams;
    auto makeStreams = [&streams] {
        streams.clear();
        streams.push_back(std::make_unique<indicators::SmaStream>(20));
        streams.push_back(std::make_unique<indicators::EmaStream>(20));
        streams.push_back(std::make_unique<indicators::RsiStream>(14));
        streams.push_back(std::make_unique<indicators::MacdStream>(12, 26, 9));
        streams.push_back(std::make_unique<indicators::BollingerBandsStream>(20, 2.0));
    };
    makeStreams();
    std::vector<Bar> closed;
    closed.reserve(16);
    std::size_t i = 0;
    std::int64_t bars = 0;
    for (auto _ : state) {
        if (i == kMessages) {
            // Times restart: a fresh chart (rare: once every 262,144 trades).
            i = 0;
            aggregator = std::make_unique<engine::BarAggregator>(Timeframe::minutes(1));
            makeStreams();
        }
        auto result = parser.parse(messages[i++], 0);
        if (!result) {
            state.SkipWithError(result.error().message.c_str());
            return;
        }
        const auto& trade = std::get<TradeReceived>(*result);
        closed.clear();
        aggregator->addTrade(trade.tick, closed);
        for (std::size_t k = 0; k < closed.size(); ++k) {
            // The first closed bar is the streams' forming one in its final state; flat
            // bars for empty minutes after it are new bars.
            const OhlcvRow row = closed[k].toOhlcvRow();
            for (auto& s : streams) {
                if (k == 0)
                    s->updateLast(row);
                else
                    s->update(row);
            }
            ++bars;
        }
        if (const auto& forming = aggregator->formingBar()) {
            const OhlcvRow row = forming->toOhlcvRow();
            const bool newBar = !closed.empty() || aggregator->tradesMerged() == 1;
            for (auto& s : streams) {
                if (newBar)
                    s->update(row);
                else
                    s->updateLast(row);
                benchmark::DoNotOptimize(s->value(0));
            }
        }
    }
    state.SetItemsProcessed(state.iterations());
    state.counters["trades_per_s"] =
        benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
    state.counters["bars_closed"] = static_cast<double>(bars);
}

} // namespace

BENCHMARK(parseTradeRaw)->Name("binance_parse/trade")->Unit(benchmark::kNanosecond);
BENCHMARK(parseTradeCombined)->Name("binance_parse/trade_combined")->Unit(benchmark::kNanosecond);
BENCHMARK(ingest)->Name("binance_ingest")->Unit(benchmark::kNanosecond);
