// SPDX-License-Identifier: MIT
// The trade journal's write path (docs/journal.md):
// - journal_append: the engine side appends an order flow (request, acknowledgement, fill)
//   through JournalWriter as fast as it can, holding the backlog under 50,000 records; counts
//   the sustained rate until the last record is committed, and the latency of each append
//   call itself (the engine-thread cost).
// - journal_sqlite_reference/<rows per transaction>: the same rows into the same schema with a
//   plain sqlite3 prepared-insert loop on the calling thread, no queue and no thread.
#include "core/journal/JournalDatabase.hpp"
#include "core/journal/JournalRecord.hpp"
#include "core/journal/JournalSchema.hpp"
#include "core/journal/JournalWriter.hpp"

#include <algorithm>
#include <benchmark/benchmark.h>
#include <chrono>
#include <cstdint>
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

std::string benchPath() {
    return (std::filesystem::temp_directory_path() /
            ("cw-journal-bench-" + std::to_string(::getpid()) + ".cwjournal"))
        .string();
}

void removeJournal(const std::string& path) {
    for (const char* suffix : {"", "-wal", "-shm"})
        std::filesystem::remove(path + suffix);
}

/// Three records per order: SubmitOrder from the ticket, OrderAccepted, OrderFilled.
std::vector<JournalRecord> orderFlow() {
    const auto instrument = *adapters::InstrumentKey::make("SIM", "BTCUSDT");
    std::vector<JournalRecord> records;
    const TimestampNs t0 = 1'717'597'800LL * kNsPerSecond;
    for (int i = 0; i < 1000; ++i) {
        const std::string coid = "cw-" + std::to_string(100000 + i);
        adapters::SubmitOrder order;
        order.clientOrderId = coid;
        order.instrument = instrument;
        order.side = i % 2 ? Side::Sell : Side::Buy;
        order.type = OrderType::Limit;
        order.quantity = *Quantity::parse("0.01000000");
        order.limitPrice = *Price::parse("43000.10");
        records.push_back(JournalRecord::fromRequest(order, "user", t0 + i * 3));

        adapters::OrderAccepted accepted;
        accepted.clientOrderId = coid;
        accepted.venueOrderId = "V" + std::to_string(i);
        accepted.instrument = instrument;
        accepted.venueTime = t0 + i * 3;
        records.push_back(JournalRecord::fromEvent(accepted, t0 + i * 3 + 1));

        adapters::OrderFilled fill;
        fill.clientOrderId = coid;
        fill.venueOrderId = accepted.venueOrderId;
        fill.instrument = instrument;
        fill.tradeId = "T" + std::to_string(i);
        fill.side = order.side;
        fill.quantity = order.quantity;
        fill.price = order.limitPrice;
        fill.fee = *Money::parse("0.00430001", *Currency::parse("USDT"));
        fill.liquidity = adapters::Liquidity::Maker;
        fill.cumulativeQuantity = order.quantity;
        fill.leavesQuantity = *Quantity::parse("0.00000000");
        fill.venueTime = t0 + i * 3 + 1;
        records.push_back(JournalRecord::fromEvent(fill, t0 + i * 3 + 2));
    }
    return records;
}

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
    const std::vector<JournalRecord> flow = orderFlow();
    std::vector<std::int64_t> latencies;
    latencies.reserve(kRecords);
    std::int64_t commits = 0;
    std::int64_t writerCpuNs = 0;
    for (auto _ : state) {
        removeJournal(path);
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
            JournalRecord record = flow[static_cast<std::size_t>(i) % flow.size()];
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
        writerCpuNs += (processCpuNs() - processCpuStart) - (threadCpuNs() - threadCpuStart);
        (void)w.close();
    }
    removeJournal(path);
    state.SetItemsProcessed(state.iterations() * kRecords);
    state.counters["append_p50_ns"] = static_cast<double>(percentile(latencies, 0.50));
    state.counters["append_p99_ns"] = static_cast<double>(percentile(latencies, 0.99));
    state.counters["append_p999_ns"] = static_cast<double>(percentile(latencies, 0.999));
    state.counters["append_max_ns"] =
        static_cast<double>(*std::max_element(latencies.begin(), latencies.end()));
    const double cpuPerRecord =
        static_cast<double>(writerCpuNs) / static_cast<double>(state.iterations() * kRecords);
    state.counters["writer_cpu_ns_per_record"] = cpuPerRecord;
    state.counters["records_per_writer_cpu_s"] = cpuPerRecord > 0 ? 1e9 / cpuPerRecord : 0.0;
    state.counters["records_per_commit"] =
        commits > 0 ? static_cast<double>(kRecords) / static_cast<double>(commits) : 0.0;
}
BENCHMARK(journalAppend)
    ->Name("journal_append")
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond)
    ->Iterations(2);

void sqliteReference(benchmark::State& state) {
    const std::string path = benchPath();
    const std::vector<JournalRecord> flow = orderFlow();
    const auto rowsPerTransaction = static_cast<int>(state.range(0));
    std::int64_t cpuNs = 0;
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
            const JournalRecord& r = flow[static_cast<std::size_t>(i) % flow.size()];
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
    state.counters["cpu_ns_per_record"] = cpuPerRecord;
    state.counters["records_per_cpu_s"] = cpuPerRecord > 0 ? 1e9 / cpuPerRecord : 0.0;
}
BENCHMARK(sqliteReference)
    ->Name("journal_sqlite_reference")
    ->Arg(4096)
    ->Arg(kRecords)
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond)
    ->Iterations(2);

} // namespace
