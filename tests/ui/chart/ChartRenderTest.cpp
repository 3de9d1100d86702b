// SPDX-License-Identifier: MIT
#include "core/domain/BarSeries.hpp"
#include "core/indicators/IndicatorRegistry.hpp"
#include "ui/chart/ChartIndicatorFactory.hpp"
#include "ui/chart/ChartModel.hpp"
#include "ui/chart/ChartRenderer.hpp"

#include <QDir>
#include <QImage>
#include <QPainter>
#include <QtTest>

#include <cmath>
#include <random>
#include <string_view>

using namespace cw;
using namespace cw::ui;

namespace {

constexpr QColor kOverlayColor(0xff, 0xd6, 0x00); // distinct from the theme and the palette
const QSize kSize(1600, 900);

BarSeries randomWalk(std::size_t n, std::uint64_t seed) {
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> step(0.0, 0.6);
    std::exponential_distribution<double> wick(2.5);
    std::lognormal_distribution<double> volume(6.0, 0.6);
    BarSeries bars(n);
    double price = 120.0;
    const TimestampNs start = 1'710'230'400LL * kNsPerSecond; // 2024-03-12 08:00 UTC
    for (std::size_t i = 0; i < n; ++i) {
        OhlcvRow r;
        r.time = start + static_cast<TimestampNs>(i) * kNsPerMinute;
        r.open = price;
        price = std::max(1.0, price + step(rng));
        r.close = price;
        r.high = std::max(r.open, r.close) + wick(rng);
        r.low = std::min(r.open, r.close) - wick(rng);
        r.volume = volume(rng);
        bars.append(r);
    }
    return bars;
}

/// Simple moving average computed here, independently of the indicator library.
ChartIndicator movingAverage(const BarSeries& bars, std::size_t period) {
    ChartIndicator ind("SMA " + std::to_string(period), indicators::Placement::PriceOverlay);
    auto& out = ind.addOutput("value", kOverlayColor, ChartIndicator::OutputStyle::Line, 2.0);
    out.values.assign(bars.size(), std::nan(""));
    double sum = 0.0;
    for (std::size_t i = 0; i < bars.size(); ++i) {
        sum += bars.close()[i];
        if (i >= period)
            sum -= bars.close()[i - period];
        if (i + 1 >= period)
            out.values[i] = sum / static_cast<double>(period);
    }
    return ind;
}

bool near(QRgb a, const QColor& b, int tolerance) {
    return std::abs(qRed(a) - b.red()) <= tolerance &&
           std::abs(qGreen(a) - b.green()) <= tolerance &&
           std::abs(qBlue(a) - b.blue()) <= tolerance;
}

int countNear(const QImage& img, const QRect& r, const QColor& c, int tolerance = 0) {
    int n = 0;
    for (int y = r.top(); y <= r.bottom(); ++y)
        for (int x = r.left(); x <= r.right(); ++x)
            n += near(img.pixel(x, y), c, tolerance);
    return n;
}

int countNotBackground(const QImage& img, const QRect& r, const QColor& background) {
    return r.width() * r.height() - countNear(img, r, background, 6);
}

QString artifactPath(const QString& name) {
    QString dir = qEnvironmentVariable("CW_ARTIFACT_DIR");
    if (dir.isEmpty())
        dir = QDir::temp().filePath(QStringLiteral("candlewick-chart"));
    QDir().mkpath(dir);
    return QDir(dir).filePath(name);
}

} // namespace

class ChartRenderTest : public QObject {
    Q_OBJECT

private:
    void buildModel(ChartModel& model, std::size_t bars, bool overlays = true) {
        model.setBars(randomWalk(bars, 2024));
        if (overlays)
            model.addIndicator(movingAverage(model.bars(), 50));
        const auto& registry = indicators::IndicatorRegistry::builtin();
        for (const char* spec : {"bbands:20,2", "rsi:14", "macd:12,26,9"}) {
            if (!overlays && std::string_view(spec).starts_with("bbands"))
                continue;
            auto configured = registry.parse(spec);
            QVERIFY2(configured.hasValue(), spec);
            model.addIndicator(ChartIndicatorFactory::create(*configured, model.bars(), 0));
        }
    }

    QImage render(ChartRenderer& renderer, const ChartModel& model) {
        QImage img(kSize, QImage::Format_ARGB32_Premultiplied);
        img.fill(Qt::black);
        QPainter p(&img);
        renderer.paint(p, img.rect(), model);
        p.end();
        return img;
    }

private slots:
    void paintsARealChart() {
        ChartModel model;
        buildModel(model, 5000);
        ChartRenderer renderer;
        renderer.setTimeZone(QTimeZone::utc());
        renderer.layout(QRect(QPoint(0, 0), kSize), model);
        renderer.timeScale().setBarSpacing(8.0);
        renderer.timeScale().scrollToLive();
        QImage img = render(renderer, model);
        QVERIFY(img.save(artifactPath(QStringLiteral("chart-dark.png"))));

        const ChartTheme& theme = renderer.theme();
        const auto& l = renderer.currentLayout();
        QCOMPARE(l.panePlots.size(), std::size_t{2}); // RSI and MACD
        // Both candle colours in the price plot.
        QVERIFY2(countNear(img, l.pricePlot, theme.up) > 500, "no up candles");
        QVERIFY2(countNear(img, l.pricePlot, theme.down) > 500, "no down candles");
        // The moving average (antialiased: allow a little blending).
        QVERIFY2(countNear(img, l.pricePlot, kOverlayColor, 40) > 300, "no overlay line");
        // Labels on both axes, lines in both panes.
        QVERIFY2(countNotBackground(img, l.priceAxis, theme.background) > 200, "empty price axis");
        QVERIFY2(countNotBackground(img, l.timeAxis, theme.background) > 200, "empty time axis");
        for (const QRect& pane : l.panePlots)
            QVERIFY2(countNotBackground(img, pane, theme.background) > 500, "empty pane");
        // The chart stays inside the area: the last visible column of the axis is background.
        QVERIFY(near(img.pixel(kSize.width() - 1, l.priceAxis.center().y()), theme.background, 6) ||
                near(img.pixel(kSize.width() - 1, l.priceAxis.center().y()), theme.up, 6) ||
                near(img.pixel(kSize.width() - 1, l.priceAxis.center().y()), theme.down, 6));
    }

    void lastCandleFollowsUpdateLastBar() {
        ChartModel model;
        model.setBars(randomWalk(5000, 7));
        ChartRenderer renderer;
        renderer.setTimeZone(QTimeZone::utc());
        renderer.setVolumeVisible(false);
        renderer.layout(QRect(QPoint(0, 0), kSize), model);
        renderer.timeScale().setBarSpacing(10.0);
        renderer.timeScale().scrollToLive();
        const QImage before = render(renderer, model);

        // A new high above everything visible: the wick must reach the new top.
        const std::size_t first = renderer.timeScale().firstVisible();
        const auto highs = model.bars().high();
        const double visibleHigh = *std::max_element(highs.begin() + first, highs.end());
        OhlcvRow last = model.bars().last();
        last.high = visibleHigh + 5.0;
        last.close = last.high - 0.5;
        model.updateLastBar(last);
        const QImage after = render(renderer, model);
        QVERIFY(after.save(artifactPath(QStringLiteral("chart-updated.png"))));

        const auto& l = renderer.currentLayout();
        const int x = l.pricePlot.left() + static_cast<int>(std::floor(renderer.timeScale().xOf(
                                               static_cast<double>(model.size() - 1))));
        const int yTop = static_cast<int>(std::lround(renderer.priceScale().yOf(last.high)));
        const QColor up = renderer.theme().up;
        QVERIFY2(near(after.pixel(x, yTop + 1), up, 0), "new high not drawn");
        QVERIFY2(!near(before.pixel(x, yTop + 1), up, 0), "pixel was already set before");
        const QRect candle(x - 4, l.pricePlot.top(), 9, l.pricePlot.height());
        QVERIFY(before.copy(candle) != after.copy(candle));
    }

    void zoomedOutDrawsEveryColumnFromThePyramid() {
        ChartModel model;
        buildModel(model, 200'000, false); // overlays would cover the bars
        ChartRenderer renderer;
        renderer.setTimeZone(QTimeZone::utc());
        renderer.layout(QRect(QPoint(0, 0), kSize), model);
        renderer.timeScale().setBarSpacing(renderer.timeScale().minSpacing());
        renderer.timeScale().scrollToLive();
        QImage img = render(renderer, model);
        QVERIFY(img.save(artifactPath(QStringLiteral("chart-zoomed-out.png"))));
        const auto& l = renderer.currentLayout();
        // Every pixel column of the plot holds bars, so every column shows candle colour.
        int empty = 0;
        for (int x = l.pricePlot.left() + 1; x < l.pricePlot.right() - 40; ++x) {
            const QRect column(x, l.pricePlot.top(), 1, l.pricePlot.height());
            if (countNear(img, column, renderer.theme().up) +
                    countNear(img, column, renderer.theme().down) ==
                0)
                ++empty;
        }
        QCOMPARE(empty, 0);
    }

    void directSpansPaintTheSamePixelsAsQPainter() {
        // Zoomed out, columns are written straight into the image; the QPainter path must give
        // the very same frame (bars, volume, overlays, histogram, pane lines), at several zooms
        // and in the other bar styles.
        ChartModel model;
        buildModel(model, 120'000);
        for (ChartStyle style : {ChartStyle::Candles, ChartStyle::Line, ChartStyle::HeikinAshi}) {
            for (double spacing : {0.0, 0.37, 2.0}) {
                ChartRenderer direct;
                ChartRenderer painter;
                painter.setDirectSpans(false);
                QImage images[2];
                int k = 0;
                for (ChartRenderer* r : {&direct, &painter}) {
                    r->setTimeZone(QTimeZone::utc());
                    r->setStyle(style);
                    r->layout(QRect(QPoint(0, 0), kSize), model);
                    r->timeScale().setBarSpacing(spacing > 0 ? spacing
                                                             : r->timeScale().minSpacing());
                    r->timeScale().scrollToLive();
                    r->setCrosshair(QPointF(700, 200));
                    images[k++] = render(*r, model);
                }
                const QString name =
                    QStringLiteral("style %1 spacing %2").arg(static_cast<int>(style)).arg(spacing);
                QVERIFY2(images[0] == images[1], qPrintable(name));
            }
        }
    }

    void cachedColumnsFollowTicksAppendsAndPans() {
        // One renderer paints frame after frame (its column cache warm) while the forming bar
        // changes, bars are appended and the view moves; each frame must equal what a renderer
        // that never saw the model paints.
        ChartModel model;
        buildModel(model, 150'000);
        ChartRenderer warm;
        warm.setTimeZone(QTimeZone::utc());
        warm.layout(QRect(QPoint(0, 0), kSize), model);
        warm.timeScale().setBarSpacing(warm.timeScale().minSpacing());
        warm.timeScale().scrollToLive();
        render(warm, model);

        const auto compareWithFresh = [&](const char* what) {
            const QImage got = render(warm, model);
            ChartRenderer fresh;
            fresh.setTimeZone(QTimeZone::utc());
            fresh.layout(QRect(QPoint(0, 0), kSize), model);
            fresh.timeScale().setBarSpacing(warm.timeScale().barSpacing());
            fresh.timeScale().setRightIndex(warm.timeScale().rightIndex());
            QVERIFY2(got == render(fresh, model), what);
        };

        std::mt19937_64 rng(77);
        std::normal_distribution<double> step(0.0, 2.0);
        OhlcvRow last = model.bars().last();
        for (int tick = 0; tick < 5; ++tick) {
            last.close += step(rng);
            last.high = std::max(last.high, last.close + 5.0 * tick); // spikes above the rest
            last.low = std::min(last.low, last.close);
            model.updateLastBar(last);
            const std::uint64_t before = warm.decimator().queriedColumns();
            const int plotWidth = warm.currentLayout().pricePlot.width();
            compareWithFresh("after a tick");
            // Only the forming bar's column of each series (bars, volume, 4 overlay lines,
            // RSI, MACD's three outputs) is queried again, unless the price axis grew (a
            // wider label narrows the plot: other columns).
            if (warm.currentLayout().pricePlot.width() == plotWidth)
                QVERIFY(warm.decimator().queriedColumns() - before <= 10);
        }
        for (int i = 0; i < 3; ++i) {
            OhlcvRow bar = last;
            bar.time = last.time + (i + 1) * kNsPerMinute;
            model.appendBar(bar);
            warm.timeScale().barsAppended(1);
            compareWithFresh("after an append");
        }
        warm.timeScale().zoomAt(800.0, 3.0);
        compareWithFresh("after a zoom");
        warm.timeScale().pan(250.0);
        compareWithFresh("after a pan");
    }

    void paintsOtherStylesAndTheLightTheme() {
        ChartModel model;
        buildModel(model, 3000);
        ChartRenderer renderer;
        renderer.setTimeZone(QTimeZone::utc());
        renderer.setTheme(ChartTheme::light());
        for (ChartStyle style : {ChartStyle::OhlcBars, ChartStyle::Line, ChartStyle::HeikinAshi}) {
            renderer.setStyle(style);
            renderer.layout(QRect(QPoint(0, 0), kSize), model);
            renderer.timeScale().setBarSpacing(6.0);
            renderer.timeScale().scrollToLive();
            renderer.setCrosshair(QPointF(900, 300));
            QImage img = render(renderer, model);
            QVERIFY(img.save(
                artifactPath(QStringLiteral("chart-light-%1.png").arg(static_cast<int>(style)))));
            const auto& l = renderer.currentLayout();
            const QColor mark =
                style == ChartStyle::Line ? renderer.theme().line : renderer.theme().up;
            QVERIFY2(countNear(img, l.pricePlot, mark, style == ChartStyle::Line ? 40 : 0) > 200,
                     "bars missing");
        }
    }

    void emptyModelPaintsBackgroundAndAxesOnly() {
        ChartModel model;
        ChartRenderer renderer;
        QImage img = render(renderer, model);
        const auto& l = renderer.currentLayout();
        QCOMPARE(countNear(img, l.pricePlot.adjusted(2, 2, -2, -2), renderer.theme().up), 0);
        QVERIFY(countNear(img, l.pricePlot, renderer.theme().background) >
                l.pricePlot.width() * 100);
    }
};

QTEST_MAIN(ChartRenderTest)
#include "ChartRenderTest.moc"
