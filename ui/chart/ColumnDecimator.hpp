// SPDX-License-Identifier: MIT
#pragma once

#include "ui/chart/MinMax.hpp"
#include "ui/chart/MinMaxPyramid.hpp"
#include "ui/chart/TimeScale.hpp"

#include <cstddef>
#include <span>
#include <vector>

namespace cw::ui {

/// Splits a run of bars into pixel columns: the bars that `TimeScale::columnOf` puts into
/// the same column form one `Column`. Zoomed out (many bars per pixel) the renderer draws one
/// vertical line per column covering the range MinMaxPyramid reports for [firstBar, endBar),
/// which are exactly the extremes of the bars mapped to that column.
///
/// Cost O(columns), not O(bars): each column boundary is found from the inverse mapping and
/// corrected against `columnOf` itself, so the partition matches per-bar mapping exactly.
/// Thread: GUI; reuses its buffer (no allocation once warmed up).
class ColumnDecimator {
public:
    struct Column {
        int x = 0; ///< pixel column relative to the plot's left edge
        std::size_t firstBar = 0;
        std::size_t endBar = 0; ///< one past the last bar
    };

    /// Columns of bars [first, end) in increasing x. Valid until the next call.
    std::span<const Column> partition(const TimeScale& scale, std::size_t first, std::size_t end);

    std::span<const Column> columns() const { return m_columns; }

    /// For every column of the last partition, `pyramid.query(lows, highs, firstBar, endBar)`,
    /// with the memory of upcoming columns prefetched. Columns past the indexed size come out
    /// invalid. Valid until the next call.
    std::span<const MinMax> extremes(const MinMaxPyramid& pyramid, std::span<const double> lows,
                                     std::span<const double> highs);

private:
    std::vector<Column> m_columns;
    std::vector<MinMax> m_extremes;
};

} // namespace cw::ui
