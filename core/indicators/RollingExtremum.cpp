// SPDX-License-Identifier: MIT
#include "core/indicators/RollingExtremum.hpp"

#include "core/common/Assert.hpp"

#include <cmath>
#include <cstdint>
#include <limits>

namespace cw::indicators {

namespace {

template <bool kMax>
bool atLeastAsGood(double a, double b) {
    return kMax ? a >= b : a <= b;
}

/// Keeps the index of the window's extremum; rescans the window only when that index leaves
/// it. No storage beyond a few scalars, so the batch kernel allocates nothing.
template <bool kMax>
void rollingExtremum(std::span<const double> in, int period, std::span<double> out) {
    CW_ASSERT(period >= 1);
    CW_ASSERT(out.size() == in.size());
    constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
    const auto n = static_cast<std::int64_t>(in.size());
    std::int64_t lastBad = std::numeric_limits<std::int64_t>::min();
    std::int64_t best = -1; // index of the extremum of the finite values in the window, or -1
    for (std::int64_t i = 0; i < n; ++i) {
        const double x = in[i];
        const std::int64_t first = i - period + 1;
        if (!std::isfinite(x))
            lastBad = i;
        if (best >= 0 && best < first)
            best = -1;
        if (best >= 0 && std::isfinite(x) && atLeastAsGood<kMax>(x, in[best]))
            best = i;
        if (first < 0 || lastBad >= first) {
            out[i] = kNaN;
            continue;
        }
        if (best < 0) {
            best = first;
            for (std::int64_t j = first + 1; j <= i; ++j) {
                if (atLeastAsGood<kMax>(in[j], in[best]))
                    best = j;
            }
        }
        out[i] = in[best];
    }
}

} // namespace

void rollingMaxBatch(std::span<const double> in, int period, std::span<double> out) {
    rollingExtremum<true>(in, period, out);
}

void rollingMinBatch(std::span<const double> in, int period, std::span<double> out) {
    rollingExtremum<false>(in, period, out);
}

} // namespace cw::indicators
