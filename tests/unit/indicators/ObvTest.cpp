// SPDX-License-Identifier: MIT
#include "core/indicators/Obv.hpp"

#include <cmath>
#include <gtest/gtest.h>
#include <limits>
#include <vector>

namespace cw::indicators {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

TEST(Obv, startsAtFirstVolumeAndSignsByCloseDirection) {
    const std::vector<double> close{10, 11, 11, 9, 12};
    const std::vector<double> volume{100, 20, 30, 5, 7};
    std::vector<double> out(5);
    obvBatch(close, volume, out);
    EXPECT_EQ(out, (std::vector<double>{100, 120, 120, 115, 122}));
}

// A bar with a NaN close or volume is NaN and skipped: the next bar compares with the last
// valid close and continues the total.
TEST(Obv, skipsBarsWithNaN) {
    const std::vector<double> close{10, kNaN, 9, 9.5, 9.5};
    const std::vector<double> volume{100, 50, 10, kNaN, 4};
    std::vector<double> out(5);
    obvBatch(close, volume, out);
    EXPECT_EQ(out[0], 100);
    EXPECT_TRUE(std::isnan(out[1]));
    EXPECT_EQ(out[2], 90);
    EXPECT_TRUE(std::isnan(out[3]));
    EXPECT_EQ(out[4], 94); // compared with 9, the last valid close: a rise
}

TEST(Obv, streamRevisionDoesNotAccumulate) {
    ObvStream s;
    s.update({0, 0, 0, 0, 10, 100});
    s.update({0, 0, 0, 0, 11, 5});
    s.updateLast({0, 0, 0, 0, 11, 9});
    s.updateLast({0, 0, 0, 0, 9, 12});
    EXPECT_EQ(s.value(), 88);
    s.update({0, 0, 0, 0, 10, 1});
    EXPECT_EQ(s.value(), 89);
}

} // namespace
} // namespace cw::indicators
