// SPDX-License-Identifier: MIT
#include "core/indicators/Stochastic.hpp"

#include <cmath>
#include <gtest/gtest.h>
#include <limits>
#include <vector>

namespace cw::indicators {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

struct Hlc {
    std::vector<double> high, low, close;
};

Hlc sample() {
    return {{10, 12, 11, 13, 14, 12}, {8, 9, 9, 10, 11, 10}, {9, 11, 10, 12, 13, 11}};
}

TEST(Stochastic, fastKIsCloseWithinTheRangeOfTheWindow) {
    const Hlc s = sample();
    std::vector<double> k(6), d(6);
    stochasticBatch(s.high, s.low, s.close, 3, 1, 1, k, d);
    EXPECT_TRUE(std::isnan(k[1]));
    EXPECT_DOUBLE_EQ(k[2], 100.0 * (10 - 8) / (12 - 8));
    EXPECT_DOUBLE_EQ(k[3], 100.0 * (12 - 9) / (13 - 9));
    EXPECT_DOUBLE_EQ(k[4], 100.0 * (13 - 9) / (14 - 9));
    EXPECT_DOUBLE_EQ(k[5], 100.0 * (11 - 10) / (14 - 10));
    EXPECT_DOUBLE_EQ(d[5], k[5]); // slowD period 1
}

TEST(Stochastic, slowLinesAreMeansAndStartAtTaLibLookback) {
    const Hlc s = sample();
    std::vector<double> fast(6), unused(6), k(6), d(6);
    stochasticBatch(s.high, s.low, s.close, 3, 1, 1, fast, unused);
    stochasticBatch(s.high, s.low, s.close, 3, 2, 2, k, d);
    // Both lines start at TA-Lib's lookback 3 + 2 + 2 - 3 = 4 (k alone could start at 3).
    EXPECT_TRUE(std::isnan(k[3]));
    EXPECT_TRUE(std::isnan(d[3]));
    EXPECT_DOUBLE_EQ(k[4], (fast[3] + fast[4]) / 2);
    EXPECT_DOUBLE_EQ(k[5], (fast[4] + fast[5]) / 2);
    EXPECT_DOUBLE_EQ(d[4], ((fast[2] + fast[3]) / 2 + k[4]) / 2);
    EXPECT_DOUBLE_EQ(d[5], (k[4] + k[5]) / 2);
}

// TA-Lib's choice for a window without range: fast K is 0.
TEST(Stochastic, flatWindowGivesZero) {
    const std::vector<double> flat(6, 5.0);
    std::vector<double> k(6), d(6);
    stochasticBatch(flat, flat, flat, 3, 2, 2, k, d);
    EXPECT_EQ(k[5], 0.0);
    EXPECT_EQ(d[5], 0.0);
}

TEST(Stochastic, nanCloseBlanksEveryLineWhoseWindowsReachIt) {
    Hlc s = sample();
    s.close[3] = kNaN;
    std::vector<double> k(6), d(6);
    stochasticBatch(s.high, s.low, s.close, 2, 1, 2, k, d); // both lines start at 2
    EXPECT_FALSE(std::isnan(k[2]));
    EXPECT_TRUE(std::isnan(k[3]));
    EXPECT_FALSE(std::isnan(k[4])); // the close only enters fast K of its own bar
    EXPECT_TRUE(std::isnan(d[3]));
    EXPECT_TRUE(std::isnan(d[4]));
    EXPECT_FALSE(std::isnan(d[5]));
}

TEST(Stochastic, streamUpdateLastRevisesTheRange) {
    StochasticStream st(2, 1, 1);
    st.update({0, 0, 10, 8, 9, 1});
    st.update({0, 0, 11, 9, 10, 1});
    EXPECT_DOUBLE_EQ(st.value(0), 100.0 * (10 - 8) / (11 - 8));
    st.updateLast({0, 0, 20, 9, 20, 1}); // new high replaces the forming bar's
    EXPECT_DOUBLE_EQ(st.value(0), 100.0);
    st.updateLast({0, 0, 10, 7, 7, 1});
    EXPECT_DOUBLE_EQ(st.value(0), 0.0);
}

} // namespace
} // namespace cw::indicators
