// SPDX-License-Identifier: MIT
#pragma once

#include "ui/chart/MinMax.hpp"
#include "ui/chart/PriceTicks.hpp"

namespace cw::ui {

/// Maps prices (or any pane value) to y pixels of one pane and back: linear, higher values
/// towards the top.
///
/// The scale shows [low(), high()] over the pixel rows [top, top + height). In autoscale
/// (the default) `fit` sets the range from the visible data so that it fills the pane minus
/// the top and bottom margins (fractions of the height). Dragging the axis calls `scaleBy`,
/// which turns autoscale off until `setAutoScale(true)`. Non-finite input is ignored, so a
/// range never becomes NaN; a flat range is widened to stay invertible.
/// Thread: GUI (plain value type).
class PriceScale {
public:
    void setPixelRange(double top, double height);
    double top() const { return m_top; }
    double height() const { return m_height; }

    /// Fractions of the height kept free above and below the data in autoscale (each in
    /// [0, 0.45]).
    void setMargins(double topFraction, double bottomFraction);

    bool autoScale() const { return m_autoScale; }
    void setAutoScale(bool on) { m_autoScale = on; }

    /// In autoscale, shows `data` (the visible values) with the margins; otherwise does
    /// nothing. An invalid MinMax keeps the current range.
    void fit(const MinMax& data);
    /// Sets the shown range directly (no margins); turns autoscale off.
    void setRange(double low, double high);
    double low() const { return m_low; }
    double high() const { return m_high; }

    /// Pixels per unit of value, height / (high - low): kept with the range, so the tens of
    /// thousands of `yOf` calls of a zoomed-out frame multiply instead of divide.
    double pixelsPerValue() const { return m_pixelsPerValue; }
    double yOf(double value) const { return m_top + (m_high - value) * m_pixelsPerValue; }
    double valueAt(double y) const { return m_high - (y - m_top) / m_height * (m_high - m_low); }

    /// Manual scale around the centre: factor > 1 shows a wider range (compressed candles).
    /// Turns autoscale off.
    void scaleBy(double factor);
    /// Manual vertical pan by `dy` pixels (content follows the pointer). Turns autoscale off.
    void pan(double dy);

    /// Grid values with at least `minGapPx` between neighbours.
    PriceTicks ticks(double minGapPx) const;

private:
    void assign(double low, double high);

    double m_top = 0.0;
    double m_height = 1.0;
    double m_topMargin = 0.08;
    double m_bottomMargin = 0.08;
    double m_low = 0.0;
    double m_high = 1.0;
    double m_pixelsPerValue = 1.0; ///< m_height / (m_high - m_low)
    bool m_autoScale = true;
};

} // namespace cw::ui
