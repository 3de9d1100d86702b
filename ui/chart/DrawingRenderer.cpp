// SPDX-License-Identifier: MIT
#include "ui/chart/DrawingRenderer.hpp"

#include <QFontMetrics>
#include <QLineF>
#include <QPainter>
#include <QPen>

#include <algorithm>
#include <cmath>
#include <optional>

namespace cw::ui {

namespace {

constexpr double kPixelLimit = 1e6; // keeps drawings dragged far away inside int range
constexpr int kLabelGapPx = 4;
constexpr int kFillAlpha = 40;
constexpr double kClipMarginPx = 16.0;

int toPixel(double v) {
    return static_cast<int>(std::lround(std::clamp(v, -kPixelLimit, kPixelLimit)));
}

/// Pens up to 1 px are cosmetic (the raster engine's fast path).
QPen drawingPen(const QColor& color, double widthPx) {
    QPen pen(color, std::max(1.0, widthPx), Qt::SolidLine, Qt::FlatCap, Qt::MiterJoin);
    pen.setCosmetic(widthPx <= 1.0);
    return pen;
}

/// `line` cut to `box` (Liang-Barsky), so that a drawing dragged far off screen never hands
/// the rasteriser huge coordinates; nullopt when nothing of it is inside.
std::optional<QLineF> clipped(const QLineF& line, const QRectF& box) {
    double t0 = 0.0;
    double t1 = 1.0;
    const double dx = line.dx();
    const double dy = line.dy();
    const double p[4] = {-dx, dx, -dy, dy};
    const double q[4] = {line.x1() - box.left(), box.right() - line.x1(), line.y1() - box.top(),
                         box.bottom() - line.y1()};
    for (int i = 0; i < 4; ++i) {
        if (p[i] == 0.0) {
            if (q[i] < 0.0)
                return std::nullopt;
            continue;
        }
        const double r = q[i] / p[i];
        if (p[i] < 0.0)
            t0 = std::max(t0, r);
        else
            t1 = std::min(t1, r);
        if (t0 > t1)
            return std::nullopt;
    }
    return QLineF(line.pointAt(t0), line.pointAt(t1));
}

QString fibonacciLabel(double level, double price, int decimals) {
    return QStringLiteral("%1% (%2)")
        .arg(QString::number(level, 'f', 1), QString::number(price, 'f', decimals));
}

} // namespace

void DrawingRenderer::paint(QPainter& p, const DrawingOverlay& overlay,
                            const DrawingCoordinates& coords, const ChartTheme& theme,
                            const QFont& font, int priceDecimals) const {
    if (!coords.valid() || (overlay.drawings.empty() && overlay.pending == nullptr))
        return;
    p.save();
    p.setFont(font);
    p.setBrush(Qt::NoBrush);
    for (const ChartDrawing& d : overlay.drawings)
        paintDrawing(p, d, coords, priceDecimals);
    if (overlay.pending != nullptr)
        paintDrawing(p, *overlay.pending, coords, priceDecimals);
    // Handles last, so no other drawing covers them.
    for (const ChartDrawing& d : overlay.drawings) {
        if (overlay.selectedId && d.id == *overlay.selectedId)
            paintHandles(p, d, coords, theme);
    }
    if (overlay.pending != nullptr)
        paintHandles(p, *overlay.pending, coords, theme);
    p.restore();
}

void DrawingRenderer::paintDrawing(QPainter& p, const ChartDrawing& d,
                                   const DrawingCoordinates& coords, int priceDecimals) const {
    const QRect& plot = coords.plot();
    const QPointF a = coords.toPixel(d.anchors[0]);
    const QPointF b = coords.toPixel(d.anchors[1]);
    if (!std::isfinite(a.x()) || !std::isfinite(a.y()) || !std::isfinite(b.x()) ||
        !std::isfinite(b.y()))
        return;
    const QRectF clipBox =
        QRectF(plot).adjusted(-kClipMarginPx, -kClipMarginPx, kClipMarginPx, kClipMarginPx);
    const QPen pen = drawingPen(d.color, d.widthPx);
    const QFontMetrics fm(p.font());
    p.setRenderHint(QPainter::Antialiasing, false);
    p.setPen(pen);
    switch (d.kind) {
    case DrawingKind::HorizontalLine: {
        const int y = toPixel(a.y());
        p.drawLine(plot.left(), y, plot.right(), y);
        const QString text = QString::number(d.anchors[0].price, 'f', priceDecimals);
        const int w = fm.horizontalAdvance(text);
        p.drawText(plot.right() - w - kLabelGapPx, y - kLabelGapPx, text);
        break;
    }
    case DrawingKind::TrendLine:
        if (const auto line = clipped(QLineF(a, b), clipBox)) {
            p.setRenderHint(QPainter::Antialiasing, true);
            p.drawLine(*line);
        }
        break;
    case DrawingKind::Rectangle: {
        const QRect r =
            QRect(QPoint(toPixel(a.x()), toPixel(a.y())), QPoint(toPixel(b.x()), toPixel(b.y())))
                .normalized();
        QColor fill = d.color;
        fill.setAlpha(kFillAlpha);
        p.fillRect(r, fill);
        // drawRect with a 1-px pen covers one pixel more on the right and bottom.
        p.drawRect(r.adjusted(0, 0, -1, -1));
        break;
    }
    case DrawingKind::FibonacciRetracement: {
        const int left = toPixel(std::min(a.x(), b.x()));
        const int right = toPixel(std::max(a.x(), b.x()));
        for (double level : ChartDrawing::kFibonacciLevels) {
            const double price = d.fibonacciPrice(level);
            const int y = toPixel(coords.yOfPrice(price));
            p.drawLine(left, y, right, y);
            p.drawText(left + kLabelGapPx, y - kLabelGapPx,
                       fibonacciLabel(level, price, priceDecimals));
        }
        QPen dashed(d.color, 1.0, Qt::DashLine);
        dashed.setCosmetic(true);
        p.setPen(dashed);
        if (const auto line = clipped(QLineF(a, b), clipBox)) {
            p.setRenderHint(QPainter::Antialiasing, true);
            p.drawLine(*line);
        }
        break;
    }
    case DrawingKind::Invalid:
        break;
    }
}

void DrawingRenderer::paintHandles(QPainter& p, const ChartDrawing& d,
                                   const DrawingCoordinates& coords,
                                   const ChartTheme& theme) const {
    p.setRenderHint(QPainter::Antialiasing, false);
    QPen pen(d.color, 1.0);
    pen.setCosmetic(true);
    p.setPen(pen);
    p.setBrush(theme.background);
    const QRect& plot = coords.plot();
    for (const DrawingAnchor& anchor : d.usedAnchors()) {
        QPointF c = coords.toPixel(anchor);
        if (d.kind == DrawingKind::HorizontalLine)
            c.setX(std::clamp(c.x(), static_cast<double>(plot.left() + kHandleSizePx),
                              static_cast<double>(plot.right() - kHandleSizePx)));
        const int half = kHandleSizePx / 2;
        p.drawRect(toPixel(c.x()) - half, toPixel(c.y()) - half, kHandleSizePx - 1,
                   kHandleSizePx - 1);
    }
    p.setBrush(Qt::NoBrush);
}

} // namespace cw::ui
