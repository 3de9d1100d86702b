// SPDX-License-Identifier: MIT
#include "core/indicators/Stochastic.hpp"

#include "core/indicators/RollingExtremum.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace cw::indicators {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr std::int64_t kNoBadValue = std::numeric_limits<std::int64_t>::min();

double fastK(double close, double highest, double lowest) {
    if (!std::isfinite(close) || std::isnan(highest) || std::isnan(lowest))
        return kNaN;
    const double range = highest - lowest;
    return range != 0.0 ? (close - lowest) / range * 100.0 : 0.0;
}
} // namespace

void stochasticBatch(std::span<const double> high, std::span<const double> low,
                     std::span<const double> close, int fastKPeriod, int slowKPeriod,
                     int slowDPeriod, std::span<double> k, std::span<double> d) {
    const std::size_t n = close.size();
    CW_ASSERT(high.size() == n && low.size() == n && k.size() == n && d.size() == n);
    CW_ASSERT(fastKPeriod >= 1 && slowKPeriod >= 1 && slowDPeriod >= 1);
    // k holds the highest highs and d the lowest lows, then d the fast K, then k the slow K
    // (read from d), and finally d the slow D (read from k).
    rollingMaxBatch(high, fastKPeriod, k);
    rollingMinBatch(low, fastKPeriod, d);
    for (std::size_t i = 0; i < n; ++i)
        d[i] = fastK(close[i], k[i], d[i]);
    const auto kFirst = static_cast<std::size_t>(fastKPeriod + slowKPeriod - 2);
    for (std::size_t i = 0; i < n; ++i) {
        if (i < kFirst) {
            k[i] = kNaN;
            continue;
        }
        double sum = 0.0;
        for (std::size_t j = i + 1 - static_cast<std::size_t>(slowKPeriod); j <= i; ++j)
            sum += d[j];
        k[i] = sum / slowKPeriod;
    }
    const auto dFirst = kFirst + static_cast<std::size_t>(slowDPeriod - 1);
    for (std::size_t i = 0; i < n; ++i) {
        if (i < dFirst) {
            d[i] = kNaN;
            continue;
        }
        double sum = 0.0;
        for (std::size_t j = i + 1 - static_cast<std::size_t>(slowDPeriod); j <= i; ++j)
            sum += k[j];
        d[i] = sum / slowDPeriod;
    }
    // TA-Lib starts both lines at the same bar, the first with a D.
    for (std::size_t i = 0; i < std::min(dFirst, n); ++i)
        k[i] = kNaN;
}

StochasticStream::StochasticStream(int fastKPeriod, int slowKPeriod, int slowDPeriod)
    : m_fastKPeriod(fastKPeriod), m_slowKPeriod(slowKPeriod), m_slowDPeriod(slowDPeriod),
      m_highs(fastKPeriod), m_lows(fastKPeriod), m_lastBad(kNoBadValue),
      m_fastK(static_cast<std::size_t>(slowKPeriod)),
      m_slowK(static_cast<std::size_t>(slowDPeriod)), m_values{kNaN, kNaN} {
    CW_ASSERT(fastKPeriod >= 1 && slowKPeriod >= 1 && slowDPeriod >= 1);
}

double StochasticStream::value(std::size_t k) const {
    CW_ASSERT(k < 2);
    return m_values[k];
}

StochasticStream::Values StochasticStream::compute(std::int64_t index, const OhlcvRow& bar) const {
    Values v{kNaN, kNaN, kNaN};
    const std::int64_t first = index - m_fastKPeriod + 1;
    if (first >= 0 && m_lastBad < first && std::isfinite(bar.high) && std::isfinite(bar.low)) {
        // NaN from an empty deque (period 1) compares false, so the forming bar wins.
        const double high = m_highs.extremumFrom(first);
        const double low = m_lows.extremumFrom(first);
        v.fastK =
            fastK(bar.close, high >= bar.high ? high : bar.high, low <= bar.low ? low : bar.low);
    }
    // Same summation order as the batch kernel: oldest final value first, this bar last.
    if (index >= m_fastKPeriod + m_slowKPeriod - 2) {
        double sum = 0.0;
        for (std::size_t j = m_fastK.size() + 1 - static_cast<std::size_t>(m_slowKPeriod);
             j < m_fastK.size(); ++j)
            sum += m_fastK[j];
        v.k = (sum + v.fastK) / m_slowKPeriod;
    }
    if (index >= m_fastKPeriod + m_slowKPeriod + m_slowDPeriod - 3) {
        double sum = 0.0;
        for (std::size_t j = m_slowK.size() + 1 - static_cast<std::size_t>(m_slowDPeriod);
             j < m_slowK.size(); ++j)
            sum += m_slowK[j];
        v.d = (sum + v.k) / m_slowDPeriod;
    }
    return v;
}

void StochasticStream::commit(std::int64_t index, const OhlcvRow& bar) {
    const Values v = compute(index, bar);
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
    m_fastK.push(v.fastK);
    m_slowK.push(v.k);
}

void StochasticStream::evaluate(std::int64_t index, const OhlcvRow& bar) {
    const Values v = compute(index, bar);
    // TA-Lib starts both lines at the same bar, the first with a D.
    const bool beforeD = index < m_fastKPeriod + m_slowKPeriod + m_slowDPeriod - 3;
    m_values[0] = beforeD ? kNaN : v.k;
    m_values[1] = v.d;
}

void StochasticStream::clear() {
    m_highs.clear();
    m_lows.clear();
    m_lastBad = kNoBadValue;
    m_fastK.clear();
    m_slowK.clear();
    m_values[0] = m_values[1] = kNaN;
}

} // namespace cw::indicators
