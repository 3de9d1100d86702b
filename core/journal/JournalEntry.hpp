// SPDX-License-Identifier: MIT
#pragma once

#include "core/journal/JournalRecord.hpp"

#include <cstdint>

namespace cw::journal {

/// A record as stored: its event id (assigned by JournalWriter::append, increasing in the
/// order of appends, unique in the file) and the session that wrote it.
struct JournalEntry {
    std::int64_t id = 0;
    std::int64_t sessionId = 0;
    JournalRecord record{};
};

} // namespace cw::journal
