// SPDX-License-Identifier: MIT
#include "core/adapters/binance/BinanceRateLimiter.hpp"

#include <gtest/gtest.h>
#include <utility>
#include <vector>

using namespace cw;
using namespace cw::adapters::binance;

namespace {

using Headers = std::vector<std::pair<std::string_view, std::string_view>>;

struct Fixture {
    // 10 s into a minute.
    TimestampNs now = 1'700'000'040'000 * kNsPerMillisecond + 10 * kNsPerSecond;
    BinanceRateLimiter::Clock clock() {
        return [this] { return now; };
    }
};

TimestampNs minuteEnd(TimestampNs t) {
    return (t / kNsPerMinute + 1) * kNsPerMinute;
}

} // namespace

TEST(BinanceRateLimiter, letsRequestsGoUnderTheHeadroom) {
    Fixture f;
    BinanceRateLimiter limiter(f.clock());
    EXPECT_EQ(limiter.delayNs(20), 0);
    limiter.onRequestSent(20);
    EXPECT_EQ(limiter.used(BinanceLimitKind::RequestWeight, kNsPerMinute), 20);
    EXPECT_EQ(limiter.delayNs(20), 0);
}

TEST(BinanceRateLimiter, throttlesBeforeTheLimitUntilTheWindowEnds) {
    Fixture f;
    BinanceRateLimiter limiter(f.clock()); // 6000 per minute, headroom 0.9 -> 5400
    const Headers headers = {{"X-MBX-USED-WEIGHT-1M", "5390"}};
    limiter.onResponse(200, headers);
    EXPECT_EQ(limiter.used(BinanceLimitKind::RequestWeight, kNsPerMinute), 5390);
    EXPECT_EQ(limiter.delayNs(10), 0);
    EXPECT_EQ(limiter.delayNs(11), minuteEnd(f.now) - f.now);
    f.now = minuteEnd(f.now);
    EXPECT_EQ(limiter.delayNs(11), 0) << "the count resets with the window";
}

TEST(BinanceRateLimiter, headerNamesAreCaseInsensitiveAndGeneric) {
    EXPECT_EQ(BinanceRateLimiter::parseHeaderName("x-mbx-used-weight-1m"),
              std::make_pair(BinanceLimitKind::RequestWeight, kNsPerMinute));
    EXPECT_EQ(BinanceRateLimiter::parseHeaderName("X-MBX-ORDER-COUNT-10S"),
              std::make_pair(BinanceLimitKind::Orders, 10 * kNsPerSecond));
    EXPECT_EQ(BinanceRateLimiter::parseHeaderName("X-MBX-ORDER-COUNT-1D"),
              std::make_pair(BinanceLimitKind::Orders, kNsPerDay));
    EXPECT_EQ(BinanceRateLimiter::parseHeaderName("X-MBX-USED-WEIGHT-2H").second, 2 * kNsPerHour);
    for (const char* bad : {"Content-Type", "X-MBX-USED-WEIGHT-", "X-MBX-USED-WEIGHT-1X",
                            "X-MBX-USED-WEIGHT-M", "X-MBX-USED-WEIGHT--1M", "X-MBX-USED-WEIGHT-0M"})
        EXPECT_EQ(BinanceRateLimiter::parseHeaderName(bad).first, BinanceLimitKind::Invalid) << bad;
}

TEST(BinanceRateLimiter, orderCountsThrottleOrdersOnly) {
    Fixture f;
    BinanceRateLimiter limiter(f.clock()); // 50 orders per 10 s -> 45
    const Headers headers = {{"X-MBX-ORDER-COUNT-10S", "45"}, {"X-MBX-ORDER-COUNT-1D", "100"}};
    limiter.onResponse(200, headers);
    EXPECT_GT(limiter.delayNs(1, 1), 0);
    EXPECT_EQ(limiter.delayNs(1, 0), 0) << "a query places no order";
}

TEST(BinanceRateLimiter, honoursRetryAfterOn429) {
    Fixture f;
    BinanceRateLimiter limiter(f.clock());
    const Headers headers = {{"Retry-After", "7"}};
    limiter.onResponse(429, headers);
    EXPECT_EQ(limiter.delayNs(1), 7 * kNsPerSecond);
    EXPECT_FALSE(limiter.isBanned());
    f.now += 7 * kNsPerSecond;
    EXPECT_EQ(limiter.delayNs(1), 0);
}

TEST(BinanceRateLimiter, stopsEverythingUntilAnIpBanEnds) {
    Fixture f;
    BinanceRateLimiter limiter(f.clock());
    const Headers headers = {{"retry-after", "120"}};
    limiter.onResponse(418, headers);
    EXPECT_TRUE(limiter.isBanned());
    EXPECT_EQ(limiter.delayNs(0, 0), 120 * kNsPerSecond);
    f.now += 119 * kNsPerSecond;
    EXPECT_TRUE(limiter.isBanned());
    EXPECT_EQ(limiter.delayNs(1), kNsPerSecond);
    f.now += kNsPerSecond;
    EXPECT_FALSE(limiter.isBanned());
    EXPECT_EQ(limiter.delayNs(1), 0);
}

TEST(BinanceRateLimiter, banFromWebSocketApiRetryAfterTime) {
    Fixture f;
    BinanceRateLimiter limiter(f.clock());
    limiter.onBannedUntil(f.now + 5 * kNsPerMinute);
    EXPECT_TRUE(limiter.isBanned());
    EXPECT_EQ(limiter.blockedUntilNs(), f.now + 5 * kNsPerMinute);
}

TEST(BinanceRateLimiter, ignoresGarbageHeadersAndUsesDefaultsWithoutRetryAfter) {
    Fixture f;
    BinanceRateLimiter limiter(f.clock());
    const Headers garbage = {
        {"X-MBX-USED-WEIGHT-1M", "lots"}, {"X-MBX-USED-WEIGHT-1M", "-5"}, {"Retry-After", "NaN"}};
    limiter.onResponse(429, garbage);
    EXPECT_EQ(limiter.used(BinanceLimitKind::RequestWeight, kNsPerMinute), 0);
    EXPECT_EQ(limiter.delayNs(1), 60 * kNsPerSecond) << "the default pause after 429";
}

TEST(BinanceRateLimiter, limitsFromExchangeInfoReplaceTheDefaults) {
    Fixture f;
    BinanceRateLimiter limiter(f.clock());
    const std::vector<BinanceLimit> limits = {{BinanceLimitKind::RequestWeight, kNsPerMinute, 100},
                                              {BinanceLimitKind::Invalid, kNsPerMinute, 5},
                                              {BinanceLimitKind::Orders, 0, 5}};
    limiter.setLimits(limits);
    EXPECT_EQ(limiter.limits().size(), 1U);
    limiter.onRequestSent(90);
    EXPECT_GT(limiter.delayNs(1), 0);
    EXPECT_EQ(limiter.delayNs(0, 10), 0) << "no order limit left";
}

TEST(BinanceRateLimiter, aRequestLargerThanTheHeadroomGoesIntoAnEmptyWindow) {
    Fixture f;
    BinanceRateLimiter limiter(f.clock());
    const std::vector<BinanceLimit> limits = {{BinanceLimitKind::RequestWeight, kNsPerMinute, 100}};
    limiter.setLimits(limits);
    EXPECT_EQ(limiter.delayNs(250), 0);
}
