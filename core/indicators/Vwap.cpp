// SPDX-License-Identifier: MIT
#include "core/indicators/Vwap.hpp"

#include "core/common/Assert.hpp"

#include <cmath>
#include <limits>

namespace cw::indicators {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/// Floor division, so that bars before 1970 still fall into whole days.
std::int64_t sessionOf(TimestampNs time, TimestampNs offsetNs) {
    const TimestampNs shifted = time - offsetNs;
    std::int64_t day = shifted / kNsPerDay;
    if (shifted % kNsPerDay < 0)
        --day;
    return day;
}

/// Folds one bar into `s` and returns the VWAP at that bar.
double step(VwapStream::State& s, TimestampNs offsetNs, const OhlcvRow& bar) {
    const std::int64_t session = sessionOf(bar.time, offsetNs);
    if (!s.started || session != s.session) {
        s = VwapStream::State{session, true, 0.0, 0.0};
    }
    const double typical = (bar.high + bar.low + bar.close) / 3.0;
    if (!std::isfinite(typical) || !std::isfinite(bar.volume) || bar.volume < 0.0)
        return kNaN;
    s.priceVolume += typical * bar.volume;
    s.volume += bar.volume;
    return s.volume > 0.0 ? s.priceVolume / s.volume : kNaN;
}

TimestampNs offsetNs(int sessionOffsetMinutes) {
    CW_ASSERT(sessionOffsetMinutes >= 0 && sessionOffsetMinutes < 24 * 60);
    return sessionOffsetMinutes * kNsPerMinute;
}
} // namespace

void vwapBatch(std::span<const TimestampNs> time, std::span<const double> high,
               std::span<const double> low, std::span<const double> close,
               std::span<const double> volume, int sessionOffsetMinutes, std::span<double> out) {
    const std::size_t n = close.size();
    CW_ASSERT(time.size() == n && high.size() == n && low.size() == n && volume.size() == n);
    CW_ASSERT(out.size() == n);
    const TimestampNs offset = offsetNs(sessionOffsetMinutes);
    VwapStream::State s;
    for (std::size_t i = 0; i < n; ++i)
        out[i] = step(s, offset, OhlcvRow{time[i], 0.0, high[i], low[i], close[i], volume[i]});
}

VwapStream::VwapStream(int sessionOffsetMinutes)
    : m_offsetNs(offsetNs(sessionOffsetMinutes)), m_value(kNaN) {}

double VwapStream::value(std::size_t k) const {
    CW_ASSERT(k == 0);
    return m_value;
}

void VwapStream::commit(std::int64_t /*index*/, const OhlcvRow& bar) {
    step(m_state, m_offsetNs, bar);
}

void VwapStream::evaluate(std::int64_t /*index*/, const OhlcvRow& bar) {
    State s = m_state;
    m_value = step(s, m_offsetNs, bar);
}

void VwapStream::clear() {
    m_state = {};
    m_value = kNaN;
}

} // namespace cw::indicators
