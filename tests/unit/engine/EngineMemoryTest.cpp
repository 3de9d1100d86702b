// SPDX-License-Identifier: MIT
// What the engine and a replica keep of a chart: one exact 1m store per instrument, no copy of
// a Full snapshot's doubles in the engine, and a replica that changes its buffers in place.
// These fail when a regression brings back a copy (docs/live-path-performance.md).
#include "core/engine/ChartReplica.hpp"
#include "core/engine/Engine.hpp"

#include <gtest/gtest.h>
#include <memory>
#include <vector>

using namespace cw;
using namespace cw::engine;

namespace {

adapters::InstrumentKey btc() {
    return *adapters::InstrumentKey::make("SIM", "BTCUSDT");
}

constexpr TimestampNs kStart = 1'700'000'100LL * kNsPerSecond; // a whole 5 minutes, UTC

std::vector<Bar> history(std::size_t count) {
    std::vector<Bar> bars;
    std::int64_t price = 3'000'000;
    for (std::size_t i = 0; i < count; ++i) {
        Bar bar;
        bar.openTime = kStart + static_cast<std::int64_t>(i) * kNsPerMinute;
        bar.timeframe = Timeframe::minutes(1);
        bar.open = Price::fromRaw(price, 2);
        price += static_cast<std::int64_t>(i % 7) * 10 - 30;
        bar.close = Price::fromRaw(price, 2);
        bar.high = Price::fromRaw(std::max(bar.open.raw(), price) + 25, 2);
        bar.low = Price::fromRaw(std::min(bar.open.raw(), price) - 25, 2);
        bar.volume = Quantity::fromRaw(1000 + static_cast<std::int64_t>(i % 13), 3);
        bar.tradeCount = 5;
        bars.push_back(bar);
    }
    return bars;
}

adapters::MarketDataEvent historyEvent(std::vector<Bar> bars) {
    adapters::BarsReceived answer;
    answer.instrument = btc();
    answer.timeframe = Timeframe::minutes(1);
    answer.bars = std::move(bars);
    return answer;
}

adapters::MarketDataEvent trade(TimestampNs time, std::int64_t price, std::int64_t id) {
    return adapters::TradeReceived{
        btc(), Tick{time, Price::fromRaw(price, 2), Quantity::fromRaw(1, 0), Side::Buy, id}, 0};
}

} // namespace

TEST(EngineMemory, oneMinuteChartReadsTheInstrumentStoreThatHoldsABarInAtMost48Bytes) {
    constexpr std::size_t kBars = 20'000;
    Engine engine;
    ASSERT_TRUE(engine.postCommand(OpenChart{1, btc(), Timeframe::minutes(1)}).hasValue());
    ASSERT_TRUE(engine.postCommand(OpenChart{2, btc(), Timeframe::minutes(5)}).hasValue());
    engine.processPending();
    engine.post(historyEvent(history(kBars)));
    engine.processPending();

    const BarStore* store = engine.minuteStore(btc());
    ASSERT_NE(store, nullptr);
    ASSERT_EQ(store->size(), kBars);
    // One exact copy, columnar: <= 48 bytes a bar (28 here, where every value fits 32 bits),
    // against 104 for a std::vector<Bar>.
    EXPECT_LE(store->memoryBytes(), kBars * 48);
    EXPECT_LE(store->memoryBytes(), kBars * 28 * 5 / 4); // growth slack at most a quarter
    // The 1m chart keeps no bars of its own; the 5m chart its 4,000 bars.
    EXPECT_EQ(engine.chart(1)->ownBarBytes(), 0u);
    EXPECT_EQ(engine.chart(1)->closedBarCount(), kBars);
    EXPECT_EQ(engine.chart(2)->closedBarCount(), kBars / 5);
    EXPECT_LE(engine.chart(2)->ownBarBytes(), kBars / 5 * 48);
}

TEST(EngineMemory, theEngineKeepsNoCopyOfAFullSnapshotsBarsOrColumns) {
    Engine engine;
    ASSERT_TRUE(engine.postCommand(OpenChart{1, btc(), Timeframe::minutes(1)}).hasValue());
    ASSERT_TRUE(engine.postCommand(AddIndicator{1, 1, "sma:20"}).hasValue());
    ASSERT_TRUE(engine.postCommand(AddIndicator{1, 2, "bbands:20,2"}).hasValue());
    engine.processPending();
    engine.post(historyEvent(history(3000)));
    engine.processPending();

    std::weak_ptr<const BarSeries> bars;
    std::weak_ptr<const std::vector<std::vector<double>>> columns;
    {
        SnapshotBatch batch = engine.takeSnapshots();
        ASSERT_EQ(batch.charts.size(), 1u);
        const ChartSnapshot& full = *batch.charts[0];
        ASSERT_EQ(full.kind, ChartSnapshot::Kind::Full);
        ASSERT_EQ(full.bars->size(), 3000u);
        ASSERT_EQ(full.indicators.size(), 2u);
        ASSERT_EQ(full.indicators[1].closedColumns->size(), 3u);
        bars = full.bars;
        columns = full.indicators[1].closedColumns;
    }
    // The snapshot was the only owner: the engine holds exact bars and streams, no doubles.
    EXPECT_TRUE(bars.expired());
    EXPECT_TRUE(columns.expired());

    // Live trades after it still arrive as Deltas with values from the streams.
    engine.post(trade(kStart + 3000 * kNsPerMinute + kNsPerSecond, 3'000'100, 1));
    engine.post(trade(kStart + 3001 * kNsPerMinute + kNsPerSecond, 3'000'200, 2));
    engine.processPending();
    SnapshotBatch delta = engine.takeSnapshots();
    ASSERT_EQ(delta.charts.size(), 1u);
    EXPECT_EQ(delta.charts[0]->kind, ChartSnapshot::Kind::Delta);
    EXPECT_EQ(delta.charts[0]->appendedBars.size(), 1u);
    EXPECT_EQ(delta.charts[0]->indicators[0].appendedValues[0].size(), 1u);
}

TEST(ChartReplica, deltasChangeTheSharedBuffersInPlaceAndAFullHandsOutNewOnes) {
    Engine engine;
    ASSERT_TRUE(engine.postCommand(OpenChart{1, btc(), Timeframe::minutes(1)}).hasValue());
    ASSERT_TRUE(engine.postCommand(AddIndicator{1, 1, "ema:10"}).hasValue());
    engine.processPending();
    engine.post(historyEvent(history(500)));
    engine.processPending();

    ChartReplica replica;
    ASSERT_TRUE(replica.apply(*engine.takeSnapshots().charts.at(0)).hasValue());
    const std::shared_ptr<const BarSeries> bars = replica.sharedBars();
    const std::shared_ptr<const std::vector<double>> ema = replica.sharedIndicatorColumn(0, 0);
    const double* closes = bars->close().data();
    ASSERT_EQ(bars->size(), 500u);

    for (int i = 0; i < 40; ++i) {
        engine.post(trade(kStart + (500 + i) * kNsPerMinute + kNsPerSecond, 3'000'000 + i, i + 1));
        engine.processPending();
        for (const ChartSnapshotPtr& s : engine.takeSnapshots().charts)
            ASSERT_TRUE(replica.apply(*s).hasValue());
    }
    // The handles saw every Delta: same objects, same buffers (no copy, no reallocation within
    // the room a Full leaves), 39 closed bars and the forming one added.
    EXPECT_EQ(&replica.bars(), bars.get());
    EXPECT_EQ(replica.bars().close().data(), closes);
    EXPECT_EQ(bars->size(), 540u);
    EXPECT_EQ(ema->size(), 540u);
    EXPECT_EQ(&replica.indicatorColumn(0, 0), ema.get());
    EXPECT_EQ(bars->last().close, 30000.39);

    // A Full (timeframe change) gives new buffers; the old handles keep the old state.
    ASSERT_TRUE(engine.postCommand(SetTimeframe{1, Timeframe::minutes(5)}).hasValue());
    engine.processPending();
    ASSERT_TRUE(replica.apply(*engine.takeSnapshots().charts.at(0)).hasValue());
    EXPECT_NE(replica.sharedBars(), bars);
    EXPECT_EQ(bars->size(), 540u);
    EXPECT_EQ(replica.bars().size(), 108u); // 540 minutes: 107 closed 5m bars + the forming
}
