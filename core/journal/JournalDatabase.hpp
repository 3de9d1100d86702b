// SPDX-License-Identifier: MIT
#pragma once

#include "core/common/Result.hpp"

#include <cstdint>
#include <string>
#include <string_view>

struct sqlite3;

namespace cw::journal {

/// One SQLite connection to a journal file, opened only after the file has been recognised as
/// a Candlewick journal (or is new).
///
/// Before anything is written, an existing file is inspected through a separate read-only
/// connection: its header, `PRAGMA application_id` (JournalSchema::kApplicationId), `PRAGMA
/// user_version`, its tables and (unless disabled) `PRAGMA quick_check`. A file that fails
/// any check is reported with its path and the problem and is never written to:
/// - not a SQLite file (text, random bytes, truncated header): ParseError;
/// - corrupt (SQLite reports corruption, or quick_check is not "ok"): IoError;
/// - a SQLite database of another application (other application id, or tables a journal
///   does not have): InvalidArgument;
/// - a journal with a newer schema than this code knows: Unsupported;
/// - a path that cannot be opened (a folder, no permission, no such file for reading):
///   IoError, or NotFound for a missing file opened for reading.
/// A missing file, a 0-byte file or an empty SQLite database (no tables, no application id)
/// is a new journal when opened for writing.
///
/// Thread: one thread at a time (the connection is used without its own mutex).
class JournalDatabase {
public:
    JournalDatabase() = default;
    JournalDatabase(JournalDatabase&& other) noexcept;
    JournalDatabase& operator=(JournalDatabase&& other) noexcept;
    JournalDatabase(const JournalDatabase&) = delete;
    JournalDatabase& operator=(const JournalDatabase&) = delete;
    ~JournalDatabase();

    /// Opens (or creates) the journal at `path` for writing: WAL journal mode,
    /// `synchronous=NORMAL`, a 5 s busy timeout, and every pending forward migration applied
    /// (each in its own transaction). Errors as in the class comment.
    static Result<JournalDatabase> openForWriting(const std::string& path, bool quickCheck = true);
    /// Opens an existing journal read-only (a second connection next to a writer is fine: WAL
    /// readers see the last committed state). A journal of an older schema is Unsupported
    /// until a writer has migrated it; other errors as in the class comment.
    static Result<JournalDatabase> openForReading(const std::string& path, bool quickCheck = true);

    sqlite3* handle() const { return m_db; }
    const std::string& path() const { return m_path; }
    /// The schema version the file had before it was opened (0 for a new journal).
    int versionBeforeOpen() const { return m_versionBeforeOpen; }

    /// Runs one or more SQL statements without results. IoError with SQLite's message.
    Result<void> execute(std::string_view sql);
    /// The first column of the first row of `sql` as an integer (0 for NULL or no row).
    Result<std::int64_t> queryInt64(std::string_view sql);

private:
    JournalDatabase(sqlite3* db, std::string path, int versionBeforeOpen)
        : m_db(db), m_path(std::move(path)), m_versionBeforeOpen(versionBeforeOpen) {}

    sqlite3* m_db = nullptr;
    std::string m_path;
    int m_versionBeforeOpen = 0;
};

} // namespace cw::journal
