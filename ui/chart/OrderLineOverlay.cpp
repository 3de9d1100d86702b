// SPDX-License-Identifier: MIT
#include "ui/chart/OrderLineOverlay.hpp"

#include "ui/chart/PriceScale.hpp"
#include "ui/trading/OrderSizing.hpp"
#include "ui/trading/TradingFormat.hpp"

#include <QFontMetricsF>
#include <QPainter>
#include <QPen>

#include <algorithm>
#include <cmath>
#include <utility>

namespace cw::ui {

OrderLineOverlay::OrderLineOverlay(QObject* parent) : QObject(parent) {}

void OrderLineOverlay::setLines(std::vector<OrderLine> lines) {
    m_lines = std::move(lines);
    if (m_drag && indexOf(m_drag->id) < 0)
        m_drag.reset();
    // A pending change ends when its line shows another price, is gone, or it is too old.
    std::erase_if(m_pending, [this](const Pending& p) {
        const int i = indexOf(p.id);
        return i < 0 || m_lines[static_cast<std::size_t>(i)].price != p.original ||
               p.since.elapsed() > kPendingTimeoutMs;
    });
    emit changed();
}

void OrderLineOverlay::setInstrument(const Instrument& instrument) {
    m_instrument = instrument;
}

void OrderLineOverlay::setColors(const QColor& buy, const QColor& sell, const QColor& position,
                                 const QColor& labelText) {
    m_buy = buy;
    m_sell = sell;
    m_position = position;
    m_labelText = labelText;
    emit changed();
}

double OrderLineOverlay::yOf(const Price& price, const PriceScale& scale) {
    return scale.yOf(price.toDouble());
}

int OrderLineOverlay::indexOf(const QString& id) const {
    for (std::size_t i = 0; i < m_lines.size(); ++i)
        if (m_lines[i].id == id)
            return static_cast<int>(i);
    return -1;
}

Price OrderLineOverlay::shownPrice(const OrderLine& line) const {
    if (m_drag && m_drag->id == line.id)
        return m_drag->pending;
    for (const Pending& p : m_pending)
        if (p.id == line.id)
            return p.price;
    return line.price;
}

QString OrderLineOverlay::shownLabel(const OrderLine& line) const {
    const Price shown = shownPrice(line);
    if (shown == line.price)
        return line.label;
    return line.label + QStringLiteral(" \u2192 ") + TradingFormat::price(shown);
}

QRectF OrderLineOverlay::labelRect(int index, const QRectF& plot, const PriceScale& scale) const {
    if (index < 0 || index >= static_cast<int>(m_lines.size()))
        return {};
    const OrderLine& line = m_lines[static_cast<std::size_t>(index)];
    const QFontMetricsF metrics(m_font);
    const double textWidth = metrics.horizontalAdvance(shownLabel(line)) + 12.0;
    const double width =
        std::min(plot.width(), textWidth + (line.cancelable ? kCloseBoxWidth : 0.0));
    const double y = yOf(shownPrice(line), scale);
    return QRectF(plot.right() - kRightMargin - width, y - kLabelHeight / 2.0, width, kLabelHeight);
}

QRectF OrderLineOverlay::closeRect(int index, const QRectF& plot, const PriceScale& scale) const {
    if (index < 0 || index >= static_cast<int>(m_lines.size()) ||
        !m_lines[static_cast<std::size_t>(index)].cancelable)
        return {};
    const QRectF label = labelRect(index, plot, scale);
    return QRectF(label.right() - kCloseBoxWidth, label.top(), kCloseBoxWidth, label.height());
}

std::optional<OrderLineOverlay::Hit>
OrderLineOverlay::hitTest(const QPointF& pos, const QRectF& plot, const PriceScale& scale) const {
    if (!plot.contains(pos))
        return std::nullopt;
    const int n = static_cast<int>(m_lines.size());
    // Later lines are painted on top: test them first.
    for (int i = n - 1; i >= 0; --i)
        if (closeRect(i, plot, scale).contains(pos))
            return Hit{i, Part::Close};
    for (int i = n - 1; i >= 0; --i)
        if (labelRect(i, plot, scale).contains(pos))
            return Hit{i, Part::Label};
    std::optional<Hit> best;
    double bestDistance = kGrabPx + 1e-9;
    for (int i = 0; i < n; ++i) {
        const double y = yOf(shownPrice(m_lines[static_cast<std::size_t>(i)]), scale);
        const double distance = std::abs(pos.y() - y);
        if (distance <= bestDistance) {
            bestDistance = distance;
            best = Hit{i, Part::Line};
        }
    }
    return best;
}

std::optional<Price> OrderLineOverlay::snap(double value) const {
    if (!m_instrument)
        return std::nullopt;
    auto price = OrderSizing::priceFromChart(value, *m_instrument);
    if (!price || !price->isPositive())
        return std::nullopt;
    return *price;
}

bool OrderLineOverlay::press(const QPointF& pos, const QRectF& plot, const PriceScale& scale) {
    const auto hit = hitTest(pos, plot, scale);
    if (!hit)
        return false;
    const OrderLine& line = m_lines[static_cast<std::size_t>(hit->index)];
    if (hit->part == Part::Close) {
        emit cancelRequested(line.id, line.kind);
        return true;
    }
    if (!line.draggable)
        return hit->part == Part::Label; // a label swallows the press; a bare line does not
    const Price shown = shownPrice(line);
    m_drag = Drag{line.id, line.price, shown};
    emit changed();
    return true;
}

bool OrderLineOverlay::move(const QPointF& pos, const QRectF&, const PriceScale& scale) {
    if (!m_drag)
        return false;
    if (auto price = snap(scale.valueAt(pos.y())); price && *price != m_drag->pending) {
        m_drag->pending = *price;
        emit changed();
    }
    return true;
}

bool OrderLineOverlay::release(const QPointF& pos, const QRectF& plot, const PriceScale& scale) {
    if (!m_drag)
        return false;
    move(pos, plot, scale);
    const Drag drag = *m_drag;
    m_drag.reset();
    const int index = indexOf(drag.id);
    if (index >= 0 && drag.pending != drag.original) {
        const OrderLine& line = m_lines[static_cast<std::size_t>(index)];
        std::erase_if(m_pending, [&](const Pending& p) { return p.id == drag.id; });
        Pending pending{drag.id, drag.pending, drag.original, {}};
        pending.since.start();
        m_pending.push_back(pending);
        emit lineMoved(line.id, line.kind, drag.pending);
    } else {
        clearPending(drag.id); // dropped where it was: no change on its way
    }
    emit changed();
    return true;
}

void OrderLineOverlay::cancelDrag() {
    if (!m_drag)
        return;
    m_drag.reset();
    emit changed();
}

std::optional<Price> OrderLineOverlay::pendingPrice(const QString& id) const {
    if (m_drag && m_drag->id == id)
        return m_drag->pending;
    for (const Pending& p : m_pending)
        if (p.id == id)
            return p.price;
    return std::nullopt;
}

void OrderLineOverlay::clearPending(const QString& id) {
    if (std::erase_if(m_pending, [&](const Pending& p) { return p.id == id; }) > 0)
        emit changed();
}

void OrderLineOverlay::paint(QPainter& painter, const QRectF& plot, const PriceScale& scale) const {
    if (m_lines.empty() || plot.isEmpty())
        return;
    painter.save();
    painter.setClipRect(plot);
    painter.setFont(m_font);
    painter.setRenderHint(QPainter::Antialiasing, false);
    for (int i = 0; i < static_cast<int>(m_lines.size()); ++i) {
        const OrderLine& line = m_lines[static_cast<std::size_t>(i)];
        QColor colour = line.kind == OrderLine::Kind::Position
                            ? m_position
                            : (line.side == Side::Buy ? m_buy : m_sell);
        const double y = std::round(yOf(shownPrice(line), scale)) + 0.5;
        if (y < plot.top() - kLabelHeight || y > plot.bottom() + kLabelHeight)
            continue;
        const bool moving = shownPrice(line) != line.price;
        QPen pen(colour, moving ? 2.0 : 1.0);
        pen.setStyle(line.emulated || moving ? Qt::DashLine : Qt::SolidLine);
        painter.setPen(pen);
        const QRectF label = labelRect(i, plot, scale);
        painter.drawLine(QPointF(plot.left(), y), QPointF(label.left(), y));
        if (moving) {
            // Where the order is now, faintly, while its change is on its way.
            QColor faint = colour;
            faint.setAlpha(90);
            QPen old(faint, 1.0, Qt::DotLine);
            painter.setPen(old);
            const double y0 = std::round(yOf(line.price, scale)) + 0.5;
            painter.drawLine(QPointF(plot.left(), y0), QPointF(plot.right(), y0));
        }
        painter.fillRect(label, colour);
        painter.setPen(m_labelText);
        const QRectF text = line.cancelable ? label.adjusted(6.0, 0.0, -kCloseBoxWidth, 0.0)
                                            : label.adjusted(6.0, 0.0, -6.0, 0.0);
        painter.drawText(text, Qt::AlignVCenter | Qt::AlignLeft, shownLabel(line));
        if (line.cancelable) {
            const QRectF box = closeRect(i, plot, scale);
            painter.fillRect(box, colour.darker(140));
            painter.setPen(QPen(m_labelText, 1.5));
            const QRectF cross = box.adjusted(5.5, 5.0, -5.5, -5.0);
            painter.setRenderHint(QPainter::Antialiasing, true);
            painter.drawLine(cross.topLeft(), cross.bottomRight());
            painter.drawLine(cross.bottomLeft(), cross.topRight());
            painter.setRenderHint(QPainter::Antialiasing, false);
        }
    }
    painter.restore();
}

} // namespace cw::ui
