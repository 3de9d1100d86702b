// SPDX-License-Identifier: MIT
#include "core/domain/Decimal.hpp"

#include <cmath>
#include <cstdint>
#include <gtest/gtest.h>
#include <limits>
#include <string>

using namespace cw;

namespace {

Decimal dec(std::string_view text) {
    auto r = Decimal::parse(text);
    EXPECT_TRUE(r) << text;
    return r ? *r : Decimal();
}

ErrorCode parseError(std::string_view text, int precision) {
    auto r = Decimal::parse(text, precision);
    return r ? ErrorCode::Invalid : r.error().code;
}

} // namespace

TEST(Decimal, parsesVenueStringsExactly) {
    auto tiny = Decimal::parse("0.00001234", 8);
    ASSERT_TRUE(tiny);
    EXPECT_EQ(tiny->raw(), 1234);
    EXPECT_EQ(tiny->precision(), 8);

    auto negative = Decimal::parse("-12.5", 1);
    ASSERT_TRUE(negative);
    EXPECT_EQ(negative->raw(), -125);

    auto whole = Decimal::parse("100", 0);
    ASSERT_TRUE(whole);
    EXPECT_EQ(whole->raw(), 100);

    auto cents = Decimal::parse("1.10", 2);
    ASSERT_TRUE(cents);
    EXPECT_EQ(cents->raw(), 110);
}

TEST(Decimal, scalesFewerDecimalsExactly) {
    auto r = Decimal::parse("1.1", 8);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->raw(), 110'000'000);
    EXPECT_EQ(r->toString(), "1.10000000");
    auto integer = Decimal::parse("42", 3);
    ASSERT_TRUE(integer);
    EXPECT_EQ(integer->raw(), 42'000);
}

TEST(Decimal, rejectsTooManySignificantDecimals) {
    // Rounding 1.234 to 1.23 would silently change a venue value.
    EXPECT_EQ(parseError("1.234", 2), ErrorCode::OutOfRange);
    EXPECT_EQ(parseError("0.000000001", 8), ErrorCode::OutOfRange);
    EXPECT_EQ(parseError("5.5", 0), ErrorCode::OutOfRange);
    EXPECT_EQ(parseError("1.2301", 2), ErrorCode::OutOfRange);
}

TEST(Decimal, acceptsTrailingZerosBeyondThePrecision) {
    auto r = Decimal::parse("1.2300", 2);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->raw(), 123);
    EXPECT_EQ(r->precision(), 2);
    auto z = Decimal::parse("7.000000000000000000000000", 0);
    ASSERT_TRUE(z);
    EXPECT_EQ(z->raw(), 7);
}

TEST(Decimal, rejectsGarbageAsParseError) {
    for (const char* text : {"",    "abc", "1.2.3", "1e5",   " 1",     "1 ",   "+",  "-",  ".",
                             "NaN", "nan", "inf",   "-inf",  "--1",    "0x10", "+1", "1.", ".5",
                             "-.5", "1,5", "١",     "1_000", "1.2e-3", "\t1",  "1\n"}) {
        EXPECT_EQ(parseError(text, 2), ErrorCode::ParseError) << "'" << text << "'";
        auto inferred = Decimal::parse(text);
        ASSERT_FALSE(inferred) << "'" << text << "'";
        EXPECT_EQ(inferred.error().code, ErrorCode::ParseError) << "'" << text << "'";
    }
    // An embedded NUL is not silently cut off.
    EXPECT_EQ(parseError(std::string_view("1\0"
                                          "5",
                                          3),
                         2),
              ErrorCode::ParseError);
}

TEST(Decimal, rejectsPrecisionOutsideZeroToEighteen) {
    EXPECT_EQ(parseError("1", -1), ErrorCode::InvalidArgument);
    EXPECT_EQ(parseError("1", 19), ErrorCode::InvalidArgument);
    EXPECT_TRUE(Decimal::parse("1", 18));
}

TEST(Decimal, detectsOverflowOfInt64) {
    // int64 max is 9223372036854775807.
    auto max = Decimal::parse("9223372036854775807", 0);
    ASSERT_TRUE(max);
    EXPECT_EQ(max->raw(), std::numeric_limits<std::int64_t>::max());
    auto min = Decimal::parse("-9223372036854775808", 0);
    ASSERT_TRUE(min);
    EXPECT_EQ(min->raw(), std::numeric_limits<std::int64_t>::min());
    EXPECT_EQ(min->toString(), "-9223372036854775808");

    EXPECT_EQ(parseError("9223372036854775808", 0), ErrorCode::Overflow);
    EXPECT_EQ(parseError("-9223372036854775809", 0), ErrorCode::Overflow);
    EXPECT_EQ(parseError("10", 18), ErrorCode::Overflow); // 10 * 10^18 > int64 max
    EXPECT_EQ(parseError("9.3", 18), ErrorCode::Overflow);
    EXPECT_TRUE(Decimal::parse("9.223372036854775807", 18));
    EXPECT_EQ(parseError("99999999999999999999999999999999999999", 0), ErrorCode::Overflow);
    // Leading zeros do not count towards the magnitude.
    auto padded = Decimal::parse("000000000000000000000000000000001.5", 1);
    ASSERT_TRUE(padded);
    EXPECT_EQ(padded->raw(), 15);
}

TEST(Decimal, infersPrecisionFromTheDecimalsGiven) {
    auto a = Decimal::parse("1.10");
    ASSERT_TRUE(a);
    EXPECT_EQ(a->precision(), 2);
    EXPECT_EQ(a->raw(), 110);
    auto b = Decimal::parse("100");
    ASSERT_TRUE(b);
    EXPECT_EQ(b->precision(), 0);
    auto c = Decimal::parse("-0.000000000000000001");
    ASSERT_TRUE(c);
    EXPECT_EQ(c->precision(), 18);
    EXPECT_EQ(c->raw(), -1);
    // 20 decimals whose last two are zeros fit 18 decimals exactly.
    auto d = Decimal::parse("0.12345678901234567800");
    ASSERT_TRUE(d);
    EXPECT_EQ(d->precision(), 18);
    EXPECT_EQ(d->toString(), "0.123456789012345678");
    auto e = Decimal::parse("0.1234567890123456789");
    ASSERT_FALSE(e);
    EXPECT_EQ(e.error().code, ErrorCode::OutOfRange);
}

TEST(Decimal, formatsExactlyPrecisionDecimals) {
    EXPECT_EQ(Decimal::fromRaw(1234, 8).toString(), "0.00001234");
    EXPECT_EQ(Decimal::fromRaw(-1234, 8).toString(), "-0.00001234");
    EXPECT_EQ(Decimal::fromRaw(-5, 0).toString(), "-5");
    EXPECT_EQ(Decimal::fromRaw(0, 0).toString(), "0");
    EXPECT_EQ(Decimal::fromRaw(0, 3).toString(), "0.000");
    EXPECT_EQ(Decimal::fromRaw(100, 2).toString(), "1.00");
    EXPECT_EQ(Decimal::fromRaw(std::numeric_limits<std::int64_t>::min(), 18).toString(),
              "-9.223372036854775808");
    EXPECT_EQ(Decimal::fromRaw(1, 18).toString(), "0.000000000000000001");
}

TEST(Decimal, negativeZeroParsesAsZero) {
    auto z = Decimal::parse("-0.00", 2);
    ASSERT_TRUE(z);
    EXPECT_TRUE(z->isZero());
    EXPECT_EQ(z->toString(), "0.00");
}

TEST(Decimal, comparesByValueAcrossPrecisions) {
    EXPECT_EQ(Decimal::fromRaw(15, 1), Decimal::fromRaw(150, 2));
    EXPECT_FALSE(Decimal::fromRaw(15, 1).isIdentical(Decimal::fromRaw(150, 2)));
    EXPECT_LT(dec("1.49"), dec("1.5"));
    EXPECT_GT(dec("-1.49"), dec("-1.5"));
    EXPECT_LT(dec("-0.000000000000000001"), dec("0"));
    // Scaling int64 max by 10^18 must not wrap around.
    EXPECT_GT(Decimal::fromRaw(std::numeric_limits<std::int64_t>::max(), 0),
              Decimal::fromRaw(std::numeric_limits<std::int64_t>::max(), 18));
}

TEST(Decimal, addsAtTheLargerPrecision) {
    auto sum = dec("1.5").add(dec("0.25"));
    ASSERT_TRUE(sum);
    EXPECT_EQ(sum->toString(), "1.75");
    EXPECT_EQ(sum->precision(), 2);
    auto diff = dec("1").subtract(dec("0.001"));
    ASSERT_TRUE(diff);
    EXPECT_EQ(diff->toString(), "0.999");
}

TEST(Decimal, reportsOverflowInsteadOfWrapping) {
    const auto max = Decimal::fromRaw(std::numeric_limits<std::int64_t>::max(), 0);
    const auto min = Decimal::fromRaw(std::numeric_limits<std::int64_t>::min(), 0);
    auto a = max.add(Decimal::fromRaw(1, 0));
    ASSERT_FALSE(a);
    EXPECT_EQ(a.error().code, ErrorCode::Overflow);
    EXPECT_FALSE(min.subtract(Decimal::fromRaw(1, 0)));
    EXPECT_FALSE(min.negated());
    EXPECT_FALSE(min.abs());
    // Rescaling to the common precision overflows even though both values are small.
    EXPECT_FALSE(Decimal::fromRaw(10, 0).add(Decimal::fromRaw(1, 18)));
}

TEST(Decimal, multipliesExactlyWithSummedPrecision) {
    auto p = dec("0.015").multiply(dec("2.5"));
    ASSERT_TRUE(p);
    EXPECT_EQ(p->precision(), 4);
    EXPECT_EQ(p->toString(), "0.0375");
    // 12 + 12 decimals: trailing zeros are dropped to fit 18.
    auto q = dec("1.000000000000").multiply(dec("2.500000000000"));
    ASSERT_TRUE(q);
    EXPECT_EQ(q->precision(), 18);
    EXPECT_EQ(*q, dec("2.5"));
    // An exact product that needs 20 decimals cannot be represented.
    auto r = dec("0.0000000001").multiply(dec("0.0000000003"));
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::OutOfRange);
    // Too large even at precision 0.
    auto s = dec("5000000000").multiply(dec("5000000000"));
    ASSERT_FALSE(s);
    EXPECT_EQ(s.error().code, ErrorCode::Overflow);
}

TEST(Decimal, multipliesWithExplicitRounding) {
    auto fee = dec("123.45").multiplyRounded(dec("0.001"), 2, RoundingMode::HalfAwayFromZero);
    ASSERT_TRUE(fee);
    EXPECT_EQ(fee->toString(), "0.12"); // 0.12345
    auto up = dec("123.45").multiplyRounded(dec("0.001"), 2, RoundingMode::Ceiling);
    ASSERT_TRUE(up);
    EXPECT_EQ(up->toString(), "0.13");
    auto wider = dec("1.5").multiplyRounded(dec("2"), 4, RoundingMode::HalfEven);
    ASSERT_TRUE(wider);
    EXPECT_EQ(wider->toString(), "3.0000");
    EXPECT_FALSE(dec("1").multiplyRounded(dec("1"), 2, RoundingMode::Invalid));
}

TEST(Decimal, roundsWithEveryMode) {
    struct Case {
        const char* input;
        RoundingMode mode;
        const char* expected;
    };
    const Case cases[] = {
        {"1.25", RoundingMode::HalfAwayFromZero, "1.3"},
        {"-1.25", RoundingMode::HalfAwayFromZero, "-1.3"},
        {"1.24", RoundingMode::HalfAwayFromZero, "1.2"},
        {"1.25", RoundingMode::HalfEven, "1.2"},
        {"1.35", RoundingMode::HalfEven, "1.4"},
        {"-1.25", RoundingMode::HalfEven, "-1.2"},
        {"1.251", RoundingMode::HalfEven, "1.3"},
        {"1.29", RoundingMode::TowardZero, "1.2"},
        {"-1.29", RoundingMode::TowardZero, "-1.2"},
        {"1.21", RoundingMode::AwayFromZero, "1.3"},
        {"-1.21", RoundingMode::AwayFromZero, "-1.3"},
        {"-1.21", RoundingMode::Floor, "-1.3"},
        {"1.29", RoundingMode::Floor, "1.2"},
        {"-1.29", RoundingMode::Ceiling, "-1.2"},
        {"1.21", RoundingMode::Ceiling, "1.3"},
        {"1.20", RoundingMode::Ceiling, "1.2"},
    };
    for (const auto& c : cases) {
        auto r = dec(c.input).rounded(1, c.mode);
        ASSERT_TRUE(r) << c.input;
        EXPECT_EQ(r->toString(), c.expected) << c.input << " mode " << static_cast<int>(c.mode);
    }
    EXPECT_FALSE(dec("1.25").rounded(1, RoundingMode::Invalid));
}

TEST(Decimal, rescalesOnlyWhenExact) {
    auto up = dec("1.5").rescaled(4);
    ASSERT_TRUE(up);
    EXPECT_EQ(up->toString(), "1.5000");
    auto down = dec("1.5000").rescaled(1);
    ASSERT_TRUE(down);
    EXPECT_EQ(down->toString(), "1.5");
    auto lossy = dec("1.55").rescaled(1);
    ASSERT_FALSE(lossy);
    EXPECT_EQ(lossy.error().code, ErrorCode::OutOfRange);
    auto big = dec("10").rescaled(18);
    ASSERT_FALSE(big);
    EXPECT_EQ(big.error().code, ErrorCode::Overflow);
}

TEST(Decimal, roundsToAMultipleOfAStep) {
    auto a = dec("101.237").roundedToMultiple(dec("0.05"), RoundingMode::HalfAwayFromZero);
    ASSERT_TRUE(a);
    EXPECT_EQ(a->toString(), "101.25");
    EXPECT_EQ(a->precision(), 2);
    auto b = dec("101.237").roundedToMultiple(dec("0.05"), RoundingMode::Floor);
    ASSERT_TRUE(b);
    EXPECT_EQ(b->toString(), "101.20");
    auto c = dec("-0.125").roundedToMultiple(dec("0.25"), RoundingMode::HalfEven);
    ASSERT_TRUE(c);
    EXPECT_EQ(c->toString(), "0.00");
    auto d = dec("7").roundedToMultiple(dec("2.5"), RoundingMode::HalfAwayFromZero);
    ASSERT_TRUE(d);
    EXPECT_EQ(d->toString(), "7.5");
    auto zeroStep = dec("7").roundedToMultiple(dec("0"), RoundingMode::HalfAwayFromZero);
    ASSERT_FALSE(zeroStep);
    EXPECT_EQ(zeroStep.error().code, ErrorCode::InvalidArgument);
    EXPECT_FALSE(dec("7").roundedToMultiple(dec("-1"), RoundingMode::Floor));
}

TEST(Decimal, checksMultiplesOfAStep) {
    EXPECT_TRUE(dec("101.25").isMultipleOf(dec("0.05")));
    EXPECT_TRUE(dec("101.2500").isMultipleOf(dec("0.05")));
    EXPECT_FALSE(dec("101.26").isMultipleOf(dec("0.05")));
    EXPECT_TRUE(dec("-0.10").isMultipleOf(dec("0.05")));
    EXPECT_TRUE(dec("0").isMultipleOf(dec("0.00001")));
    EXPECT_FALSE(dec("1").isMultipleOf(dec("0")));  // a zero step is never satisfied
    EXPECT_FALSE(dec("1").isMultipleOf(dec("-1"))); // nor a negative one
}

TEST(Decimal, fromDoubleRoundsTheShortestDecimalHalfAwayFromZero) {
    auto a = Decimal::fromDouble(1.005, 2);
    ASSERT_TRUE(a);
    EXPECT_EQ(a->toString(), "1.01"); // 1.005 prints as "1.005": a tie, away from zero
    auto b = Decimal::fromDouble(-1.005, 2);
    ASSERT_TRUE(b);
    EXPECT_EQ(b->toString(), "-1.01");
    auto c = Decimal::fromDouble(0.1 + 0.2, 2);
    ASSERT_TRUE(c);
    EXPECT_EQ(c->toString(), "0.30");
    auto d = Decimal::fromDouble(0.00001234, 8);
    ASSERT_TRUE(d);
    EXPECT_EQ(d->raw(), 1234);
    auto e = Decimal::fromDouble(2.4999, 0);
    ASSERT_TRUE(e);
    EXPECT_EQ(e->raw(), 2);
    auto f = Decimal::fromDouble(1e-300, 4);
    ASSERT_TRUE(f);
    EXPECT_TRUE(f->isZero());
    auto g = Decimal::fromDouble(123456789.0, 0);
    ASSERT_TRUE(g);
    EXPECT_EQ(g->raw(), 123456789);
}

TEST(Decimal, fromDoubleRejectsNonFiniteAndHugeValues) {
    for (double v : {std::nan(""), std::numeric_limits<double>::infinity(),
                     -std::numeric_limits<double>::infinity()}) {
        auto r = Decimal::fromDouble(v, 2);
        ASSERT_FALSE(r);
        EXPECT_EQ(r.error().code, ErrorCode::InvalidArgument);
    }
    auto big = Decimal::fromDouble(1e17, 2);
    ASSERT_FALSE(big);
    EXPECT_EQ(big.error().code, ErrorCode::Overflow);
    EXPECT_FALSE(Decimal::fromDouble(1e300, 0));
    EXPECT_FALSE(Decimal::fromDouble(1.0, 19));
}

TEST(Decimal, toDoubleIsTheNearestDouble) {
    EXPECT_EQ(Decimal::fromRaw(1234, 8).toDouble(), 0.00001234);
    EXPECT_EQ(Decimal::fromRaw(-125, 1).toDouble(), -12.5);
    EXPECT_EQ(Decimal::fromRaw(110, 2).toDouble(), 1.1);
}
