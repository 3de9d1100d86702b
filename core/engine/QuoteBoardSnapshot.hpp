// SPDX-License-Identifier: MIT
#pragma once

#include "core/adapters/InstrumentKey.hpp"
#include "core/domain/Price.hpp"
#include "core/domain/Quantity.hpp"
#include "core/domain/Timestamp.hpp"

#include <cstdint>
#include <memory>
#include <vector>

namespace cw::engine {

/// Direction of the last trade against the one before it.
enum class TickDirection { Invalid = 0, Unchanged, Up, Down };

/// One watchlist line.
struct QuoteBoardRow {
    adapters::InstrumentKey instrument;
    bool hasLast = false;  ///< a trade was seen
    Price last;            ///< last trade price
    bool hasQuote = false; ///< a top-of-book quote was seen
    Price bid;
    Price ask;
    /// Change of `last` against the reference (the last close before the current UTC day, or
    /// else the day's first trade), in percent; NaN when unknown.
    double changePercent = 0.0;
    Quantity dayVolume; ///< traded size since 00:00 UTC of the last trade's day
    TickDirection direction = TickDirection::Invalid;
    TimestampNs lastTradeTime = 0; ///< venue time of the last trade, UTC

    friend bool operator==(const QuoteBoardRow&, const QuoteBoardRow&) = default;
};

/// The whole watchlist at one moment, in subscription order. Immutable once published; shared
/// as `std::shared_ptr<const QuoteBoardSnapshot>`. A newer one replaces an older one.
struct QuoteBoardSnapshot {
    std::uint64_t version = 0;
    std::vector<QuoteBoardRow> rows;
};

using QuoteBoardSnapshotPtr = std::shared_ptr<const QuoteBoardSnapshot>;

} // namespace cw::engine
