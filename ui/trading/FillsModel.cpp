// SPDX-License-Identifier: MIT
#include "ui/trading/FillsModel.hpp"

#include "ui/trading/TradingFormat.hpp"

namespace cw::ui {

FillsModel::FillsModel(QObject* parent)
    : SnapshotTableModel({tr("Time"), tr("Instrument"), tr("Side"), tr("Quantity"), tr("Price"),
                          tr("Fee"), tr("Liquidity"), tr("Order ID"), tr("Trade ID"), tr("Account"),
                          tr("Origin")},
                         parent) {}

void FillsModel::setSnapshot(const engine::TradingSnapshot& snapshot) {
    std::vector<Row> rows;
    rows.reserve(snapshot.fills.size());
    std::size_t n = 0;
    for (const engine::FillRow& r : snapshot.fills) {
        const adapters::OrderFilled& f = r.fill;
        const TimestampNs time = f.venueTime != 0 ? f.venueTime : f.receivedTime;
        QString liquidity;
        if (f.liquidity == adapters::Liquidity::Maker)
            liquidity = tr("Maker");
        else if (f.liquidity == adapters::Liquidity::Taker)
            liquidity = tr("Taker");
        Row row;
        // A trade id is unique per venue; without one, the order and its place in the list.
        row.key = QString::fromStdString(
            std::string(f.instrument.venue()) + "|" +
            (f.tradeId.empty() ? f.clientOrderId + "#" + std::to_string(n) : f.tradeId));
        row.cells = {
            number(TradingFormat::time(time), static_cast<double>(time)),
            text(QString::fromStdString(f.instrument.toString())),
            text(TradingFormat::side(f.side), f.side == Side::Buy ? upColor() : downColor()),
            number(TradingFormat::quantity(f.quantity), f.quantity.toDouble()),
            number(TradingFormat::price(f.price), f.price.toDouble()),
            number(TradingFormat::money(f.fee), f.fee.toDouble()),
            text(liquidity),
            text(QString::fromStdString(f.clientOrderId)),
            text(QString::fromStdString(f.tradeId)),
            text(QString::fromStdString(r.account)),
            text(QString::fromUtf8(std::string(orders::orderOriginKindName(r.origin.kind)))),
        };
        rows.push_back(std::move(row));
        ++n;
    }
    applyRows(std::move(rows));
}

} // namespace cw::ui
