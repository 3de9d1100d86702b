// SPDX-License-Identifier: MIT
#include "ui/chart/ChartRenderer.hpp"

#include <QFontMetrics>
#include <QPainter>
#include <QPen>

#include <algorithm>
#include <cmath>

namespace cw::ui {

namespace {

constexpr double kMinPriceTickGapPx = 48.0;
constexpr double kMinPaneTickGapPx = 28.0;
constexpr double kPixelLimit = 1e6; // keeps absurd manual scales inside int range
constexpr int kLabelPadding = 6;

int toPixel(double v) {
    return static_cast<int>(std::lround(std::clamp(v, -kPixelLimit, kPixelLimit)));
}

double clampPixel(double v) {
    return std::clamp(v, -kPixelLimit, kPixelLimit);
}

/// `color` composed over an opaque `background`. Opaque fills take the raster engine's
/// direct fill path; translucent ones are blended span by span, which zoomed out (thousands of
/// one-pixel columns) costs milliseconds a frame.
QColor opaqueOver(const QColor& color, const QColor& background) {
    const float a = color.alphaF();
    return QColor::fromRgbF(color.redF() * a + background.redF() * (1.0f - a),
                            color.greenF() * a + background.greenF() * (1.0f - a),
                            color.blueF() * a + background.blueF() * (1.0f - a));
}

QString formatVolume(double v) {
    if (!std::isfinite(v))
        return QStringLiteral("n/a");
    const double a = std::abs(v);
    if (a >= 1e9)
        return QString::number(v / 1e9, 'f', 2) + QLatin1Char('B');
    if (a >= 1e6)
        return QString::number(v / 1e6, 'f', 2) + QLatin1Char('M');
    if (a >= 1e3)
        return QString::number(v / 1e3, 'f', 2) + QLatin1Char('K');
    return QString::number(v, 'f', a >= 100 ? 0 : 2);
}

QString formatValue(double v, int decimals) {
    if (!std::isfinite(v))
        return QStringLiteral("n/a");
    return QString::number(v, 'f', decimals);
}

/// Decimals for an indicator value in a legend: more for small magnitudes.
int legendDecimals(double v, int priceDecimals, bool overlay) {
    if (overlay)
        return priceDecimals;
    const double a = std::abs(v);
    return a >= 100 ? 2 : (a >= 1 ? 2 : 4);
}

} // namespace

struct ChartRenderer::Frame {
    const BarSeries* bars = nullptr; // as drawn (Heikin-Ashi or real)
    std::size_t n = 0;
    std::size_t first = 0;     // first visible bar
    std::size_t end = 0;       // one past the last visible bar
    std::size_t drawFirst = 0; // one more on each side, so lines leave the plot edges
    std::size_t drawEnd = 0;
    bool columns = false;
    std::span<const ColumnDecimator::Column> cols;
    int bodyWidth = 1;
    PriceTicks priceTicks;
    int priceDecimals = 2;
    std::optional<std::size_t> crosshairBar;
    std::size_t readoutBar = 0;
};

ChartRenderer::ChartRenderer() {
    m_font.setPixelSize(11);
}

void ChartRenderer::setStyle(ChartStyle style) {
    m_style = style == ChartStyle::Invalid ? ChartStyle::Candles : style;
}

QPen ChartRenderer::linePen(const QColor& color, double widthPx, const Frame& f) const {
    // Pens up to 1 px take the raster engine's fast cosmetic path; wider ones go through the
    // general stroker, which costs far more per segment. Zoomed out, a column is one pixel
    // wide anyway, so lines are drawn 1 px there.
    if (f.columns || widthPx <= 1.0) {
        QPen pen(color, 1.0);
        pen.setCosmetic(true);
        return pen;
    }
    return QPen(color, widthPx, Qt::SolidLine, Qt::FlatCap, Qt::BevelJoin);
}

int ChartRenderer::barX(double index) const {
    return m_layout.pricePlot.left() +
           static_cast<int>(std::floor(clampPixel(m_timeScale.xOf(index))));
}

void ChartRenderer::layout(const QRect& area, const ChartModel& model) {
    const QFontMetrics fm(m_font);
    Layout& l = m_layout;
    l.area = area;
    // Axis wide enough for the largest price label we expect.
    double sampleValue = 0.0;
    if (!model.empty()) {
        sampleValue =
            std::max(std::abs(model.bars().last().high), std::abs(model.bars().last().low));
    }
    const QString sample = QString::number(sampleValue * 10.0, 'f', model.priceDecimals() + 1);
    const int axisWidth = std::max(56, fm.horizontalAdvance(sample) + 2 * kLabelPadding);
    const int timeAxisHeight = fm.height() + 10;
    const int plotWidth = std::max(1, area.width() - axisWidth);
    const int totalHeight = std::max(1, area.height() - timeAxisHeight);

    const int panes = static_cast<int>(model.paneCount());
    int paneHeight = 0;
    if (panes > 0) {
        const double share = panes == 1 ? 0.25 : 0.2;
        paneHeight = static_cast<int>(totalHeight * share);
        // The price pane keeps at least 40% of the height.
        paneHeight = std::min(paneHeight, static_cast<int>(totalHeight * 0.6) / panes);
    }
    const int priceHeight = std::max(1, totalHeight - panes * paneHeight);
    l.pricePlot = QRect(area.left(), area.top(), plotWidth, priceHeight);
    l.priceAxis = QRect(area.left() + plotWidth, area.top(), axisWidth, priceHeight);
    l.panePlots.resize(static_cast<std::size_t>(panes));
    l.paneAxes.resize(static_cast<std::size_t>(panes));
    for (int i = 0; i < panes; ++i) {
        const int top = area.top() + priceHeight + i * paneHeight;
        l.panePlots[static_cast<std::size_t>(i)] = QRect(area.left(), top, plotWidth, paneHeight);
        l.paneAxes[static_cast<std::size_t>(i)] =
            QRect(area.left() + plotWidth, top, axisWidth, paneHeight);
    }
    l.timeAxis = QRect(area.left(), area.top() + totalHeight, plotWidth, timeAxisHeight);

    m_timeScale.setWidth(plotWidth);
    m_timeScale.setBarCount(model.size());
    m_priceScale.setPixelRange(l.pricePlot.top(), l.pricePlot.height());
    m_priceScale.setMargins(0.08, m_showVolume ? kVolumeFraction + 0.04 : 0.08);
    m_paneScales.resize(static_cast<std::size_t>(panes));
    for (std::size_t i = 0; i < m_paneScales.size(); ++i) {
        const QRect& r = l.panePlots[i];
        m_paneScales[i].setPixelRange(r.top() + 6, std::max(1, r.height() - 10));
        m_paneScales[i].setMargins(0.06, 0.06);
    }
}

DrawingCoordinates ChartRenderer::drawingCoordinates(const ChartModel& model) const {
    return DrawingCoordinates(model.bars().time(), m_timeScale, m_priceScale, m_layout.pricePlot);
}

ChartRenderer::Region ChartRenderer::regionAt(const QPoint& point) const {
    const Layout& l = m_layout;
    if (l.pricePlot.contains(point))
        return Region::PricePlot;
    if (l.priceAxis.contains(point))
        return Region::PriceAxis;
    if (l.timeAxis.contains(point))
        return Region::TimeAxis;
    for (const QRect& r : l.panePlots) {
        if (r.contains(point))
            return Region::PanePlot;
    }
    for (const QRect& r : l.paneAxes) {
        if (r.contains(point))
            return Region::PaneAxis;
    }
    return Region::Outside;
}

void ChartRenderer::fitScales(const ChartModel& model, const Frame& f) {
    MinMax price = model.highLow(m_style).query(f.bars->low(), f.bars->high(), f.first, f.end);
    std::size_t pane = 0;
    for (const auto& ind : model.indicators()) {
        if (ind->isOverlay()) {
            price.include(ind->range(f.first, f.end));
            continue;
        }
        PriceScale& s = m_paneScales[pane++];
        if (const auto fixed = ind->fixedRange()) {
            s.setRange(fixed->low, fixed->high);
        } else {
            s.setAutoScale(true);
            s.fit(ind->range(f.first, f.end));
        }
    }
    m_priceScale.fit(price);
}

void ChartRenderer::paint(QPainter& p, const QRect& area, const ChartModel& model) {
    layout(area, model);
    p.save();
    p.setFont(m_font);
    p.setRenderHint(QPainter::Antialiasing, false);
    p.setRenderHint(QPainter::TextAntialiasing, true);
    p.fillRect(area, m_theme.background);

    Frame f;
    f.bars = &model.candles(m_style);
    f.n = f.bars->size();
    f.first = m_timeScale.firstVisible();
    f.end = m_timeScale.endVisible();
    f.drawFirst = f.first > 0 ? f.first - 1 : 0;
    f.drawEnd = std::min(f.n, f.end + 1);
    f.columns = m_timeScale.barSpacing() < kDetailSpacingPx;
    if (f.columns)
        f.cols = m_decimator.partition(m_timeScale, f.first, f.end);
    // Odd body widths keep the wick centred.
    f.bodyWidth = std::max(1, static_cast<int>(m_timeScale.barSpacing() * 0.7));
    if (f.bodyWidth % 2 == 0)
        f.bodyWidth -= 1;
    f.priceDecimals = model.priceDecimals();

    if (f.n > 0 && m_crosshair) {
        const QPoint c = m_crosshair->toPoint();
        const Region region = regionAt(c);
        if (region == Region::PricePlot || region == Region::PanePlot) {
            const double idx =
                std::round(m_timeScale.indexAt(m_crosshair->x() - m_layout.pricePlot.left()));
            f.crosshairBar =
                static_cast<std::size_t>(std::clamp(idx, 0.0, static_cast<double>(f.n - 1)));
        }
    }
    f.readoutBar = f.crosshairBar.value_or(f.n > 0 ? f.n - 1 : 0);

    if (f.n > 0)
        fitScales(model, f);
    f.priceTicks = m_priceScale.ticks(kMinPriceTickGapPx);
    const QFontMetrics fm(m_font);
    m_timeLabels = m_labeler.compute(f.bars->time(), m_timeScale,
                                     fm.horizontalAdvance(QStringLiteral("00:00:00")) + 24);

    drawGrid(p, f);
    if (f.n > 0) {
        p.save();
        p.setClipRect(m_layout.pricePlot);
        if (m_showVolume)
            drawVolume(p, model, f);
        if (f.columns)
            drawBarColumns(p, model, f);
        else
            drawBars(p, model, f);
        for (const auto& ind : model.indicators()) {
            if (!ind->isOverlay())
                continue;
            for (const auto& out : ind->outputs())
                drawLineSeries(p, out.values, out.pyramid, m_priceScale, m_layout.pricePlot, f,
                               out.color, out.widthPx);
        }
        drawLastPrice(p, model, f);
        m_drawingRenderer.paint(p, m_drawingOverlay, drawingCoordinates(model), m_theme, m_font,
                                f.priceDecimals);
        p.restore();
        drawPanes(p, model, f);
    }
    drawPriceAxis(p, m_priceScale, m_layout.priceAxis,
                  std::max(f.priceTicks.decimals, f.priceDecimals));
    for (std::size_t i = 0; i < m_paneScales.size(); ++i)
        drawPriceAxis(p, m_paneScales[i], m_layout.paneAxes[i], -1);
    drawTimeAxis(p);
    if (f.n > 0) {
        // The last-price label sits on the axis, above the tick labels.
        const auto& bars = model.bars();
        const OhlcvRow last = bars.last();
        const int y = toPixel(m_priceScale.yOf(last.close));
        const QRect& axis = m_layout.priceAxis;
        if (y >= axis.top() && y <= axis.bottom()) {
            const QRect box(axis.left(), y - fm.height() / 2 - 2, axis.width(), fm.height() + 4);
            drawAxisLabel(p, box, formatValue(last.close, f.priceDecimals),
                          last.close >= last.open ? m_theme.up : m_theme.down, QColor(Qt::white));
        }
        drawReadout(p, model, f);
        drawCrosshair(p, model, f);
    }
    p.restore();
}

void ChartRenderer::flushLines(QPainter& p, std::vector<QLine>& lines, const QColor& color) {
    if (!lines.empty()) {
        p.setPen(QPen(color, 0));
        p.drawLines(lines.data(), static_cast<int>(lines.size()));
    }
    lines.clear();
}

void ChartRenderer::flushRects(QPainter& p, std::vector<QRect>& rects, const QColor& color) {
    if (!rects.empty()) {
        p.setPen(Qt::NoPen);
        p.setBrush(color);
        p.drawRects(rects.data(), static_cast<int>(rects.size()));
        p.setBrush(Qt::NoBrush);
    }
    rects.clear();
}

void ChartRenderer::drawGrid(QPainter& p, const Frame& f) {
    const QRect& plot = m_layout.pricePlot;
    for (int k = 0; k < f.priceTicks.count; ++k) {
        const int y = toPixel(m_priceScale.yOf(f.priceTicks.value(k)));
        if (y > plot.top() && y < plot.bottom())
            m_upLines.emplace_back(plot.left(), y, plot.right(), y);
    }
    for (std::size_t i = 0; i < m_paneScales.size(); ++i) {
        const QRect& r = m_layout.panePlots[i];
        const PriceTicks t = m_paneScales[i].ticks(kMinPaneTickGapPx);
        for (int k = 0; k < t.count; ++k) {
            const int y = toPixel(m_paneScales[i].yOf(t.value(k)));
            if (y > r.top() && y < r.bottom())
                m_upLines.emplace_back(r.left(), y, r.right(), y);
        }
    }
    for (const TimeAxisLabel& label : m_timeLabels) {
        const int x = barX(static_cast<double>(label.barIndex));
        m_upLines.emplace_back(x, plot.top(), x, plot.bottom());
        for (const QRect& r : m_layout.panePlots)
            m_upLines.emplace_back(x, r.top(), x, r.bottom());
    }
    flushLines(p, m_upLines, m_theme.grid);
}

void ChartRenderer::drawVolume(QPainter& p, const ChartModel& model, const Frame& f) {
    const auto& bars = model.bars();
    const auto vols = bars.volume();
    const MinMax range = model.volumes().query(vols, vols, f.first, f.end);
    if (!range.valid() || range.high <= 0.0)
        return;
    const QRect& plot = m_layout.pricePlot;
    const double bottom = plot.bottom() + 1;
    const double scale = plot.height() * kVolumeFraction / range.high;
    const auto open = bars.open();
    const auto close = bars.close();
    if (f.columns) {
        const auto extremes = m_decimator.extremes(model.volumes(), vols, vols);
        for (std::size_t k = 0; k < f.cols.size(); ++k) {
            const auto& c = f.cols[k];
            const MinMax& v = extremes[k];
            if (!v.valid() || v.high <= 0.0)
                continue;
            const int x = plot.left() + c.x;
            const int y = toPixel(bottom - v.high * scale);
            auto& rects = close[c.endBar - 1] >= open[c.firstBar] ? m_upRects : m_downRects;
            rects.emplace_back(x, y, 1, std::max(1, plot.bottom() + 1 - y));
        }
        flushRects(p, m_upRects, opaqueOver(m_theme.volumeUp, m_theme.background));
        flushRects(p, m_downRects, opaqueOver(m_theme.volumeDown, m_theme.background));
        return;
    }
    const int half = f.bodyWidth / 2;
    for (std::size_t i = f.drawFirst; i < f.drawEnd; ++i) {
        if (!(vols[i] > 0.0))
            continue;
        const int x = barX(static_cast<double>(i));
        const int y = toPixel(bottom - vols[i] * scale);
        auto& rects = close[i] >= open[i] ? m_upRects : m_downRects;
        rects.emplace_back(x - half, y, f.bodyWidth, std::max(1, plot.bottom() + 1 - y));
    }
    flushRects(p, m_upRects, opaqueOver(m_theme.volumeUp, m_theme.background));
    flushRects(p, m_downRects, opaqueOver(m_theme.volumeDown, m_theme.background));
}

void ChartRenderer::drawBars(QPainter& p, const ChartModel& model, const Frame& f) {
    const BarSeries& bars = *f.bars;
    if (m_style == ChartStyle::Line) {
        drawLineSeries(p, bars.close(), model.closes(m_style), m_priceScale, m_layout.pricePlot, f,
                       m_theme.line, 2.0);
        return;
    }
    const auto open = bars.open();
    const auto high = bars.high();
    const auto low = bars.low();
    const auto close = bars.close();
    const int half = f.bodyWidth / 2;
    const bool ohlc = m_style == ChartStyle::OhlcBars;
    for (std::size_t i = f.drawFirst; i < f.drawEnd; ++i) {
        const int x = barX(static_cast<double>(i));
        const int yo = toPixel(m_priceScale.yOf(open[i]));
        const int yh = toPixel(m_priceScale.yOf(high[i]));
        const int yl = toPixel(m_priceScale.yOf(low[i]));
        const int yc = toPixel(m_priceScale.yOf(close[i]));
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
    flushLines(p, m_upLines, m_theme.up);
    flushLines(p, m_downLines, m_theme.down);
    flushRects(p, m_upRects, m_theme.up);
    flushRects(p, m_downRects, m_theme.down);
}

void ChartRenderer::drawBarColumns(QPainter& p, const ChartModel& model, const Frame& f) {
    const BarSeries& bars = *f.bars;
    if (m_style == ChartStyle::Line) {
        drawBars(p, model, f); // drawLineSeries decimates by itself
        return;
    }
    const auto open = bars.open();
    const auto close = bars.close();
    const auto low = bars.low();
    const auto high = bars.high();
    const MinMaxPyramid& pyramid = model.highLow(m_style);
    const QRect& plot = m_layout.pricePlot;
    const auto extremes = m_decimator.extremes(pyramid, low, high);
    for (std::size_t k = 0; k < f.cols.size(); ++k) {
        const auto& c = f.cols[k];
        const MinMax& r = extremes[k];
        if (!r.valid())
            continue;
        const int x = plot.left() + c.x;
        const bool up = close[c.endBar - 1] >= open[c.firstBar];
        const int top = toPixel(m_priceScale.yOf(r.high));
        const int bottom = toPixel(m_priceScale.yOf(r.low));
        (up ? m_upRects : m_downRects).emplace_back(x, top, 1, bottom - top + 1);
    }
    flushRects(p, m_upRects, m_theme.up);
    flushRects(p, m_downRects, m_theme.down);
}

void ChartRenderer::drawLineSeries(QPainter& p, std::span<const double> values,
                                   const MinMaxPyramid& pyramid, const PriceScale& scale,
                                   const QRect& plot, const Frame& f, const QColor& color,
                                   double widthPx) {
    const auto y = [&](double v) { return clampPixel(scale.yOf(v)); };
    if (m_timeScale.barSpacing() < 1.0) {
        // Every pixel column holds bars: one 1-px rectangle per column from the column's
        // extremes, stretched to meet the previous column's last value so the trace stays
        // connected. Rectangles take the raster engine's fastest fill path.
        bool joined = false;
        int previousY = 0;
        const auto extremes = m_decimator.extremes(pyramid, values, values);
        for (std::size_t k = 0; k < f.cols.size(); ++k) {
            const auto& c = f.cols[k];
            if (c.endBar > values.size())
                break;
            const MinMax& r = extremes[k];
            if (!r.valid()) {
                joined = false;
                continue;
            }
            int top = toPixel(y(r.high));
            int bottom = toPixel(y(r.low));
            if (joined) {
                top = std::min(top, previousY);
                bottom = std::max(bottom, previousY);
            }
            m_upRects.emplace_back(plot.left() + c.x, top, 1, bottom - top + 1);
            const double lastV = values[c.endBar - 1];
            previousY = toPixel(y(std::isfinite(lastV) ? lastV : r.high));
            joined = true;
        }
        flushRects(p, m_upRects, color);
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
        m_points.emplace_back(plot.left() + clampPixel(m_timeScale.xOf(static_cast<double>(i))),
                              y(values[i]));
    }
    flush();
    p.setRenderHint(QPainter::Antialiasing, false);
}

void ChartRenderer::drawHistogram(QPainter& p, const ChartIndicator::Output& out,
                                  const PriceScale& scale, const QRect& plot, const Frame& f) {
    const int y0 = toPixel(scale.yOf(0.0));
    const auto& values = out.values;
    QColor pos = m_theme.up;
    QColor neg = m_theme.down;
    pos.setAlpha(0xb0);
    neg.setAlpha(0xb0);
    pos = opaqueOver(pos, m_theme.background);
    neg = opaqueOver(neg, m_theme.background);
    if (f.columns) {
        const auto extremes = m_decimator.extremes(out.pyramid, values, values);
        for (std::size_t k = 0; k < f.cols.size(); ++k) {
            const auto& c = f.cols[k];
            if (c.endBar > values.size())
                break;
            const MinMax& r = extremes[k];
            if (!r.valid())
                continue;
            const int x = plot.left() + c.x;
            if (r.high > 0.0) {
                const int top = toPixel(scale.yOf(r.high));
                m_upRects.emplace_back(x, top, 1, y0 - top + 1);
            }
            if (r.low < 0.0)
                m_downRects.emplace_back(x, y0, 1, toPixel(scale.yOf(r.low)) - y0 + 1);
        }
        flushRects(p, m_upRects, pos);
        flushRects(p, m_downRects, neg);
        return;
    }
    const int half = f.bodyWidth / 2;
    const std::size_t end = std::min(f.drawEnd, values.size());
    for (std::size_t i = f.drawFirst; i < end; ++i) {
        const double v = values[i];
        if (!std::isfinite(v) || v == 0.0)
            continue;
        const int x = barX(static_cast<double>(i));
        const int yv = toPixel(scale.yOf(v));
        (v > 0 ? m_upRects : m_downRects)
            .emplace_back(x - half, std::min(yv, y0), f.bodyWidth, std::max(1, std::abs(yv - y0)));
    }
    flushRects(p, m_upRects, pos);
    flushRects(p, m_downRects, neg);
}

void ChartRenderer::drawPanes(QPainter& p, const ChartModel& model, const Frame& f) {
    const QFontMetrics fm(m_font);
    std::size_t pane = 0;
    for (const auto& ind : model.indicators()) {
        if (ind->isOverlay())
            continue;
        const QRect& plot = m_layout.panePlots[pane];
        const PriceScale& scale = m_paneScales[pane];
        ++pane;
        p.setPen(QPen(m_theme.paneSeparator, 0));
        p.drawLine(plot.left(), plot.top(), m_layout.area.right(), plot.top());

        p.save();
        p.setClipRect(plot.adjusted(0, 1, 0, 0));
        if (!ind->levels().empty()) {
            QPen levelPen(m_theme.levelLine, 0, Qt::DashLine);
            p.setPen(levelPen);
            for (double level : ind->levels()) {
                const int y = toPixel(scale.yOf(level));
                p.drawLine(plot.left(), y, plot.right(), y);
            }
        }
        for (const auto& out : ind->outputs()) {
            if (out.style == ChartIndicator::OutputStyle::Histogram)
                drawHistogram(p, out, scale, plot, f);
        }
        for (const auto& out : ind->outputs()) {
            if (out.style != ChartIndicator::OutputStyle::Histogram)
                drawLineSeries(p, out.values, out.pyramid, scale, plot, f, out.color, out.widthPx);
        }

        // Legend: name and the values at the readout bar.
        int x = plot.left() + 8;
        const int baseline = plot.top() + 6 + fm.ascent();
        p.setPen(m_theme.text);
        const QString name = QString::fromStdString(ind->name());
        p.drawText(x, baseline, name);
        x += fm.horizontalAdvance(name) + 10;
        for (std::size_t k = 0; k < ind->outputs().size(); ++k) {
            const auto& out = ind->outputs()[k];
            const double v = ind->valueAt(k, f.readoutBar);
            const QString text = formatValue(v, legendDecimals(v, f.priceDecimals, false));
            p.setPen(out.style == ChartIndicator::OutputStyle::Histogram
                         ? (v >= 0 ? m_theme.up : m_theme.down)
                         : out.color);
            p.drawText(x, baseline, text);
            x += fm.horizontalAdvance(text) + 8;
        }
        p.restore();
    }
}

void ChartRenderer::drawPriceAxis(QPainter& p, const PriceScale& scale, const QRect& axis,
                                  int decimals) {
    const QFontMetrics fm(m_font);
    p.setPen(QPen(m_theme.paneSeparator, 0));
    p.drawLine(axis.left(), axis.top(), axis.left(), axis.bottom());
    const bool isPane = decimals < 0;
    const PriceTicks ticks = scale.ticks(isPane ? kMinPaneTickGapPx : kMinPriceTickGapPx);
    if (isPane)
        decimals = ticks.decimals;
    p.setPen(m_theme.text);
    const int half = fm.height() / 2;
    for (int k = 0; k < ticks.count; ++k) {
        const double v = ticks.value(k);
        const int y = toPixel(scale.yOf(v));
        if (y - half < axis.top() || y + half > axis.bottom())
            continue;
        p.drawLine(axis.left(), y, axis.left() + 3, y);
        p.drawText(
            QRect(axis.left() + kLabelPadding, y - half, axis.width() - kLabelPadding, fm.height()),
            Qt::AlignLeft | Qt::AlignVCenter, QString::number(v, 'f', decimals));
    }
}

void ChartRenderer::drawTimeAxis(QPainter& p) {
    const QFontMetrics fm(m_font);
    const QRect& axis = m_layout.timeAxis;
    p.setPen(QPen(m_theme.paneSeparator, 0));
    p.drawLine(axis.left(), axis.top(), m_layout.area.right(), axis.top());
    for (const TimeAxisLabel& label : m_timeLabels) {
        const int x = barX(static_cast<double>(label.barIndex));
        const int w = fm.horizontalAdvance(label.text);
        if (x - w / 2 < axis.left() || x + w / 2 > axis.right())
            continue;
        const bool coarse = label.boundary >= TimeBoundary::Day;
        p.setPen(coarse ? m_theme.text : m_theme.mutedText);
        QFont f = m_font;
        if (label.boundary >= TimeBoundary::Month) {
            f.setBold(true);
            p.setFont(f);
        }
        p.drawText(QRect(x - w, axis.top() + 2, 2 * w, axis.height() - 2), Qt::AlignCenter,
                   label.text);
        if (label.boundary >= TimeBoundary::Month)
            p.setFont(m_font);
    }
}

void ChartRenderer::drawLastPrice(QPainter& p, const ChartModel& model, const Frame&) {
    const OhlcvRow last = model.bars().last();
    const int y = toPixel(m_priceScale.yOf(last.close));
    const QRect& plot = m_layout.pricePlot;
    if (y < plot.top() || y > plot.bottom())
        return;
    QPen pen(last.close >= last.open ? m_theme.up : m_theme.down, 0, Qt::DotLine);
    p.setPen(pen);
    p.drawLine(plot.left(), y, plot.right(), y);
}

void ChartRenderer::drawAxisLabel(QPainter& p, const QRect& box, const QString& text,
                                  const QColor& fill, const QColor& textColor) {
    p.fillRect(box, fill);
    p.setPen(textColor);
    p.drawText(box.adjusted(kLabelPadding, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter, text);
}

void ChartRenderer::drawReadout(QPainter& p, const ChartModel& model, const Frame& f) {
    const QFontMetrics fm(m_font);
    const OhlcvRow bar = model.bars().row(f.readoutBar);
    const QColor valueColor = bar.close >= bar.open ? m_theme.up : m_theme.down;
    const int d = f.priceDecimals;
    const QRect& plot = m_layout.pricePlot;
    const int lineHeight = fm.height() + 3;

    // Measure first: the box hugs its text.
    const QString fields[5] = {formatValue(bar.open, d), formatValue(bar.high, d),
                               formatValue(bar.low, d), formatValue(bar.close, d),
                               formatVolume(bar.volume)};
    static const QString kKeys[5] = {QStringLiteral("O"), QStringLiteral("H"), QStringLiteral("L"),
                                     QStringLiteral("C"), QStringLiteral("V")};
    int width = 0;
    for (int k = 0; k < 5; ++k)
        width += fm.horizontalAdvance(kKeys[k]) + 4 + fm.horizontalAdvance(fields[k]) + 10;
    int lines = 1;
    for (const auto& ind : model.indicators()) {
        if (!ind->isOverlay())
            continue;
        int w = fm.horizontalAdvance(QString::fromStdString(ind->name())) + 10;
        for (std::size_t k = 0; k < ind->outputs().size(); ++k) {
            const double v = ind->valueAt(k, f.readoutBar);
            w += fm.horizontalAdvance(formatValue(v, d)) + 8;
        }
        width = std::max(width, w);
        ++lines;
    }
    const QRect box(plot.left() + 6, plot.top() + 6, width + 12, lines * lineHeight + 6);
    p.fillRect(box, m_theme.readoutBackground);

    int x = box.left() + 6;
    int baseline = box.top() + 3 + fm.ascent();
    for (int k = 0; k < 5; ++k) {
        p.setPen(m_theme.mutedText);
        p.drawText(x, baseline, kKeys[k]);
        x += fm.horizontalAdvance(kKeys[k]) + 4;
        p.setPen(valueColor);
        p.drawText(x, baseline, fields[k]);
        x += fm.horizontalAdvance(fields[k]) + 10;
    }
    for (const auto& ind : model.indicators()) {
        if (!ind->isOverlay())
            continue;
        baseline += lineHeight;
        x = box.left() + 6;
        const QString name = QString::fromStdString(ind->name());
        p.setPen(m_theme.text);
        p.drawText(x, baseline, name);
        x += fm.horizontalAdvance(name) + 10;
        for (std::size_t k = 0; k < ind->outputs().size(); ++k) {
            const QString text = formatValue(ind->valueAt(k, f.readoutBar), d);
            p.setPen(ind->outputs()[k].color);
            p.drawText(x, baseline, text);
            x += fm.horizontalAdvance(text) + 8;
        }
    }
}

void ChartRenderer::drawCrosshair(QPainter& p, const ChartModel& model, const Frame& f) {
    if (!f.crosshairBar || !m_crosshair)
        return;
    const QFontMetrics fm(m_font);
    const int x = barX(static_cast<double>(*f.crosshairBar));
    const int y = toPixel(m_crosshair->y());
    QPen pen(m_theme.crosshair, 0, Qt::DashLine);
    p.setPen(pen);
    const QRect& plot = m_layout.pricePlot;
    p.drawLine(x, plot.top(), x, plot.bottom());
    for (const QRect& r : m_layout.panePlots)
        p.drawLine(x, r.top(), x, r.bottom());

    // Horizontal line and value label in the pane under the pointer.
    const QRect* hoveredPlot = nullptr;
    const QRect* hoveredAxis = nullptr;
    const PriceScale* scale = nullptr;
    int decimals = f.priceDecimals;
    if (plot.contains(x, y) || (y >= plot.top() && y <= plot.bottom())) {
        hoveredPlot = &plot;
        hoveredAxis = &m_layout.priceAxis;
        scale = &m_priceScale;
        decimals = std::max(f.priceDecimals, f.priceTicks.decimals);
    } else {
        for (std::size_t i = 0; i < m_layout.panePlots.size(); ++i) {
            const QRect& r = m_layout.panePlots[i];
            if (y >= r.top() && y <= r.bottom()) {
                hoveredPlot = &r;
                hoveredAxis = &m_layout.paneAxes[i];
                scale = &m_paneScales[i];
                decimals = std::max(2, m_paneScales[i].ticks(kMinPaneTickGapPx).decimals);
            }
        }
    }
    if (hoveredPlot) {
        p.setPen(pen);
        p.drawLine(hoveredPlot->left(), y, hoveredPlot->right(), y);
        const QRect box(hoveredAxis->left(), y - fm.height() / 2 - 2, hoveredAxis->width(),
                        fm.height() + 4);
        drawAxisLabel(p, box, formatValue(scale->valueAt(y), decimals), m_theme.labelBackground,
                      m_theme.labelText);
    }
    const QString timeText = m_labeler.formatFull(f.bars->time()[*f.crosshairBar]);
    const int w = fm.horizontalAdvance(timeText) + 2 * kLabelPadding;
    const QRect& axis = m_layout.timeAxis;
    const int left = std::clamp(x - w / 2, axis.left(), std::max(axis.left(), axis.right() - w));
    drawAxisLabel(p, QRect(left, axis.top() + 1, w, axis.height() - 1), timeText,
                  m_theme.labelBackground, m_theme.labelText);
    (void)model;
}

} // namespace cw::ui
