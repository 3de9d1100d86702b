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
///
/// The bars are either the model's own (`setBars`) or a series someone else owns and keeps
/// current on this thread (`followBars`, e.g. a ChartReplica's), shown without a copy; indicator
/// outputs can follow columns the same way (ChartIndicatorValues::follow). After the owner
/// appended rows or revised its last one, `sourceChanged()` updates the pyramids. `appendBar`
/// and `updateLastBar` on followed bars first make them the model's own copy.
/// Thread: GUI; single owner. Nothing here paints or schedules a repaint (ChartView does).
class ChartModel {
public:
    ChartModel() = default;
    ChartModel(const ChartModel&) = delete;
    ChartModel& operator=(const ChartModel&) = delete;

    void setBars(BarSeries bars);
    /// Shows `bars` (null: none) without copying them and follows their owner's changes (call
    /// `sourceChanged()` after each); indexes them from scratch (O(n)).
    void followBars(std::shared_ptr<const BarSeries> bars);
    /// True while the bars are someone else's (`followBars`), false for the model's own.
    bool followsBars() const { return m_ownBars == nullptr; }
    /// After the owner of followed bars and/or indicator columns appended rows and/or revised
    /// the last one (a shorter series is indexed again from scratch): updates the pyramids, the
    /// Heikin-Ashi series and the indicators' pyramids. O(k * MinMaxPyramid::kBaseBlock +
    /// log n) for k changed rows.
    void sourceChanged();
    /// A new bar (the previous last bar is final).
    void appendBar(const OhlcvRow& bar);
    /// Revises the forming bar; ignored when there are no bars.
    void updateLastBar(const OhlcvRow& bar);

    const BarSeries& bars() const { return *m_bars; }
    std::size_t size() const { return m_bars->size(); }
    bool empty() const { return m_bars->empty(); }

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
    void indexBars();
    /// The bars to change: the model's own (a followed series is copied first).
    BarSeries& ownBars();

    /// The model's own bars; null while it follows someone else's.
    std::shared_ptr<BarSeries> m_ownBars = std::make_shared<BarSeries>();
    /// What is shown: the model's own bars (== m_ownBars) or followed ones; never null.
    std::shared_ptr<const BarSeries> m_bars = m_ownBars;
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
