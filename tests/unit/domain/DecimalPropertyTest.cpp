// SPDX-License-Identifier: MIT
// Randomised properties of Decimal, checked against 128-bit integer arithmetic. The generator
// is seeded, so a failure reproduces; the failing values are printed.
#include "core/domain/Decimal.hpp"

#include <cstdint>
#include <gtest/gtest.h>
#include <limits>
#include <random>
#include <string>

using namespace cw;

namespace {

__extension__ typedef __int128 Int128;

constexpr int kIterations = 20'000;
constexpr Int128 kInt64Max = std::numeric_limits<std::int64_t>::max();
constexpr Int128 kInt64Min = std::numeric_limits<std::int64_t>::min();

Int128 pow10(int n) {
    Int128 p = 1;
    for (int i = 0; i < n; ++i)
        p *= 10;
    return p;
}

bool fits(Int128 v) {
    return v >= kInt64Min && v <= kInt64Max;
}

class Generator {
public:
    explicit Generator(std::uint64_t seed) : m_rng(seed) {}

    /// Raw values of every magnitude: the full int64 range, small numbers and the extremes.
    std::int64_t raw() {
        const std::uint64_t bits = m_rng();
        switch (bits % 8) {
        case 0:
            return std::numeric_limits<std::int64_t>::max() - static_cast<std::int64_t>(bits % 3);
        case 1:
            return std::numeric_limits<std::int64_t>::min() + static_cast<std::int64_t>(bits % 3);
        case 2:
            return static_cast<std::int64_t>(m_rng());
        default: {
            const auto magnitude = static_cast<std::int64_t>(m_rng() >> (1 + m_rng() % 63));
            return (bits & 16) ? -magnitude : magnitude;
        }
        }
    }
    int precision() { return static_cast<int>(m_rng() % 19); }
    Decimal decimal() { return Decimal::fromRaw(raw(), precision()); }
    char digit() { return static_cast<char>('0' + m_rng() % 10); }
    std::uint64_t below(std::uint64_t n) { return m_rng() % n; }

private:
    std::mt19937_64 m_rng;
};

std::string describe(const Decimal& d) {
    return d.toString() + " (raw " + std::to_string(d.raw()) + ", p" +
           std::to_string(d.precision()) + ")";
}

} // namespace

TEST(DecimalProperty, formatThenParseGivesTheSameValueAndPrecision) {
    Generator gen(0x5eed0001);
    for (int i = 0; i < kIterations; ++i) {
        const Decimal x = gen.decimal();
        const std::string text = x.toString();
        auto atPrecision = Decimal::parse(text, x.precision());
        ASSERT_TRUE(atPrecision) << describe(x) << ": " << atPrecision.error().toString();
        EXPECT_TRUE(atPrecision->isIdentical(x)) << describe(x);
        auto inferred = Decimal::parse(text);
        ASSERT_TRUE(inferred) << describe(x);
        EXPECT_TRUE(inferred->isIdentical(x)) << describe(x);
    }
}

TEST(DecimalProperty, parseThenFormatGivesBackCanonicalStrings) {
    Generator gen(0x5eed0002);
    for (int i = 0; i < kIterations; ++i) {
        const int precision = gen.precision();
        std::string text = gen.below(2) ? "-" : "";
        const auto integerDigits = 1 + gen.below(19);
        text += static_cast<char>('1' + gen.below(9));
        for (std::uint64_t d = 1; d < integerDigits; ++d)
            text += gen.digit();
        if (gen.below(4) == 0)
            text = text.front() == '-' ? "-0" : "0";
        if (precision > 0) {
            text += '.';
            for (int d = 0; d < precision; ++d)
                text += gen.digit();
        }
        if (text.find_first_not_of("-0.") == std::string::npos)
            text.erase(0, text.front() == '-' ? 1 : 0); // "-0.00" is not canonical
        auto parsed = Decimal::parse(text, precision);
        if (!parsed) {
            // Only a magnitude beyond int64 may fail.
            EXPECT_EQ(parsed.error().code, ErrorCode::Overflow) << text;
            EXPECT_GE(text.size() - (text.front() == '-'), 19u) << text;
            continue;
        }
        EXPECT_EQ(parsed->toString(), text);
        auto inferred = Decimal::parse(text);
        ASSERT_TRUE(inferred) << text;
        EXPECT_EQ(inferred->toString(), text);
    }
}

TEST(DecimalProperty, tooManySignificantDecimalsAreAlwaysRejected) {
    Generator gen(0x5eed0003);
    for (int i = 0; i < kIterations; ++i) {
        const int precision = gen.precision();
        std::string text = std::to_string(gen.below(1000)) + ".";
        for (int d = 0; d < precision; ++d)
            text += gen.digit();
        const auto extra = 1 + gen.below(6);
        const auto nonZeroAt = gen.below(extra);
        for (std::uint64_t d = 0; d < extra; ++d)
            text += d == nonZeroAt ? static_cast<char>('1' + gen.below(9)) : gen.digit();
        auto r = Decimal::parse(text, precision);
        ASSERT_FALSE(r) << text << " at p" << precision << " gave " << describe(*r);
        EXPECT_EQ(r.error().code, ErrorCode::OutOfRange) << text;
    }
}

TEST(DecimalProperty, comparisonAgreesWithCrossMultiplication) {
    Generator gen(0x5eed0004);
    for (int i = 0; i < kIterations; ++i) {
        const Decimal a = gen.decimal();
        // Half of the pairs are the same value at another precision, to hit equality.
        Decimal b = gen.decimal();
        if (gen.below(2) == 0) {
            auto same = a.rescaled(gen.precision());
            if (same)
                b = *same;
        }
        const Int128 left = static_cast<Int128>(a.raw()) * pow10(b.precision());
        const Int128 right = static_cast<Int128>(b.raw()) * pow10(a.precision());
        EXPECT_EQ(a == b, left == right) << describe(a) << " vs " << describe(b);
        EXPECT_EQ(a < b, left < right) << describe(a) << " vs " << describe(b);
        EXPECT_EQ(a > b, left > right) << describe(a) << " vs " << describe(b);
    }
}

TEST(DecimalProperty, additionAndSubtractionDetectEveryOverflow) {
    Generator gen(0x5eed0005);
    int overflows = 0;
    for (int i = 0; i < kIterations; ++i) {
        const Decimal a = gen.decimal();
        const Decimal b = gen.decimal();
        const int p = std::max(a.precision(), b.precision());
        const Int128 sa = static_cast<Int128>(a.raw()) * pow10(p - a.precision());
        const Int128 sb = static_cast<Int128>(b.raw()) * pow10(p - b.precision());
        for (bool subtract : {false, true}) {
            const Int128 expected = subtract ? sa - sb : sa + sb;
            auto r = subtract ? a.subtract(b) : a.add(b);
            if (!fits(expected)) {
                ++overflows;
                ASSERT_FALSE(r) << describe(a) << (subtract ? " - " : " + ") << describe(b);
                EXPECT_EQ(r.error().code, ErrorCode::Overflow);
            } else {
                ASSERT_TRUE(r) << describe(a) << (subtract ? " - " : " + ") << describe(b);
                EXPECT_EQ(r->precision(), p);
                EXPECT_TRUE(static_cast<Int128>(r->raw()) == expected)
                    << describe(a) << (subtract ? " - " : " + ") << describe(b);
            }
        }
    }
    EXPECT_GT(overflows, kIterations / 10); // the generator does reach the edges
}

TEST(DecimalProperty, multiplicationIsExactOrFails) {
    Generator gen(0x5eed0006);
    int successes = 0;
    for (int i = 0; i < kIterations; ++i) {
        const Decimal a = gen.decimal();
        const Decimal b = gen.decimal();
        const Int128 product = static_cast<Int128>(a.raw()) * b.raw();
        const int exact = a.precision() + b.precision();
        // The reference: the largest precision <= min(18, exact) at which the product is an
        // integer that fits int64.
        int expectedPrecision = -1;
        for (int q = std::min(exact, 18); q >= 0; --q) {
            const Int128 divisor = pow10(exact - q);
            if (product % divisor == 0 && fits(product / divisor)) {
                expectedPrecision = q;
                break;
            }
        }
        auto r = a.multiply(b);
        if (expectedPrecision < 0) {
            EXPECT_FALSE(r) << describe(a) << " * " << describe(b);
            continue;
        }
        ++successes;
        ASSERT_TRUE(r) << describe(a) << " * " << describe(b);
        EXPECT_EQ(r->precision(), expectedPrecision);
        EXPECT_TRUE(static_cast<Int128>(r->raw()) * pow10(exact - r->precision()) == product)
            << describe(a) << " * " << describe(b) << " = " << describe(*r);
    }
    EXPECT_GT(successes, kIterations / 10);
}

TEST(DecimalProperty, roundingToAStepLandsOnTheStepInTheRightDirection) {
    Generator gen(0x5eed0007);
    const RoundingMode modes[] = {
        RoundingMode::HalfAwayFromZero, RoundingMode::HalfEven, RoundingMode::TowardZero,
        RoundingMode::AwayFromZero,     RoundingMode::Floor,    RoundingMode::Ceiling};
    for (int i = 0; i < kIterations; ++i) {
        const auto precision = static_cast<int>(gen.below(9));
        const Decimal x = Decimal::fromRaw(
            static_cast<std::int64_t>(gen.below(2'000'000'000)) - 1'000'000'000, precision);
        const Decimal step =
            Decimal::fromRaw(static_cast<std::int64_t>(1 + gen.below(5000)), gen.precision() % 9);
        const RoundingMode mode = modes[gen.below(6)];
        auto r = x.roundedToMultiple(step, mode);
        ASSERT_TRUE(r) << describe(x) << " step " << describe(step);
        EXPECT_EQ(r->precision(), step.precision());
        EXPECT_TRUE(r->isMultipleOf(step)) << describe(*r) << " step " << describe(step);
        // |r - x| < step, and <= step / 2 for the nearest modes.
        const auto distance = r->subtract(x)->abs();
        ASSERT_TRUE(distance);
        EXPECT_LT(*distance, step) << describe(x) << " -> " << describe(*r);
        if (mode == RoundingMode::HalfAwayFromZero || mode == RoundingMode::HalfEven) {
            auto twice = distance->add(*distance);
            EXPECT_LE(*twice, step) << describe(x) << " -> " << describe(*r);
        }
        if (mode == RoundingMode::Floor) {
            EXPECT_LE(*r, x);
        }
        if (mode == RoundingMode::Ceiling) {
            EXPECT_GE(*r, x);
        }
        if (mode == RoundingMode::TowardZero) {
            EXPECT_LE(*r->abs(), *x.abs());
        }
        if (mode == RoundingMode::AwayFromZero) {
            EXPECT_GE(*r->abs(), *x.abs());
        }
        if (x.isMultipleOf(step)) {
            EXPECT_EQ(*r, x) << "a value on the grid never moves";
        }
    }
}
