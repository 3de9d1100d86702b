// SPDX-License-Identifier: MIT
#pragma once

#include "ui/chart/ChartFrame.hpp"
#include "ui/chart/ChartIndicator.hpp"
#include "ui/chart/PriceScale.hpp"
#include "ui/chart/TimeAxisLabeler.hpp"

#include <QPointF>
#include <QRect>

#include <span>

class QPainter;

namespace cw::ui {

/// Paints values as text: the OHLCV + overlay readout box at the top left of the price plot
/// (for the frame's readout bar: the bar under the crosshair, else the last one), the legend
/// of a pane (name and output values), the last-price label on the price axis, and the
/// crosshair with its value and time labels. Non-finite values print as "n/a".
/// Thread: GUI; stateless apart from what it is given.
class ReadoutPainter {
public:
    void paintReadout(QPainter& p, const ChartFrame& f);
    /// Name and values of `indicator` at the top left of its pane `plot`.
    void paintPaneLegend(QPainter& p, const ChartFrame& f, const ChartIndicator& indicator,
                         const QRect& plot);
    /// The last close on the price axis, in the last bar's up/down colour.
    void paintLastPriceLabel(QPainter& p, const ChartFrame& f, const PriceScale& price);
    /// Dashed lines through `position` (snapped to the crosshair bar horizontally), with the
    /// value on the axis of the pane under it and the bar's full time on the time axis.
    void paintCrosshair(QPainter& p, const ChartFrame& f, QPointF position, const PriceScale& price,
                        std::span<const PriceScale> panes, const TimeAxisLabeler& labeler);
};

} // namespace cw::ui
