// SPDX-License-Identifier: MIT
#pragma once

#include "core/adapters/IMarketDataClient.hpp"
#include "core/adapters/IMarketDataSink.hpp"
#include "core/adapters/InstrumentKey.hpp"
#include "core/common/Result.hpp"
#include "core/domain/Bar.hpp"
#include "core/engine/BarAggregator.hpp"
#include "core/engine/ChartFeed.hpp"
#include "core/engine/EngineCommand.hpp"
#include "core/engine/EventQueue.hpp"
#include "core/engine/ISnapshotSink.hpp"
#include "core/engine/SnapshotBatch.hpp"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

namespace cw::engine {

/// The engine: one thread that owns the market-data state of the workstation. Adapters post
/// events into its bounded EventQueue (IMarketDataSink), the UI posts EngineCommands into a
/// second queue, and the engine publishes immutable snapshots of what changed to an
/// ISnapshotSink at most once per frame interval (see docs/engine.md).
///
/// Per instrument that a chart or the quote board uses: the 1m bars (history from
/// RequestBars, then live trades through a 1m BarAggregator), the top of book and the day's
/// last/change/volume. Per chart: a ChartFeed with its timeframe's bars and indicators. Per
/// venue: feed state and the time of its last message.
///
/// Two ways to drive it: `start()` runs the loop on an own thread (wait for events, drain in
/// batches, publish per frame) until `stop()`; or, with no thread started, a test or a
/// backtest calls `processPending()` and `takeSnapshots()` itself, deterministically.
///
/// Thread: `post`, `postCommand`, `droppedEvents` from any thread. `attachMarketData`,
/// `setSnapshotSink`, `start` and `stop` from the owner thread while the loop is not running.
/// Everything else belongs to the engine thread (or the owner when no thread runs).
class Engine final : public adapters::IMarketDataSink {
public:
    struct Config {
        std::size_t eventCapacity = 1u << 16; ///< market-data queue slots (drops when full)
        std::size_t commandCapacity = 1024;   ///< command queue slots (postCommand fails when full)
        std::chrono::nanoseconds frameInterval = std::chrono::milliseconds(16);
        int historyBars = 1000;               ///< 1m bars asked for when a chart opens
        std::size_t maxEventsPerDrain = 8192; ///< bounds a batch so frames keep being published
    };

    Engine();
    explicit Engine(Config config);
    ~Engine() override;

    Engine(const Engine&) = delete;
    Engine& operator=(const Engine&) = delete;

    /// The market-data client of one venue (it must post into this engine and outlive it).
    /// The loop connects it when it starts and disconnects it when it stops.
    void attachMarketData(adapters::IMarketDataClient& client);
    /// Where snapshots go; may be null (then `takeSnapshots` is the only way to get them).
    void setSnapshotSink(ISnapshotSink* sink) { m_sink = sink; }

    /// IMarketDataSink: enqueues the event; never blocks; counts it as dropped when the queue
    /// is full.
    void post(adapters::MarketDataEvent&& event) override;
    /// Enqueues a UI command. Unsupported when the command queue is full (the engine is far
    /// behind). Rejections found later are reported in SnapshotBatch::errors.
    Result<void> postCommand(EngineCommand command);
    /// Market-data events dropped because the queue was full.
    std::uint64_t droppedEvents() const { return m_events.droppedCount(); }

    /// Starts the engine thread. Precondition (CW_ASSERT): not running.
    void start();
    /// Asks the loop to finish (it drains what is queued, publishes the last changes and
    /// disconnects the feeds) and joins it, waiting at most `joinTimeout`. Returns false if
    /// the thread did not finish in time (it is joined by the destructor then).
    bool stop(std::chrono::milliseconds joinTimeout = std::chrono::milliseconds(2000));
    bool isRunning() const { return m_thread.joinable(); }

    /// Applies every queued command and up to `maxEventsPerDrain` queued events; returns how
    /// many were applied.
    std::size_t processPending();
    /// Publishes to the sink when something changed and a frame interval passed since the last
    /// publication; returns true when it published.
    bool publishIfDue(std::chrono::steady_clock::time_point now);
    /// Everything that changed since the last batch, now (may be empty).
    SnapshotBatch takeSnapshots();
    bool hasChanges() const;

    void connectFeeds();
    void disconnectFeeds();

    /// Inspection for tests and diagnostics (engine thread).
    const ChartFeed* chart(ChartId id) const;
    /// The instrument's closed 1m bars; empty when it is not in use.
    std::span<const Bar> minuteBars(const adapters::InstrumentKey& instrument) const;
    std::optional<Bar> formingMinute(const adapters::InstrumentKey& instrument) const;
    std::uint64_t publishedBatches() const { return m_batchSequence; }
    /// Trades of instruments that nothing uses (unsubscribed, or not yet subscribed).
    std::uint64_t ignoredTrades() const { return m_ignoredTrades; }

private:
    struct InstrumentState {
        explicit InstrumentState(adapters::InstrumentKey k) : key(k) {}
        adapters::InstrumentKey key;
        BarAggregator aggregator{Timeframe::minutes(1)};
        std::vector<Bar> minutes;
        std::vector<ChartId> charts;
        bool watched = false;
        std::uint64_t historyRequestId = 0;
        std::optional<TimestampNs> firstLiveMinute;
        QuoteBoardRow row;
        TimestampNs day = 0;
        Price reference;
        bool hasReference = false;
    };

    void run();
    void handle(adapters::MarketDataEvent&& event);
    void onTrade(const adapters::TradeReceived& trade);
    void onQuote(const adapters::QuoteReceived& quote);
    void onBars(adapters::BarsReceived&& bars);
    void onFeedStatus(const adapters::FeedStatusChanged& status);
    void noteMessage(std::string_view venue, TimestampNs receivedTime);
    void updateQuoteRow(InstrumentState& state, const Tick& tick);

    void apply(const std::monostate&) {}
    void apply(const OpenChart& command);
    void apply(const CloseChart& command);
    void apply(const SetTimeframe& command);
    void apply(const AddIndicator& command);
    void apply(const RemoveIndicator& command);
    void apply(const SubscribeQuotes& command);
    void apply(const UnsubscribeQuotes& command);

    InstrumentState& useInstrument(const adapters::InstrumentKey& key, bool wantHistory);
    void releaseIfUnused(const adapters::InstrumentKey& key);
    void rebuildCharts(InstrumentState& state);
    void reject(ErrorCode code, std::string message);
    adapters::IMarketDataClient* clientFor(std::string_view venue) const;

    Config m_config;
    EventQueue<adapters::MarketDataEvent> m_events;
    EventQueue<EngineCommand> m_commands;
    ISnapshotSink* m_sink = nullptr;
    std::map<std::string, adapters::IMarketDataClient*, std::less<>> m_clients;

    std::thread m_thread;
    std::atomic<bool> m_stopRequested{false};
    std::atomic<bool> m_loopFinished{false};

    // Engine-thread state.
    std::unordered_map<adapters::InstrumentKey, InstrumentState> m_instruments;
    std::map<ChartId, ChartFeed> m_charts;
    std::vector<adapters::InstrumentKey> m_watchlist;
    std::map<std::string, FeedStatusRow, std::less<>> m_feeds;
    std::vector<ChartId> m_closedCharts;
    std::vector<Error> m_errors;
    std::vector<Bar> m_closedScratch;
    bool m_quotesDirty = false;
    bool m_feedsDirty = false;
    std::uint64_t m_nextRequestId = 1;
    std::uint64_t m_batchSequence = 0;
    std::uint64_t m_quoteVersion = 0;
    std::uint64_t m_feedVersion = 0;
    std::uint64_t m_ignoredTrades = 0;
    std::chrono::steady_clock::time_point m_lastPublish{};
};

} // namespace cw::engine
