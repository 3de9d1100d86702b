// SPDX-License-Identifier: MIT
#pragma once

#include "ui/chart/AxisPainter.hpp"
#include "ui/chart/CandleLayer.hpp"
#include "ui/chart/ChartFrame.hpp"
#include "ui/chart/ChartLayout.hpp"
#include "ui/chart/ChartModel.hpp"
#include "ui/chart/ChartStyle.hpp"
#include "ui/chart/ChartTheme.hpp"
#include "ui/chart/ColumnDecimator.hpp"
#include "ui/chart/DrawingCoordinates.hpp"
#include "ui/chart/DrawingRenderer.hpp"
#include "ui/chart/PriceScale.hpp"
#include "ui/chart/ReadoutPainter.hpp"
#include "ui/chart/SeriesLayer.hpp"
#include "ui/chart/SpanCanvas.hpp"
#include "ui/chart/TimeAxisLabeler.hpp"
#include "ui/chart/TimeScale.hpp"

#include <QFont>
#include <QPointF>
#include <QRect>
#include <QTimeZone>

#include <optional>
#include <span>
#include <utility>
#include <vector>

class QPainter;

namespace cw::ui {

/// Paints a ChartModel onto any QPainter (a widget, a QImage for tests and benchmarks):
/// background, grid, bars in the chosen style with up/down colours, volume at the bottom of
/// the price pane, overlay indicators, one pane per pane indicator (levels, histogram, lines)
/// with its own scale, the price axis, time axis labels, the last-price line and label, and the
/// crosshair with an OHLCV + indicator readout.
///
/// Only the visible bars are touched. Zoomed out below `kDetailSpacingPx` per bar, every pixel
/// column is one vertical line spanning exactly the extremes of its bars (ColumnDecimator +
/// MinMaxPyramid), for bars, volume, overlays and pane outputs alike, so a frame costs
/// O(width x log n) however many bars there are; the column summaries are cached between
/// frames (a tick re-queries the forming bar's column only), and the spans are written straight
/// into a raster image (SpanCanvas). Autoscale reads the same pyramids. The drawing is split
/// into layers (CandleLayer, SeriesLayer, AxisPainter, ReadoutPainter) that share one
/// ChartFrame per paint; their buffers are reused from frame to frame.
///
/// The renderer owns the time scale (shared by all panes), the price scale and the pane scales;
/// ChartView drives them from input. Thread: GUI; not thread-safe.
class ChartRenderer {
public:
    /// Below this bar spacing the bars are drawn per pixel column.
    static constexpr double kDetailSpacingPx = 3.0;
    /// How far beyond the visible data an autoscale extra level may lie and still be shown, as
    /// a fraction of the visible data's price span (see setAutoscaleExtraLevels).
    static constexpr double kExtraLevelReach = 0.5;
    /// Share of the price pane's height used by the volume bars.
    static constexpr double kVolumeFraction = 0.2;

    /// Where things are, in the painter's coordinates, after `layout`.
    using Layout = ChartLayout;

    /// Which part of the chart a point is in (for input handling).
    enum class Region {
        Invalid = 0,
        PricePlot,
        PanePlot,
        PriceAxis,
        PaneAxis,
        TimeAxis,
        Outside,
    };

    ChartRenderer();

    void setTheme(const ChartTheme& theme) { m_theme = theme; }
    const ChartTheme& theme() const { return m_theme; }
    void setStyle(ChartStyle style);
    ChartStyle style() const { return m_style; }
    void setVolumeVisible(bool visible) { m_showVolume = visible; }
    bool volumeVisible() const { return m_showVolume; }
    void setTimeZone(const QTimeZone& zone) { m_labeler.setTimeZone(zone); }
    void setFont(const QFont& font) { m_font = font; }
    /// Crosshair position in painter coordinates; nullopt hides it (the readout then shows
    /// the last bar).
    void setCrosshair(std::optional<QPointF> position) { m_crosshair = position; }
    std::optional<QPointF> crosshair() const { return m_crosshair; }
    /// The trader's drawings, painted above candles and overlays and below the crosshair. The
    /// overlay holds views: its storage must stay alive until the next `paint`.
    void setDrawingOverlay(const DrawingOverlay& overlay) { m_drawingOverlay = overlay; }
    /// Prices the price pane's autoscale shows besides the visible bars and overlays: working
    /// orders, the position's entry, its stop-loss and take-profit (ChartView passes its order
    /// lines), as TWS and MT5 show a working order just outside the candles. Only levels near
    /// the data count: at most kExtraLevelReach times the data's span above its high or below
    /// its low, so a far-away stop does not squash the candles. Non-finite values are ignored;
    /// a manual price scale ignores them all. Kept until replaced.
    void setAutoscaleExtraLevels(std::vector<double> levels) { m_extraLevels = std::move(levels); }
    const std::vector<double>& autoscaleExtraLevels() const { return m_extraLevels; }
    /// Anchor <-> pixel mapping of the price plot as of the last `layout`/`paint`.
    DrawingCoordinates drawingCoordinates(const ChartModel& model) const;

    TimeScale& timeScale() { return m_timeScale; }
    const TimeScale& timeScale() const { return m_timeScale; }
    PriceScale& priceScale() { return m_priceScale; }
    const PriceScale& priceScale() const { return m_priceScale; }

    /// Places the panes and axes in `area` and applies the sizes to the scales.
    void layout(const QRect& area, const ChartModel& model);
    const Layout& currentLayout() const { return m_layout; }
    Region regionAt(const QPoint& point) const;

    /// Lays out and paints one frame.
    void paint(QPainter& painter, const QRect& area, const ChartModel& model);

    /// The per-column cache, for tests and profiling (how many columns a frame re-queried).
    const ColumnDecimator& decimator() const { return m_decimator; }
    /// For tests: draw zoomed-out columns through QPainter even into a raster image.
    void setDirectSpans(bool enabled) { m_canvas.setForceFallback(!enabled); }

private:
    ChartFrame makeFrame(const ChartModel& model);
    void fitScales(const ChartModel& model, const ChartFrame& f);
    void paintPriceLayers(QPainter& p, const ChartModel& model, const ChartFrame& f);
    void paintPanes(QPainter& p, const ChartModel& model, const ChartFrame& f);

    ChartTheme m_theme = ChartTheme::dark();
    ChartStyle m_style = ChartStyle::Candles;
    bool m_showVolume = true;
    QFont m_font;
    std::optional<QPointF> m_crosshair;
    std::vector<double> m_extraLevels;
    DrawingOverlay m_drawingOverlay;
    DrawingRenderer m_drawingRenderer;

    TimeScale m_timeScale;
    PriceScale m_priceScale;
    std::vector<PriceScale> m_paneScales;
    TimeAxisLabeler m_labeler;
    Layout m_layout;

    // Kept across frames: the column cache and the layers' buffers.
    ColumnDecimator m_decimator;
    SpanCanvas m_canvas;
    CandleLayer m_candles;
    SeriesLayer m_series;
    AxisPainter m_axes;
    ReadoutPainter m_readout;
    std::span<const TimeAxisLabel> m_timeLabels;
};

} // namespace cw::ui
