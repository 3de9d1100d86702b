// SPDX-License-Identifier: MIT
#include "core/indicators/Vwap.hpp"

#include <cmath>
#include <gtest/gtest.h>
#include <limits>
#include <vector>

namespace cw::indicators {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr TimestampNs kDay0 = 19'724 * kNsPerDay; // 2024-01-02 00:00 UTC

struct Bars {
    std::vector<TimestampNs> time;
    std::vector<double> high, low, close, volume;
    void add(TimestampNs t, double h, double l, double c, double v) {
        time.push_back(t);
        high.push_back(h);
        low.push_back(l);
        close.push_back(c);
        volume.push_back(v);
    }
    std::vector<double> vwap(int offsetMinutes) const {
        std::vector<double> out(time.size());
        vwapBatch(time, high, low, close, volume, offsetMinutes, out);
        return out;
    }
};

TEST(Vwap, weighsTypicalPriceByVolumeAndResetsAtUtcMidnight) {
    Bars b;
    b.add(kDay0 + 22 * kNsPerHour, 12, 9, 9, 10);   // tp 10
    b.add(kDay0 + 23 * kNsPerHour, 22, 19, 19, 30); // tp 20
    b.add(kDay0 + 24 * kNsPerHour, 33, 30, 30, 5);  // next day: tp 31
    b.add(kDay0 + 25 * kNsPerHour, 2, 1, 0, 15);    // tp 1
    const auto out = b.vwap(0);
    EXPECT_DOUBLE_EQ(out[0], 10);
    EXPECT_DOUBLE_EQ(out[1], (10 * 10 + 20 * 30) / 40.0);
    EXPECT_DOUBLE_EQ(out[2], 31);
    EXPECT_DOUBLE_EQ(out[3], (31 * 5 + 1 * 15) / 20.0);
}

TEST(Vwap, sessionOffsetMovesTheReset) {
    Bars b;
    b.add(kDay0 + 13 * kNsPerHour, 12, 9, 9, 10);                       // before 14:30
    b.add(kDay0 + 14 * kNsPerHour + 30 * kNsPerMinute, 22, 19, 19, 30); // session open
    b.add(kDay0 + 30 * kNsPerHour, 33, 30, 30, 10); // 06:00 next day: same session
    const auto out = b.vwap(14 * 60 + 30);
    EXPECT_DOUBLE_EQ(out[0], 10);
    EXPECT_DOUBLE_EQ(out[1], 20);
    EXPECT_DOUBLE_EQ(out[2], (20 * 30 + 31 * 10) / 40.0);
    const auto utc = b.vwap(0);
    EXPECT_DOUBLE_EQ(utc[2], 31); // with UTC days the third bar starts a new session
}

TEST(Vwap, zeroVolumeSoFarIsNaN) {
    Bars b;
    b.add(kDay0, 12, 9, 9, 0);
    b.add(kDay0 + kNsPerMinute, 22, 19, 19, 0);
    b.add(kDay0 + 2 * kNsPerMinute, 13, 10, 10, 4);
    const auto out = b.vwap(0);
    EXPECT_TRUE(std::isnan(out[0]));
    EXPECT_TRUE(std::isnan(out[1]));
    EXPECT_DOUBLE_EQ(out[2], 11);
}

TEST(Vwap, badBarIsNaNAndLeftOutOfTheSums) {
    Bars b;
    b.add(kDay0, 12, 9, 9, 10);
    b.add(kDay0 + kNsPerMinute, kNaN, 19, 19, 30);
    b.add(kDay0 + 2 * kNsPerMinute, 22, 19, 19, -3); // negative volume: rejected
    b.add(kDay0 + 3 * kNsPerMinute, 22, 19, 19, 10);
    const auto out = b.vwap(0);
    EXPECT_TRUE(std::isnan(out[1]));
    EXPECT_TRUE(std::isnan(out[2]));
    EXPECT_DOUBLE_EQ(out[3], 15);
}

TEST(Vwap, barsBeforeTheEpochFallIntoWholeDays) {
    Bars b;
    b.add(-2 * kNsPerHour, 12, 9, 9, 10);   // 1969-12-31 22:00
    b.add(-1 * kNsPerHour, 22, 19, 19, 10); // same day
    b.add(0, 33, 30, 30, 10);               // 1970-01-01: new session
    const auto out = b.vwap(0);
    EXPECT_DOUBLE_EQ(out[1], 15);
    EXPECT_DOUBLE_EQ(out[2], 31);
}

TEST(Vwap, streamStartsNewSessionOnRevisedBarOnly) {
    VwapStream s(0);
    s.update({kDay0 + 23 * kNsPerHour, 0, 12, 9, 9, 10});
    s.update({kDay0 + 24 * kNsPerHour, 0, 33, 30, 30, 5});
    EXPECT_DOUBLE_EQ(s.value(), 31);
    s.updateLast({kDay0 + 24 * kNsPerHour, 0, 33, 30, 30, 0});
    EXPECT_TRUE(std::isnan(s.value()));
    s.updateLast({kDay0 + 24 * kNsPerHour, 0, 2, 1, 0, 5});
    EXPECT_DOUBLE_EQ(s.value(), 1);
}

} // namespace
} // namespace cw::indicators
