// SPDX-License-Identifier: MIT
#pragma once

#include "ui/chart/ChartFrame.hpp"
#include "ui/chart/PriceScale.hpp"

#include <QLine>
#include <QRect>

#include <vector>

class QPainter;

namespace cw::ui {

/// Paints the bars of a frame (candles, OHLC bars, Heikin-Ashi candles) and the volume bars at
/// the bottom of the price plot, in the theme's up/down colours.
///
/// Zoomed in (ChartFrame::columns false) every visible bar is drawn: wick, body or open/close
/// ticks. Zoomed out each pixel column is one span from the lowest low to the highest high of
/// its bars, coloured by the first open against the last close, and volume is the column's
/// highest volume; the columns come from the frame's ColumnDecimator (cached between frames)
/// and are written through its SpanCanvas. The ChartStyle::Line style is not drawn here
/// (SeriesLayer draws the close line). Volume colours are composed over the background, so
/// every fill is opaque.
///
/// Thread: GUI; keeps its line and rectangle buffers between frames.
class CandleLayer {
public:
    /// The price plot must be the painter's clip. `volumeFraction`: share of the plot's
    /// height the highest visible volume reaches.
    void paintVolume(QPainter& p, const ChartFrame& f, double volumeFraction);
    /// Bars in `f.style` on the price scale `scale`.
    void paintBars(QPainter& p, const ChartFrame& f, const PriceScale& scale);

private:
    void paintBarColumns(QPainter& p, const ChartFrame& f, const PriceScale& scale);
    void flush(QPainter& p, const QColor& up, const QColor& down);

    std::vector<QLine> m_upLines;
    std::vector<QLine> m_downLines;
    std::vector<QRect> m_upRects;
    std::vector<QRect> m_downRects;
};

} // namespace cw::ui
