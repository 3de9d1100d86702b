// SPDX-License-Identifier: MIT
#pragma once

#include "core/domain/BarSeries.hpp"
#include "ui/chart/ChartModel.hpp"
#include "ui/chart/ChartRenderer.hpp"

#include <QTimer>
#include <QWidget>

#include <optional>

namespace cw::ui {

/// The live candle chart widget: a ChartModel painted by a ChartRenderer, with
/// TradingView-style interaction.
///
/// Input: the wheel zooms around the pointer; dragging the plot pans; dragging the price axis
/// scales prices manually (double-click on it returns to autoscale); dragging the time axis
/// zooms horizontally; double-click in the plot or the End key returns to the live edge;
/// Home shows all bars; the crosshair follows the pointer. While the newest bar is visible,
/// appended bars scroll in. Scrolling past the oldest bar emits `historyRequested` once per
/// oldest bar so older history can be loaded lazily.
///
/// Data calls (`setBars`, `appendBar`, `updateLastBar`, indicator changes through `model()`
/// followed by `markDirty`) never paint: they mark the chart dirty and a single-shot timer
/// repaints at most once per `kFrameIntervalMs`, however many ticks arrive.
/// Thread: GUI.
class ChartView : public QWidget {
    Q_OBJECT

public:
    static constexpr int kFrameIntervalMs = 25;

    explicit ChartView(QWidget* parent = nullptr);

    ChartModel& model() { return m_model; }
    const ChartModel& model() const { return m_model; }
    ChartRenderer& renderer() { return m_renderer; }

    /// Replaces the history and shows its newest bars.
    void setBars(BarSeries bars);
    void appendBar(const OhlcvRow& bar);
    void updateLastBar(const OhlcvRow& bar);

    void setChartStyle(ChartStyle style);
    void setTheme(const ChartTheme& theme);
    /// Shows the newest bar and follows appended bars again.
    void scrollToLive();

    /// Schedules one coalesced repaint (after changing the model directly).
    void markDirty();
    bool isRepaintPending() const { return m_frameTimer.isActive(); }
    /// Frames painted so far (for tests and diagnostics).
    quint64 paintCount() const { return m_paintCount; }

signals:
    /// The user scrolled past the oldest bar, whose open time is `oldestTime`.
    void historyRequested(cw::TimestampNs oldestTime);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void leaveEvent(QEvent* event) override;

private:
    enum class DragMode { Invalid = 0, None, Pan, PriceScale, TimeZoom };

    void ensureLayout();
    void checkHistoryEdge();

    ChartModel m_model;
    ChartRenderer m_renderer;
    QTimer m_frameTimer;
    DragMode m_drag = DragMode::None;
    QPointF m_lastPos;
    std::optional<TimestampNs> m_lastHistoryRequest;
    quint64 m_paintCount = 0;
};

} // namespace cw::ui
