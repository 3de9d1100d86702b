// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace cw::journal {

/// The journal's file format: the SQLite application id that marks a Candlewick journal, the
/// schema version kept in `PRAGMA user_version`, the layout of a new journal and the forward
/// migrations that take an older file to the current version.
///
/// A new journal is created at the current version in one step (`createSql`). An older file
/// is upgraded by `migrations()`, one transaction per version (ALTER TABLE, CREATE INDEX and
/// data UPDATEs only). The layouts of older versions are not in the code: each lives, frozen,
/// next to its fixture in tests/fixtures/journal, and the migration test checks that a
/// migrated fixture ends with exactly the layout `createSql` makes.
///
/// Tables: `meta` (key/value: application name, creation time, migration history),
/// `sessions` (one row per application run), `events` (the records; amounts as decimal TEXT).
/// See docs/journal.md for the columns of each version.
class JournalSchema {
public:
    /// `PRAGMA application_id` of every journal: "CWJL" in ASCII.
    static constexpr std::int32_t kApplicationId = 0x43574A4C;
    /// The version this code writes and reads.
    static constexpr int kCurrentVersion = 2;
    /// The value of meta.application.
    static constexpr std::string_view kApplicationName = "Candlewick journal";

    /// The columns of `events` (current version) in the order JournalWriter binds them and
    /// JournalReader reads them: id, session, then JournalRecord's fields in declaration order.
    static constexpr std::string_view kEventColumns =
        "id, session_id, kind, local_ns, venue_ns, action, venue, account, instrument, "
        "client_order_id, venue_order_id, linked_order_id, origin, side, order_type, tif, "
        "quantity, price, stop_price, fill_quantity, fill_price, fee, fee_currency, trade_id, "
        "status, reason, message, details";
    static constexpr int kEventColumnCount = 28;

    /// The oldest version `migrations()` can upgrade.
    static constexpr int kOldestMigratableVersion = 1;

    /// One step `fromVersion` -> `fromVersion + 1`: SQL run in one transaction (several
    /// statements), after which `PRAGMA user_version` is set to `toVersion`.
    struct Migration {
        int fromVersion = 0;
        int toVersion = 0;
        std::string_view description;
        std::string_view sql;
    };

    /// The current layout (tables, indexes, the meta.application row), run in one
    /// transaction on an empty file.
    static std::string_view createSql();
    /// Every upgrade step, in order, from kOldestMigratableVersion to kCurrentVersion.
    static std::span<const Migration> migrations();
    /// The tables a journal has (every version): any other table marks a foreign database.
    static std::span<const std::string_view> tableNames();
};

} // namespace cw::journal
