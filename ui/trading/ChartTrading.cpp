// SPDX-License-Identifier: MIT
#include "ui/trading/ChartTrading.hpp"

#include "ui/chart/ChartView.hpp"
#include "ui/mainwindow/ChartTab.hpp"
#include "ui/trading/OrderSizing.hpp"
#include "ui/trading/PositionsModel.hpp"
#include "ui/trading/TradingController.hpp"
#include "ui/trading/TradingFormat.hpp"

#include <QMenu>

#include <utility>

namespace cw::ui {

namespace {

bool requestInFlight(OrderStatus status) {
    return status == OrderStatus::PendingNew || status == OrderStatus::PendingCancel ||
           status == OrderStatus::PendingReplace;
}

/// True when the stop-loss (or take-profit) leg of `entryId`'s bracket is a working order.
bool hasWorkingLeg(const engine::TradingSnapshot& snapshot, const std::string& entryId,
                   bool stopLoss) {
    for (const engine::OrderRow& row : snapshot.workingOrders) {
        const orders::Order& o = row.order;
        if (o.origin.kind != orders::OrderOriginKind::Emulation ||
            o.origin.parentClientOrderId != entryId)
            continue;
        const bool isStop = o.type == OrderType::Stop || o.type == OrderType::StopLimit;
        if (isStop == stopLoss)
            return true;
    }
    return false;
}

} // namespace

ChartTrading::ChartTrading(ChartTab& tab, TradingController& controller)
    : QObject(&tab), m_tab(tab), m_controller(controller), m_overlay(new OrderLineOverlay(this)) {
    setObjectName(QStringLiteral("ChartTrading"));
    m_tab.view()->setOrderLineOverlay(m_overlay);
    connect(m_overlay, &OrderLineOverlay::lineMoved, this, &ChartTrading::onLineMoved);
    connect(m_overlay, &OrderLineOverlay::cancelRequested, this, &ChartTrading::onCancelRequested);
    connect(m_tab.view(), &ChartView::priceContextMenuRequested, this,
            [this](const QPoint& globalPos, double value) {
                QMenu menu(m_tab.view());
                populateMenu(menu, value);
                if (!menu.isEmpty())
                    menu.exec(globalPos);
            });
    connect(&m_controller, &TradingController::snapshotChanged, this, &ChartTrading::refresh);
    connect(&m_tab, &ChartTab::titleChanged, this, &ChartTrading::refresh);
    connect(&m_controller, &TradingController::noticeReceived, this,
            [this](const engine::TradingNotice& notice) {
                using Kind = engine::TradingNotice::Kind;
                // A refused modify puts its line back at once.
                if (!notice.clientOrderId.empty() &&
                    (notice.kind == Kind::RequestRejected || notice.kind == Kind::RiskRejected ||
                     notice.kind == Kind::CommandError))
                    m_overlay->clearPending(QString::fromStdString(notice.clientOrderId));
            });
    refresh();
}

void ChartTrading::setQuantityProvider(QuantityProvider provider) {
    m_quantity = std::move(provider);
}

adapters::InstrumentKey ChartTrading::instrument() const {
    auto key = adapters::InstrumentKey::parse(m_tab.state().instrument);
    return key ? *key : adapters::InstrumentKey{};
}

std::optional<Price> ChartTrading::lastPrice() const {
    const adapters::InstrumentKey key = instrument();
    if (auto last = m_controller.lastPrice(key))
        return last;
    const Instrument* in = m_controller.instrument(key);
    const auto closes = m_tab.view()->model().bars().close();
    if (!in || closes.empty())
        return std::nullopt;
    auto price = OrderSizing::priceFromChart(closes.back(), *in);
    return price ? std::optional<Price>(*price) : std::nullopt;
}

std::vector<OrderLine> ChartTrading::linesFor(const engine::TradingSnapshot& snapshot,
                                              const adapters::InstrumentKey& instrument) {
    std::vector<OrderLine> lines;
    for (const engine::OrderRow& row : snapshot.workingOrders) {
        const orders::Order& o = row.order;
        if (!(o.instrument == instrument))
            continue;
        const Price price = TradingFormat::linePrice(o);
        if (!price.isPositive())
            continue; // market orders have no line
        OrderLine line;
        line.id = QString::fromStdString(o.clientOrderId);
        line.side = o.side;
        line.price = price;
        line.emulated = row.emulated;
        line.kind = OrderLine::Kind::Order;
        QString prefix;
        if (o.origin.kind == orders::OrderOriginKind::Emulation &&
            !o.origin.parentClientOrderId.empty()) {
            if (o.type == OrderType::Stop || o.type == OrderType::StopLimit) {
                line.kind = OrderLine::Kind::StopLoss;
                prefix = QStringLiteral("SL ");
            } else if (o.type == OrderType::Limit) {
                line.kind = OrderLine::Kind::TakeProfit;
                prefix = QStringLiteral("TP ");
            }
        }
        line.label = prefix + TradingFormat::orderLabel(o);
        const bool busy = requestInFlight(o.status);
        line.draggable = !busy;
        line.cancelable = !busy;
        lines.push_back(std::move(line));
    }
    // The bracket of a working entry: a leg not sent yet is drawn at its price, dashed (the
    // engine holds it) and draggable (AmendBracket); once sent it is the leg order's line above.
    for (const engine::OrderRow& row : snapshot.workingOrders) {
        const orders::Order& o = row.order;
        if (!(o.instrument == instrument) ||
            (row.bracketStopLoss.isZero() && row.bracketTakeProfit.isZero()))
            continue;
        for (const bool stopLoss : {true, false}) {
            const Price& price = stopLoss ? row.bracketStopLoss : row.bracketTakeProfit;
            if (!price.isPositive() || hasWorkingLeg(snapshot, o.clientOrderId, stopLoss))
                continue;
            OrderLine line;
            line.id = bracketLineId(QString::fromStdString(o.clientOrderId), stopLoss);
            line.kind = stopLoss ? OrderLine::Kind::StopLoss : OrderLine::Kind::TakeProfit;
            line.side = oppositeSide(o.side);
            line.price = price;
            line.label = QStringLiteral("%1 %2 @ %3 (on fill of %4)")
                             .arg(stopLoss ? QStringLiteral("SL") : QStringLiteral("TP"),
                                  TradingFormat::side(line.side), TradingFormat::price(price),
                                  QString::fromStdString(o.clientOrderId));
            line.emulated = true;
            line.bracketEntryId = QString::fromStdString(o.clientOrderId);
            line.draggable = !requestInFlight(o.status);
            lines.push_back(std::move(line));
        }
    }
    for (const orders::Position& p : snapshot.positions) {
        if (!(p.instrument == instrument) || p.quantity.isZero() || !p.averagePrice.isPositive())
            continue;
        OrderLine line;
        line.id = PositionsModel::keyOf(p);
        line.kind = OrderLine::Kind::Position;
        line.side = p.quantity.isPositive() ? Side::Buy : Side::Sell;
        line.price = p.averagePrice;
        auto size = p.quantity.abs();
        line.label =
            QStringLiteral("%1 %2 @ %3  P&L %4")
                .arg(p.quantity.isPositive() ? QStringLiteral("LONG") : QStringLiteral("SHORT"),
                     TradingFormat::quantity(size ? *size : p.quantity),
                     TradingFormat::price(p.averagePrice), TradingFormat::money(p.unrealizedPnl));
        line.cancelable = true; // the "x" closes the position
        lines.push_back(std::move(line));
    }
    return lines;
}

std::vector<ChartTrading::MenuOrder> ChartTrading::menuOrders(const Price& price,
                                                              const Price& last) {
    if (price < last)
        return {{Side::Buy, OrderType::Limit}, {Side::Sell, OrderType::Stop}};
    return {{Side::Sell, OrderType::Limit}, {Side::Buy, OrderType::Stop}};
}

void ChartTrading::populateMenu(QMenu& menu, double value) {
    const adapters::InstrumentKey key = instrument();
    const Instrument* in = m_controller.instrument(key);
    if (!in)
        return;
    auto price = OrderSizing::priceFromChart(value, *in);
    const std::optional<Price> last = lastPrice();
    if (!price || !price->isPositive() || !last)
        return;
    const Quantity quantity = quantityAt(*in, *price);
    for (const MenuOrder& m : menuOrders(*price, *last)) {
        const QString text =
            tr("%1 %2 %3 at %4")
                .arg(m.side == Side::Buy ? tr("Buy") : tr("Sell"),
                     m.type == OrderType::Limit ? tr("limit") : tr("stop"),
                     TradingFormat::quantity(quantity), TradingFormat::price(*price));
        QAction* action =
            menu.addAction(text, this, [this, m, p = *price] { placeAt(m.side, m.type, p); });
        action->setObjectName(QStringLiteral("%1%2").arg(
            m.side == Side::Buy ? QStringLiteral("Buy") : QStringLiteral("Sell"),
            m.type == OrderType::Limit ? QStringLiteral("Limit") : QStringLiteral("Stop")));
    }
    menu.addSeparator();
    menu.addAction(tr("Cancel all orders of %1").arg(QString::fromStdString(key.toString())), this,
                   [this, key] { m_controller.post(engine::CancelAllWorkingOrders{key}); });
}

std::uint64_t ChartTrading::placeAt(Side side, OrderType type, const Price& price) {
    const adapters::InstrumentKey key = instrument();
    const Instrument* in = m_controller.instrument(key);
    if (!in)
        return 0;
    engine::PlaceOrder place;
    place.order.instrument = key;
    place.order.side = side;
    place.order.type = type;
    place.order.timeInForce = TimeInForce::Gtc;
    place.order.quantity = quantityAt(*in, price);
    if (type == OrderType::Limit)
        place.order.limitPrice = price;
    else
        place.order.stopPrice = price;
    place.origin.kind = orders::OrderOriginKind::Chart;
    return m_controller.placeOrder(std::move(place), m_tab.view());
}

Quantity ChartTrading::quantityAt(const Instrument& instrument, const Price& price) const {
    if (m_quantity)
        return m_quantity(instrument, price);
    auto minimum = OrderSizing::minimumQuantity(instrument, price);
    return minimum ? *minimum : instrument.lotSize;
}

void ChartTrading::refresh() {
    const adapters::InstrumentKey key = instrument();
    if (const Instrument* in = m_controller.instrument(key))
        m_overlay->setInstrument(*in);
    const ChartTheme& theme = m_tab.view()->renderer().theme();
    m_overlay->setColors(theme.up, theme.down, QColor(0x42, 0x85, 0xf4), QColor(Qt::white));
    m_overlay->setLines(linesFor(m_controller.snapshot(), key));
}

QString ChartTrading::bracketLineId(const QString& entryId, bool stopLoss) {
    return entryId + (stopLoss ? QStringLiteral("#SL") : QStringLiteral("#TP"));
}

std::optional<engine::TradingCommand>
ChartTrading::commandForMove(const engine::TradingSnapshot& snapshot, const OrderLine& line,
                             const Price& price) {
    if (line.kind == OrderLine::Kind::Position)
        return std::nullopt;
    if (!line.bracketEntryId.isEmpty()) {
        // A bracket leg not sent yet: the bracket moves, both prices complete.
        const std::string entryId = line.bracketEntryId.toStdString();
        for (const engine::OrderRow& row : snapshot.workingOrders) {
            if (row.order.clientOrderId != entryId)
                continue;
            engine::AmendBracket amend{entryId, row.bracketStopLoss, row.bracketTakeProfit};
            (line.kind == OrderLine::Kind::StopLoss ? amend.stopLoss : amend.takeProfit) = price;
            return engine::TradingCommand{std::move(amend)};
        }
        return std::nullopt; // the entry is gone meanwhile
    }
    const std::string clientOrderId = line.id.toStdString();
    for (const engine::OrderRow& row : snapshot.workingOrders) {
        const orders::Order& o = row.order;
        if (o.clientOrderId != clientOrderId)
            continue;
        // The order's complete new values: only the dragged price changes.
        engine::AmendOrder amend{clientOrderId, o.quantity, o.limitPrice, o.stopPrice};
        if (o.type == OrderType::Limit) {
            amend.limitPrice = price;
        } else if (o.type == OrderType::Stop) {
            amend.stopPrice = price;
        } else if (o.type == OrderType::StopLimit) {
            // The line is the trigger; the limit keeps its distance from it.
            auto offset = o.limitPrice.subtract(o.stopPrice);
            auto limit = offset ? price.add(*offset) : offset;
            amend.stopPrice = price;
            if (limit && limit->isPositive())
                amend.limitPrice = *limit;
        }
        return engine::TradingCommand{std::move(amend)};
    }
    return std::nullopt; // the order is gone meanwhile
}

void ChartTrading::onLineMoved(const QString& id, OrderLine::Kind kind, const Price& price) {
    if (kind == OrderLine::Kind::Position)
        return;
    for (const OrderLine& line : m_overlay->lines()) {
        if (line.id != id)
            continue;
        auto command = commandForMove(m_controller.snapshot(), line, price);
        if (!command || !m_controller.post(std::move(*command)))
            m_overlay->clearPending(id);
        return;
    }
    m_overlay->clearPending(id);
}

void ChartTrading::onCancelRequested(const QString& id, OrderLine::Kind kind) {
    if (kind != OrderLine::Kind::Position) {
        m_controller.post(engine::CancelWorkingOrder{id.toStdString()});
        return;
    }
    for (const orders::Position& p : m_controller.snapshot().positions) {
        if (PositionsModel::keyOf(p) != id)
            continue;
        const QString text = tr("Close the position %1 %2 with a market order?")
                                 .arg(TradingFormat::quantity(p.quantity),
                                      QString::fromStdString(p.instrument.toString()));
        if (m_controller.isOneClick() ||
            m_controller.confirm(m_tab.view(), tr("Close position"), text))
            m_controller.post(engine::ClosePosition{p.account, p.instrument, false});
        return;
    }
}

} // namespace cw::ui
