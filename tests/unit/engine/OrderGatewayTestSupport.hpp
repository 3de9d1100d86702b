// SPDX-License-Identifier: MIT
#pragma once

#include "core/adapters/IExecutionSink.hpp"
#include "core/adapters/IMarketDataSink.hpp"
#include "core/adapters/sim/SimulatedExchange.hpp"
#include "core/adapters/sim/SimulatedExecutionClient.hpp"
#include "core/engine/OrderGateway.hpp"
#include "core/journal/JournalWriter.hpp"

#include <chrono>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <unistd.h>
#include <vector>

namespace cw::engine::testing {

/// Wednesday 2024-06-05 12:00 UTC: the simulated market's fixed start.
inline constexpr TimestampNs kStart = 1'717'588'800LL * kNsPerSecond;

inline Price px(std::string_view text) {
    return *Price::parse(text);
}
inline Quantity qty(std::string_view text) {
    return *Quantity::parse(text);
}
inline adapters::InstrumentKey btc() {
    return *adapters::InstrumentKey::make("SIM", "BTCUSDT");
}

/// Execution events queued for the test thread (the paper broker posts from inside its calls
/// and from the connect thread; the gateway must never be called back re-entrantly).
class QueuedExecutionSink final : public adapters::IExecutionSink {
public:
    void post(adapters::ExecutionEvent&& event) override {
        std::lock_guard lock(m_mutex);
        m_events.push_back(std::move(event));
    }
    std::vector<adapters::ExecutionEvent> take() {
        std::lock_guard lock(m_mutex);
        return std::exchange(m_events, {});
    }
    template <class T>
    bool has() const {
        std::lock_guard lock(m_mutex);
        for (const auto& e : m_events)
            if (std::holds_alternative<T>(e))
                return true;
        return false;
    }

private:
    mutable std::mutex m_mutex;
    std::vector<adapters::ExecutionEvent> m_events;
};

/// Market data of one step, kept in order.
class StepMarketSink final : public adapters::IMarketDataSink {
public:
    void post(adapters::MarketDataEvent&& event) override { m_events.push_back(std::move(event)); }
    std::vector<adapters::MarketDataEvent> take() { return std::exchange(m_events, {}); }

private:
    std::vector<adapters::MarketDataEvent> m_events;
};

/// Wraps the paper broker's client to lose a submit on its way (the client says "sent" but the
/// venue never sees it), as a connection that drops after the write does.
class LossyExecutionClient final : public adapters::IExecutionClient {
public:
    explicit LossyExecutionClient(adapters::IExecutionClient& inner) : m_inner(inner) {}
    std::string_view venue() const override { return m_inner.venue(); }
    const adapters::ExecutionCapabilities& capabilities() const override {
        return m_inner.capabilities();
    }
    std::optional<adapters::FeeRates>
    feeRates(const adapters::InstrumentKey& instrument) const override {
        return m_inner.feeRates(instrument);
    }
    Result<void> connect() override { return m_inner.connect(); }
    void disconnect() override { m_inner.disconnect(); }
    Result<void> submit(const adapters::SubmitOrder& command) override {
        ++submits;
        if (loseNextSubmit) {
            loseNextSubmit = false;
            return {};
        }
        return m_inner.submit(command);
    }
    Result<void> modify(const adapters::ModifyOrder& command) override {
        return m_inner.modify(command);
    }
    Result<void> cancel(const adapters::CancelOrder& command) override {
        return m_inner.cancel(command);
    }
    Result<void> cancelAll(const adapters::CancelAllOrders& command) override {
        return m_inner.cancelAll(command);
    }
    Result<void> requestReconciliation(const adapters::RequestReconciliation& command) override {
        return m_inner.requestReconciliation(command);
    }

    bool loseNextSubmit = false;
    int submits = 0;

private:
    adapters::IExecutionClient& m_inner;
};

/// A temp folder removed with its contents.
class TempDir {
public:
    TempDir() {
        static int counter = 0;
        m_path =
            std::filesystem::temp_directory_path() /
            ("cw-gateway-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
        std::filesystem::remove_all(m_path);
        std::filesystem::create_directories(m_path);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(m_path, ec);
    }
    std::string file(const std::string& name) const { return (m_path / name).string(); }

private:
    std::filesystem::path m_path;
};

/// The gateway wired to the simulated exchange's paper broker (BTCUSDT only), stepped by the
/// test: `advance` moves the market, feeds its prices to the gateway, then the execution
/// events they caused. Times given to the gateway are the exchange's simulated time.
struct PaperHarness {
    explicit PaperHarness(bool withJournal = true,
                          std::chrono::microseconds batchDelay = std::chrono::microseconds(1000)) {
        adapters::sim::SimulationConfig config;
        config.seed = 7;
        config.startTime = kStart;
        config.historyDays = 1;
        std::vector<adapters::sim::SimulatedInstrumentSpec> kept;
        for (const auto& spec : config.instruments)
            if (spec.instrument.symbol == "BTCUSDT")
                kept.push_back(spec);
        config.instruments = kept;
        auto created = adapters::sim::SimulatedExchange::create(config, &execution);
        if (!created)
            throw std::runtime_error(created.error().message);
        exchange = *created;
        streams.assign(exchange->config().instruments.size(), {true, true});
        (void)exchange->startMarket();
        client = std::make_unique<adapters::sim::SimulatedExecutionClient>(exchange);
        lossy = std::make_unique<LossyExecutionClient>(*client);

        std::vector<Instrument> instruments;
        for (const auto& spec : exchange->config().instruments)
            instruments.push_back(spec.instrument);
        gateway.onInstruments(instruments);
        gateway.attachExecution(*lossy);
        if (withJournal) {
            journal::JournalWriterOptions options;
            options.path = dir.file("journal.sqlite");
            options.appVersion = "test";
            options.maxBatchDelay = batchDelay;
            auto opened = journal::JournalWriter::open(options);
            if (!opened)
                throw std::runtime_error(opened.error().message);
            writer = std::move(*opened);
            gateway.setJournal(writer.get());
        }
        connect();
        advance(kNsPerMinute);
    }
    ~PaperHarness() {
        client->disconnect();
        gateway.setJournal(nullptr);
        if (writer)
            (void)writer->close();
    }

    /// Connects the paper broker and waits (bounded) for its reconciliation report.
    bool connect() {
        (void)client->connect();
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
        while (!execution.has<adapters::ReconciliationReport>()) {
            if (std::chrono::steady_clock::now() > deadline)
                return false;
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
        pump();
        return true;
    }
    void reconnect() {
        client->disconnect();
        pump();
        connect();
    }
    TimestampNs now() const { return exchange->now(); }
    /// Feeds the queued execution events to the gateway.
    void pump() {
        // Until quiet: what the gateway sends while handling events is answered at once.
        for (auto events = execution.take(); !events.empty(); events = execution.take())
            for (auto& event : events)
                gateway.onExecutionEvent(event, now());
    }
    /// Drops the queued execution events (lost on the wire).
    void lose() { (void)execution.take(); }
    void advance(TimestampNs step) {
        exchange->advanceTo(now() + step, streams, market);
        for (auto& event : market.take()) {
            if (const auto* t = std::get_if<adapters::TradeReceived>(&event))
                gateway.onMarketPrice(t->instrument, t->tick.price, {}, {}, t->tick.time);
            else if (const auto* q = std::get_if<adapters::QuoteReceived>(&event))
                gateway.onMarketPrice(q->instrument, {}, q->quote.bidPrice, q->quote.askPrice,
                                      q->quote.time);
        }
        pump();
    }
    void apply(const TradingCommand& command) {
        gateway.apply(command, now());
        pump();
    }
    /// Everything committed, then the snapshot (null when nothing changed).
    std::shared_ptr<const TradingSnapshot> snapshot() {
        if (writer)
            (void)writer->flush(std::chrono::seconds(10));
        auto s = gateway.takeSnapshot();
        if (s) {
            for (const auto& n : s->notices)
                notices.push_back(n);
            last = s;
        }
        return s;
    }
    std::vector<TradingNotice> noticesOf(TradingNotice::Kind kind) const {
        std::vector<TradingNotice> out;
        for (const auto& n : notices)
            if (n.kind == kind)
                out.push_back(n);
        return out;
    }

    TempDir dir;
    QueuedExecutionSink execution;
    StepMarketSink market;
    std::shared_ptr<adapters::sim::SimulatedExchange> exchange;
    std::vector<adapters::sim::SimulatedExchange::StreamSelection> streams;
    std::unique_ptr<adapters::sim::SimulatedExecutionClient> client;
    std::unique_ptr<LossyExecutionClient> lossy;
    std::unique_ptr<journal::JournalWriter> writer;
    OrderGateway gateway{OrderGateway::Config{}, orders::ClientOrderIdGenerator(kStart, 42)};
    std::vector<TradingNotice> notices;
    std::shared_ptr<const TradingSnapshot> last;
};

inline adapters::SubmitOrder marketOrder(Side side, std::string_view quantity) {
    adapters::SubmitOrder o;
    o.instrument = btc();
    o.side = side;
    o.type = OrderType::Market;
    o.timeInForce = TimeInForce::Gtc;
    o.quantity = qty(quantity);
    return o;
}

inline adapters::SubmitOrder limitOrder(Side side, std::string_view quantity, const Price& limit) {
    adapters::SubmitOrder o = marketOrder(side, quantity);
    o.type = OrderType::Limit;
    o.limitPrice = limit;
    return o;
}

inline PlaceOrder place(adapters::SubmitOrder order, std::uint64_t tag = 1) {
    PlaceOrder p;
    p.requestTag = tag;
    p.order = std::move(order);
    p.origin = orders::OrderOrigin{orders::OrderOriginKind::Ticket, {}, {}};
    return p;
}

} // namespace cw::engine::testing
