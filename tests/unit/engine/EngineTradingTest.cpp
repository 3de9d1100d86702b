// SPDX-License-Identifier: MIT
// The Engine's trading wiring with its own thread: PlaceOrder through the command queue, the
// paper broker's events through the execution queue, the journal's commits waking the loop,
// and SnapshotBatch::trading showing only what was committed.
#include "core/adapters/sim/SimulatedVenue.hpp"
#include "core/engine/Engine.hpp"
#include "tests/unit/engine/OrderGatewayTestSupport.hpp"

#include <condition_variable>
#include <gtest/gtest.h>

namespace cw::engine {
namespace {

using namespace testing;

/// Keeps the trading snapshots the engine publishes.
class TradingRecorder final : public ISnapshotSink {
public:
    void publish(SnapshotBatch batch) override {
        if (!batch.trading)
            return;
        std::lock_guard lock(m_mutex);
        m_snapshots.push_back(batch.trading);
        m_changed.notify_all();
    }
    /// Waits (bounded) until `done(snapshot)` holds for a published snapshot.
    template <class F>
    std::shared_ptr<const TradingSnapshot> waitFor(F done, std::chrono::seconds timeout) {
        std::unique_lock lock(m_mutex);
        std::shared_ptr<const TradingSnapshot> found;
        m_changed.wait_for(lock, timeout, [&] {
            for (const auto& s : m_snapshots)
                if (done(*s)) {
                    found = s;
                    return true;
                }
            return false;
        });
        return found;
    }
    std::vector<std::shared_ptr<const TradingSnapshot>> all() const {
        std::lock_guard lock(m_mutex);
        return m_snapshots;
    }

private:
    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    std::vector<std::shared_ptr<const TradingSnapshot>> m_snapshots;
};

TEST(EngineTrading, placedOrderIsFilledByThePaperBrokerAndPublishedAfterTheJournalCommits) {
    TempDir dir;
    Engine engine;
    TradingRecorder recorder;
    engine.setSnapshotSink(&recorder);
    auto clients = adapters::sim::SimulatedVenue::create({{"historyDays", "1"}, {"speed", "10"}},
                                                         engine, &engine);
    ASSERT_TRUE(clients.hasValue()) << clients.error().message;
    ASSERT_TRUE(clients->execution);
    engine.attachMarketData(*clients->marketData);
    engine.attachExecution(*clients->execution);
    engine.addInstruments(clients->instruments->instruments());
    journal::JournalWriterOptions options;
    options.path = dir.file("journal.sqlite");
    options.appVersion = "test";
    options.onCommitted = [&engine](std::int64_t) { engine.notifyJournalCommitted(); };
    auto writer = journal::JournalWriter::open(options);
    ASSERT_TRUE(writer.hasValue()) << writer.error().message;
    engine.setJournal(writer->get());
    engine.start();
    ASSERT_TRUE(engine.postCommand(SubscribeQuotes{btc()}).hasValue());
    auto connected = recorder.waitFor(
        [](const TradingSnapshot& s) {
            return !s.sessions.empty() && s.sessions[0].state == adapters::FeedState::Connected;
        },
        std::chrono::seconds(20));
    ASSERT_TRUE(connected);
    // Wait for a quote, so the paper broker can fill a market order.
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    ASSERT_TRUE(
        engine.postCommand(EngineCommand{TradingCommand{place(marketOrder(Side::Buy, "0.010"))}})
            .hasValue());
    auto filled = recorder.waitFor(
        [](const TradingSnapshot& s) {
            return std::any_of(s.orderHistory.begin(), s.orderHistory.end(),
                               [](const auto& r) { return r.order.status == OrderStatus::Filled; });
        },
        std::chrono::seconds(20));
    ASSERT_TRUE(filled);
    EXPECT_FALSE(filled->fills.empty());
    EXPECT_TRUE(engine.stop());
    for (const auto& s : recorder.all()) {
        for (const auto& row : s->orderHistory)
            EXPECT_LE(row.journalId, s->journalCommittedId);
        for (const auto& row : s->workingOrders)
            EXPECT_LE(row.journalId, s->journalCommittedId);
        for (const auto& fill : s->fills)
            EXPECT_LE(fill.journalId, s->journalCommittedId);
    }
    ASSERT_TRUE((*writer)->close().hasValue());
}

} // namespace
} // namespace cw::engine
