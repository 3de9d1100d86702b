// SPDX-License-Identifier: MIT
#include "ui/trading/AccountsModel.hpp"

#include "ui/trading/TradingFormat.hpp"

#include <algorithm>

namespace cw::ui {

AccountsModel::AccountsModel(QObject* parent)
    : SnapshotTableModel({tr("Venue"), tr("Account"), tr("Currency"), tr("Total"), tr("Free"),
                          tr("Locked"), tr("Equity"), tr("Margin used"), tr("Margin available")},
                         parent) {}

void AccountsModel::setSnapshot(const engine::TradingSnapshot& snapshot) {
    std::vector<Row> rows;
    for (const adapters::AccountReport& a : snapshot.accounts) {
        const auto base = std::find_if(
            a.balances.begin(), a.balances.end(),
            [&](const adapters::BalanceReport& b) { return b.currency == a.baseCurrency; });
        const std::size_t summaryIndex =
            base != a.balances.end() ? static_cast<std::size_t>(base - a.balances.begin()) : 0;
        const auto summary = [&](std::size_t i, const Money& m) {
            return i == summaryIndex ? number(TradingFormat::money(m), m.toDouble())
                                     : number(QString(), 0.0);
        };
        if (a.balances.empty()) {
            // An account without balances still shows its equity and margin.
            Row row;
            row.key = QString::fromStdString(a.venue + "|" + a.account + "|");
            row.cells = {text(QString::fromStdString(a.venue)),
                         text(QString::fromStdString(a.account)),
                         text(QString::fromStdString(a.baseCurrency.toString())),
                         number(QString(), 0.0),
                         number(QString(), 0.0),
                         number(QString(), 0.0),
                         summary(0, a.equity),
                         summary(0, a.marginUsed),
                         summary(0, a.marginAvailable)};
            rows.push_back(std::move(row));
            continue;
        }
        for (std::size_t i = 0; i < a.balances.size(); ++i) {
            const adapters::BalanceReport& b = a.balances[i];
            Row row;
            row.key =
                QString::fromStdString(a.venue + "|" + a.account + "|" + b.currency.toString());
            row.cells = {text(QString::fromStdString(a.venue)),
                         text(QString::fromStdString(a.account)),
                         text(QString::fromStdString(b.currency.toString())),
                         number(TradingFormat::grouped(b.total.amount()), b.total.toDouble()),
                         number(TradingFormat::grouped(b.free.amount()), b.free.toDouble()),
                         number(TradingFormat::grouped(b.locked.amount()), b.locked.toDouble()),
                         summary(i, a.equity),
                         summary(i, a.marginUsed),
                         summary(i, a.marginAvailable)};
            rows.push_back(std::move(row));
        }
    }
    applyRows(std::move(rows));
}

} // namespace cw::ui
