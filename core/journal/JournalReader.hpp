// SPDX-License-Identifier: MIT
#pragma once

#include "core/common/Result.hpp"
#include "core/journal/FillTotals.hpp"
#include "core/journal/JournalDatabase.hpp"
#include "core/journal/JournalEntry.hpp"
#include "core/journal/JournalQuery.hpp"
#include "core/journal/JournalSession.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace cw::journal {

/// Read-only queries over a journal, for review screens and reports (nothing outside
/// core/journal touches SQLite). Opens its own read-only connection, so it can read while a
/// JournalWriter writes: every query sees the last committed state at the moment it runs.
///
/// Errors: opening as JournalDatabase::openForReading (a journal of an older schema must be
/// opened once by a writer, which migrates it); queries return IoError with SQLite's message,
/// fillTotals Overflow when a sum leaves int64 or ParseError for a stored amount that is not
/// a decimal.
///
/// Thread: one thread at a time.
class JournalReader {
public:
    static Result<JournalReader> open(const std::string& path, bool quickCheck = true);

    /// Entries matching `query`, in id order (see JournalQuery for filters and paging).
    Result<std::vector<JournalEntry>> events(const JournalQuery& query);
    /// How many entries match `query`'s filters (`afterId`/`beforeId` included; `limit` and
    /// the order ignored).
    Result<std::int64_t> count(const JournalQuery& query);
    /// The whole life of an order: every entry about `clientOrderId` and about the orders it
    /// was replaced by or replaced (following ModifyOrder/OrderReplaced links both ways), in
    /// id order.
    Result<std::vector<JournalEntry>> orderHistory(std::string_view clientOrderId);
    /// Fill entries matching `query` (its `kind` is forced to Fill).
    Result<std::vector<JournalEntry>> fills(JournalQuery query);
    /// Sums over every fill matching `query` (limit ignored).
    Result<FillTotals> fillTotals(JournalQuery query);
    /// Every session, oldest first.
    Result<std::vector<JournalSession>> sessions();
    /// The highest event id in the file (0 when empty).
    Result<std::int64_t> maxEventId();

    const std::string& path() const { return m_database.path(); }

private:
    explicit JournalReader(JournalDatabase database) : m_database(std::move(database)) {}

    JournalDatabase m_database;
};

} // namespace cw::journal
