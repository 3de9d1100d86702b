// SPDX-License-Identifier: MIT
#pragma once

#include "core/domain/BarSeries.hpp"
#include "ui/chart/MinMaxPyramid.hpp"

namespace cw::ui {

/// The Heikin-Ashi transform of a BarSeries, kept current incrementally, with the pyramids the
/// renderer needs. close = (o + h + l + c) / 4; open = (previous open + previous close) / 2
/// (the first bar: (o + c) / 2); high = max(h, open, close); low = min(l, open, close).
/// Volume and time are copied.
/// Thread: GUI; single owner.
class HeikinAshiSeries {
public:
    /// Recomputes everything from `source`. O(n).
    void rebuild(const BarSeries& source);
    /// After bars were appended to `source` and/or its last bar was replaced: recomputes the
    /// affected tail only. A shorter source is rebuilt.
    void update(const BarSeries& source);

    const BarSeries& bars() const { return m_bars; }
    const MinMaxPyramid& highLow() const { return m_highLow; }
    const MinMaxPyramid& closes() const { return m_closes; }

private:
    OhlcvRow transform(const BarSeries& source, std::size_t i) const;

    BarSeries m_bars;
    MinMaxPyramid m_highLow;
    MinMaxPyramid m_closes;
};

} // namespace cw::ui
