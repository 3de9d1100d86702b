// SPDX-License-Identifier: MIT
#pragma once

#include "core/common/Assert.hpp"

#include <cmath>
#include <cstdint>

namespace cw::indicators {

/// Mean and population variance of a sliding window of `period` values in O(1) per value,
/// shared by the batch and streaming forms of the standard deviation and z-score so that both
/// do the same arithmetic in the same order.
///
/// The state is the sum and the sum of squares of the values minus an anchor (a value of the
/// window). It is recomputed exactly every `period` values, so rounding cannot accumulate over
/// long series; when the incremental variance is small against the sum of squares (a flat or
/// nearly flat window, where cancellation would dominate) the variance is recomputed exactly
/// by two passes, which makes a constant window's variance exactly 0.
///
/// `Window` is a callable `double(int k)` giving value k of the window ending at bar i, oldest
/// first, for k in [0, period); k = -1 is the value that just left it (bar i - period). Non-
/// finite values are folded in as 0 and must be masked by the caller (the result is then
/// meaningless, not undefined).
/// Thread: whichever thread owns the object; not thread-safe.
class RollingMoments {
public:
    struct Moments {
        double mean = 0.0;
        double variance = 0.0; ///< population (divides by period), >= 0
    };

    explicit RollingMoments(int period) : m_period(period) { CW_ASSERT(period >= 1); }

    /// Moments of the window ending at bar `i` (i >= period - 1), the state unchanged.
    template <class Window>
    Moments peek(std::int64_t i, const Window& window) const {
        Sums s = (i == m_period - 1) ? full(window) : step(m_sums, window);
        const double n = static_cast<double>(m_period);
        const double m1 = s.s1 / n;
        const double m2 = s.s2 / n;
        const double variance = m2 - m1 * m1;
        if (variance > kCancellationLimit * m2)
            return {s.anchor + m1, variance};
        return exact(window);
    }

    /// Folds bar `i` (now final) into the state; bars must come in order from 0.
    template <class Window>
    void commit(std::int64_t i, const Window& window) {
        if (i < m_period - 1)
            return;
        if ((i + 1) % m_period == 0) {
            m_sums = full(window);
        } else {
            m_sums = step(m_sums, window);
        }
    }

    void clear() { m_sums = {}; }

private:
    /// Below this ratio of variance to mean square the incremental formula has lost more than
    /// about 1e-10 relative accuracy, so the two-pass form is used.
    static constexpr double kCancellationLimit = 1e-6;

    struct Sums {
        double anchor = 0.0;
        double s1 = 0.0;
        double s2 = 0.0;
    };

    static double clean(double x) { return std::isfinite(x) ? x : 0.0; }

    template <class Window>
    Sums full(const Window& window) const {
        Sums s;
        s.anchor = clean(window(0));
        for (int k = 0; k < m_period; ++k) {
            const double d = clean(window(k)) - s.anchor;
            s.s1 += d;
            s.s2 += d * d;
        }
        return s;
    }

    template <class Window>
    Sums step(Sums s, const Window& window) const {
        const double in = clean(window(m_period - 1)) - s.anchor;
        const double out = clean(window(-1)) - s.anchor;
        s.s1 += in - out;
        s.s2 += in * in - out * out;
        return s;
    }

    template <class Window>
    Moments exact(const Window& window) const {
        const double n = static_cast<double>(m_period);
        const double anchor = clean(window(0));
        double sum = 0.0;
        for (int k = 0; k < m_period; ++k)
            sum += clean(window(k)) - anchor;
        const double mean = sum / n;
        double squares = 0.0;
        for (int k = 0; k < m_period; ++k) {
            const double d = clean(window(k)) - anchor - mean;
            squares += d * d;
        }
        return {anchor + mean, squares / n};
    }

    int m_period;
    Sums m_sums;
};

} // namespace cw::indicators
