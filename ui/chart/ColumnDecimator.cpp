// SPDX-License-Identifier: MIT
#include "ui/chart/ColumnDecimator.hpp"

#include <cmath>

namespace cw::ui {

std::span<const ColumnDecimator::Column>
ColumnDecimator::partition(const TimeScale& scale, std::size_t first, std::size_t end) {
    m_columns.clear();
    end = std::min(end, scale.barCount());
    std::size_t a = first;
    while (a < end) {
        const int x = scale.columnOf(a);
        // First bar whose centre is at or right of x + 1, estimated by the inverse mapping...
        const double guess = std::ceil(scale.indexAt(static_cast<double>(x) + 1.0));
        std::size_t b = guess <= static_cast<double>(a)     ? a + 1
                        : guess >= static_cast<double>(end) ? end
                                                            : static_cast<std::size_t>(guess);
        // ...then corrected so that it agrees with columnOf bar by bar.
        while (b < end && scale.columnOf(b) <= x)
            ++b;
        while (b > a + 1 && scale.columnOf(b - 1) > x)
            --b;
        m_columns.push_back({x, a, b});
        a = b;
    }
    return m_columns;
}

std::span<const MinMax> ColumnDecimator::extremes(const MinMaxPyramid& pyramid,
                                                  std::span<const double> lows,
                                                  std::span<const double> highs) {
    constexpr std::size_t kAhead = 16;
    const std::size_t n = m_columns.size();
    m_extremes.resize(n);
    for (std::size_t i = 0; i < n && i < kAhead; ++i)
        pyramid.prefetch(lows, highs, m_columns[i].firstBar);
    for (std::size_t i = 0; i < n; ++i) {
        if (i + kAhead < n)
            pyramid.prefetch(lows, highs, m_columns[i + kAhead].firstBar);
        else if (i + kAhead == n)
            pyramid.prefetch(lows, highs, m_columns[n - 1].endBar - 1);
        m_extremes[i] = pyramid.query(lows, highs, m_columns[i].firstBar, m_columns[i].endBar);
    }
    return m_extremes;
}

} // namespace cw::ui
