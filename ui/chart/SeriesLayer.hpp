// SPDX-License-Identifier: MIT
#pragma once

#include "ui/chart/ChartFrame.hpp"
#include "ui/chart/ChartIndicator.hpp"
#include "ui/chart/MinMaxPyramid.hpp"
#include "ui/chart/PriceScale.hpp"

#include <QColor>
#include <QPointF>
#include <QRect>

#include <span>
#include <vector>

class QPainter;

namespace cw::ui {

/// Paints value series over the bars of a frame: indicator lines (overlays and pane outputs),
/// the close line of the ChartStyle::Line style, and histograms from zero (MACD).
///
/// Below one pixel per bar a line is one span per pixel column from the column's extremes,
/// stretched to meet the previous column's last value so the trace stays connected; from one
/// pixel per bar every point is drawn as an antialiased polyline (NaN breaks it). A histogram
/// zoomed out shows, per column, the highest value above zero and the lowest below. Columns
/// come from the frame's ColumnDecimator (cached between frames) through its SpanCanvas; all
/// fills are opaque.
///
/// Thread: GUI; keeps its point and rectangle buffers between frames.
class SeriesLayer {
public:
    /// `values` aligned with the bars and indexed by `pyramid`, on `scale`, in `plot` (whose
    /// left edge is x = 0 of the time scale); `clip` is the painter's current clip rectangle.
    /// Pens wider than 1 px are used only at 3+ px per bar (ChartFrame::columns false).
    void paintLine(QPainter& p, const ChartFrame& f, std::span<const double> values,
                   const MinMaxPyramid& pyramid, const PriceScale& scale, const QRect& plot,
                   const QRect& clip, const QColor& color, double widthPx);
    /// A histogram output in the theme's up (above zero) and down colours.
    void paintHistogram(QPainter& p, const ChartFrame& f, const ChartIndicator::Output& out,
                        const PriceScale& scale, const QRect& plot, const QRect& clip);

private:
    std::vector<QPointF> m_points;
    std::vector<QRect> m_upRects;
    std::vector<QRect> m_downRects;
};

} // namespace cw::ui
