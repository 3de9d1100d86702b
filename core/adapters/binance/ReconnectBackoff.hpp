// SPDX-License-Identifier: MIT
#pragma once

#include "core/domain/Timestamp.hpp"

#include <cstdint>
#include <random>

namespace cw::adapters::binance {

/// Delays between reconnect attempts: exponential backoff with full jitter. Attempt n
/// (from 0) waits a uniformly random time in [0, min(maxDelay, initialDelay x multiplier^n)],
/// so many clients that dropped together do not come back together. A connection that
/// stayed up for `stableAfter` resets the sequence; one that drops sooner does not.
///
/// Deterministic for a given seed (its own generator, mt19937_64, and its own mapping to a
/// range). Thread: one owner thread.
class ReconnectBackoff {
public:
    struct Config {
        TimestampNs initialDelayNs = 500 * kNsPerMillisecond;
        TimestampNs maxDelayNs = 60 * kNsPerSecond;
        double multiplier = 2.0;
        TimestampNs stableAfterNs = 60 * kNsPerSecond;
    };

    /// Precondition (CW_ASSERT): 0 < initialDelay <= maxDelay, multiplier >= 1,
    /// stableAfter >= 0.
    explicit ReconnectBackoff(std::uint64_t seed) : ReconnectBackoff(Config{}, seed) {}
    ReconnectBackoff(Config config, std::uint64_t seed);

    /// The delay before the next attempt; counts the attempt.
    TimestampNs nextDelayNs();
    /// The upper bound the next nextDelayNs() draws under.
    TimestampNs currentCeilingNs() const;
    /// Attempts since the last reset.
    int attempts() const { return m_attempts; }

    /// The connection is up at `now`.
    void onConnected(TimestampNs now);
    /// The connection dropped at `now`: resets the attempts when it had been up for at
    /// least stableAfter.
    void onDisconnected(TimestampNs now);
    /// Back to the first attempt.
    void reset() { m_attempts = 0; }

private:
    Config m_config;
    std::mt19937_64 m_random;
    int m_attempts = 0;
    bool m_connected = false;
    TimestampNs m_connectedAt = 0;
};

} // namespace cw::adapters::binance
