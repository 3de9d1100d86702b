// SPDX-License-Identifier: MIT
#include "core/risk/RiskLimits.hpp"

#include <gtest/gtest.h>
#include <string>

using namespace cw;
using namespace cw::risk;

namespace {

adapters::InstrumentKey key(const char* symbol) {
    return *adapters::InstrumentKey::make("SIM", symbol);
}

RiskLimits everyLimitSet() {
    const Currency usdt = *Currency::parse("USDT");
    RiskLimits limits;
    limits.maxOrderQuantity.defaultValue = *Quantity::parse("10.000");
    limits.maxOrderQuantity.overrides[key("BTCUSDT")] = *Quantity::parse("2.5");
    limits.maxOrderQuantity.overrides[key("ETH USDT")] = std::nullopt; // off for this one
    limits.maxOrderNotional.defaultValue = *Money::parse("100000.00", usdt);
    limits.maxOrderNotional.overrides[key("BTCUSDT")] = *Money::parse("250000", usdt);
    limits.priceBandPercent = *Decimal::parse("2.5");
    limits.priceBandTicks = 150;
    limits.maxPosition.defaultValue = *Quantity::parse("20");
    limits.maxPosition.overrides[key("BTCUSDT")] = *Quantity::parse("0.75");
    limits.maxOpenOrders = 50;
    limits.maxOpenOrdersPerInstrument = 10;
    limits.maxOrdersPerSecond = 5;
    limits.dailyLossLimit = *Money::parse("5000.00", usdt);
    return limits;
}

/// The error message of parsing `settings`, or "" when it parsed.
std::string errorOf(const std::map<std::string, std::string>& settings) {
    const auto r = RiskLimits::fromSettings(settings);
    return r ? std::string() : r.error().message;
}

} // namespace

TEST(RiskLimits, settingsRoundTripKeepsEveryLimit) {
    const RiskLimits limits = everyLimitSet();
    ASSERT_TRUE(limits.validate());
    const auto settings = limits.toSettings();
    EXPECT_EQ(settings.at("maxOrderQuantity"), "10.000");
    EXPECT_EQ(settings.at("maxOrderQuantity.SIM:BTCUSDT"), "2.5");
    EXPECT_EQ(settings.at("maxOrderQuantity.SIM:ETH USDT"), "off");
    EXPECT_EQ(settings.at("maxOrderNotional"), "100000.00 USDT");
    EXPECT_EQ(settings.at("priceBandPercent"), "2.5");
    EXPECT_EQ(settings.at("priceBandTicks"), "150");
    EXPECT_EQ(settings.at("dailyLossLimit"), "5000.00 USDT");
    const auto back = RiskLimits::fromSettings(settings);
    ASSERT_TRUE(back) << back.error().message;
    EXPECT_TRUE(*back == limits);
    EXPECT_EQ(back->toSettings(), settings);
}

TEST(RiskLimits, everyLimitOffRoundTripsAsOff) {
    const auto settings = RiskLimits::none().toSettings();
    EXPECT_EQ(settings.size(), 9U);
    for (const auto& [k, v] : settings)
        EXPECT_EQ(v, "off") << k;
    const auto back = RiskLimits::fromSettings(settings);
    ASSERT_TRUE(back);
    EXPECT_TRUE(*back == RiskLimits::none());
    // Missing keys are off too.
    const auto empty = RiskLimits::fromSettings({});
    ASSERT_TRUE(empty);
    EXPECT_TRUE(*empty == RiskLimits::none());
}

TEST(RiskLimits, garbageQuantitiesAreRejectedNamingKeyAndValue) {
    for (const char* bad : {"abc", "NaN", "nan", "inf", "-5", "0", "0.000", "", " 5", "+5", "1e5",
                            "5,000", "99999999999999999999"}) {
        const std::string message = errorOf({{"maxOrderQuantity", bad}});
        EXPECT_NE(message.find("maxOrderQuantity = '" + std::string(bad) + "'"), std::string::npos)
            << bad << " -> " << message;
    }
    EXPECT_EQ(errorOf({{"maxOrderQuantity", "-5"}}),
              "risk limit maxOrderQuantity = '-5': must be greater than zero (or 'off')");
}

TEST(RiskLimits, countsMustBeWholeNumbersOfAtLeastOne) {
    EXPECT_EQ(errorOf({{"maxOpenOrders", "0"}}),
              "risk limit maxOpenOrders = '0': must be at least 1 (or 'off')");
    EXPECT_FALSE(errorOf({{"maxOrdersPerSecond", "2.5"}}).empty());
    EXPECT_FALSE(errorOf({{"priceBandTicks", "NaN"}}).empty());
    EXPECT_FALSE(errorOf({{"maxOpenOrdersPerInstrument", "-1"}}).empty());
    EXPECT_TRUE(errorOf({{"maxOrdersPerSecond", "3.0"}}).empty()); // a whole number
}

TEST(RiskLimits, moneyLimitsNeedAnAmountAndACurrency) {
    EXPECT_EQ(errorOf({{"maxOrderNotional", "100000"}}),
              "risk limit maxOrderNotional = '100000': expected an amount and a currency, e.g. "
              "'100000 USDT'");
    EXPECT_FALSE(errorOf({{"maxOrderNotional", "100000 usdt"}}).empty());
    EXPECT_FALSE(errorOf({{"maxOrderNotional", "abc USDT"}}).empty());
    EXPECT_FALSE(errorOf({{"dailyLossLimit", "-5000 USDT"}}).empty());
    EXPECT_FALSE(errorOf({{"dailyLossLimit", "NaN USDT"}}).empty());
    EXPECT_FALSE(errorOf({{"dailyLossLimit", "0 USDT"}}).empty());
}

TEST(RiskLimits, unknownKeysAndBadOverridesAreRejected) {
    EXPECT_EQ(errorOf({{"maxOrderQty", "5"}}), "unknown risk limit key 'maxOrderQty'");
    EXPECT_FALSE(errorOf({{"maxOpenOrders.SIM:BTCUSDT", "5"}}).empty());
    EXPECT_FALSE(errorOf({{"maxOrderQuantity.BTCUSDT", "5"}}).empty()); // no venue
    EXPECT_FALSE(errorOf({{"maxOrderQuantity.", "5"}}).empty());
    EXPECT_TRUE(errorOf({{"maxOrderQuantity.SIM:BTCUSDT", "off"}}).empty());
}

TEST(RiskLimits, validateRejectsValuesBuiltInCode) {
    RiskLimits limits;
    EXPECT_TRUE(limits.validate());
    limits.maxOrderQuantity.overrides[key("BTCUSDT")] = *Quantity::parse("-1");
    const auto r = limits.validate();
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().message,
              "risk limit maxOrderQuantity.SIM:BTCUSDT must be greater than zero, not -1");

    RiskLimits noCurrency;
    noCurrency.dailyLossLimit = Money(*Decimal::parse("100"), Currency());
    EXPECT_FALSE(noCurrency.validate());

    RiskLimits zeroTicks;
    zeroTicks.priceBandTicks = 0;
    EXPECT_FALSE(zeroTicks.validate());

    RiskLimits negativePercent;
    negativePercent.priceBandPercent = *Decimal::parse("-1");
    EXPECT_FALSE(negativePercent.validate());
}
