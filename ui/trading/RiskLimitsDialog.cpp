// SPDX-License-Identifier: MIT
#include "ui/trading/RiskLimitsDialog.hpp"

#include "core/risk/RiskLimits.hpp"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include <utility>

namespace cw::ui {

namespace {

constexpr char kOff[] = "off";

/// What each base key means, for the row's tooltip.
QString describe(const QString& key) {
    const QString base = key.section(QLatin1Char('.'), 0, 0);
    if (base == QLatin1String("maxOrderQuantity"))
        return QObject::tr("Largest quantity of one order (instrument units)");
    if (base == QLatin1String("maxOrderNotional"))
        return QObject::tr("Largest quantity x price of one order, with its currency "
                           "(\"100000 USDT\")");
    if (base == QLatin1String("priceBandPercent"))
        return QObject::tr("Largest distance of a limit/stop price from the last price, in %");
    if (base == QLatin1String("priceBandTicks"))
        return QObject::tr("Largest distance of a limit/stop price from the last price, in ticks");
    if (base == QLatin1String("maxPosition"))
        return QObject::tr("Largest absolute position if every working order filled");
    if (base == QLatin1String("maxOpenOrders"))
        return QObject::tr("Largest number of working orders of the account");
    if (base == QLatin1String("maxOpenOrdersPerInstrument"))
        return QObject::tr("Largest number of working orders per instrument");
    if (base == QLatin1String("maxOrdersPerSecond"))
        return QObject::tr("Largest number of orders and modifies per second to one venue");
    if (base == QLatin1String("dailyLossLimit"))
        return QObject::tr("Largest loss of the day, a positive amount with its currency "
                           "(\"5000 USDT\"); breaching it triggers the kill switch");
    return {};
}

} // namespace

RiskLimitsDialog::RiskLimitsDialog(const std::vector<std::string>& accounts, Loader loader,
                                   QWidget* parent)
    : QDialog(parent), m_loader(std::move(loader)) {
    setObjectName(QStringLiteral("RiskLimitsDialog"));
    setWindowTitle(tr("Risk limits"));
    m_account = new QComboBox(this);
    m_account->setEditable(true);
    m_account->addItem(QString());
    m_account->setItemText(0, QString());
    m_account->setItemData(0, tr("Defaults of every account"), Qt::ToolTipRole);
    for (const std::string& a : accounts)
        if (!a.empty())
            m_account->addItem(QString::fromStdString(a));
    connect(m_account, &QComboBox::currentTextChanged, this, [this](const QString& account) {
        setSettings(m_loader ? m_loader(account.toStdString()) : Settings{});
    });

    auto* top = new QFormLayout;
    top->addRow(tr("Account (empty: the defaults)"), m_account);
    m_form = new QFormLayout;
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("RiskLimitsError"));
    m_error->setStyleSheet(QStringLiteral("color: #ef5350;"));
    m_error->setWordWrap(true);

    auto* addOverrideButton = new QPushButton(tr("Add per-instrument override..."), this);
    connect(addOverrideButton, &QPushButton::clicked, this, [this] {
        bool ok = false;
        const QString key = QInputDialog::getText(
            this, tr("Override"), tr("Limit key and instrument, e.g. maxOrderQuantity.SIM:BTCUSDT"),
            QLineEdit::Normal, QStringLiteral("maxOrderQuantity.SIM:BTCUSDT"), &ok);
        if (ok && !key.trimmed().isEmpty())
            addOverride(key.trimmed(), QString());
    });
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &RiskLimitsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &RiskLimitsDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addLayout(m_form);
    layout->addWidget(addOverrideButton, 0, Qt::AlignLeft);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    setSettings(m_loader ? m_loader(std::string()) : Settings{});
}

QString RiskLimitsDialog::account() const {
    return m_account->currentText().trimmed();
}

void RiskLimitsDialog::setAccount(const QString& account) {
    m_account->setCurrentText(account);
}

void RiskLimitsDialog::clearRows() {
    while (m_form->rowCount() > 0)
        m_form->removeRow(0);
    m_rows.clear();
}

void RiskLimitsDialog::addRow(const QString& key, const QString& value) {
    FieldRow row;
    row.key = key;
    row.enabled = new QCheckBox(key, this);
    row.enabled->setObjectName(QStringLiteral("RiskLimit_") + key);
    row.enabled->setToolTip(describe(key));
    row.value = new QLineEdit(this);
    row.value->setObjectName(QStringLiteral("RiskValue_") + key);
    row.value->setToolTip(describe(key));
    const bool on = !value.isEmpty() && value != QLatin1String(kOff);
    row.enabled->setChecked(on);
    row.value->setText(on ? value : QString());
    row.value->setEnabled(on);
    connect(row.enabled, &QCheckBox::toggled, row.value, &QWidget::setEnabled);
    m_form->addRow(row.enabled, row.value);
    m_rows.push_back(row);
}

void RiskLimitsDialog::addOverride(const QString& key, const QString& value) {
    for (FieldRow& row : m_rows)
        if (row.key == key) {
            row.enabled->setChecked(true);
            row.value->setText(value);
            return;
        }
    addRow(key, value.isEmpty() ? QStringLiteral("0") : value);
    m_rows.back().value->clear();
    m_rows.back().enabled->setChecked(true);
}

RiskLimitsDialog::Settings RiskLimitsDialog::settings() const {
    Settings out;
    for (const FieldRow& row : m_rows)
        out[row.key.toStdString()] = row.enabled->isChecked()
                                         ? row.value->text().trimmed().toStdString()
                                         : std::string(kOff);
    return out;
}

void RiskLimitsDialog::setSettings(const Settings& settings) {
    clearRows();
    // Every base key, in the order RiskLimits writes them, then the stored overrides.
    const Settings base = risk::RiskLimits::none().toSettings();
    for (const auto& [key, off] : base) {
        auto it = settings.find(key);
        addRow(QString::fromStdString(key),
               QString::fromStdString(it == settings.end() ? off : it->second));
    }
    for (const auto& [key, value] : settings)
        if (!base.contains(key))
            addRow(QString::fromStdString(key), QString::fromStdString(value));
    m_error->clear();
}

Result<void> RiskLimitsDialog::validate() const {
    auto limits = risk::RiskLimits::fromSettings(settings());
    if (!limits)
        return limits.error();
    return limits->validate();
}

void RiskLimitsDialog::accept() {
    if (auto ok = validate(); !ok) {
        m_error->setText(QString::fromStdString(ok.error().message));
        return;
    }
    QDialog::accept();
}

} // namespace cw::ui
