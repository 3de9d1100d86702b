// SPDX-License-Identifier: MIT
#pragma once

#include "core/domain/Timestamp.hpp"

#include <cstdint>

namespace cw::adapters::sim {

/// One 1-minute bar of the simulated exchange in compact form: prices as raw integers at the
/// instrument's price precision, volume at its quantity precision (56 bytes, against about
/// 100 for a Bar). A minute without trades is a flat bar at the previous close.
struct MinuteRecord {
    TimestampNs openTime = 0;
    std::int64_t open = 0;
    std::int64_t high = 0;
    std::int64_t low = 0;
    std::int64_t close = 0;
    std::int64_t volume = 0;
    std::int64_t tradeCount = 0;
};

} // namespace cw::adapters::sim
