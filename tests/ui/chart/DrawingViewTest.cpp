// SPDX-License-Identifier: MIT
#include "core/domain/BarSeries.hpp"
#include "ui/chart/ChartRenderer.hpp"
#include "ui/chart/ChartView.hpp"
#include "ui/chart/DrawingSerializer.hpp"

#include <QDir>
#include <QImage>
#include <QPainter>
#include <QSignalSpy>
#include <QtTest>

#include <cmath>

using namespace cw;
using namespace cw::ui;

namespace {

constexpr TimestampNs kT0 = 1'710'230'400LL * kNsPerSecond; // 2024-03-12 08:00 UTC
constexpr QColor kLineColor(0xff, 0x00, 0xff);
constexpr QColor kFibColor(0x00, 0xff, 0xff);

/// `n` bars of `interval` oscillating between about 110 and 130.
BarSeries waveBars(std::size_t n, TimestampNs interval) {
    BarSeries bars(n);
    for (std::size_t i = 0; i < n; ++i) {
        const TimestampNs t = kT0 + static_cast<TimestampNs>(i) * interval;
        const double p =
            120.0 + 8.0 * std::sin(static_cast<double>(t - kT0) / (40.0 * kNsPerMinute));
        bars.append({t, p, p + 1.0, p - 1.0, p + 0.3, 10.0});
    }
    return bars;
}

ChartDrawing drawing(DrawingKind kind, DrawingAnchor a, DrawingAnchor b, QColor color) {
    ChartDrawing d;
    d.kind = kind;
    d.anchors = {a, b};
    d.color = color;
    return d;
}

QString artifactPath(const QString& name) {
    QString dir = qEnvironmentVariable("CW_ARTIFACT_DIR");
    if (dir.isEmpty())
        dir = QDir::temp().filePath(QStringLiteral("candlewick-chart"));
    QDir().mkpath(dir);
    return QDir(dir).filePath(name);
}

int countColor(const QImage& img, int y, int x0, int x1, const QColor& c) {
    int n = 0;
    for (int x = x0; x <= x1; ++x)
        n += img.pixelColor(x, y).rgb() == c.rgb();
    return n;
}

void sendMouse(QWidget* w, QEvent::Type type, QPointF pos, Qt::MouseButtons buttons,
               Qt::MouseButton button = Qt::NoButton) {
    QMouseEvent e(type, pos, w->mapToGlobal(pos), button, buttons, Qt::NoModifier);
    QApplication::sendEvent(w, &e);
}

void drag(QWidget* w, QPointF from, QPointF to) {
    sendMouse(w, QEvent::MouseButtonPress, from, Qt::LeftButton, Qt::LeftButton);
    sendMouse(w, QEvent::MouseMove, (from + to) / 2, Qt::LeftButton);
    sendMouse(w, QEvent::MouseMove, to, Qt::LeftButton);
    sendMouse(w, QEvent::MouseButtonRelease, to, Qt::NoButton, Qt::LeftButton);
}

} // namespace

class DrawingViewTest : public QObject {
    Q_OBJECT

private slots:
    void horizontalLineAndFibonacciPaintTheirRows() {
        ChartModel model;
        model.setBars(waveBars(200, kNsPerMinute));
        ChartRenderer renderer;
        renderer.setTimeZone(QTimeZone::utc());
        renderer.setVolumeVisible(false);
        const QRect area(0, 0, 1200, 700);
        renderer.layout(area, model);
        renderer.timeScale().setBarSpacing(6.0);
        renderer.timeScale().scrollToLive();
        renderer.priceScale().setRange(100.0, 150.0); // manual: rows are known before painting

        const std::vector<ChartDrawing> drawings = {
            drawing(DrawingKind::HorizontalLine, {kT0 + 50 * kNsPerMinute, 141.0},
                    {kT0 + 50 * kNsPerMinute, 141.0}, kLineColor),
            drawing(DrawingKind::FibonacciRetracement, {kT0 + 80 * kNsPerMinute, 104.0},
                    {kT0 + 160 * kNsPerMinute, 136.0}, kFibColor),
        };
        renderer.setDrawingOverlay({drawings, nullptr, std::nullopt});
        QImage img(area.size(), QImage::Format_ARGB32_Premultiplied);
        QPainter p(&img);
        renderer.paint(p, area, model);
        p.end();
        QVERIFY(img.save(artifactPath(QStringLiteral("chart-drawings.png"))));

        const QRect plot = renderer.currentLayout().pricePlot;
        // Rows from the scale's definition: top + (high - price) / (high - low) * height.
        auto rowOf = [&](double price) {
            return static_cast<int>(
                std::lround(plot.top() + (150.0 - price) / 50.0 * plot.height()));
        };
        const int hRow = rowOf(141.0);
        QVERIFY2(countColor(img, hRow, plot.left(), plot.right(), kLineColor) > plot.width() * 0.8,
                 "horizontal line row");
        QCOMPARE(countColor(img, hRow + 3, plot.left(), plot.right(), kLineColor), 0);

        // The retracement spans bars 80..160 (the last bar, 199, sits 4 bars from the edge).
        const auto& ts = renderer.timeScale();
        const int x0 = plot.left() + static_cast<int>(std::lround(ts.xOf(80.0)));
        const int x1 = plot.left() + static_cast<int>(std::lround(ts.xOf(160.0)));
        QVERIFY(x1 - x0 > 400);
        for (double level : ChartDrawing::kFibonacciLevels) {
            const int y = rowOf(136.0 - 32.0 * level / 100.0);
            const int n = countColor(img, y, x0 + 2, x1 - 2, kFibColor);
            QVERIFY2(n > (x1 - x0) * 0.8, qPrintable(QStringLiteral("level %1").arg(level)));
            // Nothing of the level outside its span.
            QCOMPARE(countColor(img, y, x1 + 3, plot.right(), kFibColor), 0);
        }
        // A row between the 50 % and 61.8 % levels holds only the diagonal (a pixel or two).
        QVERIFY(countColor(img, rowOf(136.0 - 32.0 * 0.56), x0, x1, kFibColor) < 5);
    }

    void selectedDrawingsShowHandlesAndRectanglesAreFilled() {
        ChartModel model;
        model.setBars(waveBars(200, kNsPerMinute));
        ChartRenderer renderer;
        renderer.setTimeZone(QTimeZone::utc());
        const QRect area(0, 0, 1200, 700);
        renderer.layout(area, model);
        renderer.timeScale().setBarSpacing(6.0);
        renderer.timeScale().scrollToLive();
        renderer.priceScale().setRange(100.0, 150.0);
        std::vector<ChartDrawing> drawings = {
            drawing(DrawingKind::Rectangle, {kT0 + 20 * kNsPerMinute, 140.0},
                    {kT0 + 60 * kNsPerMinute, 132.0}, kFibColor),
            drawing(DrawingKind::TrendLine, {kT0 + 70 * kNsPerMinute, 105.0},
                    {kT0 + 150 * kNsPerMinute, 145.0}, kLineColor),
        };
        drawings[0].id = 1;
        drawings[1].id = 2;
        drawings[1].widthPx = 2.0;
        // A trend line being placed: shown with handles too.
        ChartDrawing pending = drawing(DrawingKind::TrendLine, {kT0 + 100 * kNsPerMinute, 110.0},
                                       {kT0 + 180 * kNsPerMinute, 102.0}, kLineColor);
        renderer.setDrawingOverlay({drawings, &pending, std::uint64_t{1}});
        QImage img(area.size(), QImage::Format_ARGB32_Premultiplied);
        QPainter p(&img);
        renderer.paint(p, area, model);
        p.end();
        QVERIFY(img.save(artifactPath(QStringLiteral("chart-drawings-selected.png"))));

        const auto c = renderer.drawingCoordinates(model);
        // Inside the rectangle: the background tinted by the fill, neither plain nor opaque.
        const QPointF mid =
            (c.toPixel(drawings[0].anchors[0]) + c.toPixel(drawings[0].anchors[1])) / 2;
        const QColor inside = img.pixelColor(mid.toPoint());
        QVERIFY(inside != renderer.theme().background);
        QVERIFY(inside.rgb() != kFibColor.rgb());
        // The selected rectangle has a handle (background-filled square) at each anchor.
        for (const DrawingAnchor& a : drawings[0].anchors) {
            const QPoint h = c.toPixel(a).toPoint();
            QCOMPARE(img.pixelColor(h).rgb(), renderer.theme().background.rgb());
            QCOMPARE(img.pixelColor(h + QPoint(DrawingRenderer::kHandleSizePx / 2, 0)).rgb(),
                     kFibColor.rgb());
        }
        // The unselected trend line has none: its anchor pixel is line colour, not background.
        const QPoint lineStart = c.toPixel(drawings[1].anchors[0]).toPoint();
        QVERIFY(img.pixelColor(lineStart).rgb() != renderer.theme().background.rgb());
        // The pending drawing shows handles.
        const QPoint ph = c.toPixel(pending.anchors[1]).toPoint();
        QCOMPARE(img.pixelColor(ph + QPoint(DrawingRenderer::kHandleSizePx / 2, 0)).rgb(),
                 kLineColor.rgb());
    }

    void farAwayAnchorsStillDrawTheVisiblePart() {
        ChartModel model;
        model.setBars(waveBars(200, kNsPerMinute));
        ChartRenderer renderer;
        renderer.setVolumeVisible(false);
        const QRect area(0, 0, 800, 500);
        renderer.layout(area, model);
        renderer.priceScale().setRange(100.0, 150.0);
        // From a visible point to one ten million minutes and a million price units away.
        const std::vector<ChartDrawing> drawings = {
            drawing(DrawingKind::TrendLine, {kT0 + 150 * kNsPerMinute, 125.0},
                    {kT0 + 10'000'000LL * kNsPerMinute, 1e6}, kLineColor),
            drawing(DrawingKind::FibonacciRetracement, {kT0 - 10'000'000LL * kNsPerMinute, -1e9},
                    {kT0 + 10'000'000LL * kNsPerMinute, 1e9}, kFibColor),
        };
        renderer.setDrawingOverlay({drawings, nullptr, std::nullopt});
        QImage img(area.size(), QImage::Format_ARGB32_Premultiplied);
        QPainter p(&img);
        renderer.paint(p, area, model);
        p.end();
        const QRect plot = renderer.currentLayout().pricePlot;
        int n = 0;
        for (int y = plot.top(); y <= plot.bottom(); ++y)
            n += countColor(img, y, plot.left(), plot.right(), kLineColor);
        QVERIFY2(n > 3, "the visible part of the line is missing");
    }

    void doubleClickWhilePlacingFinishesTheDrawing() {
        ChartView view;
        view.resize(1000, 600);
        view.setBars(waveBars(500, kNsPerMinute));
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const double right = view.renderer().timeScale().rightIndex();
        view.setActiveTool(DrawingTool::FibonacciRetracement);
        sendMouse(&view, QEvent::MouseButtonPress, QPointF(300, 100), Qt::LeftButton,
                  Qt::LeftButton);
        sendMouse(&view, QEvent::MouseButtonRelease, QPointF(300, 100), Qt::NoButton,
                  Qt::LeftButton);
        // Qt delivers a quick second click as a double-click event.
        sendMouse(&view, QEvent::MouseButtonDblClick, QPointF(600, 400), Qt::LeftButton,
                  Qt::LeftButton);
        sendMouse(&view, QEvent::MouseButtonRelease, QPointF(600, 400), Qt::NoButton,
                  Qt::LeftButton);
        QCOMPARE(view.drawings().size(), std::size_t{1});
        QCOMPARE(view.drawings()[0].kind, DrawingKind::FibonacciRetracement);
        // Not taken as "back to the live edge" either.
        QCOMPARE(view.renderer().timeScale().rightIndex(), right);
    }

    void placingATrendLineWithTheMouseDoesNotPan() {
        ChartView view;
        view.resize(1000, 600);
        view.setBars(waveBars(500, kNsPerMinute));
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QSignalSpy changed(&view, &ChartView::drawingsChanged);
        QSignalSpy toolChanged(&view, &ChartView::activeToolChanged);
        view.setActiveTool(DrawingTool::TrendLine);
        QCOMPARE(toolChanged.count(), 1);
        const double right = view.renderer().timeScale().rightIndex();
        drag(&view, QPointF(200, 150), QPointF(500, 300));
        QCOMPARE(view.drawings().size(), std::size_t{1});
        QCOMPARE(view.drawings()[0].kind, DrawingKind::TrendLine);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(view.activeTool(), DrawingTool::None);
        QCOMPARE(toolChanged.count(), 2); // back to None
        QCOMPARE(view.renderer().timeScale().rightIndex(), right);

        // The drawing's anchors are where the pointer was.
        const auto c = view.renderer().drawingCoordinates(view.model());
        QVERIFY(std::abs(c.toPixel(view.drawings()[0].anchors[1]).x() - 500.0) < 1e-6);
        QVERIFY(std::abs(c.toPixel(view.drawings()[0].anchors[1]).y() - 300.0) < 1e-6);

        // Dragging the line moves it (no pan); dragging empty chart pans (no edit).
        drag(&view, QPointF(350, 225), QPointF(380, 225));
        QCOMPARE(changed.count(), 2);
        QCOMPARE(view.renderer().timeScale().rightIndex(), right);
        const auto moved = view.drawings();
        drag(&view, QPointF(700, 500), QPointF(760, 500));
        QVERIFY(view.renderer().timeScale().rightIndex() != right);
        QCOMPARE(view.drawings(), moved);
        QCOMPARE(changed.count(), 2);

        // Select it again and delete it with the keyboard.
        const auto c2 = view.renderer().drawingCoordinates(view.model());
        const QPointF handle = c2.toPixel(view.drawings()[0].anchors[0]);
        sendMouse(&view, QEvent::MouseButtonPress, handle, Qt::LeftButton, Qt::LeftButton);
        sendMouse(&view, QEvent::MouseButtonRelease, handle, Qt::NoButton, Qt::LeftButton);
        QTest::keyClick(&view, Qt::Key_Delete);
        QVERIFY(view.drawings().empty());
        QCOMPARE(changed.count(), 3);
    }

    void escapeCancelsPlacementInTheView() {
        ChartView view;
        view.resize(1000, 600);
        view.setBars(waveBars(500, kNsPerMinute));
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QSignalSpy changed(&view, &ChartView::drawingsChanged);
        view.setActiveTool(DrawingTool::Rectangle);
        sendMouse(&view, QEvent::MouseButtonPress, QPointF(300, 200), Qt::LeftButton,
                  Qt::LeftButton);
        sendMouse(&view, QEvent::MouseButtonRelease, QPointF(300, 200), Qt::NoButton,
                  Qt::LeftButton);
        sendMouse(&view, QEvent::MouseMove, QPointF(400, 260), Qt::NoButton);
        QVERIFY(view.drawingEditor().pending() != nullptr);
        QTest::keyClick(&view, Qt::Key_Escape);
        QVERIFY(view.drawingEditor().pending() == nullptr);
        QVERIFY(view.drawings().empty());
        QCOMPARE(changed.count(), 0);
        QCOMPARE(view.activeTool(), DrawingTool::None);
    }

    void drawingsKeepTheirTimesAcrossATimeframeChange() {
        ChartView view;
        view.resize(1000, 600);
        view.setBars(waveBars(600, kNsPerMinute));
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QSignalSpy changed(&view, &ChartView::drawingsChanged);
        const TimestampNs t = kT0 + 575 * kNsPerMinute; // opens 1-min bar 575, 5-min bar 115
        const std::vector<ChartDrawing> set = {
            drawing(DrawingKind::TrendLine, {t, 112.0}, {t + 10 * kNsPerMinute, 128.0}, kLineColor),
        };
        view.setDrawings(set);
        QCOMPARE(changed.count(), 0); // programmatic: not an edit
        QVERIFY(view.drawings()[0].id != 0);

        view.setBars(waveBars(120, 5 * kNsPerMinute)); // the same 10 hours as 5-minute bars
        QTest::qWait(ChartView::kFrameIntervalMs * 3);
        QCOMPARE(view.drawings().size(), std::size_t{1});
        QCOMPARE(view.drawings()[0].anchors, set[0].anchors);
        const auto c = view.renderer().drawingCoordinates(view.model());
        const auto& ts = view.renderer().timeScale();
        const double left = view.renderer().currentLayout().pricePlot.left();
        QCOMPARE(c.xOfTime(t), left + ts.xOf(115.0));
        QCOMPARE(c.xOfTime(t + 10 * kNsPerMinute), left + ts.xOf(117.0));
    }

    void savedDrawingsRestoreIntoAnotherView() {
        ChartView a;
        a.setBars(waveBars(100, kNsPerMinute));
        a.setDrawings(
            {drawing(DrawingKind::Rectangle, {kT0, 110.0}, {kT0 + kNsPerHour, 125.0}, kFibColor)});
        const auto restored = DrawingSerializer::fromJson(DrawingSerializer::toJson(a.drawings()));
        QVERIFY(restored.hasValue());
        ChartView b;
        b.setDrawings(*restored);
        QCOMPARE(b.drawings(), a.drawings());
    }
};

QTEST_MAIN(DrawingViewTest)
#include "DrawingViewTest.moc"
