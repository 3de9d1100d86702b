// SPDX-License-Identifier: MIT
#pragma once

#include "core/domain/BarSeries.hpp"
#include "ui/chart/ChartIndicator.hpp"
#include "ui/chart/ChartStyle.hpp"
#include "ui/chart/HeikinAshiSeries.hpp"
#include "ui/chart/MinMaxPyramid.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <vector>

namespace cw::ui {

/// What a chart shows: the bars of one instrument and timeframe, the indicators drawn with
/// them, and the range pyramids that make zoomed-out frames and autoscale independent of the
/// number of bars.
///
/// `appendBar` and `updateLastBar` keep everything current incrementally (O(log n) pyramids,
/// O(1) streaming indicators); `setBars` rebuilds (O(n)). `revision()` grows with every change.
/// Thread: GUI; single owner. Nothing here paints or schedules a repaint (ChartView does).
class ChartModel {
public:
    ChartModel() = default;
    ChartModel(const ChartModel&) = delete;
    ChartModel& operator=(const ChartModel&) = delete;

    void setBars(BarSeries bars);
    /// A new bar (the previous last bar is final).
    void appendBar(const OhlcvRow& bar);
    /// Revises the forming bar; ignored when there are no bars.
    void updateLastBar(const OhlcvRow& bar);

    const BarSeries& bars() const { return m_bars; }
    std::size_t size() const { return m_bars.size(); }
    bool empty() const { return m_bars.empty(); }

    /// Bars as drawn in `style` (the Heikin-Ashi transform for ChartStyle::HeikinAshi,
    /// built on first use and then kept current).
    const BarSeries& candles(ChartStyle style) const;
    /// Pyramid over the lows/highs of `candles(style)`.
    const MinMaxPyramid& highLow(ChartStyle style) const;
    /// Pyramid over the closes of `candles(style)`.
    const MinMaxPyramid& closes(ChartStyle style) const;
    /// Pyramid over the volumes (max is what matters).
    const MinMaxPyramid& volumes() const { return m_volumes; }

    /// Adds an indicator; its outputs must hold size() values (shorter ones are padded with
    /// NaN, longer ones cut) and are indexed here. Returns its index.
    std::size_t addIndicator(ChartIndicator indicator);
    void removeIndicator(std::size_t index);
    void clearIndicators();
    std::span<const std::unique_ptr<ChartIndicator>> indicators() const { return m_indicators; }
    ChartIndicator& indicator(std::size_t index) { return *m_indicators.at(index); }
    /// Number of indicators that get a pane of their own.
    std::size_t paneCount() const;

    /// Decimals used to print prices (readout, last-price label); default 2.
    int priceDecimals() const { return m_priceDecimals; }
    void setPriceDecimals(int decimals);

    std::uint64_t revision() const { return m_revision; }

private:
    void alignIndicator(ChartIndicator& indicator) const;

    BarSeries m_bars;
    MinMaxPyramid m_highLow;
    MinMaxPyramid m_closes;
    MinMaxPyramid m_volumes;
    std::vector<std::unique_ptr<ChartIndicator>> m_indicators;
    /// Built lazily by the const accessors the first time Heikin-Ashi is drawn.
    mutable std::optional<HeikinAshiSeries> m_heikinAshi;
    int m_priceDecimals = 2;
    std::uint64_t m_revision = 0;
};

} // namespace cw::ui
