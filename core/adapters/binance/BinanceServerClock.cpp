// SPDX-License-Identifier: MIT
#include "core/adapters/binance/BinanceServerClock.hpp"

#include "core/common/Assert.hpp"

#include <limits>
#include <string>

namespace cw::adapters::binance {

BinanceServerClock::BinanceServerClock(LocalClock localClock, Config config)
    : m_localClock(std::move(localClock)), m_config(config) {
    CW_ASSERT(static_cast<bool>(m_localClock));
    CW_ASSERT(m_config.maxSamples >= 1);
}

Result<void> BinanceServerClock::addSample(TimestampNs sentLocal, TimestampNs receivedLocal,
                                           std::int64_t serverTimeMs) {
    if (receivedLocal < sentLocal)
        return fail(ErrorCode::InvalidArgument, "time reply received before the request left");
    constexpr std::int64_t kMaxMs = std::numeric_limits<TimestampNs>::max() / kNsPerMillisecond;
    if (serverTimeMs <= 0 || serverTimeMs > kMaxMs)
        return fail(ErrorCode::InvalidArgument,
                    "server time " + std::to_string(serverTimeMs) + " ms is not plausible");
    const TimestampNs roundTrip = receivedLocal - sentLocal;
    if (roundTrip > m_config.maxRoundTripNs)
        return fail(ErrorCode::OutOfRange, "round trip of " +
                                               std::to_string(roundTrip / kNsPerMillisecond) +
                                               " ms is too long to measure the clock offset");
    if (m_rejected) {
        m_samples.clear();
        m_rejected = false;
    }
    // sent + roundTrip / 2 cannot overflow where sent + received could.
    const TimestampNs midpoint = sentLocal + roundTrip / 2;
    m_samples.push_back({serverTimeMs * kNsPerMillisecond - midpoint, roundTrip, receivedLocal});
    if (m_samples.size() > m_config.maxSamples)
        m_samples.erase(m_samples.begin());
    return {};
}

const BinanceServerClock::Sample* BinanceServerClock::best() const {
    const Sample* best = nullptr;
    for (const auto& sample : m_samples)
        if (best == nullptr || sample.roundTripNs <= best->roundTripNs)
            best = &sample; // on ties the newer one
    return best;
}

std::optional<TimestampNs> BinanceServerClock::offsetNs() const {
    if (const Sample* sample = best())
        return sample->offsetNs;
    return std::nullopt;
}

std::optional<TimestampNs> BinanceServerClock::roundTripNs() const {
    if (const Sample* sample = best())
        return sample->roundTripNs;
    return std::nullopt;
}

TimestampNs BinanceServerClock::serverNowNs() const {
    const TimestampNs local = m_localClock();
    const Sample* sample = best();
    const TimestampNs offset = sample != nullptr ? sample->offsetNs : 0;
    return local + offset - m_config.safetyMarginNs;
}

std::int64_t BinanceServerClock::timestampMs() const {
    const TimestampNs now = serverNowNs();
    // Floor, so a corrected time is never rounded ahead of the server.
    return now >= 0 ? now / kNsPerMillisecond
                    : -((-now + kNsPerMillisecond - 1) / kNsPerMillisecond);
}

bool BinanceServerClock::needsResync() const {
    if (m_samples.empty() || m_rejected)
        return true;
    return m_localClock() - m_samples.back().receivedLocal >= m_config.resyncIntervalNs;
}

} // namespace cw::adapters::binance
