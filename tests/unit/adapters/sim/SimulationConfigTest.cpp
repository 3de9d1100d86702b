// SPDX-License-Identifier: MIT
#include "core/adapters/sim/SimulationConfig.hpp"

#include "core/adapters/sim/SimulatedInstrumentProvider.hpp"
#include "core/adapters/sim/SimulatedVenue.hpp"
#include "tests/unit/adapters/sim/SimTestSupport.hpp"

#include <cmath>
#include <gtest/gtest.h>
#include <limits>
#include <set>

using namespace cw;
using namespace cw::adapters;
using namespace cw::adapters::sim;
using namespace cw::adapters::sim::testing;

TEST(SimulationConfig, builtInInstrumentsAreValidAndVaried) {
    const auto specs = SimulatedInstrumentSpec::builtIn();
    ASSERT_GE(specs.size(), 6u);
    std::set<AssetClass> classes;
    std::set<int> precisions;
    for (const auto& spec : specs) {
        EXPECT_TRUE(spec.validate().hasValue()) << spec.instrument.symbol;
        classes.insert(spec.instrument.assetClass);
        precisions.insert(spec.instrument.pricePrecision);
    }
    EXPECT_GE(classes.size(), 4u);
    EXPECT_GE(precisions.size(), 2u);
    EXPECT_TRUE(SimulationConfig{}.validate().hasValue());
}

TEST(SimulationConfig, rejectsNanInfiniteAndOutOfRangeValues) {
    const double bad[] = {std::nan(""), std::numeric_limits<double>::infinity(), 0.0, -1.0, 1000.5};
    for (double speed : bad) {
        auto config = fixedConfig(1);
        config.speed = speed;
        EXPECT_EQ(config.validate().error().code, ErrorCode::InvalidArgument) << speed;
    }
    auto config = fixedConfig(-1);
    EXPECT_FALSE(config.validate().hasValue());
    config = fixedConfig(1);
    config.startTime = -5;
    EXPECT_FALSE(config.validate().hasValue());
    config = fixedConfig(1);
    config.instruments.clear();
    EXPECT_FALSE(config.validate().hasValue());
    config = fixedConfig(1);
    config.instruments.push_back(config.instruments.front());
    EXPECT_FALSE(config.validate().hasValue()) << "duplicate symbol";
    config = fixedConfig(1);
    config.instruments[0].dailyVolatility = std::nan("");
    EXPECT_FALSE(config.validate().hasValue());
    config = fixedConfig(1);
    config.instruments[0].garchAlpha = 0.5;
    config.instruments[0].garchBeta = 0.5;
    EXPECT_FALSE(config.validate().hasValue()) << "non-stationary variance";
    config = fixedConfig(1);
    config.instruments[0].instrument.venue = "BINANCE";
    EXPECT_FALSE(config.validate().hasValue());
    config = fixedConfig(1);
    config.instruments[0].initialPrice = -3.0;
    EXPECT_FALSE(config.validate().hasValue());
}

TEST(SimulationConfig, readsTextSettings) {
    auto config = SimulationConfig::fromSettings(
        {{"seed", "99"}, {"speed", "250.5"}, {"startTime", "now"}, {"historyDays", "7"}});
    ASSERT_TRUE(config.hasValue()) << config.error().message;
    EXPECT_EQ(config->seed, 99u);
    EXPECT_DOUBLE_EQ(config->speed, 250.5);
    EXPECT_EQ(config->startTime, 0);
    EXPECT_EQ(config->historyDays, 7);
}

TEST(SimulationConfig, rejectsGarbageSettingsAndUnknownKeys) {
    const AdapterSettings bad[] = {
        {{"speed", "fast"}}, {{"speed", "nan"}},       {{"speed", "5000"}},
        {{"seed", "-1"}},    {{"seed", "12abc"}},      {{"seed", ""}},
        {{"colour", "red"}}, {{"historyDays", "1e3"}}, {{"startTime", "yesterday"}}};
    for (const auto& settings : bad) {
        auto config = SimulationConfig::fromSettings(settings);
        ASSERT_FALSE(config.hasValue())
            << settings.begin()->first << "=" << settings.begin()->second;
        EXPECT_EQ(config.error().code, ErrorCode::InvalidArgument);
    }
}

TEST(SimulatedVenue, registersAndCreatesBothClientsByName) {
    AdapterRegistry registry;
    ASSERT_TRUE(SimulatedVenue::registerIn(registry).hasValue());
    EXPECT_FALSE(SimulatedVenue::registerIn(registry).hasValue()); // only once
    RecordingSink sink;
    auto clients = registry.create("sim", {{"historyDays", "0"}}, sink);
    ASSERT_TRUE(clients.hasValue());
    ASSERT_NE(clients->instruments, nullptr);
    ASSERT_NE(clients->marketData, nullptr);
    EXPECT_EQ(clients->marketData->venue(), "SIM");
    EXPECT_EQ(clients->instruments->venue(), "SIM");
    EXPECT_FALSE(registry.create("sim", {{"speed", "0"}}, sink).hasValue());
}

TEST(SimulatedInstrumentProvider, findsSearchesAndAnswersRequests) {
    RecordingSink sink;
    SimulatedInstrumentProvider provider(SimulationConfig{}, sink);
    EXPECT_EQ(provider.instruments().size(), 6u);
    ASSERT_TRUE(provider.find("EURUSD").hasValue());
    EXPECT_EQ(provider.find("EURUSD")->pricePrecision, 5);
    EXPECT_EQ(provider.find("eurusd").error().code, ErrorCode::NotFound);

    const auto usdt = provider.search("usdt", 10);
    ASSERT_EQ(usdt.size(), 2u);
    const auto es = provider.search("es", 10);
    ASSERT_FALSE(es.empty());
    EXPECT_EQ(es.front().symbol, "ES"); // exact match first
    EXPECT_EQ(provider.search("", 3).size(), 3u);
    EXPECT_TRUE(provider.search("zzz", 10).empty());

    ASSERT_TRUE(provider.requestInstruments({17}).hasValue());
    const auto events = sink.events();
    ASSERT_EQ(events.size(), 1u);
    const auto& received = std::get<InstrumentsReceived>(events[0]);
    EXPECT_EQ(received.requestId, 17u);
    EXPECT_EQ(received.instruments.size(), 6u);
}
