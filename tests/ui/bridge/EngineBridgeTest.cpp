// SPDX-License-Identifier: MIT
#include "ui/bridge/EngineBridge.hpp"

#include "core/adapters/sim/SimulatedVenue.hpp"
#include "core/engine/ChartReplica.hpp"

#include <QSignalSpy>
#include <QTest>

#include <chrono>
#include <thread>

using namespace cw;
using namespace cw::engine;

namespace {

adapters::InstrumentKey btc() {
    return *adapters::InstrumentKey::make("SIM", "BTCUSDT");
}

constexpr TimestampNs kStart = 1'700'006'400LL * kNsPerSecond;

void postTrades(Engine& engine, int first, int count) {
    for (int i = first; i < first + count; ++i)
        engine.post(adapters::TradeReceived{btc(),
                                            Tick{kStart + i * 100 * kNsPerMillisecond,
                                                 Price::fromRaw(20000 + i % 13, 2),
                                                 Quantity::fromRaw(1, 0), Side::Sell, i + 1},
                                            1});
}

double totalVolume(const ChartReplica& replica) {
    double sum = 0.0;
    for (double v : replica.bars().volume())
        sum += v;
    return sum;
}

} // namespace

class EngineBridgeTest : public QObject {
    Q_OBJECT

private slots:
    void deliversChartSnapshotsOnTheGuiThread() {
        ui::EngineBridge bridge;
        ChartReplica replica;
        int updates = 0;
        bool onGuiThread = true;
        connect(&bridge, &ui::EngineBridge::chartUpdated, this, [&](ChartSnapshotPtr s) {
            onGuiThread = onGuiThread && QThread::currentThread() == thread();
            ++updates;
            QVERIFY(replica.apply(*s).hasValue());
        });
        bridge.start();
        QVERIFY(bridge.post(OpenChart{1, btc(), Timeframe::minutes(1)}).hasValue());
        postTrades(bridge.engine(), 0, 2000);
        QTRY_COMPARE_WITH_TIMEOUT(totalVolume(replica), 2000.0, 10000);
        QVERIFY(onGuiThread);
        QVERIFY(updates >= 1);
        QVERIFY(bridge.deliveries() <= bridge.publishedBatches());
        QVERIFY(bridge.stop());
    }

    void slowGuiGetsMergedDeltasWithNothingLost() {
        ui::EngineBridge bridge;
        ChartReplica replica;
        int updates = 0;
        bool applied = true;
        connect(&bridge, &ui::EngineBridge::chartUpdated, this, [&](ChartSnapshotPtr s) {
            ++updates;
            applied = applied && replica.apply(*s).hasValue();
        });
        bridge.start();
        QVERIFY(bridge.post(OpenChart{1, btc(), Timeframe::minutes(5)}).hasValue());
        QTRY_VERIFY_WITH_TIMEOUT(updates >= 1, 5000); // the Full
        const int before = updates;

        // The GUI thread is busy (no event processing) while the engine publishes many frames.
        for (int chunk = 0; chunk < 10; ++chunk) {
            postTrades(bridge.engine(), chunk * 300, 300);
            std::this_thread::sleep_for(std::chrono::milliseconds(30));
        }
        QTRY_VERIFY_WITH_TIMEOUT(bridge.publishedBatches() >= 5, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(totalVolume(replica), 3000.0, 10000);
        QVERIFY(applied);
        // Many engine batches, few deliveries: the first delivery after the busy spell merged
        // every delta published during it.
        QVERIFY2(updates - before < int(bridge.publishedBatches()),
                 qPrintable(QString("%1 updates for %2 batches")
                                .arg(updates - before)
                                .arg(bridge.publishedBatches())));
        QVERIFY(bridge.stop());
    }

    void reportsRejectedCommandsAndQuotes() {
        ui::EngineBridge bridge;
        QSignalSpy failed(&bridge, &ui::EngineBridge::commandFailed);
        QSignalSpy quotes(&bridge, &ui::EngineBridge::quotesUpdated);
        QSignalSpy feeds(&bridge, &ui::EngineBridge::feedStatusChanged);
        QSignalSpy closed(&bridge, &ui::EngineBridge::chartClosed);
        bridge.start();
        QVERIFY(bridge.post(AddIndicator{42, 1, "sma:5"}).hasValue()); // no chart 42
        QVERIFY(bridge.post(SubscribeQuotes{btc()}).hasValue());
        QVERIFY(bridge.post(OpenChart{5, btc(), Timeframe::hours(1)}).hasValue());
        QVERIFY(bridge.post(CloseChart{5}).hasValue());
        postTrades(bridge.engine(), 0, 10);
        QTRY_VERIFY_WITH_TIMEOUT(failed.count() >= 1, 5000);
        QVERIFY(failed.at(0).at(0).toString().contains("42"));
        QTRY_VERIFY_WITH_TIMEOUT(closed.count() == 1, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(!quotes.isEmpty(), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(!feeds.isEmpty(), 5000);
        auto board = quotes.last().at(0).value<QuoteBoardSnapshotPtr>();
        QVERIFY(board);
        QTRY_VERIFY_WITH_TIMEOUT(
            quotes.last().at(0).value<QuoteBoardSnapshotPtr>()->rows.at(0).hasLast, 5000);
        QVERIFY(bridge.stop());
    }

    void playbackSpeedChangesTheRunningSimulatedExchange() {
        adapters::AdapterRegistry registry;
        QVERIFY(adapters::sim::SimulatedVenue::registerIn(registry).hasValue());
        ui::EngineBridge bridge;
        QVERIFY(
            bridge.addVenue(registry, "sim", {{"historyDays", "0"}, {"stepMs", "5"}}).hasValue());
        QSignalSpy failed(&bridge, &ui::EngineBridge::commandFailed);
        ChartReplica replica;
        connect(&bridge, &ui::EngineBridge::chartUpdated, this,
                [&](ChartSnapshotPtr s) { QVERIFY(replica.apply(*s).hasValue()); });
        bridge.start();
        QVERIFY(bridge.post(OpenChart{1, btc(), Timeframe::minutes(1)}).hasValue());
        // Refused speeds and venues come back as failures; the feed keeps its speed.
        QVERIFY(bridge.setPlaybackSpeed(QStringLiteral("SIM"), 5000.0).hasValue());
        QVERIFY(bridge.setPlaybackSpeed(QStringLiteral("NOWHERE"), 10.0).hasValue());
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 2, 5000);
        QVERIFY(failed.at(0).at(0).toString().contains("1000"));
        QVERIFY(failed.at(1).at(0).toString().contains("NOWHERE"));

        // At 1000x a 1m bar closes every 60 ms of wall time: a few seconds give many bars,
        // where the speed the venue started with (1x) gives at most two.
        QVERIFY(bridge.setPlaybackSpeed(QStringLiteral("SIM"), 1000.0).hasValue());
        QTRY_VERIFY_WITH_TIMEOUT(replica.bars().size() >= 10, 10000);
        QCOMPARE(failed.count(), 2);
        QVERIFY(bridge.stop());
    }
};

QTEST_GUILESS_MAIN(EngineBridgeTest)
#include "EngineBridgeTest.moc"
