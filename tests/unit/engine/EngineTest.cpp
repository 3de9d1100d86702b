// SPDX-License-Identifier: MIT
#include "core/engine/Engine.hpp"

#include "core/engine/BarAggregator.hpp"
#include "core/engine/ChartReplica.hpp"
#include "core/indicators/IndicatorRegistry.hpp"

#include <chrono>
#include <cmath>
#include <cstdint>
#include <gtest/gtest.h>
#include <mutex>
#include <span>
#include <thread>
#include <vector>

using namespace cw;
using namespace cw::engine;

namespace {

adapters::InstrumentKey btc() {
    return *adapters::InstrumentKey::make("SIM", "BTCUSDT");
}

constexpr TimestampNs kStart = 1'700'000'000LL * kNsPerSecond / kNsPerDay * kNsPerDay; // 00:00 UTC

/// A deterministic tape: `minutes` minutes from kStart with a few trades in every minute, so
/// that no minute is empty and history and live data meet without gaps.
std::vector<Tick> makeTape(int minutes, int tradesPerMinute = 3) {
    std::vector<Tick> tape;
    std::uint64_t state = 12345;
    std::int64_t price = 3'000'000; // 30000.00
    std::int64_t id = 1;
    for (int m = 0; m < minutes; ++m) {
        for (int t = 0; t < tradesPerMinute; ++t) {
            state = state * 6364136223846793005ULL + 1442695040888963407ULL;
            price += static_cast<std::int64_t>((state >> 33) % 2001) - 1000;
            Tick tick;
            tick.time =
                kStart + m * kNsPerMinute + (t + 1) * (kNsPerMinute / (tradesPerMinute + 1));
            tick.price = Price::fromRaw(price, 2);
            tick.size = Quantity::fromRaw(static_cast<std::int64_t>(1 + (state >> 40) % 5000), 3);
            tick.tradeId = id++;
            tape.push_back(tick);
        }
    }
    return tape;
}

/// 1m bars of `trades`, all closed (what a venue's history answer holds).
std::vector<Bar> minuteHistory(std::span<const Tick> trades) {
    BarAggregator aggregator(Timeframe::minutes(1));
    std::vector<Bar> bars;
    for (const Tick& t : trades)
        aggregator.addTrade(t, bars);
    aggregator.flush(bars);
    return bars;
}

adapters::MarketDataEvent tradeEvent(const Tick& tick) {
    return adapters::TradeReceived{btc(), tick, 1};
}

adapters::MarketDataEvent historyEvent(std::vector<Bar> bars) {
    adapters::BarsReceived answer;
    answer.instrument = btc();
    answer.timeframe = Timeframe::minutes(1);
    answer.bars = std::move(bars);
    return answer;
}

/// The reference for a chart: the whole tape aggregated directly at the chart's timeframe.
struct Reference {
    std::vector<Bar> closed;
    std::optional<Bar> forming;
};
Reference aggregate(std::span<const Tick> trades, const Timeframe& timeframe) {
    BarAggregator aggregator(timeframe);
    Reference ref;
    for (const Tick& t : trades)
        aggregator.addTrade(t, ref.closed);
    ref.forming = aggregator.formingBar();
    return ref;
}

void expectClose(double expected, double actual, const std::string& what) {
    if (std::isnan(expected)) {
        EXPECT_TRUE(std::isnan(actual)) << what;
        return;
    }
    EXPECT_NEAR(actual, expected, 1e-9 * std::max(1.0, std::abs(expected))) << what;
}

/// The replica's indicator columns equal the batch kernel run over the replica's own bars.
void expectIndicatorsMatchBatch(const ChartReplica& replica, std::span<const std::string> specs) {
    ASSERT_EQ(replica.indicatorCount(), specs.size());
    for (std::size_t i = 0; i < specs.size(); ++i) {
        auto config = indicators::IndicatorRegistry::builtin().parse(specs[i]);
        ASSERT_TRUE(config.hasValue());
        const std::size_t n = replica.bars().size();
        const std::size_t outputs = config->descriptor().outputs.size();
        std::vector<std::vector<double>> columns(outputs, std::vector<double>(n));
        std::vector<std::span<double>> spans(columns.begin(), columns.end());
        config->computeBatch(replica.bars().view(), spans);
        for (std::size_t k = 0; k < outputs; ++k) {
            const std::vector<double>& streamed = replica.indicatorColumn(i, k);
            ASSERT_EQ(streamed.size(), n) << specs[i];
            for (std::size_t j = 0; j < n; ++j)
                expectClose(columns[k][j], streamed[j],
                            specs[i] + " output " + std::to_string(k) + " bar " +
                                std::to_string(j));
        }
    }
}

void applyAll(ChartReplica& replica, const SnapshotBatch& batch, ChartId id) {
    for (const ChartSnapshotPtr& snapshot : batch.charts) {
        if (snapshot->chartId == id) {
            ASSERT_TRUE(replica.apply(*snapshot).hasValue()) << "version " << snapshot->version;
        }
    }
}

} // namespace

TEST(Engine, chartBarsEqualDirectAggregationAcrossHistoryAndLiveTrades) {
    const std::vector<Tick> tape = makeTape(150);
    const std::span<const Tick> historyTrades(tape.data(), 90 * 3);
    const std::span<const Tick> liveTrades(tape.data() + 90 * 3, tape.size() - 90 * 3);

    Engine engine;
    ASSERT_TRUE(engine.postCommand(OpenChart{1, btc(), Timeframe::minutes(5)}).hasValue());
    engine.processPending();
    engine.post(historyEvent(minuteHistory(historyTrades)));
    for (const Tick& t : liveTrades)
        engine.post(tradeEvent(t));
    while (engine.processPending() > 0) {
    }

    const Reference ref = aggregate(tape, Timeframe::minutes(5));
    const ChartFeed* chart = engine.chart(1);
    ASSERT_NE(chart, nullptr);
    EXPECT_EQ(chart->closedBars(), ref.closed);
    EXPECT_EQ(chart->formingBar(), ref.forming);
    EXPECT_EQ(chart->closedBars().size(), 29u); // 150 minutes: 29 closed 5m bars + 1 forming

    const Reference minutes = aggregate(tape, Timeframe::minutes(1));
    const std::span<const Bar> engineMinutes = engine.minuteBars(btc());
    EXPECT_TRUE(std::equal(engineMinutes.begin(), engineMinutes.end(), minutes.closed.begin(),
                           minutes.closed.end()));
    EXPECT_EQ(engine.formingMinute(btc()), minutes.forming);
}

TEST(Engine, timeframeSwitchRebuildsFromMinuteBars) {
    const std::vector<Tick> tape = makeTape(200);
    Engine engine;
    ASSERT_TRUE(engine.postCommand(OpenChart{7, btc(), Timeframe::minutes(1)}).hasValue());
    engine.processPending();
    for (const Tick& t : tape)
        engine.post(tradeEvent(t));
    while (engine.processPending() > 0) {
    }
    (void)engine.takeSnapshots();

    for (const Timeframe& tf : {Timeframe::minutes(15), Timeframe::hours(1), Timeframe::days(1),
                                Timeframe::minutes(7), Timeframe::minutes(1)}) {
        ASSERT_TRUE(engine.postCommand(SetTimeframe{7, tf}).hasValue());
        engine.processPending();
        const Reference ref = aggregate(tape, tf);
        EXPECT_EQ(engine.chart(7)->closedBars(), ref.closed) << tf.toString();
        EXPECT_EQ(engine.chart(7)->formingBar(), ref.forming) << tf.toString();
        const SnapshotBatch batch = engine.takeSnapshots();
        ASSERT_EQ(batch.charts.size(), 1u);
        EXPECT_EQ(batch.charts[0]->kind, ChartSnapshot::Kind::Full) << tf.toString();
        EXPECT_EQ(batch.charts[0]->timeframe, tf);
        EXPECT_EQ(batch.charts[0]->bars->size(), ref.closed.size());
    }
}

TEST(Engine, formingBarIsRevisedByTradesAndClosedBarsAreAppended) {
    Engine engine;
    ASSERT_TRUE(engine.postCommand(OpenChart{1, btc(), Timeframe::minutes(1)}).hasValue());
    engine.processPending();
    auto trade = [&](TimestampNs t, std::int64_t price, std::int64_t id) {
        engine.post(tradeEvent(
            Tick{t, Price::fromRaw(price, 2), Quantity::fromRaw(1000, 3), Side::Buy, id}));
        engine.processPending();
    };
    trade(kStart + 1 * kNsPerSecond, 10000, 1);
    ASSERT_TRUE(engine.chart(1)->formingBar().has_value());
    EXPECT_EQ(engine.chart(1)->formingBar()->close, Price::fromRaw(10000, 2));
    trade(kStart + 2 * kNsPerSecond, 10500, 2);
    trade(kStart + 3 * kNsPerSecond, 9900, 3);
    const Bar forming = *engine.chart(1)->formingBar();
    EXPECT_EQ(forming.high, Price::fromRaw(10500, 2));
    EXPECT_EQ(forming.low, Price::fromRaw(9900, 2));
    EXPECT_EQ(forming.close, Price::fromRaw(9900, 2));
    EXPECT_EQ(forming.tradeCount, 3);
    EXPECT_TRUE(engine.chart(1)->closedBars().empty());

    trade(kStart + kNsPerMinute + kNsPerSecond, 10100, 4);
    ASSERT_EQ(engine.chart(1)->closedBars().size(), 1u);
    EXPECT_EQ(engine.chart(1)->closedBars()[0], forming);
    EXPECT_EQ(engine.chart(1)->formingBar()->open, Price::fromRaw(10100, 2));

    // A late trade for the closed minute and a duplicate id change nothing.
    trade(kStart + 4 * kNsPerSecond, 1, 5);
    trade(kStart + kNsPerMinute + 2 * kNsPerSecond, 1, 4);
    EXPECT_EQ(engine.chart(1)->closedBars()[0], forming);
    EXPECT_EQ(engine.chart(1)->formingBar()->low, Price::fromRaw(10100, 2));
}

TEST(Engine, deltasOnAFullSnapshotReproduceTheSeriesAndIndicatorsMatchBatch) {
    const std::vector<Tick> tape = makeTape(240);
    const std::vector<std::string> specs = {"sma:5", "ema:10", "rsi:14", "bbands:20,2",
                                            "macd:12,26,9"};
    Engine engine;
    ASSERT_TRUE(engine.postCommand(OpenChart{3, btc(), Timeframe::minutes(3)}).hasValue());
    for (std::size_t i = 0; i < specs.size(); ++i)
        ASSERT_TRUE(engine.postCommand(AddIndicator{3, i + 1, specs[i]}).hasValue());
    engine.processPending();
    engine.post(historyEvent(minuteHistory(std::span<const Tick>(tape.data(), 300))));
    engine.processPending();

    ChartReplica replica;
    SnapshotBatch first = engine.takeSnapshots();
    ASSERT_EQ(first.charts.size(), 1u);
    EXPECT_EQ(first.charts[0]->kind, ChartSnapshot::Kind::Full);
    EXPECT_TRUE(first.errors.empty());
    applyAll(replica, first, 3);
    expectIndicatorsMatchBatch(replica, specs);

    // Deltas, also merged pairwise as a slow consumer would get them.
    ChartReplica mergedReplica;
    ASSERT_TRUE(mergedReplica.apply(*first.charts[0]).hasValue());
    std::optional<ChartSnapshot> pendingMerge;
    std::size_t deltas = 0;
    for (std::size_t i = 300; i < tape.size(); ++i) {
        engine.post(tradeEvent(tape[i]));
        if (i % 7 == 0 || i + 1 == tape.size()) {
            engine.processPending();
            SnapshotBatch batch = engine.takeSnapshots();
            for (const ChartSnapshotPtr& s : batch.charts) {
                EXPECT_EQ(s->kind, ChartSnapshot::Kind::Delta);
                ++deltas;
                pendingMerge = pendingMerge ? *ChartSnapshot::merged(*pendingMerge, *s) : *s;
                if (deltas % 3 == 0) {
                    ASSERT_TRUE(mergedReplica.apply(*pendingMerge).hasValue());
                    pendingMerge.reset();
                }
            }
            applyAll(replica, batch, 3);
        }
    }
    if (pendingMerge) {
        ASSERT_TRUE(mergedReplica.apply(*pendingMerge).hasValue());
    }
    EXPECT_GT(deltas, 50u);

    const Reference ref = aggregate(tape, Timeframe::minutes(3));
    ASSERT_TRUE(ref.forming.has_value());
    for (const ChartReplica* r : {&replica, &mergedReplica}) {
        ASSERT_EQ(r->bars().size(), ref.closed.size() + 1);
        EXPECT_TRUE(r->hasFormingBar());
        for (std::size_t i = 0; i < ref.closed.size(); ++i) {
            const OhlcvRow want = ref.closed[i].toOhlcvRow();
            const OhlcvRow got = r->bars().row(i);
            ASSERT_EQ(got.time, want.time) << i;
            ASSERT_EQ(got.close, want.close) << i;
            ASSERT_EQ(got.high, want.high) << i;
            ASSERT_EQ(got.volume, want.volume) << i;
        }
        EXPECT_EQ(r->bars().last().close, ref.forming->toOhlcvRow().close);
        expectIndicatorsMatchBatch(*r, specs);
    }
}

TEST(Engine, rejectedCommandsAreReportedAndChangeNothing) {
    Engine engine;
    ASSERT_TRUE(engine.postCommand(OpenChart{1, btc(), Timeframe::seconds(30)}).hasValue());
    ASSERT_TRUE(engine.postCommand(OpenChart{2, adapters::InstrumentKey{}, Timeframe::minutes(1)})
                    .hasValue());
    ASSERT_TRUE(engine.postCommand(CloseChart{99}).hasValue());
    ASSERT_TRUE(engine.postCommand(OpenChart{3, btc(), Timeframe::minutes(1)}).hasValue());
    ASSERT_TRUE(engine.postCommand(OpenChart{3, btc(), Timeframe::minutes(5)}).hasValue());
    ASSERT_TRUE(engine.postCommand(AddIndicator{3, 1, "nosuch:3"}).hasValue());
    ASSERT_TRUE(engine.postCommand(AddIndicator{3, 2, "sma:garbage"}).hasValue());
    ASSERT_TRUE(engine.postCommand(RemoveIndicator{3, 42}).hasValue());
    ASSERT_TRUE(engine.postCommand(UnsubscribeQuotes{btc()}).hasValue());
    engine.processPending();
    const SnapshotBatch batch = engine.takeSnapshots();
    ASSERT_EQ(batch.errors.size(), 8u);
    EXPECT_EQ(batch.errors[0].code, ErrorCode::Unsupported);     // 30s chart
    EXPECT_EQ(batch.errors[1].code, ErrorCode::InvalidArgument); // no instrument
    EXPECT_EQ(batch.errors[2].code, ErrorCode::NotFound);        // unknown chart
    EXPECT_EQ(batch.errors[3].code, ErrorCode::InvalidArgument); // chart id in use
    EXPECT_EQ(batch.errors[4].code, ErrorCode::NotFound);        // unknown indicator
    EXPECT_EQ(batch.errors[5].code, ErrorCode::ParseError);      // malformed parameter
    EXPECT_EQ(batch.errors[6].code, ErrorCode::NotFound);        // indicator not attached
    EXPECT_EQ(batch.errors[7].code, ErrorCode::NotFound);        // not on the quote board
    EXPECT_EQ(engine.chart(1), nullptr);
    ASSERT_NE(engine.chart(3), nullptr);
    EXPECT_EQ(engine.chart(3)->timeframe(), Timeframe::minutes(1));
}

TEST(Engine, ignoresTradesOfUnusedInstrumentsAndBadTrades) {
    Engine engine;
    engine.post(
        tradeEvent(Tick{kStart, Price::fromRaw(100, 2), Quantity::fromRaw(1, 0), Side::Buy, 1}));
    engine.processPending();
    EXPECT_EQ(engine.ignoredTrades(), 1u);
    EXPECT_TRUE(engine.minuteBars(btc()).empty());

    ASSERT_TRUE(engine.postCommand(OpenChart{1, btc(), Timeframe::minutes(1)}).hasValue());
    engine.processPending();
    // Size zero and negative sizes are not trades: no forming bar appears.
    engine.post(
        tradeEvent(Tick{kStart, Price::fromRaw(100, 2), Quantity::fromRaw(0, 0), Side::Buy, 2}));
    engine.post(
        tradeEvent(Tick{kStart, Price::fromRaw(100, 2), Quantity::fromRaw(-3, 0), Side::Buy, 3}));
    engine.processPending();
    EXPECT_FALSE(engine.chart(1)->formingBar().has_value());
}

TEST(Engine, malformedOrFailedHistoryIsReportedAndIgnored) {
    Engine engine;
    ASSERT_TRUE(engine.postCommand(OpenChart{1, btc(), Timeframe::minutes(5)}).hasValue());
    engine.processPending();
    (void)engine.takeSnapshots();

    std::vector<Bar> bars = minuteHistory(makeTape(10));
    std::swap(bars[2], bars[3]); // out of order
    engine.post(historyEvent(bars));
    adapters::BarsReceived failed;
    failed.instrument = btc();
    failed.timeframe = Timeframe::minutes(1);
    failed.error = Error{ErrorCode::IoError, "venue unreachable"};
    engine.post(std::move(failed));
    std::vector<Bar> hourly = minuteHistory(makeTape(10));
    for (Bar& b : hourly)
        b.timeframe = Timeframe::hours(1);
    auto wrongTimeframe = historyEvent(hourly);
    std::get<adapters::BarsReceived>(wrongTimeframe).timeframe = Timeframe::hours(1);
    engine.post(std::move(wrongTimeframe));
    engine.processPending();

    const SnapshotBatch batch = engine.takeSnapshots();
    ASSERT_EQ(batch.errors.size(), 3u);
    EXPECT_EQ(batch.errors[0].code, ErrorCode::InvalidArgument);
    EXPECT_EQ(batch.errors[1].code, ErrorCode::IoError);
    EXPECT_EQ(batch.errors[2].code, ErrorCode::InvalidArgument);
    EXPECT_TRUE(engine.minuteBars(btc()).empty());
    EXPECT_TRUE(engine.chart(1)->closedBars().empty());
}

TEST(Engine, quoteBoardTracksLastChangeVolumeAndDirection) {
    Engine engine;
    ASSERT_TRUE(engine.postCommand(SubscribeQuotes{btc()}).hasValue());
    engine.processPending();
    // Yesterday's last trade is the reference for today's change.
    engine.post(tradeEvent(Tick{kStart - kNsPerSecond, Price::fromRaw(10000, 2),
                                Quantity::fromRaw(5, 0), Side::Buy, 1}));
    engine.post(tradeEvent(Tick{kStart + kNsPerSecond, Price::fromRaw(10500, 2),
                                Quantity::fromRaw(2, 0), Side::Buy, 2}));
    engine.post(tradeEvent(Tick{kStart + 2 * kNsPerSecond, Price::fromRaw(11000, 2),
                                Quantity::fromRaw(3, 0), Side::Buy, 3}));
    engine.post(
        adapters::QuoteReceived{btc(),
                                Quote{kStart, Price::fromRaw(10990, 2), Quantity::fromRaw(1, 0),
                                      Price::fromRaw(11010, 2), Quantity::fromRaw(1, 0)},
                                1});
    engine.processPending();
    SnapshotBatch batch = engine.takeSnapshots();
    ASSERT_TRUE(batch.quotes);
    ASSERT_EQ(batch.quotes->rows.size(), 1u);
    const QuoteBoardRow& row = batch.quotes->rows[0];
    EXPECT_EQ(row.last, Price::fromRaw(11000, 2));
    EXPECT_NEAR(row.changePercent, 10.0, 1e-9);
    EXPECT_EQ(row.dayVolume, Quantity::fromRaw(5, 0)); // today's trades only
    EXPECT_EQ(row.direction, TickDirection::Up);
    EXPECT_EQ(row.bid, Price::fromRaw(10990, 2));
    EXPECT_EQ(row.ask, Price::fromRaw(11010, 2));
    ASSERT_TRUE(batch.feeds);
    ASSERT_EQ(batch.feeds->rows.size(), 1u);
    EXPECT_EQ(batch.feeds->rows[0].venue, "SIM");
    EXPECT_EQ(batch.feeds->rows[0].messageCount, 4u);

    engine.post(adapters::FeedStatusChanged{"SIM", adapters::FeedState::Connected, "", 0});
    engine.processPending();
    batch = engine.takeSnapshots();
    EXPECT_FALSE(batch.quotes); // nothing changed on the board
    ASSERT_TRUE(batch.feeds);
    EXPECT_EQ(batch.feeds->rows[0].state, adapters::FeedState::Connected);
    EXPECT_TRUE(batch.feeds->rows[0].isStale(batch.feeds->rows[0].lastMessageNs + 10 * kNsPerSecond,
                                             5 * kNsPerSecond));
}

namespace {

class RecordingSink final : public ISnapshotSink {
public:
    void publish(SnapshotBatch batch) override {
        std::lock_guard lock(m_mutex);
        m_batches.push_back(std::move(batch));
        m_times.push_back(std::chrono::steady_clock::now());
    }
    std::vector<SnapshotBatch> batches() {
        std::lock_guard lock(m_mutex);
        return m_batches;
    }
    std::vector<std::chrono::steady_clock::time_point> times() {
        std::lock_guard lock(m_mutex);
        return m_times;
    }

private:
    std::mutex m_mutex;
    std::vector<SnapshotBatch> m_batches;
    std::vector<std::chrono::steady_clock::time_point> m_times;
};

} // namespace

TEST(Engine, burstOfTradesIsCoalescedIntoFewSnapshotsHoldingEveryTrade) {
    constexpr int kTrades = 10'000;
    Engine::Config config;
    config.frameInterval = std::chrono::milliseconds(16);
    Engine engine(config);
    RecordingSink sink;
    engine.setSnapshotSink(&sink);
    const auto started = std::chrono::steady_clock::now();
    engine.start();
    ASSERT_TRUE(engine.postCommand(OpenChart{1, btc(), Timeframe::minutes(1)}).hasValue());
    for (int i = 0; i < kTrades; ++i)
        engine.post(
            tradeEvent(Tick{kStart + i * 10 * kNsPerMillisecond, Price::fromRaw(10000 + i % 17, 2),
                            Quantity::fromRaw(1, 0), Side::Buy, i + 1}));

    // Wait (bounded) until the replica holds every trade's volume.
    ChartReplica replica;
    std::size_t applied = 0;
    double volume = 0.0;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (volume < kTrades && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
        const std::vector<SnapshotBatch> batches = sink.batches();
        for (; applied < batches.size(); ++applied)
            applyAll(replica, batches[applied], 1);
        volume = 0.0;
        for (double v : replica.bars().volume())
            volume += v;
    }
    // Taken before stop(): stopping publishes what is left at once, without waiting a frame.
    const auto times = sink.times();
    ASSERT_TRUE(engine.stop());
    EXPECT_EQ(volume, double(kTrades));
    EXPECT_EQ(engine.droppedEvents(), 0u);

    ASSERT_FALSE(times.empty());
    const double elapsedMs =
        std::chrono::duration<double, std::milli>(times.back() - started).count();
    const double bound = elapsedMs / 16.0 + 1.0;
    EXPECT_LE(double(times.size()), bound) << times.size() << " batches in " << elapsedMs << " ms";
}

TEST(Engine, stopsPromptlyAndCanRestart) {
    Engine engine;
    engine.start();
    EXPECT_TRUE(engine.isRunning());
    const auto t0 = std::chrono::steady_clock::now();
    EXPECT_TRUE(engine.stop(std::chrono::milliseconds(2000)));
    EXPECT_LT(std::chrono::steady_clock::now() - t0, std::chrono::milliseconds(1000));
    EXPECT_FALSE(engine.isRunning());
    engine.start();
    EXPECT_TRUE(engine.stop());
}
