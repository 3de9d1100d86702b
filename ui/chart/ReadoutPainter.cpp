// SPDX-License-Identifier: MIT
#include "ui/chart/ReadoutPainter.hpp"

#include "ui/chart/AxisPainter.hpp"
#include "ui/chart/ChartModel.hpp"

#include <QFontMetrics>
#include <QPainter>
#include <QPen>
#include <QString>

#include <algorithm>
#include <cmath>

namespace cw::ui {

namespace {

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

/// Decimals for a pane indicator's value in its legend: more for small magnitudes.
int paneLegendDecimals(double v) {
    return std::abs(v) >= 1 ? 2 : 4;
}

} // namespace

void ReadoutPainter::paintReadout(QPainter& p, const ChartFrame& f) {
    const ChartModel& model = *f.model;
    const QFontMetrics fm(*f.font);
    const ChartTheme& theme = *f.theme;
    const OhlcvRow bar = model.bars().row(f.readoutBar);
    const QColor valueColor = bar.close >= bar.open ? theme.up : theme.down;
    const int d = f.priceDecimals;
    const QRect& plot = f.layout->pricePlot;
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
    p.fillRect(box, theme.readoutBackground);

    int x = box.left() + 6;
    int baseline = box.top() + 3 + fm.ascent();
    for (int k = 0; k < 5; ++k) {
        p.setPen(theme.mutedText);
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
        p.setPen(theme.text);
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

void ReadoutPainter::paintPaneLegend(QPainter& p, const ChartFrame& f,
                                     const ChartIndicator& indicator, const QRect& plot) {
    const QFontMetrics fm(*f.font);
    int x = plot.left() + 8;
    const int baseline = plot.top() + 6 + fm.ascent();
    p.setPen(f.theme->text);
    const QString name = QString::fromStdString(indicator.name());
    p.drawText(x, baseline, name);
    x += fm.horizontalAdvance(name) + 10;
    for (std::size_t k = 0; k < indicator.outputs().size(); ++k) {
        const auto& out = indicator.outputs()[k];
        const double v = indicator.valueAt(k, f.readoutBar);
        const QString text = formatValue(v, paneLegendDecimals(v));
        p.setPen(out.style == ChartIndicator::OutputStyle::Histogram
                     ? (v >= 0 ? f.theme->up : f.theme->down)
                     : out.color);
        p.drawText(x, baseline, text);
        x += fm.horizontalAdvance(text) + 8;
    }
}

void ReadoutPainter::paintLastPriceLabel(QPainter& p, const ChartFrame& f,
                                         const PriceScale& price) {
    const QFontMetrics fm(*f.font);
    const OhlcvRow last = f.model->bars().last();
    const int y = ChartFrame::toPixel(price.yOf(last.close));
    const QRect& axis = f.layout->priceAxis;
    if (y < axis.top() || y > axis.bottom())
        return;
    const QRect box(axis.left(), y - fm.height() / 2 - 2, axis.width(), fm.height() + 4);
    AxisPainter::paintAxisLabel(p, box, formatValue(last.close, f.priceDecimals),
                                last.close >= last.open ? f.theme->up : f.theme->down,
                                QColor(Qt::white));
}

void ReadoutPainter::paintCrosshair(QPainter& p, const ChartFrame& f, QPointF position,
                                    const PriceScale& price, std::span<const PriceScale> panes,
                                    const TimeAxisLabeler& labeler) {
    if (!f.crosshairBar)
        return;
    const ChartLayout& l = *f.layout;
    const ChartTheme& theme = *f.theme;
    const QFontMetrics fm(*f.font);
    const int x = f.barX(static_cast<double>(*f.crosshairBar));
    const int y = ChartFrame::toPixel(position.y());
    const QPen pen(theme.crosshair, 0, Qt::DashLine);
    p.setPen(pen);
    const QRect& plot = l.pricePlot;
    p.drawLine(x, plot.top(), x, plot.bottom());
    for (const QRect& r : l.panePlots)
        p.drawLine(x, r.top(), x, r.bottom());

    // Horizontal line and value label in the pane under the pointer.
    const QRect* hoveredPlot = nullptr;
    const QRect* hoveredAxis = nullptr;
    const PriceScale* scale = nullptr;
    int decimals = f.priceDecimals;
    if (y >= plot.top() && y <= plot.bottom()) {
        hoveredPlot = &plot;
        hoveredAxis = &l.priceAxis;
        scale = &price;
        decimals = std::max(f.priceDecimals, f.priceTicks.decimals);
    } else {
        for (std::size_t i = 0; i < l.panePlots.size() && i < panes.size(); ++i) {
            const QRect& r = l.panePlots[i];
            if (y >= r.top() && y <= r.bottom()) {
                hoveredPlot = &r;
                hoveredAxis = &l.paneAxes[i];
                scale = &panes[i];
                decimals = std::max(2, panes[i].ticks(AxisPainter::kMinPaneTickGapPx).decimals);
            }
        }
    }
    if (hoveredPlot) {
        p.setPen(pen);
        p.drawLine(hoveredPlot->left(), y, hoveredPlot->right(), y);
        const QRect box(hoveredAxis->left(), y - fm.height() / 2 - 2, hoveredAxis->width(),
                        fm.height() + 4);
        AxisPainter::paintAxisLabel(p, box, formatValue(scale->valueAt(y), decimals),
                                    theme.labelBackground, theme.labelText);
    }
    const QString timeText = labeler.formatFull(f.bars->time()[*f.crosshairBar]);
    const int w = fm.horizontalAdvance(timeText) + 2 * AxisPainter::kLabelPadding;
    const QRect& axis = l.timeAxis;
    const int left = std::clamp(x - w / 2, axis.left(), std::max(axis.left(), axis.right() - w));
    AxisPainter::paintAxisLabel(p, QRect(left, axis.top() + 1, w, axis.height() - 1), timeText,
                                theme.labelBackground, theme.labelText);
}

} // namespace cw::ui
