// SPDX-License-Identifier: MIT
#include "core/indicators/Wma.hpp"

#include <cmath>
#include <limits>

namespace cw::indicators {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr std::int64_t kNoBadValue = std::numeric_limits<std::int64_t>::min();

double clean(double x) {
    return std::isfinite(x) ? x : 0.0;
}

struct Sums {
    double sum = 0.0;
    double weighted = 0.0;
};

/// Both sums of the window ending at bar i; `window(k)` as in RollingMoments.
template <class Window>
Sums fullSums(int period, const Window& window) {
    Sums s;
    for (int k = 0; k < period; ++k) {
        const double x = clean(window(k));
        s.sum += x;
        s.weighted += (k + 1) * x;
    }
    return s;
}

/// Slides the window by one: every weight drops by one (minus the old plain sum) and the
/// new value enters with weight `period`.
template <class Window>
Sums stepSums(Sums s, int period, const Window& window) {
    const double in = clean(window(period - 1));
    s.weighted += period * in - s.sum;
    s.sum += in - clean(window(-1));
    return s;
}

template <class Window>
Sums sumsAt(std::int64_t i, int period, Sums committed, const Window& window) {
    return i == period - 1 ? fullSums(period, window) : stepSums(committed, period, window);
}

template <class Window>
Sums commitSums(std::int64_t i, int period, Sums committed, const Window& window) {
    if (i < period - 1)
        return committed;
    // Recomputing once per window length keeps rounding from accumulating.
    if ((i + 1) % period == 0)
        return fullSums(period, window);
    return stepSums(committed, period, window);
}

double divisor(int period) {
    return 0.5 * period * (period + 1.0);
}
} // namespace

void wmaBatch(std::span<const double> in, int period, std::span<double> out) {
    CW_ASSERT(period >= 1);
    CW_ASSERT(out.size() == in.size());
    const double div = divisor(period);
    Sums sums;
    std::int64_t lastBad = kNoBadValue;
    const auto n = static_cast<std::int64_t>(in.size());
    for (std::int64_t i = 0; i < n; ++i) {
        if (!std::isfinite(in[i]))
            lastBad = i;
        const auto window = [&](int k) { return in[i - period + 1 + k]; };
        if (i < period - 1 || lastBad > i - period) {
            out[i] = kNaN;
        } else {
            out[i] = sumsAt(i, period, sums, window).weighted / div;
        }
        sums = commitSums(i, period, sums, window);
    }
}

WmaStream::WmaStream(int period)
    : m_period(period), m_window(static_cast<std::size_t>(period)), m_lastBad(kNoBadValue),
      m_value(kNaN) {
    CW_ASSERT(period >= 1);
}

double WmaStream::value(std::size_t k) const {
    CW_ASSERT(k == 0);
    return m_value;
}

void WmaStream::commit(std::int64_t index, const OhlcvRow& bar) {
    const auto size = static_cast<std::int64_t>(m_window.size());
    const auto window = [&](int k) {
        const std::int64_t j = index - m_period + 1 + k;
        return j == index ? bar.close : m_window[static_cast<std::size_t>(j - (index - size))];
    };
    const Sums s = commitSums(index, m_period, Sums{m_sum, m_weightedSum}, window);
    m_sum = s.sum;
    m_weightedSum = s.weighted;
    m_window.push(bar.close);
    if (!std::isfinite(bar.close))
        m_lastBad = index;
}

void WmaStream::evaluate(std::int64_t index, const OhlcvRow& bar) {
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
    m_value =
        sumsAt(index, m_period, Sums{m_sum, m_weightedSum}, window).weighted / divisor(m_period);
}

void WmaStream::clear() {
    m_sum = 0.0;
    m_weightedSum = 0.0;
    m_window.clear();
    m_lastBad = kNoBadValue;
    m_value = kNaN;
}

} // namespace cw::indicators
