// SPDX-License-Identifier: MIT
#pragma once

#include "ui/trading/SnapshotTableModel.hpp"

namespace cw::ui {

/// The account balances blotter (TradingSnapshot::accounts), one row per venue, account and
/// currency: total, free and locked; the account's equity, margin used and margin available
/// appear on the row of its base currency (or its first row when it holds none of it).
/// Thread: GUI.
class AccountsModel : public SnapshotTableModel {
    Q_OBJECT

public:
    enum Column {
        ColVenue = 0,
        ColAccount,
        ColCurrency,
        ColTotal,
        ColFree,
        ColLocked,
        ColEquity,
        ColMarginUsed,
        ColMarginAvailable,
        ColumnCount
    };

    explicit AccountsModel(QObject* parent = nullptr);
    void setSnapshot(const engine::TradingSnapshot& snapshot) override;
};

} // namespace cw::ui
