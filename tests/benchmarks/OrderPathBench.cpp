// SPDX-License-Identifier: MIT
// Order path latency: a PlaceOrder posted into the engine's command queue (threaded Engine)
// -> risk gate -> order manager -> journal append -> a test venue's IExecutionClient, which
// writes the SubmitOrder as one text line to a connected loopback TCP socket; a reader thread
// timestamps the line's arrival. Reported as p50/p99 counters (microseconds), with and without
// a journal, split into stages, with each thread's CPU time and run-queue wait per order. See
// docs/PERFORMANCE.md, "Order path", and docs/live-path-performance.md.
#include "core/adapters/IExecutionClient.hpp"
#include "core/adapters/IExecutionSink.hpp"
#include "core/domain/Instrument.hpp"
#include "core/engine/Engine.hpp"
#include "core/journal/JournalWriter.hpp"

#include <algorithm>
#include <arpa/inet.h>
#include <array>
#include <atomic>
#include <benchmark/benchmark.h>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <map>
#include <mutex>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <string>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <thread>
#include <time.h>
#include <unistd.h>
#include <vector>

namespace {

using namespace cw;
using Clock = std::chrono::steady_clock;

/// Orders are paced this far apart, on absolute deadlines (one order in flight at a time).
constexpr std::chrono::microseconds kOrderSpacing{200};
/// Timer slack of the pacing thread (the kernel's default is 50 us).
constexpr unsigned long kTimerSlackNs = 1'000;

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

std::int64_t nowNs() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now().time_since_epoch())
        .count();
}

/// CPU time and run-queue wait (runnable but not running) of one thread, in ns, from
/// /proc/self/task/<tid>/schedstat; zeros when the kernel does not provide it.
struct ThreadTimes {
    std::int64_t cpuNs = 0;
    std::int64_t waitNs = 0;
};

ThreadTimes threadTimes(pid_t tid) {
    ThreadTimes times;
    const std::string path = "/proc/self/task/" + std::to_string(tid) + "/schedstat";
    if (std::FILE* file = std::fopen(path.c_str(), "r")) {
        long long cpu = 0;
        long long wait = 0;
        if (std::fscanf(file, "%lld %lld", &cpu, &wait) == 2)
            times = ThreadTimes{cpu, wait};
        std::fclose(file);
    }
    return times;
}

/// Every thread of the process by id.
std::map<pid_t, ThreadTimes> allThreadTimes() {
    std::map<pid_t, ThreadTimes> all;
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator("/proc/self/task", error)) {
        const pid_t tid = static_cast<pid_t>(std::stol(entry.path().filename().string()));
        all[tid] = threadTimes(tid);
    }
    return all;
}

std::int64_t processCpuNs() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<std::int64_t>(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

/// A venue at the other end of a loopback TCP connection: submit() writes one line per order
/// with one send() (blocking socket, TCP_NODELAY, no event loop); a reader thread blocks in
/// recv(), timestamps each arrival, wakes the benchmark, and answers with OrderCanceled so the
/// order book stays small. Thread: commands from the engine thread.
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
        m_line.reserve(256);
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
        const std::int64_t calledNs = nowNs();
        if (m_engineTid.load(std::memory_order_relaxed) == 0)
            m_engineTid.store(::gettid(), std::memory_order_relaxed);
        m_line.clear();
        m_line += order.clientOrderId;
        m_line += ' ';
        m_line += order.instrument.toString();
        m_line += ' ';
        m_line += sideName(order.side);
        m_line += ' ';
        m_line += orderTypeName(order.type);
        m_line += ' ';
        m_line += order.quantity.toString();
        m_line += ' ';
        m_line += order.limitPrice.toString();
        m_line += '\n';
        const ssize_t written = ::send(m_writer, m_line.data(), m_line.size(), MSG_NOSIGNAL);
        const std::int64_t writtenNs = nowNs();
        m_submitCalledNs.store(calledNs, std::memory_order_relaxed);
        m_writtenNs.store(writtenNs, std::memory_order_relaxed);
        m_submitted.fetch_add(1, std::memory_order_release);
        if (written != static_cast<ssize_t>(m_line.size()))
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

    /// Blocks (no spinning) until at least `count` lines arrived or `deadline` passed; returns
    /// whether they arrived.
    bool waitArrived(std::uint64_t count, Clock::time_point deadline) {
        std::unique_lock lock(m_mutex);
        return m_arrivedChanged.wait_until(lock, deadline, [&] { return m_arrived >= count; });
    }
    /// Spins until at least `count` lines arrived or `deadline` passed (the benchmark's
    /// original wait, kept as a variant: a busy thread on a 2-core machine).
    bool spinArrived(std::uint64_t count, Clock::time_point deadline) const {
        while (m_arrivedRelaxed.load(std::memory_order_acquire) < count)
            if (Clock::now() > deadline)
                return false;
        return true;
    }
    /// Waits (yielding) until submit() finished its stamps for `count` orders.
    bool waitSubmitted(std::uint64_t count, Clock::time_point deadline) const {
        while (m_submitted.load(std::memory_order_acquire) < count) {
            if (Clock::now() > deadline)
                return false;
            std::this_thread::yield();
        }
        return true;
    }
    std::int64_t submitCalledNs() const { return m_submitCalledNs.load(std::memory_order_relaxed); }
    std::int64_t writtenNs() const { return m_writtenNs.load(std::memory_order_relaxed); }
    std::int64_t arrivalNs() const { return m_arrivalNs.load(std::memory_order_acquire); }
    pid_t engineTid() const { return m_engineTid.load(std::memory_order_relaxed); }
    pid_t readerTid() const { return m_readerTid.load(std::memory_order_relaxed); }

private:
    void read() {
        m_readerTid.store(::gettid(), std::memory_order_relaxed);
        std::string pending;
        char buffer[4096];
        for (;;) {
            const ssize_t n = ::recv(m_reader, buffer, sizeof(buffer), 0);
            const std::int64_t now = nowNs();
            if (n <= 0)
                return;
            pending.append(buffer, static_cast<std::size_t>(n));
            std::size_t end;
            while ((end = pending.find('\n')) != std::string::npos) {
                const std::string id = pending.substr(0, pending.find(' '));
                pending.erase(0, end + 1);
                m_arrivalNs.store(now, std::memory_order_release);
                {
                    std::lock_guard lock(m_mutex);
                    ++m_arrived;
                }
                m_arrivedRelaxed.fetch_add(1, std::memory_order_acq_rel);
                m_arrivedChanged.notify_one();
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
    std::string m_line; ///< engine thread only
    std::thread m_thread;
    mutable std::mutex m_mutex;
    std::condition_variable m_arrivedChanged;
    std::uint64_t m_arrived = 0; ///< guarded by m_mutex
    std::atomic<std::uint64_t> m_arrivedRelaxed{0};
    std::atomic<std::int64_t> m_arrivalNs{0};
    std::atomic<std::int64_t> m_submitCalledNs{0};
    std::atomic<std::int64_t> m_writtenNs{0};
    std::atomic<std::uint64_t> m_submitted{0};
    std::atomic<pid_t> m_engineTid{0};
    std::atomic<pid_t> m_readerTid{0};
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
    const bool spinWait = state.range(1) != 0;
    ::prctl(PR_SET_TIMERSLACK, kTimerSlackNs, 0, 0, 0);
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

    const auto orders = static_cast<std::size_t>(state.max_iterations);
    std::vector<double> totalUs;   // pushed -> read by the venue's reader thread
    std::vector<double> writtenUs; // pushed -> send() returned (bytes on the wire)
    std::vector<double> engineUs;  // pushed -> IExecutionClient::submit called
    std::vector<double> sendUs;    // submit called -> send() returned
    std::vector<double> wireUs;    // send() returned -> recv() returned (may be < 0)
    std::vector<double> slackUs;   // pacing: woke up after the deadline by
    for (auto* v : {&totalUs, &writtenUs, &engineUs, &sendUs, &wireUs, &slackUs})
        v->reserve(orders);

    const pid_t benchTid = ::gettid();
    const std::map<pid_t, ThreadTimes> threadsBefore = allThreadTimes();
    const std::int64_t cpuBefore = processCpuNs();
    std::uint64_t sent = 0;
    auto due = Clock::now();
    for (auto _ : state) {
        std::this_thread::sleep_until(due);
        const auto woke = Clock::now();
        slackUs.push_back(std::chrono::duration<double, std::micro>(woke - due).count());
        engine::PlaceOrder place;
        place.order.instrument = benchInstrument();
        place.order.side = (sent % 2 == 0) ? Side::Buy : Side::Sell;
        place.order.type = OrderType::Limit;
        place.order.timeInForce = TimeInForce::Gtc;
        place.order.quantity = Quantity::fromRaw(100, 5);
        place.order.limitPrice =
            Price::fromRaw(5'990'000 + static_cast<std::int64_t>(sent % 100), 2);
        place.origin = orders::OrderOrigin{orders::OrderOriginKind::Strategy, "bench", {}};
        const std::uint64_t expected = sent + 1;
        const std::int64_t pushedNs = nowNs();
        if (!engine.postCommand(engine::EngineCommand{engine::TradingCommand{std::move(place)}})) {
            state.SkipWithError("command queue full");
            break;
        }
        // Generous: a sanitizer build on a loaded machine takes milliseconds per order.
        const auto deadline = Clock::now() + std::chrono::seconds(10);
        const bool arrived = spinWait ? venue.spinArrived(expected, deadline)
                                      : venue.waitArrived(expected, deadline);
        if (!arrived || !venue.waitSubmitted(expected, deadline)) {
            const std::string why = "the order never reached the venue: " + notices.last();
            state.SkipWithError(why.c_str());
            break;
        }
        const double total = static_cast<double>(venue.arrivalNs() - pushedNs) / 1e3;
        state.SetIterationTime(total / 1e6);
        totalUs.push_back(total);
        writtenUs.push_back(static_cast<double>(venue.writtenNs() - pushedNs) / 1e3);
        engineUs.push_back(static_cast<double>(venue.submitCalledNs() - pushedNs) / 1e3);
        sendUs.push_back(static_cast<double>(venue.writtenNs() - venue.submitCalledNs()) / 1e3);
        wireUs.push_back(static_cast<double>(venue.arrivalNs() - venue.writtenNs()) / 1e3);
        ++sent;
        // The next order is due kOrderSpacing after this one was posted; a late one goes at
        // once, without a burst to catch up.
        due = std::max(woke + kOrderSpacing, Clock::now());
    }
    const std::int64_t cpuAfter = processCpuNs();
    const std::map<pid_t, ThreadTimes> threadsAfter = allThreadTimes();

    state.counters["p50_us"] = percentile(totalUs, 0.50);
    state.counters["p99_us"] = percentile(totalUs, 0.99);
    state.counters["max_us"] = percentile(totalUs, 1.0);
    state.counters["written_p50_us"] = percentile(writtenUs, 0.50);
    state.counters["written_p99_us"] = percentile(writtenUs, 0.99);
    state.counters["engine_p50_us"] = percentile(engineUs, 0.50);
    state.counters["engine_p99_us"] = percentile(engineUs, 0.99);
    state.counters["send_p50_us"] = percentile(sendUs, 0.50);
    state.counters["send_p99_us"] = percentile(sendUs, 0.99);
    state.counters["wire_p50_us"] = percentile(wireUs, 0.50);
    state.counters["wire_p99_us"] = percentile(wireUs, 0.99);
    state.counters["pace_slack_p50_us"] = percentile(slackUs, 0.50);
    state.counters["pace_slack_p99_us"] = percentile(slackUs, 0.99);

    // CPU time and run-queue wait per order, by thread: the engine thread, the venue's reader,
    // the benchmark's own thread, and the rest (the journal writer).
    const double perOrder = sent > 0 ? 1e3 * static_cast<double>(sent) : 1.0;
    state.counters["cpu_process_us"] = static_cast<double>(cpuAfter - cpuBefore) / perOrder;
    std::array<ThreadTimes, 4> delta{}; // engine, reader, bench, other
    for (const auto& [tid, after] : threadsAfter) {
        auto before = threadsBefore.find(tid);
        const ThreadTimes start = before == threadsBefore.end() ? ThreadTimes{} : before->second;
        const std::size_t slot = tid == venue.engineTid()   ? 0
                                 : tid == venue.readerTid() ? 1
                                 : tid == benchTid          ? 2
                                                            : 3;
        delta[slot].cpuNs += after.cpuNs - start.cpuNs;
        delta[slot].waitNs += after.waitNs - start.waitNs;
    }
    const std::array<const char*, 4> names{"engine", "reader", "bench", "other"};
    for (std::size_t i = 0; i < names.size(); ++i) {
        state.counters[std::string("cpu_") + names[i] + "_us"] =
            static_cast<double>(delta[i].cpuNs) / perOrder;
        state.counters[std::string("runq_") + names[i] + "_us"] =
            static_cast<double>(delta[i].waitNs) / perOrder;
    }
    (void)engine.stop();
    if (writer)
        (void)writer->close();
    std::filesystem::remove_all(dir);
}

} // namespace

// journal: 1 appends to a JournalWriter (WAL file in /tmp), 0 runs without a journal.
// spin: 0 waits for the arrival blocked on a condition variable (the figure to quote); 1
// busy-waits as a trading thread polling would, which on a 2-core machine takes one core away
// from the engine, the venue's reader and the journal writer.
BENCHMARK(orderPathLatency)
    ->Name("order_path_latency")
    ->ArgNames({"journal", "spin"})
    ->Args({1, 0})
    ->Args({0, 0})
    ->Args({1, 1})
    ->Args({0, 1})
    ->Iterations(5000)
    ->UseManualTime()
    ->Unit(benchmark::kMicrosecond);
