// SPDX-License-Identifier: MIT
#pragma once

#include "ui/trading/SnapshotTableModel.hpp"

namespace cw::ui {

/// The fills blotter (TradingSnapshot::fills), one row per venue execution (venue + trade
/// id): time, instrument, side, quantity, price, fee, liquidity, order id, trade id, account,
/// origin.
/// Thread: GUI.
class FillsModel : public SnapshotTableModel {
    Q_OBJECT

public:
    enum Column {
        ColTime = 0,
        ColInstrument,
        ColSide,
        ColQuantity,
        ColPrice,
        ColFee,
        ColLiquidity,
        ColOrderId,
        ColTradeId,
        ColAccount,
        ColOrigin,
        ColumnCount
    };

    explicit FillsModel(QObject* parent = nullptr);
    void setSnapshot(const engine::TradingSnapshot& snapshot) override;
};

} // namespace cw::ui
