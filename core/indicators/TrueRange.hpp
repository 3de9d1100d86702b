// SPDX-License-Identifier: MIT
#pragma once

#include "core/indicators/DoubleVector.hpp"

#include <cmath>

namespace cw::indicators {

/// Welles Wilder's true range: max(high - low, |high - prevClose|, |low - prevClose|).
/// NaN when any input is NaN (std::max would silently drop a NaN previous close). Branch-free
/// so that loops over it vectorise.
inline double trueRange(double high, double low, double prevClose) {
    const double hl = high - low;
    const double hc = std::fabs(high - prevClose);
    const double lc = std::fabs(low - prevClose);
    double r = hc > hl ? hc : hl;
    r = lc > r ? lc : r;
    const double probe = hl + hc + lc; // NaN iff some input is NaN (or inf - inf)
    return probe == probe ? r : probe;
}

/// trueRange() of DoubleVector::kWidth rows at once, with the same results.
inline DoubleVector trueRange(DoubleVector high, DoubleVector low, DoubleVector prevClose) {
    const DoubleVector hl = high - low;
    const DoubleVector hc = abs(high - prevClose);
    const DoubleVector lc = abs(low - prevClose);
    const DoubleVector r = maxOf(lc, maxOf(hc, hl));
    return nanOr(hl + hc + lc, r);
}

} // namespace cw::indicators
