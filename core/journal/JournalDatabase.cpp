// SPDX-License-Identifier: MIT
#include "core/journal/JournalDatabase.hpp"

#include "core/journal/JournalSchema.hpp"
#include "core/journal/JournalStatement.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sqlite3.h>
#include <utility>
#include <vector>

namespace cw::journal {
namespace {

constexpr int kBusyTimeoutMs = 5000;
constexpr int kWriterCacheKiB = 32 * 1024;
/// Page size of new journals. Larger pages than SQLite's 4 KiB mean fewer B-tree pages per
/// insert and fewer WAL frames per commit (measured in docs/PERFORMANCE.md); files created
/// with another page size keep it.
constexpr int kNewJournalPageSize = 8 * 1024;
/// WAL size at which a commit runs a checkpoint (which fsyncs twice). SQLite's default of
/// 1,000 pages made a sustained insert rate checkpoint after nearly every large commit.
constexpr std::int64_t kCheckpointWalBytes = 64 * 1024 * 1024;
constexpr std::array<char, 16> kSqliteHeader{'S', 'Q', 'L', 'i', 't', 'e', ' ', 'f',
                                             'o', 'r', 'm', 'a', 't', ' ', '3', '\0'};

Error problem(ErrorCode code, const std::string& path, std::string_view what) {
    return fail(code, "journal '" + path + "' " + std::string(what) + "; the file was not changed");
}

bool isCorruptionCode(int rc) {
    const int primary = rc & 0xff;
    return primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB;
}

/// What inspecting an existing file found.
struct Inspection {
    int version = 0;
    bool isEmptyDatabase = false; ///< no tables, no application id: usable as a new journal
};

/// Reads a whole-result single text column, for PRAGMAs and the table list.
Result<std::vector<std::string>> textRows(sqlite3* db, const std::string& path,
                                          std::string_view sql) {
    auto statement = JournalStatement::prepare(db, sql);
    if (!statement) {
        const int rc = sqlite3_errcode(db);
        return problem(ErrorCode::IoError, path,
                       isCorruptionCode(rc)
                           ? "is corrupt (" + std::string(sqlite3_errmsg(db)) + ")"
                           : "cannot be read (" + std::string(sqlite3_errmsg(db)) + ")");
    }
    std::vector<std::string> rows;
    for (;;) {
        const int rc = statement->step();
        if (rc == SQLITE_ROW) {
            rows.push_back(statement->columnText(0));
            continue;
        }
        if (rc == SQLITE_DONE)
            return rows;
        return problem(ErrorCode::IoError, path,
                       isCorruptionCode(rc)
                           ? "is corrupt (" + std::string(sqlite3_errmsg(db)) + ")"
                           : "cannot be read (" + std::string(sqlite3_errmsg(db)) + ")");
    }
}

Result<std::int64_t> intPragma(sqlite3* db, const std::string& path, std::string_view sql) {
    auto rows = textRows(db, path, sql);
    if (!rows)
        return rows.error();
    if (rows->empty())
        return std::int64_t{0};
    return static_cast<std::int64_t>(std::strtoll(rows->front().c_str(), nullptr, 10));
}

/// The first 16 bytes must be SQLite's magic string; a 0-byte file is accepted as new.
Result<bool> checkHeader(const std::string& path) {
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (ec)
        return problem(ErrorCode::IoError, path, "cannot be examined (" + ec.message() + ")");
    if (!std::filesystem::is_regular_file(status))
        return problem(ErrorCode::IoError, path, "is not a regular file");
    const auto size = std::filesystem::file_size(path, ec);
    if (ec)
        return problem(ErrorCode::IoError, path, "cannot be examined (" + ec.message() + ")");
    if (size == 0)
        return false;
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return problem(ErrorCode::IoError, path, "cannot be opened for reading");
    std::array<char, 16> header{};
    in.read(header.data(), header.size());
    if (in.gcount() != static_cast<std::streamsize>(header.size()) || header != kSqliteHeader)
        return problem(ErrorCode::ParseError, path, "is not a SQLite database");
    return true;
}

std::string hex32(std::int64_t value) {
    char text[16];
    std::snprintf(text, sizeof text, "0x%08x", static_cast<unsigned>(value & 0xffffffff));
    return text;
}

/// Inspects an existing SQLite file through a read-only connection.
Result<Inspection> inspect(sqlite3* db, const std::string& path, bool quickCheck) {
    auto applicationId = intPragma(db, path, "PRAGMA application_id");
    if (!applicationId)
        return applicationId.error();
    auto version = intPragma(db, path, "PRAGMA user_version");
    if (!version)
        return version.error();
    auto tables = textRows(
        db, path,
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
    if (!tables)
        return tables.error();

    Inspection found;
    found.version = static_cast<int>(*version);
    if (*applicationId == 0 && *version == 0 && tables->empty()) {
        found.isEmptyDatabase = true;
        return found;
    }
    if (*applicationId != JournalSchema::kApplicationId)
        return problem(ErrorCode::InvalidArgument, path,
                       "is a SQLite database of another application (application_id " +
                           hex32(*applicationId) + ", a Candlewick journal has " +
                           hex32(JournalSchema::kApplicationId) + ")");
    if (*version > JournalSchema::kCurrentVersion)
        return problem(ErrorCode::Unsupported, path,
                       "has journal schema version " + std::to_string(*version) +
                           ", newer than this Candlewick understands (" +
                           std::to_string(JournalSchema::kCurrentVersion) +
                           "); open it with a newer Candlewick");
    if (*version < 1)
        return problem(ErrorCode::InvalidArgument, path,
                       "has the journal's application id but no schema version");
    std::string unknown;
    for (const auto& table : *tables) {
        const auto known = JournalSchema::tableNames();
        if (std::find(known.begin(), known.end(), table) == known.end())
            unknown += (unknown.empty() ? "" : ", ") + table;
    }
    if (!unknown.empty())
        return problem(ErrorCode::InvalidArgument, path,
                       "has tables a Candlewick journal does not have (" + unknown + ")");
    for (const auto table : JournalSchema::tableNames()) {
        if (std::find(tables->begin(), tables->end(), table) == tables->end())
            return problem(ErrorCode::IoError, path,
                           "is missing the table '" + std::string(table) + "'");
    }
    if (quickCheck) {
        auto check = textRows(db, path, "PRAGMA quick_check");
        if (!check)
            return check.error();
        if (check->empty() || check->front() != "ok")
            return problem(ErrorCode::IoError, path,
                           "is corrupt (quick_check: " +
                               (check->empty() ? std::string("no answer") : check->front()) + ")");
    }
    return found;
}

Result<sqlite3*> openConnection(const std::string& path, int flags) {
    sqlite3* db = nullptr;
    const int rc = sqlite3_open_v2(path.c_str(), &db, flags | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
        std::string message = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
        sqlite3_close_v2(db);
        return problem(ErrorCode::IoError, path, "cannot be opened (" + message + ")");
    }
    sqlite3_extended_result_codes(db, 1);
    sqlite3_busy_timeout(db, kBusyTimeoutMs);
    return db;
}

/// True when a read-only connection failed because the file needs SQLite's crash recovery
/// first (a hot rollback journal, or a WAL whose index must be rebuilt).
bool needsRecovery(sqlite3* db) {
    switch (sqlite3_extended_errcode(db)) {
    case SQLITE_READONLY_ROLLBACK:
    case SQLITE_READONLY_RECOVERY:
    case SQLITE_READONLY_CANTINIT:
        return true;
    default:
        return false;
    }
}

/// Whether the main file's own header says it is a journal, or a database of at most one page
/// of its page size (no table data): the state a journal is in when its creation was interrupted.
/// Read from the bytes, without SQLite, since SQLite would have to recover the file first.
bool mayRecover(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::array<unsigned char, 100> header{};
    in.read(reinterpret_cast<char*>(header.data()), header.size());
    if (in.gcount() != static_cast<std::streamsize>(header.size()))
        return false;
    const std::uint32_t applicationId = (std::uint32_t{header[68]} << 24) |
                                        (std::uint32_t{header[69]} << 16) |
                                        (std::uint32_t{header[70]} << 8) | header[71];
    if (applicationId == static_cast<std::uint32_t>(JournalSchema::kApplicationId))
        return true;
    // Header bytes 16-17: the page size, big-endian; 1 stands for 65536.
    const std::uint32_t rawPageSize = (std::uint32_t{header[16]} << 8) | header[17];
    const std::uint32_t pageSize = rawPageSize == 1 ? 65536 : rawPageSize;
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    return applicationId == 0 && !ec && size <= pageSize;
}

/// Inspects an existing file through a read-only connection. A journal left by a crash that
/// needs recovery (a hot rollback journal, a WAL index to rebuild) is first recovered through a
/// read-write connection, as any SQLite client would on opening it; a file that does not look
/// like a journal is refused instead.
Result<Inspection> inspectFile(const std::string& path, bool quickCheck) {
    auto hasContent = checkHeader(path);
    if (!hasContent)
        return hasContent.error();
    if (!*hasContent) {
        Inspection empty;
        empty.isEmptyDatabase = true;
        return empty;
    }
    for (int attempt = 0;; ++attempt) {
        auto db = openConnection(path, SQLITE_OPEN_READONLY);
        if (!db)
            return db.error();
        auto found = inspect(*db, path, quickCheck);
        const bool recover = !found && attempt == 0 && needsRecovery(*db);
        sqlite3_close_v2(*db);
        if (!recover)
            return found;
        if (!mayRecover(path))
            return problem(ErrorCode::InvalidArgument, path,
                           "needs crash recovery but does not look like a Candlewick journal");
        auto writable = openConnection(path, SQLITE_OPEN_READWRITE);
        if (!writable)
            return writable.error();
        auto recovered = textRows(*writable, path, "SELECT name FROM sqlite_schema");
        sqlite3_close_v2(*writable);
        if (!recovered)
            return recovered.error();
    }
}

std::int64_t nowNs() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

/// Runs `sql` in one transaction that also records the step in `meta`, marks the file as a
/// journal and sets its schema version to `toVersion`.
Result<void> runSchemaStep(JournalDatabase& db, int toVersion, std::string_view description,
                           std::string_view sql, bool creates) {
    std::string script = "BEGIN IMMEDIATE;\n";
    script += sql;
    if (creates)
        script += "INSERT INTO meta(key, value) VALUES ('created_ns', '" + std::to_string(nowNs()) +
                  "');\n";
    script += "INSERT OR REPLACE INTO meta(key, value) VALUES ('migration." +
              std::to_string(toVersion) + "', '" + std::to_string(nowNs()) + " " +
              std::string(description) + "');\n";
    script += "PRAGMA application_id = " + std::to_string(JournalSchema::kApplicationId) + ";\n";
    script += "PRAGMA user_version = " + std::to_string(toVersion) + ";\nCOMMIT;";
    if (auto done = db.execute(script); !done) {
        (void)db.execute("ROLLBACK");
        return fail(ErrorCode::IoError,
                    "journal '" + db.path() + "': " +
                        (creates ? std::string("creating schema version ")
                                 : std::string("migration to schema version ")) +
                        std::to_string(toVersion) + " failed (" + done.error().message + ")");
    }
    return {};
}

/// A new file (version 0) gets the current layout at once; an older journal every upgrade
/// step after its version.
Result<void> migrate(JournalDatabase& db, int fromVersion) {
    if (fromVersion == 0)
        return runSchemaStep(db, JournalSchema::kCurrentVersion, "create the journal",
                             JournalSchema::createSql(), true);
    if (fromVersion < JournalSchema::kOldestMigratableVersion)
        return fail(ErrorCode::Unsupported, "journal '" + db.path() + "' has schema version " +
                                                std::to_string(fromVersion) +
                                                ", too old to migrate");
    for (const auto& step : JournalSchema::migrations()) {
        if (step.fromVersion < fromVersion)
            continue;
        if (auto done = runSchemaStep(db, step.toVersion, step.description, step.sql, false); !done)
            return done.error();
    }
    return {};
}

} // namespace

JournalDatabase::JournalDatabase(JournalDatabase&& other) noexcept
    : m_db(std::exchange(other.m_db, nullptr)), m_path(std::move(other.m_path)),
      m_versionBeforeOpen(other.m_versionBeforeOpen) {}

JournalDatabase& JournalDatabase::operator=(JournalDatabase&& other) noexcept {
    if (this != &other) {
        sqlite3_close_v2(m_db);
        m_db = std::exchange(other.m_db, nullptr);
        m_path = std::move(other.m_path);
        m_versionBeforeOpen = other.m_versionBeforeOpen;
    }
    return *this;
}

JournalDatabase::~JournalDatabase() {
    sqlite3_close_v2(m_db);
}

Result<JournalDatabase> JournalDatabase::openForWriting(const std::string& path, bool quickCheck) {
    std::error_code ec;
    const bool exists = std::filesystem::exists(path, ec);
    int version = 0;
    if (exists) {
        auto found = inspectFile(path, quickCheck);
        if (!found)
            return found.error();
        version = found->version;
    }
    auto db = openConnection(path, SQLITE_OPEN_READWRITE | (exists ? 0 : SQLITE_OPEN_CREATE));
    if (!db)
        return db.error();
    JournalDatabase journal(*db, path, version);
    // Only takes effect while the file has no page yet (a new or 0-byte file).
    if (auto size = journal.execute("PRAGMA page_size = " + std::to_string(kNewJournalPageSize));
        !size)
        return size.error();
    auto mode = textRows(*db, path, "PRAGMA journal_mode = WAL");
    if (!mode)
        return mode.error();
    if (mode->empty() || (*mode)[0] != "wal")
        return fail(ErrorCode::IoError, "journal '" + path + "': cannot switch to WAL mode");
    // A page cache that holds the indexes' working set: with SQLite's default (2 MiB) a
    // sustained insert rate evicts index pages and re-reads them with a syscall each.
    if (auto sync = journal.execute("PRAGMA synchronous = NORMAL; PRAGMA cache_size = -" +
                                    std::to_string(kWriterCacheKiB));
        !sync)
        return sync.error();
    auto pageSize = journal.queryInt64("PRAGMA page_size");
    if (!pageSize)
        return pageSize.error();
    const std::int64_t checkpointPages =
        kCheckpointWalBytes / std::max<std::int64_t>(*pageSize, 512);
    if (auto checkpoint =
            journal.execute("PRAGMA wal_autocheckpoint = " + std::to_string(checkpointPages));
        !checkpoint)
        return checkpoint.error();
    if (version < JournalSchema::kCurrentVersion) {
        if (auto migrated = migrate(journal, version); !migrated)
            return migrated.error();
    }
    return journal;
}

Result<JournalDatabase> JournalDatabase::openForReading(const std::string& path, bool quickCheck) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec))
        return fail(ErrorCode::NotFound, "journal '" + path + "' does not exist");
    auto hasContent = checkHeader(path);
    if (!hasContent)
        return hasContent.error();
    if (!*hasContent)
        return problem(ErrorCode::InvalidArgument, path, "is empty (not yet a journal)");
    auto found = inspectFile(path, quickCheck);
    if (!found)
        return found.error();
    if (found->isEmptyDatabase)
        return problem(ErrorCode::InvalidArgument, path, "is an empty SQLite database");
    auto db = openConnection(path, SQLITE_OPEN_READONLY);
    if (!db)
        return db.error();
    JournalDatabase journal(*db, path, 0);
    journal.m_versionBeforeOpen = found->version;
    if (found->version < JournalSchema::kCurrentVersion)
        return problem(ErrorCode::Unsupported, path,
                       "has the older journal schema version " + std::to_string(found->version) +
                           "; open it once for writing to migrate it to version " +
                           std::to_string(JournalSchema::kCurrentVersion));
    return journal;
}

Result<void> JournalDatabase::execute(std::string_view sql) {
    char* message = nullptr;
    const std::string text(sql);
    const int rc = sqlite3_exec(m_db, text.c_str(), nullptr, nullptr, &message);
    if (rc != SQLITE_OK) {
        std::string what = message != nullptr ? message : sqlite3_errstr(rc);
        sqlite3_free(message);
        return fail(ErrorCode::IoError, "journal '" + m_path + "': " + what);
    }
    return {};
}

Result<std::int64_t> JournalDatabase::queryInt64(std::string_view sql) {
    auto statement = JournalStatement::prepare(m_db, sql);
    if (!statement)
        return statement.error();
    const int rc = statement->step();
    if (rc == SQLITE_ROW)
        return statement->columnInt64(0);
    if (rc == SQLITE_DONE)
        return std::int64_t{0};
    return fail(ErrorCode::IoError, "journal '" + m_path + "': " + sqlite3_errmsg(m_db));
}

} // namespace cw::journal
