// SPDX-License-Identifier: MIT
#pragma once

#include "core/domain/Timestamp.hpp"
#include "ui/chart/ChartDrawing.hpp"
#include "ui/chart/PriceScale.hpp"
#include "ui/chart/TimeScale.hpp"

#include <QPointF>
#include <QRect>

#include <span>

namespace cw::ui {

/// Maps drawing anchors (time, price) to pixels of the price plot and back, for the bars on
/// screen now.
///
/// Time to x goes through a fractional bar position: a time between the open times of bars
/// i and i+1 lies between their positions in proportion (so gaps such as weekends stretch
/// evenly), and a time before the first or after the last bar is extrapolated with the bar
/// interval at that end (the smallest of the last few intervals, so one gap does not distort
/// it). The same time therefore lands on the same candle whichever timeframe is shown.
/// x and y are in the painter's coordinates (the plot's left edge is `plot.left()`).
/// Holds copies of the scales and a view of `times`, which must outlive it. With no bars
/// there is no mapping (`valid()` is false; x is NaN).
/// Thread: GUI (a short-lived value; build one per frame or event).
class DrawingCoordinates {
public:
    /// Interval assumed when fewer than two bars exist.
    static constexpr TimestampNs kFallbackIntervalNs = kNsPerMinute;
    /// Times are kept within +-this (about 126 years around 1970), so that differences of
    /// two times never overflow int64. Dragging clamps to it; files outside it are rejected.
    static constexpr double kMaxAbsTimeNs = 4.0e18;

    DrawingCoordinates(std::span<const TimestampNs> times, const TimeScale& timeScale,
                       const PriceScale& priceScale, const QRect& plot);

    bool valid() const { return !m_times.empty(); }
    const QRect& plot() const { return m_plot; }
    const TimeScale& timeScale() const { return m_timeScale; }
    const PriceScale& priceScale() const { return m_priceScale; }

    /// Fractional bar position of `time` (bar i's open time gives exactly i).
    double indexOfTime(TimestampNs time) const;
    /// Inverse of `indexOfTime` (rounded to the nanosecond, clamped to +-kMaxAbsTimeNs); a
    /// non-finite index or no bars gives 0.
    TimestampNs timeOfIndex(double index) const;

    double xOfTime(TimestampNs time) const;
    TimestampNs timeAtX(double x) const;
    double yOfPrice(double price) const { return m_priceScale.yOf(price); }
    double priceAtY(double y) const { return m_priceScale.valueAt(y); }

    QPointF toPixel(const DrawingAnchor& anchor) const;
    DrawingAnchor toData(const QPointF& pixel) const;

    /// `anchor` moved by `delta` pixels: its bar position by `delta.x / spacing` bars and its
    /// price by the price difference of `delta.y` pixels.
    DrawingAnchor shifted(const DrawingAnchor& anchor, const QPointF& delta) const;

private:
    TimestampNs endInterval(bool atFront) const;

    std::span<const TimestampNs> m_times;
    TimeScale m_timeScale;
    PriceScale m_priceScale;
    QRect m_plot;
    TimestampNs m_frontInterval = kFallbackIntervalNs;
    TimestampNs m_backInterval = kFallbackIntervalNs;
};

} // namespace cw::ui
