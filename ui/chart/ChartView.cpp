// SPDX-License-Identifier: MIT
#include "ui/chart/ChartView.hpp"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>

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

void ChartView::ensureLayout() {
    m_renderer.layout(rect(), m_model);
}

void ChartView::paintEvent(QPaintEvent*) {
    QPainter p(this);
    m_renderer.paint(p, rect(), m_model);
    ++m_paintCount;
}

void ChartView::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    ensureLayout();
}

void ChartView::checkHistoryEdge() {
    if (m_model.empty())
        return;
    if (m_renderer.timeScale().indexAt(0.0) >= 0.0)
        return;
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
    switch (m_renderer.regionAt(event->position().toPoint())) {
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
    case DragMode::None:
    case DragMode::Invalid:
        break;
    }
    m_renderer.setCrosshair(m_drag == DragMode::None || m_drag == DragMode::Pan
                                ? std::optional<QPointF>(pos)
                                : std::nullopt);
    update();
}

void ChartView::mouseReleaseEvent(QMouseEvent* event) {
    if (event->button() == Qt::LeftButton) {
        m_drag = DragMode::None;
        unsetCursor();
    }
    QWidget::mouseReleaseEvent(event);
}

void ChartView::mouseDoubleClickEvent(QMouseEvent* event) {
    ensureLayout();
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

void ChartView::leaveEvent(QEvent* event) {
    m_renderer.setCrosshair(std::nullopt);
    update();
    QWidget::leaveEvent(event);
}

} // namespace cw::ui
