// SPDX-License-Identifier: MIT
// The GUI side of the live path:
// - gui_event_loop_latency_20k_trades: the simulated exchange at 1000x (all six instruments on
//   the quote board, a visible 1m BTCUSDT chart with SMA 20 and RSI 14 fed snapshot by snapshot
//   as the main window feeds it) while a zero-interval timer samples how long an event posted
//   to the GUI thread waits before it runs;
// - memory_1m_bars_5_overlays: resident memory of a ChartModel holding 1,000,000 bars and
//   five overlays.
// See docs/live-path-performance.md.
#include "core/adapters/IMarketDataClient.hpp"
#include "core/adapters/InstrumentKey.hpp"
#include "core/adapters/MarketDataEvents.hpp"
#include "core/adapters/sim/SimulatedMarket.hpp"
#include "core/adapters/sim/SimulatedMarketDataClient.hpp"
#include "core/adapters/sim/SimulationConfig.hpp"
#include "core/domain/BarSeries.hpp"
#include "core/engine/Engine.hpp"
#include "core/engine/EngineCommand.hpp"
#include "core/indicators/IndicatorRegistry.hpp"
#include "tests/benchmarks/BenchmarkData.hpp"
#include "ui/bridge/EngineBridge.hpp"
#include "ui/chart/ChartIndicatorFactory.hpp"
#include "ui/chart/ChartModel.hpp"
#include "ui/chart/ChartView.hpp"
#include "ui/mainwindow/ChartState.hpp"
#include "ui/mainwindow/ChartTab.hpp"
#include "ui/mainwindow/IndicatorSettings.hpp"

#include <QApplication>
#include <QEventLoop>
#include <QTimer>

#include <algorithm>
#include <benchmark/benchmark.h>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <memory>
#include <unistd.h>
#include <variant>
#include <vector>

namespace {

using namespace cw;
using Clock = std::chrono::steady_clock;

/// 2024-06-05 14:30 UTC, a Wednesday: the US cash open during the London/New York overlap,
/// so every simulated instrument trades.
constexpr TimestampNs kBusyStart = 1'717'597'800LL * kNsPerSecond;
constexpr double kSpeed = 1000.0;
constexpr int kWarmupMs = 1500;
constexpr int kMeasureMs = 5000;
/// Gap between the end of one probe and the posting of the next.
constexpr int kProbeGapMs = 2;

/// Widgets need a QApplication; the benchmark binary has no main of its own, so the first GUI
/// benchmark creates one (offscreen unless the caller chose a platform) for the process's life.
/// Returns false when another benchmark already created a QGuiApplication (no widgets then).
bool ensureWidgetApplication() {
    if (QCoreApplication::instance())
        return qobject_cast<QApplication*>(QCoreApplication::instance()) != nullptr;
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    static int argc = 1;
    static char name[] = "candlewick-bench";
    static char* argv[] = {name, nullptr};
    new QApplication(argc, argv); // intentionally never destroyed
    return true;
}

void runEventLoop(int ms) {
    QEventLoop loop;
    QTimer::singleShot(ms, Qt::PreciseTimer, &loop, &QEventLoop::quit);
    loop.exec();
}

double percentile(std::vector<double> values, double q) {
    if (values.empty())
        return std::nan("");
    std::sort(values.begin(), values.end());
    const auto index = static_cast<std::size_t>(std::ceil(q * static_cast<double>(values.size())));
    return values[std::min(index == 0 ? 0 : index - 1, values.size() - 1)];
}

/// Resident set size of this process in MB (/proc/self/statm), NaN when unreadable.
double residentMb() {
    std::FILE* file = std::fopen("/proc/self/statm", "r");
    if (!file)
        return std::nan("");
    long pages = 0;
    long resident = 0;
    const int read = std::fscanf(file, "%ld %ld", &pages, &resident);
    std::fclose(file);
    if (read != 2)
        return std::nan("");
    return static_cast<double>(resident) * static_cast<double>(sysconf(_SC_PAGESIZE)) / 1e6;
}

/// Measures how long an event posted to the GUI thread waits: every kProbeGapMs it starts a
/// zero-interval single-shot timer and records the delay until the timer runs.
class LoopProbe {
public:
    LoopProbe() {
        m_gap.setSingleShot(true);
        m_gap.setTimerType(Qt::PreciseTimer);
        m_gap.setInterval(kProbeGapMs);
        m_probe.setSingleShot(true);
        m_probe.setInterval(0);
        QObject::connect(&m_gap, &QTimer::timeout, &m_gap, [this] {
            m_postedAt = Clock::now();
            m_probe.start();
        });
        QObject::connect(&m_probe, &QTimer::timeout, &m_probe, [this] {
            m_delaysMs.push_back(
                std::chrono::duration<double, std::milli>(Clock::now() - m_postedAt).count());
            if (m_running)
                m_gap.start();
        });
    }
    void start() {
        m_running = true;
        m_gap.start();
    }
    void stop() {
        m_running = false;
        m_gap.stop();
        m_probe.stop();
    }
    const std::vector<double>& delaysMs() const { return m_delaysMs; }

private:
    QTimer m_gap;
    QTimer m_probe;
    Clock::time_point m_postedAt;
    bool m_running = false;
    std::vector<double> m_delaysMs;
};

adapters::sim::SimulationConfig busyMarketConfig() {
    adapters::sim::SimulationConfig config;
    config.startTime = kBusyStart;
    config.historyDays = 2;
    config.speed = kSpeed;
    return config;
}

/// Trades and quotes the simulated exchange produces in (from, to], counted on a second,
/// thread-free copy of the same market (same config: the same events at the same times).
std::pair<std::size_t, std::size_t> countEvents(const adapters::sim::SimulationConfig& config,
                                                TimestampNs from, TimestampNs to) {
    auto market = adapters::sim::SimulatedMarket::create(config);
    if (!market)
        return {0, 0};
    std::vector<adapters::MarketDataEvent> events;
    market->advanceTo(from, events);
    events.clear();
    market->advanceTo(to, events);
    std::size_t trades = 0;
    std::size_t quotes = 0;
    for (const auto& event : events) {
        trades += std::holds_alternative<adapters::TradeReceived>(event) ? 1 : 0;
        quotes += std::holds_alternative<adapters::QuoteReceived>(event) ? 1 : 0;
    }
    return {trades, quotes};
}

void guiEventLoopLatency(benchmark::State& state) {
    if (!ensureWidgetApplication()) {
        state.SkipWithError("a QGuiApplication without widgets exists already; run this "
                            "benchmark in its own process (--benchmark_filter=gui_)");
        return;
    }
    const adapters::sim::SimulationConfig config = busyMarketConfig();

    for (auto _ : state) {
        // Declared first, destroyed last: the bridge stops the engine (which disconnects the
        // client) before the client goes away.
        std::unique_ptr<adapters::sim::SimulatedMarketDataClient> client;
        ui::EngineBridge bridge;
        auto created = adapters::sim::SimulatedMarketDataClient::create(config, bridge.engine());
        if (!created) {
            state.SkipWithError(created.error().message.c_str());
            return;
        }
        client = std::move(*created);
        bridge.engine().attachMarketData(*client);

        ui::ChartState chartState;
        chartState.instrument = "SIM:BTCUSDT";
        chartState.timeframe = "1m";
        for (const char* spec : {"sma:20", "rsi:14"})
            if (auto settings = ui::IndicatorSettings::fromSpec(spec))
                chartState.indicators.push_back(*settings);
        engine::ChartId nextId = 2;
        ui::ChartTab tab(
            1, chartState, [&bridge](engine::EngineCommand command) { (void)bridge.post(command); },
            [&nextId] { return nextId++; }, {});
        tab.resize(1600, 900);
        tab.show();
        QObject::connect(&bridge, &ui::EngineBridge::chartUpdated, &tab,
                         [&tab](const engine::ChartSnapshotPtr& snapshot) {
                             if (snapshot)
                                 tab.applySnapshot(*snapshot);
                         });
        std::uint64_t quoteBoards = 0;
        QObject::connect(&bridge, &ui::EngineBridge::quotesUpdated, &tab,
                         [&quoteBoards](const engine::QuoteBoardSnapshotPtr&) { ++quoteBoards; });

        for (const auto& spec : config.instruments)
            if (auto key = adapters::InstrumentKey::make("SIM", spec.instrument.symbol))
                (void)bridge.post(engine::SubscribeQuotes{*key});
        tab.open();
        bridge.start();
        runEventLoop(kWarmupMs); // connect, history, the first Full snapshot and paint

        LoopProbe probe;
        const quint64 paintsBefore = tab.view()->paintCount();
        const std::uint64_t deliveriesBefore = bridge.deliveries();
        const std::uint64_t appliedBefore = tab.snapshotsApplied();
        const std::uint64_t boardsBefore = quoteBoards;
        const TimestampNs simFrom = client->simulatedTime();
        const auto begin = Clock::now();
        probe.start();
        runEventLoop(kMeasureMs);
        probe.stop();
        const double seconds = std::chrono::duration<double>(Clock::now() - begin).count();
        const TimestampNs simTo = client->simulatedTime();
        const quint64 paints = tab.view()->paintCount() - paintsBefore;
        const std::uint64_t deliveries = bridge.deliveries() - deliveriesBefore;
        const std::uint64_t applied = tab.snapshotsApplied() - appliedBefore;
        const std::uint64_t boards = quoteBoards - boardsBefore;
        const std::size_t bars = tab.view()->model().size();
        bridge.stop();
        const std::uint64_t dropped = bridge.engine().droppedEvents();

        const auto [trades, quotes] = countEvents(config, simFrom, simTo);
        const auto& delays = probe.delaysMs();
        state.SetIterationTime(seconds);
        state.counters["loop_p50_ms"] = percentile(delays, 0.50);
        state.counters["loop_p99_ms"] = percentile(delays, 0.99);
        state.counters["loop_max_ms"] =
            delays.empty() ? std::nan("") : *std::max_element(delays.begin(), delays.end());
        state.counters["samples"] = static_cast<double>(delays.size());
        state.counters["paints_per_s"] = static_cast<double>(paints) / seconds;
        state.counters["deliveries_per_s"] = static_cast<double>(deliveries) / seconds;
        state.counters["chart_snapshots_per_s"] = static_cast<double>(applied) / seconds;
        state.counters["quote_boards_per_s"] = static_cast<double>(boards) / seconds;
        state.counters["trades_per_s"] = static_cast<double>(trades) / seconds;
        state.counters["quotes_per_s"] = static_cast<double>(quotes) / seconds;
        state.counters["dropped"] = static_cast<double>(dropped);
        state.counters["chart_bars"] = static_cast<double>(bars);
    }
}

void memory1mBars5Overlays(benchmark::State& state) {
    // The source data (5 columns of 1M doubles) exists before the baseline, like a file or the
    // engine's series the bars come from; what is measured is what the chart adds.
    const auto& data = bench::BenchmarkData::million();
    const auto& registry = indicators::IndicatorRegistry::builtin();
    for (auto _ : state) {
        const double before = residentMb();
        double after = 0;
        std::size_t overlays = 0;
        {
            BarSeries bars(data.size());
            const TimestampNs start = 1'577'836'800LL * kNsPerSecond; // 2020-01-01 00:00 UTC
            for (std::size_t i = 0; i < data.size(); ++i)
                bars.append({start + static_cast<TimestampNs>(i) * kNsPerMinute, data.open[i],
                             data.high[i], data.low[i], data.close[i], data.volume[i]});
            ui::ChartModel model;
            model.setBars(std::move(bars));
            for (const char* spec : {"sma:20", "ema:50", "bbands:20,2", "vwap", "donchian:20"}) {
                auto configured = registry.parse(spec);
                if (!configured) {
                    state.SkipWithError(configured.error().message.c_str());
                    return;
                }
                model.addIndicator(
                    ui::ChartIndicatorFactory::create(*configured, model.bars(), overlays++));
            }
            // Draw-path structures built on first use (none for candles) are part of it too.
            benchmark::DoNotOptimize(model.highLow(ui::ChartStyle::Candles));
            after = residentMb();
            state.counters["bars"] = static_cast<double>(model.size());
        }
        state.counters["rss_increase_mb"] = after - before;
        state.counters["rss_total_mb"] = after;
        state.counters["rss_baseline_mb"] = before;
        state.counters["overlays"] = static_cast<double>(overlays);
    }
}

/// `count` 1m bars of a BTC-like instrument from 2020-01-01: a seeded random walk in cents
/// around 30,000.00 (2 decimals) with volumes of 0.001 units (3 decimals), as the simulated
/// exchange's BTCUSDT.
std::vector<Bar> minuteHistory(std::size_t count) {
    std::vector<Bar> bars;
    bars.reserve(count);
    const TimestampNs start = 1'577'836'800LL * kNsPerSecond; // 2020-01-01 00:00 UTC
    std::uint64_t seed = 42;
    const auto next = [&seed] {
        seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
        return seed >> 33;
    };
    std::int64_t close = 3'000'000;
    for (std::size_t i = 0; i < count; ++i) {
        Bar bar;
        bar.openTime = start + static_cast<TimestampNs>(i) * kNsPerMinute;
        bar.timeframe = Timeframe::minutes(1);
        const std::int64_t open = close;
        close = std::max<std::int64_t>(100, open + static_cast<std::int64_t>(next() % 4001) - 2000);
        bar.open = Price::fromRaw(open, 2);
        bar.close = Price::fromRaw(close, 2);
        bar.high =
            Price::fromRaw(std::max(open, close) + static_cast<std::int64_t>(next() % 800), 2);
        bar.low =
            Price::fromRaw(std::min(open, close) - static_cast<std::int64_t>(next() % 800), 2);
        bar.volume = Quantity::fromRaw(1 + static_cast<std::int64_t>(next() % 50'000'000), 3);
        bar.tradeCount = 1 + static_cast<std::int64_t>(next() % 2000);
        bars.push_back(bar);
    }
    return bars;
}

/// Answers the engine's history request with a prepared set of bars (handed over once).
class PreparedHistoryClient final : public adapters::IMarketDataClient {
public:
    PreparedHistoryClient(adapters::IMarketDataSink& sink, std::vector<Bar> bars)
        : m_sink(sink), m_bars(std::move(bars)) {
        m_capabilities.historyTimeframes = {Timeframe::minutes(1)};
        m_capabilities.maxBarsPerRequest = 2'000'000;
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
        answer.bars = std::move(m_bars);
        m_sink.post(std::move(answer));
        return {};
    }

private:
    adapters::IMarketDataSink& m_sink;
    std::vector<Bar> m_bars;
    adapters::MarketDataCapabilities m_capabilities;
};

/// The whole live path of one 1M-bar chart: the venue's 1m history into the engine (1m bars,
/// the chart's series and its five overlays), the Full snapshot applied by a chart tab
/// (ChartReplica, then the view's ChartModel), all alive at once as in the application.
void memoryPipeline1mBars5Overlays(benchmark::State& state) {
    if (!ensureWidgetApplication()) {
        state.SkipWithError("a QGuiApplication without widgets exists already; run this "
                            "benchmark in its own process (--benchmark_filter=memory_)");
        return;
    }
    constexpr std::size_t kBars = 1'000'000;
    for (auto _ : state) {
        const double before = residentMb();
        double after = 0;
        double afterEngine = 0;
        {
            // Made directly as exact bars (no source columns kept), so the process holds
            // nothing but the application's data and rss_total_mb is the application's size.
            std::vector<Bar> history = minuteHistory(kBars);
            engine::Engine::Config config;
            config.historyBars = static_cast<int>(kBars);
            engine::Engine engine(config);
            PreparedHistoryClient client(engine, std::move(history));
            engine.attachMarketData(client);

            ui::ChartState chartState;
            chartState.instrument = "SIM:BTCUSDT";
            chartState.timeframe = "1m";
            for (const char* spec : {"sma:20", "ema:50", "bbands:20,2", "vwap", "donchian:20"})
                if (auto settings = ui::IndicatorSettings::fromSpec(spec))
                    chartState.indicators.push_back(*settings);
            engine::ChartId nextId = 2;
            ui::ChartTab tab(
                1, chartState,
                [&engine](engine::EngineCommand command) { (void)engine.postCommand(command); },
                [&nextId] { return nextId++; }, {});
            tab.open();
            while (engine.processPending() > 0) {
            }
            engine::SnapshotBatch batch = engine.takeSnapshots();
            afterEngine = residentMb();
            for (const engine::ChartSnapshotPtr& snapshot : batch.charts)
                if (snapshot)
                    tab.applySnapshot(*snapshot);
            batch = {};
            after = residentMb();
            state.counters["bars"] = static_cast<double>(tab.view()->model().size());
            state.counters["overlays"] =
                static_cast<double>(tab.view()->model().indicators().size());
            state.counters["engine_minute_bars"] = static_cast<double>(
                engine.minuteBars(*adapters::InstrumentKey::parse("SIM:BTCUSDT")).size());
        }
        state.counters["rss_increase_mb"] = after - before;
        state.counters["rss_engine_mb"] = afterEngine - before;
        state.counters["rss_replica_and_view_mb"] = after - afterEngine;
        state.counters["rss_total_mb"] = after;
        state.counters["rss_baseline_mb"] = before;
    }
}

} // namespace

BENCHMARK(guiEventLoopLatency)
    ->Name("gui_event_loop_latency_20k_trades")
    ->Iterations(1)
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK(memory1mBars5Overlays)
    ->Name("memory_1m_bars_5_overlays")
    ->Iterations(1)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(memoryPipeline1mBars5Overlays)
    ->Name("memory_1m_bars_5_overlays/engine_replica_view")
    ->Iterations(1)
    ->Unit(benchmark::kMillisecond);
