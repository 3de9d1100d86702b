// SPDX-License-Identifier: MIT
#pragma once

#include "core/domain/BarSeries.hpp"
#include "ui/chart/DrawingCoordinates.hpp"

#include <QRect>

#include <vector>

namespace cw::ui::testing {

/// 2024-03-12 08:00 UTC.
inline constexpr TimestampNs kDrawingT0 = 1'710'230'400LL * kNsPerSecond;

/// Open times of `n` bars of `interval` from kDrawingT0.
inline std::vector<TimestampNs> barTimes(std::size_t n, TimestampNs interval = kNsPerMinute) {
    std::vector<TimestampNs> t(n);
    for (std::size_t i = 0; i < n; ++i)
        t[i] = kDrawingT0 + static_cast<TimestampNs>(i) * interval;
    return t;
}

/// A plot at (40, 10) of 800 x 400 px showing prices 100..200 (4 px per price unit) and
/// 8 px per bar, with bar `rightIndex` at its right edge. Needs at least 96 bars (fewer would
/// not fill the width at 8 px, and the time scale would widen the spacing).
struct DrawingTestScene {
    std::vector<TimestampNs> times;
    TimeScale timeScale;
    PriceScale priceScale;
    QRect plot{40, 10, 800, 400};

    explicit DrawingTestScene(std::vector<TimestampNs> t, double rightIndex = 99.0)
        : times(std::move(t)) {
        timeScale.setWidth(plot.width());
        timeScale.setBarCount(times.size());
        timeScale.setBarSpacing(8.0);
        timeScale.setRightIndex(rightIndex);
        priceScale.setPixelRange(plot.top(), plot.height());
        priceScale.setRange(100.0, 200.0);
    }

    DrawingCoordinates coords() const {
        return DrawingCoordinates(times, timeScale, priceScale, plot);
    }
    /// x of bar position `index`, computed from the documented scale definition.
    double xOfIndex(double index) const {
        return plot.left() + plot.width() - (timeScale.rightIndex() - index) * 8.0;
    }
    double yOfPrice(double price) const { return plot.top() + (200.0 - price) * 4.0; }
};

} // namespace cw::ui::testing
