// SPDX-License-Identifier: MIT
#include "ui/chart/DrawingEditor.hpp"

#include <QLineF>
#include <QRectF>

#include <algorithm>
#include <cmath>
#include <utility>

namespace cw::ui {

namespace {

constexpr double kMaxWidthPx = 10.0;

double distanceToSegment(const QPointF& p, const QPointF& a, const QPointF& b) {
    const QPointF ab = b - a;
    const double len2 = QPointF::dotProduct(ab, ab);
    double t = len2 > 0.0 ? QPointF::dotProduct(p - a, ab) / len2 : 0.0;
    t = std::clamp(t, 0.0, 1.0);
    return QLineF(p, a + ab * t).length();
}

bool finitePoint(const QPointF& p) {
    return std::isfinite(p.x()) && std::isfinite(p.y());
}

} // namespace

DrawingKind drawingKindFor(DrawingTool tool) {
    switch (tool) {
    case DrawingTool::HorizontalLine:
        return DrawingKind::HorizontalLine;
    case DrawingTool::TrendLine:
        return DrawingKind::TrendLine;
    case DrawingTool::Rectangle:
        return DrawingKind::Rectangle;
    case DrawingTool::FibonacciRetracement:
        return DrawingKind::FibonacciRetracement;
    case DrawingTool::None:
    case DrawingTool::Invalid:
        break;
    }
    return DrawingKind::Invalid;
}

void DrawingEditor::setTool(DrawingTool tool) {
    if (m_state == State::Placing)
        cancelPlacing();
    m_tool = drawingKindFor(tool) == DrawingKind::Invalid ? DrawingTool::None : tool;
}

void DrawingEditor::setDefaultWidth(double widthPx) {
    if (std::isfinite(widthPx))
        m_defaultWidth = std::clamp(widthPx, 1.0, kMaxWidthPx);
}

void DrawingEditor::setDrawings(std::vector<ChartDrawing> drawings) {
    m_pending.reset();
    m_selected.reset();
    m_state = State::Idle;
    m_drawings.clear();
    m_nextId = 1;
    for (const ChartDrawing& d : drawings) {
        if (d.id >= m_nextId)
            m_nextId = d.id + 1;
    }
    for (ChartDrawing& d : drawings) {
        if (d.anchorCount() == 0)
            continue;
        if (d.id == 0 || find(d.id) != nullptr)
            d.id = m_nextId++;
        m_drawings.push_back(std::move(d));
    }
    ++m_revision;
}

std::uint64_t DrawingEditor::addDrawing(ChartDrawing drawing) {
    if (drawing.anchorCount() == 0)
        return 0;
    drawing.id = m_nextId++;
    m_drawings.push_back(std::move(drawing));
    ++m_revision;
    return m_drawings.back().id;
}

bool DrawingEditor::removeDrawing(std::uint64_t id) {
    const auto it = std::find_if(m_drawings.begin(), m_drawings.end(),
                                 [id](const ChartDrawing& d) { return d.id == id; });
    if (it == m_drawings.end())
        return false;
    if (isDragging() && m_dragOriginal.id == id)
        m_state = State::Idle;
    m_drawings.erase(it);
    if (m_selected == id)
        m_selected.reset();
    ++m_revision;
    return true;
}

const ChartDrawing* DrawingEditor::find(std::uint64_t id) const {
    for (const ChartDrawing& d : m_drawings) {
        if (d.id == id)
            return &d;
    }
    return nullptr;
}

ChartDrawing* DrawingEditor::findMutable(std::uint64_t id) {
    return const_cast<ChartDrawing*>(std::as_const(*this).find(id));
}

void DrawingEditor::select(std::optional<std::uint64_t> id) {
    m_selected = id && find(*id) ? id : std::nullopt;
}

bool DrawingEditor::hitsBody(const ChartDrawing& d, const QPointF& pos,
                             const DrawingCoordinates& c) const {
    const double tol = kHitTolerancePx;
    const QPointF a = c.toPixel(d.anchors[0]);
    const QPointF b = c.toPixel(d.anchors[1]);
    switch (d.kind) {
    case DrawingKind::HorizontalLine:
        return std::abs(pos.y() - a.y()) <= tol && pos.x() >= c.plot().left() - tol &&
               pos.x() <= c.plot().right() + tol;
    case DrawingKind::TrendLine:
        return distanceToSegment(pos, a, b) <= tol;
    case DrawingKind::Rectangle:
        // Inside counts too: the box is filled.
        return QRectF(a, b).normalized().adjusted(-tol, -tol, tol, tol).contains(pos);
    case DrawingKind::FibonacciRetracement: {
        if (distanceToSegment(pos, a, b) <= tol)
            return true;
        const double left = std::min(a.x(), b.x());
        const double right = std::max(a.x(), b.x());
        for (double level : ChartDrawing::kFibonacciLevels) {
            const double y = c.yOfPrice(d.fibonacciPrice(level));
            if (distanceToSegment(pos, {left, y}, {right, y}) <= tol)
                return true;
        }
        return false;
    }
    case DrawingKind::Invalid:
        break;
    }
    return false;
}

std::optional<DrawingEditor::Hit> DrawingEditor::hitTest(const QPointF& pos,
                                                         const DrawingCoordinates& coords) const {
    if (!coords.valid() || !finitePoint(pos))
        return std::nullopt;
    for (auto it = m_drawings.rbegin(); it != m_drawings.rend(); ++it) {
        const ChartDrawing& d = *it;
        if (d.kind == DrawingKind::HorizontalLine) {
            if (hitsBody(d, pos, coords))
                return Hit{d.id, Part::Body};
            continue;
        }
        for (int k = 0; k < d.anchorCount(); ++k) {
            const QPointF handle = coords.toPixel(d.anchors[static_cast<std::size_t>(k)]);
            if (QLineF(pos, handle).length() <= kHitTolerancePx)
                return Hit{d.id, k == 0 ? Part::Anchor0 : Part::Anchor1};
        }
        if (hitsBody(d, pos, coords))
            return Hit{d.id, Part::Body};
    }
    return std::nullopt;
}

bool DrawingEditor::wantsPointer(const QPointF& pos, const DrawingCoordinates& coords) const {
    if (m_tool != DrawingTool::None || m_state != State::Idle)
        return true;
    return hitTest(pos, coords).has_value();
}

void DrawingEditor::commitPending() {
    ChartDrawing d = std::move(*m_pending);
    m_pending.reset();
    if (d.kind == DrawingKind::HorizontalLine)
        d.anchors[1] = d.anchors[0];
    d.id = m_nextId++;
    m_selected = d.id;
    m_drawings.push_back(std::move(d));
    m_tool = DrawingTool::None;
    ++m_revision;
}

void DrawingEditor::cancelPlacing() {
    m_pending.reset();
    m_placingButtonDown = false;
    m_state = State::Idle;
}

bool DrawingEditor::press(const QPointF& pos, const DrawingCoordinates& coords) {
    if (!coords.valid() || !finitePoint(pos))
        return false;
    if (m_state == State::Placing) {
        // The second click of click-move-click placement; one on the first anchor is ignored
        // (it would make an invisible drawing).
        const QPointF first = coords.toPixel(m_pending->anchors[0]);
        if (QLineF(pos, first).length() >= kDragThresholdPx) {
            m_pending->anchors[1] = coords.toData(pos);
            commitPending();
            m_state = State::SwallowRelease;
        }
        return true;
    }
    if (m_tool != DrawingTool::None) {
        const DrawingAnchor anchor = coords.toData(pos);
        ChartDrawing d;
        d.kind = drawingKindFor(m_tool);
        d.anchors = {anchor, anchor};
        d.color = m_defaultColor;
        d.widthPx = m_defaultWidth;
        m_pending = d;
        if (d.kind == DrawingKind::HorizontalLine) {
            commitPending();
            m_state = State::SwallowRelease;
        } else {
            m_state = State::Placing;
            m_placingButtonDown = true;
            m_pressPos = pos;
        }
        return true;
    }
    const auto hit = hitTest(pos, coords);
    if (!hit) {
        m_selected.reset();
        return false;
    }
    m_selected = hit->id;
    m_dragOriginal = *find(hit->id);
    m_pressPos = pos;
    if (hit->part == Part::Body || m_dragOriginal.kind == DrawingKind::HorizontalLine) {
        m_state = State::DragBody;
    } else {
        m_state = State::DragAnchor;
        m_dragAnchor = hit->part == Part::Anchor0 ? 0 : 1;
    }
    return true;
}

bool DrawingEditor::move(const QPointF& pos, const DrawingCoordinates& coords) {
    if (!coords.valid() || !finitePoint(pos))
        return m_state != State::Idle;
    switch (m_state) {
    case State::Placing:
        m_pending->anchors[1] = coords.toData(pos);
        return true;
    case State::DragBody:
    case State::DragAnchor: {
        ChartDrawing* d = findMutable(m_dragOriginal.id);
        if (d == nullptr) {
            m_state = State::Idle;
            return false;
        }
        // Always from the press, so rounding does not accumulate over many moves.
        const QPointF delta = pos - m_pressPos;
        if (m_state == State::DragBody) {
            for (int k = 0; k < d->anchorCount(); ++k) {
                const auto i = static_cast<std::size_t>(k);
                d->anchors[i] = coords.shifted(m_dragOriginal.anchors[i], delta);
            }
            if (d->kind == DrawingKind::HorizontalLine)
                d->anchors[1] = d->anchors[0];
        } else {
            const auto i = static_cast<std::size_t>(m_dragAnchor);
            d->anchors[i] = coords.shifted(m_dragOriginal.anchors[i], delta);
        }
        return true;
    }
    case State::SwallowRelease:
        return true;
    case State::Idle:
    case State::Invalid:
        break;
    }
    return false;
}

bool DrawingEditor::release(const QPointF& pos, const DrawingCoordinates& coords) {
    switch (m_state) {
    case State::Placing:
        if (m_placingButtonDown && coords.valid() && finitePoint(pos) &&
            QLineF(pos, m_pressPos).length() >= kDragThresholdPx) {
            m_pending->anchors[1] = coords.toData(pos);
            commitPending();
            m_state = State::Idle;
        }
        // Otherwise a click: the drawing follows the pointer until the second click.
        m_placingButtonDown = false;
        return true;
    case State::DragBody:
    case State::DragAnchor: {
        m_state = State::Idle;
        const ChartDrawing* d = find(m_dragOriginal.id);
        if (d != nullptr && *d != m_dragOriginal)
            ++m_revision;
        return true;
    }
    case State::SwallowRelease:
        m_state = State::Idle;
        return true;
    case State::Idle:
    case State::Invalid:
        break;
    }
    return false;
}

bool DrawingEditor::key(int qtKey) {
    switch (qtKey) {
    case Qt::Key_Escape:
        if (m_state == State::Placing || m_tool != DrawingTool::None) {
            cancelPlacing();
            m_tool = DrawingTool::None;
            return true;
        }
        if (isDragging()) {
            if (ChartDrawing* d = findMutable(m_dragOriginal.id))
                *d = m_dragOriginal;
            m_state = State::Idle;
            return true;
        }
        if (m_selected) {
            m_selected.reset();
            return true;
        }
        return false;
    case Qt::Key_Delete:
    case Qt::Key_Backspace:
        if (m_state == State::Placing || !m_selected)
            return false;
        return removeDrawing(*m_selected);
    default:
        return false;
    }
}

} // namespace cw::ui
