// SPDX-License-Identifier: MIT
#pragma once

namespace cw::ui {

/// "Nice" grid values for a price axis: multiples of a step of 1, 2 or 5 x 10^k inside a
/// range. Value `k` is `(firstMultiple + k) * step`, so nothing is allocated per frame.
struct PriceTicks {
    double firstMultiple = 0.0; ///< integer: the first tick is firstMultiple * step
    double step = 0.0;          ///< 0 when there are no ticks
    int count = 0;
    int decimals = 0; ///< digits after the point that print every tick exactly

    double value(int k) const { return (firstMultiple + k) * step; }

    /// At most about `maxCount` ticks (>= 1) covering [low, high]. An empty, inverted or
    /// non-finite range gives no ticks.
    static PriceTicks forRange(double low, double high, int maxCount);
    /// The smallest 1/2/5 x 10^k that is >= `rawStep` (> 0, finite; otherwise 0).
    static double niceStep(double rawStep);
    /// Digits after the decimal point needed to print multiples of `step` (0 for steps >= 1).
    static int decimalsFor(double step);
};

} // namespace cw::ui
