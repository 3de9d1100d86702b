// SPDX-License-Identifier: MIT
#include "core/adapters/sim/SimulatedExchange.hpp"

#include "core/adapters/sim/PaperAccountFile.hpp"

#include <chrono>

namespace cw::adapters::sim {

void SimulatedExchange::OrderedSink::post(ExecutionEvent&& event) {
    if (!m_enabled)
        return;
    if (m_holding)
        m_held.push_back(std::move(event));
    else
        m_target.post(std::move(event));
}

void SimulatedExchange::OrderedSink::release() {
    m_holding = false;
    for (ExecutionEvent& event : m_held)
        m_target.post(std::move(event));
    m_held.clear();
}

SimulatedExchange::SimulatedExchange(SimulationConfig config) : m_config(std::move(config)) {}

Result<std::shared_ptr<SimulatedExchange>> SimulatedExchange::create(SimulationConfig config,
                                                                     IExecutionSink* execution) {
    if (auto valid = config.validate(); !valid)
        return valid.error();
    std::shared_ptr<SimulatedExchange> exchange(new SimulatedExchange(std::move(config)));
    if (execution) {
        const PaperBrokerConfig& paper = exchange->m_config.paper;
        exchange->m_sink = std::make_unique<OrderedSink>(*execution);
        exchange->m_broker = std::make_unique<PaperMatchingEngine>(exchange->m_config.instruments,
                                                                   paper, *exchange->m_sink);
        if (!paper.accountFile.empty()) {
            auto loaded = PaperAccountFile::load(paper.accountFile);
            if (!loaded)
                return loaded.error();
            if (*loaded)
                if (auto restored = exchange->m_broker->restore(**loaded); !restored)
                    return restored.error();
        }
    }
    return exchange;
}

Result<TimestampNs> SimulatedExchange::startMarket() {
    std::lock_guard lock(m_mutex);
    if (m_market)
        return m_market->now();
    auto created = SimulatedMarket::create(m_config);
    if (!created)
        return created.error();
    m_market.emplace(std::move(*created));
    if (m_broker)
        for (std::size_t i = 0; i < m_market->instrumentCount(); ++i)
            m_broker->setLastTrade(i, m_market->lastTradePrice(i));
    return m_market->startTime();
}

TimestampNs SimulatedExchange::now() const {
    std::lock_guard lock(m_mutex);
    if (m_market)
        return m_market->now();
    if (m_config.startTime != 0)
        return m_config.startTime;
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

void SimulatedExchange::advanceTo(TimestampNs now, const std::vector<StreamSelection>& streams,
                                  IMarketDataSink& marketData) {
    std::lock_guard lock(m_mutex);
    if (!m_market)
        return;
    for (std::size_t i = 0; i < streams.size() && i < m_market->instrumentCount(); ++i)
        m_market->setStreams(i, streams[i].trades, streams[i].quotes);
    m_events.clear();
    if (m_broker) {
        m_sink->hold(true);
        m_market->advanceTo(now, m_events, [this](const MarketDataEvent& event) {
            if (const auto* trade = std::get_if<TradeReceived>(&event))
                m_broker->onTrade(*trade);
            else if (const auto* quote = std::get_if<QuoteReceived>(&event))
                m_broker->onQuote(*quote);
        });
        m_broker->advanceTime(m_market->now());
    } else {
        m_market->advanceTo(now, m_events);
    }
    for (MarketDataEvent& event : m_events)
        marketData.post(std::move(event));
    m_events.clear();
    if (m_broker) {
        m_sink->release();
        saveIfChanged();
    }
}

void SimulatedExchange::submit(const SubmitOrder& command) {
    std::lock_guard lock(m_mutex);
    CW_ASSERT(m_broker);
    m_broker->submit(command, m_market ? m_market->now() : m_config.startTime);
    saveIfChanged();
}

void SimulatedExchange::modify(const ModifyOrder& command) {
    std::lock_guard lock(m_mutex);
    CW_ASSERT(m_broker);
    m_broker->modify(command, m_market ? m_market->now() : m_config.startTime);
    saveIfChanged();
}

void SimulatedExchange::cancel(const CancelOrder& command) {
    std::lock_guard lock(m_mutex);
    CW_ASSERT(m_broker);
    m_broker->cancel(command, m_market ? m_market->now() : m_config.startTime);
    saveIfChanged();
}

void SimulatedExchange::cancelAll(const CancelAllOrders& command) {
    std::lock_guard lock(m_mutex);
    CW_ASSERT(m_broker);
    m_broker->cancelAll(command, m_market ? m_market->now() : m_config.startTime);
    saveIfChanged();
}

void SimulatedExchange::reconcile(std::uint64_t requestId) {
    std::lock_guard lock(m_mutex);
    CW_ASSERT(m_broker);
    m_broker->reconcile(requestId, m_market ? m_market->now() : m_config.startTime);
}

void SimulatedExchange::setExecutionEventsEnabled(bool enabled) {
    std::lock_guard lock(m_mutex);
    if (m_sink)
        m_sink->enable(enabled);
}

void SimulatedExchange::postStatus(ExecutionStatusChanged status) {
    std::lock_guard lock(m_mutex);
    if (m_sink)
        m_sink->post(std::move(status));
}

PaperAccountState SimulatedExchange::paperState() const {
    std::lock_guard lock(m_mutex);
    CW_ASSERT(m_broker);
    return m_broker->state(m_market ? m_market->now() : m_config.startTime);
}

std::string SimulatedExchange::lastSaveError() const {
    std::lock_guard lock(m_mutex);
    return m_lastSaveError;
}

void SimulatedExchange::saveIfChanged() {
    if (!m_broker->takeChanged() || m_config.paper.accountFile.empty())
        return;
    auto saved =
        PaperAccountFile::save(m_config.paper.accountFile,
                               m_broker->state(m_market ? m_market->now() : m_config.startTime));
    if (saved) {
        m_lastSaveError.clear();
        return;
    }
    if (saved.error().message != m_lastSaveError) {
        m_lastSaveError = saved.error().message;
        m_sink->post(ExecutionStatusChanged{"SIM", FeedState::Connected,
                                            "could not save the paper account: " + m_lastSaveError,
                                            m_market ? m_market->now() : m_config.startTime});
    }
}

} // namespace cw::adapters::sim
