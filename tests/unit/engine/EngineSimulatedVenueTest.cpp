// SPDX-License-Identifier: MIT
// The engine against the real simulated exchange (its driver thread): paging back to the start
// of history, a history answer lost on the way, the previous close of a closed market and the
// live playback speed.
#include "core/adapters/sim/SimulatedMarket.hpp"
#include "core/adapters/sim/SimulatedMarketDataClient.hpp"
#include "core/engine/Engine.hpp"

#include <atomic>
#include <chrono>
#include <cmath>
#include <functional>
#include <gtest/gtest.h>
#include <limits>
#include <thread>
#include <vector>

using namespace cw;
using namespace cw::engine;
using adapters::sim::SimulatedMarket;
using adapters::sim::SimulatedMarketDataClient;
using adapters::sim::SimulationConfig;

namespace {

/// Sunday 2 June 2024, 12:00 UTC: the US equity session is closed, crypto trades.
constexpr TimestampNs kSunday = 1'717'329'600LL * kNsPerSecond;

SimulationConfig configFor(std::string_view symbol, int historyDays) {
    SimulationConfig config;
    config.seed = 77;
    config.startTime = kSunday;
    config.historyDays = historyDays;
    config.speed = 1.0;
    config.driverStepMs = 5;
    std::erase_if(config.instruments,
                  [symbol](const auto& spec) { return spec.instrument.symbol != symbol; });
    return config;
}

adapters::InstrumentKey simKey(std::string_view symbol) {
    return *adapters::InstrumentKey::make("SIM", symbol);
}

/// Forwards everything to the engine except the first history answer, which it drops (what
/// a full engine queue does).
class DropFirstHistoryAnswer final : public adapters::IMarketDataSink {
public:
    explicit DropFirstHistoryAnswer(Engine& engine) : m_engine(engine) {}
    void post(adapters::MarketDataEvent&& event) override {
        if (std::holds_alternative<adapters::BarsReceived>(event) && !m_dropped.exchange(true))
            return;
        m_engine.post(std::move(event));
    }
    bool dropped() const { return m_dropped.load(); }

private:
    Engine& m_engine;
    std::atomic<bool> m_dropped{false};
};

/// Runs the engine by hand (commands, events, retries) until `done` or 30 s.
bool runUntil(Engine& engine, const std::function<bool()>& done) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (std::chrono::steady_clock::now() < deadline) {
        engine.processPending();
        engine.retryOverdueHistory(std::chrono::steady_clock::now());
        if (done())
            return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    return false;
}

/// The market's own history bars (before the live start) of its only instrument.
std::vector<Bar> historyOf(const SimulationConfig& config) {
    auto market = SimulatedMarket::create(config);
    EXPECT_TRUE(market.hasValue());
    std::vector<Bar> bars;
    for (const auto& record : market->minuteBars(0))
        if (record.openTime < market->liveStart())
            bars.push_back(market->toBar(0, record));
    return bars;
}

} // namespace

TEST(EngineWithSimulatedExchange, watchlistShowsThePreviousCloseWhileTheMarketIsClosed) {
    const SimulationConfig config = configFor("AAPL", 5);
    const std::vector<Bar> history = historyOf(config);
    ASSERT_FALSE(history.empty());
    // The expectation from the market's bars: Friday's last close, against Thursday's.
    const Bar& last = history.back();
    const TimestampNs friday = last.openTime / kNsPerDay * kNsPerDay;
    ASSERT_LT(friday, kSunday - kNsPerDay); // no bar on the weekend
    const Bar* thursday = nullptr;
    for (const Bar& bar : history)
        if (bar.openTime < friday)
            thursday = &bar;
    ASSERT_NE(thursday, nullptr);

    Engine engine;
    auto client = SimulatedMarketDataClient::create(config, engine);
    ASSERT_TRUE(client.hasValue());
    engine.attachMarketData(**client);
    engine.connectFeeds();
    ASSERT_TRUE(engine.postCommand(SubscribeQuotes{simKey("AAPL")}).hasValue());
    QuoteBoardRow row;
    ASSERT_TRUE(runUntil(engine, [&] {
        const SnapshotBatch batch = engine.takeSnapshots();
        EXPECT_TRUE(batch.errors.empty());
        if (batch.quotes)
            row = batch.quotes->rows.at(0);
        return row.hasLast;
    }));
    EXPECT_EQ(row.last, last.close);
    EXPECT_NEAR(row.changePercent,
                (last.close.toDouble() / thursday->close.toDouble() - 1.0) * 100.0, 1e-9);
    EXPECT_TRUE(row.dayVolume.isZero());
    EXPECT_GE(row.lastTradeTime, friday);
    EXPECT_LT(row.lastTradeTime, friday + kNsPerDay);
    EXPECT_FALSE(engine.formingMinute(simKey("AAPL"))); // the market is closed: no trade
    engine.disconnectFeeds();
}

TEST(EngineWithSimulatedExchange, aDroppedHistoryAnswerIsAskedForAgain) {
    const SimulationConfig config = configFor("BTCUSDT", 1);
    const std::vector<Bar> history = historyOf(config);
    Engine::Config engineConfig;
    engineConfig.historyBars = 500;
    engineConfig.historyTimeout = std::chrono::milliseconds(200);
    Engine engine(engineConfig);
    DropFirstHistoryAnswer sink(engine);
    auto client = SimulatedMarketDataClient::create(config, sink);
    ASSERT_TRUE(client.hasValue());
    engine.attachMarketData(**client);
    engine.connectFeeds();
    ASSERT_TRUE(
        engine.postCommand(OpenChart{1, simKey("BTCUSDT"), Timeframe::minutes(1)}).hasValue());
    ASSERT_TRUE(
        runUntil(engine, [&] { return engine.minuteBars(simKey("BTCUSDT")).size() >= 400; }));
    EXPECT_TRUE(sink.dropped());
    EXPECT_EQ(engine.pendingHistoryRequests(), 0u);
    // The bars before the live start are the market's last history minutes.
    const auto bars = engine.minuteBars(simKey("BTCUSDT"));
    std::size_t matched = 0;
    for (const Bar& bar : bars) {
        if (bar.openTime >= history.back().openTime + kNsPerMinute)
            break;
        const auto it =
            std::lower_bound(history.begin(), history.end(), bar.openTime,
                             [](const Bar& b, TimestampNs t) { return b.openTime < t; });
        ASSERT_NE(it, history.end());
        EXPECT_EQ(*it, bar);
        ++matched;
    }
    EXPECT_GE(matched, 499u);
    EXPECT_TRUE(engine.takeSnapshots().errors.empty());
    engine.disconnectFeeds();
}

TEST(EngineWithSimulatedExchange, scrollingBackLoadsPagesUntilTheStartOfHistory) {
    const SimulationConfig config = configFor("BTCUSDT", 2);
    const std::vector<Bar> history = historyOf(config);
    ASSERT_EQ(history.size(), 2u * 1440u);
    Engine::Config engineConfig;
    engineConfig.historyBars = 1000;
    engineConfig.historyPageBars = 1000;
    Engine engine(engineConfig);
    auto client = SimulatedMarketDataClient::create(config, engine);
    ASSERT_TRUE(client.hasValue());
    engine.attachMarketData(**client);
    engine.connectFeeds();
    const adapters::InstrumentKey key = simKey("BTCUSDT");
    ASSERT_TRUE(engine.postCommand(OpenChart{1, key, Timeframe::minutes(15)}).hasValue());
    int pages = 0;
    ASSERT_TRUE(runUntil(engine, [&] {
        if (engine.chart(1)->historyStart())
            return true;
        // The chart view asks when the user reaches the oldest bar; here: whenever idle.
        if (!engine.minuteBars(key).empty() && engine.pendingHistoryRequests() == 0) {
            EXPECT_TRUE(engine.postCommand(LoadOlderBars{1}).hasValue());
            ++pages;
        }
        return false;
    }));
    // One scroll chains the venue's pages (1000 + 880 older 1m bars) until the start of history:
    // 500 bars of 15 minutes would need 7,500.
    EXPECT_EQ(pages, 1);
    const auto bars = engine.minuteBars(key);
    ASSERT_GE(bars.size(), history.size());
    for (std::size_t i = 0; i < history.size(); ++i)
        ASSERT_EQ(bars[i], history[i]) << i;
    // The chart holds every 15m bucket of the two days.
    EXPECT_EQ(engine.chart(1)->closedBars().front().openTime, history.front().openTime);
    const SnapshotBatch batch = engine.takeSnapshots();
    ASSERT_EQ(batch.charts.size(), 1u);
    EXPECT_TRUE(batch.charts[0]->historyStart);
    EXPECT_TRUE(batch.errors.empty());
    engine.disconnectFeeds();
}

TEST(EngineWithSimulatedExchange, playbackSpeedChangesTheRunningFeed) {
    Engine engine;
    auto client = SimulatedMarketDataClient::create(configFor("BTCUSDT", 0), engine);
    ASSERT_TRUE(client.hasValue());
    engine.attachMarketData(**client);
    engine.connectFeeds();
    ASSERT_TRUE(engine.postCommand(SetPlaybackSpeed{"SIM", 250.0}).hasValue());
    ASSERT_TRUE(engine.postCommand(SetPlaybackSpeed{"SIM", 5000.0}).hasValue()); // beyond 1000x
    ASSERT_TRUE(engine.postCommand(SetPlaybackSpeed{"SIM", std::nan("")}).hasValue());
    engine.processPending();
    EXPECT_EQ((*client)->speed(), 250.0);
    const SnapshotBatch batch = engine.takeSnapshots();
    ASSERT_EQ(batch.errors.size(), 2u);
    EXPECT_EQ(batch.errors[0].code, ErrorCode::InvalidArgument);
    EXPECT_EQ(batch.errors[1].code, ErrorCode::InvalidArgument);

    // Simulated time now runs about 250 times faster than the wall clock.
    ASSERT_TRUE(runUntil(engine, [&] { return (*client)->simulatedTime() != 0; }));
    const TimestampNs from = (*client)->simulatedTime();
    const auto wallFrom = std::chrono::steady_clock::now();
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    const TimestampNs to = (*client)->simulatedTime();
    const double wall =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - wallFrom).count();
    const double ratio = static_cast<double>(to - from) / kNsPerSecond / wall;
    EXPECT_GT(ratio, 100.0);
    EXPECT_LT(ratio, 400.0);
    engine.disconnectFeeds();
}

TEST(SimulatedMarketDataClient, playbackSpeedThroughTheInterfaceSetsTheSpeed) {
    Engine engine;
    auto client = SimulatedMarketDataClient::create(configFor("BTCUSDT", 0), engine);
    ASSERT_TRUE(client.hasValue());
    adapters::IMarketDataClient& feed = **client;
    EXPECT_TRUE(feed.setPlaybackSpeed(10.0).hasValue());
    EXPECT_EQ((*client)->speed(), 10.0);
    for (double bad :
         {0.0, -1.0, 0.05, 1000.5, std::numeric_limits<double>::infinity(), std::nan("")}) {
        auto set = feed.setPlaybackSpeed(bad);
        ASSERT_FALSE(set.hasValue()) << bad;
        EXPECT_EQ(set.error().code, ErrorCode::InvalidArgument) << bad;
    }
    EXPECT_EQ((*client)->speed(), 10.0); // unchanged by the rejected ones
}
