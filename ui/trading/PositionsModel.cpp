// SPDX-License-Identifier: MIT
#include "ui/trading/PositionsModel.hpp"

#include "ui/trading/TradingFormat.hpp"

#include <QStringList>

namespace cw::ui {

PositionsModel::PositionsModel(QObject* parent)
    : SnapshotTableModel({tr("Account"), tr("Instrument"), tr("Quantity"), tr("Avg price"),
                          tr("Mark"), tr("Unrealized"), tr("Realized"), tr("Fees"),
                          tr("Net realized")},
                         parent) {}

QString PositionsModel::keyOf(const orders::Position& position) {
    return QString::fromStdString(position.account + "|" + position.instrument.toString());
}

void PositionsModel::setSnapshot(const engine::TradingSnapshot& snapshot) {
    const auto signColour = [this](const Money& m) {
        if (m.isNegative())
            return downColor();
        return m.isZero() ? QColor() : upColor();
    };
    std::vector<Row> rows;
    rows.reserve(snapshot.positions.size());
    std::unordered_map<std::string, orders::Position> positions;
    for (const orders::Position& p : snapshot.positions) {
        QStringList fees;
        double feeSort = 0.0;
        for (const Money& fee : p.fees) {
            fees << TradingFormat::money(fee);
            feeSort += fee.toDouble();
        }
        const QColor qtyColour = p.quantity.isPositive()
                                     ? upColor()
                                     : (p.quantity.isNegative() ? downColor() : QColor());
        Row row;
        row.key = keyOf(p);
        row.cells = {
            text(QString::fromStdString(p.account)),
            text(QString::fromStdString(p.instrument.toString())),
            number(TradingFormat::quantity(p.quantity), p.quantity.toDouble(), qtyColour),
            number(p.averagePrice.isZero() ? QString() : TradingFormat::price(p.averagePrice),
                   p.averagePrice.toDouble()),
            number(p.markPrice ? TradingFormat::price(*p.markPrice) : QString(),
                   p.markPrice ? p.markPrice->toDouble() : 0.0),
            number(TradingFormat::money(p.unrealizedPnl), p.unrealizedPnl.toDouble(),
                   signColour(p.unrealizedPnl)),
            number(TradingFormat::money(p.realizedPnl), p.realizedPnl.toDouble(),
                   signColour(p.realizedPnl)),
            number(fees.join(QStringLiteral(", ")), feeSort),
            number(TradingFormat::money(p.netRealizedPnl), p.netRealizedPnl.toDouble(),
                   signColour(p.netRealizedPnl)),
        };
        positions.emplace(row.key.toStdString(), p);
        rows.push_back(std::move(row));
    }
    m_positions = std::move(positions);
    applyRows(std::move(rows));
}

const orders::Position* PositionsModel::positionAt(int row) const {
    const QString key = keyAt(row);
    if (key.isEmpty())
        return nullptr;
    auto it = m_positions.find(key.toStdString());
    return it == m_positions.end() ? nullptr : &it->second;
}

} // namespace cw::ui
