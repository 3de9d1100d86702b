// SPDX-License-Identifier: MIT
#pragma once

#include "ui/chart/MinMax.hpp"
#include "ui/chart/MinMaxPyramid.hpp"
#include "ui/chart/TimeScale.hpp"

#include <cstddef>
#include <cstdint>
#include <limits>
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
///
/// Frame to frame, most of the work repeats: the view did not move and at most the forming bar
/// changed. So the partition is kept while the mapping and the range stay the same, and the
/// per-column summaries are cached per pyramid; a call re-queries only the columns holding
/// values that changed since the previous call for that pyramid (appended bars, the revised
/// forming bar: `MinMaxPyramid::unchangedPrefix`). A changed partition (zoom, pan, resize, a bar
/// scrolled in) queries every column again.
///
/// Thread: GUI; reuses its buffers (no allocation once warmed up).
class ColumnDecimator {
public:
    struct Column {
        int x = 0; ///< pixel column relative to the plot's left edge
        std::size_t firstBar = 0;
        std::size_t endBar = 0; ///< one past the last bar
    };

    /// What a column shows of one series.
    struct Summary {
        MinMax range; ///< `pyramid.query(lows, highs, firstBar, endBar)`
        /// `opens[firstBar]` and `closes[endBar - 1]` (NaN where the column reaches past the
        /// indexed size): the colour of a candle column, the end point of a line's column.
        double open = std::numeric_limits<double>::quiet_NaN();
        double close = std::numeric_limits<double>::quiet_NaN();
    };

    /// Columns of bars [first, end) in increasing x. Valid until the next call. A call with the
    /// same mapping (width, spacing, right edge) and range as the previous one keeps the
    /// columns, and with them the cached summaries.
    std::span<const Column> partition(const TimeScale& scale, std::size_t first, std::size_t end);

    std::span<const Column> columns() const { return m_columns; }

    /// For every column of the last partition, the `Summary` of the series indexed by `pyramid`
    /// (`lows`/`highs` are its source, as for `MinMaxPyramid::query`; a single column passes
    /// the same span twice). `opens`/`closes` (at least `pyramid.size()` values) must belong to
    /// the same series as the pyramid's source, changing only when it does (a BarSeries' open and
    /// close columns with its low/high pyramid; a line's values twice). Columns past the indexed
    /// size come out invalid. Upcoming columns' memory is prefetched.
    ///
    /// Cached per pyramid (by address and `MinMaxPyramid::stamp`, and the `opens`/`closes` it
    /// was asked with); the result equals a fresh computation. Valid until the next `partition`
    /// that changes the columns, `invalidate`, or the next call for the same pyramid.
    std::span<const Summary> summarize(const MinMaxPyramid& pyramid, std::span<const double> lows,
                                       std::span<const double> highs, std::span<const double> opens,
                                       std::span<const double> closes);

    /// Forgets the partition and every cached summary.
    void invalidate();

    /// Column queries made since construction: how much a frame recomputed (tests, profiling).
    std::uint64_t queriedColumns() const { return m_queriedColumns; }

private:
    /// Everything `partition` depends on.
    struct PartitionKey {
        double width = -1.0;
        double spacing = 0.0;
        double rightIndex = 0.0;
        std::size_t first = 0;
        std::size_t end = 0;
        bool operator==(const PartitionKey&) const = default;
    };
    struct CacheEntry {
        const MinMaxPyramid* pyramid = nullptr; ///< identity only; never dereferenced
        MinMaxPyramid::Stamp stamp;
        const double* opens = nullptr; ///< the colour/end-point columns the summaries read
        const double* closes = nullptr;
        std::uint64_t partitionRevision = 0;
        std::uint64_t lastUse = 0;
        std::vector<Summary> summaries;
    };
    /// Distinct pyramids remembered at once (a chart shows a few dozen series at most).
    static constexpr std::size_t kMaxEntries = 64;

    CacheEntry& entryFor(const MinMaxPyramid& pyramid);

    std::vector<Column> m_columns;
    /// The columns' first bars and the last one's end: the boundaries for queryRuns.
    std::vector<std::size_t> m_bounds;
    std::vector<MinMax> m_ranges; ///< queryRuns' output, reused
    PartitionKey m_key;
    std::uint64_t m_partitionRevision = 1;
    std::uint64_t m_useClock = 0;
    std::uint64_t m_queriedColumns = 0;
    std::vector<CacheEntry> m_entries;
};

} // namespace cw::ui
