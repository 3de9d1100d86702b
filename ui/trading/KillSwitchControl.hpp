// SPDX-License-Identifier: MIT
#pragma once

#include "core/risk/KillSwitch.hpp"

#include <QObject>
#include <QString>

#include <functional>
#include <optional>
#include <vector>

class QAction;
class QToolButton;
class QWidget;

namespace cw::ui {

class TradingController;

/// The kill switch's actions and toolbar button.
///
/// Trigger (toolbar, Trading menu, Ctrl+Shift+K anywhere in the application): asks whether to
/// flatten every position as well as cancel every working order, with "remember my choice"
/// (then it asks no more), and posts TriggerKillSwitch. Re-arm posts RearmKillSwitch; when the
/// engine refuses it because a daily loss limit is still breached (the notice's
/// `rearmRefusal`: rule DailyLossLimit, the accounts with P&L and limit, overridable) it asks
/// for the explicit override, showing those numbers, and posts
/// RearmKillSwitch{overrideLossLimit = true}. Notice texts are never parsed.
///
/// The button shows the snapshot's state: red "KILL SWITCH ON" with the reason and the time
/// as tooltip while triggered.
/// Thread: GUI.
class KillSwitchControl : public QObject {
    Q_OBJECT

public:
    enum class FlattenChoice { Invalid = 0, Ask, CancelOnly, Flatten };
    /// Asks the user; nullopt = do nothing. `remember` is set when the choice is to stick.
    using FlattenAsker = std::function<std::optional<bool>(QWidget* parent, bool& remember)>;
    using OverrideAsker = std::function<bool(QWidget* parent, const QString& message)>;

    KillSwitchControl(TradingController& controller, QWidget* dialogParent,
                      QObject* parent = nullptr);

    QAction* triggerAction() const { return m_trigger; }
    QAction* rearmAction() const { return m_rearm; }
    /// A toolbar button for the trigger action that shows the state.
    QToolButton* createButton(QWidget* parent);

    FlattenChoice rememberedChoice() const { return m_choice; }
    void setRememberedChoice(FlattenChoice choice);
    void setFlattenAsker(FlattenAsker asker);
    void setOverrideAsker(OverrideAsker asker);

    /// Asks (unless remembered) and posts TriggerKillSwitch{flatten, reason}. False when the
    /// user declined or the command could not be queued.
    bool trigger(const QString& reason);
    /// Posts RearmKillSwitch (without override).
    bool rearm();
    bool isTriggered() const { return m_triggered; }

    /// The override question for the accounts beyond their limit: one line per account,
    /// "Account 'paper': P&L -5,000.01 USDT is beyond the daily loss limit of 5,000.00 USDT."
    static QString overrideQuestion(const std::vector<risk::LossLimitBreach>& breaches);

signals:
    /// The remembered flatten choice changed (to be stored in the settings).
    void rememberedChoiceChanged(cw::ui::KillSwitchControl::FlattenChoice choice);

private:
    void refresh();

    TradingController& m_controller;
    QWidget* m_dialogParent;
    QAction* m_trigger = nullptr;
    QAction* m_rearm = nullptr;
    QToolButton* m_button = nullptr;
    FlattenChoice m_choice = FlattenChoice::Ask;
    FlattenAsker m_flattenAsker;
    OverrideAsker m_overrideAsker;
    bool m_triggered = false;
    bool m_rearmPending = false;
};

} // namespace cw::ui
