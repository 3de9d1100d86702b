// SPDX-License-Identifier: MIT
#pragma once

#include "core/common/Result.hpp"
#include "ui/chart/ChartDrawing.hpp"

#include <QByteArray>
#include <QByteArrayView>

#include <span>
#include <vector>

namespace cw::ui {

/// Drawings to and from JSON text (for saving them per instrument).
///
/// Format, version 1:
/// `{"format":"candlewick.drawings","version":1,"drawings":[{"id":3,"kind":"trendLine",
///   "anchors":[{"timeNs":"1710230400000000000","price":120.5},...],"color":"#ff2962ff",
///   "widthPx":1}]}`.
/// Times are decimal strings of UTC nanoseconds (a JSON number cannot carry 64-bit integers
/// exactly everywhere); a horizontal line has one anchor, the other kinds two; colours are
/// "#aarrggbb".
/// Reading is all or nothing: any malformed text, unknown kind or version, wrong anchor count,
/// non-finite price, time beyond +-DrawingCoordinates::kMaxAbsTimeNs or width outside
/// [1, 10] fails the whole read with ParseError (syntax, missing or mistyped fields),
/// Unsupported (a newer version, an unknown kind) or OutOfRange (values), so a caller that
/// keeps its current set on error loses nothing.
/// Thread: any (pure functions).
class DrawingSerializer {
public:
    static constexpr int kVersion = 1;

    static QByteArray toJson(std::span<const ChartDrawing> drawings);
    static Result<std::vector<ChartDrawing>> fromJson(QByteArrayView json);
};

} // namespace cw::ui
