// SPDX-License-Identifier: MIT
#include "ui/chart/DrawingSerializer.hpp"
#include "ui/mainwindow/DrawingStore.hpp"
#include "ui/mainwindow/FeedStatusBar.hpp"
#include "ui/mainwindow/LayoutPersistence.hpp"

#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <limits>
#include <span>

using cw::engine::FeedStatusRow;
using cw::ui::ChartDrawing;
using cw::ui::DrawingKind;
using cw::ui::DrawingStore;
using cw::ui::FeedStatusBar;
using cw::ui::LayoutPersistence;

namespace {

constexpr cw::TimestampNs kT0 = 1'717'416'000'000'000'000; // 2024-06-03 12:00 UTC

ChartDrawing drawing(DrawingKind kind, double p0, double p1, std::uint64_t id = 0) {
    ChartDrawing d;
    d.id = id;
    d.kind = kind;
    d.anchors = {{{kT0, p0}, {kT0 + 90 * cw::kNsPerMinute, p1}}};
    if (kind == DrawingKind::HorizontalLine)
        d.anchors[1] = d.anchors[0];
    return d;
}

QString entryOf(const ChartDrawing& d) {
    return QString::fromUtf8(
        cw::ui::DrawingSerializer::toJson(std::span<const ChartDrawing>(&d, 1)));
}

} // namespace

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

    void drawingsAreKeptPerInstrumentAcrossRestarts() {
        QTemporaryDir dir;
        const QString ini = dir.filePath(QStringLiteral("d.ini"));
        std::vector<ChartDrawing> btc{drawing(DrawingKind::TrendLine, 67000.5, 68123.25),
                                      drawing(DrawingKind::HorizontalLine, 67500.0, 0.0)};
        btc[0].color = QColor(10, 20, 30, 40);
        btc[0].widthPx = 2.5;
        const std::vector<ChartDrawing> fx{
            drawing(DrawingKind::FibonacciRetracement, 1.0712, 1.0834)};
        {
            LayoutPersistence persistence(ini);
            DrawingStore store(persistence);
            QSignalSpy changed(&store, &DrawingStore::drawingsChanged);
            store.setDrawings("SIM:BTCUSDT", btc, &store);
            store.setDrawings("FX:EUR/USD", fx); // a '/' in the symbol
            QCOMPARE(changed.count(), 2);
            QCOMPARE(changed[0][0].toString(), QStringLiteral("SIM:BTCUSDT"));
            QVERIFY(changed[0][1].value<const QObject*>() == &store);
            QVERIFY(changed[1][1].value<const QObject*>() == nullptr);
            QVERIFY(store.hasPendingWrites());
        } // the store writes what is pending when it goes

        LayoutPersistence persistence(ini);
        DrawingStore store(persistence);
        const auto& loaded = store.drawings("SIM:BTCUSDT");
        QCOMPARE(loaded.size(), std::size_t{2});
        QCOMPARE(loaded[0].kind, DrawingKind::TrendLine);
        QCOMPARE(loaded[0].anchors, btc[0].anchors); // exact: times and prices round-trip
        QCOMPARE(loaded[0].color, btc[0].color);
        QCOMPARE(loaded[0].widthPx, 2.5);
        QCOMPARE(loaded[1].kind, DrawingKind::HorizontalLine);
        QCOMPARE(loaded[1].anchors[0], btc[1].anchors[0]);
        QCOMPARE(loaded[0].id == loaded[1].id, false);
        QCOMPARE(store.drawings("FX:EUR/USD").size(), std::size_t{1});
        QCOMPARE(store.drawings("FX:EUR/USD")[0].anchors, fx[0].anchors);
        QVERIFY(store.drawings("SIM:NOSUCH").empty());
        QVERIFY(store.drawings("").empty());

        // One key per instrument under "drawings"; the '/' does not open a group.
        QSettings s(ini, QSettings::IniFormat);
        s.beginGroup(QStringLiteral("drawings"));
        QCOMPARE(s.childGroups(), QStringList{});
        QStringList keys = s.childKeys();
        keys.sort();
        QCOMPARE(keys,
                 (QStringList{QStringLiteral("FX:EUR%2FUSD"), QStringLiteral("SIM:BTCUSDT")}));
        QCOMPARE(LayoutPersistence::drawingsKey("A/B\\C%D"),
                 QStringLiteral("drawings/A%2FB%5CC%25D"));
    }

    void drawingWritesAreCoalescedAndUnchangedSetsIgnored() {
        QTemporaryDir dir;
        const QString ini = dir.filePath(QStringLiteral("e.ini"));
        LayoutPersistence persistence(ini);
        DrawingStore store(persistence);
        QSignalSpy changed(&store, &DrawingStore::drawingsChanged);
        store.setDrawings("SIM:ES", {drawing(DrawingKind::Rectangle, 5300.0, 5310.0, 1)});
        store.setDrawings("SIM:ES", {drawing(DrawingKind::Rectangle, 5300.0, 5320.0, 1)});
        QCOMPARE(changed.count(), 2);
        // Nothing written during the delay, then one write with the newest set.
        QVERIFY(persistence.drawingEntries("SIM:ES").isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(persistence.drawingEntries("SIM:ES").size(), 1,
                                  DrawingStore::kSaveDelayMs * 10);
        auto read =
            cw::ui::DrawingSerializer::fromJson(persistence.drawingEntries("SIM:ES")[0].toUtf8());
        QVERIFY(read.hasValue());
        QCOMPARE(read->at(0).anchors[1].price, 5320.0);
        // The same set again: no signal, no write.
        store.setDrawings("SIM:ES", {drawing(DrawingKind::Rectangle, 5300.0, 5320.0, 1)});
        QCOMPARE(changed.count(), 2);
        QVERIFY(!store.hasPendingWrites());
        // Clearing an instrument without drawings does nothing either.
        QCOMPARE(store.clear("SIM:AAPL"), std::size_t{0});
        QCOMPARE(changed.count(), 2);
        // Clearing removes the key at the next write.
        QCOMPARE(store.clear("SIM:ES"), std::size_t{1});
        QCOMPARE(changed.count(), 3);
        store.flush();
        QVERIFY(!persistence.settings().contains(LayoutPersistence::drawingsKey("SIM:ES")));
    }

    void drawingStoreDropsWhatTheFileCannotHold() {
        QTemporaryDir dir;
        LayoutPersistence persistence(dir.filePath(QStringLiteral("f.ini")));
        DrawingStore store(persistence);
        constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
        constexpr double kInf = std::numeric_limits<double>::infinity();
        ChartDrawing farAway = drawing(DrawingKind::TrendLine, 1.0, 2.0);
        farAway.anchors[1].time = std::numeric_limits<cw::TimestampNs>::max();
        ChartDrawing wide = drawing(DrawingKind::TrendLine, 1.0, 2.0, 7);
        wide.widthPx = 55.0;
        ChartDrawing nanWidth = drawing(DrawingKind::Rectangle, 1.0, 2.0, 7); // repeated id
        nanWidth.widthPx = kNaN;
        store.setDrawings("SIM:X",
                          {drawing(DrawingKind::Invalid, 1.0, 2.0),
                           drawing(DrawingKind::TrendLine, kNaN, 2.0),
                           drawing(DrawingKind::Rectangle, 1.0, kInf), farAway, wide, nanWidth});
        const auto& kept = store.drawings("SIM:X");
        QCOMPARE(kept.size(), std::size_t{2}); // the invalid, NaN, infinite and far ones go
        QCOMPARE(kept[0].widthPx, 10.0);
        QCOMPARE(kept[1].widthPx, 1.0);
        QCOMPARE(kept[0].id, std::uint64_t{7});
        QVERIFY(kept[1].id != 7 && kept[1].id != 0);
        store.flush();
        // What was written reads back completely.
        LayoutPersistence again(dir.filePath(QStringLiteral("f.ini")));
        DrawingStore second(again);
        QSignalSpy secondMessages(&second, &DrawingStore::message);
        QCOMPARE(second.drawings("SIM:X").size(), std::size_t{2});
        QCOMPARE(secondMessages.count(), 0);
    }

    void corruptDrawingEntryCostsOnlyThatEntry() {
        QTemporaryDir dir;
        const QString ini = dir.filePath(QStringLiteral("g.ini"));
        const QString garbage = QStringLiteral("not json at all {");
        QString newer = entryOf(drawing(DrawingKind::TrendLine, 1.0, 2.0));
        newer.replace(QStringLiteral("\"version\": 1"), QStringLiteral("\"version\": 9"));
        QVERIFY(newer.contains(QStringLiteral("\"version\": 9")));
        {
            LayoutPersistence p(ini);
            p.saveDrawingEntries("SIM:BTCUSDT",
                                 {entryOf(drawing(DrawingKind::TrendLine, 100.0, 110.0)), garbage,
                                  newer, QString(),
                                  entryOf(drawing(DrawingKind::HorizontalLine, 105.0, 0.0))});
            p.saveDrawingEntries("SIM:ETHUSDT", {entryOf(drawing(DrawingKind::Rectangle, 1, 2))});
            p.sync();
        }
        LayoutPersistence persistence(ini);
        DrawingStore store(persistence);
        QSignalSpy messages(&store, &DrawingStore::message);
        const auto& btc = store.drawings("SIM:BTCUSDT");
        // The two readable drawings load; each bad entry gives one message naming it.
        QCOMPARE(btc.size(), std::size_t{2});
        QCOMPARE(btc[0].kind, DrawingKind::TrendLine);
        QCOMPARE(btc[1].kind, DrawingKind::HorizontalLine);
        QCOMPARE(messages.count(), 2);
        const QString first = messages[0][0].toString();
        QVERIFY2(first.contains(QStringLiteral("Drawing 2 of SIM:BTCUSDT")) &&
                     first.contains(QStringLiteral("could not be read")),
                 qPrintable(first));
        QVERIFY(messages[1][0].toString().contains(QStringLiteral("unsupported version")));
        QCOMPARE(store.drawings("SIM:ETHUSDT").size(), std::size_t{1});
        QCOMPARE(messages.count(), 2);

        // An edit keeps the unreadable entries verbatim (a newer program may read them)...
        std::vector<ChartDrawing> edited = btc;
        edited.pop_back();
        store.setDrawings("SIM:BTCUSDT", edited);
        store.flush();
        const QStringList stored = persistence.drawingEntries("SIM:BTCUSDT");
        QCOMPARE(stored.size(), 3);
        QVERIFY(stored.contains(garbage));
        QVERIFY(stored.contains(newer));
        QCOMPARE(store.unreadableEntries("SIM:BTCUSDT"), (QStringList{garbage, newer}));
        // ...and clearing the instrument removes them too.
        QCOMPARE(store.clear("SIM:BTCUSDT"), std::size_t{1});
        store.flush();
        QVERIFY(persistence.drawingEntries("SIM:BTCUSDT").isEmpty());
        QCOMPARE(persistence.drawingEntries("SIM:ETHUSDT").size(), 1);
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
