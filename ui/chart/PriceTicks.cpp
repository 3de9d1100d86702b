// SPDX-License-Identifier: MIT
#include "ui/chart/PriceTicks.hpp"

#include <algorithm>
#include <cmath>

namespace cw::ui {

double PriceTicks::niceStep(double rawStep) {
    if (!std::isfinite(rawStep) || rawStep <= 0.0)
        return 0.0;
    const double magnitude = std::pow(10.0, std::floor(std::log10(rawStep)));
    const double normalised = rawStep / magnitude;
    // A relative slack keeps 0.2000000001 at 0.2 rather than jumping to 0.5.
    constexpr double kSlack = 1e-9;
    double mantissa = 10.0;
    if (normalised <= 1.0 + kSlack)
        mantissa = 1.0;
    else if (normalised <= 2.0 + kSlack)
        mantissa = 2.0;
    else if (normalised <= 5.0 + kSlack)
        mantissa = 5.0;
    return mantissa * magnitude;
}

int PriceTicks::decimalsFor(double step) {
    if (!std::isfinite(step) || step <= 0.0 || step >= 1.0 - 1e-12)
        return 0;
    return std::clamp(static_cast<int>(std::ceil(-std::log10(step) - 1e-9)), 0, 12);
}

PriceTicks PriceTicks::forRange(double low, double high, int maxCount) {
    PriceTicks t;
    if (!std::isfinite(low) || !std::isfinite(high) || !(high > low))
        return t;
    maxCount = std::max(1, maxCount);
    const double step = niceStep((high - low) / maxCount);
    if (step <= 0.0)
        return t;
    const double first = std::ceil(low / step - 1e-9);
    const double last = std::floor(high / step + 1e-9);
    if (last < first)
        return t;
    t.firstMultiple = first;
    t.step = step;
    t.count = static_cast<int>(last - first) + 1;
    t.decimals = decimalsFor(step);
    return t;
}

} // namespace cw::ui
