// SPDX-License-Identifier: MIT
#include "ui/chart/ChartRenderer.hpp"

#include <QFontMetrics>
#include <QPainter>
#include <QPen>

#include <algorithm>
#include <cmath>

namespace cw::ui {

namespace {

constexpr int kAxisLabelPadding = AxisPainter::kLabelPadding;

} // namespace

ChartRenderer::ChartRenderer() {
    m_font.setPixelSize(11);
}

void ChartRenderer::setStyle(ChartStyle style) {
    m_style = style == ChartStyle::Invalid ? ChartStyle::Candles : style;
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
    const int axisWidth = std::max(56, fm.horizontalAdvance(sample) + 2 * kAxisLabelPadding);
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

ChartFrame ChartRenderer::makeFrame(const ChartModel& model) {
    ChartFrame f;
    f.model = &model;
    f.bars = &model.candles(m_style);
    f.timeScale = &m_timeScale;
    f.layout = &m_layout;
    f.theme = &m_theme;
    f.font = &m_font;
    f.decimator = &m_decimator;
    f.canvas = &m_canvas;
    f.style = m_style;
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
        const Region region = regionAt(m_crosshair->toPoint());
        if (region == Region::PricePlot || region == Region::PanePlot) {
            const double idx =
                std::round(m_timeScale.indexAt(m_crosshair->x() - m_layout.pricePlot.left()));
            f.crosshairBar =
                static_cast<std::size_t>(std::clamp(idx, 0.0, static_cast<double>(f.n - 1)));
        }
    }
    f.readoutBar = f.crosshairBar.value_or(f.n > 0 ? f.n - 1 : 0);
    return f;
}

void ChartRenderer::fitScales(const ChartModel& model, const ChartFrame& f) {
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
    if (price.valid() && !m_extraLevels.empty()) {
        // Levels near the data widen the range; those farther away are left off screen.
        const double reach = (price.high - price.low) * kExtraLevelReach;
        const double low = price.low - reach;
        const double high = price.high + reach;
        for (double level : m_extraLevels) {
            if (std::isfinite(level) && level >= low && level <= high)
                price.include(level);
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

    ChartFrame f = makeFrame(model);
    if (f.n > 0)
        fitScales(model, f);
    f.priceTicks = m_priceScale.ticks(AxisPainter::kMinPriceTickGapPx);
    const QFontMetrics fm(m_font);
    m_timeLabels = m_labeler.compute(f.bars->time(), m_timeScale,
                                     fm.horizontalAdvance(QStringLiteral("00:00:00")) + 24);

    m_axes.paintGrid(p, f, m_priceScale, m_paneScales, m_timeLabels);
    if (f.n > 0) {
        paintPriceLayers(p, model, f);
        paintPanes(p, model, f);
    }
    m_axes.paintPriceAxis(p, f, m_priceScale, m_layout.priceAxis,
                          std::max(f.priceTicks.decimals, f.priceDecimals));
    for (std::size_t i = 0; i < m_paneScales.size(); ++i)
        m_axes.paintPriceAxis(p, f, m_paneScales[i], m_layout.paneAxes[i], -1);
    m_axes.paintTimeAxis(p, f, m_timeLabels);
    if (f.n > 0) {
        // The last-price label sits on the axis, above the tick labels.
        m_readout.paintLastPriceLabel(p, f, m_priceScale);
        m_readout.paintReadout(p, f);
        if (m_crosshair)
            m_readout.paintCrosshair(p, f, *m_crosshair, m_priceScale, m_paneScales, m_labeler);
    }
    p.restore();
}

void ChartRenderer::paintPriceLayers(QPainter& p, const ChartModel& model, const ChartFrame& f) {
    const QRect& plot = m_layout.pricePlot;
    p.save();
    p.setClipRect(plot);
    if (m_showVolume)
        m_candles.paintVolume(p, f, kVolumeFraction);
    if (m_style == ChartStyle::Line) {
        m_series.paintLine(p, f, f.bars->close(), model.closes(m_style), m_priceScale, plot, plot,
                           m_theme.line, 2.0);
    } else {
        m_candles.paintBars(p, f, m_priceScale);
    }
    for (const auto& ind : model.indicators()) {
        if (!ind->isOverlay())
            continue;
        for (const auto& out : ind->outputs())
            m_series.paintLine(p, f, out.values, out.pyramid, m_priceScale, plot, plot, out.color,
                               out.widthPx);
    }
    m_axes.paintLastPriceLine(p, f, m_priceScale);
    m_drawingRenderer.paint(p, m_drawingOverlay, drawingCoordinates(model), m_theme, m_font,
                            f.priceDecimals);
    p.restore();
}

void ChartRenderer::paintPanes(QPainter& p, const ChartModel& model, const ChartFrame& f) {
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
        const QRect clip = plot.adjusted(0, 1, 0, 0);
        p.setClipRect(clip);
        if (!ind->levels().empty()) {
            p.setPen(QPen(m_theme.levelLine, 0, Qt::DashLine));
            for (double level : ind->levels()) {
                const int y = ChartFrame::toPixel(scale.yOf(level));
                p.drawLine(plot.left(), y, plot.right(), y);
            }
        }
        for (const auto& out : ind->outputs()) {
            if (out.style == ChartIndicator::OutputStyle::Histogram)
                m_series.paintHistogram(p, f, out, scale, plot, clip);
        }
        for (const auto& out : ind->outputs()) {
            if (out.style != ChartIndicator::OutputStyle::Histogram)
                m_series.paintLine(p, f, out.values, out.pyramid, scale, plot, clip, out.color,
                                   out.widthPx);
        }
        m_readout.paintPaneLegend(p, f, *ind, plot);
        p.restore();
    }
}

} // namespace cw::ui
