// SPDX-License-Identifier: MIT
// The trade journal's write path (docs/journal.md, figures in docs/PERFORMANCE.md):
// - journal_append/<flow>: the engine side appends an order flow (request, acknowledgement,
//   fill) through JournalWriter as fast as it can, holding the backlog under 50,000 records;
//   counts the sustained rate until the last record is committed, the CPU the writer thread
//   spends per record, and the latency of each append call itself (the engine-thread cost).
//   Flow "unique_ids": every order has its own client order id, as the engine's
//   ClientOrderIdGenerator makes them; "recycled_ids": 1,000 ids used over and over (each
//   index insert lands somewhere else in the client order id index: a worst case).
// - journal_commit_latency: one record at a time, appendAndWait: what one commit costs when
//   the journal is idle (the order path's case).
// - journal_sqlite_reference/<rows per transaction>: the same rows into the same file layout
//   with a plain sqlite3 prepared-insert loop on the calling thread, no queue and no thread.
//
// Every rate comes with CPU-time counters and the load average at the start
// (`load_avg_1m`): on a machine shared with other work, wall-clock rates fall with the load
// while CPU time per record stays comparable.
#include "core/journal/JournalDatabase.hpp"
#include "core/journal/JournalRecord.hpp"
#include "core/journal/JournalSchema.hpp"
#include "core/journal/JournalWriter.hpp"
#include "core/orders/ClientOrderIdGenerator.hpp"

#include <algorithm>
#include <benchmark/benchmark.h>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <sqlite3.h>
#include <string>
#include <sys/resource.h>
#include <thread>
#include <time.h>
#include <unistd.h>
#include <vector>

namespace {

using namespace cw;
using namespace cw::journal;
using Clock = std::chrono::steady_clock;

constexpr int kRecords = 200'000;
constexpr std::int64_t kMaxBacklog = 50'000;
constexpr int kRecycledOrderIds = 1'000;
constexpr TimestampNs kT0 = 1'717'597'800LL * kNsPerSecond;

std::string benchPath() {
    return (std::filesystem::temp_directory_path() /
            ("cw-journal-bench-" + std::to_string(::getpid()) + ".cwjournal"))
        .string();
}

void removeJournal(const std::string& path) {
    for (const char* suffix : {"", "-wal", "-shm"})
        std::filesystem::remove(path + suffix);
}

/// The three records of one order: SubmitOrder from the ticket, OrderAccepted, OrderFilled;
/// client order id, venue order id and trade id are filled in per order.
std::vector<JournalRecord> orderTemplate() {
    const auto instrument = *adapters::InstrumentKey::make("SIM", "BTCUSDT");
    adapters::SubmitOrder order;
    order.instrument = instrument;
    order.side = Side::Buy;
    order.type = OrderType::Limit;
    order.quantity = *Quantity::parse("0.01000000");
    order.limitPrice = *Price::parse("43000.10");

    adapters::OrderAccepted accepted;
    accepted.instrument = instrument;
    accepted.venueTime = kT0;

    adapters::OrderFilled fill;
    fill.instrument = instrument;
    fill.side = order.side;
    fill.quantity = order.quantity;
    fill.price = order.limitPrice;
    fill.fee = *Money::parse("0.00430001", *Currency::parse("USDT"));
    fill.liquidity = adapters::Liquidity::Maker;
    fill.cumulativeQuantity = order.quantity;
    fill.leavesQuantity = *Quantity::parse("0.00000000");
    fill.venueTime = kT0 + 1;
    return {JournalRecord::fromRequest(order, JournalRecord::kOriginUser, kT0),
            JournalRecord::fromEvent(accepted, kT0 + 1), JournalRecord::fromEvent(fill, kT0 + 2)};
}

/// Makes record `i` of the flow from the template: order i / 3, record i % 3.
class OrderFlow {
public:
    explicit OrderFlow(bool uniqueIds)
        : m_template(orderTemplate()), m_uniqueIds(uniqueIds), m_ids(kT0, 42) {
        for (int i = 0; i < kRecycledOrderIds; ++i)
            m_recycled.push_back(m_ids.next());
    }
    JournalRecord record(int i) {
        const int order = i / 3;
        const int step = i % 3;
        if (step == 0)
            m_orderId = m_uniqueIds ? m_ids.next() : m_recycled[order % kRecycledOrderIds];
        JournalRecord record = m_template[static_cast<std::size_t>(step)];
        record.clientOrderId = m_orderId;
        record.localTimeNs = kT0 + i;
        if (step > 0)
            record.venueOrderId = "V" + std::to_string(order);
        if (step == 2) {
            record.tradeId = "T" + std::to_string(order);
            record.side = order % 2 ? "Sell" : "Buy";
        }
        return record;
    }

private:
    std::vector<JournalRecord> m_template;
    bool m_uniqueIds;
    orders::ClientOrderIdGenerator m_ids;
    std::vector<std::string> m_recycled;
    std::string m_orderId;
};

/// CPU time (user + system) of the whole process, ns.
std::int64_t processCpuNs() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const auto ns = [](const timeval& t) {
        return static_cast<std::int64_t>(t.tv_sec) * 1'000'000'000 + t.tv_usec * 1'000;
    };
    return ns(usage.ru_utime) + ns(usage.ru_stime);
}

/// CPU time of the calling thread, ns.
std::int64_t threadCpuNs() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<std::int64_t>(t.tv_sec) * 1'000'000'000 + t.tv_nsec;
}

double loadAverage() {
    double load[1] = {0.0};
    return getloadavg(load, 1) == 1 ? load[0] : -1.0;
}

std::int64_t percentile(std::vector<std::int64_t>& values, double p) {
    if (values.empty())
        return 0;
    const auto index = static_cast<std::size_t>(p * static_cast<double>(values.size() - 1));
    std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(index),
                     values.end());
    return values[index];
}

void journalAppend(benchmark::State& state) {
    const std::string path = benchPath();
    const bool uniqueIds = state.range(0) == 0;
    std::vector<std::int64_t> latencies;
    latencies.reserve(kRecords);
    std::int64_t commits = 0;
    std::int64_t writerCpuNs = 0;
    std::int64_t appenderCpuNs = 0;
    const double load = loadAverage();
    for (auto _ : state) {
        removeJournal(path);
        OrderFlow flow(uniqueIds);
        JournalWriterOptions options;
        options.path = path;
        options.appVersion = "bench";
        options.onCommitted = [&commits](std::int64_t) { ++commits; };
        auto writer = JournalWriter::open(options);
        if (!writer) {
            state.SkipWithError(writer.error().toString().c_str());
            return;
        }
        JournalWriter& w = **writer;
        if (!w.flush()) {
            state.SkipWithError("flush failed");
            return;
        }
        latencies.clear();
        commits = 0;
        const auto start = Clock::now();
        const std::int64_t processCpuStart = processCpuNs();
        const std::int64_t threadCpuStart = threadCpuNs();
        for (int i = 0; i < kRecords; ++i) {
            JournalRecord record = flow.record(i);
            const auto before = Clock::now();
            const std::int64_t id = w.append(std::move(record));
            const auto after = Clock::now();
            latencies.push_back((after - before).count());
            // Keep the backlog bounded: a sustained rate, not a queue filling memory.
            while (id - w.committedId() > kMaxBacklog)
                std::this_thread::sleep_for(std::chrono::microseconds(200));
        }
        if (!w.flush()) {
            state.SkipWithError("flush failed");
            return;
        }
        const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
        state.SetIterationTime(seconds);
        // Everything but the appending thread: the writer thread and SQLite.
        const std::int64_t appender = threadCpuNs() - threadCpuStart;
        appenderCpuNs += appender;
        writerCpuNs += (processCpuNs() - processCpuStart) - appender;
        (void)w.close();
    }
    removeJournal(path);
    const auto records = static_cast<double>(state.iterations() * kRecords);
    state.SetItemsProcessed(state.iterations() * kRecords);
    state.counters["load_avg_1m"] = load;
    state.counters["append_p50_ns"] = static_cast<double>(percentile(latencies, 0.50));
    state.counters["append_p99_ns"] = static_cast<double>(percentile(latencies, 0.99));
    state.counters["append_p999_ns"] = static_cast<double>(percentile(latencies, 0.999));
    state.counters["append_max_ns"] =
        static_cast<double>(*std::max_element(latencies.begin(), latencies.end()));
    const double cpuPerRecord = static_cast<double>(writerCpuNs) / records;
    state.counters["writer_cpu_ns_per_record"] = cpuPerRecord;
    state.counters["records_per_writer_cpu_s"] = cpuPerRecord > 0 ? 1e9 / cpuPerRecord : 0.0;
    // Building the record and appending it, on the appending ("engine") thread.
    state.counters["appender_cpu_ns_per_record"] = static_cast<double>(appenderCpuNs) / records;
    state.counters["records_per_commit"] =
        commits > 0 ? static_cast<double>(kRecords) / static_cast<double>(commits) : 0.0;
}
BENCHMARK(journalAppend)
    ->Name("journal_append")
    ->ArgName("recycled_ids")
    ->Arg(0)
    ->Arg(1)
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond)
    ->Iterations(2);

void journalCommitLatency(benchmark::State& state) {
    constexpr int kCommits = 2'000;
    const std::string path = benchPath();
    std::vector<std::int64_t> latencies;
    std::int64_t processCpu = 0;
    const double load = loadAverage();
    for (auto _ : state) {
        removeJournal(path);
        OrderFlow flow(true);
        auto writer =
            JournalWriter::open(JournalWriterOptions{.path = path, .appVersion = "bench"});
        if (!writer) {
            state.SkipWithError(writer.error().toString().c_str());
            return;
        }
        JournalWriter& w = **writer;
        (void)w.flush();
        latencies.clear();
        const auto start = Clock::now();
        const std::int64_t cpuStart = processCpuNs();
        for (int i = 0; i < kCommits; ++i) {
            JournalRecord record = flow.record(i);
            const auto before = Clock::now();
            if (!w.appendAndWait(std::move(record))) {
                state.SkipWithError("appendAndWait failed");
                return;
            }
            latencies.push_back((Clock::now() - before).count());
        }
        state.SetIterationTime(std::chrono::duration<double>(Clock::now() - start).count());
        processCpu += processCpuNs() - cpuStart;
        (void)w.close();
    }
    removeJournal(path);
    state.SetItemsProcessed(state.iterations() * kCommits);
    state.counters["load_avg_1m"] = load;
    state.counters["commit_p50_us"] = static_cast<double>(percentile(latencies, 0.50)) / 1e3;
    state.counters["commit_p99_us"] = static_cast<double>(percentile(latencies, 0.99)) / 1e3;
    // Both threads: the waiting one and the writer.
    state.counters["cpu_us_per_commit"] =
        static_cast<double>(processCpu) / 1e3 / static_cast<double>(state.iterations() * kCommits);
}
BENCHMARK(journalCommitLatency)
    ->Name("journal_commit_latency")
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);

void sqliteReference(benchmark::State& state) {
    const std::string path = benchPath();
    const auto rowsPerTransaction = static_cast<int>(state.range(0));
    std::int64_t cpuNs = 0;
    const double load = loadAverage();
    std::vector<JournalRecord> rows;
    rows.reserve(kRecords);
    OrderFlow flow(true);
    for (int i = 0; i < kRecords; ++i)
        rows.push_back(flow.record(i));
    for (auto _ : state) {
        removeJournal(path);
        auto database = JournalDatabase::openForWriting(path);
        if (!database) {
            state.SkipWithError(database.error().toString().c_str());
            return;
        }
        sqlite3* db = database->handle();
        std::string sql =
            "INSERT INTO events (" + std::string(JournalSchema::kEventColumns) + ") VALUES (?";
        for (int c = 1; c < JournalSchema::kEventColumnCount; ++c)
            sql += ",?";
        sql += ")";
        sqlite3_stmt* insert = nullptr;
        sqlite3_prepare_v2(db, sql.c_str(), -1, &insert, nullptr);
        sqlite3_exec(db, "INSERT INTO sessions (start_ns) VALUES (1)", nullptr, nullptr, nullptr);
        const auto start = Clock::now();
        const std::int64_t cpuStart = threadCpuNs();
        for (int i = 0; i < kRecords; ++i) {
            if (i % rowsPerTransaction == 0)
                sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
            const JournalRecord& r = rows[static_cast<std::size_t>(i)];
            sqlite3_bind_int64(insert, 1, i + 1);
            sqlite3_bind_int64(insert, 2, 1);
            const auto kind = journalKindName(r.kind);
            sqlite3_bind_text(insert, 3, kind.data(), static_cast<int>(kind.size()), SQLITE_STATIC);
            sqlite3_bind_int64(insert, 4, r.localTimeNs);
            sqlite3_bind_int64(insert, 5, r.venueTimeNs);
            const std::string* texts[] = {
                &r.action,       &r.venue,         &r.account,     &r.instrument, &r.clientOrderId,
                &r.venueOrderId, &r.linkedOrderId, &r.origin,      &r.side,       &r.orderType,
                &r.timeInForce,  &r.quantity,      &r.price,       &r.stopPrice,  &r.fillQuantity,
                &r.fillPrice,    &r.fee,           &r.feeCurrency, &r.tradeId,    &r.status,
                &r.reason,       &r.message,       &r.details};
            int index = 6;
            for (const std::string* text : texts) {
                if (text->empty())
                    sqlite3_bind_null(insert, index++);
                else
                    sqlite3_bind_text(insert, index++, text->data(), static_cast<int>(text->size()),
                                      SQLITE_STATIC);
            }
            sqlite3_step(insert);
            sqlite3_reset(insert);
            if (i % rowsPerTransaction == rowsPerTransaction - 1 || i == kRecords - 1)
                sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
        }
        state.SetIterationTime(std::chrono::duration<double>(Clock::now() - start).count());
        cpuNs += threadCpuNs() - cpuStart;
        sqlite3_finalize(insert);
    }
    removeJournal(path);
    state.SetItemsProcessed(state.iterations() * kRecords);
    const double cpuPerRecord =
        static_cast<double>(cpuNs) / static_cast<double>(state.iterations() * kRecords);
    state.counters["load_avg_1m"] = load;
    state.counters["cpu_ns_per_record"] = cpuPerRecord;
    state.counters["records_per_cpu_s"] = cpuPerRecord > 0 ? 1e9 / cpuPerRecord : 0.0;
}
BENCHMARK(sqliteReference)
    ->Name("journal_sqlite_reference")
    ->Arg(4096)
    ->Arg(16384)
    ->Arg(kRecords)
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond)
    ->Iterations(2);

} // namespace
