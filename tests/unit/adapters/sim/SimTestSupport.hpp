// SPDX-License-Identifier: MIT
#pragma once

#include "core/adapters/IMarketDataSink.hpp"
#include "core/adapters/sim/SimulationConfig.hpp"

#include <mutex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace cw::adapters::sim::testing {

/// Wednesday 2024-06-05 12:00 UTC.
inline constexpr TimestampNs kWednesdayNoon = 1'717'588'800LL * kNsPerSecond;

/// A config with a fixed start so tests do not depend on the wall clock.
inline SimulationConfig fixedConfig(int historyDays, std::uint64_t seed = 7) {
    SimulationConfig config;
    config.seed = seed;
    config.startTime = kWednesdayNoon;
    config.historyDays = historyDays;
    return config;
}

/// Only the named built-in instrument.
inline SimulationConfig singleInstrument(SimulationConfig config, std::string_view symbol) {
    std::vector<SimulatedInstrumentSpec> kept;
    for (const auto& spec : config.instruments)
        if (spec.instrument.symbol == symbol)
            kept.push_back(spec);
    config.instruments = kept;
    return config;
}

/// One line per event with every field, for exact comparisons.
inline std::string describe(const MarketDataEvent& event) {
    std::ostringstream out;
    if (const auto* t = std::get_if<TradeReceived>(&event)) {
        out << "T " << t->instrument.toString() << ' ' << t->tick.time << ' '
            << t->tick.price.toString() << ' ' << t->tick.size.toString() << ' '
            << static_cast<int>(t->tick.aggressor) << ' ' << t->tick.tradeId;
    } else if (const auto* q = std::get_if<QuoteReceived>(&event)) {
        out << "Q " << q->instrument.toString() << ' ' << q->quote.time << ' '
            << q->quote.bidPrice.toString() << ' ' << q->quote.bidSize.toString() << ' '
            << q->quote.askPrice.toString() << ' ' << q->quote.askSize.toString();
    } else if (const auto* s = std::get_if<FeedStatusChanged>(&event)) {
        out << "S " << s->venue << ' ' << feedStateName(s->state) << ' ' << s->time;
    } else if (const auto* b = std::get_if<BarsReceived>(&event)) {
        out << "B " << b->requestId << ' ' << b->bars.size();
    } else {
        out << "I";
    }
    return out.str();
}

/// A thread-safe sink that keeps everything and the thread each event came from.
class RecordingSink final : public IMarketDataSink {
public:
    void post(MarketDataEvent&& event) override {
        std::lock_guard lock(m_mutex);
        m_events.push_back(std::move(event));
        m_threads.push_back(std::this_thread::get_id());
    }
    std::vector<MarketDataEvent> events() const {
        std::lock_guard lock(m_mutex);
        return m_events;
    }
    std::vector<std::thread::id> threads() const {
        std::lock_guard lock(m_mutex);
        return m_threads;
    }
    std::size_t size() const {
        std::lock_guard lock(m_mutex);
        return m_events.size();
    }
    template <class T>
    std::size_t count() const {
        std::lock_guard lock(m_mutex);
        std::size_t n = 0;
        for (const auto& e : m_events)
            n += std::holds_alternative<T>(e) ? 1 : 0;
        return n;
    }

private:
    mutable std::mutex m_mutex;
    std::vector<MarketDataEvent> m_events;
    std::vector<std::thread::id> m_threads;
};

} // namespace cw::adapters::sim::testing
