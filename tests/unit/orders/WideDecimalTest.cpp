// SPDX-License-Identifier: MIT
#include "core/orders/WideDecimal.hpp"

#include <gtest/gtest.h>
#include <limits>

namespace cw::orders {
namespace {

WideDecimal w(std::string_view text) {
    return WideDecimal::fromDecimal(*Decimal::parse(text));
}

TEST(WideDecimal, addsAndSubtractsAtTheLargerScale) {
    const auto sum = w("1.5").add(w("0.25"));
    ASSERT_TRUE(sum.hasValue());
    EXPECT_EQ(sum->toString(), "1.75");
    EXPECT_EQ(w("1").subtract(w("0.001"))->toString(), "0.999");
}

TEST(WideDecimal, multipliesBeyondInt64Exactly) {
    // 9e18 x 9e18 does not fit int64 but fits 128 bits.
    const auto product = w("9000000000000000000").multiply(w("9000000000000000000"));
    ASSERT_TRUE(product.hasValue());
    EXPECT_EQ(product->toString(), "81000000000000000000000000000000000000");
    EXPECT_FALSE(product->toDecimal().hasValue());
    EXPECT_EQ(product->toDecimal().error().code, ErrorCode::Overflow);
}

TEST(WideDecimal, reportsOverflowInsteadOfWrapping) {
    const auto big = *w("9000000000000000000").multiply(w("9000000000000000000"));
    EXPECT_EQ(big.multiply(w("10")).error().code, ErrorCode::Overflow);
    EXPECT_EQ(big.add(big)->add(big).error().code, ErrorCode::Overflow);
}

TEST(WideDecimal, dividesWithHalfEvenRounding) {
    EXPECT_EQ(w("1").divided(w("3"), 4)->toString(), "0.3333");
    EXPECT_EQ(w("2").divided(w("3"), 4)->toString(), "0.6667");
    EXPECT_EQ(w("0.125").divided(w("1"), 2)->toString(), "0.12"); // tie to even
    EXPECT_EQ(w("0.135").divided(w("1"), 2)->toString(), "0.14"); // tie to even
    EXPECT_EQ(w("-0.125").divided(w("1"), 2)->toString(), "-0.12");
    EXPECT_EQ(w("-2").divided(w("3"), 4)->toString(), "-0.6667");
    EXPECT_EQ(w("1").divided(w("-8"), 2)->toString(), "-0.12");
}

TEST(WideDecimal, divisionByZeroIsAnError) {
    const auto q = w("1").divided(WideDecimal(), 2);
    ASSERT_FALSE(q.hasValue());
    EXPECT_EQ(q.error().code, ErrorCode::InvalidArgument);
}

TEST(WideDecimal, comparesValuesAcrossScales) {
    EXPECT_EQ(w("1.50"), w("1.5"));
    EXPECT_LT(w("1.49"), w("1.5"));
    EXPECT_GT(w("-1"), w("-1.0001"));
    const auto huge = *w("9000000000000000000").multiply(w("9000000000000000000"));
    EXPECT_GT(huge, w("0.000000000000000001"));
    EXPECT_LT(*huge.negated(), w("-0.5"));
}

TEST(WideDecimal, convertsToDecimalDroppingOnlyZeros) {
    const auto value = *WideDecimal::fromRaw(123400, 22); // 22 decimals, 2 trailing zeros
    const auto exact = value.toDecimal();
    ASSERT_FALSE(exact.hasValue()); // 1234 at 20 decimals still needs more than 18
    EXPECT_EQ(exact.error().code, ErrorCode::OutOfRange);
    const auto rounded = value.toDecimalRounded(18);
    ASSERT_TRUE(rounded.hasValue());
    EXPECT_EQ(rounded->toString(), "0.000000000000000012");
    EXPECT_EQ(WideDecimal::fromRaw(5, 40).error().code, ErrorCode::InvalidArgument);
}

} // namespace
} // namespace cw::orders
