// SPDX-License-Identifier: MIT
#include "core/journal/JournalReader.hpp"

#include "core/journal/JournalSchema.hpp"
#include "core/journal/JournalStatement.hpp"

#include <algorithm>
#include <set>
#include <sqlite3.h>
#include <utility>
#include <variant>

namespace cw::journal {
namespace {

/// A WHERE clause and its parameters, bound in order.
class WhereClause {
public:
    void add(std::string_view condition, std::variant<std::int64_t, std::string> value) {
        m_sql += m_sql.empty() ? " WHERE " : " AND ";
        m_sql += condition;
        m_values.push_back(std::move(value));
    }
    const std::string& sql() const { return m_sql; }
    /// Binds from parameter `first` on; returns the next free index.
    int bind(JournalStatement& statement, int first = 1) const {
        for (const auto& value : m_values) {
            if (const auto* number = std::get_if<std::int64_t>(&value))
                statement.bind(first++, *number);
            else
                statement.bind(first++, std::string_view(std::get<std::string>(value)));
        }
        return first;
    }

private:
    std::string m_sql;
    std::vector<std::variant<std::int64_t, std::string>> m_values;
};

WhereClause whereOf(const JournalQuery& query) {
    WhereClause where;
    if (query.fromNs != 0)
        where.add("local_ns >= ?", query.fromNs);
    if (query.toNs != 0)
        where.add("local_ns < ?", query.toNs);
    if (!query.instrument.empty())
        where.add("instrument = ?", query.instrument);
    if (!query.clientOrderId.empty())
        where.add("client_order_id = ?", query.clientOrderId);
    if (query.kind)
        where.add("kind = ?", std::string(journalKindName(*query.kind)));
    if (query.sessionId != 0)
        where.add("session_id = ?", query.sessionId);
    if (query.afterId != 0)
        where.add("id > ?", query.afterId);
    if (query.beforeId != 0)
        where.add("id < ?", query.beforeId);
    return where;
}

JournalEntry readEntry(const JournalStatement& row) {
    JournalEntry entry;
    entry.id = row.columnInt64(0);
    entry.sessionId = row.columnInt64(1);
    JournalRecord& r = entry.record;
    r.kind = journalKindFromName(row.columnText(2)).value_or(JournalKind::Invalid);
    r.localTimeNs = row.columnInt64(3);
    r.venueTimeNs = row.columnInt64(4);
    std::string* texts[] = {&r.action,        &r.venue,        &r.account,       &r.instrument,
                            &r.clientOrderId, &r.venueOrderId, &r.linkedOrderId, &r.origin,
                            &r.side,          &r.orderType,    &r.timeInForce,   &r.quantity,
                            &r.price,         &r.stopPrice,    &r.fillQuantity,  &r.fillPrice,
                            &r.fee,           &r.feeCurrency,  &r.tradeId,       &r.status,
                            &r.reason,        &r.message,      &r.details};
    int column = 5;
    for (std::string* text : texts)
        *text = row.columnText(column++);
    return entry;
}

Error queryFailed(const JournalDatabase& database) {
    return fail(ErrorCode::IoError, "journal '" + database.path() +
                                        "': query failed: " + sqlite3_errmsg(database.handle()));
}

Result<std::vector<JournalEntry>> runEntries(const JournalDatabase& database,
                                             const std::string& sql, const WhereClause& where,
                                             std::int64_t limit) {
    auto statement = JournalStatement::prepare(database.handle(), sql);
    if (!statement)
        return statement.error();
    const int next = where.bind(*statement);
    if (limit > 0)
        statement->bind(next, limit);
    std::vector<JournalEntry> entries;
    for (;;) {
        const int rc = statement->step();
        if (rc == SQLITE_ROW) {
            entries.push_back(readEntry(*statement));
            continue;
        }
        if (rc == SQLITE_DONE)
            return entries;
        return queryFailed(database);
    }
}

Result<Decimal> parseAmount(const std::string& text, std::int64_t id, std::string_view column) {
    auto value = Decimal::parse(text);
    if (!value)
        return fail(ErrorCode::ParseError,
                    "event " + std::to_string(id) + ": " + std::string(column) + " '" + text +
                        "' is not a decimal (" + value.error().message + ")");
    return value;
}

Result<void> accumulate(Decimal& sum, const Decimal& value) {
    auto added = sum.add(value);
    if (!added)
        return added.error();
    sum = *added;
    return {};
}

} // namespace

Result<JournalReader> JournalReader::open(const std::string& path, bool quickCheck) {
    auto database = JournalDatabase::openForReading(path, quickCheck);
    if (!database)
        return database.error();
    return JournalReader(std::move(*database));
}

Result<std::vector<JournalEntry>> JournalReader::events(const JournalQuery& query) {
    const WhereClause where = whereOf(query);
    std::string sql = "SELECT " + std::string(JournalSchema::kEventColumns) + " FROM events" +
                      where.sql() + (query.newestFirst ? " ORDER BY id DESC" : " ORDER BY id");
    if (query.limit > 0)
        sql += " LIMIT ?";
    return runEntries(m_database, sql, where, static_cast<std::int64_t>(query.limit));
}

Result<std::int64_t> JournalReader::count(const JournalQuery& query) {
    const WhereClause where = whereOf(query);
    auto statement =
        JournalStatement::prepare(m_database.handle(), "SELECT COUNT(*) FROM events" + where.sql());
    if (!statement)
        return statement.error();
    where.bind(*statement);
    if (statement->step() != SQLITE_ROW)
        return queryFailed(m_database);
    return statement->columnInt64(0);
}

Result<std::vector<JournalEntry>> JournalReader::orderHistory(std::string_view clientOrderId) {
    if (clientOrderId.empty())
        return std::vector<JournalEntry>{};
    std::set<std::string> ids{std::string(clientOrderId)};
    std::vector<JournalEntry> entries;
    // Each round adds the orders linked to the ones known so far; a chain of modifications
    // grows by one order per round in each direction.
    for (;;) {
        std::string placeholders;
        for (std::size_t i = 0; i < ids.size(); ++i)
            placeholders += i == 0 ? "?" : ",?";
        const std::string sql = "SELECT " + std::string(JournalSchema::kEventColumns) +
                                " FROM events WHERE client_order_id IN (" + placeholders +
                                ") OR linked_order_id IN (" + placeholders + ") ORDER BY id";
        auto statement = JournalStatement::prepare(m_database.handle(), sql);
        if (!statement)
            return statement.error();
        int index = 1;
        for (int pass = 0; pass < 2; ++pass) {
            for (const auto& id : ids)
                statement->bind(index++, std::string_view(id));
        }
        entries.clear();
        std::set<std::string> found = ids;
        for (;;) {
            const int rc = statement->step();
            if (rc == SQLITE_DONE)
                break;
            if (rc != SQLITE_ROW)
                return queryFailed(m_database);
            entries.push_back(readEntry(*statement));
            const JournalRecord& r = entries.back().record;
            if (!r.clientOrderId.empty())
                found.insert(r.clientOrderId);
            if (!r.linkedOrderId.empty())
                found.insert(r.linkedOrderId);
        }
        if (found.size() == ids.size())
            return entries;
        ids = std::move(found);
    }
}

Result<std::vector<JournalEntry>> JournalReader::fills(JournalQuery query) {
    query.kind = JournalKind::Fill;
    return events(query);
}

Result<FillTotals> JournalReader::fillTotals(JournalQuery query) {
    query.kind = JournalKind::Fill;
    query.limit = 0;
    query.newestFirst = false;
    auto entries = events(query);
    if (!entries)
        return entries.error();
    FillTotals totals;
    for (const JournalEntry& entry : *entries) {
        const JournalRecord& r = entry.record;
        auto quantity = parseAmount(r.fillQuantity, entry.id, "fill quantity");
        if (!quantity)
            return quantity.error();
        auto price = parseAmount(r.fillPrice, entry.id, "fill price");
        if (!price)
            return price.error();
        auto notional = quantity->multiply(*price);
        if (!notional)
            return notional.error();
        const bool buy = r.side == "Buy";
        if (!buy && r.side != "Sell")
            return fail(ErrorCode::ParseError,
                        "event " + std::to_string(entry.id) + ": side '" + r.side + "'");
        if (auto a = accumulate(buy ? totals.boughtQuantity : totals.soldQuantity, *quantity); !a)
            return a.error();
        if (auto a = accumulate(buy ? totals.boughtNotional : totals.soldNotional, *notional); !a)
            return a.error();
        ++totals.fillCount;
        ++(buy ? totals.buyCount : totals.sellCount);
        if (!r.fee.empty()) {
            auto fee = parseAmount(r.fee, entry.id, "fee");
            if (!fee)
                return fee.error();
            auto currency = r.feeCurrency.empty() ? Result<Currency>(Currency())
                                                  : Currency::parse(r.feeCurrency);
            if (!currency)
                return currency.error();
            auto sum = std::find_if(totals.fees.begin(), totals.fees.end(),
                                    [&](const Money& m) { return m.currency() == *currency; });
            if (sum == totals.fees.end()) {
                totals.fees.emplace_back(*fee, *currency);
            } else {
                auto added = sum->add(Money(*fee, *currency));
                if (!added)
                    return added.error();
                *sum = *added;
            }
        }
    }
    return totals;
}

Result<std::vector<JournalSession>> JournalReader::sessions() {
    auto statement = JournalStatement::prepare(
        m_database.handle(), "SELECT id, start_ns, stop_ns, app_version, account, clean_shutdown "
                             "FROM sessions ORDER BY id");
    if (!statement)
        return statement.error();
    std::vector<JournalSession> sessions;
    for (;;) {
        const int rc = statement->step();
        if (rc == SQLITE_DONE)
            return sessions;
        if (rc != SQLITE_ROW)
            return queryFailed(m_database);
        JournalSession session;
        session.id = statement->columnInt64(0);
        session.startNs = statement->columnInt64(1);
        session.stopNs = statement->columnInt64(2);
        session.appVersion = statement->columnText(3);
        session.account = statement->columnText(4);
        session.cleanShutdown = statement->columnInt64(5) != 0;
        sessions.push_back(std::move(session));
    }
}

Result<std::int64_t> JournalReader::maxEventId() {
    return m_database.queryInt64("SELECT MAX(id) FROM events");
}

} // namespace cw::journal
