// SPDX-License-Identifier: MIT
#include "ui/chart/ChartView.hpp"

#include "ui/chart/OrderLineOverlay.hpp"

#include <QContextMenuEvent>
#include <QCursor>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace cw::ui {

namespace {
/// Zoom per wheel notch (120 units): about 20%.
constexpr double kWheelZoomBase = 1.0015;
/// Price-axis drag: scale factor per pixel (down = wider range).
constexpr double kAxisDragBase = 1.005;
} // namespace

ChartView::ChartView(QWidget* parent) : QWidget(parent) {
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMinimumSize(200, 150);
    m_frameTimer.setSingleShot(true);
    m_frameTimer.setInterval(kFrameIntervalMs);
    connect(&m_frameTimer, &QTimer::timeout, this, [this] { update(); });
}

void ChartView::markDirty() {
    if (!m_frameTimer.isActive())
        m_frameTimer.start();
}

void ChartView::setBars(BarSeries bars) {
    m_model.setBars(std::move(bars));
    m_lastHistoryRequest.reset();
    m_renderer.timeScale().setBarCount(m_model.size());
    m_renderer.timeScale().scrollToLive();
    markDirty();
}

void ChartView::appendBar(const OhlcvRow& bar) {
    m_model.appendBar(bar);
    // Follows the live edge when the newest bar was visible.
    m_renderer.timeScale().setBarCount(m_model.size());
    markDirty();
}

void ChartView::updateLastBar(const OhlcvRow& bar) {
    m_model.updateLastBar(bar);
    markDirty();
}

void ChartView::setChartStyle(ChartStyle style) {
    m_renderer.setStyle(style);
    update();
}

void ChartView::setTheme(const ChartTheme& theme) {
    m_renderer.setTheme(theme);
    update();
}

void ChartView::scrollToLive() {
    m_renderer.timeScale().scrollToLive();
    update();
}

std::optional<ChartView::ViewAnchor> ChartView::viewAnchor() const {
    const TimeScale& ts = m_renderer.timeScale();
    if (m_model.empty() || ts.followsLive())
        return std::nullopt;
    const auto times = m_model.bars().time();
    const double right = ts.rightIndex();
    const double last = static_cast<double>(times.size() - 1);
    const double index = std::clamp(std::floor(right), 0.0, last);
    return ViewAnchor{times[static_cast<std::size_t>(index)], right - index, ts.barSpacing()};
}

bool ChartView::restoreView(const ViewAnchor& anchor) {
    const auto times = m_model.bars().time();
    const auto it = std::lower_bound(times.begin(), times.end(), anchor.time);
    if (it == times.end() || *it != anchor.time)
        return false;
    TimeScale& ts = m_renderer.timeScale();
    ts.setBarCount(m_model.size());
    ts.setBarSpacing(anchor.spacingPx);
    ts.setRightIndex(static_cast<double>(it - times.begin()) + anchor.offset);
    markDirty();
    return true;
}

void ChartView::setHistoryStart(bool atStart) {
    if (atStart == m_historyStart)
        return;
    m_historyStart = atStart;
    markDirty();
}

void ChartView::setActiveTool(DrawingTool tool) {
    m_drawingEditor.setTool(tool);
    syncDrawingSignals();
    if (m_drag == DragMode::None)
        updateDrawingCursor(mapFromGlobal(QCursor::pos()));
    update();
}

void ChartView::setDrawings(std::vector<ChartDrawing> drawings) {
    m_drawingEditor.setDrawings(std::move(drawings));
    m_drawingRevision = m_drawingEditor.revision();
    update();
}

void ChartView::setOrderLineOverlay(OrderLineOverlay* overlay) {
    if (m_orderLines)
        disconnect(m_orderLines, nullptr, this, nullptr);
    m_orderLines = overlay;
    if (overlay)
        connect(overlay, &OrderLineOverlay::changed, this, [this] { update(); });
    update();
}

OrderLineOverlay* ChartView::orderLineOverlay() const {
    return m_orderLines;
}

void ChartView::setAutoscaleExtraLevels(std::vector<double> levels) {
    m_extraLevels = std::move(levels);
    update();
}

void ChartView::syncDrawingSignals() {
    if (m_drawingEditor.revision() != m_drawingRevision) {
        m_drawingRevision = m_drawingEditor.revision();
        emit drawingsChanged();
    }
    if (m_drawingEditor.tool() != m_announcedTool) {
        m_announcedTool = m_drawingEditor.tool();
        emit activeToolChanged(m_announcedTool);
    }
}

void ChartView::updateDrawingCursor(const QPointF& pos) {
    if (m_drawingEditor.tool() != DrawingTool::None || m_drawingEditor.isPlacing()) {
        setCursor(Qt::CrossCursor);
        return;
    }
    if (m_orderLines) {
        const auto line = m_orderLines->hitTest(pos, m_renderer.currentLayout().pricePlot,
                                                m_renderer.priceScale());
        if (line) {
            const bool draggable =
                m_orderLines->lines()[static_cast<std::size_t>(line->index)].draggable;
            if (line->part == OrderLineOverlay::Part::Close)
                setCursor(Qt::PointingHandCursor);
            else if (draggable)
                setCursor(Qt::SizeVerCursor);
            else
                unsetCursor();
            return;
        }
    }
    const auto hit = m_renderer.regionAt(pos.toPoint()) == ChartRenderer::Region::PricePlot
                         ? m_drawingEditor.hitTest(pos, m_renderer.drawingCoordinates(m_model))
                         : std::nullopt;
    if (!hit)
        unsetCursor();
    else if (hit->part == DrawingEditor::Part::Body)
        setCursor(Qt::SizeAllCursor);
    else
        setCursor(Qt::PointingHandCursor);
}

void ChartView::ensureLayout() {
    m_renderer.layout(rect(), m_model);
}

void ChartView::paintEvent(QPaintEvent*) {
    QPainter p(this);
    m_renderer.setDrawingOverlay(
        {m_drawingEditor.drawings(), m_drawingEditor.pending(), m_drawingEditor.selectedId()});
    std::vector<double> levels = m_extraLevels;
    if (m_orderLines) {
        for (const OrderLine& line : m_orderLines->lines())
            levels.push_back(line.price.toDouble());
    }
    m_renderer.setAutoscaleExtraLevels(std::move(levels));
    m_renderer.paint(p, rect(), m_model);
    if (m_orderLines)
        m_orderLines->paint(p, m_renderer.currentLayout().pricePlot, m_renderer.priceScale());
    if (m_historyStart && !m_model.empty()) {
        // Next to the oldest bar, when it is in view: scrolling further loads nothing.
        const QRect plot = m_renderer.currentLayout().pricePlot;
        const double x = plot.left() + m_renderer.timeScale().xOf(0.0);
        if (x >= plot.left() && x < plot.right()) {
            constexpr int kWidth = 160;
            const bool roomLeft = x - plot.left() > kWidth + 8;
            const QRect box(roomLeft ? static_cast<int>(x) - 8 - kWidth : static_cast<int>(x) + 8,
                            plot.top() + 8, kWidth, 20);
            p.setPen(m_renderer.theme().mutedText);
            p.drawText(box, (roomLeft ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter,
                       tr("Start of history"));
        }
    }
    ++m_paintCount;
}

void ChartView::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    ensureLayout();
}

void ChartView::checkHistoryEdge() {
    if (m_model.empty() || m_historyStart)
        return;
    if (m_renderer.timeScale().indexAt(0.0) >= 0.0) {
        m_lastHistoryRequest.reset(); // left the oldest bar: coming back asks again
        return;
    }
    const TimestampNs oldest = m_model.bars().time().front();
    if (m_lastHistoryRequest && *m_lastHistoryRequest == oldest)
        return;
    m_lastHistoryRequest = oldest;
    emit historyRequested(oldest);
}

void ChartView::wheelEvent(QWheelEvent* event) {
    ensureLayout();
    const int delta = event->angleDelta().y();
    if (delta == 0) {
        event->ignore();
        return;
    }
    const double x = event->position().x() - m_renderer.currentLayout().pricePlot.left();
    m_renderer.timeScale().zoomAt(x, std::pow(kWheelZoomBase, delta));
    checkHistoryEdge();
    event->accept();
    update();
}

void ChartView::mousePressEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton) {
        QWidget::mousePressEvent(event);
        return;
    }
    ensureLayout();
    const ChartRenderer::Region region = m_renderer.regionAt(event->position().toPoint());
    if (region == ChartRenderer::Region::PricePlot && m_orderLines &&
        m_orderLines->press(event->position(), m_renderer.currentLayout().pricePlot,
                            m_renderer.priceScale())) {
        m_drag = m_orderLines->isDragging() ? DragMode::OrderLine : DragMode::None;
        m_lastPos = event->position();
        event->accept();
        update();
        return;
    }
    if (region == ChartRenderer::Region::PricePlot) {
        const bool hadSelection = m_drawingEditor.selectedId().has_value();
        if (m_drawingEditor.press(event->position(), m_renderer.drawingCoordinates(m_model))) {
            m_drag = DragMode::Drawing;
            m_lastPos = event->position();
            syncDrawingSignals();
            updateDrawingCursor(event->position());
            event->accept();
            update();
            return;
        }
        if (hadSelection) // the press on empty chart deselected
            update();
    }
    switch (region) {
    case ChartRenderer::Region::PricePlot:
    case ChartRenderer::Region::PanePlot:
        m_drag = DragMode::Pan;
        setCursor(Qt::ClosedHandCursor);
        break;
    case ChartRenderer::Region::PriceAxis:
        m_drag = DragMode::PriceScale;
        setCursor(Qt::SizeVerCursor);
        break;
    case ChartRenderer::Region::TimeAxis:
        m_drag = DragMode::TimeZoom;
        setCursor(Qt::SizeHorCursor);
        break;
    default:
        m_drag = DragMode::None;
        break;
    }
    m_lastPos = event->position();
    event->accept();
}

void ChartView::mouseMoveEvent(QMouseEvent* event) {
    const QPointF pos = event->position();
    const QPointF d = pos - m_lastPos;
    m_lastPos = pos;
    switch (m_drag) {
    case DragMode::Pan:
        m_renderer.timeScale().pan(d.x());
        checkHistoryEdge();
        break;
    case DragMode::PriceScale:
        m_renderer.priceScale().scaleBy(std::pow(kAxisDragBase, d.y()));
        break;
    case DragMode::TimeZoom: {
        // Dragging the time axis to the right spreads the bars, anchored at the right edge.
        const auto& ts = m_renderer.timeScale();
        m_renderer.timeScale().zoomAt(ts.width(), std::pow(kAxisDragBase, d.x()));
        checkHistoryEdge();
        break;
    }
    case DragMode::Drawing:
        m_drawingEditor.move(pos, m_renderer.drawingCoordinates(m_model));
        break;
    case DragMode::OrderLine:
        if (m_orderLines)
            m_orderLines->move(pos, m_renderer.currentLayout().pricePlot, m_renderer.priceScale());
        break;
    case DragMode::None:
        // A drawing placed click by click follows the pointer.
        if (m_drawingEditor.isPlacing())
            m_drawingEditor.move(pos, m_renderer.drawingCoordinates(m_model));
        updateDrawingCursor(pos);
        break;
    case DragMode::Invalid:
        break;
    }
    m_renderer.setCrosshair(m_drag == DragMode::None || m_drag == DragMode::Pan ||
                                    m_drag == DragMode::Drawing
                                ? std::optional<QPointF>(pos)
                                : std::nullopt);
    update();
}

void ChartView::mouseReleaseEvent(QMouseEvent* event) {
    if (event->button() == Qt::LeftButton) {
        if (m_drag == DragMode::OrderLine && m_orderLines) {
            ensureLayout();
            m_orderLines->release(event->position(), m_renderer.currentLayout().pricePlot,
                                  m_renderer.priceScale());
            update();
        }
        if (m_drag == DragMode::Drawing) {
            ensureLayout();
            m_drawingEditor.release(event->position(), m_renderer.drawingCoordinates(m_model));
            syncDrawingSignals();
            update();
        }
        m_drag = DragMode::None;
        updateDrawingCursor(event->position());
    }
    QWidget::mouseReleaseEvent(event);
}

void ChartView::mouseDoubleClickEvent(QMouseEvent* event) {
    ensureLayout();
    // On a drawing or while placing, the second click of a double-click is a plain press.
    if (event->button() == Qt::LeftButton &&
        m_renderer.regionAt(event->position().toPoint()) == ChartRenderer::Region::PricePlot &&
        m_drawingEditor.wantsPointer(event->position(), m_renderer.drawingCoordinates(m_model))) {
        mousePressEvent(event);
        return;
    }
    switch (m_renderer.regionAt(event->position().toPoint())) {
    case ChartRenderer::Region::PriceAxis:
        m_renderer.priceScale().setAutoScale(true);
        break;
    case ChartRenderer::Region::PricePlot:
    case ChartRenderer::Region::PanePlot:
    case ChartRenderer::Region::TimeAxis:
        m_renderer.timeScale().scrollToLive();
        break;
    default:
        break;
    }
    event->accept();
    update();
}

void ChartView::keyPressEvent(QKeyEvent* event) {
    if (event->key() == Qt::Key_Escape && m_drag == DragMode::OrderLine && m_orderLines) {
        m_orderLines->cancelDrag();
        m_drag = DragMode::None;
        event->accept();
        update();
        return;
    }
    if (m_drawingEditor.key(event->key())) {
        syncDrawingSignals();
        if (m_drag == DragMode::None)
            updateDrawingCursor(mapFromGlobal(QCursor::pos()));
        event->accept();
        update();
        return;
    }
    auto& ts = m_renderer.timeScale();
    switch (event->key()) {
    case Qt::Key_End:
        ts.scrollToLive();
        break;
    case Qt::Key_Home:
        ts.setBarSpacing(ts.minSpacing());
        ts.scrollToLive();
        break;
    case Qt::Key_Left:
        ts.pan(ts.width() * 0.1);
        checkHistoryEdge();
        break;
    case Qt::Key_Right:
        ts.pan(-ts.width() * 0.1);
        break;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        ts.zoomAt(ts.width(), 1.25);
        break;
    case Qt::Key_Minus:
        ts.zoomAt(ts.width(), 0.8);
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
    update();
}

void ChartView::contextMenuEvent(QContextMenuEvent* event) {
    ensureLayout();
    if (m_drag != DragMode::None ||
        m_renderer.regionAt(event->pos()) != ChartRenderer::Region::PricePlot) {
        QWidget::contextMenuEvent(event);
        return;
    }
    event->accept();
    emit priceContextMenuRequested(event->globalPos(),
                                   m_renderer.priceScale().valueAt(event->pos().y()));
}

void ChartView::leaveEvent(QEvent* event) {
    m_renderer.setCrosshair(std::nullopt);
    update();
    QWidget::leaveEvent(event);
}

} // namespace cw::ui
