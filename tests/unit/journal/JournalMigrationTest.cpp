// SPDX-License-Identifier: MIT
#include "core/journal/JournalReader.hpp"
#include "core/journal/JournalSchema.hpp"
#include "core/journal/JournalWriter.hpp"
#include "tests/unit/journal/TempJournalDir.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sstream>
#include <vector>

using namespace cw;
using namespace cw::journal;
using cw::journal::test::TempJournalDir;

namespace {

constexpr TimestampNs kT0 = 1'700'000'000'000'000'000; // as in make_v1_journal.py

std::string fixtureDir() {
    const char* root = std::getenv("CW_SOURCE_DIR");
    return std::string(root ? root : ".") + "/tests/fixtures/journal/";
}

std::string fixturePath() {
    return fixtureDir() + "journal-v1.sqlite";
}

/// Rows of a query, each row's columns joined with '|' (NULL as "NULL").
std::vector<std::string> rowsOf(sqlite3* db, const std::string& sql) {
    std::vector<std::string> rows;
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr) != SQLITE_OK) {
        ADD_FAILURE() << sql << ": " << sqlite3_errmsg(db);
        return rows;
    }
    while (sqlite3_step(statement) == SQLITE_ROW) {
        std::string row;
        for (int c = 0; c < sqlite3_column_count(statement); ++c) {
            const auto* text = sqlite3_column_text(statement, c);
            row +=
                (c ? "|" : "") + std::string(text ? reinterpret_cast<const char*>(text) : "NULL");
        }
        rows.push_back(row);
    }
    sqlite3_finalize(statement);
    return rows;
}

/// Everything about a database's layout except the order of columns: per table its columns
/// (name, type, not null, default, primary key) and foreign keys, and every index's SQL with
/// runs of white space made one space. Sorted.
std::vector<std::string> layoutOf(sqlite3* db) {
    std::vector<std::string> layout;
    for (const auto& table : rowsOf(db, "SELECT name FROM sqlite_schema WHERE type = 'table' "
                                        "AND name NOT LIKE 'sqlite_%'")) {
        for (const auto& column :
             rowsOf(db, "SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info('" +
                            table + "')"))
            layout.push_back("column " + table + "." + column);
        for (const auto& key : rowsOf(db, "SELECT \"from\", \"table\", \"to\" FROM "
                                          "pragma_foreign_key_list('" +
                                              table + "')"))
            layout.push_back("foreign key " + table + "." + key);
    }
    for (auto sql : rowsOf(db, "SELECT sql FROM sqlite_schema WHERE type = 'index' AND sql "
                               "IS NOT NULL")) {
        std::istringstream words(sql);
        std::string word, normalized;
        while (words >> word)
            normalized += (normalized.empty() ? "" : " ") + word;
        layout.push_back("index " + normalized);
    }
    std::sort(layout.begin(), layout.end());
    return layout;
}

std::vector<std::string> layoutOf(const std::string& path) {
    sqlite3* db = nullptr;
    EXPECT_EQ(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
    auto layout = layoutOf(db);
    sqlite3_close(db);
    return layout;
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

TEST(JournalMigration, fixtureHasExactlyTheFrozenVersionOneLayout) {
    // The frozen DDL next to the fixture, run on an empty database, gives the fixture's layout:
    // the .sql file is the one place version 1 is described.
    std::ifstream in(fixtureDir() + "journal-v1-schema.sql");
    ASSERT_TRUE(in.good());
    const std::string ddl((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(":memory:", &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db, ddl.c_str(), nullptr, nullptr, nullptr), SQLITE_OK)
        << sqlite3_errmsg(db);
    const auto frozen = layoutOf(db);
    sqlite3_close(db);
    EXPECT_FALSE(frozen.empty());
    EXPECT_EQ(layoutOf(fixturePath()), frozen);
}

TEST(JournalMigration, migratedVersionOneHasTheLayoutOfANewJournal) {
    TempJournalDir dir;
    const auto migrated = copyOfFixture(dir);
    const auto created = dir.file("new.cwjournal");
    for (const auto& path : {migrated, created}) {
        auto writer = JournalWriter::open(JournalWriterOptions{.path = path});
        ASSERT_TRUE(writer.hasValue()) << writer.error().toString();
        ASSERT_TRUE((*writer)->close().hasValue());
    }
    EXPECT_EQ(userVersion(migrated), JournalSchema::kCurrentVersion);
    EXPECT_EQ(userVersion(created), JournalSchema::kCurrentVersion);
    const auto newLayout = layoutOf(created);
    // Not vacuous: the new journal has the current columns and the review indexes.
    EXPECT_NE(
        std::find(newLayout.begin(), newLayout.end(), "column events.fee_currency|TEXT|0|NULL|0"),
        newLayout.end());
    EXPECT_EQ(std::count_if(newLayout.begin(), newLayout.end(),
                            [](const std::string& s) { return s.rfind("index ", 0) == 0; }),
              4);
    EXPECT_EQ(layoutOf(migrated), newLayout);
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
