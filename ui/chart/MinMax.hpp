// SPDX-License-Identifier: MIT
#pragma once

#include <limits>

namespace cw::ui {

/// The lowest and highest number seen over a range of values. Starts empty (+inf, -inf), so
/// `valid()` is false until a number is included; NaN is never included (every comparison with
/// NaN is false), which is how the chart treats "no value" in indicator outputs.
struct MinMax {
    double low = std::numeric_limits<double>::infinity();
    double high = -std::numeric_limits<double>::infinity();

    bool valid() const { return low <= high; }

    void include(double lo, double hi) {
        if (lo < low)
            low = lo;
        if (hi > high)
            high = hi;
    }
    void include(double value) { include(value, value); }
    void include(const MinMax& other) { include(other.low, other.high); }
};

} // namespace cw::ui
