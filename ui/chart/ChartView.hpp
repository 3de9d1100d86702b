// SPDX-License-Identifier: MIT
#pragma once

#include "core/domain/BarSeries.hpp"
#include "ui/chart/ChartModel.hpp"
#include "ui/chart/ChartRenderer.hpp"
#include "ui/chart/DrawingEditor.hpp"

#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <cstdint>
#include <optional>
#include <vector>

namespace cw::ui {

class OrderLineOverlay;

/// The live candle chart widget: a ChartModel painted by a ChartRenderer, with
/// TradingView-style interaction.
///
/// Input: the wheel zooms around the pointer; dragging the plot pans; dragging the price axis
/// scales prices manually (double-click on it returns to autoscale); dragging the time axis
/// zooms horizontally; double-click in the plot or the End key returns to the live edge;
/// Home shows all bars; the crosshair follows the pointer. Drawings (DrawingEditor): while a
/// tool is active, or when the press is on a drawing, the editor takes the price plot's mouse
/// events (place, select, move, reshape) and Escape / Delete / Backspace; otherwise the plot
/// pans as usual. While the newest bar is visible, appended bars scroll in. Scrolling to the
/// oldest bar emits `historyRequested` once so older history can be loaded lazily: not again
/// until older bars arrived, or the view left the oldest bar and came back (a retry after a
/// failed page), and never once `setHistoryStart(true)` says there is nothing older (the plot
/// then shows "Start of history" next to the oldest bar).
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

    /// Where the view is in the data, by time: the bar at the right edge, the fraction of a
    /// bar beyond it, and the zoom. Taken before the bars are replaced by a longer series of
    /// the same timeframe (a page of older history) and given back to `restoreView`.
    struct ViewAnchor {
        TimestampNs time = 0; ///< open time of the bar at the right edge
        double offset = 0.0;  ///< right edge minus that bar's index, in bars
        double spacingPx = 0.0;
    };
    /// Nullopt when there is nothing to keep: no bars, or the view follows the live edge.
    std::optional<ViewAnchor> viewAnchor() const;
    /// Puts the anchor's bar back under the same pixels (same zoom); false, changing nothing,
    /// when the bars no longer hold a bar opening at `anchor.time`.
    bool restoreView(const ViewAnchor& anchor);

    /// Whether the oldest bar is the oldest the venue has (no more historyRequested then).
    void setHistoryStart(bool atStart);
    bool isHistoryStart() const { return m_historyStart; }

    /// The tool the next clicks in the price plot place; goes back to None once a drawing is
    /// finished or on Escape (activeToolChanged tells).
    void setActiveTool(DrawingTool tool);
    DrawingTool activeTool() const { return m_drawingEditor.tool(); }
    /// The drawings, in data coordinates (time, price): they keep their place when `setBars`
    /// shows another timeframe of the same instrument.
    const std::vector<ChartDrawing>& drawings() const { return m_drawingEditor.drawings(); }
    /// Replaces the drawings (e.g. another instrument's); does not emit drawingsChanged.
    void setDrawings(std::vector<ChartDrawing> drawings);
    DrawingEditor& drawingEditor() { return m_drawingEditor; }

    /// The trading overlay (working orders, position, SL/TP lines), painted over the price
    /// plot; it takes presses on its lines and labels before the drawings do. Not owned; may
    /// be null. Right-clicks in the price plot emit priceContextMenuRequested.
    void setOrderLineOverlay(OrderLineOverlay* overlay);
    OrderLineOverlay* orderLineOverlay() const;

    /// Prices the price axis's autoscale also shows when they are near the visible bars (see
    /// ChartRenderer::setAutoscaleExtraLevels), e.g. alert levels. The order overlay's lines
    /// (working orders, position entry, stop-loss, take-profit) are always taken as well, at
    /// their current prices (not while being dragged, so the axis holds still under the
    /// pointer). Non-finite values are ignored.
    void setAutoscaleExtraLevels(std::vector<double> levels);
    const std::vector<double>& autoscaleExtraLevels() const { return m_extraLevels; }

    /// Schedules one coalesced repaint (after changing the model directly).
    void markDirty();
    bool isRepaintPending() const { return m_frameTimer.isActive(); }
    /// Frames painted so far (for tests and diagnostics).
    quint64 paintCount() const { return m_paintCount; }

signals:
    /// The user scrolled to the oldest bar, whose open time is `oldestTime`: load older bars.
    void historyRequested(cw::TimestampNs oldestTime);
    /// The user added, moved, reshaped or removed a drawing (emitted once per finished edit).
    void drawingsChanged();
    /// The active drawing tool changed (also when it returns to None by itself).
    void activeToolChanged(cw::ui::DrawingTool tool);
    /// Right-click in the price plot at `price` (the y's value; not snapped), `globalPos` for
    /// the menu.
    void priceContextMenuRequested(const QPoint& globalPos, double price);

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
    void contextMenuEvent(QContextMenuEvent* event) override;

private:
    enum class DragMode { Invalid = 0, None, Pan, PriceScale, TimeZoom, Drawing, OrderLine };

    void ensureLayout();
    void checkHistoryEdge();
    /// Emits drawingsChanged / activeToolChanged for what the editor just did.
    void syncDrawingSignals();
    void updateDrawingCursor(const QPointF& pos);

    ChartModel m_model;
    ChartRenderer m_renderer;
    QTimer m_frameTimer;
    DrawingEditor m_drawingEditor;
    QPointer<OrderLineOverlay> m_orderLines;
    std::vector<double> m_extraLevels;
    std::uint64_t m_drawingRevision = 0;
    DrawingTool m_announcedTool = DrawingTool::None;
    DragMode m_drag = DragMode::None;
    QPointF m_lastPos;
    std::optional<TimestampNs> m_lastHistoryRequest;
    bool m_historyStart = false;
    quint64 m_paintCount = 0;
};

} // namespace cw::ui
