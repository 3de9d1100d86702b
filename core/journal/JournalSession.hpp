// SPDX-License-Identifier: MIT
#pragma once

#include "core/domain/Timestamp.hpp"

#include <cstdint>
#include <string>

namespace cw::journal {

/// One run of the application that wrote to the journal (the `sessions` table).
struct JournalSession {
    std::int64_t id = 0;
    TimestampNs startNs = 0;
    /// When it stopped: the clean close, or after a crash the time of its last event (set when
    /// the next session opens the journal); 0 while it is still running.
    TimestampNs stopNs = 0;
    std::string appVersion{}; ///< "0.1.0"; empty in journals migrated from schema v1
    std::string account{};
    bool cleanShutdown = false; ///< false while running and after a crash or a kill
};

} // namespace cw::journal
