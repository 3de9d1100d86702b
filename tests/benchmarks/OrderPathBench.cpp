// SPDX-License-Identifier: MIT
// Order path latency: a PlaceOrder posted into the engine's command queue (threaded Engine)
// -> risk gate -> order manager -> journal append -> a test venue's IExecutionClient, which
// writes the SubmitOrder as one text line to a connected loopback TCP socket; a reader thread
// timestamps the line's arrival. Reported as p50/p99 counters (microseconds), with and without
// a journal. See docs/PERFORMANCE.md, "Order path".
#include "core/adapters/IExecutionClient.hpp"
#include "core/adapters/IExecutionSink.hpp"
#include "core/domain/Instrument.hpp"
#include "core/engine/Engine.hpp"
#include "core/journal/JournalWriter.hpp"

#include <algorithm>
#include <arpa/inet.h>
#include <atomic>
#include <benchmark/benchmark.h>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <mutex>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <string>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace {

using namespace cw;
using Clock = std::chrono::steady_clock;

adapters::InstrumentKey benchInstrument() {
    return *adapters::InstrumentKey::make("SIM", "BTCUSDT");
}

Instrument benchDefinition() {
    Instrument in;
    in.symbol = "BTCUSDT";
    in.venue = "SIM";
    in.assetClass = AssetClass::Crypto;
    in.baseCurrency = *Currency::parse("BTC");
    in.quoteCurrency = *Currency::parse("USDT");
    in.pricePrecision = 2;
    in.quantityPrecision = 5;
    in.tickSize = Price::fromRaw(1, 2);
    in.lotSize = Quantity::fromRaw(1, 5);
    return in;
}

/// A venue at the other end of a loopback TCP connection: submit() writes one line per order;
/// a reader thread takes the lines, timestamps each arrival, and answers with OrderCanceled so
/// the order book stays small. Thread: commands from the engine thread.
class LoopbackExecutionClient final : public adapters::IExecutionClient {
public:
    explicit LoopbackExecutionClient(adapters::IExecutionSink& sink) : m_sink(sink) {
        m_caps.orderTypes = {OrderType::Market, OrderType::Limit};
        m_caps.timesInForce = {TimeInForce::Gtc, TimeInForce::Ioc};
        const int listener = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        address.sin_port = 0;
        socklen_t length = sizeof(address);
        ::bind(listener, reinterpret_cast<sockaddr*>(&address), sizeof(address));
        ::listen(listener, 1);
        ::getsockname(listener, reinterpret_cast<sockaddr*>(&address), &length);
        m_writer = ::socket(AF_INET, SOCK_STREAM, 0);
        ::connect(m_writer, reinterpret_cast<sockaddr*>(&address), sizeof(address));
        m_reader = ::accept(listener, nullptr, nullptr);
        ::close(listener);
        const int one = 1;
        ::setsockopt(m_writer, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
        ::setsockopt(m_reader, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
        m_thread = std::thread([this] { read(); });
    }
    ~LoopbackExecutionClient() override {
        ::shutdown(m_writer, SHUT_RDWR);
        m_thread.join();
        ::close(m_writer);
        ::close(m_reader);
    }

    std::string_view venue() const override { return "SIM"; }
    const adapters::ExecutionCapabilities& capabilities() const override { return m_caps; }
    Result<void> connect() override { return {}; }
    void disconnect() override {}
    Result<void> submit(const adapters::SubmitOrder& order) override {
        std::string line = order.clientOrderId;
        line += ' ';
        line += order.instrument.toString();
        line += ' ';
        line += sideName(order.side);
        line += ' ';
        line += orderTypeName(order.type);
        line += ' ';
        line += order.quantity.toString();
        line += ' ';
        line += order.limitPrice.toString();
        line += '\n';
        if (::send(m_writer, line.data(), line.size(), MSG_NOSIGNAL) !=
            static_cast<ssize_t>(line.size()))
            return fail(ErrorCode::IoError, "loopback write failed");
        return {};
    }
    Result<void> modify(const adapters::ModifyOrder&) override {
        return fail(ErrorCode::Unsupported, "no modify");
    }
    Result<void> cancel(const adapters::CancelOrder&) override { return {}; }
    Result<void> cancelAll(const adapters::CancelAllOrders&) override { return {}; }
    Result<void> requestReconciliation(const adapters::RequestReconciliation&) override {
        return {};
    }

    /// Arrival time of the newest line and how many lines arrived.
    std::uint64_t arrived() const { return m_arrived.load(std::memory_order_acquire); }
    Clock::time_point lastArrival() const {
        return Clock::time_point(Clock::duration(m_lastArrival.load(std::memory_order_acquire)));
    }

private:
    void read() {
        std::string pending;
        char buffer[4096];
        for (;;) {
            const ssize_t n = ::recv(m_reader, buffer, sizeof(buffer), 0);
            const auto now = Clock::now();
            if (n <= 0)
                return;
            pending.append(buffer, static_cast<std::size_t>(n));
            std::size_t end;
            while ((end = pending.find('\n')) != std::string::npos) {
                const std::string id = pending.substr(0, pending.find(' '));
                pending.erase(0, end + 1);
                m_lastArrival.store(now.time_since_epoch().count(), std::memory_order_release);
                m_arrived.fetch_add(1, std::memory_order_acq_rel);
                adapters::OrderCanceled done;
                done.clientOrderId = id;
                done.instrument = benchInstrument();
                done.reason = "benchmark";
                m_sink.post(adapters::ExecutionEvent{std::move(done)});
            }
        }
    }

    adapters::IExecutionSink& m_sink;
    adapters::ExecutionCapabilities m_caps;
    int m_writer = -1;
    int m_reader = -1;
    std::thread m_thread;
    std::atomic<std::uint64_t> m_arrived{0};
    std::atomic<Clock::rep> m_lastArrival{0};
};

/// Keeps the last trading notice, to say why an order did not reach the venue.
class NoticeSink final : public engine::ISnapshotSink {
public:
    void publish(engine::SnapshotBatch batch) override {
        if (!batch.trading || batch.trading->notices.empty())
            return;
        std::lock_guard lock(m_mutex);
        m_last = batch.trading->notices.back().message;
    }
    std::string last() const {
        std::lock_guard lock(m_mutex);
        return m_last;
    }

private:
    mutable std::mutex m_mutex;
    std::string m_last;
};

double percentile(std::vector<double> values, double p) {
    if (values.empty())
        return 0.0;
    std::sort(values.begin(), values.end());
    const auto index = static_cast<std::size_t>(p * static_cast<double>(values.size() - 1));
    return values[index];
}

void orderPathLatency(benchmark::State& state) {
    const bool withJournal = state.range(0) != 0;
    engine::Engine engine;
    NoticeSink notices;
    engine.setSnapshotSink(&notices);
    LoopbackExecutionClient venue(engine);
    engine.attachExecution(venue);
    engine.addInstruments({benchDefinition()});
    const std::filesystem::path dir = std::filesystem::temp_directory_path() /
                                      ("cw-order-path-bench-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    std::unique_ptr<journal::JournalWriter> writer;
    if (withJournal) {
        journal::JournalWriterOptions options;
        options.path = (dir / "journal.sqlite").string();
        options.appVersion = "bench";
        options.onCommitted = [&engine](std::int64_t) { engine.notifyJournalCommitted(); };
        auto opened = journal::JournalWriter::open(options);
        if (!opened) {
            state.SkipWithError(opened.error().message.c_str());
            return;
        }
        writer = std::move(*opened);
        engine.setJournal(writer.get());
    }
    // Realistic limits, so every rule with a number runs (price band, notional, position...).
    std::map<std::string, std::string> limits{
        {"maxOrderQuantity", "10"}, {"maxOrderNotional", "1000000 USDT"},
        {"priceBandPercent", "5"},  {"maxPosition", "100"},
        {"maxOpenOrders", "1000"},  {"dailyLossLimit", "100000 USDT"}};
    (void)engine.postCommand(
        engine::EngineCommand{engine::TradingCommand{engine::SetRiskLimits{"", limits}}});
    engine.start();
    Tick tick{1'717'597'800LL * kNsPerSecond, Price::fromRaw(6'000'000, 2),
              Quantity::fromRaw(100, 5), Side::Buy, 1};
    engine.post(adapters::MarketDataEvent{adapters::TradeReceived{benchInstrument(), tick, 0}});
    // Commands are applied before market data in a drain: let the price band's reference in.
    std::this_thread::sleep_for(std::chrono::milliseconds(50));

    std::vector<double> latenciesUs;
    std::uint64_t sent = 0;
    for (auto _ : state) {
        engine::PlaceOrder place;
        place.order.instrument = benchInstrument();
        place.order.side = (sent % 2 == 0) ? Side::Buy : Side::Sell;
        place.order.type = OrderType::Limit;
        place.order.timeInForce = TimeInForce::Gtc;
        place.order.quantity = Quantity::fromRaw(100, 5);
        place.order.limitPrice =
            Price::fromRaw(5'990'000 + static_cast<std::int64_t>(sent % 100), 2);
        place.origin = orders::OrderOrigin{orders::OrderOriginKind::Strategy, "bench", {}};
        const std::uint64_t expected = venue.arrived() + 1;
        const auto start = Clock::now();
        if (!engine.postCommand(engine::EngineCommand{engine::TradingCommand{std::move(place)}})) {
            state.SkipWithError("command queue full");
            break;
        }
        const auto deadline = start + std::chrono::seconds(2);
        while (venue.arrived() < expected) {
            if (Clock::now() > deadline) {
                const std::string why = "the order never reached the venue: " + notices.last();
                state.SkipWithError(why.c_str());
                break;
            }
        }
        const double seconds = std::chrono::duration<double>(venue.lastArrival() - start).count();
        state.SetIterationTime(seconds);
        latenciesUs.push_back(seconds * 1e6);
        ++sent;
        // Let the venue's answer and the journal settle between orders (one order at a time).
        std::this_thread::sleep_for(std::chrono::microseconds(200));
    }
    state.counters["p50_us"] = percentile(latenciesUs, 0.50);
    state.counters["p99_us"] = percentile(latenciesUs, 0.99);
    state.counters["max_us"] = percentile(latenciesUs, 1.0);
    (void)engine.stop();
    if (writer)
        (void)writer->close();
    std::filesystem::remove_all(dir);
}

} // namespace

BENCHMARK(orderPathLatency)
    ->Name("order_path_latency")
    ->ArgName("journal")
    ->Arg(1)
    ->Arg(0)
    ->Iterations(5000)
    ->UseManualTime()
    ->Unit(benchmark::kMicrosecond);
