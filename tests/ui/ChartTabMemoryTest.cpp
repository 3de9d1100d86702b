// SPDX-License-Identifier: MIT
// A chart tab keeps one copy of the chart's doubles: the view's model shows the replica's
// buffers, across Deltas and paints. Fails when a regression brings a copy back
// (docs/live-path-performance.md).
#include "core/engine/ChartReplica.hpp"
#include "core/engine/Engine.hpp"
#include "ui/chart/ChartView.hpp"
#include "ui/mainwindow/ChartState.hpp"
#include "ui/mainwindow/ChartTab.hpp"
#include "ui/mainwindow/IndicatorSettings.hpp"

#include <QtTest>

#include <vector>

using namespace cw;

namespace {

adapters::InstrumentKey btc() {
    return *adapters::InstrumentKey::make("SIM", "BTCUSDT");
}

constexpr TimestampNs kStart = 1'700'000'100LL * kNsPerSecond;

std::vector<Bar> history(std::size_t count) {
    std::vector<Bar> bars;
    std::int64_t price = 3'000'000;
    for (std::size_t i = 0; i < count; ++i) {
        Bar bar;
        bar.openTime = kStart + static_cast<std::int64_t>(i) * kNsPerMinute;
        bar.timeframe = Timeframe::minutes(1);
        bar.open = Price::fromRaw(price, 2);
        price += static_cast<std::int64_t>(i % 11) * 10 - 50;
        bar.close = Price::fromRaw(price, 2);
        bar.high = Price::fromRaw(std::max(bar.open.raw(), price) + 25, 2);
        bar.low = Price::fromRaw(std::min(bar.open.raw(), price) - 25, 2);
        bar.volume = Quantity::fromRaw(1000, 3);
        bar.tradeCount = 3;
        bars.push_back(bar);
    }
    return bars;
}

/// Every indicator output of the view's model shows the replica's column, and the bars are
/// the replica's bars: the same buffers, no copy.
bool modelSharesTheReplica(const ui::ChartTab& tab) {
    const ui::ChartModel& model = tab.view()->model();
    const engine::ChartReplica& replica = tab.replica();
    if (!model.followsBars() || &model.bars() != &replica.bars() ||
        model.bars().close().data() != replica.bars().close().data())
        return false;
    if (model.indicators().size() != replica.indicatorCount())
        return false;
    for (std::size_t i = 0; i < replica.indicatorCount(); ++i) {
        const auto outputs = std::as_const(*model.indicators()[i]).outputs();
        for (std::size_t k = 0; k < outputs.size(); ++k)
            if (!outputs[k].values.follows() ||
                outputs[k].values.data() != replica.indicatorColumn(i, k).data())
                return false;
    }
    return true;
}

} // namespace

class ChartTabMemoryTest : public QObject {
    Q_OBJECT

private slots:
    void viewModelSharesTheReplicasBuffersAcrossDeltasAndPaints() {
        engine::Engine engine;
        ui::ChartState state;
        state.instrument = "SIM:BTCUSDT";
        state.timeframe = "1m";
        for (const char* spec : {"sma:20", "bbands:20,2"})
            if (auto settings = ui::IndicatorSettings::fromSpec(spec))
                state.indicators.push_back(*settings);
        engine::ChartId nextId = 2;
        ui::ChartTab tab(
            1, state, [&engine](engine::EngineCommand c) { (void)engine.postCommand(c); },
            [&nextId] { return nextId++; }, {});
        tab.resize(900, 600);
        tab.open();
        engine.processPending();
        adapters::BarsReceived answer;
        answer.instrument = btc();
        answer.timeframe = Timeframe::minutes(1);
        answer.bars = history(5000);
        engine.post(std::move(answer));
        engine.processPending();
        auto applyAll = [&] {
            for (const engine::ChartSnapshotPtr& s : engine.takeSnapshots().charts)
                QVERIFY(tab.applySnapshot(*s));
        };
        applyAll();
        QCOMPARE(tab.view()->model().size(), std::size_t{5000});
        QCOMPARE(tab.view()->model().indicators().size(), std::size_t{2});
        QVERIFY(modelSharesTheReplica(tab));

        // Live trades: Deltas change the replica's buffers in place; the model follows them.
        for (int i = 0; i < 30; ++i) {
            engine.post(
                adapters::TradeReceived{btc(),
                                        Tick{kStart + (5000 + i) * kNsPerMinute + kNsPerSecond,
                                             Price::fromRaw(3'000'000 + 10 * i, 2),
                                             Quantity::fromRaw(1, 0), Side::Buy, i + 1},
                                        0});
            engine.processPending();
            applyAll();
        }
        QCOMPARE(tab.view()->model().size(), std::size_t{5030});
        QCOMPARE(tab.view()->model().bars().last().close, 3'000'290 / 100.0);
        QVERIFY(modelSharesTheReplica(tab));

        // Painting reads the buffers; it must not make the model copy them.
        tab.show();
        const QImage frame = tab.view()->grab().toImage();
        QVERIFY(!frame.isNull());
        QVERIFY(tab.view()->paintCount() >= 1);
        QVERIFY(modelSharesTheReplica(tab));

        // A Full (timeframe change) points the model at the replica's new buffers.
        tab.setTimeframe(Timeframe::minutes(5));
        engine.processPending();
        applyAll();
        QCOMPARE(tab.view()->model().size(), std::size_t{1006}); // 1005 closed + forming
        QVERIFY(modelSharesTheReplica(tab));
    }
};

QTEST_MAIN(ChartTabMemoryTest)
#include "ChartTabMemoryTest.moc"
