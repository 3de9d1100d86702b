// SPDX-License-Identifier: MIT
#include "ui/chart/PriceScale.hpp"

#include "ui/chart/PriceTicks.hpp"

#include <cmath>
#include <gtest/gtest.h>
#include <limits>

using cw::ui::MinMax;
using cw::ui::PriceScale;
using cw::ui::PriceTicks;

TEST(PriceScale, priceAndYRoundTrip) {
    PriceScale s;
    s.setPixelRange(30.0, 600.0);
    s.setRange(95.5, 130.25);
    EXPECT_DOUBLE_EQ(s.yOf(130.25), 30.0);
    EXPECT_DOUBLE_EQ(s.yOf(95.5), 630.0);
    for (double price : {95.5, 100.0, 117.125, 130.25, 200.0}) {
        EXPECT_NEAR(s.valueAt(s.yOf(price)), price, 1e-9);
    }
    EXPECT_LT(s.yOf(120.0), s.yOf(110.0)); // higher prices are higher on screen
}

TEST(PriceScale, autoscaleFitsTheDataInsideTheMargins) {
    PriceScale s;
    s.setPixelRange(0.0, 1000.0);
    s.setMargins(0.1, 0.2);
    s.fit(MinMax{100.0, 200.0});
    EXPECT_NEAR(s.yOf(200.0), 100.0, 1e-9); // 10% from the top
    EXPECT_NEAR(s.yOf(100.0), 800.0, 1e-9); // 20% from the bottom
}

TEST(PriceScale, manualScalingTurnsAutoscaleOffUntilReset) {
    PriceScale s;
    s.setPixelRange(0.0, 500.0);
    s.fit(MinMax{10.0, 20.0});
    const double mid = 0.5 * (s.low() + s.high());
    const double span = s.high() - s.low();
    s.scaleBy(2.0);
    EXPECT_FALSE(s.autoScale());
    EXPECT_NEAR(s.high() - s.low(), 2.0 * span, 1e-9);
    EXPECT_NEAR(0.5 * (s.low() + s.high()), mid, 1e-9);
    s.fit(MinMax{1000.0, 2000.0}); // ignored while manual
    EXPECT_NEAR(s.high() - s.low(), 2.0 * span, 1e-9);
    s.setAutoScale(true);
    s.fit(MinMax{1000.0, 2000.0});
    EXPECT_GT(s.low(), 900.0);
}

TEST(PriceScale, ignoresNonFiniteAndInvalidInput) {
    PriceScale s;
    s.setPixelRange(0.0, 500.0);
    s.fit(MinMax{10.0, 20.0});
    const double low = s.low(), high = s.high();
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();
    s.fit(MinMax{});          // nothing visible: keep the range
    s.fit(MinMax{nan, 20.0}); // NaN never becomes the range
    s.fit(MinMax{-inf, inf});
    s.scaleBy(nan);
    s.scaleBy(-2.0);
    EXPECT_DOUBLE_EQ(s.low(), low);
    EXPECT_DOUBLE_EQ(s.high(), high);
    EXPECT_TRUE(std::isfinite(s.yOf(15.0)));
}

TEST(PriceScale, flatRangeStaysInvertible) {
    PriceScale s;
    s.setPixelRange(0.0, 400.0);
    s.fit(MinMax{50.0, 50.0}); // a single flat bar
    EXPECT_LT(s.low(), 50.0);
    EXPECT_GT(s.high(), 50.0);
    EXPECT_NEAR(s.yOf(50.0), 200.0, 1e-6);
    EXPECT_NEAR(s.valueAt(s.yOf(50.0)), 50.0, 1e-9);
}

TEST(PriceTicks, stepsAreOneTwoOrFiveTimesAPowerOfTen) {
    EXPECT_DOUBLE_EQ(PriceTicks::niceStep(0.9), 1.0);
    EXPECT_DOUBLE_EQ(PriceTicks::niceStep(1.0), 1.0);
    EXPECT_DOUBLE_EQ(PriceTicks::niceStep(1.3), 2.0);
    EXPECT_DOUBLE_EQ(PriceTicks::niceStep(2.0000000001), 2.0);
    EXPECT_DOUBLE_EQ(PriceTicks::niceStep(3.0), 5.0);
    EXPECT_DOUBLE_EQ(PriceTicks::niceStep(7.0), 10.0);
    EXPECT_DOUBLE_EQ(PriceTicks::niceStep(420.0), 500.0);
    EXPECT_NEAR(PriceTicks::niceStep(0.0003), 0.0005, 1e-15);
    EXPECT_EQ(PriceTicks::niceStep(0.0), 0.0);
    EXPECT_EQ(PriceTicks::niceStep(-1.0), 0.0);
    EXPECT_EQ(PriceTicks::niceStep(std::numeric_limits<double>::quiet_NaN()), 0.0);
}

TEST(PriceTicks, decimalsFollowTheStep) {
    EXPECT_EQ(PriceTicks::decimalsFor(500.0), 0);
    EXPECT_EQ(PriceTicks::decimalsFor(1.0), 0);
    EXPECT_EQ(PriceTicks::decimalsFor(0.5), 1);
    EXPECT_EQ(PriceTicks::decimalsFor(0.2), 1);
    EXPECT_EQ(PriceTicks::decimalsFor(0.05), 2);
    EXPECT_EQ(PriceTicks::decimalsFor(0.0001), 4);
}

TEST(PriceTicks, pickTheNextNiceStepAboveRangeOverCount) {
    const PriceTicks t = PriceTicks::forRange(101.3, 187.9, 8);
    // 86.6 / 8 = 10.8; the next nice step is 20.
    EXPECT_DOUBLE_EQ(t.step, 20.0);
    ASSERT_EQ(t.count, 4);
    EXPECT_DOUBLE_EQ(t.value(0), 120.0);
    EXPECT_DOUBLE_EQ(t.value(3), 180.0);
    EXPECT_EQ(t.decimals, 0);
    const PriceTicks fine = PriceTicks::forRange(1.0812, 1.0848, 6);
    EXPECT_NEAR(fine.step, 0.001, 1e-15);
    EXPECT_EQ(fine.decimals, 3);
    EXPECT_NEAR(fine.value(0), 1.082, 1e-12);
}

TEST(PriceTicks, eachTickIsAMultipleInsideTheRange) {
    for (double low : {0.00123, 1.5, 99.99, 64999.0}) {
        for (double span : {0.0007, 0.3, 12.0, 1500.0}) {
            const double high = low + span;
            const PriceTicks t = PriceTicks::forRange(low, high, 7);
            ASSERT_GT(t.count, 0) << low << " " << span;
            EXPECT_LE(t.count, 15);
            for (int k = 0; k < t.count; ++k) {
                const double v = t.value(k);
                EXPECT_GE(v, low - 1e-9 * std::abs(low));
                EXPECT_LE(v, high + 1e-9 * std::abs(high));
                const double multiples = v / t.step;
                EXPECT_NEAR(multiples, std::round(multiples), 1e-6);
            }
            if (t.count > 1) {
                const double d = PriceTicks::decimalsFor(t.step);
                EXPECT_EQ(t.decimals, d);
            }
        }
    }
}

TEST(PriceTicks, invalidRangesHaveNoTicks) {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    EXPECT_EQ(PriceTicks::forRange(5.0, 5.0, 5).count, 0);
    EXPECT_EQ(PriceTicks::forRange(6.0, 5.0, 5).count, 0);
    EXPECT_EQ(PriceTicks::forRange(nan, 5.0, 5).count, 0);
    EXPECT_EQ(PriceTicks::forRange(0.0, std::numeric_limits<double>::infinity(), 5).count, 0);
    EXPECT_GT(PriceTicks::forRange(0.0, 1.0, 0).count, 0); // maxCount below 1 counts as 1
}
