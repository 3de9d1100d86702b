// SPDX-License-Identifier: MIT
#include "core/indicators/DonchianChannel.hpp"

#include "core/indicators/RollingExtremum.hpp"

#include <cmath>
#include <limits>

namespace cw::indicators {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr std::int64_t kNoBadValue = std::numeric_limits<std::int64_t>::min();
} // namespace

void donchianChannelBatch(std::span<const double> high, std::span<const double> low, int period,
                          std::span<double> upper, std::span<double> middle,
                          std::span<double> lower) {
    const std::size_t n = high.size();
    CW_ASSERT(low.size() == n && upper.size() == n && middle.size() == n && lower.size() == n);
    rollingMaxBatch(high, period, upper);
    rollingMinBatch(low, period, lower);
    for (std::size_t i = 0; i < n; ++i) {
        if (std::isnan(upper[i]) || std::isnan(lower[i])) {
            upper[i] = middle[i] = lower[i] = kNaN;
        } else {
            middle[i] = (upper[i] + lower[i]) / 2.0;
        }
    }
}

DonchianChannelStream::DonchianChannelStream(int period)
    : m_period(period), m_highs(period), m_lows(period),
      m_lastBad(kNoBadValue), m_values{kNaN, kNaN, kNaN} {}

double DonchianChannelStream::value(std::size_t k) const {
    CW_ASSERT(k < 3);
    return m_values[k];
}

void DonchianChannelStream::commit(std::int64_t index, const OhlcvRow& bar) {
    if (std::isfinite(bar.high)) {
        m_highs.push(index, bar.high);
    } else {
        m_lastBad = index;
    }
    if (std::isfinite(bar.low)) {
        m_lows.push(index, bar.low);
    } else {
        m_lastBad = index;
    }
}

void DonchianChannelStream::evaluate(std::int64_t index, const OhlcvRow& bar) {
    const std::int64_t first = index - m_period + 1;
    if (first < 0 || m_lastBad >= first || !std::isfinite(bar.high) || !std::isfinite(bar.low)) {
        m_values[0] = m_values[1] = m_values[2] = kNaN;
        return;
    }
    // The deques hold final bars only; the forming bar joins the comparison here. NaN from
    // an empty deque (period 1) compares false, so the forming bar wins.
    const double high = m_highs.extremumFrom(first);
    const double low = m_lows.extremumFrom(first);
    const double upper = high >= bar.high ? high : bar.high;
    const double lower = low <= bar.low ? low : bar.low;
    m_values[0] = upper;
    m_values[1] = (upper + lower) / 2.0;
    m_values[2] = lower;
}

void DonchianChannelStream::clear() {
    m_highs.clear();
    m_lows.clear();
    m_lastBad = kNoBadValue;
    m_values[0] = m_values[1] = m_values[2] = kNaN;
}

} // namespace cw::indicators
