// SPDX-License-Identifier: MIT
#include "core/domain/Price.hpp"
#include "core/domain/Quantity.hpp"

#include <gtest/gtest.h>
#include <limits>
#include <type_traits>

using namespace cw;

static_assert(!std::is_same_v<Price, Quantity>, "prices and quantities are different types");
static_assert(!std::is_convertible_v<Price, Quantity>);
static_assert(sizeof(Price) <= 16);

TEST(Price, parsesAndFormatsVenueStringsExactly) {
    auto p = Price::parse("0.00001234", 8);
    ASSERT_TRUE(p);
    EXPECT_EQ(p->raw(), 1234);
    EXPECT_EQ(p->precision(), 8);
    EXPECT_EQ(p->toString(), "0.00001234");
    auto q = Price::parse("-12.5");
    ASSERT_TRUE(q);
    EXPECT_EQ(q->precision(), 1);
    EXPECT_EQ(q->toString(), "-12.5");
}

TEST(Price, rejectsTooManyDecimals) {
    auto p = Price::parse("1.234", 2);
    ASSERT_FALSE(p);
    EXPECT_EQ(p.error().code, ErrorCode::OutOfRange);
    auto garbage = Price::parse("1e5", 2);
    ASSERT_FALSE(garbage);
    EXPECT_EQ(garbage.error().code, ErrorCode::ParseError);
}

TEST(Price, comparesByValueAcrossPrecisions) {
    EXPECT_EQ(Price::fromRaw(15, 1), Price::fromRaw(150, 2));
    EXPECT_LT(Price::fromRaw(149, 2), Price::fromRaw(15, 1));
    EXPECT_TRUE(Price::fromRaw(15, 1).isIdentical(Price::fromRaw(15, 1)));
    EXPECT_FALSE(Price::fromRaw(15, 1).isIdentical(Price::fromRaw(150, 2)));
}

TEST(Price, roundsToTickAndChecksTickMultiples) {
    const Price tick = *Price::parse("0.05");
    auto p = Price::parse("101.237")->roundToTick(tick, RoundingMode::HalfAwayFromZero);
    ASSERT_TRUE(p);
    EXPECT_EQ(p->toString(), "101.25");
    EXPECT_TRUE(p->isMultipleOf(tick));
    EXPECT_FALSE(Price::parse("101.26")->isMultipleOf(tick));
    auto bad = Price::parse("1")->roundToTick(Price(), RoundingMode::Floor);
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().code, ErrorCode::InvalidArgument);
}

TEST(Price, checkedArithmeticKeepsTheType) {
    auto spread = Price::parse("100.10")->subtract(*Price::parse("100.05"));
    ASSERT_TRUE(spread);
    static_assert(std::is_same_v<decltype(spread), Result<Price>>);
    EXPECT_EQ(spread->toString(), "0.05");
    auto overflow =
        Price::fromRaw(std::numeric_limits<std::int64_t>::max(), 2).add(Price::fromRaw(1, 2));
    ASSERT_FALSE(overflow);
    EXPECT_EQ(overflow.error().code, ErrorCode::Overflow);
}

TEST(Price, fromDoubleRoundsHalfAwayFromZeroAndRejectsNaN) {
    auto p = Price::fromDouble(2.675, 2);
    ASSERT_TRUE(p);
    EXPECT_EQ(p->toString(), "2.68");
    auto nan = Price::fromDouble(std::numeric_limits<double>::quiet_NaN(), 2);
    ASSERT_FALSE(nan);
    EXPECT_EQ(nan.error().code, ErrorCode::InvalidArgument);
}

TEST(Quantity, scalesByAUnitlessFactorWithExplicitRounding) {
    // Half of 0.003 BTC at lot precision 3: 0.0015 rounds toward zero to 0.001.
    auto half =
        Quantity::parse("0.003")->multipliedBy(*Decimal::parse("0.5"), 3, RoundingMode::TowardZero);
    ASSERT_TRUE(half);
    EXPECT_EQ(half->toString(), "0.001");
}

TEST(Quantity, defaultIsZeroAtPrecisionZero) {
    Quantity q;
    EXPECT_TRUE(q.isZero());
    EXPECT_EQ(q.precision(), 0);
    EXPECT_EQ(q.toString(), "0");
}
