// SPDX-License-Identifier: MIT
#include "core/engine/Engine.hpp"

#include "core/common/Assert.hpp"
#include "core/indicators/IndicatorRegistry.hpp"
#include "core/journal/JournalReader.hpp"
#include "core/journal/JournalWriter.hpp"

#include <algorithm>
#include <cmath>
#include <future>
#include <limits>
#include <type_traits>

namespace cw::engine {

namespace {

const Timeframe kMinute = Timeframe::minutes(1);
const Timeframe kDay = Timeframe::days(1);
/// Bars asked for to seed a quote-board row: the newest bar and the one before it in daily
/// bars; in 1m bars (a venue without daily history) enough to reach the day before.
constexpr int kPreviousCloseDailyBars = 2;
constexpr int kPreviousCloseMinuteBars = 3000;

TimestampNs wallClockNs() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

TimestampNs dayStart(TimestampNs time) {
    TimestampNs day = time / kNsPerDay;
    if (time % kNsPerDay < 0)
        --day;
    return day * kNsPerDay;
}

std::string chartName(ChartId id) {
    return "chart " + std::to_string(id);
}

} // namespace

Engine::Engine() : Engine(Config{}) {}

Engine::Engine(Config config)
    : m_config(config), m_events(config.eventCapacity), m_commands(config.commandCapacity) {}

Engine::~Engine() {
    stop();
    if (m_thread.joinable())
        m_thread.join();
}

void Engine::attachMarketData(adapters::IMarketDataClient& client) {
    CW_ASSERT(!isRunning());
    m_clients[std::string(client.venue())] = &client;
}

void Engine::post(adapters::MarketDataEvent&& event) {
    m_events.tryPush(std::move(event));
}

void Engine::attachExecution(adapters::IExecutionClient& client) {
    CW_ASSERT(!isRunning());
    m_executionClients.push_back(&client);
    m_gateway.attachExecution(client);
}

void Engine::setJournal(journal::JournalWriter* journal) {
    CW_ASSERT(!isRunning());
    m_gateway.setJournal(journal);
    if (!journal)
        return;
    // The daily loss limit counts per trading day, not per run: today's fills come back.
    if (auto reader = journal::JournalReader::open(journal->path(), false))
        (void)m_gateway.restoreTradingDay(*reader, wallClockNs()); // failures become notices
}

void Engine::addInstruments(const std::vector<Instrument>& instruments) {
    m_gateway.onInstruments(instruments);
}

void Engine::setFeeRates(std::string venue, FeeRates rates) {
    m_gateway.setFeeRates(std::move(venue), rates);
}

void Engine::post(adapters::ExecutionEvent&& event) {
    {
        std::lock_guard lock(m_executionMutex);
        m_executionQueue.push_back(std::move(event));
    }
    m_events.notify();
}

std::size_t Engine::drainExecution() {
    m_executionScratch.clear();
    {
        std::lock_guard lock(m_executionMutex);
        m_executionScratch.swap(m_executionQueue);
    }
    for (const adapters::ExecutionEvent& event : m_executionScratch)
        m_gateway.onExecutionEvent(event, wallClockNs());
    return m_executionScratch.size();
}

Result<void> Engine::postCommand(EngineCommand command) {
    if (!m_commands.tryPush(std::move(command)))
        return fail(ErrorCode::Unsupported, "the engine's command queue is full");
    m_events.notify();
    return {};
}

void Engine::start() {
    CW_ASSERT(!isRunning());
    m_stopRequested.store(false);
    m_loopFinished.store(false);
    m_thread = std::thread([this] { run(); });
}

bool Engine::stop(std::chrono::milliseconds joinTimeout) {
    if (!m_thread.joinable())
        return true;
    m_stopRequested.store(true);
    m_events.notify();
    const auto deadline = std::chrono::steady_clock::now() + joinTimeout;
    while (!m_loopFinished.load()) {
        if (std::chrono::steady_clock::now() >= deadline)
            return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    m_thread.join();
    return true;
}

void Engine::run() {
    const auto applyCommands = [this] {
        return m_commands.drain([this](EngineCommand&& command) {
            std::visit([this](const auto& c) { apply(c); }, command);
        });
    };
    connectFeeds();
    m_lastPublish = std::chrono::steady_clock::now() - m_config.frameInterval;
    while (!m_stopRequested.load(std::memory_order_acquire)) {
        const auto now = std::chrono::steady_clock::now();
        // With changes waiting, sleep only until the next frame; otherwise until something
        // arrives (the timeout only bounds a missed wake-up).
        std::chrono::nanoseconds timeout = std::chrono::milliseconds(250);
        // Trading changes waiting for the journal: poll briefly in case no commit callback
        // wakes the loop (JournalWriterOptions::onCommitted -> notifyJournalCommitted).
        if (m_gateway.hasUncommitted())
            timeout = std::chrono::milliseconds(2);
        if (hasChanges())
            timeout = std::max(std::chrono::nanoseconds(0),
                               std::chrono::duration_cast<std::chrono::nanoseconds>(
                                   m_lastPublish + m_config.frameInterval - now));
        m_events.waitFor(timeout);
        processPending();
        // Commands that came in meanwhile (an order posted while market data was applied) go
        // before the frame's snapshot work: a snapshot can wait, an order on its way to the
        // venue should not (docs/live-path-performance.md, "Order path").
        while (applyCommands() > 0 && !m_stopRequested.load(std::memory_order_acquire)) {
        }
        retryOverdueHistory(std::chrono::steady_clock::now());
        publishIfDue(std::chrono::steady_clock::now());
    }
    while (processPending() > 0) {
    }
    if (hasChanges() && m_sink)
        m_sink->publish(takeSnapshots());
    disconnectFeeds();
    m_loopFinished.store(true, std::memory_order_release);
}

void Engine::connectFeeds() {
    for (auto& [venue, client] : m_clients) {
        auto connected = client->connect();
        if (!connected)
            reject(connected.error().code, venue + ": " + connected.error().message);
    }
    for (adapters::IExecutionClient* client : m_executionClients) {
        auto connected = client->connect();
        if (!connected)
            reject(connected.error().code,
                   std::string(client->venue()) + " execution: " + connected.error().message);
    }
}

void Engine::disconnectFeeds() {
    for (adapters::IExecutionClient* client : m_executionClients)
        client->disconnect();
    for (auto& [venue, client] : m_clients)
        client->disconnect();
}

adapters::IMarketDataClient* Engine::clientFor(std::string_view venue) const {
    auto it = m_clients.find(venue);
    return it == m_clients.end() ? nullptr : it->second;
}

std::size_t Engine::processPending() {
    std::size_t applied = m_commands.drain([this](EngineCommand&& command) {
        std::visit([this](const auto& c) { apply(c); }, command);
    });
    applied +=
        m_events.drain([this](adapters::MarketDataEvent&& event) { handle(std::move(event)); },
                       m_config.maxEventsPerDrain);
    applied += drainExecution();
    return applied;
}

bool Engine::hasChanges() const {
    if (m_quotesDirty || m_feedsDirty || !m_errors.empty() || !m_closedCharts.empty() ||
        m_gateway.hasPublishable())
        return true;
    return std::any_of(m_charts.begin(), m_charts.end(),
                       [](const auto& entry) { return entry.second.hasChanges(); });
}

bool Engine::publishIfDue(std::chrono::steady_clock::time_point now) {
    if (!hasChanges() || now - m_lastPublish < m_config.frameInterval)
        return false;
    m_lastPublish = now;
    SnapshotBatch batch = takeSnapshots();
    if (m_sink)
        m_sink->publish(std::move(batch));
    return true;
}

SnapshotBatch Engine::takeSnapshots() {
    SnapshotBatch batch;
    for (auto& [id, chart] : m_charts)
        if (chart.hasChanges())
            batch.charts.push_back(chart.takeSnapshot());
    batch.closedCharts = std::move(m_closedCharts);
    m_closedCharts.clear();
    if (m_quotesDirty) {
        auto board = std::make_shared<QuoteBoardSnapshot>();
        board->version = ++m_quoteVersion;
        for (const adapters::InstrumentKey& key : m_watchlist)
            board->rows.push_back(m_instruments.at(key).row);
        batch.quotes = std::move(board);
        m_quotesDirty = false;
    }
    if (m_feedsDirty) {
        auto feeds = std::make_shared<FeedStatusSnapshot>();
        feeds->version = ++m_feedVersion;
        for (const auto& [venue, row] : m_feeds) {
            feeds->rows.push_back(row);
            feeds->rows.back().droppedEvents = m_events.droppedCount();
        }
        batch.feeds = std::move(feeds);
        m_feedsDirty = false;
    }
    batch.errors = std::move(m_errors);
    m_errors.clear();
    batch.trading = m_gateway.takeSnapshot();
    if (!batch.empty())
        batch.sequence = ++m_batchSequence;
    return batch;
}

const ChartFeed* Engine::chart(ChartId id) const {
    auto it = m_charts.find(id);
    return it == m_charts.end() ? nullptr : &it->second;
}

std::span<const Bar> Engine::minuteBars(const adapters::InstrumentKey& instrument) const {
    auto it = m_instruments.find(instrument);
    if (it == m_instruments.end())
        return {};
    m_minuteBarsCopy = it->second.minutes.toVector();
    return m_minuteBarsCopy;
}

const BarStore* Engine::minuteStore(const adapters::InstrumentKey& instrument) const {
    auto it = m_instruments.find(instrument);
    return it == m_instruments.end() ? nullptr : &it->second.minutes;
}

std::optional<Bar> Engine::formingMinute(const adapters::InstrumentKey& instrument) const {
    auto it = m_instruments.find(instrument);
    if (it == m_instruments.end())
        return std::nullopt;
    return it->second.aggregator.formingBar();
}

void Engine::reject(ErrorCode code, std::string message) {
    m_errors.push_back(Error{code, std::move(message)});
}

// ---- market data ---------------------------------------------------------------------------

void Engine::handle(adapters::MarketDataEvent&& event) {
    std::visit(
        [this](auto&& e) {
            using E = std::decay_t<decltype(e)>;
            if constexpr (std::is_same_v<E, adapters::TradeReceived>)
                onTrade(e);
            else if constexpr (std::is_same_v<E, adapters::QuoteReceived>)
                onQuote(e);
            else if constexpr (std::is_same_v<E, adapters::BarsReceived>)
                onBars(std::move(e));
            else if constexpr (std::is_same_v<E, adapters::FeedStatusChanged>)
                onFeedStatus(e);
            else {
                noteMessage(e.venue, 0); // instrument lists are for the instrument browser
                if (!e.error)
                    m_gateway.onInstruments(e.instruments); // and for the order path
            }
        },
        std::move(event));
}

void Engine::noteMessage(std::string_view venue, TimestampNs receivedTime) {
    auto it = m_feeds.find(venue);
    if (it == m_feeds.end()) {
        FeedStatusRow row;
        row.venue = std::string(venue);
        it = m_feeds.emplace(row.venue, std::move(row)).first;
    }
    it->second.lastMessageNs = receivedTime != 0 ? receivedTime : wallClockNs();
    ++it->second.messageCount;
    m_feedsDirty = true;
}

void Engine::onTrade(const adapters::TradeReceived& trade) {
    noteMessage(trade.instrument.venue(), trade.receivedTime);
    m_gateway.onMarketPrice(trade.instrument, trade.tick.price, Price{}, Price{}, wallClockNs());
    auto it = m_instruments.find(trade.instrument);
    if (it == m_instruments.end()) {
        ++m_ignoredTrades;
        return;
    }
    InstrumentState& state = it->second;
    m_closedScratch.clear();
    if (state.aggregator.addTrade(trade.tick, m_closedScratch) != TradeOutcome::Merged)
        return;

    if (!state.firstLiveMinute) {
        // History may end with the bar still forming at the venue; the live bar of that
        // minute replaces it (see docs/engine.md: the first live minute is partial).
        const TimestampNs first = m_closedScratch.empty() ? kMinute.bucketStart(trade.tick.time)
                                                          : m_closedScratch.front().openTime;
        state.firstLiveMinute = first;
        const std::size_t keep = state.minutes.lowerBound(first);
        if (keep != state.minutes.size()) {
            state.minutes.truncate(keep);
            storeMinutes(state, m_closedScratch);
            rebuildCharts(state);
            updateQuoteRow(state, trade.tick);
            return;
        }
    }
    storeMinutes(state, m_closedScratch);
    for (ChartId id : state.charts)
        m_charts.at(id).advance(m_closedScratch, state.aggregator.formingBar());
    updateQuoteRow(state, trade.tick);
}

void Engine::updateQuoteRow(InstrumentState& state, const Tick& tick) {
    QuoteBoardRow& row = state.row;
    const TimestampNs day = dayStart(tick.time);
    if (!row.hasLast || day != state.day) {
        if (row.hasLast && row.lastTradeTime < day) {
            state.reference = row.last;
        } else {
            const std::size_t before = state.minutes.lowerBound(day);
            state.reference = before > 0 ? state.minutes.bar(before - 1).close : tick.price;
        }
        state.hasReference = true;
        state.day = day;
        row.dayVolume = Quantity{};
    }
    if (!row.hasLast || tick.price == row.last)
        row.direction = TickDirection::Unchanged;
    else
        row.direction = tick.price > row.last ? TickDirection::Up : TickDirection::Down;
    row.last = tick.price;
    row.hasLast = true;
    row.lastTradeTime = std::max(row.lastTradeTime, tick.time);
    if (auto volume = row.dayVolume.add(tick.size))
        row.dayVolume = *volume;
    const double reference = state.reference.toDouble();
    row.changePercent = reference != 0.0 ? (row.last.toDouble() / reference - 1.0) * 100.0
                                         : std::numeric_limits<double>::quiet_NaN();
    if (state.watched)
        m_quotesDirty = true;
}

void Engine::onQuote(const adapters::QuoteReceived& quote) {
    noteMessage(quote.instrument.venue(), quote.receivedTime);
    m_gateway.onMarketPrice(quote.instrument, Price{}, quote.quote.bidPrice, quote.quote.askPrice,
                            wallClockNs());
    auto it = m_instruments.find(quote.instrument);
    if (it == m_instruments.end())
        return;
    QuoteBoardRow& row = it->second.row;
    row.bid = quote.quote.bidPrice;
    row.ask = quote.quote.askPrice;
    row.hasQuote = true;
    if (it->second.watched)
        m_quotesDirty = true;
}

void Engine::onBars(adapters::BarsReceived&& answer) {
    noteMessage(answer.instrument.venue(), 0);
    auto pending = std::find_if(
        m_pendingHistory.begin(), m_pendingHistory.end(),
        [&answer](const PendingHistory& p) { return p.request.requestId == answer.requestId; });
    auto it = m_instruments.find(answer.instrument);
    HistoryPurpose purpose = HistoryPurpose::Latest;
    Timeframe asked = kMinute;
    if (pending != m_pendingHistory.end()) {
        purpose = pending->purpose;
        asked = pending->request.timeframe;
        m_pendingHistory.erase(pending);
    } else if (answer.requestId != 0 || it == m_instruments.end() || it->second.historyRequested) {
        return; // closed meanwhile, asked again, or an answer to someone else's request
    }
    // (requestId 0 to an instrument that asked nothing: history fed without a venue, as tests
    // and replays do; it is taken as the latest 1m history.)
    if (it == m_instruments.end())
        return;
    InstrumentState& state = it->second;
    const std::string name = answer.instrument.toString();
    if (answer.error) {
        reject(answer.error->code, "history of " + name + ": " + answer.error->message);
        if (purpose == HistoryPurpose::Older)
            finishOlderLoad(state);
        return;
    }
    if (answer.timeframe != asked) {
        reject(ErrorCode::InvalidArgument,
               "history of " + name + " is not in " + asked.toString() + " bars");
        if (purpose == HistoryPurpose::Older)
            finishOlderLoad(state);
        return;
    }
    for (std::size_t i = 0; i < answer.bars.size(); ++i) {
        const Bar& bar = answer.bars[i];
        const bool ordered = i == 0 || answer.bars[i - 1].openTime < bar.openTime;
        if (bar.timeframe != asked || asked.bucketStart(bar.openTime) != bar.openTime || !ordered ||
            !bar.isConsistent()) {
            reject(ErrorCode::InvalidArgument,
                   "history of " + name + ": bar " + std::to_string(i) + " is malformed");
            if (purpose == HistoryPurpose::Older)
                finishOlderLoad(state);
            return;
        }
    }
    switch (purpose) {
    case HistoryPurpose::Latest:
        mergeLatestHistory(state, answer);
        break;
    case HistoryPurpose::Older:
        prependOlderHistory(state, answer);
        break;
    case HistoryPurpose::PreviousClose:
        seedQuoteRow(state, answer.bars);
        break;
    case HistoryPurpose::Invalid:
        break;
    }
}

void Engine::mergeLatestHistory(InstrumentState& state, const adapters::BarsReceived& answer) {
    // History covers what came before the first live minute; live bars win from there on.
    const TimestampNs liveFrom =
        state.firstLiveMinute.value_or(std::numeric_limits<TimestampNs>::max());
    auto historyEnd =
        std::partition_point(answer.bars.begin(), answer.bars.end(),
                             [liveFrom](const Bar& b) { return b.openTime < liveFrom; });
    const std::size_t liveBegin = state.minutes.lowerBound(liveFrom);
    const std::vector<Bar> live = state.minutes.bars(liveBegin, state.minutes.size());
    BarStore merged;
    auto stored = merged.append(std::span<const Bar>(
        answer.bars.data(), static_cast<std::size_t>(historyEnd - answer.bars.begin())));
    if (stored)
        stored = merged.append(live);
    if (!stored) {
        reject(stored.error().code,
               "history of " + state.key.toString() + ": " + stored.error().message);
        return;
    }
    state.minutes = std::move(merged);
    if (!answer.hasOlder)
        markHistoryStart(state);
    rebuildCharts(state);
    // The row needs the newest bar and the last one before its day.
    if (!state.minutes.empty()) {
        const TimestampNs day =
            state.row.hasLast ? state.day : dayStart(state.minutes.back().openTime);
        const std::size_t from = state.minutes.lowerBound(day);
        seedQuoteRow(state, state.minutes.bars(from > 0 ? from - 1 : 0, state.minutes.size()));
    }
}

void Engine::prependOlderHistory(InstrumentState& state, const adapters::BarsReceived& answer) {
    // Only what is older than the bars held (the store may have changed since the request).
    const TimestampNs oldest =
        state.minutes.empty() ? std::numeric_limits<TimestampNs>::max() : state.minutes.openTime(0);
    auto olderEnd = std::partition_point(answer.bars.begin(), answer.bars.end(),
                                         [oldest](const Bar& b) { return b.openTime < oldest; });
    // An empty page ends the history as well: asking again would bring the same nothing.
    const bool atStart = !answer.hasOlder || olderEnd == answer.bars.begin();
    if (atStart)
        markHistoryStart(state);
    const auto count = static_cast<std::size_t>(olderEnd - answer.bars.begin());
    if (count > 0) {
        auto prepended = state.minutes.prepend(std::span<const Bar>(answer.bars.data(), count));
        if (!prepended) {
            reject(prepended.error().code,
                   "history of " + state.key.toString() + ": " + prepended.error().message);
            finishOlderLoad(state);
            return;
        }
        if (!state.olderLoad) {
            rebuildCharts(state); // no load in progress (it was ended meanwhile)
            return;
        }
        OlderLoad& load = *state.olderLoad;
        load.unshown = true;
        load.minutesReceived += count;
        // Chart bars gained: buckets older than every one counted so far (newest first).
        for (std::size_t i = count; i-- > 0;) {
            const TimestampNs bucket = load.timeframe.bucketStart(answer.bars[i].openTime);
            if (bucket < load.oldestBucket) {
                load.oldestBucket = bucket;
                ++load.chartBarsGained;
            }
        }
    }
    // The next page, until the chart that scrolled has what it asked for.
    if (state.olderLoad && !atStart) {
        const OlderLoad& load = *state.olderLoad;
        const bool enough = load.minutesReceived >= load.minutesWanted &&
                            load.chartBarsGained >= load.chartBarsWanted;
        if (!enough && load.minutesReceived < load.minutesMax &&
            requestHistory(state, HistoryPurpose::Older, state.minutes.front().openTime))
            return;
    }
    finishOlderLoad(state);
}

void Engine::finishOlderLoad(InstrumentState& state) {
    const bool unshown = state.olderLoad && state.olderLoad->unshown;
    state.olderLoad.reset();
    if (unshown)
        rebuildCharts(state);
}

void Engine::markHistoryStart(InstrumentState& state) {
    state.historyStart = true;
    for (ChartId id : state.charts)
        m_charts.at(id).setHistoryStart(true);
}

// A quote-board row before any trade (a closed market): the newest bar's close as the last
// price, the change against the last close before that bar's UTC day (the previous session),
// and no volume (the day's volume counts live trades). When trades came first, the answer
// only supplies the previous close they lacked.
void Engine::seedQuoteRow(InstrumentState& state, std::span<const Bar> bars) {
    if (bars.empty())
        return;
    QuoteBoardRow& row = state.row;
    const bool fromBars = !row.hasLast;
    const TimestampNs day = fromBars ? dayStart(bars.back().openTime) : state.day;
    auto before = std::partition_point(bars.begin(), bars.end(),
                                       [day](const Bar& b) { return b.openTime < day; });
    if (fromBars) {
        const Bar& newest = bars.back();
        row.last = newest.close;
        row.hasLast = true;
        row.lastTradeTime = newest.openTime;
        row.direction = TickDirection::Unchanged;
        row.dayVolume = Quantity{};
        state.day = day;
        state.reference = before != bars.begin()
                              ? std::prev(before)->close
                              : (before != bars.end() ? before->open : newest.close);
        state.hasReference = true;
    } else if (before != bars.begin()) {
        state.reference = std::prev(before)->close;
        state.hasReference = true;
    } else {
        return;
    }
    const double reference = state.reference.toDouble();
    row.changePercent = reference != 0.0 ? (row.last.toDouble() / reference - 1.0) * 100.0
                                         : std::numeric_limits<double>::quiet_NaN();
    if (state.watched)
        m_quotesDirty = true;
}

void Engine::onFeedStatus(const adapters::FeedStatusChanged& status) {
    noteMessage(status.venue, 0);
    FeedStatusRow& row = m_feeds.find(status.venue)->second;
    row.state = status.state;
    row.detail = status.message;
}

void Engine::storeMinutes(InstrumentState& state, std::span<const Bar> closed) {
    auto stored = state.minutes.append(closed);
    if (!stored)
        reject(stored.error().code,
               "1m bars of " + state.key.toString() + ": " + stored.error().message);
}

void Engine::rebuildCharts(InstrumentState& state) {
    for (ChartId id : state.charts)
        m_charts.at(id).rebuild(state.minutes, state.aggregator.formingBar());
}

// ---- commands ------------------------------------------------------------------------------

Engine::InstrumentState& Engine::useInstrument(const adapters::InstrumentKey& key,
                                               bool wantHistory) {
    auto [it, inserted] = m_instruments.try_emplace(key, key);
    InstrumentState& state = it->second;
    state.row.instrument = key;
    adapters::IMarketDataClient* client = clientFor(key.venue());
    if (inserted && client) {
        auto subscribed = client->subscribe(adapters::SubscribeMarketData{key, true, true});
        if (!subscribed)
            reject(subscribed.error().code, key.toString() + ": " + subscribed.error().message);
    }
    if (wantHistory && !state.historyRequested && client)
        state.historyRequested =
            requestHistory(state, HistoryPurpose::Latest, adapters::RequestBars::kLatest);
    return state;
}

bool Engine::isPending(const adapters::InstrumentKey& key, HistoryPurpose purpose) const {
    return std::any_of(m_pendingHistory.begin(), m_pendingHistory.end(),
                       [&](const PendingHistory& p) {
                           return p.purpose == purpose && p.request.instrument == key;
                       });
}

bool Engine::requestHistory(InstrumentState& state, HistoryPurpose purpose, TimestampNs endTime) {
    adapters::IMarketDataClient* client = clientFor(state.key.venue());
    if (!client)
        return false;
    const auto& caps = client->capabilities();
    auto offers = [&caps](const Timeframe& tf) {
        return std::find(caps.historyTimeframes.begin(), caps.historyTimeframes.end(), tf) !=
               caps.historyTimeframes.end();
    };
    adapters::RequestBars request;
    request.instrument = state.key;
    request.endTime = endTime;
    request.timeframe = kMinute;
    int limit = m_config.historyBars;
    if (purpose == HistoryPurpose::Older) {
        limit = m_config.historyPageBars;
        if (const auto& load = state.olderLoad) {
            // What is still missing, in 1m bars: the chart bars estimated at their full length
            // (a market with sessions needs fewer; the next page's answer is counted again).
            const std::size_t missingBars = load->chartBarsWanted > load->chartBarsGained
                                                ? load->chartBarsWanted - load->chartBarsGained
                                                : 0;
            const std::size_t minutesPerBar =
                load->timeframe.isFixedLength()
                    ? static_cast<std::size_t>(load->timeframe.durationNs() / kNsPerMinute)
                    : static_cast<std::size_t>(31 * 24 * 60);
            std::size_t missing = load->minutesWanted > load->minutesReceived
                                      ? load->minutesWanted - load->minutesReceived
                                      : 0;
            missing = std::max(missing, missingBars * minutesPerBar);
            missing = std::min(missing, load->minutesMax - load->minutesReceived);
            limit = static_cast<int>(
                std::min<std::size_t>(missing, static_cast<std::size_t>(caps.maxBarsPerRequest)));
        }
    } else if (purpose == HistoryPurpose::PreviousClose) {
        const bool daily = offers(kDay);
        request.timeframe = daily ? kDay : kMinute;
        limit = daily ? kPreviousCloseDailyBars : kPreviousCloseMinuteBars;
    }
    if (!offers(request.timeframe))
        return false;
    request.limit = std::max(1, std::min(limit, caps.maxBarsPerRequest));
    request.requestId = m_nextRequestId++;
    auto requested = client->requestBars(request);
    if (!requested) {
        reject(requested.error().code,
               "history of " + state.key.toString() + ": " + requested.error().message);
        return false;
    }
    m_pendingHistory.push_back(PendingHistory{
        purpose, request, 1, std::chrono::steady_clock::now() + m_config.historyTimeout});
    return true;
}

std::size_t Engine::retryOverdueHistory(std::chrono::steady_clock::time_point now) {
    std::size_t retried = 0;
    for (auto it = m_pendingHistory.begin(); it != m_pendingHistory.end();) {
        if (now < it->deadline) {
            ++it;
            continue;
        }
        const std::string name = it->request.instrument.toString();
        adapters::IMarketDataClient* client = clientFor(it->request.instrument.venue());
        if (it->attempts > m_config.historyRetries || !client) {
            reject(ErrorCode::Unavailable, "history of " + name + ": no answer after " +
                                               std::to_string(it->attempts) + " requests");
            const bool older = it->purpose == HistoryPurpose::Older;
            const adapters::InstrumentKey key = it->request.instrument;
            it = m_pendingHistory.erase(it);
            if (auto state = m_instruments.find(key); older && state != m_instruments.end())
                finishOlderLoad(state->second);
            continue;
        }
        // A fresh id: a late answer to the lost request is ignored, the new one is taken.
        it->request.requestId = m_nextRequestId++;
        ++it->attempts;
        it->deadline = now + m_config.historyTimeout;
        auto requested = client->requestBars(it->request);
        if (!requested) {
            reject(requested.error().code, "history of " + name + ": " + requested.error().message);
            const bool older = it->purpose == HistoryPurpose::Older;
            const adapters::InstrumentKey key = it->request.instrument;
            it = m_pendingHistory.erase(it);
            if (auto state = m_instruments.find(key); older && state != m_instruments.end())
                finishOlderLoad(state->second);
            continue;
        }
        ++retried;
        ++it;
    }
    return retried;
}

void Engine::releaseIfUnused(const adapters::InstrumentKey& key) {
    auto it = m_instruments.find(key);
    if (it == m_instruments.end() || it->second.watched || !it->second.charts.empty())
        return;
    m_pendingHistory.erase(
        std::remove_if(m_pendingHistory.begin(), m_pendingHistory.end(),
                       [&key](const PendingHistory& p) { return p.request.instrument == key; }),
        m_pendingHistory.end());
    if (adapters::IMarketDataClient* client = clientFor(key.venue()))
        (void)client->unsubscribe(adapters::UnsubscribeMarketData{key, true, true});
    m_instruments.erase(it);
}

void Engine::apply(const OpenChart& command) {
    if (m_charts.count(command.chartId)) {
        reject(ErrorCode::InvalidArgument, chartName(command.chartId) + " is already open");
        return;
    }
    if (command.instrument.isEmpty()) {
        reject(ErrorCode::InvalidArgument, chartName(command.chartId) + ": no instrument");
        return;
    }
    if (!command.timeframe.isValid() || !kMinute.nestsWithin(command.timeframe)) {
        reject(ErrorCode::Unsupported,
               chartName(command.chartId) + ": charts need a timeframe of whole minutes or longer");
        return;
    }
    InstrumentState& state = useInstrument(command.instrument, true);
    state.charts.push_back(command.chartId);
    auto [it, inserted] = m_charts.try_emplace(command.chartId, command.chartId, command.instrument,
                                               command.timeframe);
    it->second.rebuild(state.minutes, state.aggregator.formingBar());
    it->second.setHistoryStart(state.historyStart);
}

void Engine::apply(const CloseChart& command) {
    auto it = m_charts.find(command.chartId);
    if (it == m_charts.end()) {
        reject(ErrorCode::NotFound, chartName(command.chartId) + " is not open");
        return;
    }
    const adapters::InstrumentKey key = it->second.instrument();
    m_charts.erase(it);
    m_closedCharts.push_back(command.chartId);
    std::vector<ChartId>& charts = m_instruments.at(key).charts;
    charts.erase(std::remove(charts.begin(), charts.end(), command.chartId), charts.end());
    releaseIfUnused(key);
}

void Engine::apply(const SetTimeframe& command) {
    auto it = m_charts.find(command.chartId);
    if (it == m_charts.end()) {
        reject(ErrorCode::NotFound, chartName(command.chartId) + " is not open");
        return;
    }
    if (!command.timeframe.isValid() || !kMinute.nestsWithin(command.timeframe)) {
        reject(ErrorCode::Unsupported,
               chartName(command.chartId) + ": charts need a timeframe of whole minutes or longer");
        return;
    }
    const InstrumentState& state = m_instruments.at(it->second.instrument());
    it->second.setTimeframe(command.timeframe, state.minutes, state.aggregator.formingBar());
}

void Engine::apply(const AddIndicator& command) {
    auto it = m_charts.find(command.chartId);
    if (it == m_charts.end()) {
        reject(ErrorCode::NotFound, chartName(command.chartId) + " is not open");
        return;
    }
    auto configured = indicators::IndicatorRegistry::builtin().parse(command.spec);
    if (!configured) {
        reject(configured.error().code, chartName(command.chartId) + ": indicator '" +
                                            command.spec + "': " + configured.error().message);
        return;
    }
    auto added = it->second.addIndicator(command.indicatorId, *configured);
    if (!added)
        reject(added.error().code, added.error().message);
}

void Engine::apply(const RemoveIndicator& command) {
    auto it = m_charts.find(command.chartId);
    if (it == m_charts.end()) {
        reject(ErrorCode::NotFound, chartName(command.chartId) + " is not open");
        return;
    }
    auto removed = it->second.removeIndicator(command.indicatorId);
    if (!removed)
        reject(removed.error().code, removed.error().message);
}

void Engine::apply(const SubscribeQuotes& command) {
    if (command.instrument.isEmpty()) {
        reject(ErrorCode::InvalidArgument, "quote board: no instrument");
        return;
    }
    InstrumentState& state = useInstrument(command.instrument, false);
    if (state.watched)
        return;
    state.watched = true;
    m_watchlist.push_back(command.instrument);
    m_quotesDirty = true;
    // A closed market sends no trade: the row starts from the venue's last bars (what a real
    // venue's 24h / previous-close snapshot gives), unless a chart's history will do it.
    if (!state.row.hasLast && !state.historyRequested &&
        !isPending(command.instrument, HistoryPurpose::PreviousClose))
        requestHistory(state, HistoryPurpose::PreviousClose, adapters::RequestBars::kLatest);
}

void Engine::apply(const UnsubscribeQuotes& command) {
    auto it = std::find(m_watchlist.begin(), m_watchlist.end(), command.instrument);
    if (it == m_watchlist.end()) {
        reject(ErrorCode::NotFound,
               "quote board: " + command.instrument.toString() + " is not on it");
        return;
    }
    m_watchlist.erase(it);
    m_instruments.at(command.instrument).watched = false;
    m_quotesDirty = true;
    releaseIfUnused(command.instrument);
}

void Engine::apply(const LoadOlderBars& command) {
    auto it = m_charts.find(command.chartId);
    if (it == m_charts.end()) {
        reject(ErrorCode::NotFound, chartName(command.chartId) + " is not open");
        return;
    }
    InstrumentState& state = m_instruments.at(it->second.instrument());
    if (state.historyStart || isPending(state.key, HistoryPurpose::Older) ||
        isPending(state.key, HistoryPurpose::Latest))
        return; // nothing older exists, or the answer is on its way
    if (state.minutes.empty()) {
        // The first history was lost or failed: ask for it again.
        state.historyRequested =
            requestHistory(state, HistoryPurpose::Latest, adapters::RequestBars::kLatest);
        return;
    }
    // Sized for the chart that scrolled: ~historyPageChartBars of its bars, in 1m pages.
    const Timeframe& timeframe = it->second.timeframe();
    OlderLoad load;
    load.timeframe = timeframe;
    load.minutesWanted = static_cast<std::size_t>(std::max(1, m_config.historyPageBars));
    load.chartBarsWanted =
        timeframe == kMinute ? 0
                             : static_cast<std::size_t>(std::max(1, m_config.historyPageChartBars));
    load.minutesMax = std::max(load.minutesWanted,
                               static_cast<std::size_t>(std::max(1, m_config.historyLoadMaxBars)));
    load.oldestBucket = timeframe.bucketStart(state.minutes.front().openTime);
    state.olderLoad = load;
    if (!requestHistory(state, HistoryPurpose::Older, state.minutes.front().openTime))
        state.olderLoad.reset();
}

void Engine::apply(const TradingCommand& command) {
    m_gateway.apply(command, wallClockNs());
}

void Engine::apply(const SetPlaybackSpeed& command) {
    adapters::IMarketDataClient* client = clientFor(command.venue);
    if (!client) {
        reject(ErrorCode::NotFound, "playback speed: no venue '" + command.venue + "'");
        return;
    }
    auto set = client->setPlaybackSpeed(command.speed);
    if (!set)
        reject(set.error().code, command.venue + ": " + set.error().message);
}

} // namespace cw::engine
