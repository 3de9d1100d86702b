// SPDX-License-Identifier: MIT
#include "ui/trading/KillSwitchControl.hpp"

#include "core/risk/RiskRule.hpp"
#include "ui/trading/TradingController.hpp"
#include "ui/trading/TradingFormat.hpp"

#include <QAction>
#include <QCheckBox>
#include <QMessageBox>
#include <QPushButton>
#include <QToolButton>

namespace cw::ui {

namespace {

std::optional<bool> askFlatten(QWidget* parent, bool& remember) {
    QMessageBox box(QMessageBox::Warning, QObject::tr("Kill switch"),
                    QObject::tr("Cancel every working order and block new orders until "
                                "re-armed.\n\nAlso close every position with market orders?"),
                    QMessageBox::NoButton, parent);
    QPushButton* cancelOnly = box.addButton(QObject::tr("Cancel orders"), QMessageBox::AcceptRole);
    QPushButton* flatten =
        box.addButton(QObject::tr("Cancel orders and flatten"), QMessageBox::DestructiveRole);
    box.addButton(QMessageBox::Cancel);
    auto* rememberBox = new QCheckBox(QObject::tr("Remember my choice"), &box);
    box.setCheckBox(rememberBox);
    box.setDefaultButton(cancelOnly);
    box.exec();
    remember = rememberBox->isChecked();
    if (box.clickedButton() == cancelOnly)
        return false;
    if (box.clickedButton() == flatten)
        return true;
    return std::nullopt;
}

bool askOverride(QWidget* parent, const QString& message) {
    return QMessageBox::warning(
               parent, QObject::tr("Re-arm the kill switch"),
               QObject::tr("%1\n\nRe-arm anyway and allow new orders?").arg(message),
               QMessageBox::Yes | QMessageBox::No, QMessageBox::No) == QMessageBox::Yes;
}

} // namespace

QString KillSwitchControl::overrideQuestion(const std::vector<risk::LossLimitBreach>& breaches) {
    QStringList lines;
    for (const risk::LossLimitBreach& b : breaches)
        lines << tr("%1: P&L %2 is beyond the daily loss limit of %3.")
                     .arg(b.account.empty()
                              ? tr("Default account")
                              : tr("Account '%1'").arg(QString::fromStdString(b.account)),
                          TradingFormat::money(b.pnl), TradingFormat::money(b.limit));
    return lines.join(QLatin1Char('\n'));
}

KillSwitchControl::KillSwitchControl(TradingController& controller, QWidget* dialogParent,
                                     QObject* parent)
    : QObject(parent), m_controller(controller), m_dialogParent(dialogParent),
      m_flattenAsker(askFlatten), m_overrideAsker(askOverride) {
    m_trigger = new QAction(tr("&Kill switch"), this);
    m_trigger->setObjectName(QStringLiteral("KillSwitchAction"));
    m_trigger->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K));
    m_trigger->setShortcutContext(Qt::ApplicationShortcut);
    connect(m_trigger, &QAction::triggered, this, [this] { trigger(QStringLiteral("user")); });
    m_rearm = new QAction(tr("&Re-arm kill switch"), this);
    m_rearm->setObjectName(QStringLiteral("RearmAction"));
    connect(m_rearm, &QAction::triggered, this, [this] { rearm(); });

    connect(&m_controller, &TradingController::snapshotChanged, this, &KillSwitchControl::refresh);
    connect(&m_controller, &TradingController::noticeReceived, this,
            [this](const engine::TradingNotice& notice) {
                // The engine refuses a plain re-arm while a daily loss limit is breached and
                // says so in the notice's structured refusal (rule and numbers).
                const auto& refusal = notice.rearmRefusal;
                if (!m_rearmPending || !refusal)
                    return;
                m_rearmPending = false;
                if (refusal->rule != risk::RiskRule::DailyLossLimit || !refusal->overridable)
                    return;
                if (m_overrideAsker &&
                    m_overrideAsker(m_dialogParent, overrideQuestion(refusal->breaches)))
                    m_controller.post(engine::RearmKillSwitch{true});
            });
    refresh();
}

QToolButton* KillSwitchControl::createButton(QWidget* parent) {
    m_button = new QToolButton(parent);
    m_button->setObjectName(QStringLiteral("KillSwitchButton"));
    m_button->setDefaultAction(m_trigger);
    m_button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    refresh();
    return m_button;
}

void KillSwitchControl::setRememberedChoice(FlattenChoice choice) {
    if (choice == m_choice)
        return;
    m_choice = choice;
    emit rememberedChoiceChanged(choice);
}

void KillSwitchControl::setFlattenAsker(FlattenAsker asker) {
    m_flattenAsker = std::move(asker);
}

void KillSwitchControl::setOverrideAsker(OverrideAsker asker) {
    m_overrideAsker = std::move(asker);
}

bool KillSwitchControl::trigger(const QString& reason) {
    bool flatten = m_choice == FlattenChoice::Flatten;
    if (m_choice != FlattenChoice::CancelOnly && m_choice != FlattenChoice::Flatten) {
        bool remember = false;
        const std::optional<bool> answer =
            m_flattenAsker ? m_flattenAsker(m_dialogParent, remember) : std::optional<bool>(false);
        if (!answer)
            return false;
        flatten = *answer;
        if (remember)
            setRememberedChoice(flatten ? FlattenChoice::Flatten : FlattenChoice::CancelOnly);
    }
    return m_controller.post(engine::TriggerKillSwitch{flatten, reason.toStdString()});
}

bool KillSwitchControl::rearm() {
    m_rearmPending = true;
    return m_controller.post(engine::RearmKillSwitch{false});
}

void KillSwitchControl::refresh() {
    const engine::KillSwitchStatus& status = m_controller.snapshot().killSwitch;
    m_triggered = status.triggered;
    if (!m_triggered)
        m_rearmPending = false;
    m_rearm->setEnabled(m_triggered);
    if (m_triggered) {
        m_trigger->setText(tr("KILL SWITCH ON"));
        m_trigger->setToolTip(
            tr("Triggered %1: %2\nRe-arm it from the Trading menu.")
                .arg(TradingFormat::time(status.since), QString::fromStdString(status.reason)));
    } else {
        m_trigger->setText(tr("Kill switch"));
        m_trigger->setToolTip(
            tr("Cancel every working order (and optionally flatten) and block new orders "
               "(Ctrl+Shift+K)"));
    }
    if (m_button)
        m_button->setStyleSheet(
            m_triggered ? QStringLiteral("QToolButton { background: #d32f2f; color: white; "
                                         "font-weight: bold; padding: 2px 8px; }")
                        : QStringLiteral("QToolButton { border: 1px solid #d32f2f; color: "
                                         "#ef5350; padding: 2px 8px; }"));
}

} // namespace cw::ui
