// SPDX-License-Identifier: MIT
#include "core/indicators/Sma.hpp"

#include "core/common/Assert.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace cw::indicators {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
// Independent running sums interleaved in one loop: the CPU overlaps their add chains.
constexpr std::size_t kChains = 4;

double windowSum(const double* x, std::size_t end, std::size_t period) {
    double s = 0.0;
    for (std::size_t j = end + 1 - period; j <= end; ++j)
        s += x[j];
    return s;
}

// Exact per-window semantics for a stretch that met a non-finite value: windows holding one
// are NaN, the others the mean of their values.
void meanSlow(const double* x, double* out, std::size_t period, std::size_t first,
              std::size_t count, double inv) {
    std::size_t bad = 0;
    double s = 0.0;
    const auto add = [&](double v) {
        if (std::isfinite(v))
            s += v;
        else
            ++bad;
    };
    for (std::size_t j = first + 1 - period; j < first; ++j)
        add(x[j]);
    for (std::size_t i = first; i < first + count; ++i) {
        add(x[i]);
        out[i] = bad == 0 ? s * inv : kNaN;
        const double old = x[i + 1 - period];
        if (std::isfinite(old)) {
            s -= old;
        } else if (--bad == 0) {
            // Back to finite windows: restart from an exact sum of what stays in the window.
            s = 0.0;
            for (std::size_t j = i + 2 - period; j <= i; ++j)
                s += x[j];
        }
    }
}

// out[i] = mean(x[i-period+1..i]) for i in [first, first+count): kChains running sums over
// equal stretches, each started from an exact sum; a stretch whose sum ends non-finite met a
// NaN or infinity and is redone by meanSlow.
void meanRange(const double* x, double* out, std::size_t period, std::size_t first,
               std::size_t count, double inv) {
    const std::size_t len = count / kChains;
    if (len > 0) {
        double s[kChains];
        std::size_t start[kChains];
        for (std::size_t g = 0; g < kChains; ++g) {
            start[g] = first + g * len;
            s[g] = windowSum(x, start[g], period);
            out[start[g]] = s[g] * inv;
        }
        for (std::size_t j = 1; j < len; ++j) {
#pragma GCC unroll 4
            for (std::size_t g = 0; g < kChains; ++g) {
                const std::size_t i = start[g] + j;
                s[g] += x[i] - x[i - period];
                out[i] = s[g] * inv;
            }
        }
        for (std::size_t g = 0; g < kChains; ++g) {
            if (!std::isfinite(s[g]))
                meanSlow(x, out, period, start[g], len, inv);
        }
    }
    const std::size_t tail = first + kChains * len;
    const std::size_t end = first + count;
    if (tail < end) {
        double s = windowSum(x, tail, period);
        out[tail] = s * inv;
        for (std::size_t i = tail + 1; i < end; ++i) {
            s += x[i] - x[i - period];
            out[i] = s * inv;
        }
        if (!std::isfinite(s))
            meanSlow(x, out, period, tail, end - tail, inv);
    }
}

} // namespace

void smaBatch(std::span<const double> in, int period, std::span<double> out) {
    CW_ASSERT(period >= 1);
    CW_ASSERT(out.size() == in.size());
    const std::size_t n = in.size();
    const auto p = static_cast<std::size_t>(period);
    if (p > n) {
        std::fill(out.begin(), out.end(), kNaN);
        return;
    }
    std::fill(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(p - 1), kNaN);
    // Each running sum restarts from an exact sum every `segment` rows, which bounds the
    // rounding error a long add/subtract run could build up; the restart costs `period` adds,
    // so keep it a small fraction of the segment.
    const std::size_t segment = kChains * std::max<std::size_t>(4096, 8 * p);
    const double inv = 1.0 / static_cast<double>(p);
    for (std::size_t i = p - 1; i < n; i += segment)
        meanRange(in.data(), out.data(), p, i, std::min(segment, n - i), inv);
}

SmaStream::SmaStream(int period)
    : m_period(period), m_final(static_cast<std::size_t>(std::max(period, 1) - 1)), m_value(kNaN) {
    CW_ASSERT(period >= 1);
}

void SmaStream::update(const OhlcvRow& bar) {
    if (m_bars > 0)
        m_final.push(m_forming);
    ++m_bars;
    m_forming = bar.close;
    evaluate(m_forming);
}

void SmaStream::updateLast(const OhlcvRow& bar) {
    if (m_bars == 0) {
        update(bar);
        return;
    }
    m_forming = bar.close;
    evaluate(m_forming);
}

void SmaStream::reset() {
    m_final.clear();
    m_bars = 0;
    m_forming = 0.0;
    m_value = kNaN;
}

double SmaStream::value(std::size_t k) const {
    CW_ASSERT(k == 0);
    return m_value;
}

void SmaStream::evaluate(double x) {
    if (m_bars < static_cast<std::size_t>(m_period) || m_final.nonFiniteCount() > 0 ||
        !std::isfinite(x)) {
        m_value = kNaN;
        return;
    }
    const double ref = m_final.reference();
    m_value = ref + (m_final.sum() + (x - ref)) / static_cast<double>(m_period);
}

} // namespace cw::indicators
