// SPDX-License-Identifier: MIT
#pragma once

#include "core/domain/Price.hpp"
#include "core/domain/Quantity.hpp"
#include "core/domain/Side.hpp"
#include "core/domain/Timestamp.hpp"

#include <cstdint>

namespace cw {

/// One trade printed by a venue (a "tick" of the tape).
struct Tick {
    /// The value of `tradeId` when the venue gives none (duplicates cannot be detected then).
    static constexpr std::int64_t kNoTradeId = -1;

    TimestampNs time = 0; ///< venue trade time, UTC
    Price price;
    Quantity size;                     ///< positive for a real trade
    Side aggressor = Side::Invalid;    ///< the taker's side; Invalid when not reported
    std::int64_t tradeId = kNoTradeId; ///< venue trade id, unique per instrument, or kNoTradeId

    bool hasTradeId() const { return tradeId != kNoTradeId; }

    friend bool operator==(const Tick&, const Tick&) = default;
};

} // namespace cw
