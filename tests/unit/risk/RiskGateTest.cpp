// SPDX-License-Identifier: MIT
#include "core/risk/RiskGate.hpp"

#include <gtest/gtest.h>
#include <string>

using namespace cw;
using namespace cw::risk;

namespace {

constexpr TimestampNs kNow = 1'718'028'187'000'000'000; // 2024-06-10 14:03:07 UTC

Price px(const char* text) {
    return *Price::parse(text);
}
Quantity qty(const char* text) {
    return *Quantity::parse(text);
}
Money usdt(const char* text) {
    return *Money::parse(text, *Currency::parse("USDT"));
}

Instrument btcusdt() {
    Instrument i;
    i.symbol = "BTCUSDT";
    i.venue = "SIM";
    i.assetClass = AssetClass::Crypto;
    i.baseCurrency = *Currency::parse("BTC");
    i.quoteCurrency = *Currency::parse("USDT");
    i.pricePrecision = 2;
    i.quantityPrecision = 3;
    i.tickSize = px("0.10");
    i.lotSize = qty("0.001");
    return i;
}

adapters::InstrumentKey key() {
    return *adapters::InstrumentKey::make("SIM", "BTCUSDT");
}

adapters::SubmitOrder limitOrder(Side side, const char* quantity, const char* price) {
    adapters::SubmitOrder order;
    order.clientOrderId = "o-1";
    order.instrument = key();
    order.side = side;
    order.type = OrderType::Limit;
    order.quantity = qty(quantity);
    order.limitPrice = px(price);
    order.account = "main";
    return order;
}

adapters::SubmitOrder marketOrder(Side side, const char* quantity) {
    adapters::SubmitOrder order = limitOrder(side, quantity, "0");
    order.type = OrderType::Market;
    order.limitPrice = Price();
    return order;
}

class RiskGateTest : public ::testing::Test {
protected:
    RiskGateTest() {
        m_context.instrument = &m_instrument;
        m_context.lastPrice = px("35400.00");
        m_context.bidPrice = px("35399.90");
        m_context.askPrice = px("35400.10");
    }

    RiskDecision check(const adapters::SubmitOrder& order) const {
        return m_gate.check(order, m_context, kNow);
    }
    void limit(RiskLimits limits) { ASSERT_TRUE(m_gate.setLimits("main", std::move(limits))); }

    Instrument m_instrument = btcusdt();
    RiskContext m_context;
    RiskGate m_gate;
};

#define EXPECT_REJECTED(decision, expectedRule, expectedMessage)                                   \
    do {                                                                                           \
        const RiskDecision d_ = (decision);                                                        \
        EXPECT_FALSE(d_.allowed);                                                                  \
        EXPECT_EQ(riskRuleName(d_.rule), riskRuleName(expectedRule));                              \
        EXPECT_EQ(d_.message, expectedMessage);                                                    \
    } while (false)

#define EXPECT_ALLOWED(decision)                                                                   \
    do {                                                                                           \
        const RiskDecision d_ = (decision);                                                        \
        EXPECT_TRUE(d_.allowed) << riskRuleName(d_.rule) << ": " << d_.message;                    \
        EXPECT_EQ(d_.rule, RiskRule::Invalid);                                                     \
    } while (false)

} // namespace

TEST_F(RiskGateTest, offLimitsNeverReject) {
    // No limits at all: an absurd order, far from the market, no reference, huge exposure,
    // many open orders, a big loss and many sends still pass.
    m_context.lastPrice = Price();
    m_context.bidPrice = Price();
    m_context.askPrice = Price();
    m_context.position = qty("1000000");
    m_context.workingBuyQuantity = qty("500000");
    m_context.openOrdersInAccount = 1'000'000;
    m_context.openOrdersInInstrument = 1'000'000;
    m_context.dailyPnl = usdt("-999999999.99");
    for (int i = 0; i < 1000; ++i)
        m_gate.recordSent("SIM", kNow);
    EXPECT_ALLOWED(check(limitOrder(Side::Buy, "1000000", "1.00")));
    EXPECT_ALLOWED(check(marketOrder(Side::Sell, "999999")));
}

TEST_F(RiskGateTest, maxOrderQuantityAcceptsAtTheLimitAndRejectsOneLotAbove) {
    RiskLimits limits;
    limits.maxOrderQuantity.defaultValue = qty("10");
    limit(limits);
    EXPECT_ALLOWED(check(limitOrder(Side::Buy, "10.000", "35400.00")));
    EXPECT_REJECTED(check(limitOrder(Side::Buy, "10.001", "35400.00")), RiskRule::MaxOrderQuantity,
                    "quantity 10.001 exceeds the limit 10 for SIM:BTCUSDT");
}

TEST_F(RiskGateTest, perInstrumentQuantityOverrideWinsOverTheDefault) {
    RiskLimits limits;
    limits.maxOrderQuantity.defaultValue = qty("10");
    limits.maxOrderQuantity.overrides[key()] = qty("2.5");
    limit(limits);
    EXPECT_ALLOWED(check(limitOrder(Side::Sell, "2.5", "35400.00")));
    EXPECT_REJECTED(check(limitOrder(Side::Sell, "2.501", "35400.00")), RiskRule::MaxOrderQuantity,
                    "quantity 2.501 exceeds the limit 2.5 for SIM:BTCUSDT");

    // An "off" override switches the limit off for this instrument only.
    limits.maxOrderQuantity.overrides[key()] = std::nullopt;
    limit(limits);
    EXPECT_ALLOWED(check(limitOrder(Side::Sell, "5000", "35400.00")));
}

TEST_F(RiskGateTest, accountsWithoutOwnLimitsUseTheDefaultLimits) {
    RiskLimits defaults;
    defaults.maxOrderQuantity.defaultValue = qty("1");
    ASSERT_TRUE(m_gate.setDefaultLimits(defaults));
    auto order = limitOrder(Side::Buy, "2", "35400.00");
    order.account = "other";
    EXPECT_EQ(check(order).rule, RiskRule::MaxOrderQuantity);
    RiskLimits own;
    own.maxOrderQuantity.defaultValue = qty("5");
    ASSERT_TRUE(m_gate.setLimits("other", own));
    EXPECT_ALLOWED(check(order));
    m_gate.clearLimits("other");
    EXPECT_EQ(check(order).rule, RiskRule::MaxOrderQuantity);
}

TEST_F(RiskGateTest, notionalAcceptsAtTheLimitAndRejectsAboveWithTheNumbers) {
    RiskLimits limits;
    limits.maxOrderNotional.defaultValue = usdt("100000.00");
    limit(limits);
    EXPECT_ALLOWED(check(limitOrder(Side::Buy, "2.500", "40000.00"))); // exactly 100,000.00
    EXPECT_REJECTED(check(limitOrder(Side::Buy, "3.125", "40000.00")), RiskRule::MaxOrderNotional,
                    "notional 125,000.00 USDT exceeds the limit 100,000.00 USDT "
                    "(3.125 x 40,000.00)");
    // One lot above the limit is caught exactly (0.001 x 40,000 = 40 USDT too much).
    EXPECT_REJECTED(check(limitOrder(Side::Buy, "2.501", "40000.00")), RiskRule::MaxOrderNotional,
                    "notional 100,040.00 USDT exceeds the limit 100,000.00 USDT "
                    "(2.501 x 40,000.00)");
}

TEST_F(RiskGateTest, notionalOfAMarketOrderUsesTheReferencePrice) {
    RiskLimits limits;
    limits.maxOrderNotional.defaultValue = usdt("35400.00");
    limit(limits);
    EXPECT_ALLOWED(check(marketOrder(Side::Buy, "1")));
    EXPECT_REJECTED(check(marketOrder(Side::Buy, "1.001")), RiskRule::MaxOrderNotional,
                    "notional 35,435.40 USDT exceeds the limit 35,400.00 USDT "
                    "(1.001 x 35,400.00)");
    // With no price known at all the market order's notional cannot be checked: rejected.
    m_context.lastPrice = Price();
    m_context.bidPrice = Price();
    m_context.askPrice = Price();
    const auto d = check(marketOrder(Side::Buy, "0.001"));
    EXPECT_EQ(d.rule, RiskRule::NoReferencePrice);
    EXPECT_NE(d.message.find("SIM:BTCUSDT"), std::string::npos) << d.message;
}

TEST_F(RiskGateTest, notionalOfAStopOrderUsesTheStopPrice) {
    RiskLimits limits;
    limits.maxOrderNotional.defaultValue = usdt("36000");
    limit(limits);
    auto stop = limitOrder(Side::Buy, "1", "0");
    stop.type = OrderType::Stop;
    stop.limitPrice = Price();
    stop.stopPrice = px("36000.00");
    EXPECT_ALLOWED(check(stop));
    stop.stopPrice = px("36000.10");
    EXPECT_EQ(check(stop).rule, RiskRule::MaxOrderNotional);
}

TEST_F(RiskGateTest, notionalLimitInAnotherCurrencyRejectsInsteadOfConverting) {
    RiskLimits limits;
    limits.maxOrderNotional.defaultValue = *Money::parse("1000000", *Currency::parse("USD"));
    limit(limits);
    EXPECT_REJECTED(check(limitOrder(Side::Buy, "0.001", "35400.00")), RiskRule::MaxOrderNotional,
                    "the notional limit is in USD but SIM:BTCUSDT is quoted in USDT; set a "
                    "limit in USDT for it");
}

TEST_F(RiskGateTest, priceBandInPercentAroundTheLastTrade) {
    RiskLimits limits;
    limits.priceBandPercent = *Decimal::parse("5");
    limit(limits);
    // 5 % of 35,400.00 is 1,770.00: both edges pass, one tick beyond fails.
    EXPECT_ALLOWED(check(limitOrder(Side::Buy, "1", "33630.00")));
    EXPECT_ALLOWED(check(limitOrder(Side::Sell, "1", "37170.00")));
    EXPECT_REJECTED(check(limitOrder(Side::Buy, "1", "33629.90")), RiskRule::PriceBand,
                    "limit 33,629.90 is 5.0003 % from last 35,400.00; band 5 %");
    EXPECT_REJECTED(check(limitOrder(Side::Buy, "1", "31000.00")), RiskRule::PriceBand,
                    "limit 31,000.00 is 12.4 % from last 35,400.00; band 5 %");
}

TEST_F(RiskGateTest, priceBandInTicks) {
    RiskLimits limits;
    limits.priceBandTicks = 100; // 100 x 0.10 = 10.00
    limit(limits);
    EXPECT_ALLOWED(check(limitOrder(Side::Sell, "1", "35410.00")));
    EXPECT_ALLOWED(check(limitOrder(Side::Buy, "1", "35390.00")));
    EXPECT_REJECTED(check(limitOrder(Side::Sell, "1", "35410.10")), RiskRule::PriceBand,
                    "limit 35,410.10 is 101 ticks from last 35,400.00; band 100 ticks of 0.10");
}

TEST_F(RiskGateTest, priceBandWithBothPercentAndTicksAppliesTheStricter) {
    RiskLimits limits;
    limits.priceBandPercent = *Decimal::parse("5");
    limits.priceBandTicks = 100;
    limit(limits);
    EXPECT_EQ(check(limitOrder(Side::Sell, "1", "35500.00")).rule, RiskRule::PriceBand); // ticks
    limits.priceBandTicks = 1'000'000;
    limit(limits);
    EXPECT_EQ(check(limitOrder(Side::Sell, "1", "40000.00")).rule, RiskRule::PriceBand); // %
    EXPECT_ALLOWED(check(limitOrder(Side::Sell, "1", "37000.00")));
}

TEST_F(RiskGateTest, priceBandUsesTheMidWhenThereIsNoLastTrade) {
    RiskLimits limits;
    limits.priceBandTicks = 10; // 1.00
    limit(limits);
    m_context.lastPrice = Price();
    m_context.bidPrice = px("100.00");
    m_context.askPrice = px("100.10");                            // mid 100.05, between two ticks
    EXPECT_ALLOWED(check(limitOrder(Side::Buy, "1", "99.10")));   // 0.95 away
    EXPECT_ALLOWED(check(limitOrder(Side::Sell, "1", "101.00"))); // 0.95 away
    EXPECT_REJECTED(check(limitOrder(Side::Sell, "1", "101.10")), RiskRule::PriceBand,
                    "limit 101.10 is 10.5 ticks from mid 100.05; band 10 ticks of 0.10");
}

TEST_F(RiskGateTest, priceBandAlsoChecksStopPrices) {
    RiskLimits limits;
    limits.priceBandPercent = *Decimal::parse("1");
    limit(limits);
    auto stopLimit = limitOrder(Side::Buy, "1", "35500.00");
    stopLimit.type = OrderType::StopLimit;
    stopLimit.stopPrice = px("36000.00"); // 1.69 % away; the limit price is inside the band
    EXPECT_REJECTED(check(stopLimit), RiskRule::PriceBand,
                    "stop 36,000.00 is 1.7 % from last 35,400.00; band 1 %");
}

TEST_F(RiskGateTest, missingReferencePriceRejectsPricedOrdersButNotMarketOrders) {
    RiskLimits limits;
    limits.priceBandPercent = *Decimal::parse("5");
    limit(limits);
    // Zero and negative prices mean "unknown"; one side of the book is not enough for a mid.
    m_context.lastPrice = Price();
    m_context.bidPrice = px("-1.00");
    m_context.askPrice = px("35400.10");
    EXPECT_REJECTED(check(limitOrder(Side::Buy, "1", "35400.00")), RiskRule::NoReferencePrice,
                    "no reference price for SIM:BTCUSDT (no last trade, no bid and ask): the "
                    "price band cannot be checked");
    EXPECT_ALLOWED(check(marketOrder(Side::Buy, "1"))); // no price to band
}

TEST_F(RiskGateTest, maxPositionCountsWorkingOrdersOnTheSameSide) {
    RiskLimits limits;
    limits.maxPosition.defaultValue = qty("10");
    limit(limits);
    m_context.position = qty("4");
    m_context.workingBuyQuantity = qty("3");
    m_context.workingSellQuantity = qty("50"); // the other side never adds to a long
    EXPECT_ALLOWED(check(limitOrder(Side::Buy, "3", "35400.00")));
    EXPECT_REJECTED(check(limitOrder(Side::Buy, "3.001", "35400.00")), RiskRule::MaxPosition,
                    "position in SIM:BTCUSDT after a full fill would be 10.001 (position 4, "
                    "working buys 3, this order +3.001); limit 10");
}

TEST_F(RiskGateTest, maxPositionAppliesToShortPositions) {
    RiskLimits limits;
    limits.maxPosition.defaultValue = qty("10");
    limit(limits);
    m_context.position = qty("-4");
    m_context.workingSellQuantity = qty("3");
    EXPECT_ALLOWED(check(limitOrder(Side::Sell, "3", "35400.00")));
    EXPECT_REJECTED(check(limitOrder(Side::Sell, "3.001", "35400.00")), RiskRule::MaxPosition,
                    "position in SIM:BTCUSDT after a full fill would be -10.001 (position -4, "
                    "working sells 3, this order -3.001); limit 10");
    // Through flat to the other side: long 8, sell 18 ends at -10 (allowed), 18.001 not.
    m_context.position = qty("8");
    m_context.workingSellQuantity = Quantity();
    EXPECT_ALLOWED(check(limitOrder(Side::Sell, "18", "35400.00")));
    EXPECT_EQ(check(limitOrder(Side::Sell, "18.001", "35400.00")).rule, RiskRule::MaxPosition);
}

TEST_F(RiskGateTest, ordersThatReduceAnOversizedPositionPass) {
    RiskLimits limits;
    limits.maxPosition.defaultValue = qty("10");
    limit(limits);
    m_context.position = qty("15"); // over the limit already (limit lowered, or a fill)
    EXPECT_ALLOWED(check(limitOrder(Side::Sell, "3", "35400.00")));
    EXPECT_EQ(check(limitOrder(Side::Buy, "0.001", "35400.00")).rule, RiskRule::MaxPosition);
    // Flipping an oversized short into an equally large long is not a reduction.
    m_context.position = qty("-15");
    EXPECT_ALLOWED(check(limitOrder(Side::Buy, "15", "35400.00"))); // to flat
    EXPECT_REJECTED(check(limitOrder(Side::Buy, "30", "35400.00")), RiskRule::MaxPosition,
                    "position in SIM:BTCUSDT after a full fill would be 15 (position -15, "
                    "working buys 0, this order +30); limit 10");
}

TEST_F(RiskGateTest, maxOpenOrdersPerAccountAndPerInstrument) {
    RiskLimits limits;
    limits.maxOpenOrders = 3;
    limits.maxOpenOrdersPerInstrument = 2;
    limit(limits);
    m_context.openOrdersInAccount = 2;
    m_context.openOrdersInInstrument = 1;
    EXPECT_ALLOWED(check(limitOrder(Side::Buy, "1", "35400.00"))); // becomes the 3rd / 2nd
    m_context.openOrdersInInstrument = 2;
    EXPECT_REJECTED(check(limitOrder(Side::Buy, "1", "35400.00")),
                    RiskRule::MaxOpenOrdersPerInstrument,
                    "account 'main' has 2 working orders in SIM:BTCUSDT; limit 2");
    m_context.openOrdersInAccount = 3;
    EXPECT_REJECTED(check(limitOrder(Side::Buy, "1", "35400.00")), RiskRule::MaxOpenOrders,
                    "account 'main' has 3 working orders; limit 3");
}

TEST_F(RiskGateTest, orderRateOverASlidingWindowWithExactTimestamps) {
    RiskLimits limits;
    limits.maxOrdersPerSecond = 3;
    limit(limits);
    const auto order = limitOrder(Side::Buy, "1", "35400.00");
    const TimestampNs t0 = kNow;
    for (TimestampNs t : {t0, t0 + 100'000'000, t0 + 200'000'000}) {
        EXPECT_ALLOWED(m_gate.check(order, m_context, t));
        m_gate.recordSent("SIM", t);
    }
    EXPECT_REJECTED(m_gate.check(order, m_context, t0 + 500'000'000), RiskRule::OrderRate,
                    "3 orders sent to SIM in the last second; limit 3 per second; next allowed "
                    "in 500.000 ms");
    // One nanosecond before the first send leaves the window it still counts...
    EXPECT_EQ(m_gate.check(order, m_context, t0 + 999'999'999).rule, RiskRule::OrderRate);
    // ...and exactly one second after it, it no longer does.
    EXPECT_ALLOWED(m_gate.check(order, m_context, t0 + 1'000'000'000));
}

TEST_F(RiskGateTest, checkAloneDoesNotUseUpTheRate) {
    RiskLimits limits;
    limits.maxOrdersPerSecond = 1;
    limit(limits);
    const auto order = limitOrder(Side::Buy, "1", "35400.00");
    for (int i = 0; i < 10; ++i)
        EXPECT_ALLOWED(check(order));
    m_gate.recordSent("SIM", kNow);
    EXPECT_EQ(check(order).rule, RiskRule::OrderRate);
}

TEST_F(RiskGateTest, dailyLossLimitAcceptsAtTheLimitAndRejectsBeyond) {
    RiskLimits limits;
    limits.dailyLossLimit = usdt("5000.00");
    limit(limits);
    m_context.dailyPnl = usdt("-5000.00");
    EXPECT_ALLOWED(check(limitOrder(Side::Buy, "1", "35400.00")));
    m_context.dailyPnl = usdt("-5000.01");
    EXPECT_REJECTED(check(limitOrder(Side::Buy, "1", "35400.00")), RiskRule::DailyLossLimit,
                    "P&L -5,000.01 USDT of account 'main' is beyond the daily loss limit "
                    "-5,000.00 USDT");
    m_context.dailyPnl = std::nullopt; // not known yet: the rule is skipped
    EXPECT_ALLOWED(check(limitOrder(Side::Buy, "1", "35400.00")));
    m_context.dailyPnl = *Money::parse("-1", *Currency::parse("EUR"));
    EXPECT_EQ(check(limitOrder(Side::Buy, "1", "35400.00")).rule, RiskRule::DailyLossLimit);
}

TEST_F(RiskGateTest, malformedOrdersAreRejectedAsInvalid) {
    EXPECT_REJECTED(check(limitOrder(Side::Buy, "0", "35400.00")), RiskRule::InvalidOrder,
                    "quantity 0 is not positive");
    EXPECT_EQ(check(limitOrder(Side::Buy, "-1", "35400.00")).rule, RiskRule::InvalidOrder);
    EXPECT_REJECTED(check(limitOrder(Side::Invalid, "1", "35400.00")), RiskRule::InvalidOrder,
                    "order has no side");
    EXPECT_REJECTED(check(limitOrder(Side::Buy, "1", "0.00")), RiskRule::InvalidOrder,
                    "Limit order with limit 0.00: must be positive");
    auto stop = marketOrder(Side::Sell, "1");
    stop.type = OrderType::Stop;
    stop.stopPrice = px("-5.00");
    EXPECT_REJECTED(check(stop), RiskRule::InvalidOrder,
                    "Stop order with stop -5.00: must be positive");
    auto noType = limitOrder(Side::Buy, "1", "35400.00");
    noType.type = OrderType::Invalid;
    EXPECT_REJECTED(check(noType), RiskRule::InvalidOrder, "order has no type");
}

TEST_F(RiskGateTest, missingOrMismatchedInstrumentDefinitionIsRejected) {
    m_context.instrument = nullptr;
    EXPECT_REJECTED(check(limitOrder(Side::Buy, "1", "35400.00")), RiskRule::UnknownInstrument,
                    "no instrument definition for SIM:BTCUSDT");
    Instrument other = btcusdt();
    other.symbol = "ETHUSDT";
    m_context.instrument = &other;
    EXPECT_REJECTED(check(limitOrder(Side::Buy, "1", "35400.00")), RiskRule::UnknownInstrument,
                    "the instrument definition is for SIM:ETHUSDT, not SIM:BTCUSDT");
    Instrument noTick = btcusdt();
    noTick.tickSize = Price();
    m_context.instrument = &noTick;
    EXPECT_EQ(check(limitOrder(Side::Buy, "1", "35400.00")).rule, RiskRule::UnknownInstrument);
}

TEST_F(RiskGateTest, modifyGoesThroughTheSameRules) {
    RiskLimits limits;
    limits.priceBandPercent = *Decimal::parse("5");
    limits.maxPosition.defaultValue = qty("10");
    limits.maxOpenOrders = 1;
    limit(limits);
    WorkingOrderState current;
    current.account = "main";
    current.side = Side::Buy;
    current.type = OrderType::Limit;
    current.quantity = qty("6");
    current.filledQuantity = qty("2");
    current.limitPrice = px("35000.00");
    m_context.position = qty("2");           // the filled part
    m_context.workingBuyQuantity = qty("4"); // this order's open rest
    m_context.openOrdersInAccount = 1;       // this order: a modify adds none

    adapters::ModifyOrder modify;
    modify.clientOrderId = "o-1";
    modify.newClientOrderId = "o-1a";
    modify.instrument = key();
    modify.quantity = qty("10"); // open 8: position 2 + 8 = 10, at the limit
    EXPECT_ALLOWED(m_gate.check(modify, current, m_context, kNow));
    modify.quantity = qty("10.001");
    EXPECT_REJECTED(m_gate.check(modify, current, m_context, kNow), RiskRule::MaxPosition,
                    "position in SIM:BTCUSDT after a full fill would be 10.001 (position 2, "
                    "working buys 4, this order +8.001); limit 10");

    modify.quantity = Quantity(); // unchanged
    modify.limitPrice = px("30000.00");
    EXPECT_EQ(m_gate.check(modify, current, m_context, kNow).rule, RiskRule::PriceBand);

    modify.limitPrice = Price();
    modify.quantity = qty("2"); // not above what is filled
    EXPECT_REJECTED(m_gate.check(modify, current, m_context, kNow), RiskRule::InvalidOrder,
                    "new quantity 2 is not above the filled quantity 2");
}

TEST_F(RiskGateTest, triggeredKillSwitchBlocksEveryOrderUntilRearmed) {
    ASSERT_TRUE(m_gate.killSwitch().trigger(KillSwitchReason::User, "", kNow));
    EXPECT_REJECTED(check(limitOrder(Side::Buy, "1", "35400.00")), RiskRule::KillSwitch,
                    "kill switch triggered at 2024-06-10 14:03:07 UTC by the user; re-arm it to "
                    "trade again");
    ASSERT_TRUE(m_gate.killSwitch().rearm(KillSwitch::RearmMode::Normal));
    EXPECT_ALLOWED(check(limitOrder(Side::Buy, "1", "35400.00")));
}

TEST_F(RiskGateTest, pnlUpdatesTriggerTheKillSwitchWithTheAccountsLimit) {
    RiskLimits limits;
    limits.dailyLossLimit = usdt("5000.00");
    limit(limits);
    EXPECT_FALSE(m_gate.onPnlUpdate("main", usdt("-5000.00"), kNow));
    EXPECT_FALSE(m_gate.onPnlUpdate("other", usdt("-9000.00"), kNow)); // no limit there
    EXPECT_TRUE(m_gate.onPnlUpdate("main", usdt("-5000.01"), kNow));
    const auto d = check(limitOrder(Side::Buy, "1", "35400.00"));
    EXPECT_EQ(d.rule, RiskRule::KillSwitch);
    EXPECT_EQ(d.message, "kill switch triggered at 2024-06-10 14:03:07 UTC by the daily loss "
                         "limit: P&L -5,000.01 USDT of account 'main' is beyond "
                         "the daily loss limit -5,000.00 USDT; re-arm it to trade again");

    // The override re-arm lets orders pass at the acknowledged loss, not at a bigger one.
    ASSERT_TRUE(m_gate.killSwitch().rearm(KillSwitch::RearmMode::OverrideLossLimit));
    m_context.dailyPnl = usdt("-5000.01");
    EXPECT_ALLOWED(check(limitOrder(Side::Buy, "1", "35400.00")));
    m_context.dailyPnl = usdt("-5000.02");
    EXPECT_EQ(check(limitOrder(Side::Buy, "1", "35400.00")).rule, RiskRule::DailyLossLimit);
}
