// SPDX-License-Identifier: MIT
#include "ui/chart/AxisPainter.hpp"

#include "ui/chart/ChartModel.hpp"

#include <QFontMetrics>
#include <QPainter>
#include <QPen>

namespace cw::ui {

void AxisPainter::paintGrid(QPainter& p, const ChartFrame& f, const PriceScale& price,
                            std::span<const PriceScale> panes,
                            std::span<const TimeAxisLabel> labels) {
    const ChartLayout& l = *f.layout;
    const QRect& plot = l.pricePlot;
    for (int k = 0; k < f.priceTicks.count; ++k) {
        const int y = ChartFrame::toPixel(price.yOf(f.priceTicks.value(k)));
        if (y > plot.top() && y < plot.bottom())
            m_lines.emplace_back(plot.left(), y, plot.right(), y);
    }
    for (std::size_t i = 0; i < panes.size() && i < l.panePlots.size(); ++i) {
        const QRect& r = l.panePlots[i];
        const PriceTicks t = panes[i].ticks(kMinPaneTickGapPx);
        for (int k = 0; k < t.count; ++k) {
            const int y = ChartFrame::toPixel(panes[i].yOf(t.value(k)));
            if (y > r.top() && y < r.bottom())
                m_lines.emplace_back(r.left(), y, r.right(), y);
        }
    }
    for (const TimeAxisLabel& label : labels) {
        const int x = f.barX(static_cast<double>(label.barIndex));
        m_lines.emplace_back(x, plot.top(), x, plot.bottom());
        for (const QRect& r : l.panePlots)
            m_lines.emplace_back(x, r.top(), x, r.bottom());
    }
    if (!m_lines.empty()) {
        p.setPen(QPen(f.theme->grid, 0));
        p.drawLines(m_lines.data(), static_cast<int>(m_lines.size()));
    }
    m_lines.clear();
}

void AxisPainter::paintPriceAxis(QPainter& p, const ChartFrame& f, const PriceScale& scale,
                                 const QRect& axis, int decimals) {
    const QFontMetrics fm(*f.font);
    p.setPen(QPen(f.theme->paneSeparator, 0));
    p.drawLine(axis.left(), axis.top(), axis.left(), axis.bottom());
    const bool isPane = decimals < 0;
    const PriceTicks ticks = scale.ticks(isPane ? kMinPaneTickGapPx : kMinPriceTickGapPx);
    if (isPane)
        decimals = ticks.decimals;
    p.setPen(f.theme->text);
    const int half = fm.height() / 2;
    for (int k = 0; k < ticks.count; ++k) {
        const double v = ticks.value(k);
        const int y = ChartFrame::toPixel(scale.yOf(v));
        if (y - half < axis.top() || y + half > axis.bottom())
            continue;
        p.drawLine(axis.left(), y, axis.left() + 3, y);
        p.drawText(
            QRect(axis.left() + kLabelPadding, y - half, axis.width() - kLabelPadding, fm.height()),
            Qt::AlignLeft | Qt::AlignVCenter, QString::number(v, 'f', decimals));
    }
}

void AxisPainter::paintTimeAxis(QPainter& p, const ChartFrame& f,
                                std::span<const TimeAxisLabel> labels) {
    const QFontMetrics fm(*f.font);
    const QRect& axis = f.layout->timeAxis;
    p.setPen(QPen(f.theme->paneSeparator, 0));
    p.drawLine(axis.left(), axis.top(), f.layout->area.right(), axis.top());
    for (const TimeAxisLabel& label : labels) {
        const int x = f.barX(static_cast<double>(label.barIndex));
        const int w = fm.horizontalAdvance(label.text);
        if (x - w / 2 < axis.left() || x + w / 2 > axis.right())
            continue;
        const bool coarse = label.boundary >= TimeBoundary::Day;
        p.setPen(coarse ? f.theme->text : f.theme->mutedText);
        const bool bold = label.boundary >= TimeBoundary::Month;
        if (bold) {
            QFont font = *f.font;
            font.setBold(true);
            p.setFont(font);
        }
        p.drawText(QRect(x - w, axis.top() + 2, 2 * w, axis.height() - 2), Qt::AlignCenter,
                   label.text);
        if (bold)
            p.setFont(*f.font);
    }
}

void AxisPainter::paintLastPriceLine(QPainter& p, const ChartFrame& f, const PriceScale& price) {
    const OhlcvRow last = f.model->bars().last();
    const int y = ChartFrame::toPixel(price.yOf(last.close));
    const QRect& plot = f.layout->pricePlot;
    if (y < plot.top() || y > plot.bottom())
        return;
    p.setPen(QPen(last.close >= last.open ? f.theme->up : f.theme->down, 0, Qt::DotLine));
    p.drawLine(plot.left(), y, plot.right(), y);
}

void AxisPainter::paintAxisLabel(QPainter& p, const QRect& box, const QString& text,
                                 const QColor& fill, const QColor& textColor) {
    p.fillRect(box, fill);
    p.setPen(textColor);
    p.drawText(box.adjusted(kLabelPadding, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter, text);
}

} // namespace cw::ui
