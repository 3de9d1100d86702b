// SPDX-License-Identifier: MIT
#pragma once

#include "core/domain/BarSeriesView.hpp"
#include "core/domain/OhlcvRow.hpp"

#include <cstddef>
#include <span>
#include <vector>

namespace cw {

/// Bars of one instrument and timeframe, stored column by column (time, open, high, low,
/// close, volume each contiguous) so batch kernels read them without copies.
///
/// `append` is amortised O(1); `updateLast` revises the forming bar in place. Times are
/// expected to increase; BarSeries does not check it (BarAggregator and the CSV reader do).
/// Thread: single owner; a view stays valid until the next append, reserve or clear.
class BarSeries {
public:
    BarSeries() = default;
    explicit BarSeries(std::size_t reserveBars) { reserve(reserveBars); }

    std::size_t size() const { return m_time.size(); }
    bool empty() const { return m_time.empty(); }
    void reserve(std::size_t bars);
    void clear();

    void append(const OhlcvRow& bar);
    /// Replaces the last bar (the forming one). Precondition: !empty().
    void updateLast(const OhlcvRow& bar);

    OhlcvRow row(std::size_t i) const;
    /// Precondition: !empty().
    OhlcvRow last() const { return row(size() - 1); }

    std::span<const TimestampNs> time() const { return m_time; }
    std::span<const double> open() const { return m_open; }
    std::span<const double> high() const { return m_high; }
    std::span<const double> low() const { return m_low; }
    std::span<const double> close() const { return m_close; }
    std::span<const double> volume() const { return m_volume; }

    BarSeriesView view() const;
    /// Bars [first, first + count), clamped to the series.
    BarSeriesView view(std::size_t first, std::size_t count) const;

private:
    std::vector<TimestampNs> m_time;
    std::vector<double> m_open;
    std::vector<double> m_high;
    std::vector<double> m_low;
    std::vector<double> m_close;
    std::vector<double> m_volume;
};

} // namespace cw
