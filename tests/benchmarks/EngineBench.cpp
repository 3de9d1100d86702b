// SPDX-License-Identifier: MIT
// Tick-to-snapshot latency of the engine thread: a trade posted into the engine's event queue
// until the snapshot batch holding that trade's effect on the chart (forming bar, SMA 20 and
// RSI 14 at it) reaches the ISnapshotSink, i.e. is ready for the GUI. See
// docs/live-path-performance.md for the three variants and what each one measures.
#include "core/adapters/IMarketDataClient.hpp"
#include "core/adapters/InstrumentKey.hpp"
#include "core/adapters/MarketDataEvents.hpp"
#include "core/adapters/sim/SimulatedMarket.hpp"
#include "core/adapters/sim/SimulationConfig.hpp"
#include "core/engine/Engine.hpp"
#include "core/engine/ISnapshotSink.hpp"

#include <algorithm>
#include <atomic>
#include <benchmark/benchmark.h>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <thread>
#include <time.h>
#include <vector>

namespace {

using namespace cw;
using Clock = std::chrono::steady_clock;

constexpr engine::ChartId kChart = 1;
constexpr int kHistoryBars = 1000;
/// Trade i is priced base + 1 + i % kPriceCycle (in cents; base = the last history close), so
/// the forming bar's close in a snapshot names the newest trade that the snapshot includes.
constexpr std::int64_t kPriceCycle = 100'000;
constexpr int kPricePrecision = 2;
/// 500 trades per simulated minute: a bar closes (a Delta with appended values) every 500.
constexpr TimestampNs kTradeSpacingNs = kNsPerMinute / 500;
/// 2024-06-05 14:30 UTC, a Wednesday.
constexpr TimestampNs kStartTime = 1'717'597'800LL * kNsPerSecond;

adapters::InstrumentKey benchInstrument() {
    return *adapters::InstrumentKey::make("SIM", "BTCUSDT");
}

/// 1m history of the simulated BTCUSDT, generated once.
const std::vector<Bar>& historyBars() {
    static const std::vector<Bar> bars = [] {
        adapters::sim::SimulationConfig config;
        config.startTime = kStartTime;
        config.historyDays = 1;
        auto market = adapters::sim::SimulatedMarket::create(config);
        if (!market)
            return std::vector<Bar>{};
        const std::size_t index = *market->indexOf("BTCUSDT");
        auto page = market->barsBefore(index, Timeframe::minutes(1), kStartTime, kHistoryBars);
        return page ? page->bars : std::vector<Bar>{};
    }();
    return bars;
}

/// The venue side of the benchmark: answers the engine's history request at once (from the
/// simulated exchange's bars) and streams nothing itself; the benchmark posts the trades.
class HistoryOnlyClient final : public adapters::IMarketDataClient {
public:
    explicit HistoryOnlyClient(adapters::IMarketDataSink& sink) : m_sink(sink) {
        m_capabilities.historyTimeframes = {Timeframe::minutes(1)};
        m_capabilities.maxBarsPerRequest = 50'000;
        m_capabilities.streamsTrades = true;
    }
    std::string_view venue() const override { return "SIM"; }
    const adapters::MarketDataCapabilities& capabilities() const override { return m_capabilities; }
    Result<void> connect() override { return {}; }
    void disconnect() override {}
    Result<void> subscribe(const adapters::SubscribeMarketData&) override { return {}; }
    Result<void> unsubscribe(const adapters::UnsubscribeMarketData&) override { return {}; }
    Result<void> requestBars(const adapters::RequestBars& command) override {
        adapters::BarsReceived answer;
        answer.requestId = command.requestId;
        answer.instrument = command.instrument;
        answer.timeframe = command.timeframe;
        answer.bars = historyBars();
        m_sink.post(std::move(answer));
        return {};
    }

private:
    adapters::IMarketDataSink& m_sink;
    adapters::MarketDataCapabilities m_capabilities;
};

/// Timestamps every batch on arrival and attributes it to the trades it newly includes.
class LatencySink final : public engine::ISnapshotSink {
public:
    LatencySink(std::int64_t baseRaw, std::size_t trades)
        : m_baseRaw(baseRaw), m_postNs(trades, 0), m_latencyNs(trades, -1) {}

    /// Written by the producer before it posts trade `i` (the queue orders it before the
    /// engine reads it).
    void notePost(std::size_t i, std::int64_t ns) { m_postNs[i] = ns; }

    void publish(engine::SnapshotBatch batch) override {
        const std::int64_t nowNs = Clock::now().time_since_epoch().count();
        for (const engine::ChartSnapshotPtr& snapshot : batch.charts) {
            if (!snapshot || snapshot->chartId != kChart)
                continue;
            if (snapshot->kind == engine::ChartSnapshot::Kind::Full && snapshot->bars &&
                snapshot->bars->size() > 0 && snapshot->indicators.size() == 2)
                m_historyLoaded.store(true);
            if (!snapshot->formingBar)
                continue;
            bool complete = snapshot->indicators.size() == 2;
            for (const auto& indicator : snapshot->indicators)
                complete = complete && !indicator.formingValues.empty();
            if (!complete)
                ++m_incomplete;
            const std::int64_t raw = std::llround(snapshot->formingBar->close * 100.0);
            const std::int64_t residue = raw - m_baseRaw - 1;
            if (residue < 0 || residue >= kPriceCycle)
                continue; // the history's forming bar, before the first trade
            const std::int64_t next = m_newest + 1;
            const std::int64_t newest =
                next + ((residue - next % kPriceCycle) % kPriceCycle + kPriceCycle) % kPriceCycle;
            if (newest >= static_cast<std::int64_t>(m_postNs.size()))
                continue;
            for (std::int64_t i = next; i <= newest; ++i)
                m_latencyNs[static_cast<std::size_t>(i)] =
                    nowNs - m_postNs[static_cast<std::size_t>(i)];
            {
                std::lock_guard lock(m_mutex);
                m_newest = newest;
            }
            m_changed.notify_all();
        }
        ++m_batches;
    }

    /// Waits until trade `i` was published or `timeout` passed; false on timeout.
    bool waitFor(std::int64_t i, std::chrono::milliseconds timeout) {
        std::unique_lock lock(m_mutex);
        return m_changed.wait_for(lock, timeout, [&] { return m_newest >= i; });
    }
    bool waitForHistory(std::chrono::milliseconds timeout) const {
        const auto deadline = Clock::now() + timeout;
        while (!m_historyLoaded.load()) {
            if (Clock::now() > deadline)
                return false;
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
        return true;
    }

    const std::vector<std::int64_t>& latencies() const { return m_latencyNs; }
    std::uint64_t batches() const { return m_batches; }
    std::uint64_t incomplete() const { return m_incomplete; }

private:
    std::int64_t m_baseRaw;
    std::vector<std::int64_t> m_postNs;
    std::vector<std::int64_t> m_latencyNs;
    std::int64_t m_newest = -1; ///< engine thread writes; guarded for readers by m_mutex
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::atomic<bool> m_historyLoaded{false};
    std::uint64_t m_batches = 0;    ///< read after the engine stopped
    std::uint64_t m_incomplete = 0; ///< chart snapshots without both indicator values
};

adapters::TradeReceived makeTrade(std::int64_t baseRaw, std::size_t i) {
    adapters::TradeReceived trade;
    trade.instrument = benchInstrument();
    trade.tick.time = kStartTime + static_cast<TimestampNs>(i) * kTradeSpacingNs;
    trade.tick.price =
        Price::fromRaw(baseRaw + 1 + static_cast<std::int64_t>(i) % kPriceCycle, kPricePrecision);
    trade.tick.size = Quantity::fromRaw(200, 5);
    trade.tick.aggressor = (i % 2 == 0) ? Side::Buy : Side::Sell;
    trade.tick.tradeId = static_cast<std::int64_t>(i) + 1;
    trade.receivedTime = trade.tick.time;
    return trade;
}

/// CPU time of the whole process (engine thread, producer, sink) in ns.
std::int64_t processCpuNs() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<std::int64_t>(ts.tv_sec) * 1'000'000'000LL + ts.tv_nsec;
}

double percentileUs(std::vector<std::int64_t> sorted, double q) {
    if (sorted.empty())
        return std::nan("");
    const auto index =
        static_cast<std::size_t>(std::ceil(q * static_cast<double>(sorted.size()))) - 1;
    return static_cast<double>(sorted[std::min(index, sorted.size() - 1)]) / 1000.0;
}

struct Run {
    std::chrono::nanoseconds frameInterval;
    double tradesPerSecond; ///< 0: one trade in flight at a time (post, wait, post ...)
    std::size_t warmupTrades;
    std::size_t measuredTrades;
};

void tickToSnapshot(benchmark::State& state, Run run) {
    const auto& history = historyBars();
    if (history.empty()) {
        state.SkipWithError("could not generate the simulated history");
        return;
    }
    // Continue at the last history close, rounded to cents.
    const std::int64_t baseRaw = std::llround(history.back().close.toDouble() * 100.0);
    const std::size_t total = run.warmupTrades + run.measuredTrades;

    for (auto _ : state) {
        engine::Engine::Config config;
        config.frameInterval = run.frameInterval;
        config.historyBars = kHistoryBars;
        engine::Engine engine(config);
        HistoryOnlyClient client(engine);
        LatencySink sink(baseRaw, total);
        engine.attachMarketData(client);
        engine.setSnapshotSink(&sink);
        (void)engine.postCommand(
            engine::OpenChart{kChart, benchInstrument(), Timeframe::minutes(1)});
        (void)engine.postCommand(engine::AddIndicator{kChart, 1, "sma:20"});
        (void)engine.postCommand(engine::AddIndicator{kChart, 2, "rsi:14"});
        engine.start();
        if (!sink.waitForHistory(std::chrono::seconds(10))) {
            engine.stop();
            state.SkipWithError("the chart's history never arrived");
            return;
        }

        std::size_t timeouts = 0;
        const std::int64_t cpuBegin = processCpuNs();
        const auto begin = Clock::now();
        for (std::size_t i = 0; i < total; ++i) {
            if (run.tradesPerSecond > 0) {
                // Paced: trade i is due at begin + i / rate; a late producer posts what is due
                // back to back, as a socket read delivering several messages would.
                const auto due = begin + std::chrono::nanoseconds(static_cast<std::int64_t>(
                                             static_cast<double>(i) * 1e9 / run.tradesPerSecond));
                if (Clock::now() < due)
                    std::this_thread::sleep_until(due);
            }
            auto trade = makeTrade(baseRaw, i);
            sink.notePost(i, Clock::now().time_since_epoch().count());
            engine.post(std::move(trade));
            if (run.tradesPerSecond <= 0 &&
                !sink.waitFor(static_cast<std::int64_t>(i), std::chrono::milliseconds(1000)))
                ++timeouts;
        }
        const double postingSeconds = std::chrono::duration<double>(Clock::now() - begin).count();
        sink.waitFor(static_cast<std::int64_t>(total) - 1, std::chrono::seconds(5));
        const std::int64_t cpuNs = processCpuNs() - cpuBegin;
        engine.stop();

        std::vector<std::int64_t> measured;
        measured.reserve(run.measuredTrades);
        std::size_t unpublished = 0;
        for (std::size_t i = run.warmupTrades; i < total; ++i) {
            const std::int64_t ns = sink.latencies()[i];
            if (ns < 0)
                ++unpublished;
            else
                measured.push_back(ns);
        }
        std::sort(measured.begin(), measured.end());
        double sum = 0;
        for (std::int64_t ns : measured)
            sum += static_cast<double>(ns);
        state.SetIterationTime(postingSeconds);
        state.counters["p50_us"] = percentileUs(measured, 0.50);
        state.counters["p99_us"] = percentileUs(measured, 0.99);
        state.counters["p999_us"] = percentileUs(measured, 0.999);
        state.counters["max_us"] =
            measured.empty() ? std::nan("") : static_cast<double>(measured.back()) / 1000.0;
        state.counters["mean_us"] =
            measured.empty() ? std::nan("") : sum / static_cast<double>(measured.size()) / 1000.0;
        state.counters["trades"] = static_cast<double>(measured.size());
        state.counters["trades_per_s"] = static_cast<double>(total) / postingSeconds;
        state.counters["process_cpu_us_per_trade"] =
            static_cast<double>(cpuNs) / static_cast<double>(total) / 1000.0;
        state.counters["batches"] = static_cast<double>(sink.batches());
        state.counters["unpublished"] = static_cast<double>(unpublished + timeouts);
        state.counters["incomplete_snapshots"] = static_cast<double>(sink.incomplete());
        state.counters["dropped"] = static_cast<double>(engine.droppedEvents());
    }
}

/// One trade in flight, frames not throttled: the engine's own cost per trade (wake-up,
/// aggregation, SMA/RSI streams, snapshot build, publish).
void tickToSnapshotLatency(benchmark::State& state) {
    tickToSnapshot(state, {std::chrono::nanoseconds(0), 0.0, 1'000, 20'000});
}
/// 20,000 trades/s paced, frames not throttled: the same under a sustained flow, where a
/// batch carries every trade drained with it.
void tickToSnapshotStream(benchmark::State& state) {
    tickToSnapshot(state, {std::chrono::nanoseconds(0), 20'000.0, 10'000, 60'000});
}
/// 20,000 trades/s with the product's 16 ms frame: adds the wait for the next frame.
void tickToSnapshotStreamFramed(benchmark::State& state) {
    tickToSnapshot(state, {std::chrono::milliseconds(16), 20'000.0, 10'000, 60'000});
}

} // namespace

BENCHMARK(tickToSnapshotLatency)
    ->Name("tick_to_snapshot_latency")
    ->Iterations(1)
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK(tickToSnapshotStream)
    ->Name("tick_to_snapshot_latency/stream_20k_per_s")
    ->Iterations(1)
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK(tickToSnapshotStreamFramed)
    ->Name("tick_to_snapshot_latency/stream_20k_per_s_frame_16ms")
    ->Iterations(1)
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond);
