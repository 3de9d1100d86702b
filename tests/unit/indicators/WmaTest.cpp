// SPDX-License-Identifier: MIT
#include "core/indicators/Wma.hpp"

#include "tests/unit/indicators/IndicatorTestData.hpp"

#include <cmath>
#include <gtest/gtest.h>
#include <limits>
#include <vector>

namespace cw::indicators {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

TEST(Wma, weighsNewestValueMost) {
    const std::vector<double> in{1, 2, 3, 4, 5};
    std::vector<double> out(in.size());
    wmaBatch(in, 3, out);
    EXPECT_TRUE(std::isnan(out[0]));
    EXPECT_TRUE(std::isnan(out[1]));
    EXPECT_DOUBLE_EQ(out[2], (1 * 1 + 2 * 2 + 3 * 3) / 6.0);
    EXPECT_DOUBLE_EQ(out[3], (1 * 2 + 2 * 3 + 3 * 4) / 6.0);
    EXPECT_DOUBLE_EQ(out[4], (1 * 3 + 2 * 4 + 3 * 5) / 6.0);
}

TEST(Wma, matchesDirectSumOnLongSeriesWithoutDrift) {
    test::RandomWalk walk(5);
    const auto bars = walk.bars(200'000);
    std::vector<double> out(bars.size());
    const int period = 7;
    wmaBatch(bars.close, period, out);
    for (std::size_t i = period - 1; i < bars.size(); i += 997) {
        double direct = 0.0;
        for (int k = 0; k < period; ++k)
            direct += (k + 1) * bars.close[i - period + 1 + k];
        direct /= period * (period + 1) / 2.0;
        ASSERT_TRUE(test::closeEnough(direct, out[i])) << i;
    }
}

// A NaN makes every window holding it NaN; values come back once it has left the window.
TEST(Wma, nanInputBlanksOnlyWindowsHoldingIt) {
    const std::vector<double> in{1, 2, kNaN, 4, 5, 6};
    std::vector<double> out(in.size());
    wmaBatch(in, 2, out);
    EXPECT_DOUBLE_EQ(out[1], (1 + 2 * 2) / 3.0);
    EXPECT_TRUE(std::isnan(out[2]));
    EXPECT_TRUE(std::isnan(out[3]));
    EXPECT_DOUBLE_EQ(out[4], (4 + 2 * 5) / 3.0);
    EXPECT_DOUBLE_EQ(out[5], (5 + 2 * 6) / 3.0);
}

TEST(Wma, streamRevisionsLeaveNoTrace) {
    WmaStream s(2);
    s.update({0, 0, 0, 0, 10, 0});
    EXPECT_TRUE(std::isnan(s.value()));
    s.update({0, 0, 0, 0, 1000, 0});
    EXPECT_DOUBLE_EQ(s.value(), (10 + 2 * 1000) / 3.0);
    s.updateLast({0, 0, 0, 0, 40, 0});
    EXPECT_DOUBLE_EQ(s.value(), (10 + 2 * 40) / 3.0);
    s.update({0, 0, 0, 0, 70, 0});
    EXPECT_DOUBLE_EQ(s.value(), (40 + 2 * 70) / 3.0);
}

} // namespace
} // namespace cw::indicators
