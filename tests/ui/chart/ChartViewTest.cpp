// SPDX-License-Identifier: MIT
#include "ui/chart/ChartView.hpp"

#include "core/domain/BarSeries.hpp"
#include "ui/chart/OrderLineOverlay.hpp"

#include <QSignalSpy>
#include <QWheelEvent>
#include <QtTest>

#include <cmath>
#include <limits>

using namespace cw;
using namespace cw::ui;

namespace {

/// `n` 1m bars opening at minutes `first`, `first` + 1, ...; the prices depend on the minute,
/// so the same minute looks the same in every series.
BarSeries rampBars(std::size_t n, std::size_t first = 0) {
    BarSeries bars(n);
    for (std::size_t i = first; i < first + n; ++i) {
        const double p = 100.0 + std::sin(static_cast<double>(i) * 0.05) * 10.0;
        bars.append(
            {static_cast<TimestampNs>(i) * kNsPerMinute, p, p + 1.0, p - 1.0, p + 0.5, 10.0});
    }
    return bars;
}

void sendMouse(QWidget* w, QEvent::Type type, QPointF pos, Qt::MouseButtons buttons,
               Qt::MouseButton button = Qt::NoButton) {
    QMouseEvent e(type, pos, w->mapToGlobal(pos), button, buttons, Qt::NoModifier);
    QApplication::sendEvent(w, &e);
}

void drag(QWidget* w, QPointF from, QPointF to) {
    sendMouse(w, QEvent::MouseButtonPress, from, Qt::LeftButton, Qt::LeftButton);
    const QPointF mid = (from + to) / 2;
    sendMouse(w, QEvent::MouseMove, mid, Qt::LeftButton);
    sendMouse(w, QEvent::MouseMove, to, Qt::LeftButton);
    sendMouse(w, QEvent::MouseButtonRelease, to, Qt::NoButton, Qt::LeftButton);
}

} // namespace

class ChartViewTest : public QObject {
    Q_OBJECT

private slots:
    void dataChangesAreCoalescedIntoFewRepaints() {
        ChartView view;
        view.resize(1000, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setBars(rampBars(2000));
        QTest::qWait(ChartView::kFrameIntervalMs * 3);
        const quint64 painted = view.paintCount();
        OhlcvRow last = view.model().bars().last();
        for (int i = 0; i < 500; ++i) {
            last.close += 0.01;
            last.high = std::max(last.high, last.close);
            view.updateLastBar(last);
        }
        QVERIFY(view.isRepaintPending());
        QCOMPARE(view.paintCount(), painted); // nothing painted synchronously
        QTRY_VERIFY(view.paintCount() > painted);
        QTest::qWait(ChartView::kFrameIntervalMs * 3);
        QVERIFY2(view.paintCount() - painted <= 2, "500 ticks must not cause 500 repaints");
    }

    void wheelZoomKeepsTheBarUnderTheCursor() {
        ChartView view;
        view.resize(1000, 600);
        view.setBars(rampBars(5000));
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.renderer().timeScale().pan(400.0); // away from the live edge clamp
        const QPointF pos(400.0, 200.0);
        const double plotLeft = view.renderer().currentLayout().pricePlot.left();
        const double before = view.renderer().timeScale().indexAt(pos.x() - plotLeft);
        const double spacing = view.renderer().timeScale().barSpacing();
        QWheelEvent wheel(pos, view.mapToGlobal(pos), QPoint(), QPoint(0, 120), Qt::NoButton,
                          Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(&view, &wheel);
        QVERIFY(view.renderer().timeScale().barSpacing() > spacing);
        QCOMPARE_LT(std::abs(view.renderer().timeScale().indexAt(pos.x() - plotLeft) - before),
                    1e-9);
    }

    void dragPansAndEndReturnsToTheLiveEdge() {
        ChartView view;
        view.resize(1000, 600);
        view.setBars(rampBars(5000));
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        auto& ts = view.renderer().timeScale();
        const double right = ts.rightIndex();
        drag(&view, QPointF(500, 200), QPointF(700, 200)); // drag right: older bars
        QVERIFY(ts.rightIndex() < right - 10.0);
        QVERIFY(!ts.followsLive());
        // Bars appended while looking at history do not move the view.
        const double viewed = ts.rightIndex();
        view.appendBar({5000 * kNsPerMinute, 100, 101, 99, 100, 1});
        QCOMPARE(ts.rightIndex(), viewed);
        QTest::keyClick(&view, Qt::Key_End);
        QVERIFY(ts.followsLive());
        QCOMPARE(ts.endVisible(), view.model().size());
        // At the live edge, appended bars scroll in.
        const std::size_t n = view.model().size();
        view.appendBar({static_cast<TimestampNs>(n) * kNsPerMinute, 100, 101, 99, 100, 1});
        QCOMPARE(ts.endVisible(), n + 1);
    }

    void scrollingPastTheOldestBarRequestsHistoryOnce() {
        ChartView view;
        view.resize(1000, 600);
        view.setBars(rampBars(300));
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QSignalSpy spy(&view, &ChartView::historyRequested);
        drag(&view, QPointF(100, 200), QPointF(900, 200));
        drag(&view, QPointF(100, 200), QPointF(900, 200));
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).value<TimestampNs>(), view.model().bars().time().front());
    }

    void aRestoredViewKeepsTheSameBarsUnderTheSamePixelsWhenOlderBarsArrive() {
        ChartView view;
        view.resize(1000, 600);
        view.setBars(rampBars(300, 500));
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        auto& ts = view.renderer().timeScale();
        drag(&view, QPointF(300, 200), QPointF(500, 200)); // look at older bars
        QVERIFY(!ts.followsLive());
        // A bar in view and its pixel; the time it opened names it across both series.
        const std::size_t probe = ts.firstVisible() + 7;
        const TimestampNs probeTime = view.model().bars().time()[probe];
        const double probeX = ts.xOf(static_cast<double>(probe));
        const double spacing = ts.barSpacing();
        const auto anchor = view.viewAnchor();
        QVERIFY(anchor.has_value());

        // 500 older bars before the same 300: the probe is now bar probe + 500.
        view.setBars(rampBars(800, 0));
        QVERIFY(ts.followsLive()); // setBars alone jumps to the newest bars
        QVERIFY(view.restoreView(*anchor));
        QCOMPARE(view.model().bars().time()[probe + 500], probeTime);
        QCOMPARE_LT(std::abs(ts.xOf(static_cast<double>(probe + 500)) - probeX), 1e-6);
        QCOMPARE(ts.barSpacing(), spacing);
        QVERIFY(!ts.followsLive());
    }

    void restoreViewRefusesAnAnchorThatIsNoLongerInTheBars() {
        ChartView view;
        view.resize(1000, 600);
        view.setBars(rampBars(300, 500));
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        drag(&view, QPointF(300, 200), QPointF(500, 200));
        const auto anchor = view.viewAnchor();
        QVERIFY(anchor.has_value());
        view.setBars(rampBars(300, 10'000)); // another stretch of time entirely
        const double right = view.renderer().timeScale().rightIndex();
        QVERIFY(!view.restoreView(*anchor));
        QCOMPARE(view.renderer().timeScale().rightIndex(), right);
        // At the live edge, or with no bars, there is nothing to keep.
        QTest::keyClick(&view, Qt::Key_End);
        QVERIFY(!view.viewAnchor().has_value());
        view.setBars(BarSeries{});
        QVERIFY(!view.viewAnchor().has_value());
    }

    void comingBackToTheOldestBarAsksAgainButNotAtTheStartOfHistory() {
        ChartView view;
        view.resize(1000, 600);
        view.setBars(rampBars(300));
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        auto& ts = view.renderer().timeScale();
        // Drags to the right (towards older bars) until the left edge is past the oldest bar.
        auto toOldest = [&] {
            for (int i = 0; i < 20 && ts.indexAt(0.0) >= 0.0; ++i)
                drag(&view, QPointF(100, 200), QPointF(900, 200));
            QVERIFY(ts.indexAt(0.0) < 0.0);
        };
        QSignalSpy spy(&view, &ChartView::historyRequested);
        toOldest();
        QCOMPARE(spy.count(), 1);
        drag(&view, QPointF(100, 200), QPointF(900, 200)); // still there: no repeat
        QCOMPARE(spy.count(), 1);
        QTest::keyClick(&view, Qt::Key_End); // leave it...
        toOldest();                          // ...and come back: a retry
        QCOMPARE(spy.count(), 2);

        // Nothing older exists: the plot says so next to the oldest bar, and no more requests.
        QTest::qWait(ChartView::kFrameIntervalMs * 2);
        const QImage without = view.grab().toImage();
        view.setHistoryStart(true);
        QVERIFY(view.isHistoryStart());
        const QImage with = view.grab().toImage();
        QVERIFY(without != with);
        QTest::keyClick(&view, Qt::Key_End);
        toOldest();
        QTest::keyClick(&view, Qt::Key_Left);
        QCOMPARE(spy.count(), 2);
        // The label belongs to the oldest bar: at the live edge of a long series it is not drawn.
        view.setBars(rampBars(3000));
        QTest::keyClick(&view, Qt::Key_End);
        const QImage live = view.grab().toImage();
        view.setHistoryStart(false);
        QCOMPARE(view.grab().toImage(), live);
    }

    void priceAxisDragScalesAndDoubleClickRestoresAutoscale() {
        ChartView view;
        view.resize(1000, 600);
        view.setBars(rampBars(1000));
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const QRect axis = view.renderer().currentLayout().priceAxis;
        auto& ps = view.renderer().priceScale();
        const double span = ps.high() - ps.low();
        drag(&view, axis.center(), axis.center() + QPoint(0, 80)); // down: wider range
        QVERIFY(!ps.autoScale());
        QVERIFY(ps.high() - ps.low() > span * 1.2);
        QTest::mouseDClick(&view, Qt::LeftButton, Qt::NoModifier, axis.center());
        QVERIFY(ps.autoScale());
    }

    void autoscaleShowsOrderLinesNearTheBarsButNotFarOnes() {
        ChartView view;
        view.resize(1000, 600);
        view.setBars(rampBars(1000));
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        (void)view.grab();
        const VisibleRange data = visibleRange(view);
        const double span = data.high - data.low;
        const PriceScale& ps = view.renderer().priceScale();
        const double plainHigh = ps.high();
        const double plainLow = ps.low();

        // A working limit above the candles and a take-profit below them are near (within
        // half the span); a stop three spans away is not.
        const double order = data.high + 0.3 * span;
        const double takeProfit = data.low - 0.4 * span;
        const double stop = data.low - 3.0 * span;
        QVERIFY(order > plainHigh); // off screen without the lines
        QVERIFY(takeProfit < plainLow);
        OrderLineOverlay overlay;
        overlay.setLines({line(OrderLine::Kind::Order, order),
                          line(OrderLine::Kind::TakeProfit, takeProfit),
                          line(OrderLine::Kind::StopLoss, stop)});
        view.setOrderLineOverlay(&overlay);
        (void)view.grab();
        const QRect plot = view.renderer().currentLayout().pricePlot;
        QVERIFY(ps.autoScale());
        QVERIFY2(ps.high() >= order, "the working order must be on screen");
        QVERIFY(ps.low() <= takeProfit);
        QVERIFY2(ps.low() > stop, "a far-away stop must not squash the candles");
        for (double price : {order, takeProfit}) {
            const double y = ps.yOf(price);
            QVERIFY(y >= plot.top() && y <= plot.bottom());
        }
        // The bars still fill most of the plot: the range grew by the two near lines only.
        QVERIFY(ps.high() - ps.low() < (plainHigh - plainLow) * 2.0);

        // The overlay gone (or its lines), the axis shows the bars alone again.
        overlay.setLines({});
        (void)view.grab();
        QCOMPARE(ps.high(), plainHigh);
        QCOMPARE(ps.low(), plainLow);
    }

    void extraAutoscaleLevelsIgnoreGarbageAndAManualScale() {
        ChartView view;
        view.resize(1000, 600);
        view.setBars(rampBars(1000));
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        (void)view.grab();
        const VisibleRange data = visibleRange(view);
        const double span = data.high - data.low;
        auto& ps = view.renderer().priceScale();
        const double plainHigh = ps.high();
        const double plainLow = ps.low();

        // NaN and infinities are ignored (the range stays finite); the far level too.
        const double nan = std::numeric_limits<double>::quiet_NaN();
        const double inf = std::numeric_limits<double>::infinity();
        view.setAutoscaleExtraLevels({nan, inf, -inf, data.high + 10.0 * span});
        (void)view.grab();
        QCOMPARE(ps.high(), plainHigh);
        QCOMPARE(ps.low(), plainLow);

        // A level exactly at the reach is taken; one just beyond it is not.
        const double atReach = data.low - ChartRenderer::kExtraLevelReach * span;
        view.setAutoscaleExtraLevels({atReach, data.high + 0.51 * span, nan});
        (void)view.grab();
        QVERIFY(ps.low() <= atReach);
        QVERIFY2(ps.high() < data.high + 0.51 * span, "a level beyond the reach was shown");

        // A manual scale (the axis was dragged) ignores them all.
        ps.setRange(plainLow, plainHigh);
        (void)view.grab();
        QCOMPARE(ps.low(), plainLow);
        QCOMPARE(ps.high(), plainHigh);
    }

private:
    struct VisibleRange {
        double low = 0.0;
        double high = 0.0;
    };

    /// Lowest low and highest high of the bars in view (what autoscale fits without levels).
    static VisibleRange visibleRange(ChartView& view) {
        const TimeScale& ts = view.renderer().timeScale();
        const BarSeries& bars = view.model().bars();
        VisibleRange r{bars.low()[ts.firstVisible()], bars.high()[ts.firstVisible()]};
        for (std::size_t i = ts.firstVisible(); i < ts.endVisible(); ++i) {
            r.low = std::min(r.low, bars.low()[i]);
            r.high = std::max(r.high, bars.high()[i]);
        }
        return r;
    }

    static OrderLine line(OrderLine::Kind kind, double price) {
        OrderLine l;
        l.id = QStringLiteral("line-%1").arg(static_cast<int>(kind));
        l.kind = kind;
        l.side = Side::Buy;
        l.price = Price::fromRaw(std::llround(price * 100.0), 2);
        l.label = QStringLiteral("line");
        return l;
    }
};

QTEST_MAIN(ChartViewTest)
#include "ChartViewTest.moc"
