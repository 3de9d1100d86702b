// SPDX-License-Identifier: MIT
#include "core/journal/JournalStatement.hpp"

#include <sqlite3.h>
#include <utility>

namespace cw::journal {

JournalStatement::JournalStatement(JournalStatement&& other) noexcept
    : m_statement(std::exchange(other.m_statement, nullptr)) {}

JournalStatement& JournalStatement::operator=(JournalStatement&& other) noexcept {
    if (this != &other) {
        sqlite3_finalize(m_statement);
        m_statement = std::exchange(other.m_statement, nullptr);
    }
    return *this;
}

JournalStatement::~JournalStatement() {
    sqlite3_finalize(m_statement);
}

Result<JournalStatement> JournalStatement::prepare(sqlite3* db, std::string_view sql) {
    sqlite3_stmt* statement = nullptr;
    const int rc = sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()),
                                      SQLITE_PREPARE_PERSISTENT, &statement, nullptr);
    if (rc != SQLITE_OK) {
        sqlite3_finalize(statement);
        return fail(ErrorCode::IoError,
                    std::string("cannot prepare a journal statement: ") + sqlite3_errmsg(db));
    }
    return JournalStatement(statement);
}

void JournalStatement::bind(int index, std::int64_t value) {
    sqlite3_bind_int64(m_statement, index, value);
}

void JournalStatement::bind(int index, std::string_view text) {
    if (text.empty())
        sqlite3_bind_null(m_statement, index);
    else
        sqlite3_bind_text(m_statement, index, text.data(), static_cast<int>(text.size()),
                          SQLITE_STATIC);
}

void JournalStatement::bindNull(int index) {
    sqlite3_bind_null(m_statement, index);
}

int JournalStatement::step() {
    return sqlite3_step(m_statement);
}

void JournalStatement::reset() {
    sqlite3_reset(m_statement);
}

std::int64_t JournalStatement::columnInt64(int column) const {
    return sqlite3_column_int64(m_statement, column);
}

std::string JournalStatement::columnText(int column) const {
    const auto* text = sqlite3_column_text(m_statement, column);
    if (text == nullptr)
        return {};
    return std::string(reinterpret_cast<const char*>(text),
                       static_cast<std::size_t>(sqlite3_column_bytes(m_statement, column)));
}

} // namespace cw::journal
