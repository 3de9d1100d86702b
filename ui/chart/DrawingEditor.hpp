// SPDX-License-Identifier: MIT
#pragma once

#include "ui/chart/ChartDrawing.hpp"
#include "ui/chart/DrawingCoordinates.hpp"

#include <QColor>
#include <QPointF>

#include <cstdint>
#include <optional>
#include <vector>

namespace cw::ui {

/// The drawing tool the next clicks in the price plot place (None: clicks select and drag).
enum class DrawingTool {
    Invalid = 0,
    None,
    HorizontalLine,
    TrendLine,
    Rectangle,
    FibonacciRetracement,
};

/// The drawing kind a tool places (Invalid for None).
DrawingKind drawingKindFor(DrawingTool tool);

/// The set of drawings of one chart and the interaction that edits it, independent of
/// widgets: ChartView feeds it pointer positions (painter coordinates) and keys.
///
/// Placing: with a tool active, a press sets the first anchor. A horizontal line is done at
/// once; the other kinds either follow a drag and are done on release, or (a click without
/// dragging) follow the pointer until a second click. A finished drawing is selected and the
/// tool goes back to None. Escape cancels a half-placed drawing (and the tool).
/// Editing: with no tool, a press near a drawing (within `kHitTolerancePx`) selects it; dragging
/// its body moves all anchors by the same bar and price distance, dragging one of its anchor
/// handles moves that anchor only. Escape during a drag puts the drawing back. Delete or
/// Backspace removes the selected drawing. A press on empty chart deselects and is not taken,
/// so the chart pans as usual.
///
/// Each handler returns true when it took the event. `revision()` grows whenever the set of
/// drawings changed (a drawing finished, moved, removed, or the set replaced); moves during a
/// drag count once, on release. Thread: GUI; plain value type.
class DrawingEditor {
public:
    static constexpr double kHitTolerancePx = 6.0;
    /// A press and release closer than this are a click, farther a drag.
    static constexpr double kDragThresholdPx = 4.0;

    /// Which part of a drawing a point is on.
    enum class Part { Invalid = 0, Body, Anchor0, Anchor1 };
    struct Hit {
        std::uint64_t id = 0;
        Part part = Part::Invalid;
    };

    DrawingTool tool() const { return m_tool; }
    /// Activates a tool (None or Invalid: none); cancels a half-placed drawing.
    void setTool(DrawingTool tool);

    /// Colour and width given to new drawings.
    void setDefaultColor(const QColor& color) { m_defaultColor = color; }
    const QColor& defaultColor() const { return m_defaultColor; }
    void setDefaultWidth(double widthPx);
    double defaultWidth() const { return m_defaultWidth; }

    const std::vector<ChartDrawing>& drawings() const { return m_drawings; }
    /// Replaces the set (e.g. when another instrument is shown). Drawings of kind Invalid are
    /// dropped; a zero or repeated id gets a fresh one. Cancels placing, dragging and the
    /// selection.
    void setDrawings(std::vector<ChartDrawing> drawings);
    /// Adds a drawing (an Invalid kind is refused: returns 0); returns its id.
    std::uint64_t addDrawing(ChartDrawing drawing);
    /// Removes the drawing `id`; false when there is none.
    bool removeDrawing(std::uint64_t id);
    const ChartDrawing* find(std::uint64_t id) const;

    std::optional<std::uint64_t> selectedId() const { return m_selected; }
    /// Selects a drawing by id (an unknown id clears the selection).
    void select(std::optional<std::uint64_t> id);

    /// The drawing being placed (after its first click), else null.
    const ChartDrawing* pending() const { return m_pending ? &*m_pending : nullptr; }
    bool isPlacing() const { return m_state == State::Placing; }
    bool isDragging() const { return m_state == State::DragBody || m_state == State::DragAnchor; }
    std::uint64_t revision() const { return m_revision; }

    /// The topmost drawing part within `kHitTolerancePx` of `pos`: anchor handles before
    /// bodies, later drawings before earlier ones.
    std::optional<Hit> hitTest(const QPointF& pos, const DrawingCoordinates& coords) const;
    /// True when a press at `pos` would be taken (a tool is active, a drawing is being placed
    /// or dragged, or a drawing is under the pointer).
    bool wantsPointer(const QPointF& pos, const DrawingCoordinates& coords) const;

    bool press(const QPointF& pos, const DrawingCoordinates& coords);
    /// Pointer moved (button held or not): previews a drawing being placed, drags.
    bool move(const QPointF& pos, const DrawingCoordinates& coords);
    bool release(const QPointF& pos, const DrawingCoordinates& coords);
    /// Escape, Delete and Backspace (Qt::Key values); other keys are not taken.
    bool key(int qtKey);

private:
    enum class State { Invalid = 0, Idle, Placing, DragBody, DragAnchor, SwallowRelease };

    ChartDrawing* findMutable(std::uint64_t id);
    void commitPending();
    void cancelPlacing();
    bool hitsBody(const ChartDrawing& d, const QPointF& pos, const DrawingCoordinates& c) const;

    std::vector<ChartDrawing> m_drawings;
    std::optional<ChartDrawing> m_pending;
    std::optional<std::uint64_t> m_selected;
    DrawingTool m_tool = DrawingTool::None;
    State m_state = State::Idle;
    bool m_placingButtonDown = false;
    QPointF m_pressPos;
    ChartDrawing m_dragOriginal; // the dragged drawing as it was at the press
    int m_dragAnchor = 0;
    QColor m_defaultColor = ChartDrawing{}.color;
    double m_defaultWidth = 1.0;
    std::uint64_t m_nextId = 1;
    std::uint64_t m_revision = 0;
};

} // namespace cw::ui
