// SPDX-License-Identifier: MIT
#include "ui/trading/OrdersModel.hpp"

#include "ui/trading/TradingFormat.hpp"

namespace cw::ui {

namespace {

QStringList headers() {
    return {QObject::tr("Time"),   QObject::tr("Order ID"), QObject::tr("Instrument"),
            QObject::tr("Side"),   QObject::tr("Type"),     QObject::tr("Quantity"),
            QObject::tr("Filled"), QObject::tr("Limit"),    QObject::tr("Stop"),
            QObject::tr("TIF"),    QObject::tr("Status"),   QObject::tr("Avg price"),
            QObject::tr("Origin"), QObject::tr("Note")};
}

QString optionalPrice(const Price& price) {
    return price.isZero() ? QString() : TradingFormat::price(price);
}

} // namespace

OrdersModel::OrdersModel(Which which, QObject* parent)
    : SnapshotTableModel(headers(), parent), m_which(which) {}

void OrdersModel::setSnapshot(const engine::TradingSnapshot& snapshot) {
    const std::vector<engine::OrderRow>& source =
        m_which == Which::History ? snapshot.orderHistory : snapshot.workingOrders;
    std::vector<Row> rows;
    rows.reserve(source.size());
    std::unordered_map<std::string, engine::OrderRow> orders;
    for (const engine::OrderRow& r : source) {
        const orders::Order& o = r.order;
        const QColor sideColour = o.side == Side::Buy ? upColor() : downColor();
        QString note = QString::fromStdString(r.emulationNote);
        if (!o.statusMessage.empty()) {
            // Who refused a rejected order: our risk gate, or the venue.
            QString who;
            if (o.status == OrderStatus::Rejected)
                who = adapters::isRiskRejection(o.rejectReason) ? tr("Risk: ") : tr("Venue: ");
            note += (note.isEmpty() ? QString() : QStringLiteral("; ")) + who +
                    QString::fromStdString(o.statusMessage);
        }
        QString origin = QString::fromUtf8(std::string(orders::orderOriginKindName(o.origin.kind)));
        if (!o.origin.strategyId.empty())
            origin += QStringLiteral(" %1").arg(QString::fromStdString(o.origin.strategyId));
        if (r.emulated)
            origin += tr(" (emulated)");
        Row row;
        row.key = QString::fromStdString(o.clientOrderId);
        row.cells = {
            number(TradingFormat::time(o.createdTime), static_cast<double>(o.createdTime)),
            text(row.key),
            text(QString::fromStdString(o.instrument.toString())),
            text(TradingFormat::side(o.side), sideColour),
            text(TradingFormat::typeName(o.type)),
            number(TradingFormat::quantity(o.quantity), o.quantity.toDouble()),
            number(TradingFormat::quantity(o.filledQuantity), o.filledQuantity.toDouble()),
            number(optionalPrice(o.limitPrice), o.limitPrice.toDouble()),
            number(optionalPrice(o.stopPrice), o.stopPrice.toDouble()),
            text(QString::fromUtf8(std::string(timeInForceName(o.timeInForce)))),
            text(QString::fromUtf8(std::string(orderStatusName(o.status)))),
            number(optionalPrice(o.averageFillPrice), o.averageFillPrice.toDouble()),
            text(origin),
            text(note),
        };
        rows.push_back(std::move(row));
        orders.emplace(o.clientOrderId, r);
    }
    m_orders = std::move(orders);
    applyRows(std::move(rows));
}

const engine::OrderRow* OrdersModel::orderAt(int row) const {
    const QString key = keyAt(row);
    return key.isEmpty() ? nullptr : order(key.toStdString());
}

const engine::OrderRow* OrdersModel::order(const std::string& clientOrderId) const {
    auto it = m_orders.find(clientOrderId);
    return it == m_orders.end() ? nullptr : &it->second;
}

} // namespace cw::ui
