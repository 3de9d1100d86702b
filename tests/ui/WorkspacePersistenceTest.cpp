// SPDX-License-Identifier: MIT
#include "ui/mainwindow/FeedStatusBar.hpp"
#include "ui/mainwindow/LayoutPersistence.hpp"

#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

using cw::engine::FeedStatusRow;
using cw::ui::FeedStatusBar;
using cw::ui::LayoutPersistence;

class WorkspacePersistenceTest : public QObject {
    Q_OBJECT

private slots:
    void firstStartHasNothingSavedAndKeepsOneSeed() {
        QTemporaryDir dir;
        const QString ini = dir.filePath(QStringLiteral("a.ini"));
        LayoutPersistence first(ini);
        QVERIFY(!first.load().has_value());
        const std::uint64_t seed = first.simulationSeed();
        QCOMPARE(first.simulationSeed(), seed);
        LayoutPersistence second(ini);
        QCOMPARE(second.simulationSeed(), seed); // restarts continue the same market family
        QCOMPARE(second.simulationSpeed(), 1.0);
        second.setSimulationSpeed(100.0);
        QCOMPARE(LayoutPersistence(ini).simulationSpeed(), 100.0);
    }

    void roundTripsAWorkspace() {
        QTemporaryDir dir;
        const QString ini = dir.filePath(QStringLiteral("b.ini"));
        cw::ui::WorkspaceState state;
        cw::ui::ChartState a;
        a.instrument = "SIM:EURUSD";
        a.timeframe = "4h";
        a.style = cw::ui::ChartStyle::OhlcBars;
        auto macd = cw::ui::IndicatorSettings::fromSpec("macd:8,21,5");
        macd->colors = {QColor(1, 2, 3), QColor(), QColor(200, 100, 50, 128)};
        macd->widthPx = 3.0;
        a.indicators.push_back(*macd);
        cw::ui::ChartState b;
        b.timeframe = "7m";
        state.charts = {a, b};
        state.currentChart = 1;
        state.watchlist = {"SIM:ES", "SIM:AAPL"};
        state.theme = QStringLiteral("light");
        state.geometry = QByteArray("geometry-bytes");
        state.windowState = QByteArray("\x00\x01\x02", 3);
        LayoutPersistence(ini).save(state);
        const auto loaded = LayoutPersistence(ini).load();
        QVERIFY(loaded.has_value());
        QVERIFY(*loaded == state);

        // Fewer charts later: the old entries do not come back.
        state.charts.pop_back();
        state.currentChart = 0;
        LayoutPersistence(ini).save(state);
        QCOMPARE(LayoutPersistence(ini).load()->charts.size(), std::size_t{1});
    }

    void skipsIndicatorsAndChartsThatNoLongerParse() {
        QTemporaryDir dir;
        const QString ini = dir.filePath(QStringLiteral("c.ini"));
        {
            QSettings s(ini, QSettings::IniFormat);
            s.setValue(QStringLiteral("workspace/saved"), true);
            s.beginWriteArray(QStringLiteral("charts"), 2);
            s.setArrayIndex(0);
            s.setValue(QStringLiteral("instrument"), QStringLiteral("SIM:BTCUSDT"));
            s.setValue(QStringLiteral("timeframe"), QStringLiteral("1m"));
            s.setValue(QStringLiteral("style"), QStringLiteral("garbage"));
            s.beginWriteArray(QStringLiteral("indicators"), 3);
            s.setArrayIndex(0);
            s.setValue(QStringLiteral("spec"), QStringLiteral("nosuch:1"));
            s.setArrayIndex(1);
            s.setValue(QStringLiteral("spec"), QStringLiteral("sma:nan"));
            s.setArrayIndex(2);
            s.setValue(QStringLiteral("spec"), QStringLiteral("ema:9"));
            s.setValue(QStringLiteral("colors"), QStringList{QStringLiteral("not a colour")});
            s.endArray();
            s.setArrayIndex(1); // no instrument: dropped
            s.setValue(QStringLiteral("timeframe"), QStringLiteral("1m"));
            s.endArray();
        }
        const auto loaded = LayoutPersistence(ini).load();
        QVERIFY(loaded.has_value());
        QCOMPARE(loaded->charts.size(), std::size_t{1});
        QCOMPARE(loaded->charts[0].style, cw::ui::ChartStyle::Candles);
        QCOMPARE(loaded->charts[0].indicators.size(), std::size_t{1});
        QCOMPARE(loaded->charts[0].indicators[0].spec(), std::string("ema:9"));
        QVERIFY(!loaded->charts[0].indicators[0].colors.at(0).isValid()); // chart default
        QCOMPARE(loaded->theme, QStringLiteral("dark"));
    }

    void feedHealthFollowsStateAndSilence() {
        using cw::adapters::FeedState;
        constexpr cw::TimestampNs kSecond = 1'000'000'000;
        QCOMPARE(FeedStatusBar::healthOf(FeedState::Connected, -1), FeedStatusBar::Health::Good);
        QCOMPARE(FeedStatusBar::healthOf(FeedState::Connected, kSecond),
                 FeedStatusBar::Health::Good);
        // Amber after 5 s of silence, red after 15 s.
        QCOMPARE(FeedStatusBar::healthOf(FeedState::Connected, 5 * kSecond),
                 FeedStatusBar::Health::Good);
        QCOMPARE(FeedStatusBar::healthOf(FeedState::Connected, 6 * kSecond),
                 FeedStatusBar::Health::Warning);
        QCOMPARE(FeedStatusBar::healthOf(FeedState::Connected, 16 * kSecond),
                 FeedStatusBar::Health::Bad);
        QCOMPARE(FeedStatusBar::healthOf(FeedState::Connecting, 0), FeedStatusBar::Health::Warning);
        QCOMPARE(FeedStatusBar::healthOf(FeedState::Stale, 0), FeedStatusBar::Health::Warning);
        QCOMPARE(FeedStatusBar::healthOf(FeedState::Disconnected, 0), FeedStatusBar::Health::Bad);
        QCOMPARE(FeedStatusBar::healthOf(FeedState::Error, 0), FeedStatusBar::Health::Bad);
        QCOMPARE(FeedStatusBar::healthOf(FeedState::Invalid, 0), FeedStatusBar::Health::Bad);

        FeedStatusRow row;
        row.venue = "SIM";
        row.state = FeedState::Connected;
        QCOMPARE(FeedStatusBar::describe(row, cw::TimestampNs{2500} * 1'000'000),
                 QStringLiteral("SIM Connected \u00b7 2.5 s"));
        QCOMPARE(FeedStatusBar::describe(row, -1), QStringLiteral("SIM Connected"));
        row.droppedEvents = 3;
        QVERIFY(FeedStatusBar::describe(row, -1).endsWith(QStringLiteral("3 dropped")));
    }

    void statusBarReportsStateChangesOnce() {
        FeedStatusBar bar;
        QSignalSpy changes(&bar, &FeedStatusBar::feedStateChanged);
        auto snapshot = std::make_shared<cw::engine::FeedStatusSnapshot>();
        FeedStatusRow row;
        row.venue = "SIM";
        row.state = cw::adapters::FeedState::Connecting;
        snapshot->rows = {row};
        bar.setSnapshot(snapshot);
        bar.setSnapshot(snapshot);
        QCOMPARE(changes.count(), 1);
        QVERIFY(bar.labelFor(QStringLiteral("SIM")));
        QVERIFY(bar.labelFor(QStringLiteral("SIM"))->text().contains(QStringLiteral("Connecting")));
        QCOMPARE(bar.healthFor(QStringLiteral("SIM")), FeedStatusBar::Health::Warning);
        auto connected = std::make_shared<cw::engine::FeedStatusSnapshot>(*snapshot);
        connected->rows[0].state = cw::adapters::FeedState::Connected;
        bar.setSnapshot(connected);
        QCOMPARE(changes.count(), 2);
        bar.setSnapshot(nullptr); // ignored
        QCOMPARE(bar.labelFor(QStringLiteral("NOPE")), nullptr);
        QCOMPARE(bar.healthFor(QStringLiteral("NOPE")), FeedStatusBar::Health::Invalid);
    }
};

QTEST_MAIN(WorkspacePersistenceTest)
#include "WorkspacePersistenceTest.moc"
