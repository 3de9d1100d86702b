// SPDX-License-Identifier: MIT
#include "ui/chart/ChartDrawing.hpp"

namespace cw::ui {

int ChartDrawing::anchorCount(DrawingKind kind) {
    switch (kind) {
    case DrawingKind::HorizontalLine:
        return 1;
    case DrawingKind::TrendLine:
    case DrawingKind::Rectangle:
    case DrawingKind::FibonacciRetracement:
        return 2;
    case DrawingKind::Invalid:
        break;
    }
    return 0;
}

double ChartDrawing::fibonacciPrice(double percent) const {
    const double start = anchors[0].price;
    const double end = anchors[1].price;
    return end - (end - start) * percent / 100.0;
}

std::string_view ChartDrawing::kindName(DrawingKind kind) {
    switch (kind) {
    case DrawingKind::HorizontalLine:
        return "horizontalLine";
    case DrawingKind::TrendLine:
        return "trendLine";
    case DrawingKind::Rectangle:
        return "rectangle";
    case DrawingKind::FibonacciRetracement:
        return "fibonacciRetracement";
    case DrawingKind::Invalid:
        break;
    }
    return "invalid";
}

DrawingKind ChartDrawing::kindFromName(std::string_view name) {
    for (DrawingKind k : {DrawingKind::HorizontalLine, DrawingKind::TrendLine,
                          DrawingKind::Rectangle, DrawingKind::FibonacciRetracement}) {
        if (kindName(k) == name)
            return k;
    }
    return DrawingKind::Invalid;
}

} // namespace cw::ui
