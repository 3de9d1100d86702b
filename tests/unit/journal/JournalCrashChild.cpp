// SPDX-License-Identifier: MIT
// A process that trades continuously through the real order path for the durability test,
// which kills it at random moments: an OrderGateway (risk gate with limits on, order manager,
// positions) journaling to a JournalWriter, and the paper broker (SimulatedExchange with its
// SimulatedExecutionClient) filling the orders against its simulated market. Market buys and
// sells alternate with limit orders that are canceled again, so the journal sees requests,
// risk decisions, acknowledgements, fills, position changes and cancels.
//
// Prints to stdout, one line each:
//   "started <sessionId> <firstId> <uncleanSessionsFound>" once the journal is open,
//   "committed <id>" after every commit, from the writer thread (JournalWriterOptions::
//     onCommitted): every id up to <id> is in the file,
//   "closed <orders> <fills>" after a clean close (only with --orders N): how many orders
//     were placed and how many fills the gateway handled.
// Usage: cw_journal_crash_child <journal path> [--orders N]
#include "core/adapters/IExecutionSink.hpp"
#include "core/adapters/IMarketDataSink.hpp"
#include "core/adapters/sim/SimulatedExchange.hpp"
#include "core/adapters/sim/SimulatedExecutionClient.hpp"
#include "core/engine/OrderGateway.hpp"
#include "core/journal/JournalWriter.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <string>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace cw;

namespace {

/// Wednesday 2024-06-05 12:00 UTC: the simulated market's start.
constexpr TimestampNs kStart = 1'717'588'800LL * kNsPerSecond;

/// One write(2) per line: lines below PIPE_BUF reach the pipe whole, even if the process is
/// killed right after.
void say(const std::string& line) {
    const std::string text = line + "\n";
    [[maybe_unused]] const auto written = ::write(STDOUT_FILENO, text.data(), text.size());
}

/// The paper broker posts execution events from inside its calls and from its connect thread;
/// the gateway takes them on this thread only.
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

private:
    std::mutex m_mutex;
    std::vector<adapters::ExecutionEvent> m_events;
};

class StepMarketSink final : public adapters::IMarketDataSink {
public:
    void post(adapters::MarketDataEvent&& event) override { m_events.push_back(std::move(event)); }
    std::vector<adapters::MarketDataEvent> take() { return std::exchange(m_events, {}); }

private:
    std::vector<adapters::MarketDataEvent> m_events;
};

/// The gate's limits: generous enough that the flow passes, so every check runs.
risk::RiskLimits limits() {
    risk::RiskLimits limits;
    limits.maxOrderQuantity.defaultValue = *Quantity::parse("1");
    limits.priceBandPercent = *Decimal::parse("20");
    limits.maxPosition.defaultValue = *Quantity::parse("5");
    limits.maxOpenOrders = 50;
    return limits;
}

int fail(const std::string& what) {
    std::fprintf(stderr, "%s\n", what.c_str());
    return 1;
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 2 && argc != 4) {
        std::fprintf(stderr, "usage: %s <journal path> [--orders N]\n", argv[0]);
        return 2;
    }
    const long orderLimit = argc == 4 ? std::atol(argv[3]) : -1;

    // The journal first, so that kills soon after the launch land in its creation, migration
    // or session start.
    engine::OrderGateway::Config gatewayConfig;
    gatewayConfig.defaultLimits = limits();
    engine::OrderGateway gateway(gatewayConfig,
                                 orders::ClientOrderIdGenerator::createForThisProcess());
    journal::JournalWriterOptions options;
    options.path = argv[1];
    options.appVersion = "crash-child";
    options.onCommitted = [](std::int64_t id) { say("committed " + std::to_string(id)); };
    auto writer = journal::JournalWriter::open(options);
    if (!writer)
        return fail(writer.error().toString());
    journal::JournalWriter& w = **writer;
    say("started " + std::to_string(w.sessionId()) + " " + std::to_string(w.lastAssignedId()) +
        " " + std::to_string(w.uncleanSessionsFound()));
    gateway.setJournal(&w);

    adapters::sim::SimulationConfig config;
    config.seed = 11;
    config.startTime = kStart;
    config.historyDays = 0;
    std::vector<adapters::sim::SimulatedInstrumentSpec> kept;
    for (const auto& spec : config.instruments)
        if (spec.instrument.symbol == "BTCUSDT")
            kept.push_back(spec);
    config.instruments = kept;
    QueuedExecutionSink execution;
    StepMarketSink market;
    auto exchange = adapters::sim::SimulatedExchange::create(config, &execution);
    if (!exchange)
        return fail(exchange.error().toString());
    if (auto started = (*exchange)->startMarket(); !started)
        return fail(started.error().toString());
    const std::vector<adapters::sim::SimulatedExchange::StreamSelection> streams(
        (*exchange)->config().instruments.size(), {true, true});
    adapters::sim::SimulatedExecutionClient client(*exchange);
    std::vector<Instrument> instruments;
    for (const auto& spec : (*exchange)->config().instruments)
        instruments.push_back(spec.instrument);
    gateway.onInstruments(instruments);
    gateway.attachExecution(client);

    long fills = 0;
    bool reconciled = false;
    const auto pump = [&] {
        for (auto events = execution.take(); !events.empty(); events = execution.take()) {
            for (auto& event : events) {
                if (std::holds_alternative<adapters::OrderFilled>(event))
                    ++fills;
                if (std::holds_alternative<adapters::ReconciliationReport>(event))
                    reconciled = true;
                gateway.onExecutionEvent(event, (*exchange)->now());
            }
        }
    };
    const auto advance = [&](TimestampNs step) {
        (*exchange)->advanceTo((*exchange)->now() + step, streams, market);
        for (auto& event : market.take()) {
            if (const auto* t = std::get_if<adapters::TradeReceived>(&event))
                gateway.onMarketPrice(t->instrument, t->tick.price, {}, {}, t->tick.time);
            else if (const auto* q = std::get_if<adapters::QuoteReceived>(&event))
                gateway.onMarketPrice(q->instrument, {}, q->quote.bidPrice, q->quote.askPrice,
                                      q->quote.time);
        }
        pump();
    };
    if (auto connected = client.connect(); !connected)
        return fail(connected.error().toString());
    // The connection's status and the reconciliation report arrive from the client's connect
    // thread; orders wait for them, as in the application.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (!reconciled) {
        if (std::chrono::steady_clock::now() > deadline)
            return fail("the paper broker did not connect");
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
        pump();
    }
    advance(kNsPerMinute);

    const auto instrument = *adapters::InstrumentKey::make("SIM", "BTCUSDT");
    std::uint64_t tag = 0;
    long placed = 0;
    for (long i = 0; orderLimit < 0 || placed < orderLimit; ++i) {
        engine::PlaceOrder place;
        place.requestTag = ++tag;
        place.origin = orders::OrderOrigin{orders::OrderOriginKind::Ticket, {}, {}};
        place.order.instrument = instrument;
        place.order.side = i % 2 == 0 ? Side::Buy : Side::Sell;
        place.order.timeInForce = TimeInForce::Gtc;
        place.order.quantity = *Quantity::parse("0.010");
        if (i % 4 >= 2) {
            // A limit away from the market (about 60,000) but inside the risk gate's price
            // band, canceled again right away.
            place.order.type = OrderType::Limit;
            place.order.limitPrice = *Price::parse(i % 2 == 0 ? "55000.00" : "65000.00");
        } else {
            place.order.type = OrderType::Market;
        }
        gateway.apply(engine::TradingCommand{place}, (*exchange)->now());
        pump();
        ++placed;
        if (place.order.type == OrderType::Limit)
            gateway.apply(engine::TradingCommand{engine::CancelAllWorkingOrders{}},
                          (*exchange)->now());
        advance(kNsPerSecond);
        (void)gateway.takeSnapshot();
        std::this_thread::sleep_for(std::chrono::microseconds(200));
    }
    client.disconnect();
    pump();
    gateway.setJournal(nullptr);
    if (auto closed = w.close(); !closed)
        return fail(closed.error().toString());
    say("closed " + std::to_string(placed) + " " + std::to_string(fills));
    return 0;
}
