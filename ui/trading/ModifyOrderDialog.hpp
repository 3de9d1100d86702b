// SPDX-License-Identifier: MIT
#pragma once

#include "core/common/Result.hpp"
#include "core/domain/Instrument.hpp"
#include "core/engine/TradingCommand.hpp"
#include "core/orders/Order.hpp"

#include <QDialog>

class QDoubleSpinBox;
class QLabel;

namespace cw::ui {

/// Modify a working order from the blotter: its new total quantity and its limit / stop price
/// (those its type has), at the instrument's precision. `amendment` parses the boxes' text
/// exactly and snaps (prices to the tick, the quantity down to the lot).
/// Thread: GUI.
class ModifyOrderDialog : public QDialog {
    Q_OBJECT

public:
    ModifyOrderDialog(const orders::Order& order, const Instrument& instrument,
                      QWidget* parent = nullptr);

    QDoubleSpinBox* quantityBox() const { return m_quantity; }
    QDoubleSpinBox* limitBox() const { return m_limit; }
    QDoubleSpinBox* stopBox() const { return m_stop; }

    /// The AmendOrder for the values shown. InvalidArgument for a quantity below one lot or
    /// not above the filled quantity, or a price that is not positive.
    Result<engine::AmendOrder> amendment() const;

    void accept() override;

private:
    orders::Order m_order;
    Instrument m_instrument;
    QDoubleSpinBox* m_quantity = nullptr;
    QDoubleSpinBox* m_limit = nullptr;
    QDoubleSpinBox* m_stop = nullptr;
    QLabel* m_error = nullptr;
};

} // namespace cw::ui
