// SPDX-License-Identifier: MIT
#pragma once

#include "core/adapters/IExecutionClient.hpp"
#include "core/adapters/IExecutionSink.hpp"
#include "core/adapters/IMarketDataClient.hpp"
#include "core/adapters/IMarketDataSink.hpp"
#include "core/adapters/InstrumentKey.hpp"
#include "core/common/Result.hpp"
#include "core/domain/Bar.hpp"
#include "core/engine/BarAggregator.hpp"
#include "core/engine/BarStore.hpp"
#include "core/engine/ChartFeed.hpp"
#include "core/engine/EngineCommand.hpp"
#include "core/engine/EventQueue.hpp"
#include "core/engine/ISnapshotSink.hpp"
#include "core/engine/OrderGateway.hpp"
#include "core/engine/SnapshotBatch.hpp"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
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
class Engine final : public adapters::IMarketDataSink, public adapters::IExecutionSink {
public:
    struct Config {
        std::size_t eventCapacity = 1u << 16; ///< market-data queue slots (drops when full)
        std::size_t commandCapacity = 1024;   ///< command queue slots (postCommand fails when full)
        std::chrono::nanoseconds frameInterval = std::chrono::milliseconds(16);
        int historyBars = 1000;     ///< 1m bars asked for when a chart opens
        int historyPageBars = 5000; ///< 1m bars one LoadOlderBars brings in at least
        /// Bars of the chart's own timeframe one LoadOlderBars should add: a chart coarser than
        /// 1m has 1m pages (each at most the venue's maxBarsPerRequest) asked one after another
        /// until this many of its bars came in, the venue has nothing older, or
        /// `historyLoadMaxBars` 1m bars came in.
        int historyPageChartBars = 500;
        /// Most 1m bars one LoadOlderBars brings in (a 1D chart's 500 days are 720,000 1m bars
        /// of a market that trades around the clock; a 1W chart's would be millions).
        int historyLoadMaxBars = 1'000'000;
        /// A history request with no answer after this long is asked again (an answer lost in
        /// a full queue, a venue that never replied) ...
        std::chrono::milliseconds historyTimeout = std::chrono::seconds(10);
        /// ... at most this many times; then the loss is reported in SnapshotBatch::errors.
        int historyRetries = 2;
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

    // ---- trading (see docs/trading.md) ----
    /// The execution client of one venue (it must post into this engine and outlive it); its
    /// orders go through the OrderGateway. The loop connects it when it starts and
    /// disconnects it when it stops. Owner thread, before `start()`.
    void attachExecution(adapters::IExecutionClient& client);
    /// The trade journal (not owned; may be null: nothing journaled, snapshots at once). Owner
    /// thread, before `start()`. Give the writer an `onCommitted` that calls
    /// `notifyJournalCommitted()` so a committed fill shows within a frame. Restores today's
    /// realized P&L from the journal's fills (OrderGateway::restoreTradingDay).
    void setJournal(journal::JournalWriter* journal);
    /// Wakes the loop after the journal committed (JournalWriterOptions::onCommitted). Any
    /// thread.
    void notifyJournalCommitted() { m_events.notify(); }
    /// Instrument definitions for the risk gate and positions (e.g. from the venues'
    /// instrument providers). Owner thread before `start()`; later lists come as
    /// InstrumentsReceived events.
    void addInstruments(const std::vector<Instrument>& instruments);
    /// Fee rates of a venue for order previews, overriding what its execution client
    /// publishes (IExecutionClient::feeRates). Owner thread, before `start()`.
    void setFeeRates(std::string venue, FeeRates rates);
    /// IExecutionSink: enqueues the event in an unbounded queue of its own (execution events
    /// are never dropped); never blocks beyond a short mutex. Any thread.
    void post(adapters::ExecutionEvent&& event) override;
    /// The order path, for tests and diagnostics (engine thread).
    const OrderGateway& trading() const { return m_gateway; }
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
    /// Asks again for the history requests that got no answer within `Config::historyTimeout`
    /// (their answer was dropped or never came), each at most `Config::historyRetries` times;
    /// a request still unanswered after that is given up and reported (Unavailable) in
    /// SnapshotBatch::errors. The loop calls it on every iteration; returns how many requests
    /// it sent again.
    std::size_t retryOverdueHistory(std::chrono::steady_clock::time_point now);
    /// History requests sent and not yet answered or given up.
    std::size_t pendingHistoryRequests() const { return m_pendingHistory.size(); }

    /// Everything that changed since the last batch, now (may be empty).
    SnapshotBatch takeSnapshots();
    bool hasChanges() const;

    void connectFeeds();
    void disconnectFeeds();

    /// Inspection for tests and diagnostics (engine thread).
    const ChartFeed* chart(ChartId id) const;
    /// The instrument's closed 1m bars; empty when it is not in use. A copy made for the call
    /// (O(n), 104 bytes a bar), valid until the next call: for tests and diagnostics.
    std::span<const Bar> minuteBars(const adapters::InstrumentKey& instrument) const;
    /// The instrument's 1m store itself; null when it is not in use.
    const BarStore* minuteStore(const adapters::InstrumentKey& instrument) const;
    std::optional<Bar> formingMinute(const adapters::InstrumentKey& instrument) const;
    std::uint64_t publishedBatches() const { return m_batchSequence; }
    /// Trades of instruments that nothing uses (unsubscribed, or not yet subscribed).
    std::uint64_t ignoredTrades() const { return m_ignoredTrades; }

private:
    /// Why a history request was sent; decides what its answer does.
    enum class HistoryPurpose {
        Invalid = 0,
        Latest,        ///< the newest 1m bars, when the first chart opens
        Older,         ///< the page before the oldest 1m bar held (LoadOlderBars)
        PreviousClose, ///< a few bars to seed a quote-board row before any trade
    };
    struct PendingHistory {
        HistoryPurpose purpose = HistoryPurpose::Invalid;
        adapters::RequestBars request; ///< as last sent (its requestId is the current one)
        int attempts = 1;
        std::chrono::steady_clock::time_point deadline;
    };

    /// One LoadOlderBars: pages of 1m bars asked one after another (each ending at the oldest
    /// 1m bar held) until the chart that scrolled gained `chartBarsWanted` bars of its timeframe
    /// and `minutesWanted` 1m bars came in, or the venue has nothing older. The charts are
    /// rebuilt once, when it ends.
    struct OlderLoad {
        Timeframe timeframe; ///< of the chart that scrolled
        std::size_t minutesWanted = 0;
        std::size_t chartBarsWanted = 0;
        std::size_t minutesMax = 0;
        std::size_t minutesReceived = 0;
        std::size_t chartBarsGained = 0;
        TimestampNs oldestBucket = 0; ///< start of the oldest chart bar counted so far
        bool unshown = false;         ///< bars were prepended; the charts not rebuilt yet
    };

    struct InstrumentState {
        explicit InstrumentState(adapters::InstrumentKey k) : key(k) {}
        adapters::InstrumentKey key;
        BarAggregator aggregator{Timeframe::minutes(1)};
        BarStore minutes; ///< the closed 1m bars, exact; 1m charts read it (ChartFeed)
        std::vector<ChartId> charts;
        bool watched = false;
        bool historyRequested = false; ///< the Latest 1m history was asked for
        bool historyStart = false;     ///< the venue has nothing older than minutes.front()
        /// The LoadOlderBars in progress, if any (see OlderLoad).
        std::optional<OlderLoad> olderLoad;
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
    void mergeLatestHistory(InstrumentState& state, const adapters::BarsReceived& answer);
    void prependOlderHistory(InstrumentState& state, const adapters::BarsReceived& answer);
    /// Ends the LoadOlderBars in progress (done, failed or given up): rebuilds the charts when
    /// it prepended bars.
    void finishOlderLoad(InstrumentState& state);
    void seedQuoteRow(InstrumentState& state, std::span<const Bar> bars);
    void markHistoryStart(InstrumentState& state);
    bool requestHistory(InstrumentState& state, HistoryPurpose purpose, TimestampNs endTime);
    bool isPending(const adapters::InstrumentKey& key, HistoryPurpose purpose) const;

    void apply(const std::monostate&) {}
    void apply(const OpenChart& command);
    void apply(const CloseChart& command);
    void apply(const SetTimeframe& command);
    void apply(const AddIndicator& command);
    void apply(const RemoveIndicator& command);
    void apply(const SubscribeQuotes& command);
    void apply(const UnsubscribeQuotes& command);
    void apply(const LoadOlderBars& command);
    void apply(const SetPlaybackSpeed& command);
    void apply(const TradingCommand& command);
    std::size_t drainExecution();

    InstrumentState& useInstrument(const adapters::InstrumentKey& key, bool wantHistory);
    void releaseIfUnused(const adapters::InstrumentKey& key);
    void rebuildCharts(InstrumentState& state);
    /// Appends closed 1m bars to the instrument's store (a failure is reported).
    void storeMinutes(InstrumentState& state, std::span<const Bar> closed);
    void reject(ErrorCode code, std::string message);
    adapters::IMarketDataClient* clientFor(std::string_view venue) const;

    Config m_config;
    EventQueue<adapters::MarketDataEvent> m_events;
    EventQueue<EngineCommand> m_commands;
    ISnapshotSink* m_sink = nullptr;
    std::map<std::string, adapters::IMarketDataClient*, std::less<>> m_clients;
    std::vector<adapters::IExecutionClient*> m_executionClients;
    OrderGateway m_gateway;
    std::mutex m_executionMutex; ///< guards m_executionQueue
    std::vector<adapters::ExecutionEvent> m_executionQueue;
    std::vector<adapters::ExecutionEvent> m_executionScratch; ///< engine thread

    std::thread m_thread;
    std::atomic<bool> m_stopRequested{false};
    std::atomic<bool> m_loopFinished{false};

    // Engine-thread state.
    std::unordered_map<adapters::InstrumentKey, InstrumentState> m_instruments;
    std::map<ChartId, ChartFeed> m_charts;
    std::vector<PendingHistory> m_pendingHistory;
    std::vector<adapters::InstrumentKey> m_watchlist;
    std::map<std::string, FeedStatusRow, std::less<>> m_feeds;
    std::vector<ChartId> m_closedCharts;
    std::vector<Error> m_errors;
    std::vector<Bar> m_closedScratch;
    mutable std::vector<Bar> m_minuteBarsCopy; ///< what minuteBars() returned last
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
