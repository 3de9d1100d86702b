// SPDX-License-Identifier: MIT
#pragma once

#include "core/common/Result.hpp"
#include "core/domain/Timestamp.hpp"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

namespace cw::adapters::binance {

/// Keeps the offset between the local clock and Binance's server clock, measured with
/// GET /api/v3/time round trips, so signed requests carry a `timestamp` the venue accepts
/// (it rejects one 1000 ms ahead of its clock, or older than recvWindow, with -1021).
///
/// Each round trip gives offset = serverTime - (sent + received) / 2: the server is assumed
/// to have read its clock half way through. The offset in use is the one of the sample with
/// the shortest round trip among the last `maxSamples` (its midpoint is the tightest bound).
/// The server clock has ms resolution, so the offset is known to within RTT/2 + 1 ms.
///
/// A resync is needed (`needsResync`) before the first sample, `resyncInterval` after the
/// newest sample, and after `onTimestampRejected` (error -1021); the next sample after a
/// rejection discards the older ones, which may predate a local clock step.
///
/// Pure logic: the local clock is injected (ns since the epoch). Thread: one owner thread.
class BinanceServerClock {
public:
    using LocalClock = std::function<TimestampNs()>;

    struct Config {
        TimestampNs resyncIntervalNs = 10 * kNsPerMinute;
        /// Samples with a longer round trip are refused (their midpoint says too little).
        TimestampNs maxRoundTripNs = 5 * kNsPerSecond;
        std::size_t maxSamples = 5;
        /// Subtracted from every corrected timestamp, so a request is never stamped ahead of
        /// the server by the offset's uncertainty.
        TimestampNs safetyMarginNs = 0;
    };

    /// Precondition (CW_ASSERT): a callable clock, maxSamples >= 1.
    explicit BinanceServerClock(LocalClock localClock)
        : BinanceServerClock(std::move(localClock), Config{}) {}
    BinanceServerClock(LocalClock localClock, Config config);

    /// Records one /api/v3/time round trip: the request left at local `sentLocal`, the
    /// reply (with `serverTimeMs`) arrived at local `receivedLocal`.
    /// InvalidArgument when received < sent or serverTimeMs <= 0 (the sample is ignored);
    /// OutOfRange when the round trip exceeds maxRoundTripNs (ignored as well).
    Result<void> addSample(TimestampNs sentLocal, TimestampNs receivedLocal,
                           std::int64_t serverTimeMs);

    /// Server minus local clock, ns; nullopt before the first accepted sample.
    std::optional<TimestampNs> offsetNs() const;
    /// Round trip of the sample in use; nullopt before the first.
    std::optional<TimestampNs> roundTripNs() const;
    bool isSynced() const { return !m_samples.empty(); }

    /// The server's clock now, estimated (local clock + offset - safety margin). Without a
    /// sample: the local clock.
    TimestampNs serverNowNs() const;
    /// serverNowNs() in whole ms: the `timestamp` of a signed request.
    std::int64_t timestampMs() const;

    /// True before the first sample, when the newest is older than resyncIntervalNs, and
    /// after onTimestampRejected until the next accepted sample.
    bool needsResync() const;
    /// The venue answered -1021 (timestamp outside recvWindow): resync before signing more.
    void onTimestampRejected() { m_rejected = true; }

private:
    struct Sample {
        TimestampNs offsetNs = 0;
        TimestampNs roundTripNs = 0;
        TimestampNs receivedLocal = 0;
    };
    const Sample* best() const;

    LocalClock m_localClock;
    Config m_config;
    std::vector<Sample> m_samples; ///< oldest first
    bool m_rejected = false;
};

} // namespace cw::adapters::binance
