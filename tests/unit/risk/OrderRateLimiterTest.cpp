// SPDX-License-Identifier: MIT
#include "core/risk/OrderRateLimiter.hpp"

#include <gtest/gtest.h>

using namespace cw;
using namespace cw::risk;

TEST(OrderRateLimiter, aSendCountsForExactlyOneWindow) {
    OrderRateLimiter limiter;
    limiter.record("SIM", 5'000'000'000);
    EXPECT_EQ(limiter.countInWindow("SIM", 5'000'000'000), 1U);
    EXPECT_EQ(limiter.countInWindow("SIM", 5'999'999'999), 1U);
    EXPECT_EQ(limiter.countInWindow("SIM", 6'000'000'000), 0U);
}

TEST(OrderRateLimiter, allowsUpToTheLimitInAnyOneSecond) {
    OrderRateLimiter limiter;
    const TimestampNs t0 = 1'000'000'000'000;
    for (int i = 0; i < 5; ++i) {
        ASSERT_TRUE(limiter.allows("SIM", 5, t0 + i * 100'000'000));
        limiter.record("SIM", t0 + i * 100'000'000);
    }
    EXPECT_FALSE(limiter.allows("SIM", 5, t0 + 400'000'000));
    EXPECT_FALSE(limiter.allows("SIM", 5, t0 + 999'999'999));
    EXPECT_EQ(limiter.oldestInWindow("SIM", t0 + 999'999'999), t0);
    EXPECT_TRUE(limiter.allows("SIM", 5, t0 + 1'000'000'000)); // the first send left
    // Same timestamps count separately.
    limiter.record("SIM", t0 + 1'000'000'000);
    EXPECT_FALSE(limiter.allows("SIM", 5, t0 + 1'000'000'000));
}

TEST(OrderRateLimiter, venuesAreCountedSeparately) {
    OrderRateLimiter limiter;
    limiter.record("SIM", 10);
    limiter.record("SIM", 11);
    EXPECT_FALSE(limiter.allows("SIM", 2, 12));
    EXPECT_TRUE(limiter.allows("BINANCE", 2, 12));
    EXPECT_EQ(limiter.countInWindow("BINANCE", 12), 0U);
    EXPECT_EQ(limiter.oldestInWindow("BINANCE", 12), 0);
}

TEST(OrderRateLimiter, aClockStepBackNeverDropsTheCountEarly) {
    OrderRateLimiter limiter(1'000);
    limiter.record("SIM", 5'000);
    limiter.record("SIM", 4'500); // clock went back 500 ns
    EXPECT_EQ(limiter.countInWindow("SIM", 4'600), 2U);
    EXPECT_EQ(limiter.countInWindow("SIM", 5'499), 2U);
    EXPECT_EQ(limiter.countInWindow("SIM", 5'500), 1U); // 4,500 left, 5,000 still counts
    EXPECT_EQ(limiter.countInWindow("SIM", 6'000), 0U);
}

TEST(OrderRateLimiter, aLimitBelowOneAllowsNothing) {
    OrderRateLimiter limiter;
    EXPECT_FALSE(limiter.allows("SIM", 0, 1));
    EXPECT_FALSE(limiter.allows("SIM", -3, 1));
}
