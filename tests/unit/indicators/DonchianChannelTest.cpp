// SPDX-License-Identifier: MIT
#include "core/indicators/DonchianChannel.hpp"

#include <cmath>
#include <gtest/gtest.h>
#include <limits>
#include <vector>

namespace cw::indicators {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

TEST(DonchianChannel, tracksHighestHighAndLowestLow) {
    const std::vector<double> high{5, 7, 6, 4, 3, 8};
    const std::vector<double> low{1, 2, 0, 3, 2, 4};
    std::vector<double> up(6), mid(6), lo(6);
    donchianChannelBatch(high, low, 3, up, mid, lo);
    EXPECT_TRUE(std::isnan(up[1]) && std::isnan(mid[1]) && std::isnan(lo[1]));
    EXPECT_EQ(up[2], 7);
    EXPECT_EQ(lo[2], 0);
    EXPECT_EQ(mid[2], 3.5);
    EXPECT_EQ(up[3], 7);
    EXPECT_EQ(up[4], 6);
    EXPECT_EQ(lo[4], 0);
    EXPECT_EQ(up[5], 8);
    EXPECT_EQ(lo[5], 2);
}

// The batch kernel rescans when the maximum leaves the window: a falling series does it on
// every bar and must still be right.
TEST(DonchianChannel, monotoneSeriesAreExact) {
    std::vector<double> falling(50), rising(50);
    for (int i = 0; i < 50; ++i) {
        falling[i] = 100.0 - i;
        rising[i] = i;
    }
    std::vector<double> up(50), mid(50), lo(50);
    donchianChannelBatch(falling, rising, 4, up, mid, lo);
    for (int i = 3; i < 50; ++i) {
        EXPECT_EQ(up[i], 100.0 - (i - 3));
        EXPECT_EQ(lo[i], i - 3.0);
    }
}

TEST(DonchianChannel, nanBlanksAllThreeLinesForItsWindows) {
    const std::vector<double> high{5, kNaN, 6, 4, 3};
    const std::vector<double> low{1, 2, 0, 3, 2};
    std::vector<double> up(5), mid(5), lo(5);
    donchianChannelBatch(high, low, 2, up, mid, lo);
    EXPECT_TRUE(std::isnan(up[1]) && std::isnan(mid[1]) && std::isnan(lo[1]));
    EXPECT_TRUE(std::isnan(lo[2]));
    EXPECT_EQ(up[3], 6);
    EXPECT_EQ(lo[3], 0);
}

TEST(DonchianChannel, streamHandlesRevisionsOfTheExtremeBar) {
    DonchianChannelStream s(2);
    s.update({0, 0, 5, 1, 3, 1});
    s.update({0, 0, 9, 0, 3, 1});
    EXPECT_EQ(s.value(0), 9);
    EXPECT_EQ(s.value(2), 0);
    s.updateLast({0, 0, 4, 2, 3, 1}); // the forming bar no longer holds the extremes
    EXPECT_EQ(s.value(0), 5);
    EXPECT_EQ(s.value(1), 3);
    EXPECT_EQ(s.value(2), 1);
    s.update({0, 0, 4.5, 3, 4, 1}); // the first bar has left the window
    EXPECT_EQ(s.value(0), 4.5);
    EXPECT_EQ(s.value(2), 2);
}

} // namespace
} // namespace cw::indicators
