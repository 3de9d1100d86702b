// SPDX-License-Identifier: MIT
#include "core/adapters/binance/BinanceServerClock.hpp"

#include <gtest/gtest.h>

using namespace cw;
using cw::adapters::binance::BinanceServerClock;

namespace {

constexpr TimestampNs kMs = kNsPerMillisecond;

struct FakeClock {
    TimestampNs now = 1'700'000'000'000 * kMs;
    BinanceServerClock::LocalClock fn() {
        return [this] { return now; };
    }
};

} // namespace

TEST(BinanceServerClock, needsResyncAndUsesTheLocalClockBeforeTheFirstSample) {
    FakeClock local;
    BinanceServerClock clock(local.fn());
    EXPECT_TRUE(clock.needsResync());
    EXPECT_FALSE(clock.isSynced());
    EXPECT_FALSE(clock.offsetNs().has_value());
    EXPECT_EQ(clock.serverNowNs(), local.now);
}

TEST(BinanceServerClock, offsetIsServerTimeMinusTheRoundTripMidpoint) {
    FakeClock local;
    BinanceServerClock clock(local.fn());
    // Sent at t, received 40 ms later; the server said t + 20 ms + 250 ms.
    const TimestampNs sent = local.now;
    const std::int64_t serverMs = (sent + 270 * kMs) / kMs;
    ASSERT_TRUE(clock.addSample(sent, sent + 40 * kMs, serverMs).hasValue());
    EXPECT_EQ(*clock.offsetNs(), 250 * kMs);
    EXPECT_EQ(*clock.roundTripNs(), 40 * kMs);
    local.now = sent + 1000 * kMs;
    EXPECT_EQ(clock.serverNowNs(), sent + 1250 * kMs);
    EXPECT_EQ(clock.timestampMs(), (sent + 1250 * kMs) / kMs);
    EXPECT_FALSE(clock.needsResync());
}

TEST(BinanceServerClock, prefersTheSampleWithTheShortestRoundTrip) {
    FakeClock local;
    BinanceServerClock clock(local.fn());
    const TimestampNs t = local.now;
    ASSERT_TRUE(clock.addSample(t, t + 400 * kMs, (t + 200 * kMs + 90 * kMs) / kMs).hasValue());
    ASSERT_TRUE(clock.addSample(t, t + 10 * kMs, (t + 5 * kMs + 100 * kMs) / kMs).hasValue());
    ASSERT_TRUE(clock.addSample(t, t + 300 * kMs, (t + 150 * kMs + 80 * kMs) / kMs).hasValue());
    EXPECT_EQ(*clock.offsetNs(), 100 * kMs);
}

TEST(BinanceServerClock, needsResyncAfterTheIntervalAndAfterRejection) {
    FakeClock local;
    BinanceServerClock::Config config;
    config.resyncIntervalNs = 60 * kNsPerSecond;
    BinanceServerClock clock(local.fn(), config);
    const TimestampNs t = local.now;
    ASSERT_TRUE(clock.addSample(t, t + 2 * kMs, (t + kMs) / kMs + 500).hasValue());
    local.now = t + 2 * kMs + 59 * kNsPerSecond;
    EXPECT_FALSE(clock.needsResync());
    local.now = t + 2 * kMs + 60 * kNsPerSecond; // 60 s after the reply arrived
    EXPECT_TRUE(clock.needsResync());

    ASSERT_TRUE(
        clock.addSample(local.now, local.now + 2 * kMs, (local.now + kMs) / kMs + 500).hasValue());
    EXPECT_FALSE(clock.needsResync());
    clock.onTimestampRejected(); // -1021
    EXPECT_TRUE(clock.needsResync());
    // The next sample replaces the older ones (the local clock may have stepped).
    ASSERT_TRUE(
        clock.addSample(local.now, local.now + 50 * kMs, (local.now + 25 * kMs) / kMs - 3000)
            .hasValue());
    EXPECT_FALSE(clock.needsResync());
    EXPECT_EQ(*clock.offsetNs(), -3000 * kMs);
}

TEST(BinanceServerClock, refusesImpossibleAndTooSlowSamples) {
    FakeClock local;
    BinanceServerClock clock(local.fn());
    const TimestampNs t = local.now;
    EXPECT_EQ(clock.addSample(t, t - 1, t / kMs).error().code, ErrorCode::InvalidArgument);
    EXPECT_EQ(clock.addSample(t, t + kMs, 0).error().code, ErrorCode::InvalidArgument);
    EXPECT_EQ(clock.addSample(t, t + kMs, -5).error().code, ErrorCode::InvalidArgument);
    EXPECT_EQ(clock.addSample(t, t + kMs, INT64_MAX).error().code, ErrorCode::InvalidArgument);
    EXPECT_EQ(clock.addSample(t, t + 6 * kNsPerSecond, t / kMs).error().code,
              ErrorCode::OutOfRange);
    EXPECT_FALSE(clock.isSynced());
}

TEST(BinanceServerClock, safetyMarginKeepsTimestampsBehindTheServer) {
    FakeClock local;
    BinanceServerClock::Config config;
    config.safetyMarginNs = 100 * kMs;
    BinanceServerClock clock(local.fn(), config);
    const TimestampNs t = local.now;
    ASSERT_TRUE(clock.addSample(t, t, t / kMs).hasValue());
    EXPECT_EQ(clock.serverNowNs(), t - 100 * kMs);
}
