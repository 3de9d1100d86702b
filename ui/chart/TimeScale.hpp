// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>

namespace cw::ui {

/// Maps bar indices to x pixels of a chart's plot area and back, and implements horizontal
/// zoom and pan.
///
/// Coordinates: x = 0 is the left edge of the plot, x = width() its right edge; bar `i` is
/// centred at `xOf(i)`. The state is the bar spacing in pixels and `rightIndex()`, the
/// (fractional) bar position at the right edge, so `xOf(i) = width - (rightIndex - i) *
/// spacing`. Every mutation clamps: the spacing stays in [minSpacing(), kMaxSpacingPx] (fully
/// zoomed out shows every bar) and at least min(kMinVisibleBars, barCount) bars stay in view.
/// While the last bar is visible the scale follows the live edge: appended bars scroll in.
/// Thread: GUI (plain value type).
class TimeScale {
public:
    static constexpr double kMaxSpacingPx = 64.0;
    static constexpr double kDefaultSpacingPx = 8.0;
    /// Empty bars kept to the right of the last bar by `scrollToLive`.
    static constexpr double kLiveMarginBars = 4.0;
    static constexpr std::size_t kMinVisibleBars = 5;

    /// Plot width in pixels (> 0; smaller values are taken as 1).
    void setWidth(double widthPx);
    double width() const { return m_width; }
    /// Number of bars of the series; re-clamps.
    void setBarCount(std::size_t count);
    std::size_t barCount() const { return m_barCount; }

    double barSpacing() const { return m_spacing; }
    void setBarSpacing(double spacingPx);
    /// Smallest spacing: every bar (plus the live margin) fits the width.
    double minSpacing() const;
    double rightIndex() const { return m_rightIndex; }
    void setRightIndex(double index);

    double xOf(double index) const { return m_width - (m_rightIndex - index) * m_spacing; }
    double indexAt(double x) const { return m_rightIndex - (m_width - x) / m_spacing; }
    /// The pixel column (floor of the centre) that bar `index` is drawn in; monotone in index.
    int columnOf(std::size_t index) const;

    /// First bar whose centre lies at x >= 0 (clamped to the series).
    std::size_t firstVisible() const;
    /// One past the last bar whose centre lies at x < width (clamped to the series).
    std::size_t endVisible() const;
    /// Bars that fit the width at the current spacing.
    double visibleBarSpan() const { return m_width / m_spacing; }

    /// Multiplies the spacing by `factor` (> 1 zooms in) keeping the bar position under `x`
    /// fixed (exactly, unless a clamp intervenes).
    void zoomAt(double x, double factor);
    /// Moves the content right by `dx` pixels (dragging to the right reveals older bars).
    void pan(double dx);
    /// Shows the newest bar with `kLiveMarginBars` of room to its right, and follows it.
    void scrollToLive();
    /// True while appended bars scroll into view (the last bar is visible).
    bool followsLive() const { return m_followLive; }
    /// Call after `count` bars were appended to the series: grows the bar count and, when
    /// following the live edge, scrolls them into view.
    void barsAppended(std::size_t count);

private:
    void clamp();
    void updateFollow();

    double m_width = 1.0;
    double m_spacing = kDefaultSpacingPx;
    double m_rightIndex = kLiveMarginBars - 1.0;
    std::size_t m_barCount = 0;
    bool m_followLive = true;
};

} // namespace cw::ui
