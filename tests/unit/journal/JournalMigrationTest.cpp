// SPDX-License-Identifier: MIT
#include "core/journal/JournalReader.hpp"
#include "core/journal/JournalSchema.hpp"
#include "core/journal/JournalWriter.hpp"
#include "tests/unit/journal/TempJournalDir.hpp"

#include <cstdlib>
#include <filesystem>
#include <gtest/gtest.h>
#include <sqlite3.h>

using namespace cw;
using namespace cw::journal;
using cw::journal::test::TempJournalDir;

namespace {

constexpr TimestampNs kT0 = 1'700'000'000'000'000'000; // as in make_v1_journal.py

std::string fixturePath() {
    const char* root = std::getenv("CW_SOURCE_DIR");
    return std::string(root ? root : ".") + "/tests/fixtures/journal/journal-v1.sqlite";
}

/// A copy of the v1 fixture in `dir` (the committed file itself is never opened for writing).
std::string copyOfFixture(const TempJournalDir& dir) {
    const auto copy = dir.file("old.cwjournal");
    std::filesystem::copy_file(fixturePath(), copy);
    return copy;
}

std::int64_t userVersion(const std::string& path) {
    sqlite3* db = nullptr;
    sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt* statement = nullptr;
    sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &statement, nullptr);
    std::int64_t version = -1;
    if (sqlite3_step(statement) == SQLITE_ROW)
        version = sqlite3_column_int64(statement, 0);
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return version;
}

} // namespace

TEST(JournalMigration, fixtureIsAVersionOneJournal) {
    ASSERT_TRUE(std::filesystem::exists(fixturePath())) << fixturePath();
    EXPECT_EQ(userVersion(fixturePath()), 1);
}

TEST(JournalMigration, readerAsksForMigrationOfAnOlderJournalAndLeavesItAlone) {
    TempJournalDir dir;
    const auto path = copyOfFixture(dir);
    const auto before = TempJournalDir::readBytes(path);
    auto reader = JournalReader::open(path);
    ASSERT_FALSE(reader.hasValue());
    EXPECT_EQ(reader.error().code, ErrorCode::Unsupported);
    EXPECT_NE(reader.error().message.find("older journal schema version 1"), std::string::npos)
        << reader.error().message;
    EXPECT_EQ(TempJournalDir::readBytes(path), before);
}

TEST(JournalMigration, writerMigratesVersionOneAndOldRowsStayReadable) {
    TempJournalDir dir;
    const auto path = copyOfFixture(dir);
    {
        JournalWriterOptions options;
        options.path = path;
        options.appVersion = "0.1.0";
        auto writer = JournalWriter::open(options);
        ASSERT_TRUE(writer.hasValue()) << writer.error().toString();
        // Session 2 of the fixture was never closed.
        EXPECT_EQ((*writer)->uncleanSessionsFound(), 1);
        // New ids continue after the fixture's last id (9).
        EXPECT_EQ((*writer)->lastAssignedId(), 10);
        ASSERT_TRUE((*writer)->close().hasValue());
    }
    EXPECT_EQ(userVersion(path), JournalSchema::kCurrentVersion);

    auto reader = JournalReader::open(path);
    ASSERT_TRUE(reader.hasValue()) << reader.error().toString();

    // The whole life of the old order, with v1's "amount CURRENCY" fee split in two.
    auto history = reader->orderHistory("cw-1");
    ASSERT_TRUE(history.hasValue()) << history.error().toString();
    ASSERT_EQ(history->size(), 4u);
    const JournalRecord& submit = (*history)[0].record;
    EXPECT_EQ(submit.action, "SubmitOrder");
    EXPECT_EQ(submit.quantity, "0.50000000");
    EXPECT_EQ(submit.price, "43000.10");
    EXPECT_EQ(submit.stopPrice, ""); // a v2 column: empty for old rows
    EXPECT_EQ(submit.account, "");
    EXPECT_EQ(submit.details, "");
    const JournalRecord& firstFill = (*history)[2].record;
    EXPECT_EQ(firstFill.kind, JournalKind::Fill);
    EXPECT_EQ(firstFill.fee, "0.00860002");
    EXPECT_EQ(firstFill.feeCurrency, "USDT");
    EXPECT_EQ(firstFill.venueTimeNs, kT0 + 2'500);

    auto totals = reader->fillTotals(JournalQuery{.instrument = "SIM:BTCUSDT"});
    ASSERT_TRUE(totals.hasValue()) << totals.error().toString();
    EXPECT_EQ(totals->fillCount, 2);
    EXPECT_EQ(totals->boughtQuantity, *Decimal::parse("0.5"));
    EXPECT_EQ(totals->boughtNotional, *Decimal::parse("21500.02")); // 8600.02 + 12900
    ASSERT_EQ(totals->fees.size(), 1u);
    EXPECT_EQ(totals->fees[0], *Money::parse("0.02150002", *Currency::parse("USDT")));

    auto rejected = reader->events(JournalQuery{.clientOrderId = "cw-2"});
    ASSERT_TRUE(rejected.hasValue());
    ASSERT_EQ(rejected->size(), 2u);
    EXPECT_EQ((*rejected)[0].record.origin, "strategy:mean-revert");
    EXPECT_EQ((*rejected)[1].record.reason, "InsufficientBalance");
    EXPECT_EQ((*rejected)[1].record.feeCurrency, ""); // no fee: nothing to split

    auto sessions = reader->sessions();
    ASSERT_TRUE(sessions.hasValue());
    ASSERT_EQ(sessions->size(), 3u);
    EXPECT_TRUE((*sessions)[0].cleanShutdown);
    EXPECT_EQ((*sessions)[0].appVersion, ""); // v1 did not record it
    EXPECT_FALSE((*sessions)[1].cleanShutdown);
    // The crashed session now ends at its last event.
    EXPECT_EQ((*sessions)[1].stopNs, kT0 + 121'000'100'000);
    EXPECT_TRUE((*sessions)[2].cleanShutdown);
    EXPECT_EQ((*sessions)[2].appVersion, "0.1.0");

    // Opening again does not migrate twice.
    auto again = JournalWriter::open(JournalWriterOptions{.path = path});
    ASSERT_TRUE(again.hasValue()) << again.error().toString();
    EXPECT_EQ((*again)->uncleanSessionsFound(), 0);
}
