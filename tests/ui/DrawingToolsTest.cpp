// SPDX-License-Identifier: MIT
// The drawing tools in the main window: tool bar, menu and shortcuts, drawings kept per
// instrument across charts, timeframes and restarts.
#include "ui/chart/ChartView.hpp"
#include "ui/chart/DrawingSerializer.hpp"
#include "ui/mainwindow/ChartTab.hpp"
#include "ui/mainwindow/DrawingStore.hpp"
#include "ui/mainwindow/DrawingToolBar.hpp"
#include "ui/mainwindow/LayoutPersistence.hpp"
#include "ui/mainwindow/LogPane.hpp"
#include "ui/mainwindow/MainWindow.hpp"

#include <QAction>
#include <QApplication>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QToolBar>
#include <QtTest>

#include <cmath>
#include <span>

using cw::ui::ChartDrawing;
using cw::ui::ChartTab;
using cw::ui::ChartView;
using cw::ui::DrawingKind;
using cw::ui::DrawingTool;
using cw::ui::LayoutPersistence;
using cw::ui::MainWindow;
using cw::ui::MainWindowOptions;

namespace {

/// A fast, reproducible market (1000x, fixed seed and start, three days of history).
MainWindowOptions fastMarket(const QString& iniPath, bool restore = true) {
    MainWindowOptions options;
    options.settingsFile = iniPath;
    options.restoreWorkspace = restore;
    options.simulation = {{"seed", "11"},
                          {"speed", "1000"},
                          {"startTime", "1717416000000000000"},
                          {"historyDays", "3"}};
    return options;
}

void sendMouse(QWidget* w, QEvent::Type type, QPointF pos, Qt::MouseButtons buttons,
               Qt::MouseButton button = Qt::NoButton) {
    QMouseEvent e(type, pos, w->mapToGlobal(pos), button, buttons, Qt::NoModifier);
    QApplication::sendEvent(w, &e);
}

void click(QWidget* w, QPointF pos) {
    sendMouse(w, QEvent::MouseButtonPress, pos, Qt::LeftButton, Qt::LeftButton);
    sendMouse(w, QEvent::MouseButtonRelease, pos, Qt::NoButton, Qt::LeftButton);
}

/// Shows the window and waits until `tab` has history and a painted layout.
bool waitForChart(MainWindow& window, ChartTab* tab) {
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return false;
    ChartView* view = tab->view();
    if (!QTest::qWaitFor([&] { return view->model().size() > 100; }, 15000))
        return false;
    // A frame painted with the bars: the price scale shows their prices (clicks map to them).
    const quint64 painted = view->paintCount();
    return QTest::qWaitFor(
        [&] {
            if (view->paintCount() <= painted ||
                view->renderer().currentLayout().pricePlot.width() < 200)
                return false;
            const auto coords = view->renderer().drawingCoordinates(view->model());
            const QRect plot = coords.plot();
            const double close = view->model().bars().close().back();
            return coords.priceAtY(plot.top()) > close && close > coords.priceAtY(plot.bottom());
        },
        15000);
}

/// A point of the price plot at fractions (fx, fy) of its size.
QPointF plotPoint(ChartView* view, double fx, double fy) {
    const QRect plot = view->renderer().currentLayout().pricePlot;
    return {plot.left() + fx * plot.width(), plot.top() + fy * plot.height()};
}

/// Chooses `tool` through the tool bar and places it with clicks at `a` (and `b`).
void draw(MainWindow& window, ChartTab* tab, DrawingTool tool, QPointF a, QPointF b = {}) {
    window.drawingToolBar()->toolAction(tool)->trigger();
    ChartView* view = tab->view();
    click(view, a);
    if (tool != DrawingTool::HorizontalLine) {
        sendMouse(view, QEvent::MouseMove, b, Qt::NoButton);
        click(view, b);
    }
}

std::string instrumentOf(ChartTab* tab) {
    return tab->state().instrument;
}

/// Kind and anchors in use equal (what a trader sees), ids and colours aside.
bool sameShape(const ChartDrawing& a, const ChartDrawing& b) {
    if (a.kind != b.kind)
        return false;
    const auto x = a.usedAnchors();
    const auto y = b.usedAnchors();
    return std::equal(x.begin(), x.end(), y.begin(), y.end());
}

QString entryOf(const ChartDrawing& d) {
    return QString::fromUtf8(
        cw::ui::DrawingSerializer::toJson(std::span<const ChartDrawing>(&d, 1)));
}

ChartDrawing trendLine(double p0, double p1) {
    ChartDrawing d;
    d.kind = DrawingKind::TrendLine;
    d.anchors = {{{1717300000000000000, p0}, {1717380000000000000, p1}}};
    return d;
}

} // namespace

class DrawingToolsTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void toolBarAndMenuOfferEveryTool() {
        QTemporaryDir dir;
        MainWindow window(fastMarket(dir.filePath(QStringLiteral("s.ini")), false));
        cw::ui::DrawingToolBar* bar = window.drawingToolBar();
        QVERIFY(bar);
        QCOMPARE(window.toolBarArea(bar), Qt::LeftToolBarArea);
        QCOMPARE(bar->checkedTool(), DrawingTool::None); // the pointer

        const std::vector<std::pair<DrawingTool, QKeySequence>> shortcuts{
            {DrawingTool::None, QKeySequence(Qt::Key_Escape)},
            {DrawingTool::HorizontalLine, QKeySequence(Qt::ALT | Qt::SHIFT | Qt::Key_H)},
            {DrawingTool::TrendLine, QKeySequence(Qt::ALT | Qt::SHIFT | Qt::Key_T)},
            {DrawingTool::Rectangle, QKeySequence(Qt::ALT | Qt::SHIFT | Qt::Key_R)},
            {DrawingTool::FibonacciRetracement, QKeySequence(Qt::ALT | Qt::SHIFT | Qt::Key_F)},
        };
        for (const auto& [tool, keys] : shortcuts) {
            QAction* a = bar->toolAction(tool);
            QVERIFY(a);
            QVERIFY(a->isCheckable());
            QCOMPARE(a->shortcut(), keys);
            QVERIFY(!a->icon().isNull());
            // The painted icon has content (not an empty pixmap).
            const QImage icon = a->icon().pixmap(32, 32).toImage();
            int opaque = 0;
            for (int y = 0; y < icon.height(); ++y)
                for (int x = 0; x < icon.width(); ++x)
                    opaque += qAlpha(icon.pixel(x, y)) > 128 ? 1 : 0;
            QVERIFY2(opaque > 20, qPrintable(a->text()));
        }
        QVERIFY(bar->toolAction(DrawingTool::Invalid) == nullptr);
        QCOMPARE(bar->deleteSelectedAction()->shortcut(), QKeySequence(Qt::Key_Delete));

        // Chart > Drawing tools holds the same actions.
        QMenu* tools = window.menuBar()->findChild<QMenu*>(QStringLiteral("DrawingToolsMenu"));
        QVERIFY(tools);
        QVERIFY(tools->actions().contains(bar->toolAction(DrawingTool::FibonacciRetracement)));
        QVERIFY(tools->actions().contains(bar->deleteSelectedAction()));
        QVERIFY(tools->actions().contains(bar->deleteAllAction()));

        // No window-wide shortcut is claimed twice (the menu bar's Alt mnemonics included);
        // Esc and Del only apply in the chart area (the watchlist has its own Del).
        QCOMPARE(bar->toolAction(DrawingTool::None)->shortcutContext(),
                 Qt::WidgetWithChildrenShortcut);
        QCOMPARE(bar->deleteSelectedAction()->shortcutContext(), Qt::WidgetWithChildrenShortcut);
        QMap<QString, QString> seen;
        for (QAction* a : window.findChildren<QAction*>()) {
            if (a->shortcutContext() == Qt::WidgetWithChildrenShortcut ||
                a->shortcutContext() == Qt::WidgetShortcut)
                continue;
            for (const QKeySequence& k : a->shortcuts()) {
                const QString key = k.toString();
                QVERIFY2(!seen.contains(key),
                         qPrintable(key + QStringLiteral(": ") + seen.value(key) +
                                    QStringLiteral(" and ") + a->text()));
                seen.insert(key, a->text());
            }
        }
        for (QAction* a : window.menuBar()->actions()) {
            const QString mnemonic = QKeySequence::mnemonic(a->text()).toString();
            QVERIFY2(mnemonic.isEmpty() || !seen.contains(mnemonic),
                     qPrintable(mnemonic + QStringLiteral(" is also ") + seen.value(mnemonic)));
        }
    }

    void shortcutsChooseToolsAndTheCheckedOneFollowsTheChart() {
        QTemporaryDir dir;
        MainWindow window(fastMarket(dir.filePath(QStringLiteral("s.ini")), false));
        ChartTab* tab = window.currentChart();
        QVERIFY(waitForChart(window, tab));
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        ChartView* view = tab->view();
        view->setFocus();
        cw::ui::DrawingToolBar* bar = window.drawingToolBar();

        QTest::keyClick(&window, Qt::Key_T, Qt::AltModifier | Qt::ShiftModifier);
        QCOMPARE(view->activeTool(), DrawingTool::TrendLine);
        QCOMPARE(bar->checkedTool(), DrawingTool::TrendLine);
        QTest::keyClick(&window, Qt::Key_F, Qt::AltModifier | Qt::ShiftModifier);
        QCOMPARE(view->activeTool(), DrawingTool::FibonacciRetracement);
        QVERIFY(bar->toolAction(DrawingTool::FibonacciRetracement)->isChecked());
        QTest::keyClick(view, Qt::Key_Escape);
        QCOMPARE(view->activeTool(), DrawingTool::None);
        QCOMPARE(bar->checkedTool(), DrawingTool::None);
        QTest::keyClick(&window, Qt::Key_R, Qt::AltModifier | Qt::ShiftModifier);
        QCOMPARE(view->activeTool(), DrawingTool::Rectangle);
        QTest::keyClick(&window, Qt::Key_H, Qt::AltModifier | Qt::ShiftModifier);
        QCOMPARE(view->activeTool(), DrawingTool::HorizontalLine);

        // A finished drawing puts the chart back on the pointer, and the tool bar follows.
        click(view, plotPoint(view, 0.5, 0.5));
        QCOMPARE(view->drawings().size(), std::size_t{1});
        QCOMPARE(view->activeTool(), DrawingTool::None);
        QCOMPARE(bar->checkedTool(), DrawingTool::None);

        // Del removes the selected drawing (the one just placed).
        QVERIFY(view->drawingEditor().selectedId().has_value());
        QTest::keyClick(view, Qt::Key_Delete);
        QVERIFY(view->drawings().empty());

        // Del with nothing selected removes nothing and does not fail.
        QTest::keyClick(view, Qt::Key_Delete);
        QVERIFY(view->drawings().empty());

        // Another tab shows its own tool; coming back shows this chart's.
        bar->toolAction(DrawingTool::Rectangle)->trigger();
        cw::ui::ChartState eth;
        eth.instrument = "SIM:ETHUSDT";
        window.newChart(eth);
        QCOMPARE(bar->checkedTool(), DrawingTool::None);
        window.findChild<QTabWidget*>(QStringLiteral("ChartTabs"))->setCurrentIndex(0);
        QCOMPARE(bar->checkedTool(), DrawingTool::Rectangle);

        // With no chart open the tools are disabled and choosing one does nothing.
        window.closeChart(1);
        window.closeChart(0);
        QVERIFY(!bar->toolAction(DrawingTool::TrendLine)->isEnabled());
        QCOMPARE(bar->checkedTool(), DrawingTool::None);
    }

    void restartRestoresLayoutIndicatorsAndDrawings() {
        QTemporaryDir dir;
        const QString ini = dir.filePath(QStringLiteral("workspace.ini"));
        cw::ui::WorkspaceState before;
        std::vector<ChartDrawing> btcBefore;
        std::vector<ChartDrawing> ethBefore;
        {
            MainWindow window(fastMarket(ini));
            ChartTab* btc = window.currentChart();
            btc->addIndicator(*cw::ui::IndicatorSettings::fromSpec("ema:50"));
            cw::ui::ChartState ethState;
            ethState.instrument = "SIM:ETHUSDT";
            ethState.timeframe = "5m";
            ChartTab* eth = window.newChart(ethState);
            auto rsi = cw::ui::IndicatorSettings::fromSpec("rsi:14");
            rsi->colors = {QColor(0xaa, 0x22, 0x33)};
            eth->addIndicator(*rsi);

            QVERIFY(waitForChart(window, eth));
            ChartView* ethView = eth->view();
            draw(window, eth, DrawingTool::FibonacciRetracement, plotPoint(ethView, 0.3, 0.8),
                 plotPoint(ethView, 0.7, 0.2));
            QCOMPARE(ethView->drawings().size(), std::size_t{1});

            window.findChild<QTabWidget*>(QStringLiteral("ChartTabs"))->setCurrentIndex(0);
            QVERIFY(waitForChart(window, btc));
            ChartView* btcView = btc->view();
            draw(window, btc, DrawingTool::TrendLine, plotPoint(btcView, 0.2, 0.7),
                 plotPoint(btcView, 0.6, 0.3));
            draw(window, btc, DrawingTool::HorizontalLine, plotPoint(btcView, 0.5, 0.45));
            QCOMPARE(btcView->drawings().size(), std::size_t{2});

            before = window.workspaceState();
            btcBefore = btcView->drawings();
            ethBefore = ethView->drawings();
            QCOMPARE(before.charts.size(), std::size_t{2});
        } // quit: the window is destroyed, the settings file stays

        MainWindow again(fastMarket(ini));
        const cw::ui::WorkspaceState after = again.workspaceState();
        QCOMPARE(after.charts.size(), std::size_t{2});
        QVERIFY(after.charts[0] == before.charts[0]);
        QVERIFY(after.charts[1] == before.charts[1]);
        QCOMPARE(after.charts[0].indicators.size(), std::size_t{2}); // sma:20 and ema:50
        QCOMPARE(after.charts[0].indicators[1].spec(), std::string("ema:50"));
        QCOMPARE(after.charts[1].indicators.at(0).spec(), std::string("rsi:14"));
        QCOMPARE(after.charts[1].indicators.at(0).colors.at(0), QColor(0xaa, 0x22, 0x33));
        QCOMPARE(after.charts[1].timeframe, std::string("5m"));
        QCOMPARE(after.currentChart, 0);

        const auto& btcAfter = again.chartTabs()[0]->view()->drawings();
        const auto& ethAfter = again.chartTabs()[1]->view()->drawings();
        QCOMPARE(btcAfter.size(), std::size_t{2});
        QCOMPARE(btcAfter[0].kind, DrawingKind::TrendLine);
        QVERIFY(sameShape(btcAfter[0], btcBefore[0]));
        QCOMPARE(btcAfter[1].kind, DrawingKind::HorizontalLine);
        QVERIFY(sameShape(btcAfter[1], btcBefore[1]));
        QCOMPARE(btcAfter[1].color, btcBefore[1].color);
        QCOMPARE(ethAfter.size(), std::size_t{1});
        QCOMPARE(ethAfter[0].kind, DrawingKind::FibonacciRetracement);
        QVERIFY(sameShape(ethAfter[0], ethBefore[0]));
        // The restored charts are live again with their indicators.
        QTRY_VERIFY_WITH_TIMEOUT(again.chartTabs()[1]->view()->model().indicators().size() == 1 &&
                                     again.chartTabs()[1]->view()->model().size() > 10,
                                 10000);
    }

    void drawingMadeAtOneMinuteStaysAfterSwitchingToOneHour() {
        QTemporaryDir dir;
        MainWindow window(fastMarket(dir.filePath(QStringLiteral("s.ini")), false));
        ChartTab* tab = window.currentChart();
        QVERIFY(waitForChart(window, tab));
        ChartView* view = tab->view();
        draw(window, tab, DrawingTool::HorizontalLine, plotPoint(view, 0.5, 0.4));
        draw(window, tab, DrawingTool::Rectangle, plotPoint(view, 0.55, 0.3),
             plotPoint(view, 0.85, 0.6));
        const std::vector<ChartDrawing> minute = view->drawings();
        QCOMPARE(minute.size(), std::size_t{2});
        const std::size_t minuteBars = view->model().size();

        tab->setTimeframe(cw::Timeframe::hours(1));
        QTRY_VERIFY_WITH_TIMEOUT(
            view->model().size() > 10 && view->model().size() * 30 < minuteBars, 10000);
        QCOMPARE(view->drawings(), minute); // the same times and prices, untouched
        QCOMPARE(window.drawingStore()->drawings(instrumentOf(tab)), minute);

        // Each rectangle corner lies in the hourly bar that contains its time.
        const auto times = view->model().bars().time();
        const auto coords = view->renderer().drawingCoordinates(view->model());
        for (const cw::ui::DrawingAnchor& a : minute[1].usedAnchors()) {
            const double index = coords.indexOfTime(a.time);
            const auto bar = static_cast<std::size_t>(std::floor(index));
            QVERIFY(bar + 1 < times.size());
            QVERIFY(times[bar] <= a.time && a.time < times[bar + 1]);
        }
        // The horizontal line is painted on its price's pixel row.
        QTest::qWait(2 * ChartView::kFrameIntervalMs);
        const QImage shot = view->grab().toImage();
        const QRect plot = view->renderer().currentLayout().pricePlot;
        const auto after = view->renderer().drawingCoordinates(view->model());
        const int y = static_cast<int>(std::lround(after.yOfPrice(minute[0].anchors[0].price)));
        QVERIFY(y > plot.top() + 2 && y < plot.bottom() - 2); // hourly bars span more prices
        int best = 0;
        for (int row = y - 1; row <= y + 1; ++row) {
            int n = 0;
            for (int x = plot.left(); x < plot.right(); ++x)
                n += shot.pixelColor(x, row).rgb() == minute[0].color.rgb() ? 1 : 0;
            best = std::max(best, n);
        }
        QVERIFY2(best > plot.width() / 2,
                 qPrintable(QStringLiteral("%1 of %2 pixels").arg(best).arg(plot.width())));
    }

    void twoChartsOfOneSymbolShowTheSameDrawings() {
        QTemporaryDir dir;
        MainWindow window(fastMarket(dir.filePath(QStringLiteral("s.ini")), false));
        ChartTab* first = window.currentChart();
        cw::ui::ChartState second;
        second.instrument = first->state().instrument;
        second.timeframe = "15m";
        ChartTab* other = window.newChart(second);
        cw::ui::ChartState ethState;
        ethState.instrument = "SIM:ETHUSDT";
        ChartTab* eth = window.newChart(ethState);
        window.findChild<QTabWidget*>(QStringLiteral("ChartTabs"))->setCurrentIndex(1);
        QVERIFY(waitForChart(window, other));

        draw(window, other, DrawingTool::TrendLine, plotPoint(other->view(), 0.2, 0.2),
             plotPoint(other->view(), 0.7, 0.6));
        QCOMPARE(other->view()->drawings().size(), std::size_t{1});
        QCOMPARE(first->view()->drawings(), other->view()->drawings());
        QVERIFY(eth->view()->drawings().empty()); // another instrument
        // The chart that drew keeps its selection (no echo from the store).
        QVERIFY(other->view()->drawingEditor().selectedId().has_value());

        // Deleting in the other chart removes it here.
        window.findChild<QTabWidget*>(QStringLiteral("ChartTabs"))->setCurrentIndex(0);
        QVERIFY(waitForChart(window, first));
        first->view()->drawingEditor().select(first->view()->drawings()[0].id);
        window.drawingToolBar()->deleteSelectedAction()->trigger();
        QVERIFY(first->view()->drawings().empty());
        QVERIFY(other->view()->drawings().empty());

        // A chart switched to the symbol shows the symbol's drawings.
        draw(window, first, DrawingTool::HorizontalLine, plotPoint(first->view(), 0.5, 0.5));
        eth->setSymbol(*cw::adapters::InstrumentKey::parse(first->state().instrument));
        QCOMPARE(eth->view()->drawings(), first->view()->drawings());
        eth->setSymbol(*cw::adapters::InstrumentKey::make("SIM", "XAUUSD"));
        QVERIFY(eth->view()->drawings().empty());
    }

    void deletingDrawingsRemovesThemFromTheSettings() {
        QTemporaryDir dir;
        const QString ini = dir.filePath(QStringLiteral("s.ini"));
        MainWindow window(fastMarket(ini, false));
        ChartTab* tab = window.currentChart();
        QVERIFY(waitForChart(window, tab));
        ChartView* view = tab->view();
        const QString key = LayoutPersistence::drawingsKey(instrumentOf(tab));
        auto stored = [&] {
            return QSettings(ini, QSettings::IniFormat).value(key).toStringList();
        };

        draw(window, tab, DrawingTool::TrendLine, plotPoint(view, 0.3, 0.3),
             plotPoint(view, 0.6, 0.6));
        // Written shortly after the edit, without quitting.
        QTRY_COMPARE_WITH_TIMEOUT(stored().size(), 1, 5000);
        auto read = cw::ui::DrawingSerializer::fromJson(stored()[0].toUtf8());
        QVERIFY(read.hasValue());
        QCOMPARE(read->size(), std::size_t{1});
        QVERIFY(sameShape((*read)[0], view->drawings()[0]));

        // The placed drawing is selected: "Delete selected" removes it, and its key goes.
        QVERIFY(view->drawingEditor().selectedId().has_value());
        window.drawingToolBar()->deleteSelectedAction()->trigger();
        QVERIFY(view->drawings().empty());
        QTRY_VERIFY_WITH_TIMEOUT(!QSettings(ini, QSettings::IniFormat).contains(key), 5000);

        // "Delete all" removes every drawing of the symbol; another symbol keeps its own.
        window.drawingStore()->setDrawings("SIM:ETHUSDT", {trendLine(3000.0, 3100.0)});
        draw(window, tab, DrawingTool::HorizontalLine, plotPoint(view, 0.5, 0.2));
        draw(window, tab, DrawingTool::Rectangle, plotPoint(view, 0.4, 0.4),
             plotPoint(view, 0.5, 0.5));
        QTRY_COMPARE_WITH_TIMEOUT(stored().size(), 2, 5000);
        window.drawingToolBar()->deleteAllAction()->trigger();
        QVERIFY(view->drawings().empty());
        QTRY_VERIFY_WITH_TIMEOUT(!QSettings(ini, QSettings::IniFormat).contains(key), 5000);
        QCOMPARE(QSettings(ini, QSettings::IniFormat)
                     .value(LayoutPersistence::drawingsKey("SIM:ETHUSDT"))
                     .toStringList()
                     .size(),
                 1);
        QVERIFY(window.logPane()->toPlainText().contains(
            QStringLiteral("Drawings of SIM:BTCUSDT deleted: 2")));
    }

    void corruptStoredDrawingIsLoggedAndTheOthersLoad() {
        QTemporaryDir dir;
        const QString ini = dir.filePath(QStringLiteral("s.ini"));
        { MainWindow first(fastMarket(ini, false)); } // saves the default workspace (BTCUSDT)
        ChartDrawing line;
        line.kind = DrawingKind::HorizontalLine;
        line.anchors[0] = {1717400000000000000, 70000.25};
        line.anchors[1] = line.anchors[0];
        {
            LayoutPersistence p(ini);
            p.saveDrawingEntries("SIM:BTCUSDT",
                                 {entryOf(trendLine(69000.0, 71000.5)),
                                  QStringLiteral("{\"format\":\"candlewick.drawings\",garbage"),
                                  entryOf(line)});
            p.saveDrawingEntries("SIM:ETHUSDT", {entryOf(trendLine(3500.0, 3600.0))});
            p.sync();
        }

        MainWindow window(fastMarket(ini));
        const QString log = window.logPane()->toPlainText();
        QVERIFY2(log.contains(QStringLiteral("WARN")) &&
                     log.contains(QStringLiteral("Drawing 2 of SIM:BTCUSDT in the settings "
                                                 "could not be read")),
                 qPrintable(log));
        ChartView* view = window.currentChart()->view();
        QCOMPARE(view->drawings().size(), std::size_t{2});
        QVERIFY(sameShape(view->drawings()[0], trendLine(69000.0, 71000.5)));
        QVERIFY(sameShape(view->drawings()[1], line));
        cw::ui::ChartState eth;
        eth.instrument = "SIM:ETHUSDT";
        QCOMPARE(window.newChart(eth)->view()->drawings().size(), std::size_t{1});
        // The layout itself loaded: the default chart and its indicator.
        QCOMPARE(window.chartTabs()[0]->state().indicators.size(), std::size_t{1});
    }
};

QTEST_MAIN(DrawingToolsTest)
#include "DrawingToolsTest.moc"
