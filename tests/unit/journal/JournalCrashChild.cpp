// SPDX-License-Identifier: MIT
// A process that journals an order flow (request, acknowledgement, fill) in a loop for the
// durability test, which kills it at random moments. Prints to stdout, one line each:
//   "started <sessionId> <firstId> <uncleanSessionsFound>" once the writer is open,
//   "committed <id>" after every commit (from the writer thread),
//   "closed" after a clean close (only with --records).
// Usage: cw_journal_crash_child <journal path> [--records N]
#include "core/journal/JournalWriter.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <unistd.h>

using namespace cw;
using namespace cw::journal;

namespace {

/// One write(2) per line: lines below PIPE_BUF reach the pipe whole, even if the process is
/// killed right after.
void say(const std::string& line) {
    const std::string text = line + "\n";
    [[maybe_unused]] const auto written = ::write(STDOUT_FILENO, text.data(), text.size());
}

TimestampNs now() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 2 && argc != 4) {
        std::fprintf(stderr, "usage: %s <journal path> [--records N]\n", argv[0]);
        return 2;
    }
    const long loops = argc == 4 ? std::atol(argv[3]) : -1;

    JournalWriterOptions options;
    options.path = argv[1];
    options.appVersion = "crash-child";
    options.maxBatchRecords = 64;
    options.maxBatchDelay = std::chrono::microseconds(200);
    options.onCommitted = [](std::int64_t id) { say("committed " + std::to_string(id)); };
    auto writer = JournalWriter::open(options);
    if (!writer) {
        std::fprintf(stderr, "%s\n", writer.error().toString().c_str());
        return 1;
    }
    JournalWriter& w = **writer;
    say("started " + std::to_string(w.sessionId()) + " " + std::to_string(w.lastAssignedId()) +
        " " + std::to_string(w.uncleanSessionsFound()));

    const auto instrument = *adapters::InstrumentKey::make("SIM", "BTCUSDT");
    for (long i = 0; loops < 0 || i < loops; ++i) {
        const std::string coid = "s" + std::to_string(w.sessionId()) + "-" + std::to_string(i);
        adapters::SubmitOrder order;
        order.clientOrderId = coid;
        order.instrument = instrument;
        order.side = i % 2 == 0 ? Side::Buy : Side::Sell;
        order.type = OrderType::Limit;
        order.quantity = *Quantity::parse("0.01000000");
        order.limitPrice = *Price::parse("43000.10");
        w.append(JournalRecord::fromRequest(order, "user", now()));

        adapters::OrderAccepted accepted;
        accepted.clientOrderId = coid;
        accepted.venueOrderId = "V" + std::to_string(i);
        accepted.instrument = instrument;
        w.append(JournalRecord::fromEvent(accepted, now()));

        adapters::OrderFilled fill;
        fill.clientOrderId = coid;
        fill.instrument = instrument;
        fill.tradeId = "T" + std::to_string(i);
        fill.side = order.side;
        fill.quantity = order.quantity;
        fill.price = order.limitPrice;
        fill.cumulativeQuantity = order.quantity;
        fill.leavesQuantity = *Quantity::parse("0.00000000");
        w.append(JournalRecord::fromEvent(fill, now()));

        std::this_thread::sleep_for(std::chrono::microseconds(100));
    }
    if (auto closed = w.close(); !closed) {
        std::fprintf(stderr, "%s\n", closed.error().toString().c_str());
        return 1;
    }
    say("closed");
    return 0;
}
