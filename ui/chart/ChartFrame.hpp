// SPDX-License-Identifier: MIT
#pragma once

#include "core/domain/BarSeries.hpp"
#include "ui/chart/ChartLayout.hpp"
#include "ui/chart/ChartStyle.hpp"
#include "ui/chart/ChartTheme.hpp"
#include "ui/chart/ColumnDecimator.hpp"
#include "ui/chart/PriceTicks.hpp"
#include "ui/chart/TimeScale.hpp"

#include <QColor>
#include <QFont>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <optional>
#include <span>

namespace cw::ui {

class ChartModel;
class SpanCanvas;

/// What one frame shows: computed once at the start of `ChartRenderer::paint` and read by the
/// painters of the layers (candles, series, axes, readout), which keep no view state of their
/// own. The pointers refer to the renderer's and the model's objects and are valid during the
/// `paint` call only. Thread: GUI.
struct ChartFrame {
    /// Pixel coordinates are kept within +-kPixelLimit, so absurd manual scales stay inside
    /// the int range.
    static constexpr double kPixelLimit = 1e6;

    const ChartModel* model = nullptr;
    const BarSeries* bars = nullptr; ///< as drawn (Heikin-Ashi or real)
    const TimeScale* timeScale = nullptr;
    const ChartLayout* layout = nullptr;
    const ChartTheme* theme = nullptr;
    const QFont* font = nullptr;
    /// The renderer's per-column cache and span writer, shared by the layers.
    ColumnDecimator* decimator = nullptr;
    SpanCanvas* canvas = nullptr;
    ChartStyle style = ChartStyle::Candles;
    std::size_t n = 0;
    std::size_t first = 0;     ///< first visible bar
    std::size_t end = 0;       ///< one past the last visible bar
    std::size_t drawFirst = 0; ///< one more on each side, so lines leave the plot edges
    std::size_t drawEnd = 0;
    /// Below ChartRenderer::kDetailSpacingPx per bar: drawn per pixel column (`cols`).
    bool columns = false;
    std::span<const ColumnDecimator::Column> cols;
    int bodyWidth = 1; ///< candle body and zoomed-in volume bar width, odd
    PriceTicks priceTicks;
    int priceDecimals = 2;
    std::optional<std::size_t> crosshairBar;
    std::size_t readoutBar = 0;

    /// `v` clamped into +-kPixelLimit (NaN stays NaN). Min/max instructions, no branches.
    static double clampPixel(double v) { return std::min(std::max(v, -kPixelLimit), kPixelLimit); }

    /// `v` clamped, then rounded to the nearest pixel, halves away from zero (as std::lround,
    /// without the library call: this runs tens of thousands of times a frame, and the
    /// rounding is done without branches, whose outcome would be a coin toss). NaN gives 0.
    static int toPixel(double v) {
        if (std::isnan(v))
            return 0;
        const double c = clampPixel(v);
        const int r = static_cast<int>(c); // towards zero; |c| <= 1e6 fits
        const double rest = c - r;         // exact for |c| < 2^52
        return r + static_cast<int>(rest >= 0.5) - static_cast<int>(rest <= -0.5);
    }

    /// `color` composed over the theme's (opaque) background. Opaque fills take the raster
    /// engine's direct fill path and SpanCanvas's direct writes; translucent ones are blended
    /// span by span, which zoomed out (thousands of one-pixel columns) costs milliseconds.
    QColor opaqueOverBackground(const QColor& color) const {
        const QColor& bg = theme->background;
        const float a = color.alphaF();
        return QColor::fromRgbF(color.redF() * a + bg.redF() * (1.0f - a),
                                color.greenF() * a + bg.greenF() * (1.0f - a),
                                color.blueF() * a + bg.blueF() * (1.0f - a));
    }

    /// Left edge x of the pixel column holding bar `index`, in painter coordinates.
    int barX(double index) const {
        return layout->pricePlot.left() +
               static_cast<int>(std::floor(clampPixel(timeScale->xOf(index))));
    }
};

} // namespace cw::ui
