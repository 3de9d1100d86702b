// SPDX-License-Identifier: MIT
// Paint time of the candle chart (ChartRenderer) into an offscreen QImage, the same code path
// as the widget: 1,000,000 one-minute bars with five overlays and two panes at 1920x1080.
// The plain benchmarks repaint an unchanged view (a crosshair move, an expose): the column
// summaries come from the renderer's cache. `_tick` revises the forming bar before every frame
// (the live case: one column per series re-queried); `_uncached` changes the zoom slightly
// before every frame, so every column of every series is queried again (zooming, resizing).
#include "core/domain/BarSeries.hpp"
#include "core/indicators/IndicatorRegistry.hpp"
#include "tests/benchmarks/BenchmarkData.hpp"
#include "ui/chart/ChartIndicatorFactory.hpp"
#include "ui/chart/ChartModel.hpp"
#include "ui/chart/ChartRenderer.hpp"

#include <QApplication>
#include <QImage>
#include <QPainter>

#include <algorithm>
#include <benchmark/benchmark.h>
#include <cstdint>

namespace {

using namespace cw;
using namespace cw::ui;

const QSize kFrameSize(1920, 1080);

/// Painting text needs a QGuiApplication; the benchmark binary has no main of its own, so the
/// first chart benchmark creates one — a QApplication, so the widget benchmarks that run later
/// in the same process can still create widgets — (offscreen unless the caller chose a platform)
/// and keeps it for the life of the process.
void ensureGuiApplication() {
    if (QCoreApplication::instance())
        return;
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    static int argc = 1;
    static char name[] = "candlewick-bench";
    static char* argv[] = {name, nullptr};
    new QApplication(argc, argv); // intentionally never destroyed
}

ChartModel& millionBarModel() {
    static ChartModel* model = [] {
        const auto& data = bench::BenchmarkData::million();
        BarSeries bars(data.size());
        const TimestampNs start = 1'577'836'800LL * kNsPerSecond; // 2020-01-01 00:00 UTC
        for (std::size_t i = 0; i < data.size(); ++i) {
            bars.append({start + static_cast<TimestampNs>(i) * kNsPerMinute, data.open[i],
                         data.high[i], data.low[i], data.close[i], data.volume[i]});
        }
        auto* m = new ChartModel;
        m->setBars(std::move(bars));
        const auto& registry = indicators::IndicatorRegistry::builtin();
        std::size_t colour = 0;
        for (const char* spec : {"sma:20", "sma:50", "ema:200", "bbands:20,2", "donchian:20",
                                 "rsi:14", "macd:12,26,9"}) {
            auto configured = registry.parse(spec);
            if (!configured.hasValue())
                continue;
            m->addIndicator(ChartIndicatorFactory::create(*configured, m->bars(), colour++));
        }
        return m;
    }();
    return *model;
}

/// What changes between two frames.
enum class Between { Invalid = 0, Nothing, FormingBar, Zoom };

void paintFrames(benchmark::State& state, double visibleBars, Between between = Between::Nothing) {
    ensureGuiApplication();
    ChartModel& model = millionBarModel();
    ChartRenderer renderer;
    renderer.setTimeZone(QTimeZone::utc());
    QImage image(kFrameSize, QImage::Format_ARGB32_Premultiplied);
    renderer.layout(image.rect(), model);
    auto& ts = renderer.timeScale();
    ts.setBarSpacing(visibleBars > 0 ? ts.width() / visibleBars : ts.minSpacing());
    ts.scrollToLive();
    const double spacing = ts.barSpacing();
    renderer.setCrosshair(QPointF(kFrameSize.width() * 0.6, kFrameSize.height() * 0.3));
    const OhlcvRow forming = model.bars().last();
    std::uint64_t frame = 0;
    for (auto _ : state) {
        ++frame;
        if (between == Between::FormingBar) {
            // A trade at a new price: close, and now and then the high, move.
            OhlcvRow bar = forming;
            bar.close = forming.close + (frame % 2 == 0 ? 0.5 : -0.5);
            bar.high = std::max(bar.high, bar.close);
            bar.low = std::min(bar.low, bar.close);
            model.updateLastBar(bar);
        } else if (between == Between::Zoom) {
            ts.setBarSpacing(frame % 2 == 0 ? spacing : spacing * 1.001);
        }
        QPainter painter(&image);
        renderer.paint(painter, image.rect(), model);
        painter.end();
        benchmark::DoNotOptimize(image.constBits());
    }
    if (between == Between::FormingBar)
        model.updateLastBar(forming);
    state.counters["visible_bars"] = static_cast<double>(ts.endVisible() - ts.firstVisible());
    state.counters["indicators"] = static_cast<double>(model.indicators().size());
    state.counters["columns_queried_per_frame"] =
        frame > 0 ? static_cast<double>(renderer.decimator().queriedColumns()) /
                        static_cast<double>(frame)
                  : 0.0;
}

void chartPaintFull(benchmark::State& state) {
    paintFrames(state, 0.0);
}
void chartPaintFullTick(benchmark::State& state) {
    paintFrames(state, 0.0, Between::FormingBar);
}
void chartPaintFullUncached(benchmark::State& state) {
    paintFrames(state, 0.0, Between::Zoom);
}
void chartPaint500(benchmark::State& state) {
    paintFrames(state, 500.0);
}

} // namespace

BENCHMARK(chartPaintFull)->Name("chart_paint/1m_bars_full")->Unit(benchmark::kMillisecond);
BENCHMARK(chartPaintFullTick)->Name("chart_paint/1m_bars_full_tick")->Unit(benchmark::kMillisecond);
BENCHMARK(chartPaintFullUncached)
    ->Name("chart_paint/1m_bars_full_uncached")
    ->Unit(benchmark::kMillisecond);
BENCHMARK(chartPaint500)->Name("chart_paint/1m_bars_500_visible")->Unit(benchmark::kMillisecond);
