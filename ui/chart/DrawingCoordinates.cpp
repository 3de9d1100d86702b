// SPDX-License-Identifier: MIT
#include "ui/chart/DrawingCoordinates.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace cw::ui {

namespace {
/// Intervals looked at to estimate the bar interval at each end of the series.
constexpr std::size_t kIntervalSample = 8;
} // namespace

DrawingCoordinates::DrawingCoordinates(std::span<const TimestampNs> times,
                                       const TimeScale& timeScale, const PriceScale& priceScale,
                                       const QRect& plot)
    : m_times(times), m_timeScale(timeScale), m_priceScale(priceScale), m_plot(plot) {
    m_frontInterval = endInterval(true);
    m_backInterval = endInterval(false);
}

TimestampNs DrawingCoordinates::endInterval(bool atFront) const {
    const std::size_t n = m_times.size();
    TimestampNs best = 0;
    for (std::size_t k = 0; k < kIntervalSample && k + 1 < n; ++k) {
        const std::size_t i = atFront ? k : n - 2 - k;
        const TimestampNs d = m_times[i + 1] - m_times[i];
        if (d > 0 && (best == 0 || d < best))
            best = d;
    }
    return best > 0 ? best : kFallbackIntervalNs;
}

double DrawingCoordinates::indexOfTime(TimestampNs time) const {
    if (m_times.empty())
        return std::numeric_limits<double>::quiet_NaN();
    const std::size_t n = m_times.size();
    const auto limit = static_cast<TimestampNs>(kMaxAbsTimeNs);
    time = std::clamp(time, -limit, limit);
    if (time <= m_times.front())
        return -static_cast<double>(m_times.front() - time) / static_cast<double>(m_frontInterval);
    if (time >= m_times.back()) {
        return static_cast<double>(n - 1) +
               static_cast<double>(time - m_times.back()) / static_cast<double>(m_backInterval);
    }
    // First bar opening after `time`; the one before it opened at or before `time`.
    const auto it = std::upper_bound(m_times.begin(), m_times.end(), time);
    const std::size_t hi = static_cast<std::size_t>(it - m_times.begin());
    const std::size_t lo = hi - 1;
    const TimestampNs span = m_times[hi] - m_times[lo];
    const double frac =
        span > 0 ? static_cast<double>(time - m_times[lo]) / static_cast<double>(span) : 0.0;
    return static_cast<double>(lo) + frac;
}

TimestampNs DrawingCoordinates::timeOfIndex(double index) const {
    if (m_times.empty() || !std::isfinite(index))
        return 0;
    const double last = static_cast<double>(m_times.size() - 1);
    // An integer base plus an offset keeps nanosecond precision for real epochs (a double
    // holding the whole time would be off by hundreds of nanoseconds).
    TimestampNs base = 0;
    double offset = 0.0;
    if (index <= 0.0) {
        base = m_times.front();
        offset = index * static_cast<double>(m_frontInterval);
    } else if (index >= last) {
        base = m_times.back();
        offset = (index - last) * static_cast<double>(m_backInterval);
    } else {
        const auto lo = static_cast<std::size_t>(std::floor(index));
        base = m_times[lo];
        offset =
            (index - static_cast<double>(lo)) * static_cast<double>(m_times[lo + 1] - m_times[lo]);
    }
    const double b = static_cast<double>(base);
    offset = std::clamp(offset, -kMaxAbsTimeNs - b, kMaxAbsTimeNs - b);
    return base + static_cast<TimestampNs>(std::llround(offset));
}

double DrawingCoordinates::xOfTime(TimestampNs time) const {
    return m_plot.left() + m_timeScale.xOf(indexOfTime(time));
}

TimestampNs DrawingCoordinates::timeAtX(double x) const {
    return timeOfIndex(m_timeScale.indexAt(x - m_plot.left()));
}

QPointF DrawingCoordinates::toPixel(const DrawingAnchor& anchor) const {
    return {xOfTime(anchor.time), yOfPrice(anchor.price)};
}

DrawingAnchor DrawingCoordinates::toData(const QPointF& pixel) const {
    return {timeAtX(pixel.x()), priceAtY(pixel.y())};
}

DrawingAnchor DrawingCoordinates::shifted(const DrawingAnchor& anchor, const QPointF& delta) const {
    const double index = indexOfTime(anchor.time) + delta.x() / m_timeScale.barSpacing();
    const double price = anchor.price + (priceAtY(delta.y()) - priceAtY(0.0));
    return {timeOfIndex(index), price};
}

} // namespace cw::ui
