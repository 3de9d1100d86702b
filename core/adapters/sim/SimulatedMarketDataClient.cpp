// SPDX-License-Identifier: MIT
#include "core/adapters/sim/SimulatedMarketDataClient.hpp"

#include "core/adapters/sim/SimulationClock.hpp"

#include <chrono>
#include <cmath>
#include <string>

namespace cw::adapters::sim {

namespace {

TimestampNs steadyNow() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

TimestampNs wallNow() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

} // namespace

Result<std::unique_ptr<SimulatedMarketDataClient>>
SimulatedMarketDataClient::create(SimulationConfig config, IMarketDataSink& sink) {
    auto exchange = SimulatedExchange::create(std::move(config));
    if (!exchange)
        return exchange.error();
    return create(std::move(*exchange), sink);
}

std::unique_ptr<SimulatedMarketDataClient>
SimulatedMarketDataClient::create(std::shared_ptr<SimulatedExchange> exchange,
                                  IMarketDataSink& sink) {
    CW_ASSERT(exchange);
    return std::unique_ptr<SimulatedMarketDataClient>(
        new SimulatedMarketDataClient(std::move(exchange), sink));
}

SimulatedMarketDataClient::SimulatedMarketDataClient(std::shared_ptr<SimulatedExchange> exchange,
                                                     IMarketDataSink& sink)
    : m_exchange(std::move(exchange)), m_config(m_exchange->config()), m_sink(sink),
      m_speed(m_config.speed) {
    const Timeframe minute = Timeframe::minutes(1);
    for (const Timeframe& timeframe : Timeframe::standard())
        if (timeframe == minute || minute.nestsWithin(timeframe))
            m_capabilities.historyTimeframes.push_back(timeframe);
    m_capabilities.maxBarsPerRequest = kMaxBarsPerRequest;
    m_capabilities.streamsTrades = true;
    m_capabilities.streamsQuotes = true;
    m_streams.resize(m_config.instruments.size());
}

SimulatedMarketDataClient::~SimulatedMarketDataClient() {
    disconnect();
}

Result<void> SimulatedMarketDataClient::connect() {
    if (m_driver.joinable()) {
        if (m_state.load() != FeedState::Error)
            return {}; // already connecting or connected
        m_driver.join();
    }
    {
        std::lock_guard lock(m_mutex);
        m_stopRequested = false;
    }
    m_state = FeedState::Connecting;
    m_driver = std::thread([this] { run(); });
    return {};
}

void SimulatedMarketDataClient::disconnect() {
    if (!m_driver.joinable())
        return;
    const bool failedAlready = m_state.load() == FeedState::Error;
    {
        std::lock_guard lock(m_mutex);
        m_stopRequested = true;
    }
    m_wake.notify_all();
    m_driver.join();
    {
        std::lock_guard lock(m_mutex);
        std::fill(m_streams.begin(), m_streams.end(), Streams{});
        m_pendingRequests.clear();
    }
    if (failedAlready) // the driver ended on its own; say that the feed is now closed
        postStatus(FeedState::Disconnected, "disconnected", m_simulatedTime.load());
}

Result<std::size_t>
SimulatedMarketDataClient::checkInstrument(const InstrumentKey& instrument) const {
    if (instrument.venue() != kVenue)
        return fail(ErrorCode::InvalidArgument, "instrument " + instrument.toString() +
                                                    " is not on venue " + std::string(kVenue));
    for (std::size_t i = 0; i < m_config.instruments.size(); ++i)
        if (m_config.instruments[i].instrument.symbol == instrument.symbol())
            return i;
    return fail(ErrorCode::NotFound,
                "the simulated exchange lists no '" + std::string(instrument.symbol()) + "'");
}

Result<void> SimulatedMarketDataClient::subscribe(const SubscribeMarketData& command) {
    if (!m_driver.joinable())
        return fail(ErrorCode::InvalidArgument, "the simulated feed is not connected");
    if (!command.trades && !command.quotes)
        return fail(ErrorCode::InvalidArgument, "subscription selects no stream");
    auto index = checkInstrument(command.instrument);
    if (!index)
        return index.error();
    std::lock_guard lock(m_mutex);
    Streams& streams = m_streams[*index];
    streams.trades = streams.trades || command.trades;
    streams.quotes = streams.quotes || command.quotes;
    return {};
}

Result<void> SimulatedMarketDataClient::unsubscribe(const UnsubscribeMarketData& command) {
    auto index = checkInstrument(command.instrument);
    if (!index)
        return index.error();
    std::lock_guard lock(m_mutex);
    Streams& streams = m_streams[*index];
    streams.trades = streams.trades && !command.trades;
    streams.quotes = streams.quotes && !command.quotes;
    return {};
}

Result<void> SimulatedMarketDataClient::requestBars(const RequestBars& command) {
    if (!m_driver.joinable())
        return fail(ErrorCode::InvalidArgument, "the simulated feed is not connected");
    auto index = checkInstrument(command.instrument);
    if (!index)
        return index.error();
    const auto& supported = m_capabilities.historyTimeframes;
    if (std::find(supported.begin(), supported.end(), command.timeframe) == supported.end())
        return fail(ErrorCode::Unsupported,
                    "the simulated exchange has no " + command.timeframe.toString() + " history");
    if (command.limit < 1 || command.limit > kMaxBarsPerRequest)
        return fail(ErrorCode::InvalidArgument,
                    "bar limit must be between 1 and " + std::to_string(kMaxBarsPerRequest));
    {
        std::lock_guard lock(m_mutex);
        m_pendingRequests.push_back(command);
    }
    m_wake.notify_all();
    return {};
}

Result<void> SimulatedMarketDataClient::setSpeed(double speed) {
    if (!std::isfinite(speed) || speed < SimulationConfig::kMinSpeed ||
        speed > SimulationConfig::kMaxSpeed)
        return fail(ErrorCode::InvalidArgument, "simulation speed must be between 0.1 and 1000");
    m_speed = speed;
    {
        std::lock_guard lock(m_mutex);
        m_speedChanged = true;
    }
    m_wake.notify_all();
    return {};
}

void SimulatedMarketDataClient::postStatus(FeedState state, std::string message, TimestampNs time) {
    m_state = state;
    m_sink.post(FeedStatusChanged{std::string(kVenue), state, std::move(message), time});
}

BarsReceived SimulatedMarketDataClient::answer(const SimulatedMarket& market,
                                               const RequestBars& request) const {
    BarsReceived reply;
    reply.requestId = request.requestId;
    reply.instrument = request.instrument;
    reply.timeframe = request.timeframe;
    const auto index = market.indexOf(request.instrument.symbol());
    if (!index) {
        reply.error = fail(ErrorCode::NotFound, "unknown symbol");
        return reply;
    }
    auto page = market.barsBefore(*index, request.timeframe, request.endTime,
                                  static_cast<std::size_t>(request.limit));
    if (!page) {
        reply.error = page.error();
        return reply;
    }
    reply.bars = std::move(page->bars);
    reply.hasOlder = page->hasOlder;
    return reply;
}

void SimulatedMarketDataClient::run() {
    postStatus(FeedState::Connecting,
               "generating " + std::to_string(m_config.historyDays) + " days of history",
               m_config.startTime != 0 ? m_config.startTime : wallNow());
    // The shared exchange builds the market once; a reconnect continues where it stopped.
    auto started = m_exchange->startMarket();
    if (!started) {
        postStatus(FeedState::Error, started.error().message, wallNow());
        return;
    }
    SimulationClock clock(*started, steadyNow(), m_speed.load());
    m_simulatedTime = *started;
    postStatus(FeedState::Connected, "", *started);

    std::vector<SimulatedExchange::StreamSelection> streams(m_streams.size());
    std::vector<RequestBars> requests;
    const auto step = std::chrono::milliseconds(m_config.driverStepMs);
    for (;;) {
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait_for(lock, step, [this] {
                return m_stopRequested || m_speedChanged || !m_pendingRequests.empty();
            });
            if (m_stopRequested)
                break;
            requests.swap(m_pendingRequests);
            if (m_speedChanged) {
                clock.setSpeed(m_speed.load(), steadyNow());
                m_speedChanged = false;
            }
            for (std::size_t i = 0; i < m_streams.size(); ++i)
                streams[i] = {m_streams[i].trades, m_streams[i].quotes};
        }
        const TimestampNs now = clock.simulatedAt(steadyNow());
        m_exchange->advanceTo(now, streams, m_sink);
        m_simulatedTime = now;
        for (const RequestBars& request : requests)
            m_sink.post(*m_exchange->withMarket(
                [&](const SimulatedMarket& market) { return answer(market, request); }));
        requests.clear();
    }
    postStatus(FeedState::Disconnected, "disconnected", m_simulatedTime.load());
}

} // namespace cw::adapters::sim
