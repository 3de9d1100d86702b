// SPDX-License-Identifier: MIT
#include "core/indicators/ZScore.hpp"

#include <cmath>
#include <limits>

namespace cw::indicators {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr std::int64_t kNoBadValue = std::numeric_limits<std::int64_t>::min();

double zScore(double x, const RollingMoments::Moments& m) {
    if (m.variance <= 0.0)
        return 0.0;
    return (x - m.mean) / std::sqrt(m.variance);
}
} // namespace

void zScoreBatch(std::span<const double> in, int period, std::span<double> out) {
    CW_ASSERT(period >= 1);
    CW_ASSERT(out.size() == in.size());
    RollingMoments moments(period);
    std::int64_t lastBad = kNoBadValue;
    const auto n = static_cast<std::int64_t>(in.size());
    for (std::int64_t i = 0; i < n; ++i) {
        if (!std::isfinite(in[i]))
            lastBad = i;
        const auto window = [&](int k) { return in[i - period + 1 + k]; };
        if (i < period - 1 || lastBad > i - period) {
            out[i] = kNaN;
        } else {
            out[i] = zScore(in[i], moments.peek(i, window));
        }
        moments.commit(i, window);
    }
}

ZScoreStream::ZScoreStream(int period)
    : m_period(period), m_moments(period), m_window(static_cast<std::size_t>(period)),
      m_lastBad(kNoBadValue), m_value(kNaN) {}

double ZScoreStream::value(std::size_t k) const {
    CW_ASSERT(k == 0);
    return m_value;
}

void ZScoreStream::commit(std::int64_t index, const OhlcvRow& bar) {
    const auto size = static_cast<std::int64_t>(m_window.size());
    const auto window = [&](int k) {
        const std::int64_t j = index - m_period + 1 + k;
        return j == index ? bar.close : m_window[static_cast<std::size_t>(j - (index - size))];
    };
    m_moments.commit(index, window);
    m_window.push(bar.close);
    if (!std::isfinite(bar.close))
        m_lastBad = index;
}

void ZScoreStream::evaluate(std::int64_t index, const OhlcvRow& bar) {
    const std::int64_t lastBad = std::isfinite(bar.close) ? m_lastBad : index;
    if (index < m_period - 1 || lastBad > index - m_period) {
        m_value = kNaN;
        return;
    }
    const auto size = static_cast<std::int64_t>(m_window.size());
    const auto window = [&](int k) {
        const std::int64_t j = index - m_period + 1 + k;
        return j == index ? bar.close : m_window[static_cast<std::size_t>(j - (index - size))];
    };
    m_value = zScore(bar.close, m_moments.peek(index, window));
}

void ZScoreStream::clear() {
    m_moments.clear();
    m_window.clear();
    m_lastBad = kNoBadValue;
    m_value = kNaN;
}

} // namespace cw::indicators
