// SPDX-License-Identifier: MIT
#include "core/journal/JournalWriter.hpp"

#include "core/journal/JournalReader.hpp"
#include "tests/unit/journal/TempJournalDir.hpp"

#include <atomic>
#include <gtest/gtest.h>
#include <mutex>
#include <sqlite3.h>
#include <thread>

using namespace cw;
using namespace cw::journal;
using namespace std::chrono_literals;
using cw::journal::test::TempJournalDir;

namespace {

JournalWriterOptions optionsFor(const std::string& path) {
    JournalWriterOptions options;
    options.path = path;
    options.appVersion = "9.9.9";
    options.account = "main";
    return options;
}

std::unique_ptr<JournalWriter> openWriter(JournalWriterOptions options) {
    auto writer = JournalWriter::open(std::move(options));
    EXPECT_TRUE(writer.hasValue()) << writer.error().toString();
    return writer.hasValue() ? std::move(*writer) : nullptr;
}

JournalRecord note(int i) {
    return JournalRecord::note("n" + std::to_string(i), "user", 1000 + i);
}

} // namespace

TEST(JournalWriter, appendReturnsIncreasingIdsAndFlushCommitsThem) {
    TempJournalDir dir;
    auto writer = openWriter(optionsFor(dir.file("j.cwjournal")));
    ASSERT_TRUE(writer);
    // Id 1 is the SessionStarted record the writer journals itself.
    std::int64_t previous = writer->lastAssignedId();
    EXPECT_EQ(previous, 1);
    for (int i = 0; i < 500; ++i) {
        const auto id = writer->append(note(i));
        EXPECT_EQ(id, previous + 1);
        previous = id;
    }
    ASSERT_TRUE(writer->flush().hasValue());
    EXPECT_EQ(writer->committedId(), previous);

    auto reader = JournalReader::open(writer->path());
    ASSERT_TRUE(reader.hasValue()) << reader.error().toString();
    auto count = reader->count(JournalQuery{.kind = JournalKind::Note});
    ASSERT_TRUE(count.hasValue());
    EXPECT_EQ(*count, 500);
    auto last = reader->events(JournalQuery{.newestFirst = true, .limit = 1});
    ASSERT_TRUE(last.hasValue());
    ASSERT_EQ(last->size(), 1u);
    EXPECT_EQ(last->front().id, previous);
    EXPECT_EQ(last->front().record.message, "n499");
    EXPECT_EQ(last->front().sessionId, writer->sessionId());
}

TEST(JournalWriter, appendAndWaitReturnsOnlyOnceTheRecordIsReadableByAnotherConnection) {
    TempJournalDir dir;
    auto writer = openWriter(optionsFor(dir.file("j.cwjournal")));
    ASSERT_TRUE(writer);
    auto reader = JournalReader::open(writer->path());
    ASSERT_TRUE(reader.hasValue());
    for (int i = 0; i < 20; ++i) {
        auto id = writer->appendAndWait(note(i), 10s);
        ASSERT_TRUE(id.hasValue()) << id.error().toString();
        EXPECT_GE(writer->committedId(), *id);
        auto found = reader->events(JournalQuery{.afterId = *id - 1, .limit = 1});
        ASSERT_TRUE(found.hasValue());
        ASSERT_EQ(found->size(), 1u);
        EXPECT_EQ(found->front().id, *id);
    }
}

TEST(JournalWriter, notifiesCommitsOnItsThreadInIncreasingOrder) {
    TempJournalDir dir;
    std::mutex mutex;
    std::vector<std::int64_t> seen;
    auto options = optionsFor(dir.file("j.cwjournal"));
    options.maxBatchRecords = 64;
    options.onCommitted = [&](std::int64_t id) {
        std::lock_guard lock(mutex);
        seen.push_back(id);
    };
    auto writer = openWriter(options);
    ASSERT_TRUE(writer);
    for (int i = 0; i < 1000; ++i)
        writer->append(note(i));
    ASSERT_TRUE(writer->flush().hasValue());
    std::lock_guard lock(mutex);
    ASSERT_FALSE(seen.empty());
    EXPECT_TRUE(std::is_sorted(seen.begin(), seen.end()));
    EXPECT_EQ(seen.back(), writer->lastAssignedId());
    // 1001 records in batches of at most 64: at least 16 commits.
    EXPECT_GE(seen.size(), 16u);
}

TEST(JournalWriter, appendsFromSeveralThreadsGetUniqueIds) {
    TempJournalDir dir;
    auto writer = openWriter(optionsFor(dir.file("j.cwjournal")));
    ASSERT_TRUE(writer);
    constexpr int kThreads = 4;
    constexpr int kEach = 2000;
    std::vector<std::vector<std::int64_t>> ids(kThreads);
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < kEach; ++i)
                ids[t].push_back(writer->append(note(i)));
        });
    }
    for (auto& thread : threads)
        thread.join();
    std::vector<std::int64_t> all;
    for (const auto& part : ids) {
        EXPECT_TRUE(std::is_sorted(part.begin(), part.end()));
        all.insert(all.end(), part.begin(), part.end());
    }
    std::sort(all.begin(), all.end());
    EXPECT_EQ(std::adjacent_find(all.begin(), all.end()), all.end()) << "duplicate id";
    ASSERT_TRUE(writer->flush().hasValue());
    auto reader = JournalReader::open(writer->path());
    ASSERT_TRUE(reader.hasValue());
    EXPECT_EQ(*reader->count(JournalQuery{.kind = JournalKind::Note}), kThreads * kEach);
}

TEST(JournalWriter, reopeningContinuesIdsAndRecordsSessions) {
    TempJournalDir dir;
    const auto path = dir.file("j.cwjournal");
    std::int64_t lastOfFirst = 0;
    {
        auto writer = openWriter(optionsFor(path));
        ASSERT_TRUE(writer);
        for (int i = 0; i < 10; ++i)
            lastOfFirst = writer->append(note(i));
        ASSERT_TRUE(writer->close().hasValue());
        EXPECT_EQ(writer->append(note(99)), 0) << "append after close must not hand out ids";
        EXPECT_FALSE(writer->takeErrors().empty()) << "the refused append is reported";
    }
    auto writer = openWriter(optionsFor(path));
    ASSERT_TRUE(writer);
    EXPECT_EQ(writer->uncleanSessionsFound(), 0);
    // +1 for the first session's SessionStopped, +1 for this session's SessionStarted.
    EXPECT_EQ(writer->lastAssignedId(), lastOfFirst + 2);
    EXPECT_EQ(writer->committedId(), lastOfFirst + 1);
    ASSERT_TRUE(writer->close().hasValue());

    auto reader = JournalReader::open(path);
    ASSERT_TRUE(reader.hasValue());
    auto sessions = reader->sessions();
    ASSERT_TRUE(sessions.hasValue());
    ASSERT_EQ(sessions->size(), 2u);
    for (const auto& session : *sessions) {
        EXPECT_TRUE(session.cleanShutdown);
        EXPECT_GE(session.stopNs, session.startNs);
        EXPECT_EQ(session.appVersion, "9.9.9");
        EXPECT_EQ(session.account, "main");
    }
    auto markers = reader->events(JournalQuery{.kind = JournalKind::Session});
    ASSERT_TRUE(markers.hasValue());
    ASSERT_EQ(markers->size(), 4u);
    EXPECT_EQ((*markers)[0].record.action, "SessionStarted");
    EXPECT_EQ((*markers)[1].record.action, "SessionStopped");
}

TEST(JournalWriter, aLockedDatabaseIsReportedRetriedAndNothingIsLost) {
    TempJournalDir dir;
    const auto path = dir.file("j.cwjournal");
    std::atomic<int> errorCallbacks{0};
    auto options = optionsFor(path);
    options.busyTimeout = 10ms;
    options.retryDelay = 5ms;
    options.onError = [&](const Error&) { ++errorCallbacks; };
    auto writer = openWriter(options);
    ASSERT_TRUE(writer);
    ASSERT_TRUE(writer->flush().hasValue());
    const auto before = writer->committedId();

    // Another connection holds the write lock: every commit attempt fails with SQLITE_BUSY.
    sqlite3* blocker = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &blocker), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(blocker, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);

    std::int64_t last = 0;
    for (int i = 0; i < 50; ++i)
        last = writer->append(note(i));
    auto timedOut = writer->flush(150ms);
    ASSERT_FALSE(timedOut.hasValue());
    EXPECT_EQ(timedOut.error().code, ErrorCode::Unavailable);
    EXPECT_NE(timedOut.error().message.find("locked"), std::string::npos)
        << timedOut.error().message;
    EXPECT_EQ(writer->committedId(), before);
    const auto errors = writer->takeErrors();
    ASSERT_FALSE(errors.empty());
    EXPECT_EQ(errors.front().code, ErrorCode::IoError);
    EXPECT_NE(errors.front().message.find("will retry"), std::string::npos);
    EXPECT_GE(errorCallbacks.load(), 1);

    ASSERT_EQ(sqlite3_exec(blocker, "ROLLBACK", nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(blocker);
    ASSERT_TRUE(writer->flush(10s).hasValue());
    EXPECT_EQ(writer->committedId(), last);
    auto reader = JournalReader::open(path);
    ASSERT_TRUE(reader.hasValue());
    EXPECT_EQ(*reader->count(JournalQuery{.kind = JournalKind::Note}), 50);
}

TEST(JournalWriter, recordsRoundTripEveryColumnExactly) {
    TempJournalDir dir;
    auto writer = openWriter(optionsFor(dir.file("j.cwjournal")));
    ASSERT_TRUE(writer);
    JournalRecord record;
    record.kind = JournalKind::Fill;
    record.localTimeNs = 1'700'000'000'123'456'789;
    record.venueTimeNs = -5; // odd but kept: the journal does not judge values
    const std::vector<std::string*> texts = {
        &record.action,        &record.venue,        &record.account,       &record.instrument,
        &record.clientOrderId, &record.venueOrderId, &record.linkedOrderId, &record.origin,
        &record.side,          &record.orderType,    &record.timeInForce,   &record.quantity,
        &record.price,         &record.stopPrice,    &record.fillQuantity,  &record.fillPrice,
        &record.fee,           &record.feeCurrency,  &record.tradeId,       &record.status,
        &record.reason,        &record.message,      &record.details};
    int i = 0;
    for (auto* text : texts)
        *text = "v" + std::to_string(i++) + " \"quoted\" ü\n0.10000000";
    record.message = std::string("nul\0inside", 10); // binary-safe text
    auto id = writer->appendAndWait(record);
    ASSERT_TRUE(id.hasValue());
    auto reader = JournalReader::open(writer->path());
    ASSERT_TRUE(reader.hasValue());
    auto found = reader->events(JournalQuery{.afterId = *id - 1, .limit = 1});
    ASSERT_TRUE(found.hasValue());
    ASSERT_EQ(found->size(), 1u);
    const JournalRecord& back = found->front().record;
    EXPECT_EQ(back.kind, record.kind);
    EXPECT_EQ(back.localTimeNs, record.localTimeNs);
    EXPECT_EQ(back.venueTimeNs, record.venueTimeNs);
    EXPECT_EQ(back.message, record.message);
    const std::vector<const std::string*> backTexts = {
        &back.action,        &back.venue,        &back.account,       &back.instrument,
        &back.clientOrderId, &back.venueOrderId, &back.linkedOrderId, &back.origin,
        &back.side,          &back.orderType,    &back.timeInForce,   &back.quantity,
        &back.price,         &back.stopPrice,    &back.fillQuantity,  &back.fillPrice,
        &back.fee,           &back.feeCurrency,  &back.tradeId,       &back.status,
        &back.reason,        &back.message,      &back.details};
    for (std::size_t k = 0; k < texts.size(); ++k)
        EXPECT_EQ(*backTexts[k], *texts[k]) << "column " << k;
}

TEST(JournalWriter, amountsAreStoredAsTextNeverReal) {
    TempJournalDir dir;
    const auto path = dir.file("j.cwjournal");
    auto writer = openWriter(optionsFor(path));
    ASSERT_TRUE(writer);
    adapters::OrderFilled fill;
    fill.instrument = *adapters::InstrumentKey::make("SIM", "BTCUSDT");
    fill.side = Side::Buy;
    fill.quantity = *Quantity::parse("0.10000000");
    fill.price = *Price::parse("43000.10");
    fill.fee = *Money::parse("0.00430001", *Currency::parse("USDT"));
    ASSERT_TRUE(writer->appendAndWait(JournalRecord::fromEvent(fill, 1)).hasValue());
    ASSERT_TRUE(writer->close().hasValue());

    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
    sqlite3_stmt* statement = nullptr;
    ASSERT_EQ(sqlite3_prepare_v2(db,
                                 "SELECT typeof(fill_quantity), typeof(fill_price), typeof(fee), "
                                 "fill_quantity FROM events WHERE kind = 'Fill'",
                                 -1, &statement, nullptr),
              SQLITE_OK);
    ASSERT_EQ(sqlite3_step(statement), SQLITE_ROW);
    for (int c = 0; c < 3; ++c)
        EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(statement, c)), "text");
    EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(statement, 3)), "0.10000000");
    sqlite3_finalize(statement);
    sqlite3_close(db);
}
