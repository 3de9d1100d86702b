// SPDX-License-Identifier: MIT
#pragma once

#include "core/adapters/InstrumentKey.hpp"
#include "core/domain/OrderType.hpp"
#include "core/domain/Price.hpp"
#include "core/domain/Quantity.hpp"
#include "core/domain/Side.hpp"
#include "core/engine/TradingCommand.hpp"
#include "core/engine/TradingSnapshot.hpp"
#include "ui/chart/OrderLineOverlay.hpp"

#include <QObject>
#include <QPoint>

#include <functional>
#include <optional>
#include <vector>

class QMenu;

namespace cw::ui {

class ChartTab;
class TradingController;

/// Trading on one chart tab: the working orders, the position and its stop-loss / take-profit
/// legs of the chart's instrument as lines (an OrderLineOverlay installed in the tab's view),
/// orders placed from the chart's context menu, lines dragged to modify (AmendOrder on
/// release) and the label's "x" to cancel (CancelWorkingOrder; ClosePosition on the position
/// line, confirmed unless one-click trading is on).
///
/// Context menu at price X (snapped to the tick): below the last price "Buy limit at X" and
/// "Sell stop at X", above it "Sell limit at X" and "Buy stop at X", then "Cancel all
/// orders of SYMBOL". Orders from the chart have origin Chart and the quantity from the
/// quantity provider (by default the smallest quantity that meets the instrument's minimum
/// notional at that price); they are confirmed unless one-click is on.
/// Thread: GUI. Lives as a child of its tab.
class ChartTrading : public QObject {
    Q_OBJECT

public:
    /// The quantity of orders placed from the chart, for an instrument at a price.
    using QuantityProvider =
        std::function<Quantity(const Instrument& instrument, const Price& price)>;

    struct MenuOrder {
        Side side = Side::Invalid;
        OrderType type = OrderType::Invalid;
    };

    ChartTrading(ChartTab& tab, TradingController& controller);

    OrderLineOverlay* overlay() const { return m_overlay; }
    void setQuantityProvider(QuantityProvider provider);

    /// The lines for `instrument` in `snapshot`: every priced working order (legs of an
    /// emulated bracket as StopLoss / TakeProfit, dashed when emulated), the stop-loss and
    /// take-profit of a working entry whose legs are not sent yet (OrderRow::bracketStopLoss /
    /// bracketTakeProfit: ids "<entry>#SL" / "<entry>#TP", dashed, labelled "SL SELL @ 95.00
    /// (on fill of <entry>)", dragging them posts AmendBracket), then the position's entry.
    /// Orders with a request on its way (Pending*) cannot be dragged or canceled.
    static std::vector<OrderLine> linesFor(const engine::TradingSnapshot& snapshot,
                                           const adapters::InstrumentKey& instrument);
    /// The two orders the context menu offers at `price` against `last`: below it a buy limit
    /// and a sell stop, at or above it a sell limit and a buy stop.
    static std::vector<MenuOrder> menuOrders(const Price& price, const Price& last);
    /// The line id of the bracket leg of `entryId` that is not sent yet.
    static QString bracketLineId(const QString& entryId, bool stopLoss);
    /// What dropping `line` at `price` posts: an AmendOrder with the order's complete values
    /// (only the dragged price changes; a stop-limit keeps its limit's distance), or an
    /// AmendBracket for a leg not sent yet; nullopt for the position line or an order that is
    /// no longer in `snapshot`.
    static std::optional<engine::TradingCommand>
    commandForMove(const engine::TradingSnapshot& snapshot, const OrderLine& line,
                   const Price& price);

    /// The chart's instrument and its last price (the last trade, else the chart's last
    /// close at the instrument's tick); nullopt before the first bar.
    adapters::InstrumentKey instrument() const;
    std::optional<Price> lastPrice() const;

    /// Fills `menu` for a right-click at chart value `value`.
    void populateMenu(QMenu& menu, double value);
    /// Places `side`/`type` at `price` (confirmed unless one-click). Returns the request tag,
    /// 0 when nothing was sent.
    std::uint64_t placeAt(Side side, OrderType type, const Price& price);

    /// Reloads the lines from the controller's snapshot (also on every snapshot).
    void refresh();

private:
    void onLineMoved(const QString& id, OrderLine::Kind kind, const Price& price);
    void onCancelRequested(const QString& id, OrderLine::Kind kind);
    Quantity quantityAt(const Instrument& instrument, const Price& price) const;

    ChartTab& m_tab;
    TradingController& m_controller;
    OrderLineOverlay* m_overlay = nullptr;
    QuantityProvider m_quantity;
};

} // namespace cw::ui
