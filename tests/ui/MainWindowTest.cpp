// SPDX-License-Identifier: MIT
#include "ui/mainwindow/MainWindow.hpp"

#include "core/engine/ChartSnapshot.hpp"
#include "ui/bridge/EngineBridge.hpp"
#include "ui/chart/ChartIndicatorFactory.hpp"
#include "ui/chart/ChartView.hpp"
#include "ui/mainwindow/ChartTab.hpp"
#include "ui/mainwindow/FeedStatusBar.hpp"
#include "ui/mainwindow/LogPane.hpp"
#include "ui/mainwindow/WatchlistWidget.hpp"

#include <QDir>
#include <QImage>
#include <QMenuBar>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <cstdlib>

using cw::ui::ChartTab;
using cw::ui::ChartView;
using cw::ui::MainWindow;
using cw::ui::MainWindowOptions;

namespace {

/// A fast, reproducible market: 1000x speed, fixed seed and start (Monday 2024-06-03 12:00 UTC),
/// three days of history so the engine has bars at once.
MainWindowOptions fastMarket(const QString& iniPath, bool restore) {
    MainWindowOptions options;
    options.settingsFile = iniPath;
    options.restoreWorkspace = restore;
    options.simulation = {{"seed", "7"},
                          {"speed", "1000"},
                          {"startTime", "1717416000000000000"},
                          {"historyDays", "3"}};
    return options;
}

bool near(QRgb a, const QColor& b, int tolerance) {
    return std::abs(qRed(a) - b.red()) <= tolerance &&
           std::abs(qGreen(a) - b.green()) <= tolerance &&
           std::abs(qBlue(a) - b.blue()) <= tolerance;
}

int countNear(const QImage& image, const QRect& rect, const QColor& colour, int tolerance) {
    int n = 0;
    for (int y = rect.top(); y <= rect.bottom(); ++y)
        for (int x = rect.left(); x <= rect.right(); ++x)
            n += near(image.pixel(x, y), colour, tolerance) ? 1 : 0;
    return n;
}

int countNotNear(const QImage& image, const QRect& rect, const QColor& colour, int tolerance) {
    return rect.width() * rect.height() - countNear(image, rect, colour, tolerance);
}

QString screenshotDir() {
    const QString dir = qEnvironmentVariableIsSet("CW_SCREENSHOT_DIR")
                            ? qEnvironmentVariable("CW_SCREENSHOT_DIR")
                            : QDir::tempPath() + QStringLiteral("/candlewick-screenshots");
    QDir().mkpath(dir);
    return dir;
}

} // namespace

class MainWindowTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void hasTheStandardMenus() {
        QTemporaryDir dir;
        MainWindow window(fastMarket(dir.filePath(QStringLiteral("s.ini")), false));
        QStringList titles;
        QStringList mnemonics;
        for (QAction* a : window.menuBar()->actions()) {
            titles << a->text();
            mnemonics << QKeySequence::mnemonic(a->text()).toString();
        }
        // The standard mnemonics: Alt+F, Alt+V, Alt+C, Alt+T and Alt+H open the menus (the
        // drawing tools moved to Alt+Shift).
        QCOMPARE(titles, (QStringList{"&File", "&View", "&Chart", "&Trading", "&Help"}));
        QCOMPARE(mnemonics, (QStringList{"Alt+F", "Alt+V", "Alt+C", "Alt+T", "Alt+H"}));
    }

    void firstStartShowsTheDefaultWorkspace() {
        QTemporaryDir dir;
        MainWindow window(fastMarket(dir.filePath(QStringLiteral("s.ini")), true));
        const auto tabs = window.chartTabs();
        QCOMPARE(tabs.size(), std::size_t{1});
        const cw::ui::ChartState state = tabs[0]->state();
        QCOMPARE(state.instrument, std::string("SIM:BTCUSDT"));
        QCOMPARE(state.timeframe, std::string("1m"));
        QCOMPARE(state.indicators.size(), std::size_t{1});
        QCOMPARE(state.indicators[0].spec(), std::string("sma:20"));
        // Every instrument of the simulated exchange is on the watchlist.
        QCOMPARE(window.watchlist()->symbols().size(), std::size_t{6});
        QTRY_COMPARE_WITH_TIMEOUT(window.watchlist()->model().rowCount(), 6, 10000);
        // The engine streams the SMA: the chart's model gets its output with real values.
        ChartView* view = tabs[0]->view();
        QTRY_VERIFY_WITH_TIMEOUT(
            view->model().size() > 100 && view->model().indicators().size() == 1, 10000);
        const auto& sma = view->model().indicators()[0]->outputs()[0].values;
        QCOMPARE(sma.size(), view->model().size());
        QVERIFY(std::isnan(sma[0]));                 // warm-up
        QVERIFY(std::isfinite(sma[sma.size() - 2])); // a closed bar
        // The feed is reported in the status bar.
        QTRY_VERIFY_WITH_TIMEOUT(window.feedStatus()->healthFor(QStringLiteral("SIM")) ==
                                     cw::ui::FeedStatusBar::Health::Good,
                                 10000);
    }

    void screenshotShowsLiveCandles() {
        QTemporaryDir dir;
        MainWindow window(fastMarket(dir.filePath(QStringLiteral("s.ini")), false));
        window.resize(1600, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        ChartTab* tab = window.currentChart();
        QVERIFY(tab);
        ChartView* view = tab->view();
        QTRY_VERIFY2_WITH_TIMEOUT(view->model().size() > 200 && view->paintCount() > 0,
                                  qPrintable(QStringLiteral("bars %1, frames %2, snapshots %3")
                                                 .arg(view->model().size())
                                                 .arg(view->paintCount())
                                                 .arg(tab->snapshotsApplied())),
                                  15000);
        QTRY_VERIFY_WITH_TIMEOUT(window.watchlist()->model().rowCount() == 6, 10000);
        QTest::qWait(300); // a few frames of live data

        const QImage shot = window.grab().toImage();
        QCOMPARE(shot.size(), QSize(1600, 900));
        shot.save(screenshotDir() + QStringLiteral("/mainwindow.png"));
        if (qEnvironmentVariableIsSet("CW_SOURCE_DIR") &&
            qEnvironmentVariableIsSet("CW_UPDATE_DOCS"))
            shot.save(qEnvironmentVariable("CW_SOURCE_DIR") +
                      QStringLiteral("/docs/screenshots/mainwindow.png"));

        const QImage chart = view->grab().toImage();
        const auto& layout = view->renderer().currentLayout();
        const cw::ui::ChartTheme& theme = view->renderer().theme();
        const QRect plot = layout.pricePlot.intersected(chart.rect());
        QVERIFY(plot.width() > 600 && plot.height() > 300);
        // Candles of both colours.
        const int up = countNear(chart, plot, theme.up, 3);
        const int down = countNear(chart, plot, theme.down, 3);
        QVERIFY2(up > 200 && down > 200,
                 qPrintable(QStringLiteral("up %1 down %2 pixels").arg(up).arg(down)));
        // The SMA overlay.
        const QColor sma = view->model().indicators()[0]->outputs()[0].color;
        const int line = countNear(chart, plot, sma, 40);
        QVERIFY2(line > 50, qPrintable(QStringLiteral("SMA pixels: %1").arg(line)));
        // Axis labels: text on both axes.
        QVERIFY(countNotNear(chart, layout.priceAxis.intersected(chart.rect()), theme.background,
                             24) > 100);
        QVERIFY(countNotNear(chart, layout.timeAxis.intersected(chart.rect()), theme.background,
                             24) > 100);

        // More simulated ticks change the newest candle's pixels.
        const QRect lastCandle(plot.right() - 80, plot.top(), 80, plot.height());
        const QImage before = chart.copy(lastCandle);
        const std::uint64_t applied = tab->snapshotsApplied();
        QTRY_VERIFY_WITH_TIMEOUT(tab->snapshotsApplied() > applied + 5, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(view->grab().toImage().copy(lastCandle) != before, 10000);
    }

    void timeframeAndIndicatorCommandsReachTheEngine() {
        QTemporaryDir dir;
        MainWindow window(fastMarket(dir.filePath(QStringLiteral("s.ini")), false));
        ChartTab* tab = window.currentChart();
        QTRY_VERIFY_WITH_TIMEOUT(tab->view()->model().size() > 100, 10000);
        const std::size_t minuteBars = tab->view()->model().size();
        tab->setTimeframe(cw::Timeframe::hours(1));
        QTRY_VERIFY_WITH_TIMEOUT(tab->view()->model().size() * 30 < minuteBars, 10000);

        auto rsi = cw::ui::IndicatorSettings::fromSpec("rsi:14");
        QVERIFY(rsi.hasValue());
        tab->addIndicator(*rsi);
        QTRY_COMPARE_WITH_TIMEOUT(tab->view()->model().indicators().size(), std::size_t{2}, 10000);
        QCOMPARE(tab->view()->model().paneCount(), std::size_t{1});
        // RSI keeps its conventional levels in its pane.
        const auto levels = tab->view()->model().indicators()[1]->levels();
        QCOMPARE(std::vector<double>(levels.begin(), levels.end()), (std::vector<double>{30, 70}));

        tab->removeIndicator(tab->indicators().front().id); // the SMA
        QTRY_COMPARE_WITH_TIMEOUT(tab->view()->model().indicators().size(), std::size_t{1}, 10000);
        QVERIFY(!tab->view()->model().indicators()[0]->isOverlay());

        // A garbage spec never reaches the engine and is reported.
        cw::ui::IndicatorSettings bad;
        bad.name = "nosuch";
        QSignalSpy messages(tab, &ChartTab::message);
        tab->addIndicator(bad);
        QCOMPARE(messages.count(), 1);
        QCOMPARE(tab->indicators().size(), std::size_t{1});
    }

    void restartRestoresChartsIndicatorsAndWatchlist() {
        QTemporaryDir dir;
        const QString ini = dir.filePath(QStringLiteral("workspace.ini"));
        cw::ui::WorkspaceState before;
        {
            MainWindow window(fastMarket(ini, true));
            ChartTab* first = window.currentChart();
            first->setTimeframe(cw::Timeframe::minutes(5));
            cw::ui::ChartState second;
            second.instrument = "SIM:ETHUSDT";
            second.timeframe = "15m";
            second.style = cw::ui::ChartStyle::HeikinAshi;
            ChartTab* tab = window.newChart(second);
            auto rsi = cw::ui::IndicatorSettings::fromSpec("rsi:21");
            rsi->colors = {QColor(0x12, 0x34, 0x56)};
            rsi->widthPx = 2.5;
            tab->addIndicator(*rsi);
            tab->addIndicator(*cw::ui::IndicatorSettings::fromSpec("bbands:20,2.5"));
            QVERIFY(window.watchlist()->removeSymbol(
                *cw::adapters::InstrumentKey::make("SIM", "AAPL")));
            window.setTheme(cw::ui::ThemeManager::Theme::Light);
            before = window.workspaceState();
            QCOMPARE(before.charts.size(), std::size_t{2});
            QCOMPARE(before.currentChart, 1);
        } // destroyed: saves to the INI file

        MainWindow again(fastMarket(ini, true));
        const cw::ui::WorkspaceState after = again.workspaceState();
        QCOMPARE(after.charts.size(), std::size_t{2});
        QVERIFY(after.charts[0] == before.charts[0]);
        QVERIFY(after.charts[1] == before.charts[1]);
        QCOMPARE(after.charts[1].indicators.size(), std::size_t{2});
        QCOMPARE(after.charts[1].indicators[0].spec(), std::string("rsi:21"));
        QCOMPARE(after.charts[1].indicators[0].colors.at(0), QColor(0x12, 0x34, 0x56));
        QCOMPARE(after.charts[1].indicators[0].widthPx, 2.5);
        QCOMPARE(after.charts[1].indicators[1].spec(), std::string("bbands:20,2.5"));
        QCOMPARE(after.charts[0].timeframe, std::string("5m"));
        QCOMPARE(after.watchlist, before.watchlist);
        QCOMPARE(after.watchlist.size(), std::size_t{5});
        QCOMPARE(after.currentChart, 1);
        QCOMPARE(after.theme, QStringLiteral("light"));
        // The restored chart is live again, with both indicators streamed by the engine.
        ChartTab* eth = again.chartTabs()[1];
        QTRY_VERIFY_WITH_TIMEOUT(eth->view()->model().indicators().size() == 2 &&
                                     eth->view()->model().size() > 10,
                                 10000);
        QCOMPARE(eth->view()->model().indicators()[0]->outputs()[0].color,
                 QColor(0x12, 0x34, 0x56));
        again.setTheme(cw::ui::ThemeManager::Theme::Dark);
    }

    void engineRejectionsAreLogged() {
        QTemporaryDir dir;
        MainWindow window(fastMarket(dir.filePath(QStringLiteral("s.ini")), false));
        cw::ui::ChartState unknown;
        unknown.instrument = "SIM:NOSUCH";
        window.newChart(unknown);
        // The engine accepts the chart (the venue answers later); closing an unknown chart id
        // is rejected by the engine and shows up in the log.
        QVERIFY(window.bridge().post(cw::engine::CloseChart{424242}).hasValue());
        QTRY_VERIFY_WITH_TIMEOUT(window.logPane()->toPlainText().contains(QStringLiteral("ERROR")),
                                 10000);
    }
};

QTEST_MAIN(MainWindowTest)
#include "MainWindowTest.moc"
