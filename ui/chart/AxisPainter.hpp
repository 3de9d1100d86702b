// SPDX-License-Identifier: MIT
#pragma once

#include "ui/chart/ChartFrame.hpp"
#include "ui/chart/PriceScale.hpp"
#include "ui/chart/TimeAxisLabel.hpp"

#include <QColor>
#include <QLine>
#include <QRect>
#include <QString>

#include <span>
#include <vector>

class QPainter;

namespace cw::ui {

/// Paints the frame's scaffolding: the grid (price and pane tick rows, time label columns),
/// the price and pane axes with their tick labels, the time axis labels (day and coarser
/// boundaries emphasised, month and coarser in bold), and the dotted last-price line.
/// Thread: GUI; keeps its line buffer between frames.
class AxisPainter {
public:
    /// Closest spacing of grid rows and axis labels on the price plot and in panes.
    static constexpr double kMinPriceTickGapPx = 48.0;
    static constexpr double kMinPaneTickGapPx = 28.0;
    /// Space left of an axis label's text.
    static constexpr int kLabelPadding = 6;

    void paintGrid(QPainter& p, const ChartFrame& f, const PriceScale& price,
                   std::span<const PriceScale> panes, std::span<const TimeAxisLabel> labels);
    /// Tick marks and labels of `scale` in `axis`; `decimals` < 0: a pane axis (its own tick
    /// spacing and the ticks' decimals).
    void paintPriceAxis(QPainter& p, const ChartFrame& f, const PriceScale& scale,
                        const QRect& axis, int decimals);
    void paintTimeAxis(QPainter& p, const ChartFrame& f, std::span<const TimeAxisLabel> labels);
    /// The last bar's close across the price plot, in its up/down colour.
    void paintLastPriceLine(QPainter& p, const ChartFrame& f, const PriceScale& price);
    /// `text` left-aligned on a filled `box` (last-price and crosshair labels on the axes).
    static void paintAxisLabel(QPainter& p, const QRect& box, const QString& text,
                               const QColor& fill, const QColor& textColor);

private:
    std::vector<QLine> m_lines;
};

} // namespace cw::ui
