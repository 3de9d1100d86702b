// SPDX-License-Identifier: MIT
#pragma once

#include "core/domain/Timestamp.hpp"
#include "core/journal/JournalKind.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

namespace cw::journal {

/// Which entries a JournalReader query returns. Every filter that is set must match (AND);
/// the default query is "the first 1000 entries".
///
/// Paging is by keyset: pass the last id of a page as `afterId` (oldest first) or `beforeId`
/// (with `newestFirst`) to get the next page; this stays fast and stable while the writer
/// appends.
struct JournalQuery {
    TimestampNs fromNs = 0;      ///< local time, inclusive; 0 = from the beginning
    TimestampNs toNs = 0;        ///< local time, exclusive; 0 = no end
    std::string instrument{};    ///< "SIM:BTCUSDT"; empty = every instrument
    std::string clientOrderId{}; ///< exact; empty = every order
    std::optional<JournalKind> kind{};
    std::int64_t sessionId = 0; ///< 0 = every session
    std::int64_t afterId = 0;   ///< only ids > afterId; 0 = no bound
    std::int64_t beforeId = 0;  ///< only ids < beforeId; 0 = no bound
    bool newestFirst = false;   ///< order by id descending instead of ascending
    std::size_t limit = 1000;   ///< most entries returned; 0 = no limit
};

} // namespace cw::journal
