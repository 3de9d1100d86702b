// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>

namespace cw {

/// Nanoseconds since the Unix epoch, UTC. Every event time in Candlewick is one of these.
using TimestampNs = std::int64_t;

inline constexpr TimestampNs kNsPerMicrosecond = 1'000;
inline constexpr TimestampNs kNsPerMillisecond = 1'000'000;
inline constexpr TimestampNs kNsPerSecond = 1'000'000'000;
inline constexpr TimestampNs kNsPerMinute = 60 * kNsPerSecond;
inline constexpr TimestampNs kNsPerHour = 60 * kNsPerMinute;
inline constexpr TimestampNs kNsPerDay = 24 * kNsPerHour;

} // namespace cw
