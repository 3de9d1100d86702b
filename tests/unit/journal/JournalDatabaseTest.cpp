// SPDX-License-Identifier: MIT
#include "core/journal/JournalDatabase.hpp"

#include "core/journal/JournalReader.hpp"
#include "core/journal/JournalSchema.hpp"
#include "core/journal/JournalWriter.hpp"
#include "tests/unit/journal/TempJournalDir.hpp"

#include <filesystem>
#include <gtest/gtest.h>
#include <random>
#include <sqlite3.h>

using namespace cw;
using namespace cw::journal;
using cw::journal::test::TempJournalDir;

namespace {

/// Runs SQL on a plain SQLite connection (outside the code under test).
void runSql(const std::string& path, const std::string& sql) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    char* message = nullptr;
    const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message);
    EXPECT_EQ(rc, SQLITE_OK) << (message ? message : "");
    sqlite3_free(message);
    sqlite3_close(db);
}

std::int64_t pragma(const std::string& path, const std::string& name) {
    sqlite3* db = nullptr;
    EXPECT_EQ(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
    sqlite3_stmt* statement = nullptr;
    sqlite3_prepare_v2(db, ("PRAGMA " + name).c_str(), -1, &statement, nullptr);
    std::int64_t value = -1;
    if (sqlite3_step(statement) == SQLITE_ROW)
        value = sqlite3_column_int64(statement, 0);
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return value;
}

/// Expects opening `path` for writing and for reading to fail with `code`, the message to
/// name the path and `fragment`, and the file and its folder to stay exactly as they were.
void expectRefusedUntouched(const TempJournalDir& dir, const std::string& path, ErrorCode code,
                            std::string_view fragment) {
    const std::string before = TempJournalDir::readBytes(path);
    const auto filesBefore = std::distance(std::filesystem::directory_iterator(dir.path()),
                                           std::filesystem::directory_iterator());

    auto writer = JournalWriter::open(JournalWriterOptions{.path = path});
    ASSERT_FALSE(writer.hasValue());
    EXPECT_EQ(writer.error().code, code) << writer.error().toString();
    EXPECT_NE(writer.error().message.find(path), std::string::npos) << writer.error().message;
    EXPECT_NE(writer.error().message.find(fragment), std::string::npos) << writer.error().message;
    EXPECT_NE(writer.error().message.find("not changed"), std::string::npos);

    auto reader = JournalReader::open(path);
    ASSERT_FALSE(reader.hasValue());
    EXPECT_EQ(reader.error().code, code) << reader.error().toString();

    EXPECT_EQ(TempJournalDir::readBytes(path), before) << "the file was modified";
    const auto filesAfter = std::distance(std::filesystem::directory_iterator(dir.path()),
                                          std::filesystem::directory_iterator());
    EXPECT_EQ(filesAfter, filesBefore) << "side files (-wal, -journal) were left behind";
}

} // namespace

TEST(JournalDatabase, createsANewJournalAtTheCurrentVersionInWalMode) {
    TempJournalDir dir;
    const auto path = dir.file("new.cwjournal");
    {
        auto db = JournalDatabase::openForWriting(path);
        ASSERT_TRUE(db.hasValue()) << db.error().toString();
        EXPECT_EQ(db->versionBeforeOpen(), 0);
        auto mode = db->queryInt64("SELECT count(*) FROM pragma_journal_mode WHERE "
                                   "journal_mode = 'wal'");
        ASSERT_TRUE(mode.hasValue());
        EXPECT_EQ(*mode, 1);
        auto sync = db->queryInt64("PRAGMA synchronous");
        ASSERT_TRUE(sync.hasValue());
        EXPECT_EQ(*sync, 1); // NORMAL
    }
    EXPECT_EQ(pragma(path, "application_id"), JournalSchema::kApplicationId);
    EXPECT_EQ(pragma(path, "user_version"), JournalSchema::kCurrentVersion);
    auto reopened = JournalDatabase::openForWriting(path);
    ASSERT_TRUE(reopened.hasValue());
    EXPECT_EQ(reopened->versionBeforeOpen(), JournalSchema::kCurrentVersion);
}

TEST(JournalDatabase, aZeroByteFileBecomesANewJournal) {
    TempJournalDir dir;
    const auto path = dir.file("empty.cwjournal");
    TempJournalDir::writeBytes(path, "");
    auto db = JournalDatabase::openForWriting(path);
    ASSERT_TRUE(db.hasValue()) << db.error().toString();
    EXPECT_EQ(pragma(path, "user_version"), JournalSchema::kCurrentVersion);
}

TEST(JournalDatabase, refusesATextFile) {
    TempJournalDir dir;
    const auto path = dir.file("notes.txt");
    TempJournalDir::writeBytes(path, "These are my trading notes, not a database.\n");
    expectRefusedUntouched(dir, path, ErrorCode::ParseError, "is not a SQLite database");
}

TEST(JournalDatabase, refusesRandomBytesAndAShortFile) {
    TempJournalDir dir;
    const auto path = dir.file("random.bin");
    std::mt19937 rng(7);
    std::string bytes(8192, '\0');
    for (auto& b : bytes)
        b = static_cast<char>(rng());
    TempJournalDir::writeBytes(path, bytes);
    expectRefusedUntouched(dir, path, ErrorCode::ParseError, "is not a SQLite database");

    const auto shortPath = dir.file("short.bin");
    TempJournalDir::writeBytes(shortPath, "SQLite");
    expectRefusedUntouched(dir, shortPath, ErrorCode::ParseError, "is not a SQLite database");
}

TEST(JournalDatabase, refusesAnotherApplicationsDatabase) {
    TempJournalDir dir;
    const auto path = dir.file("other.db");
    runSql(path, "PRAGMA application_id = 1234; CREATE TABLE events (id INTEGER PRIMARY KEY);"
                 "INSERT INTO events VALUES (1);");
    expectRefusedUntouched(dir, path, ErrorCode::InvalidArgument, "another application");
}

TEST(JournalDatabase, refusesADatabaseWithoutApplicationIdThatHasTables) {
    TempJournalDir dir;
    const auto path = dir.file("contacts.db");
    runSql(path, "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Ada');");
    expectRefusedUntouched(dir, path, ErrorCode::InvalidArgument, "another application");
}

TEST(JournalDatabase, refusesAJournalWithUnknownTables) {
    TempJournalDir dir;
    const auto path = dir.file("tampered.cwjournal");
    { ASSERT_TRUE(JournalDatabase::openForWriting(path).hasValue()); }
    runSql(path, "PRAGMA journal_mode = DELETE; CREATE TABLE passwords (secret TEXT);");
    expectRefusedUntouched(dir, path, ErrorCode::InvalidArgument, "passwords");
}

TEST(JournalDatabase, refusesANewerSchemaWithoutTouchingIt) {
    TempJournalDir dir;
    const auto path = dir.file("future.cwjournal");
    { ASSERT_TRUE(JournalDatabase::openForWriting(path).hasValue()); }
    runSql(path, "PRAGMA journal_mode = DELETE; PRAGMA user_version = " +
                     std::to_string(JournalSchema::kCurrentVersion + 1));
    expectRefusedUntouched(dir, path, ErrorCode::Unsupported, "newer");
}

TEST(JournalDatabase, refusesACorruptJournal) {
    TempJournalDir dir;
    const auto path = dir.file("damaged.cwjournal");
    {
        auto writer = JournalWriter::open(JournalWriterOptions{.path = path});
        ASSERT_TRUE(writer.hasValue());
        for (int i = 0; i < 2000; ++i)
            (*writer)->append(JournalRecord::note("note " + std::to_string(i), "user", i + 1));
        ASSERT_TRUE((*writer)->close().hasValue());
    }
    runSql(path, "PRAGMA journal_mode = DELETE"); // checkpoint: everything in the main file
    std::string bytes = TempJournalDir::readBytes(path);
    ASSERT_GT(bytes.size(), 8u * 4096u);
    // Overwrite page 3 onwards (b-tree pages of the tables and indexes) with garbage, keep
    // the header page intact so the file still looks like SQLite.
    for (std::size_t i = 2 * 4096; i < 6 * 4096; ++i)
        bytes[i] = static_cast<char>(0xA5 ^ (i * 31));
    TempJournalDir::writeBytes(path, bytes);
    expectRefusedUntouched(dir, path, ErrorCode::IoError, "corrupt");
}

TEST(JournalDatabase, readingAMissingFileIsNotFoundAndCreatesNothing) {
    TempJournalDir dir;
    const auto path = dir.file("missing.cwjournal");
    auto reader = JournalReader::open(path);
    ASSERT_FALSE(reader.hasValue());
    EXPECT_EQ(reader.error().code, ErrorCode::NotFound);
    EXPECT_FALSE(std::filesystem::exists(path));
}

TEST(JournalDatabase, aFolderIsNotAJournal) {
    TempJournalDir dir;
    auto writer = JournalWriter::open(JournalWriterOptions{.path = dir.path().string()});
    ASSERT_FALSE(writer.hasValue());
    EXPECT_EQ(writer.error().code, ErrorCode::IoError);
    EXPECT_NE(writer.error().message.find("not a regular file"), std::string::npos);
}
