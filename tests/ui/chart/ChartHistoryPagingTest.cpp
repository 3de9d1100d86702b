// SPDX-License-Identifier: MIT
// A chart tab loading older history: the view's request becomes LoadOlderBars, the Full
// snapshot with the older bars keeps the view in place, and the start of history stops it.
#include "core/domain/BarSeries.hpp"
#include "ui/chart/ChartView.hpp"
#include "ui/mainwindow/ChartTab.hpp"

#include <QSignalSpy>
#include <QtTest>

#include <cmath>
#include <memory>
#include <vector>

using namespace cw;
using namespace cw::ui;

namespace {

constexpr TimestampNs kStart = 1'717'000'000LL * kNsPerSecond / kNsPerMinute * kNsPerMinute;

/// The chart's closed 1m bars for minutes `first` .. `first` + n - 1 (prices depend on the
/// minute only).
std::shared_ptr<const BarSeries> closedBars(std::size_t first, std::size_t n) {
    auto bars = std::make_shared<BarSeries>(n);
    for (std::size_t i = first; i < first + n; ++i) {
        const double p = 50.0 + std::cos(static_cast<double>(i) * 0.03) * 5.0;
        bars->append({kStart + static_cast<TimestampNs>(i) * kNsPerMinute, p, p + 0.5, p - 0.5,
                      p + 0.25, 3.0});
    }
    return bars;
}

engine::ChartSnapshot full(engine::ChartId id, std::uint64_t version,
                           std::shared_ptr<const BarSeries> bars, bool historyStart) {
    engine::ChartSnapshot s;
    s.chartId = id;
    s.instrument = *adapters::InstrumentKey::make("SIM", "BTCUSDT");
    s.timeframe = Timeframe::minutes(1);
    s.kind = engine::ChartSnapshot::Kind::Full;
    s.version = version;
    s.bars = std::move(bars);
    s.historyStart = historyStart;
    return s;
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

class ChartHistoryPagingTest : public QObject {
    Q_OBJECT

private slots:
    void scrollingBackPostsLoadOlderBarsAndThePageKeepsTheView() {
        std::vector<engine::EngineCommand> posted;
        ChartTab tab(
            7, ChartState{}, [&](engine::EngineCommand c) { posted.push_back(std::move(c)); },
            [] { return engine::ChartId{8}; }, {});
        tab.resize(1000, 600);
        tab.show();
        QVERIFY(QTest::qWaitForWindowExposed(&tab));
        QVERIFY(tab.applySnapshot(full(7, 1, closedBars(1000, 400), false)));
        ChartView* view = tab.view();
        auto& ts = view->renderer().timeScale();
        QVERIFY(!view->isHistoryStart());

        // Drag towards the oldest bar until the view asks for more.
        for (int i = 0; i < 20 && posted.empty(); ++i)
            drag(view, QPointF(150, 200), QPointF(850, 200));
        QCOMPARE(posted.size(), std::size_t{1});
        const auto* load = std::get_if<engine::LoadOlderBars>(&posted[0]);
        QVERIFY(load);
        QCOMPARE(load->chartId, engine::ChartId{7});
        QVERIFY(!ts.followsLive());

        // The bar at the left edge and its pixel, named by its open time.
        const std::size_t probe = ts.firstVisible() + 3;
        const TimestampNs probeTime = view->model().bars().time()[probe];
        const double probeX = ts.xOf(static_cast<double>(probe));

        // The page arrives: 600 older minutes in a Full snapshot.
        QVERIFY(tab.applySnapshot(full(7, 2, closedBars(400, 1000), false)));
        QCOMPARE(view->model().size(), std::size_t{1000});
        QCOMPARE(view->model().bars().time()[probe + 600], probeTime);
        QCOMPARE_LT(std::abs(ts.xOf(static_cast<double>(probe + 600)) - probeX), 1e-6);
        QVERIFY(!ts.followsLive());

        // The venue has nothing older: the view stops asking.
        QVERIFY(tab.applySnapshot(full(7, 3, closedBars(0, 1400), true)));
        QVERIFY(view->isHistoryStart());
        for (int i = 0; i < 20; ++i)
            drag(view, QPointF(150, 200), QPointF(850, 200));
        QCOMPARE(posted.size(), std::size_t{1});
    }

    void aFullAtTheLiveEdgeStaysAtTheLiveEdge() {
        std::vector<engine::EngineCommand> posted;
        ChartTab tab(
            3, ChartState{}, [&](engine::EngineCommand c) { posted.push_back(std::move(c)); },
            [] { return engine::ChartId{4}; }, {});
        tab.resize(1000, 600);
        tab.show();
        QVERIFY(QTest::qWaitForWindowExposed(&tab));
        QVERIFY(tab.applySnapshot(full(3, 1, closedBars(100, 300), false)));
        auto& ts = tab.view()->renderer().timeScale();
        QVERIFY(ts.followsLive());
        QVERIFY(tab.applySnapshot(full(3, 2, closedBars(0, 400), false)));
        QVERIFY(ts.followsLive());
        QCOMPARE(ts.endVisible(), std::size_t{400});
        QVERIFY(posted.empty()); // nobody scrolled
    }
};

QTEST_MAIN(ChartHistoryPagingTest)
#include "ChartHistoryPagingTest.moc"
