// SPDX-License-Identifier: MIT
#include "core/journal/JournalSchema.hpp"

#include <array>

namespace cw::journal {
namespace {

// The current layout (version 2). A migrated file has the same tables, columns and indexes
// (the migration test compares them); only the column order differs, since ALTER TABLE
// appends. Version 1's layout is frozen in tests/fixtures/journal/journal-v1-schema.sql.
constexpr std::string_view kCreateCurrent = R"sql(
CREATE TABLE meta (
    key TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
);
CREATE TABLE sessions (
    id INTEGER PRIMARY KEY,
    start_ns INTEGER NOT NULL,
    stop_ns INTEGER,
    clean_shutdown INTEGER NOT NULL DEFAULT 0,
    app_version TEXT NOT NULL DEFAULT '',
    account TEXT NOT NULL DEFAULT ''
);
CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES sessions(id),
    kind TEXT NOT NULL,
    local_ns INTEGER NOT NULL,
    venue_ns INTEGER NOT NULL DEFAULT 0,
    action TEXT,
    venue TEXT,
    account TEXT,
    instrument TEXT,
    client_order_id TEXT,
    venue_order_id TEXT,
    linked_order_id TEXT,
    origin TEXT,
    side TEXT,
    order_type TEXT,
    tif TEXT,
    quantity TEXT,
    price TEXT,
    stop_price TEXT,
    fill_quantity TEXT,
    fill_price TEXT,
    fee TEXT,
    fee_currency TEXT,
    trade_id TEXT,
    status TEXT,
    reason TEXT,
    message TEXT,
    details TEXT
);
CREATE INDEX events_by_time ON events(local_ns);
CREATE INDEX events_by_instrument ON events(instrument, local_ns) WHERE instrument IS NOT NULL;
CREATE INDEX events_by_order ON events(client_order_id) WHERE client_order_id IS NOT NULL;
CREATE INDEX events_by_linked_order ON events(linked_order_id)
    WHERE linked_order_id IS NOT NULL;
INSERT INTO meta(key, value) VALUES ('application', 'Candlewick journal');
)sql";

// Version 2: account, venue order id, linked (replacing) order id, stop price, trade id and a
// JSON details column; the fee split into amount and currency; sessions record the
// application version and account; indexes for the review queries.
constexpr std::string_view kV1ToV2 = R"sql(
ALTER TABLE events ADD COLUMN account TEXT;
ALTER TABLE events ADD COLUMN venue_order_id TEXT;
ALTER TABLE events ADD COLUMN linked_order_id TEXT;
ALTER TABLE events ADD COLUMN stop_price TEXT;
ALTER TABLE events ADD COLUMN fee_currency TEXT;
ALTER TABLE events ADD COLUMN trade_id TEXT;
ALTER TABLE events ADD COLUMN details TEXT;
UPDATE events
   SET fee_currency = substr(fee, instr(fee, ' ') + 1),
       fee = substr(fee, 1, instr(fee, ' ') - 1)
 WHERE instr(fee, ' ') > 0;
ALTER TABLE sessions ADD COLUMN app_version TEXT NOT NULL DEFAULT '';
ALTER TABLE sessions ADD COLUMN account TEXT NOT NULL DEFAULT '';
CREATE INDEX events_by_instrument ON events(instrument, local_ns) WHERE instrument IS NOT NULL;
CREATE INDEX events_by_order ON events(client_order_id) WHERE client_order_id IS NOT NULL;
CREATE INDEX events_by_linked_order ON events(linked_order_id)
    WHERE linked_order_id IS NOT NULL;
)sql";

constexpr std::array kMigrations{
    JournalSchema::Migration{1, 2, "order and fee columns, details, session version, indexes",
                             kV1ToV2},
};
static_assert(kMigrations.front().fromVersion == JournalSchema::kOldestMigratableVersion);
static_assert(kMigrations.back().toVersion == JournalSchema::kCurrentVersion);

constexpr std::array<std::string_view, 3> kTableNames{"meta", "sessions", "events"};

} // namespace

std::string_view JournalSchema::createSql() {
    return kCreateCurrent;
}

std::span<const JournalSchema::Migration> JournalSchema::migrations() {
    return kMigrations;
}

std::span<const std::string_view> JournalSchema::tableNames() {
    return kTableNames;
}

} // namespace cw::journal
