// SPDX-License-Identifier: MIT
#pragma once

#include "core/engine/TradingSnapshot.hpp"
#include "ui/trading/SnapshotTableModel.hpp"

#include <string>
#include <unordered_map>

namespace cw::ui {

/// The working-orders blotter or the order-history blotter (TradingSnapshot::workingOrders or
/// ::orderHistory), one row per client order id: time, id, instrument, side, type, quantity,
/// filled, limit, stop, time in force, status, average fill price, origin, note (emulation,
/// venue message).
/// Thread: GUI.
class OrdersModel : public SnapshotTableModel {
    Q_OBJECT

public:
    enum class Which { Invalid = 0, Working, History };
    enum Column {
        ColTime = 0,
        ColOrderId,
        ColInstrument,
        ColSide,
        ColType,
        ColQuantity,
        ColFilled,
        ColLimit,
        ColStop,
        ColTimeInForce,
        ColStatus,
        ColAveragePrice,
        ColOrigin,
        ColNote,
        ColumnCount
    };

    explicit OrdersModel(Which which, QObject* parent = nullptr);

    Which which() const { return m_which; }
    void setSnapshot(const engine::TradingSnapshot& snapshot) override;

    /// The order shown in `row` (a copy of its snapshot row); null when out of range.
    const engine::OrderRow* orderAt(int row) const;
    /// The order with `clientOrderId`; null when not shown.
    const engine::OrderRow* order(const std::string& clientOrderId) const;

private:
    Which m_which;
    std::unordered_map<std::string, engine::OrderRow> m_orders;
};

} // namespace cw::ui
