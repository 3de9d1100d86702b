// SPDX-License-Identifier: MIT
#pragma once

#include "core/orders/Position.hpp"
#include "ui/trading/SnapshotTableModel.hpp"

#include <string>
#include <unordered_map>

namespace cw::ui {

/// The positions blotter (TradingSnapshot::positions), one row per account + instrument:
/// account, instrument, signed quantity, average price, mark, unrealized P&L, realized P&L,
/// fees, net realized. P&L cells are coloured by sign.
/// Thread: GUI.
class PositionsModel : public SnapshotTableModel {
    Q_OBJECT

public:
    enum Column {
        ColAccount = 0,
        ColInstrument,
        ColQuantity,
        ColAveragePrice,
        ColMark,
        ColUnrealized,
        ColRealized,
        ColFees,
        ColNetRealized,
        ColumnCount
    };

    explicit PositionsModel(QObject* parent = nullptr);
    void setSnapshot(const engine::TradingSnapshot& snapshot) override;

    /// The position shown in `row`; null when out of range.
    const orders::Position* positionAt(int row) const;
    /// The key of a position row: "account|VENUE:SYMBOL".
    static QString keyOf(const orders::Position& position);

private:
    std::unordered_map<std::string, orders::Position> m_positions;
};

} // namespace cw::ui
