// SPDX-License-Identifier: MIT
#pragma once

#include "core/domain/Instrument.hpp"
#include "core/domain/Price.hpp"
#include "core/domain/Side.hpp"

#include <QColor>
#include <QElapsedTimer>
#include <QFont>
#include <QObject>
#include <QPointF>
#include <QRectF>
#include <QString>

#include <optional>
#include <vector>

class QPainter;

namespace cw::ui {

class PriceScale;

/// One horizontal line of the chart's trading overlay: a working order, the position's entry,
/// or a protective leg (stop-loss / take-profit) of a bracket, working or still waiting for
/// its entry to fill.
struct OrderLine {
    enum class Kind { Invalid = 0, Order, Position, StopLoss, TakeProfit };
    QString id; ///< the client order id (orders, legs) or the position's key
    Kind kind = Kind::Invalid;
    Side side = Side::Invalid;
    Price price;             ///< exact; drawn at its y
    QString label;           ///< "BUY LMT 0.50 @ 35,120.00"
    bool emulated = false;   ///< held by the engine: drawn dashed
    bool draggable = false;  ///< dragging it asks to move the order (lineMoved)
    bool cancelable = false; ///< the label has an "x" (cancelRequested)
    /// For the stop-loss / take-profit of a bracket whose leg is not sent yet (the entry is
    /// still working): the entry's client order id. Such a line is drawn dashed like every
    /// emulated line; dragging it moves the bracket's price (lineMoved with its id).
    QString bracketEntryId;
};

/// The chart's order lines: painted over the price plot by ChartView, dragged with the mouse
/// to modify an order, and an "x" on the label to cancel it.
///
/// A drag shows the pending price at once (snapped to the instrument's tick) and on release
/// emits `lineMoved` with it; the line stays at the pending price (label "... -> 35,100.00")
/// until new lines show the change, the line disappears (a modify gives the order a new id),
/// `clearPending` is called (the change was refused), or kPendingTimeoutMs passed. Escape
/// during a drag puts the line back (`cancelDrag`).
///
/// Geometry: every call gets the price plot's rectangle and its PriceScale (ChartRenderer's
/// current ones), so the overlay never holds stale coordinates. The label sits at the right
/// end of the line, inside the plot; its "x" box is its right end.
/// Thread: GUI.
class OrderLineOverlay : public QObject {
    Q_OBJECT

public:
    static constexpr double kGrabPx = 4.0; ///< how close to a line a press grabs it
    static constexpr double kLabelHeight = 18.0;
    static constexpr double kCloseBoxWidth = 18.0;
    static constexpr double kRightMargin = 6.0; ///< label's distance from the plot's right edge
    static constexpr qint64 kPendingTimeoutMs = 5000;

    enum class Part { Invalid = 0, Line, Label, Close };
    struct Hit {
        int index = -1; ///< into lines()
        Part part = Part::Invalid;
    };

    explicit OrderLineOverlay(QObject* parent = nullptr);

    /// Replaces the lines (a drag in progress continues if its line is still there).
    void setLines(std::vector<OrderLine> lines);
    const std::vector<OrderLine>& lines() const { return m_lines; }
    /// The instrument whose tick size snaps dragged prices.
    void setInstrument(const Instrument& instrument);
    void setColors(const QColor& buy, const QColor& sell, const QColor& position,
                   const QColor& labelText);
    void setFont(const QFont& font) { m_font = font; }

    /// The y of `price` in the plot.
    static double yOf(const Price& price, const PriceScale& scale);
    /// Where the label of line `index` is drawn (empty for a bad index).
    QRectF labelRect(int index, const QRectF& plot, const PriceScale& scale) const;
    /// The "x" box inside the label (empty when the line is not cancelable).
    QRectF closeRect(int index, const QRectF& plot, const PriceScale& scale) const;
    /// The line (or label part) under `pos`: the "x" first, then labels, then lines, the
    /// nearest line winning; nullopt outside the plot or away from every line.
    std::optional<Hit> hitTest(const QPointF& pos, const QRectF& plot,
                               const PriceScale& scale) const;

    /// A press in the plot: on an "x" emits cancelRequested; on a draggable line or label
    /// starts a drag. True when the overlay took the press.
    bool press(const QPointF& pos, const QRectF& plot, const PriceScale& scale);
    /// During a drag: the pending price follows the pointer, snapped. True while dragging.
    bool move(const QPointF& pos, const QRectF& plot, const PriceScale& scale);
    /// Ends a drag: emits lineMoved when the price changed. True when a drag ended.
    bool release(const QPointF& pos, const QRectF& plot, const PriceScale& scale);
    /// Puts a dragged line back without emitting anything.
    void cancelDrag();
    bool isDragging() const { return m_drag.has_value(); }

    /// The price shown for `id` while its change is on its way; nullopt when none.
    std::optional<Price> pendingPrice(const QString& id) const;
    void clearPending(const QString& id);

    void paint(QPainter& painter, const QRectF& plot, const PriceScale& scale) const;

signals:
    /// The user dropped line `id` at `price` (snapped to the tick).
    void lineMoved(const QString& id, cw::ui::OrderLine::Kind kind, const cw::Price& price);
    /// The user clicked the "x" of line `id`.
    void cancelRequested(const QString& id, cw::ui::OrderLine::Kind kind);
    /// Something visible changed (repaint).
    void changed();

private:
    struct Drag {
        QString id;
        Price original;
        Price pending;
    };
    struct Pending {
        QString id;
        Price price;
        Price original;
        QElapsedTimer since;
    };

    /// The price shown now: the drag's, else a pending one, else the line's.
    Price shownPrice(const OrderLine& line) const;
    QString shownLabel(const OrderLine& line) const;
    std::optional<Price> snap(double value) const;
    int indexOf(const QString& id) const;

    std::vector<OrderLine> m_lines;
    std::optional<Drag> m_drag;
    std::vector<Pending> m_pending;
    std::optional<Instrument> m_instrument;
    QColor m_buy{0x26, 0xa6, 0x9a};
    QColor m_sell{0xef, 0x53, 0x50};
    QColor m_position{0x42, 0x85, 0xf4};
    QColor m_labelText{Qt::white};
    QFont m_font;
};

} // namespace cw::ui
