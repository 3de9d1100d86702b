// SPDX-License-Identifier: MIT
#pragma once

#include "core/common/Result.hpp"

#include <cstdint>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace cw::journal {

/// A prepared SQLite statement (RAII; finalized on destruction). Parameter indexes start at 1,
/// column indexes at 0, as in the sqlite3 C API.
///
/// Text is bound without a copy: the bound characters must stay alive until the statement
/// has been stepped and reset. Empty text binds NULL (the journal's "not applicable").
///
/// Thread: the connection's thread only.
class JournalStatement {
public:
    JournalStatement() = default;
    JournalStatement(JournalStatement&& other) noexcept;
    JournalStatement& operator=(JournalStatement&& other) noexcept;
    JournalStatement(const JournalStatement&) = delete;
    JournalStatement& operator=(const JournalStatement&) = delete;
    ~JournalStatement();

    /// IoError with SQLite's message when the SQL does not compile (e.g. a missing column).
    static Result<JournalStatement> prepare(sqlite3* db, std::string_view sql);

    void bind(int index, std::int64_t value);
    void bind(int index, std::string_view text);
    void bindNull(int index);

    /// sqlite3_step: SQLITE_ROW, SQLITE_DONE or an error code.
    int step();
    /// Ready to run again. Bindings stay: rebind every parameter (or bindNull) before the next
    /// step when the bound text may have gone.
    void reset();

    std::int64_t columnInt64(int column) const;
    /// NULL reads as "".
    std::string columnText(int column) const;
    bool isNull() const { return m_statement == nullptr; }

private:
    explicit JournalStatement(sqlite3_stmt* statement) : m_statement(statement) {}

    sqlite3_stmt* m_statement = nullptr;
};

} // namespace cw::journal
