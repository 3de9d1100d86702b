// SPDX-License-Identifier: MIT
#include "core/risk/KillSwitch.hpp"

#include <gtest/gtest.h>
#include <string>

using namespace cw;
using namespace cw::risk;

namespace {

constexpr TimestampNs kNow = 1'718'028'187'000'000'000; // 2024-06-10 14:03:07 UTC

Money usdt(const char* text) {
    return *Money::parse(text, *Currency::parse("USDT"));
}
Quantity qty(const char* text) {
    return *Quantity::parse(text);
}
adapters::InstrumentKey key(const char* symbol) {
    return *adapters::InstrumentKey::make("SIM", symbol);
}

const std::optional<Money> kLimit = usdt("1000.00");

} // namespace

TEST(KillSwitch, startsArmedAndKeepsTheFirstTrigger) {
    KillSwitch ks;
    EXPECT_EQ(ks.state(), KillSwitchState::Armed);
    EXPECT_TRUE(ks.blockMessage().empty());
    EXPECT_TRUE(ks.trigger(KillSwitchReason::User, "panic button", kNow));
    EXPECT_FALSE(ks.trigger(KillSwitchReason::System, "later", kNow + 5));
    EXPECT_EQ(ks.state(), KillSwitchState::Triggered);
    ASSERT_TRUE(ks.lastTrigger().has_value());
    EXPECT_EQ(ks.lastTrigger()->reason, KillSwitchReason::User);
    EXPECT_EQ(ks.lastTrigger()->time, kNow);
    EXPECT_EQ(ks.blockMessage(), "kill switch triggered at 2024-06-10 14:03:07 UTC by the user: "
                                 "panic button; re-arm it to trade again");
}

TEST(KillSwitch, userTriggerIsReArmedNormally) {
    KillSwitch ks;
    ASSERT_TRUE(ks.trigger(KillSwitchReason::User, "", kNow));
    ASSERT_TRUE(ks.rearm(KillSwitch::RearmMode::Normal));
    EXPECT_EQ(ks.state(), KillSwitchState::Armed);
    EXPECT_FALSE(ks.lastTrigger().has_value());
    // Re-arming an armed switch is harmless; a missing mode is an error.
    EXPECT_TRUE(ks.rearm(KillSwitch::RearmMode::Normal));
    EXPECT_FALSE(ks.rearm(KillSwitch::RearmMode::Invalid));
}

TEST(KillSwitch, lossAtTheLimitDoesNotTriggerOneCentBeyondTriggersOnce) {
    KillSwitch ks;
    EXPECT_FALSE(ks.onPnlUpdate("main", usdt("250.00"), kLimit, kNow));
    EXPECT_FALSE(ks.onPnlUpdate("main", usdt("-1000.00"), kLimit, kNow));
    EXPECT_EQ(ks.state(), KillSwitchState::Armed);
    EXPECT_TRUE(ks.onPnlUpdate("main", usdt("-1000.01"), kLimit, kNow + 1));
    ASSERT_TRUE(ks.isTriggered());
    EXPECT_EQ(ks.lastTrigger()->reason, KillSwitchReason::DailyLossLimit);
    EXPECT_EQ(ks.lastTrigger()->account, "main");
    EXPECT_EQ(ks.lastTrigger()->message,
              "P&L -1,000.01 USDT of account 'main' is beyond the daily loss limit -1,000.00 USDT");
    // Further updates while triggered do not trigger again.
    EXPECT_FALSE(ks.onPnlUpdate("main", usdt("-1500.00"), kLimit, kNow + 2));
    EXPECT_EQ(ks.lastTrigger()->time, kNow + 1);
}

TEST(KillSwitch, limitOffOrOtherCurrencyNeverTriggers) {
    KillSwitch ks;
    EXPECT_FALSE(ks.onPnlUpdate("main", usdt("-1000000.00"), std::nullopt, kNow));
    const Money eur = *Money::parse("-5000", *Currency::parse("EUR"));
    EXPECT_FALSE(ks.onPnlUpdate("main", eur, kLimit, kNow));
    EXPECT_EQ(ks.state(), KillSwitchState::Armed);
}

TEST(KillSwitch, normalRearmIsRefusedWhileTheLossIsBeyondTheLimit) {
    KillSwitch ks;
    ASSERT_TRUE(ks.onPnlUpdate("main", usdt("-1200.00"), kLimit, kNow));
    const auto r = ks.rearm(KillSwitch::RearmMode::Normal);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().message,
              "kill switch stays triggered: P&L -1,200.00 USDT of account 'main' is beyond the "
              "daily loss limit -1,000.00 USDT; re-arm with the loss-limit override to trade "
              "anyway");
    EXPECT_TRUE(ks.isTriggered());
    // Once the loss is back within the limit a normal re-arm works.
    EXPECT_FALSE(ks.onPnlUpdate("main", usdt("-900.00"), kLimit, kNow + 1));
    EXPECT_TRUE(ks.rearm(KillSwitch::RearmMode::Normal));
    EXPECT_FALSE(ks.isTriggered());
}

TEST(KillSwitch, overrideRearmAcknowledgesTheLossAndAFurtherLossRetriggers) {
    KillSwitch ks;
    ASSERT_TRUE(ks.onPnlUpdate("main", usdt("-1200.00"), kLimit, kNow));
    ASSERT_TRUE(ks.rearm(KillSwitch::RearmMode::OverrideLossLimit));
    EXPECT_FALSE(ks.isTriggered());
    EXPECT_TRUE(ks.isLossAcknowledged("main", usdt("-1200.00")));
    EXPECT_TRUE(ks.isLossAcknowledged("main", usdt("-1100.00")));
    EXPECT_FALSE(ks.isLossAcknowledged("main", usdt("-1200.01")));
    EXPECT_FALSE(ks.isLossAcknowledged("other", usdt("-1200.00")));

    // Same or smaller loss: no new breach.
    EXPECT_FALSE(ks.onPnlUpdate("main", usdt("-1200.00"), kLimit, kNow + 1));
    EXPECT_FALSE(ks.onPnlUpdate("main", usdt("-1150.00"), kLimit, kNow + 2));
    // A further loss is a new breach.
    EXPECT_TRUE(ks.onPnlUpdate("main", usdt("-1200.01"), kLimit, kNow + 3));
    EXPECT_EQ(ks.lastTrigger()->message,
              "P&L -1,200.01 USDT of account 'main' is beyond the daily loss limit -1,000.00 USDT "
              "and below the -1,200.00 USDT acknowledged at the last override");
    EXPECT_FALSE(ks.isLossAcknowledged("main", usdt("-1200.00")));
}

TEST(KillSwitch, recoveringWithinTheLimitEndsTheOverrideAndANewCrossingRetriggers) {
    KillSwitch ks;
    ASSERT_TRUE(ks.onPnlUpdate("main", usdt("-1200.00"), kLimit, kNow));
    ASSERT_TRUE(ks.rearm(KillSwitch::RearmMode::OverrideLossLimit));
    EXPECT_FALSE(ks.onPnlUpdate("main", usdt("-500.00"), kLimit, kNow + 1));
    EXPECT_FALSE(ks.isLossAcknowledged("main", usdt("-1100.00")));
    EXPECT_TRUE(ks.onPnlUpdate("main", usdt("-1100.00"), kLimit, kNow + 2));
}

TEST(KillSwitch, cancelsEveryWorkingOrderAndFlattensLongAndShortPositions) {
    const std::vector<KillSwitchWorkingOrder> orders = {{"o-1", key("BTCUSDT")},
                                                        {"o-2", key("ETHUSDT")}};
    std::vector<adapters::PositionReport> positions(3);
    positions[0].account = "main";
    positions[0].instrument = key("BTCUSDT");
    positions[0].quantity = qty("1.250");
    positions[1].account = "hedge";
    positions[1].instrument = key("ETHUSDT");
    positions[1].quantity = qty("-3.5");
    positions[2].account = "main";
    positions[2].instrument = key("SOLUSDT");
    positions[2].quantity = qty("0"); // flat: nothing to send

    const auto actions = KillSwitch::planActions(orders, positions, true);
    ASSERT_EQ(actions.cancels.size(), 2U);
    EXPECT_EQ(actions.cancels[0].clientOrderId, "o-1");
    EXPECT_EQ(actions.cancels[0].instrument, key("BTCUSDT"));
    EXPECT_EQ(actions.cancels[1].clientOrderId, "o-2");
    ASSERT_EQ(actions.flattenOrders.size(), 2U);

    const auto& closeLong = actions.flattenOrders[0];
    EXPECT_EQ(closeLong.side, Side::Sell);
    EXPECT_EQ(closeLong.type, OrderType::Market);
    EXPECT_TRUE(closeLong.quantity.isIdentical(qty("1.250")));
    EXPECT_EQ(closeLong.instrument, key("BTCUSDT"));
    EXPECT_EQ(closeLong.account, "main");
    EXPECT_TRUE(closeLong.limitPrice.isZero());

    const auto& closeShort = actions.flattenOrders[1];
    EXPECT_EQ(closeShort.side, Side::Buy);
    EXPECT_TRUE(closeShort.quantity.isIdentical(qty("3.5")));
    EXPECT_EQ(closeShort.account, "hedge");

    // Without flattening, only the cancels.
    const auto cancelOnly = KillSwitch::planActions(orders, positions, false);
    EXPECT_EQ(cancelOnly.cancels.size(), 2U);
    EXPECT_TRUE(cancelOnly.flattenOrders.empty());

    KillSwitch ks;
    EXPECT_TRUE(ks.actions(orders, positions).flattenOrders.empty());
    ks.setFlattenOnTrigger(true);
    EXPECT_EQ(ks.actions(orders, positions).flattenOrders.size(), 2U);
}

TEST(KillSwitch, rearmBlockersNameEveryAccountBeyondItsLimitWithTheNumbers) {
    KillSwitch ks;
    EXPECT_TRUE(ks.rearmBlockers().empty());
    ASSERT_TRUE(ks.onPnlUpdate("main", usdt("-1000.01"), kLimit, kNow));
    EXPECT_FALSE(ks.onPnlUpdate("hedge", usdt("-2500.00"), kLimit, kNow)); // already triggered
    EXPECT_FALSE(ks.onPnlUpdate("calm", usdt("-999.99"), kLimit, kNow));   // within its limit
    const auto blockers = ks.rearmBlockers();
    ASSERT_EQ(blockers.size(), 2u); // ordered by account
    EXPECT_EQ(blockers[0].account, "hedge");
    EXPECT_EQ(blockers[0].pnl, usdt("-2500.00"));
    EXPECT_EQ(blockers[0].limit, usdt("1000.00"));
    EXPECT_EQ(blockers[1].account, "main");
    EXPECT_EQ(blockers[1].pnl, usdt("-1000.01"));
    EXPECT_FALSE(ks.rearm(KillSwitch::RearmMode::Normal).hasValue());
    // Acknowledged by the override: no longer blocking.
    ASSERT_TRUE(ks.rearm(KillSwitch::RearmMode::OverrideLossLimit).hasValue());
    EXPECT_TRUE(ks.rearmBlockers().empty());
}
