// SPDX-License-Identifier: MIT
#pragma once

#include "core/domain/Timestamp.hpp"

#include <QColor>

#include <array>
#include <cstdint>
#include <span>
#include <string_view>

namespace cw::ui {

/// What a drawing is.
enum class DrawingKind {
    Invalid = 0,
    HorizontalLine,       ///< one anchor; a line across the whole plot at its price
    TrendLine,            ///< a segment between two anchors
    Rectangle,            ///< the box spanned by two opposite corners
    FibonacciRetracement, ///< retracement levels of the move from anchor 0 to anchor 1
};

/// A point of a drawing in data coordinates: a time (UTC ns, not a bar index, so the point
/// keeps its place when the bars are replaced by another timeframe) and a price.
struct DrawingAnchor {
    TimestampNs time = 0;
    double price = 0.0;

    friend bool operator==(const DrawingAnchor&, const DrawingAnchor&) = default;
};

/// One drawing the trader placed on a chart: a plain value, stored per instrument.
///
/// All kinds keep two anchors; a horizontal line uses `anchors[0]` only (the editor keeps
/// `anchors[1]` equal to it). For a Fibonacci retracement `anchors[0]` is the start of the move
/// (level 100 %) and `anchors[1]` its end (level 0 %): level L lies at
/// `end - (end - start) * L / 100`. `id` is unique within one chart's set (0 = not assigned).
struct ChartDrawing {
    /// The retracement levels drawn, in percent.
    static constexpr std::array<double, 7> kFibonacciLevels = {0.0,  23.6, 38.2, 50.0,
                                                               61.8, 78.6, 100.0};

    std::uint64_t id = 0;
    DrawingKind kind = DrawingKind::Invalid;
    std::array<DrawingAnchor, 2> anchors{};
    QColor color = QColor(0x29, 0x62, 0xff);
    double widthPx = 1.0;

    /// Anchors the kind uses (1 for a horizontal line, 2 otherwise; 0 for Invalid).
    static int anchorCount(DrawingKind kind);
    int anchorCount() const { return anchorCount(kind); }

    /// The anchors in use.
    std::span<const DrawingAnchor> usedAnchors() const {
        return std::span<const DrawingAnchor>(anchors).first(
            static_cast<std::size_t>(anchorCount()));
    }

    /// Price of Fibonacci level `percent` (0 = the end anchor, 100 = the start anchor).
    double fibonacciPrice(double percent) const;

    /// Stable names used in files ("horizontalLine", "trendLine", "rectangle",
    /// "fibonacciRetracement"); `kindFromName` returns Invalid for anything else.
    static std::string_view kindName(DrawingKind kind);
    static DrawingKind kindFromName(std::string_view name);

    friend bool operator==(const ChartDrawing&, const ChartDrawing&) = default;
};

} // namespace cw::ui
