// SPDX-License-Identifier: MIT
#pragma once

#include "core/adapters/IExecutionSink.hpp"
#include "core/adapters/sim/PaperBrokerConfig.hpp"
#include "core/adapters/sim/PaperMatchingEngine.hpp"
#include "core/adapters/sim/SimulatedInstrumentSpec.hpp"

#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace cw::adapters::sim::testing {

/// A thread-safe execution sink that keeps every event.
class RecordingExecutionSink final : public IExecutionSink {
public:
    void post(ExecutionEvent&& event) override {
        std::lock_guard lock(m_mutex);
        m_events.push_back(std::move(event));
    }
    std::vector<ExecutionEvent> events() const {
        std::lock_guard lock(m_mutex);
        return m_events;
    }
    /// Every event of type T, in order.
    template <class T>
    std::vector<T> all() const {
        std::lock_guard lock(m_mutex);
        std::vector<T> out;
        for (const auto& e : m_events)
            if (const auto* t = std::get_if<T>(&e))
                out.push_back(*t);
        return out;
    }
    void clear() {
        std::lock_guard lock(m_mutex);
        m_events.clear();
    }

private:
    mutable std::mutex m_mutex;
    std::vector<ExecutionEvent> m_events;
};

inline Price px(std::string_view text) {
    return *Price::parse(text);
}
inline Quantity qty(std::string_view text) {
    return *Quantity::parse(text);
}
inline InstrumentKey simKey(std::string_view symbol) {
    return *InstrumentKey::make("SIM", symbol);
}

inline SubmitOrder order(std::string id, std::string_view symbol, Side side, OrderType type,
                         TimeInForce tif, std::string_view quantity, std::string_view limit = "0",
                         std::string_view stop = "0") {
    SubmitOrder o;
    o.clientOrderId = std::move(id);
    o.instrument = simKey(symbol);
    o.side = side;
    o.type = type;
    o.timeInForce = tif;
    o.quantity = qty(quantity);
    o.limitPrice = px(limit);
    o.stopPrice = px(stop);
    return o;
}

inline QuoteReceived quote(std::string_view symbol, TimestampNs time, std::string_view bid,
                           std::string_view bidSize, std::string_view ask,
                           std::string_view askSize) {
    Quote q;
    q.time = time;
    q.bidPrice = px(bid);
    q.bidSize = qty(bidSize);
    q.askPrice = px(ask);
    q.askSize = qty(askSize);
    return QuoteReceived{simKey(symbol), q, time};
}

inline TradeReceived trade(std::string_view symbol, TimestampNs time, std::string_view price,
                           std::string_view size, Side aggressor = Side::Sell) {
    Tick t;
    t.time = time;
    t.price = px(price);
    t.size = qty(size);
    t.aggressor = aggressor;
    t.tradeId = 1;
    return TradeReceived{simKey(symbol), t, time};
}

} // namespace cw::adapters::sim::testing
