// SPDX-License-Identifier: MIT
#include "ui/chart/SeriesLayer.hpp"

#include "ui/chart/SpanCanvas.hpp"

#include <QPainter>
#include <QPen>

#include <algorithm>
#include <cmath>

namespace cw::ui {

namespace {

constexpr int kUp = 0;
constexpr int kDown = 1;

/// Pens up to 1 px take the raster engine's fast cosmetic path; wider ones go through the
/// general stroker, which costs far more per segment. Zoomed out a column is one pixel wide
/// anyway, so lines are drawn 1 px there.
QPen linePen(const QColor& color, double widthPx, const ChartFrame& f) {
    if (f.columns || widthPx <= 1.0) {
        QPen pen(color, 1.0);
        pen.setCosmetic(true);
        return pen;
    }
    return QPen(color, widthPx, Qt::SolidLine, Qt::FlatCap, Qt::BevelJoin);
}

} // namespace

void SeriesLayer::paintLine(QPainter& p, const ChartFrame& f, std::span<const double> values,
                            const MinMaxPyramid& pyramid, const PriceScale& scale,
                            const QRect& plot, const QRect& clip, const QColor& color,
                            double widthPx) {
    const TimeScale& ts = *f.timeScale;
    const auto y = [&](double v) { return ChartFrame::clampPixel(scale.yOf(v)); };
    if (ts.barSpacing() < 1.0) {
        const auto summaries = f.decimator->summarize(pyramid, values, values, values, values);
        SpanCanvas& canvas = *f.canvas;
        canvas.begin(p, clip);
        canvas.setColor(kUp, color);
        bool joined = false;
        int previousY = 0;
        for (std::size_t k = 0; k < f.cols.size(); ++k) {
            const ColumnDecimator::Summary& s = summaries[k];
            if (!s.range.valid() || f.cols[k].endBar > values.size()) {
                joined = false;
                continue;
            }
            int top = ChartFrame::toPixel(y(s.range.high));
            int bottom = ChartFrame::toPixel(y(s.range.low));
            if (joined) {
                top = std::min(top, previousY);
                bottom = std::max(bottom, previousY);
            }
            canvas.fillColumn(kUp, plot.left() + f.cols[k].x, top, bottom);
            previousY = ChartFrame::toPixel(y(std::isfinite(s.close) ? s.close : s.range.high));
            joined = true;
        }
        canvas.end();
        return;
    }

    p.setRenderHint(QPainter::Antialiasing, true);
    p.setPen(linePen(color, widthPx, f));
    m_points.clear();
    const auto flush = [&] {
        if (m_points.size() >= 2)
            p.drawPolyline(m_points.data(), static_cast<int>(m_points.size()));
        else if (m_points.size() == 1)
            p.drawPoint(m_points.front());
        m_points.clear();
    };
    // At one or more pixels per bar there are at most `width` points: draw them all.
    const std::size_t end = std::min(f.drawEnd, values.size());
    for (std::size_t i = f.drawFirst; i < end; ++i) {
        if (!std::isfinite(values[i])) {
            flush();
            continue;
        }
        m_points.emplace_back(plot.left() + ChartFrame::clampPixel(ts.xOf(static_cast<double>(i))),
                              y(values[i]));
    }
    flush();
    p.setRenderHint(QPainter::Antialiasing, false);
}

void SeriesLayer::paintHistogram(QPainter& p, const ChartFrame& f,
                                 const ChartIndicator::Output& out, const PriceScale& scale,
                                 const QRect& plot, const QRect& clip) {
    const int y0 = ChartFrame::toPixel(scale.yOf(0.0));
    const auto& values = out.values;
    QColor pos = f.theme->up;
    QColor neg = f.theme->down;
    pos.setAlpha(0xb0);
    neg.setAlpha(0xb0);
    pos = f.opaqueOverBackground(pos);
    neg = f.opaqueOverBackground(neg);
    if (f.columns) {
        const auto summaries = f.decimator->summarize(out.pyramid, values, values, values, values);
        SpanCanvas& canvas = *f.canvas;
        canvas.begin(p, clip);
        canvas.setColor(kUp, pos);
        canvas.setColor(kDown, neg);
        for (std::size_t k = 0; k < f.cols.size(); ++k) {
            const ColumnDecimator::Summary& s = summaries[k];
            if (!s.range.valid())
                continue;
            const int x = plot.left() + f.cols[k].x;
            // Positive half first: where both meet at the zero row, the negative one wins.
            if (s.range.high > 0.0)
                canvas.fillColumn(kUp, x, ChartFrame::toPixel(scale.yOf(s.range.high)), y0);
            if (s.range.low < 0.0)
                canvas.fillColumn(kDown, x, y0, ChartFrame::toPixel(scale.yOf(s.range.low)));
        }
        canvas.end();
        return;
    }
    const int half = f.bodyWidth / 2;
    const std::size_t end = std::min(f.drawEnd, values.size());
    for (std::size_t i = f.drawFirst; i < end; ++i) {
        const double v = values[i];
        if (!std::isfinite(v) || v == 0.0)
            continue;
        const int x = f.barX(static_cast<double>(i));
        const int yv = ChartFrame::toPixel(scale.yOf(v));
        (v > 0 ? m_upRects : m_downRects)
            .emplace_back(x - half, std::min(yv, y0), f.bodyWidth, std::max(1, std::abs(yv - y0)));
    }
    const auto rects = [&](std::vector<QRect>& v, const QColor& c) {
        if (!v.empty()) {
            p.setPen(Qt::NoPen);
            p.setBrush(c);
            p.drawRects(v.data(), static_cast<int>(v.size()));
            p.setBrush(Qt::NoBrush);
        }
        v.clear();
    };
    rects(m_upRects, pos);
    rects(m_downRects, neg);
}

} // namespace cw::ui
