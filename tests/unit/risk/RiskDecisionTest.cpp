// SPDX-License-Identifier: MIT
#include "core/risk/RiskDecision.hpp"

#include <cstdint>
#include <gtest/gtest.h>

using namespace cw;
using namespace cw::risk;

TEST(RiskDecision, allowAndRejectCarryTheRuleAndMessage) {
    EXPECT_TRUE(RiskDecision::allow().allowed);
    EXPECT_EQ(RiskDecision::allow().rule, RiskRule::Invalid);
    const auto d = RiskDecision::reject(RiskRule::PriceBand, "too far");
    EXPECT_FALSE(d);
    EXPECT_EQ(d.rule, RiskRule::PriceBand);
    EXPECT_EQ(d.message, "too far");
    EXPECT_EQ(riskRuleName(RiskRule::MaxOrderNotional), "MaxOrderNotional");
    EXPECT_EQ(riskRuleName(static_cast<RiskRule>(999)), "Invalid");
}

TEST(RiskDecision, numbersAreGroupedAndKeepEveryDigit) {
    EXPECT_EQ(formatRiskNumber(Decimal::fromRaw(12'500'000'000, 5), 2), "125,000.00");
    EXPECT_EQ(formatRiskNumber(*Decimal::parse("-1234567.5"), 2), "-1,234,567.50");
    EXPECT_EQ(formatRiskNumber(*Decimal::parse("999"), 0), "999");
    EXPECT_EQ(formatRiskNumber(*Decimal::parse("1000"), 0), "1,000");
    EXPECT_EQ(formatRiskNumber(*Decimal::parse("0.00012300"), 0), "0.000123");
    EXPECT_EQ(formatRiskNumber(*Decimal::parse("5"), 2), "5.00");
    EXPECT_EQ(formatRiskNumber(*Decimal::parse("-0.5"), 0), "-0.5");
    EXPECT_EQ(formatRiskNumber(Decimal::fromRaw(INT64_MAX, 0), 0), "9,223,372,036,854,775,807");
    EXPECT_EQ(formatRiskMoney(*Money::parse("100000", *Currency::parse("USDT")), 2),
              "100,000.00 USDT");
    EXPECT_EQ(formatRiskMoney(Money(), 0), "0");
}
