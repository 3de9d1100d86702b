// SPDX-License-Identifier: MIT
#include "core/indicators/ZScore.hpp"

#include <cmath>
#include <gtest/gtest.h>
#include <limits>
#include <vector>

namespace cw::indicators {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

TEST(ZScore, measuresDistanceFromMeanInDeviations) {
    const std::vector<double> in{2, 4, 4, 4, 5, 5, 7, 9}; // mean 5, population stddev 2
    std::vector<double> out(in.size());
    zScoreBatch(in, 8, out);
    EXPECT_TRUE(std::isnan(out[6]));
    EXPECT_DOUBLE_EQ(out[7], (9 - 5) / 2.0);
}

// A flat window has no deviation: the value sits at its mean, reported as 0 (not NaN).
TEST(ZScore, flatWindowGivesZero) {
    const std::vector<double> in(10, 0.3);
    std::vector<double> out(in.size());
    zScoreBatch(in, 4, out);
    for (std::size_t i = 3; i < in.size(); ++i)
        EXPECT_EQ(out[i], 0.0);
}

TEST(ZScore, nanBlanksItsWindowsOnly) {
    const std::vector<double> in{1, 3, kNaN, 1, 3};
    std::vector<double> out(in.size());
    zScoreBatch(in, 2, out);
    EXPECT_DOUBLE_EQ(out[1], 1.0);
    EXPECT_TRUE(std::isnan(out[2]));
    EXPECT_TRUE(std::isnan(out[3]));
    EXPECT_DOUBLE_EQ(out[4], 1.0);
}

TEST(ZScore, streamMatchesBatchOnRevisedBar) {
    ZScoreStream s(3);
    for (double c : {1.0, 2.0})
        s.update({0, 0, 0, 0, c, 0});
    s.update({0, 0, 0, 0, 100.0, 0});
    s.updateLast({0, 0, 0, 0, 3.0, 0});
    const std::vector<double> in{1, 2, 3};
    std::vector<double> out(3);
    zScoreBatch(in, 3, out);
    EXPECT_DOUBLE_EQ(s.value(), out[2]);
    EXPECT_NEAR(out[2], 1.0 / std::sqrt(2.0 / 3.0), 1e-12);
}

} // namespace
} // namespace cw::indicators
