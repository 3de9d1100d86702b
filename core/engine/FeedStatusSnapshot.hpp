// SPDX-License-Identifier: MIT
#pragma once

#include "core/adapters/FeedState.hpp"
#include "core/domain/Timestamp.hpp"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace cw::engine {

/// One venue's feed: its state and when the engine last heard from it.
struct FeedStatusRow {
    std::string venue;
    adapters::FeedState state = adapters::FeedState::Invalid;
    std::string detail;             ///< the adapter's last status text, may be empty
    TimestampNs lastMessageNs = 0;  ///< receive time of the last event (local clock), UTC; 0: never
    std::uint64_t messageCount = 0; ///< events received from this venue
    std::uint64_t droppedEvents = 0; ///< engine-wide queue drops (same for every row)

    /// True when connected but silent for longer than `staleAfterNs` at wall-clock `nowNs`.
    bool isStale(TimestampNs nowNs, TimestampNs staleAfterNs) const {
        return state == adapters::FeedState::Connected && lastMessageNs != 0 &&
               nowNs - lastMessageNs > staleAfterNs;
    }

    friend bool operator==(const FeedStatusRow&, const FeedStatusRow&) = default;
};

/// Every venue's feed, ordered by venue name. Immutable once published; shared as
/// `std::shared_ptr<const FeedStatusSnapshot>`. A newer one replaces an older one.
struct FeedStatusSnapshot {
    std::uint64_t version = 0;
    std::vector<FeedStatusRow> rows;
};

using FeedStatusSnapshotPtr = std::shared_ptr<const FeedStatusSnapshot>;

} // namespace cw::engine
