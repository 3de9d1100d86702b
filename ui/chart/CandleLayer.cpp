// SPDX-License-Identifier: MIT
#include "ui/chart/CandleLayer.hpp"

#include "ui/chart/ChartModel.hpp"
#include "ui/chart/SpanCanvas.hpp"

#include <QPainter>
#include <QPen>

#include <algorithm>
#include <cmath>

namespace cw::ui {

namespace {

constexpr int kUp = 0;
constexpr int kDown = 1;

} // namespace

void CandleLayer::flush(QPainter& p, const QColor& up, const QColor& down) {
    const auto lines = [&](std::vector<QLine>& v, const QColor& c) {
        if (!v.empty()) {
            p.setPen(QPen(c, 0));
            p.drawLines(v.data(), static_cast<int>(v.size()));
        }
        v.clear();
    };
    const auto rects = [&](std::vector<QRect>& v, const QColor& c) {
        if (!v.empty()) {
            p.setPen(Qt::NoPen);
            p.setBrush(c);
            p.drawRects(v.data(), static_cast<int>(v.size()));
            p.setBrush(Qt::NoBrush);
        }
        v.clear();
    };
    lines(m_upLines, up);
    lines(m_downLines, down);
    rects(m_upRects, up);
    rects(m_downRects, down);
}

void CandleLayer::paintVolume(QPainter& p, const ChartFrame& f, double volumeFraction) {
    const BarSeries& bars = f.model->bars();
    const auto vols = bars.volume();
    const MinMaxPyramid& pyramid = f.model->volumes();
    const MinMax range = pyramid.query(vols, vols, f.first, f.end);
    if (!range.valid() || range.high <= 0.0)
        return;
    const QRect& plot = f.layout->pricePlot;
    const double bottom = plot.bottom() + 1;
    const double scale = plot.height() * volumeFraction / range.high;
    const QColor up = f.opaqueOverBackground(f.theme->volumeUp);
    const QColor down = f.opaqueOverBackground(f.theme->volumeDown);
    if (f.columns) {
        const auto summaries =
            f.decimator->summarize(pyramid, vols, vols, bars.open(), bars.close());
        SpanCanvas& canvas = *f.canvas;
        canvas.begin(p, plot);
        canvas.setColor(kUp, up);
        canvas.setColor(kDown, down);
        for (std::size_t k = 0; k < f.cols.size(); ++k) {
            const ColumnDecimator::Summary& s = summaries[k];
            if (!s.range.valid() || s.range.high <= 0.0)
                continue;
            const int y = ChartFrame::toPixel(bottom - s.range.high * scale);
            // Rows y..bottom, at least row y (a volume rounding below the plot shows nothing).
            canvas.fillColumn(s.close >= s.open ? kUp : kDown, plot.left() + f.cols[k].x, y,
                              std::max(y, plot.bottom()));
        }
        canvas.end();
        return;
    }
    const auto open = bars.open();
    const auto close = bars.close();
    const int half = f.bodyWidth / 2;
    for (std::size_t i = f.drawFirst; i < f.drawEnd; ++i) {
        if (!(vols[i] > 0.0))
            continue;
        const int x = f.barX(static_cast<double>(i));
        const int y = ChartFrame::toPixel(bottom - vols[i] * scale);
        auto& rects = close[i] >= open[i] ? m_upRects : m_downRects;
        rects.emplace_back(x - half, y, f.bodyWidth, std::max(1, plot.bottom() + 1 - y));
    }
    flush(p, up, down);
}

void CandleLayer::paintBars(QPainter& p, const ChartFrame& f, const PriceScale& scale) {
    if (f.columns) {
        paintBarColumns(p, f, scale);
        return;
    }
    const BarSeries& bars = *f.bars;
    const auto open = bars.open();
    const auto high = bars.high();
    const auto low = bars.low();
    const auto close = bars.close();
    const int half = f.bodyWidth / 2;
    const bool ohlc = f.style == ChartStyle::OhlcBars;
    for (std::size_t i = f.drawFirst; i < f.drawEnd; ++i) {
        const int x = f.barX(static_cast<double>(i));
        const int yo = ChartFrame::toPixel(scale.yOf(open[i]));
        const int yh = ChartFrame::toPixel(scale.yOf(high[i]));
        const int yl = ChartFrame::toPixel(scale.yOf(low[i]));
        const int yc = ChartFrame::toPixel(scale.yOf(close[i]));
        const bool up = close[i] >= open[i];
        auto& lines = up ? m_upLines : m_downLines;
        lines.emplace_back(x, yh, x, yl);
        if (ohlc) {
            lines.emplace_back(x - std::max(1, half), yo, x, yo);
            lines.emplace_back(x, yc, x + std::max(1, half), yc);
        } else {
            const int top = std::min(yo, yc);
            const int height = std::max(1, std::abs(yo - yc));
            (up ? m_upRects : m_downRects).emplace_back(x - half, top, f.bodyWidth, height);
        }
    }
    flush(p, f.theme->up, f.theme->down);
}

void CandleLayer::paintBarColumns(QPainter& p, const ChartFrame& f, const PriceScale& scale) {
    const BarSeries& bars = *f.bars;
    const QRect& plot = f.layout->pricePlot;
    const auto summaries = f.decimator->summarize(f.model->highLow(f.style), bars.low(),
                                                  bars.high(), bars.open(), bars.close());
    SpanCanvas& canvas = *f.canvas;
    canvas.begin(p, plot);
    canvas.setColor(kUp, f.theme->up);
    canvas.setColor(kDown, f.theme->down);
    for (std::size_t k = 0; k < f.cols.size(); ++k) {
        const ColumnDecimator::Summary& s = summaries[k];
        if (!s.range.valid())
            continue;
        const int top = ChartFrame::toPixel(scale.yOf(s.range.high));
        const int bottom = ChartFrame::toPixel(scale.yOf(s.range.low));
        canvas.fillColumn(s.close >= s.open ? kUp : kDown, plot.left() + f.cols[k].x, top, bottom);
    }
    canvas.end();
}

} // namespace cw::ui
