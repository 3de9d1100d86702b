// SPDX-License-Identifier: MIT
#include "core/domain/Money.hpp"

#include "core/domain/Currency.hpp"

#include <gtest/gtest.h>

using namespace cw;

namespace {
Currency currency(std::string_view code) {
    auto c = Currency::parse(code);
    EXPECT_TRUE(c) << code;
    return c ? *c : Currency();
}
} // namespace

TEST(Currency, acceptsUpperCaseCodesUpToFifteenCharacters) {
    EXPECT_EQ(currency("USDT").code(), "USDT");
    EXPECT_EQ(currency("1000SATS").toString(), "1000SATS");
    EXPECT_TRUE(Currency::parse("ABCDEFGHIJKLMNO"));
    EXPECT_TRUE(Currency().isEmpty());
    EXPECT_FALSE(currency("USD").isEmpty());
    EXPECT_EQ(sizeof(Currency), 16u);
}

TEST(Currency, rejectsEmptyLongAndNonAlphanumericCodes) {
    for (const char* code : {"", "usd", "US D", "ABCDEFGHIJKLMNOP", "EUR/USD", "€"}) {
        auto r = Currency::parse(code);
        ASSERT_FALSE(r) << code;
        EXPECT_EQ(r.error().code, ErrorCode::ParseError);
    }
}

TEST(Currency, comparesByCode) {
    EXPECT_EQ(currency("USD"), currency("USD"));
    EXPECT_NE(currency("USD"), currency("USDT"));
    EXPECT_LT(currency("BTC"), currency("ETH"));
}

TEST(Money, notionalIsTheExactProductInTheGivenCurrency) {
    auto n = Money::notional(*Quantity::parse("0.015", 3), *Price::parse("42123.45", 2),
                             currency("USDT"));
    ASSERT_TRUE(n);
    EXPECT_EQ(n->toString(), "631.85175");
    EXPECT_EQ(n->precision(), 5);
    EXPECT_EQ(n->toDisplayString(), "631.85175 USDT");
    EXPECT_EQ(n->currency(), currency("USDT"));
}

TEST(Money, notionalDropsOnlyZeroDecimalsToFit) {
    // p10 x p10 = p20 > 18, but the product has trailing zeros.
    auto fits = Money::notional(*Quantity::parse("1.5000000000"), *Price::parse("2.0000000000"),
                                currency("USD"));
    ASSERT_TRUE(fits);
    EXPECT_EQ(fits->precision(), 18);
    EXPECT_EQ(fits->toString(), "3.000000000000000000");
    auto tooPrecise = Money::notional(*Quantity::parse("0.0000000001"),
                                      *Price::parse("0.0000000003"), currency("USD"));
    ASSERT_FALSE(tooPrecise);
    EXPECT_EQ(tooPrecise.error().code, ErrorCode::OutOfRange);
}

TEST(Money, refusesToMixCurrencies) {
    auto usd = Money::parse("10.00", 2, currency("USD"));
    auto eur = Money::parse("10.00", 2, currency("EUR"));
    ASSERT_TRUE(usd && eur);
    auto sum = usd->add(*eur);
    ASSERT_FALSE(sum);
    EXPECT_EQ(sum.error().code, ErrorCode::InvalidArgument);
    EXPECT_FALSE(usd->subtract(*eur));
    EXPECT_NE(*usd, *eur);
    EXPECT_FALSE(*usd < *eur);
    EXPECT_FALSE(*usd > *eur);
    EXPECT_EQ(*usd <=> *eur, std::partial_ordering::unordered);
}

TEST(Money, addsAndComparesWithinOneCurrency) {
    auto a = Money::parse("10.5", currency("USD"));
    auto b = Money::parse("0.25", currency("USD"));
    ASSERT_TRUE(a && b);
    auto sum = a->add(*b);
    ASSERT_TRUE(sum);
    EXPECT_EQ(sum->toDisplayString(), "10.75 USD");
    EXPECT_LT(*b, *a);
    EXPECT_EQ(*Money::parse("10.50", currency("USD")), *a);
    auto rounded = Money::parse("631.85175", currency("USDT"))->rounded(2, RoundingMode::HalfEven);
    ASSERT_TRUE(rounded);
    EXPECT_EQ(rounded->toDisplayString(), "631.85 USDT");
}

TEST(Money, parseErrorsCarryTheDecimalErrorCode) {
    auto garbage = Money::parse("ten", 2, currency("USD"));
    ASSERT_FALSE(garbage);
    EXPECT_EQ(garbage.error().code, ErrorCode::ParseError);
    auto precise = Money::parse("1.001", 2, currency("USD"));
    ASSERT_FALSE(precise);
    EXPECT_EQ(precise.error().code, ErrorCode::OutOfRange);
}
