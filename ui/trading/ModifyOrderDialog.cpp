// SPDX-License-Identifier: MIT
#include "ui/trading/ModifyOrderDialog.hpp"

#include "ui/trading/OrderSizing.hpp"
#include "ui/trading/TradingFormat.hpp"

#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

#include <string>

namespace cw::ui {

namespace {

QDoubleSpinBox* box(QWidget* parent, int decimals, double step, double value) {
    auto* b = new QDoubleSpinBox(parent);
    b->setLocale(QLocale::c());
    b->setRange(0.0, 1e13);
    b->setDecimals(decimals);
    b->setSingleStep(step);
    b->setValue(value);
    return b;
}

} // namespace

ModifyOrderDialog::ModifyOrderDialog(const orders::Order& order, const Instrument& instrument,
                                     QWidget* parent)
    : QDialog(parent), m_order(order), m_instrument(instrument) {
    setObjectName(QStringLiteral("ModifyOrderDialog"));
    setWindowTitle(tr("Modify %1").arg(QString::fromStdString(order.clientOrderId)));
    auto* form = new QFormLayout;
    form->addRow(new QLabel(TradingFormat::orderLabel(order), this));
    m_quantity = box(this, instrument.quantityPrecision, instrument.lotSize.toDouble(),
                     order.quantity.toDouble());
    form->addRow(tr("Quantity (total)"), m_quantity);
    if (hasLimitPrice(order.type)) {
        m_limit = box(this, instrument.pricePrecision, instrument.tickSize.toDouble(),
                      order.limitPrice.toDouble());
        form->addRow(tr("Limit price"), m_limit);
    }
    if (hasStopPrice(order.type)) {
        m_stop = box(this, instrument.pricePrecision, instrument.tickSize.toDouble(),
                     order.stopPrice.toDouble());
        form->addRow(tr("Stop price"), m_stop);
    }
    m_error = new QLabel(this);
    m_error->setStyleSheet(QStringLiteral("color: #ef5350;"));
    m_error->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &ModifyOrderDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ModifyOrderDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
}

Result<engine::AmendOrder> ModifyOrderDialog::amendment() const {
    engine::AmendOrder amend;
    amend.clientOrderId = m_order.clientOrderId;
    auto quantity = Quantity::parse(m_quantity->cleanText().toStdString());
    if (!quantity)
        return fail(ErrorCode::InvalidArgument, "quantity: " + quantity.error().message);
    auto snapped = OrderSizing::snapQuantity(*quantity, m_instrument);
    if (!snapped)
        return snapped.error();
    if (!snapped->isPositive())
        return fail(ErrorCode::InvalidArgument,
                    "the quantity is below one lot (" + m_instrument.lotSize.toString() + ")");
    if (*snapped <= m_order.filledQuantity)
        return fail(ErrorCode::InvalidArgument,
                    "the quantity must be above the filled " + m_order.filledQuantity.toString());
    amend.quantity = *snapped;
    const auto price = [this](const QDoubleSpinBox* b, const char* field) -> Result<Price> {
        auto p = Price::parse(b->cleanText().toStdString());
        if (!p)
            return fail(ErrorCode::InvalidArgument, std::string(field) + ": " + p.error().message);
        if (!p->isPositive())
            return fail(ErrorCode::InvalidArgument, std::string(field) + " must be positive");
        return OrderSizing::snapPrice(*p, m_instrument);
    };
    amend.limitPrice = m_order.limitPrice;
    amend.stopPrice = m_order.stopPrice;
    if (m_limit) {
        auto p = price(m_limit, "limit price");
        if (!p)
            return p.error();
        amend.limitPrice = *p;
    }
    if (m_stop) {
        auto p = price(m_stop, "stop price");
        if (!p)
            return p.error();
        amend.stopPrice = *p;
    }
    return amend;
}

void ModifyOrderDialog::accept() {
    if (auto a = amendment(); !a) {
        m_error->setText(QString::fromStdString(a.error().message));
        return;
    }
    QDialog::accept();
}

} // namespace cw::ui
