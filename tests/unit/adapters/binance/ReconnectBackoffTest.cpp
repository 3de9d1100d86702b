// SPDX-License-Identifier: MIT
#include "core/adapters/binance/ReconnectBackoff.hpp"

#include <gtest/gtest.h>
#include <vector>

using namespace cw;
using cw::adapters::binance::ReconnectBackoff;

TEST(ReconnectBackoff, ceilingGrowsExponentiallyUpToTheCap) {
    ReconnectBackoff::Config config;
    config.initialDelayNs = 100 * kNsPerMillisecond;
    config.maxDelayNs = 1 * kNsPerSecond;
    ReconnectBackoff backoff(config, 1);
    const TimestampNs expected[] = {100, 200, 400, 800, 1000, 1000};
    for (TimestampNs ms : expected) {
        EXPECT_EQ(backoff.currentCeilingNs(), ms * kNsPerMillisecond);
        const TimestampNs delay = backoff.nextDelayNs();
        EXPECT_GE(delay, 0);
        EXPECT_LE(delay, ms * kNsPerMillisecond);
    }
    EXPECT_EQ(backoff.attempts(), 6);
}

TEST(ReconnectBackoff, sameSeedGivesTheSameDelaysAndJitterSpreadsThem) {
    ReconnectBackoff a(42);
    ReconnectBackoff b(42);
    ReconnectBackoff c(43);
    std::vector<TimestampNs> da, dc;
    for (int i = 0; i < 20; ++i) {
        da.push_back(a.nextDelayNs());
        EXPECT_EQ(b.nextDelayNs(), da.back());
        dc.push_back(c.nextDelayNs());
    }
    EXPECT_NE(da, dc);
}

TEST(ReconnectBackoff, fullJitterCoversTheWholeRange) {
    ReconnectBackoff::Config config;
    config.initialDelayNs = 1000;
    config.maxDelayNs = 1000;
    ReconnectBackoff backoff(config, 7);
    TimestampNs low = 1000, high = 0;
    for (int i = 0; i < 2000; ++i) {
        const TimestampNs d = backoff.nextDelayNs();
        low = std::min(low, d);
        high = std::max(high, d);
    }
    EXPECT_LT(low, 50);
    EXPECT_GT(high, 950);
}

TEST(ReconnectBackoff, resetsOnlyAfterAStableConnection) {
    ReconnectBackoff::Config config;
    config.stableAfterNs = 60 * kNsPerSecond;
    ReconnectBackoff backoff(config, 3);
    for (int i = 0; i < 4; ++i)
        (void)backoff.nextDelayNs();
    backoff.onConnected(0);
    backoff.onDisconnected(59 * kNsPerSecond);
    EXPECT_EQ(backoff.attempts(), 4) << "a flapping connection keeps backing off";
    backoff.onConnected(100 * kNsPerSecond);
    backoff.onDisconnected(160 * kNsPerSecond);
    EXPECT_EQ(backoff.attempts(), 0);
    EXPECT_EQ(backoff.currentCeilingNs(), config.initialDelayNs);
}

TEST(ReconnectBackoff, manyAttemptsNeverOverflow) {
    ReconnectBackoff backoff(9);
    for (int i = 0; i < 10'000; ++i) {
        const TimestampNs d = backoff.nextDelayNs();
        ASSERT_GE(d, 0);
        ASSERT_LE(d, 60 * kNsPerSecond);
    }
}
