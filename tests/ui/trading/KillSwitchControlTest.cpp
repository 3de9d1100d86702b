// SPDX-License-Identifier: MIT
#include "ui/trading/KillSwitchControl.hpp"

#include "ui/trading/TradingController.hpp"

#include <QAction>
#include <QSignalSpy>
#include <QToolButton>
#include <QtTest>

#include <memory>
#include <vector>

using namespace cw;
using namespace cw::ui;

namespace {

struct Harness {
    std::vector<engine::TradingCommand> posted;
    TradingController controller{[this](engine::TradingCommand c) -> Result<void> {
                                     posted.push_back(std::move(c));
                                     return {};
                                 },
                                 {}};
};

std::shared_ptr<engine::TradingSnapshot> triggered(std::uint64_t version) {
    auto s = std::make_shared<engine::TradingSnapshot>();
    s->version = version;
    s->killSwitch.triggered = true;
    s->killSwitch.reason = "user: toolbar";
    s->killSwitch.since = 1'717'416'000'000'000'000;
    return s;
}

} // namespace

class KillSwitchControlTest : public QObject {
    Q_OBJECT

private slots:
    void asksOnceWhenTheChoiceIsRemembered() {
        Harness h;
        KillSwitchControl control(h.controller, nullptr);
        QSignalSpy remembered(&control, &KillSwitchControl::rememberedChoiceChanged);
        int asked = 0;
        control.setFlattenAsker([&](QWidget*, bool& remember) -> std::optional<bool> {
            ++asked;
            remember = true;
            return true; // cancel and flatten
        });
        QVERIFY(control.trigger(QStringLiteral("shortcut")));
        QVERIFY(control.trigger(QStringLiteral("toolbar")));
        QCOMPARE(asked, 1);
        QCOMPARE(remembered.count(), 1);
        QCOMPARE(control.rememberedChoice(), KillSwitchControl::FlattenChoice::Flatten);
        QCOMPARE(h.posted.size(), std::size_t(2));
        const auto* second = std::get_if<engine::TriggerKillSwitch>(&h.posted[1]);
        QVERIFY(second);
        QVERIFY(second->flatten);
        QCOMPARE(second->reason, std::string("toolbar"));
    }

    void declinedQuestionSendsNothing() {
        Harness h;
        KillSwitchControl control(h.controller, nullptr);
        control.setFlattenAsker([](QWidget*, bool&) { return std::optional<bool>(); });
        QVERIFY(!control.trigger(QStringLiteral("user")));
        QVERIFY(h.posted.empty());
        QCOMPARE(control.rememberedChoice(), KillSwitchControl::FlattenChoice::Ask);
    }

    void showsTheStateAndAsksForTheOverride() {
        Harness h;
        KillSwitchControl control(h.controller, nullptr);
        QToolButton* button = control.createButton(nullptr);
        std::unique_ptr<QToolButton> owner(button);
        QVERIFY(!control.rearmAction()->isEnabled());

        h.controller.setSnapshot(triggered(1));
        QVERIFY(control.isTriggered());
        QVERIFY(control.rearmAction()->isEnabled());
        QCOMPARE(control.triggerAction()->text(), QStringLiteral("KILL SWITCH ON"));
        QVERIFY(control.triggerAction()->toolTip().contains(QStringLiteral("user: toolbar")));
        QVERIFY(button->styleSheet().contains(QStringLiteral("#d32f2f")));

        // A plain re-arm first; the engine refuses it (loss limit still breached), the user
        // confirms the override, which is sent.
        QString question;
        control.setOverrideAsker([&](QWidget*, const QString& message) {
            question = message;
            return true;
        });
        QVERIFY(control.rearm());
        const auto* plain = std::get_if<engine::RearmKillSwitch>(&h.posted.back());
        QVERIFY(plain && !plain->overrideLossLimit);
        // A kill-switch notice that only mentions the override in its text asks nothing: the
        // control reads the structured refusal, never the message.
        auto chatter = triggered(2);
        engine::TradingNotice text;
        text.kind = engine::TradingNotice::Kind::KillSwitch;
        text.message = "re-arm refused: re-arm with the loss-limit override to trade anyway";
        chatter->notices = {text};
        h.controller.setSnapshot(chatter);
        QVERIFY(question.isEmpty());
        QVERIFY(!std::get<engine::RearmKillSwitch>(h.posted.back()).overrideLossLimit);

        auto refused = triggered(3);
        engine::TradingNotice n;
        n.kind = engine::TradingNotice::Kind::KillSwitch;
        n.message = "re-arm refused";
        engine::RearmRefusal refusal;
        refusal.rule = risk::RiskRule::DailyLossLimit;
        refusal.overridable = true;
        refusal.breaches = {
            risk::LossLimitBreach{"paper", *Money::parse("-5000.01", *Currency::parse("USDT")),
                                  *Money::parse("5000.00", *Currency::parse("USDT"))}};
        n.rearmRefusal = refusal;
        refused->notices = {n};
        h.controller.setSnapshot(refused);
        QCOMPARE(question, QStringLiteral("Account 'paper': P&L -5,000.01 USDT is beyond the "
                                          "daily loss limit of 5,000.00 USDT."));
        const auto* forced = std::get_if<engine::RearmKillSwitch>(&h.posted.back());
        QVERIFY(forced && forced->overrideLossLimit);

        // Re-armed: the button goes back to normal; a later refusal notice asks nothing.
        auto armed = std::make_shared<engine::TradingSnapshot>();
        armed->version = 4;
        h.controller.setSnapshot(armed);
        QVERIFY(!control.isTriggered());
        QCOMPARE(control.triggerAction()->text(), QStringLiteral("Kill switch"));
        const std::size_t sent = h.posted.size();
        auto late = triggered(5);
        late->notices = {n};
        h.controller.setSnapshot(late);
        QCOMPARE(h.posted.size(), sent);
    }

    void refusalThatCannotBeOverriddenAsksNothing() {
        Harness h;
        KillSwitchControl control(h.controller, nullptr);
        h.controller.setSnapshot(triggered(1));
        int asked = 0;
        control.setOverrideAsker([&](QWidget*, const QString&) {
            ++asked;
            return true;
        });
        QVERIFY(control.rearm());
        const std::size_t sent = h.posted.size();
        auto refused = triggered(2);
        engine::TradingNotice n;
        n.kind = engine::TradingNotice::Kind::KillSwitch;
        engine::RearmRefusal refusal; // no rule, nothing to override
        n.rearmRefusal = refusal;
        refused->notices = {n};
        h.controller.setSnapshot(refused);
        QCOMPARE(asked, 0);
        QCOMPARE(h.posted.size(), sent);
        QCOMPARE(KillSwitchControl::overrideQuestion({}), QString());
    }
};

QTEST_MAIN(KillSwitchControlTest)
#include "KillSwitchControlTest.moc"
