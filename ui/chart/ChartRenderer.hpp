// SPDX-License-Identifier: MIT
#pragma once

#include "ui/chart/ChartModel.hpp"
#include "ui/chart/ChartStyle.hpp"
#include "ui/chart/ChartTheme.hpp"
#include "ui/chart/ColumnDecimator.hpp"
#include "ui/chart/DrawingCoordinates.hpp"
#include "ui/chart/DrawingRenderer.hpp"
#include "ui/chart/PriceScale.hpp"
#include "ui/chart/TimeAxisLabeler.hpp"
#include "ui/chart/TimeScale.hpp"

#include <QFont>
#include <QLine>
#include <QPen>
#include <QPointF>
#include <QRect>
#include <QTimeZone>

#include <optional>
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
/// O(width x log n) however many bars there are. Autoscale reads the same pyramids. Line,
/// rectangle and point buffers are members reused from frame to frame.
///
/// The renderer owns the time scale (shared by all panes), the price scale and the pane scales;
/// ChartView drives them from input. Thread: GUI; not thread-safe.
class ChartRenderer {
public:
    /// Below this bar spacing the bars are drawn per pixel column.
    static constexpr double kDetailSpacingPx = 3.0;
    /// Share of the price pane's height used by the volume bars.
    static constexpr double kVolumeFraction = 0.2;

    /// Where things are, in the painter's coordinates, after `layout`.
    struct Layout {
        QRect area;
        QRect pricePlot;
        QRect priceAxis;
        QRect timeAxis;
        std::vector<QRect> panePlots; ///< one per pane indicator, in model order
        std::vector<QRect> paneAxes;
    };

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

private:
    struct Frame; // per-frame values shared by the drawing steps

    void fitScales(const ChartModel& model, const Frame& f);
    void drawGrid(QPainter& p, const Frame& f);
    void drawVolume(QPainter& p, const ChartModel& model, const Frame& f);
    void drawBars(QPainter& p, const ChartModel& model, const Frame& f);
    void drawBarColumns(QPainter& p, const ChartModel& model, const Frame& f);
    void drawLineSeries(QPainter& p, std::span<const double> values, const MinMaxPyramid& pyramid,
                        const PriceScale& scale, const QRect& plot, const Frame& f,
                        const QColor& color, double widthPx);
    void drawHistogram(QPainter& p, const ChartIndicator::Output& out, const PriceScale& scale,
                       const QRect& plot, const Frame& f);
    void drawPanes(QPainter& p, const ChartModel& model, const Frame& f);
    void drawPriceAxis(QPainter& p, const PriceScale& scale, const QRect& axis, int decimals);
    void drawTimeAxis(QPainter& p);
    void drawLastPrice(QPainter& p, const ChartModel& model, const Frame& f);
    void drawReadout(QPainter& p, const ChartModel& model, const Frame& f);
    void drawCrosshair(QPainter& p, const ChartModel& model, const Frame& f);
    void drawAxisLabel(QPainter& p, const QRect& box, const QString& text, const QColor& fill,
                       const QColor& textColor);
    void flushLines(QPainter& p, std::vector<QLine>& lines, const QColor& color);
    void flushRects(QPainter& p, std::vector<QRect>& rects, const QColor& color);
    QPen linePen(const QColor& color, double widthPx, const Frame& f) const;
    int barX(double index) const;

    ChartTheme m_theme = ChartTheme::dark();
    ChartStyle m_style = ChartStyle::Candles;
    bool m_showVolume = true;
    QFont m_font;
    std::optional<QPointF> m_crosshair;
    DrawingOverlay m_drawingOverlay;
    DrawingRenderer m_drawingRenderer;

    TimeScale m_timeScale;
    PriceScale m_priceScale;
    std::vector<PriceScale> m_paneScales;
    TimeAxisLabeler m_labeler;
    Layout m_layout;

    // Buffers reused across frames.
    ColumnDecimator m_decimator;
    std::vector<QLine> m_upLines;
    std::vector<QLine> m_downLines;
    std::vector<QRect> m_upRects;
    std::vector<QRect> m_downRects;
    std::vector<QPointF> m_points;
    std::span<const TimeAxisLabel> m_timeLabels;
};

} // namespace cw::ui
