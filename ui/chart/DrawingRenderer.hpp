// SPDX-License-Identifier: MIT
#pragma once

#include "ui/chart/ChartDrawing.hpp"
#include "ui/chart/ChartTheme.hpp"
#include "ui/chart/DrawingCoordinates.hpp"

#include <QFont>

#include <cstdint>
#include <optional>
#include <span>

class QPainter;

namespace cw::ui {

/// What the drawing layer shows in one frame. Views only: the storage must outlive the paint.
struct DrawingOverlay {
    std::span<const ChartDrawing> drawings;
    const ChartDrawing* pending = nullptr; ///< a drawing being placed (shown with handles)
    std::optional<std::uint64_t> selectedId;
};

/// Paints drawings onto the price plot, above candles and overlays and below the crosshair
/// (ChartRenderer calls it with the plot clipped).
///
/// Horizontal line: across the plot at its price, with the price at its right end. Trend line:
/// the segment (antialiased). Rectangle: outline with a translucent fill. Fibonacci
/// retracement: one horizontal line per level in `ChartDrawing::kFibonacciLevels` between the
/// anchors' x positions, labelled "61.8% (price)", and a dashed diagonal between the anchors.
/// Straight horizontal and vertical lines are drawn without antialiasing on the pixel row
/// `lround(y)`, as the rest of the chart is. The selected and the pending drawing show square
/// handles at their anchors. Nothing is drawn without bars (no time mapping).
/// Thread: GUI; not thread-safe.
class DrawingRenderer {
public:
    static constexpr int kHandleSizePx = 7;

    void paint(QPainter& p, const DrawingOverlay& overlay, const DrawingCoordinates& coords,
               const ChartTheme& theme, const QFont& font, int priceDecimals) const;

private:
    void paintDrawing(QPainter& p, const ChartDrawing& d, const DrawingCoordinates& coords,
                      int priceDecimals) const;
    void paintHandles(QPainter& p, const ChartDrawing& d, const DrawingCoordinates& coords,
                      const ChartTheme& theme) const;
};

} // namespace cw::ui
