// SPDX-License-Identifier: MIT
#include "core/adapters/sim/SimulatedMarketDataClient.hpp"

#include "tests/unit/adapters/sim/SimTestSupport.hpp"

#include <chrono>
#include <gtest/gtest.h>
#include <thread>

using namespace cw;
using namespace cw::adapters;
using namespace cw::adapters::sim;
using namespace cw::adapters::sim::testing;
using namespace std::chrono_literals;

namespace {

InstrumentKey key(std::string_view symbol) {
    return *InstrumentKey::make("SIM", symbol);
}

template <class Predicate>
bool waitFor(Predicate predicate, std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
        if (predicate())
            return true;
        std::this_thread::sleep_for(2ms);
    }
    return predicate();
}

std::unique_ptr<SimulatedMarketDataClient> makeClient(SimulationConfig config,
                                                      IMarketDataSink& sink) {
    auto client = SimulatedMarketDataClient::create(std::move(config), sink);
    EXPECT_TRUE(client.hasValue());
    return std::move(*client);
}

} // namespace

TEST(SimulatedMarketDataClient, postsSubscribedTradesFromItsThreadAndStopsQuickly) {
    RecordingSink sink;
    auto config = fixedConfig(1);
    config.speed = 100.0;
    auto client = makeClient(config, sink);
    ASSERT_TRUE(client->connect().hasValue());
    ASSERT_TRUE(client->subscribe({key("ETHUSDT"), true, false}).hasValue());
    ASSERT_TRUE(waitFor([&] { return sink.count<TradeReceived>() >= 50; }, 10s));

    const auto started = std::chrono::steady_clock::now();
    client->disconnect();
    const auto stopMs =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
            .count();
    EXPECT_LT(stopMs, 500.0);
    EXPECT_EQ(client->state(), FeedState::Disconnected);

    const auto events = sink.events();
    const auto threads = sink.threads();
    ASSERT_GE(events.size(), 3u);
    EXPECT_EQ(std::get<FeedStatusChanged>(events.front()).state, FeedState::Connecting);
    EXPECT_EQ(std::get<FeedStatusChanged>(events.back()).state, FeedState::Disconnected);
    for (std::size_t i = 0; i < events.size(); ++i) {
        EXPECT_NE(threads[i], std::this_thread::get_id()) << "posted from the caller's thread";
        EXPECT_FALSE(std::holds_alternative<QuoteReceived>(events[i])) << "quotes not asked";
        if (const auto* t = std::get_if<TradeReceived>(&events[i])) {
            EXPECT_EQ(t->instrument, key("ETHUSDT"));
        }
    }
    // Nothing arrives after disconnect() returned.
    const std::size_t after = sink.size();
    std::this_thread::sleep_for(50ms);
    EXPECT_EQ(sink.size(), after);
    client->disconnect(); // idempotent
    EXPECT_EQ(sink.size(), after);
}

TEST(SimulatedMarketDataClient, simulatedTimeRunsAtTheConfiguredSpeed) {
    RecordingSink sink;
    auto config = fixedConfig(0);
    config.speed = 100.0;
    auto client = makeClient(config, sink);
    ASSERT_TRUE(client->connect().hasValue());
    ASSERT_TRUE(waitFor([&] { return client->state() == FeedState::Connected; }, 10s));
    ASSERT_TRUE(waitFor([&] { return client->simulatedTime() > config.startTime; }, 2s));
    const TimestampNs simulated0 = client->simulatedTime();
    const auto wall0 = std::chrono::steady_clock::now();
    std::this_thread::sleep_for(1s);
    const TimestampNs simulated1 = client->simulatedTime();
    const double wall =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - wall0).count();
    const double ratio = static_cast<double>(simulated1 - simulated0) / kNsPerSecond / wall;
    EXPECT_GT(ratio, 70.0); // about 100 s of market time per wall second
    EXPECT_LT(ratio, 130.0);

    ASSERT_TRUE(client->setSpeed(1000.0).hasValue());
    EXPECT_FALSE(client->setSpeed(std::nan("")).hasValue());
    EXPECT_FALSE(client->setSpeed(0.0).hasValue());
    EXPECT_FALSE(client->setSpeed(1e6).hasValue());
    client->disconnect();
}

TEST(SimulatedMarketDataClient, rejectsUnknownInstrumentsLocally) {
    RecordingSink sink;
    auto client = makeClient(fixedConfig(0), sink);
    // Not connected yet.
    EXPECT_EQ(client->subscribe({key("BTCUSDT")}).error().code, ErrorCode::InvalidArgument);
    ASSERT_TRUE(client->connect().hasValue());
    EXPECT_EQ(client->subscribe({key("NOPE")}).error().code, ErrorCode::NotFound);
    EXPECT_EQ(client->subscribe({*InstrumentKey::make("BINANCE", "BTCUSDT")}).error().code,
              ErrorCode::InvalidArgument);
    EXPECT_EQ(client->subscribe({InstrumentKey{}}).error().code, ErrorCode::InvalidArgument);
    EXPECT_EQ(client->subscribe({key("BTCUSDT"), false, false}).error().code,
              ErrorCode::InvalidArgument);
    EXPECT_EQ(client->unsubscribe({key("NOPE")}).error().code, ErrorCode::NotFound);
    EXPECT_EQ(client->requestBars({1, key("NOPE"), Timeframe::minutes(1)}).error().code,
              ErrorCode::NotFound);
    client->disconnect();
    EXPECT_EQ(sink.count<TradeReceived>(), 0u); // nothing was subscribed
}

TEST(SimulatedMarketDataClient, answersBarRequestsThroughTheSink) {
    RecordingSink sink;
    auto client = makeClient(fixedConfig(2), sink);
    const auto& caps = client->capabilities();
    EXPECT_EQ(caps.historyTimeframes.front(), Timeframe::minutes(1));
    EXPECT_GT(caps.maxBarsPerRequest, 1000);

    EXPECT_EQ(client->requestBars({1, key("ES"), Timeframe::minutes(1)}).error().code,
              ErrorCode::InvalidArgument); // not connected
    ASSERT_TRUE(client->connect().hasValue());
    EXPECT_EQ(client->requestBars({2, key("ES"), Timeframe::seconds(1)}).error().code,
              ErrorCode::Unsupported);
    EXPECT_EQ(client->requestBars({3, key("ES"), Timeframe::minutes(1), RequestBars::kLatest, 0})
                  .error()
                  .code,
              ErrorCode::InvalidArgument);
    ASSERT_TRUE(client->requestBars({4, key("ES"), Timeframe::hours(1), RequestBars::kLatest, 24})
                    .hasValue());
    ASSERT_TRUE(waitFor([&] { return sink.count<BarsReceived>() == 1; }, 10s));
    client->disconnect();
    for (const auto& e : sink.events())
        if (const auto* bars = std::get_if<BarsReceived>(&e)) {
            EXPECT_EQ(bars->requestId, 4u);
            EXPECT_FALSE(bars->error.has_value());
            EXPECT_EQ(bars->bars.size(), 24u);
            EXPECT_TRUE(bars->hasOlder);
            EXPECT_EQ(bars->timeframe, Timeframe::hours(1));
        }
}

TEST(SimulatedMarketDataClient, destructorStopsARunningFeed) {
    RecordingSink sink;
    {
        auto config = fixedConfig(0);
        config.speed = 1000.0;
        auto client = makeClient(config, sink);
        ASSERT_TRUE(client->connect().hasValue());
        ASSERT_TRUE(client->connect().hasValue()); // harmless while connecting
        ASSERT_TRUE(client->subscribe({key("BTCUSDT")}).hasValue());
        ASSERT_TRUE(waitFor([&] { return sink.count<TradeReceived>() > 0; }, 10s));
    }
    EXPECT_EQ(std::get<FeedStatusChanged>(sink.events().back()).state, FeedState::Disconnected);
}

TEST(SimulatedMarketDataClient, createRejectsInvalidConfig) {
    RecordingSink sink;
    auto config = fixedConfig(0);
    config.speed = std::numeric_limits<double>::infinity();
    EXPECT_FALSE(SimulatedMarketDataClient::create(config, sink).hasValue());
}
