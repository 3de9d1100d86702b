// SPDX-License-Identifier: MIT
#include "ui/trading/OrderTicket.hpp"

#include "core/risk/RiskRule.hpp"
#include "ui/trading/OrderSizing.hpp"
#include "ui/trading/TradingController.hpp"
#include "ui/trading/TradingFormat.hpp"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

#include <array>
#include <string>

namespace cw::ui {

namespace {

constexpr double kMaxValue = 1e13;

QDoubleSpinBox* makeBox(QWidget* parent, const QString& name) {
    auto* box = new QDoubleSpinBox(parent);
    box->setObjectName(name);
    // The C locale keeps the text a plain decimal ("35120.50") that Price::parse reads.
    box->setLocale(QLocale::c());
    box->setRange(0.0, kMaxValue);
    box->setGroupSeparatorShown(false);
    box->setKeyboardTracking(false);
    box->setAccelerated(true);
    return box;
}

} // namespace

OrderTicket::OrderTicket(TradingController& controller, QWidget* parent)
    : QWidget(parent), m_controller(controller) {
    setObjectName(QStringLiteral("OrderTicket"));
    m_previewTimer.setSingleShot(true);
    m_previewTimer.setInterval(kPreviewDelayMs);
    connect(&m_previewTimer, &QTimer::timeout, this, [this] { requestPreview(); });
    buildForm();
    connect(&m_controller, &TradingController::previewReceived, this, &OrderTicket::onPreview);
    connect(&m_controller, &TradingController::noticeReceived, this, &OrderTicket::onNotice);
    applyInstrument();
    updateEnabled();
}

void OrderTicket::buildForm() {
    m_instrument = new QComboBox(this);
    m_instrument->setObjectName(QStringLiteral("TicketInstrument"));
    for (const Instrument& in : m_controller.instruments())
        if (auto key = adapters::InstrumentKey::of(in))
            m_instrument->addItem(QString::fromStdString(key->toString()));
    m_instrument->setEditable(true);
    m_instrument->setInsertPolicy(QComboBox::NoInsert);

    m_side = new QComboBox(this);
    m_side->addItem(tr("Buy"), static_cast<int>(Side::Buy));
    m_side->addItem(tr("Sell"), static_cast<int>(Side::Sell));

    m_type = new QComboBox(this);
    for (OrderType t : {OrderType::Market, OrderType::Limit, OrderType::Stop, OrderType::StopLimit})
        m_type->addItem(TradingFormat::typeName(t), static_cast<int>(t));
    m_type->setCurrentIndex(1); // Limit

    m_sizing = new QComboBox(this);
    m_sizing->addItem(tr("Quantity"), static_cast<int>(Sizing::Quantity));
    m_sizing->addItem(tr("Risk amount"), static_cast<int>(Sizing::RiskAmount));

    m_tif = new QComboBox(this);
    for (TimeInForce t : {TimeInForce::Gtc, TimeInForce::Day, TimeInForce::Ioc, TimeInForce::Fok})
        m_tif->addItem(QString::fromUtf8(std::string(timeInForceName(t))), static_cast<int>(t));

    m_quantity = makeBox(this, QStringLiteral("TicketQuantity"));
    m_riskAmount = makeBox(this, QStringLiteral("TicketRiskAmount"));
    m_riskAmount->setDecimals(2);
    m_riskAmount->setSingleStep(10.0);
    m_riskQuantityText = new QLabel(this);
    m_limit = makeBox(this, QStringLiteral("TicketLimit"));
    m_stop = makeBox(this, QStringLiteral("TicketStop"));
    m_stopLossOn = new QCheckBox(tr("Stop loss"), this);
    m_stopLoss = makeBox(this, QStringLiteral("TicketStopLoss"));
    m_takeProfitOn = new QCheckBox(tr("Take profit"), this);
    m_takeProfit = makeBox(this, QStringLiteral("TicketTakeProfit"));
    m_trailingOn = new QCheckBox(tr("Trailing stop"), this);
    m_trailing = makeBox(this, QStringLiteral("TicketTrailing"));

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("Instrument"), m_instrument);
    form->addRow(tr("Side"), m_side);
    form->addRow(tr("Type"), m_type);
    form->addRow(tr("Size by"), m_sizing);
    form->addRow(tr("Quantity"), m_quantity);
    form->addRow(tr("Risk amount"), m_riskAmount);
    form->addRow(QString(), m_riskQuantityText);
    form->addRow(tr("Limit price"), m_limit);
    form->addRow(tr("Stop price"), m_stop);
    form->addRow(tr("Time in force"), m_tif);
    form->addRow(m_stopLossOn, m_stopLoss);
    form->addRow(m_takeProfitOn, m_takeProfit);
    form->addRow(m_trailingOn, m_trailing);

    m_previewText = new QLabel(this);
    m_previewText->setObjectName(QStringLiteral("TicketPreview"));
    m_previewText->setWordWrap(true);
    m_previewText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_answerText = new QLabel(this);
    m_answerText->setObjectName(QStringLiteral("TicketAnswer"));
    m_answerText->setWordWrap(true);
    m_answerText->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_buy = new QPushButton(tr("Buy"), this);
    m_buy->setObjectName(QStringLiteral("TicketBuy"));
    m_buy->setStyleSheet(QStringLiteral(
        "QPushButton { background: #26a69a; color: white; font-weight: bold; padding: 6px; }"));
    m_sell = new QPushButton(tr("Sell"), this);
    m_sell->setObjectName(QStringLiteral("TicketSell"));
    m_sell->setStyleSheet(QStringLiteral(
        "QPushButton { background: #ef5350; color: white; font-weight: bold; padding: 6px; }"));
    connect(m_buy, &QPushButton::clicked, this, [this] { submit(Side::Buy); });
    connect(m_sell, &QPushButton::clicked, this, [this] { submit(Side::Sell); });
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_buy);
    buttons->addWidget(m_sell);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_previewText);
    layout->addLayout(buttons);
    layout->addWidget(m_answerText);
    layout->addStretch(1);

    connect(m_instrument, &QComboBox::currentIndexChanged, this, [this] {
        applyInstrument();
        formChanged();
    });
    for (QComboBox* box : {m_side, m_type, m_sizing, m_tif})
        connect(box, &QComboBox::currentIndexChanged, this, [this] {
            updateEnabled();
            formChanged();
        });
    for (QCheckBox* box : {m_stopLossOn, m_takeProfitOn, m_trailingOn})
        connect(box, &QCheckBox::toggled, this, [this] {
            updateEnabled();
            formChanged();
        });
    const std::array<std::pair<QDoubleSpinBox*, bool>, 6> priced{{{m_limit, true},
                                                                  {m_stop, true},
                                                                  {m_stopLoss, true},
                                                                  {m_takeProfit, true},
                                                                  {m_trailing, true},
                                                                  {m_quantity, false}}};
    for (const auto& [box, isPrice] : priced) {
        connect(box, &QDoubleSpinBox::editingFinished, this,
                [this, b = box, p = isPrice] { snapBox(b, p); });
        connect(box, &QDoubleSpinBox::valueChanged, this, [this] { formChanged(); });
    }
    connect(m_riskAmount, &QDoubleSpinBox::valueChanged, this, [this] { formChanged(); });
}

bool OrderTicket::setInstrument(const adapters::InstrumentKey& key) {
    const int index = m_instrument->findText(QString::fromStdString(key.toString()));
    if (index < 0)
        return false;
    if (index == m_instrument->currentIndex())
        applyInstrument(); // prices may be known by now
    else
        m_instrument->setCurrentIndex(index);
    return true;
}

adapters::InstrumentKey OrderTicket::instrumentKey() const {
    auto key = adapters::InstrumentKey::parse(m_instrument->currentText().toStdString());
    return key ? *key : adapters::InstrumentKey{};
}

const Instrument* OrderTicket::instrument() const {
    const adapters::InstrumentKey key = instrumentKey();
    return key.isEmpty() ? nullptr : m_controller.instrument(key);
}

void OrderTicket::setSide(Side side) {
    m_side->setCurrentIndex(side == Side::Sell ? 1 : 0);
}

Side OrderTicket::side() const {
    return static_cast<Side>(m_side->currentData().toInt());
}

void OrderTicket::setOrderType(OrderType type) {
    const int index = m_type->findData(static_cast<int>(type));
    if (index >= 0)
        m_type->setCurrentIndex(index);
}

OrderType OrderTicket::orderType() const {
    return static_cast<OrderType>(m_type->currentData().toInt());
}

void OrderTicket::setSizing(Sizing sizing) {
    m_sizing->setCurrentIndex(sizing == Sizing::RiskAmount ? 1 : 0);
}

OrderTicket::Sizing OrderTicket::sizing() const {
    return static_cast<Sizing>(m_sizing->currentData().toInt());
}

void OrderTicket::setTimeInForce(TimeInForce tif) {
    const int index = m_tif->findData(static_cast<int>(tif));
    if (index >= 0)
        m_tif->setCurrentIndex(index);
}

void OrderTicket::applyInstrument() {
    const Instrument* in = instrument();
    if (!in)
        return;
    m_applying = true;
    const double tick = in->tickSize.toDouble();
    for (QDoubleSpinBox* box : {m_limit, m_stop, m_stopLoss, m_takeProfit, m_trailing}) {
        box->setDecimals(in->pricePrecision);
        box->setSingleStep(tick);
    }
    m_quantity->setDecimals(in->quantityPrecision);
    m_quantity->setSingleStep(in->lotSize.toDouble());
    const auto last = m_controller.lastPrice(instrumentKey());
    auto minimum = OrderSizing::minimumQuantity(*in, last ? *last : Price{});
    const double smallest = minimum ? minimum->toDouble() : in->lotSize.toDouble();
    if (m_quantity->value() < smallest)
        m_quantity->setValue(smallest);
    m_riskAmount->setSuffix(QLatin1Char(' ') +
                            QString::fromStdString(in->quoteCurrency.toString()));
    // Another instrument starts from its last trade (or empty); the same one keeps what the
    // user typed and only fills empty boxes.
    const QString shown = m_instrument->currentText();
    const bool changed = shown != m_appliedInstrument;
    m_appliedInstrument = shown;
    for (QDoubleSpinBox* box : {m_limit, m_stop, m_stopLoss, m_takeProfit})
        if (changed || box->value() == 0.0)
            box->setValue(last && box != m_stopLoss && box != m_takeProfit ? last->toDouble()
                                                                           : 0.0);
    m_applying = false;
}

void OrderTicket::updateEnabled() {
    const OrderType type = orderType();
    m_limit->setEnabled(hasLimitPrice(type));
    m_stop->setEnabled(hasStopPrice(type));
    const bool risk = sizing() == Sizing::RiskAmount;
    m_quantity->setReadOnly(risk);
    m_riskAmount->setEnabled(risk);
    m_riskQuantityText->setVisible(risk);
    if (risk && !m_stopLossOn->isChecked())
        m_stopLossOn->setChecked(true); // the stop distance sizes the order
    m_stopLoss->setEnabled(m_stopLossOn->isChecked());
    m_takeProfit->setEnabled(m_takeProfitOn->isChecked());
    m_trailingOn->setEnabled(type == OrderType::Stop);
    m_trailing->setEnabled(type == OrderType::Stop && m_trailingOn->isChecked());
}

void OrderTicket::snapBox(QDoubleSpinBox* box, bool isPrice) {
    const Instrument* in = instrument();
    if (!in)
        return;
    if (isPrice) {
        auto raw = Price::parse(box->cleanText().toStdString());
        if (!raw || raw->isZero())
            return;
        if (auto snapped = OrderSizing::snapPrice(*raw, *in); snapped && *snapped != *raw)
            box->setValue(snapped->toDouble());
    } else {
        auto raw = Quantity::parse(box->cleanText().toStdString());
        if (!raw || raw->isZero())
            return;
        if (auto snapped = OrderSizing::snapQuantity(*raw, *in); snapped && *snapped != *raw)
            box->setValue(snapped->toDouble());
    }
}

void OrderTicket::formChanged() {
    if (m_applying)
        return;
    if (sizing() == Sizing::RiskAmount) {
        auto qty = riskQuantity();
        if (qty) {
            m_applying = true;
            m_quantity->setValue(qty->toDouble());
            m_applying = false;
            m_riskQuantityText->setText(
                tr("%1 lots of risk fit").arg(TradingFormat::quantity(*qty)));
        } else {
            m_riskQuantityText->setText(QString::fromStdString(qty.error().message));
        }
    }
    m_previewTimer.start();
}

Result<Price> OrderTicket::priceOf(const QDoubleSpinBox* box, const char* field) const {
    const Instrument* in = instrument();
    if (!in)
        return fail(ErrorCode::InvalidArgument, "choose an instrument");
    auto raw = Price::parse(box->cleanText().toStdString());
    if (!raw)
        return fail(ErrorCode::InvalidArgument, std::string(field) + ": " + raw.error().message);
    if (!raw->isPositive())
        return fail(ErrorCode::InvalidArgument, std::string(field) + " must be positive");
    return OrderSizing::snapPrice(*raw, *in);
}

Result<Quantity> OrderTicket::quantityOf(const QDoubleSpinBox* box) const {
    const Instrument* in = instrument();
    if (!in)
        return fail(ErrorCode::InvalidArgument, "choose an instrument");
    auto raw = Quantity::parse(box->cleanText().toStdString());
    if (!raw)
        return fail(ErrorCode::InvalidArgument, "quantity: " + raw.error().message);
    auto snapped = OrderSizing::snapQuantity(*raw, *in);
    if (!snapped)
        return snapped.error();
    if (!snapped->isPositive())
        return fail(ErrorCode::InvalidArgument, "quantity " + raw->toString() +
                                                    " is below one lot (" + in->lotSize.toString() +
                                                    ")");
    return *snapped;
}

Result<Price> OrderTicket::entryPrice() const {
    switch (orderType()) {
    case OrderType::Limit:
        return priceOf(m_limit, "limit price");
    case OrderType::Stop:
    case OrderType::StopLimit:
        return priceOf(m_stop, "stop price");
    case OrderType::Market:
        if (auto last = m_controller.lastPrice(instrumentKey()))
            return *last;
        return fail(ErrorCode::InvalidArgument,
                    "no last price for a market order's entry: add the instrument to the "
                    "watchlist or size by quantity");
    case OrderType::Invalid:
        break;
    }
    return fail(ErrorCode::InvalidArgument, "choose an order type");
}

Result<Quantity> OrderTicket::riskQuantity() const {
    const Instrument* in = instrument();
    if (!in)
        return fail(ErrorCode::InvalidArgument, "choose an instrument");
    if (!m_stopLossOn->isChecked())
        return fail(ErrorCode::InvalidArgument, "risk-based sizing needs a stop loss");
    auto entry = entryPrice();
    if (!entry)
        return entry.error();
    auto stop = priceOf(m_stopLoss, "stop loss");
    if (!stop)
        return stop.error();
    auto risk = Decimal::parse(m_riskAmount->cleanText().toStdString());
    if (!risk)
        return fail(ErrorCode::InvalidArgument, "risk amount: " + risk.error().message);
    return OrderSizing::riskBasedQuantity(*in, *entry, *stop, *risk);
}

Result<engine::PlaceOrder> OrderTicket::buildOrder(Side side) const {
    const Instrument* in = instrument();
    if (!in)
        return fail(ErrorCode::InvalidArgument, "choose an instrument the venue offers");
    engine::PlaceOrder place;
    adapters::SubmitOrder& o = place.order;
    o.instrument = instrumentKey();
    o.side = side == Side::Invalid ? this->side() : side;
    o.type = orderType();
    o.timeInForce = static_cast<TimeInForce>(m_tif->currentData().toInt());
    auto quantity = sizing() == Sizing::RiskAmount ? riskQuantity() : quantityOf(m_quantity);
    if (!quantity)
        return quantity.error();
    o.quantity = *quantity;
    if (hasLimitPrice(o.type)) {
        auto limit = priceOf(m_limit, "limit price");
        if (!limit)
            return limit.error();
        o.limitPrice = *limit;
    }
    if (hasStopPrice(o.type)) {
        auto stop = priceOf(m_stop, "stop price");
        if (!stop)
            return stop.error();
        o.stopPrice = *stop;
    }
    if (m_stopLossOn->isChecked() || m_takeProfitOn->isChecked()) {
        engine::Bracket bracket;
        if (m_stopLossOn->isChecked()) {
            auto sl = priceOf(m_stopLoss, "stop loss");
            if (!sl)
                return sl.error();
            bracket.stopLoss = *sl;
        }
        if (m_takeProfitOn->isChecked()) {
            auto tp = priceOf(m_takeProfit, "take profit");
            if (!tp)
                return tp.error();
            bracket.takeProfit = *tp;
        }
        // A stop loss on the wrong side of a priced entry would fire at once.
        const Price entry = hasLimitPrice(o.type) ? o.limitPrice : o.stopPrice;
        if (!entry.isZero() && !bracket.stopLoss.isZero()) {
            const bool wrong =
                o.side == Side::Buy ? bracket.stopLoss >= entry : bracket.stopLoss <= entry;
            if (wrong)
                return fail(ErrorCode::InvalidArgument,
                            "the stop loss " + bracket.stopLoss.toString() + " must be " +
                                (o.side == Side::Buy ? "below" : "above") + " the entry " +
                                entry.toString());
        }
        if (!entry.isZero() && !bracket.takeProfit.isZero()) {
            const bool wrong =
                o.side == Side::Buy ? bracket.takeProfit <= entry : bracket.takeProfit >= entry;
            if (wrong)
                return fail(ErrorCode::InvalidArgument,
                            "the take profit " + bracket.takeProfit.toString() + " must be " +
                                (o.side == Side::Buy ? "above" : "below") + " the entry " +
                                entry.toString());
        }
        place.bracket = bracket;
    }
    if (m_trailingOn->isChecked() && m_trailingOn->isEnabled()) {
        if (o.type != OrderType::Stop)
            return fail(ErrorCode::InvalidArgument, "a trailing stop needs the Stop type");
        auto distance = priceOf(m_trailing, "trailing distance");
        if (!distance)
            return distance.error();
        place.trailingStop = engine::TrailingStop{*distance};
    }
    place.origin.kind = orders::OrderOriginKind::Ticket;
    return place;
}

std::uint64_t OrderTicket::submit(Side side) {
    auto order = buildOrder(side);
    if (!order) {
        showAnswer(tr("Not sent: %1").arg(QString::fromStdString(order.error().message)), false);
        return 0;
    }
    setSide(side);
    const std::uint64_t tag = m_controller.placeOrder(std::move(*order), this);
    if (tag == 0) {
        showAnswer(tr("Not sent."), false);
        return 0;
    }
    m_answerTag = tag;
    m_answerText->setStyleSheet(QString());
    m_answerText->setText(tr("Sent (request %1), waiting for the engine...").arg(tag));
    return tag;
}

std::uint64_t OrderTicket::requestPreview() {
    m_previewTimer.stop();
    auto order = buildOrder();
    if (!order) {
        m_previewTag = 0;
        m_previewText->setStyleSheet(QStringLiteral("color: #9e9e9e;"));
        m_previewText->setText(QString::fromStdString(order.error().message));
        return 0;
    }
    const std::uint64_t tag = m_controller.nextRequestTag();
    if (!m_controller.post(engine::PreviewOrder{tag, order->order}))
        return 0;
    m_previewTag = tag;
    return tag;
}

void OrderTicket::onPreview(const engine::OrderPreview& preview) {
    if (preview.requestTag == 0 || preview.requestTag != m_previewTag)
        return;
    QStringList parts;
    if (preview.notional)
        parts << tr("Notional %1").arg(TradingFormat::money(*preview.notional));
    if (preview.estimatedFee)
        parts << tr("fee %1").arg(TradingFormat::money(*preview.estimatedFee));
    else if (preview.notional)
        parts << tr("fee unknown"); // the venue publishes no rates
    if (preview.requiredFunds)
        parts << tr("needs %1").arg(TradingFormat::money(*preview.requiredFunds));
    QString verdict;
    if (preview.allowed) {
        verdict = tr("Risk check: passes");
        m_previewText->setStyleSheet(QStringLiteral("color: #26a69a;"));
    } else {
        verdict = tr("Risk check: blocked by %1")
                      .arg(QString::fromUtf8(std::string(risk::riskRuleName(preview.rule))));
        m_previewText->setStyleSheet(QStringLiteral("color: #ef5350;"));
    }
    if (!preview.message.empty())
        verdict += QStringLiteral(": ") + QString::fromStdString(preview.message);
    m_previewText->setText(parts.join(QStringLiteral(" \u00b7 ")) + QLatin1Char('\n') + verdict);
}

void OrderTicket::onNotice(const engine::TradingNotice& notice) {
    if (notice.requestTag == 0 || notice.requestTag != m_answerTag)
        return;
    using Kind = engine::TradingNotice::Kind;
    const bool ok = notice.kind == Kind::Info || notice.kind == Kind::Emulation;
    showAnswer(TradingFormat::noticeText(notice), ok);
}

void OrderTicket::showAnswer(const QString& text, bool ok) {
    m_answerText->setStyleSheet(ok ? QStringLiteral("color: #26a69a;")
                                   : QStringLiteral("color: #ef5350;"));
    m_answerText->setText(text);
    emit message(text);
}

} // namespace cw::ui
