// SPDX-License-Identifier: MIT
#include "core/indicators/RollingStdDev.hpp"

#include "tests/unit/indicators/IndicatorTestData.hpp"

#include <cmath>
#include <gtest/gtest.h>
#include <limits>
#include <vector>

namespace cw::indicators {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

TEST(RollingStdDev, isThePopulationDeviationTimesMultiplier) {
    // Mean 5, squared deviations sum to 32 over 8 values: population variance 4.
    const std::vector<double> in{2, 4, 4, 4, 5, 5, 7, 9};
    std::vector<double> out(in.size());
    rollingStdDevBatch(in, 8, 1.0, out);
    for (std::size_t i = 0; i < 7; ++i)
        EXPECT_TRUE(std::isnan(out[i])) << i;
    EXPECT_DOUBLE_EQ(out[7], 2.0);
    rollingStdDevBatch(in, 8, 2.5, out);
    EXPECT_DOUBLE_EQ(out[7], 5.0);
}

TEST(RollingStdDev, constantWindowIsExactlyZero) {
    std::vector<double> in{100.3, 99.7, 101.1};
    in.resize(40, 0.1); // 0.1 is not exact in binary, so a naive mean would not cancel
    std::vector<double> out(in.size());
    rollingStdDevBatch(in, 5, 1.0, out);
    for (std::size_t i = 7; i < in.size(); ++i)
        EXPECT_EQ(out[i], 0.0) << i;
}

TEST(RollingStdDev, staysAccurateOnHighPricesAfterManyBars) {
    test::RandomWalk walk(9);
    auto bars = walk.bars(100'000);
    for (auto& c : bars.close)
        c += 1e6; // large level, small moves: the case where E[x^2] - E[x]^2 cancels
    std::vector<double> out(bars.size());
    const int period = 10;
    rollingStdDevBatch(bars.close, period, 1.0, out);
    for (std::size_t i = period - 1; i < bars.size(); i += 1009) {
        double mean = 0.0;
        for (int k = 0; k < period; ++k)
            mean += bars.close[i - k];
        mean /= period;
        double ss = 0.0;
        for (int k = 0; k < period; ++k)
            ss += (bars.close[i - k] - mean) * (bars.close[i - k] - mean);
        const double direct = std::sqrt(ss / period);
        ASSERT_NEAR(out[i], direct, 1e-7 * direct + 1e-9) << i;
    }
}

TEST(RollingStdDev, nanAndInfinityBlankOnlyTheirWindows) {
    const std::vector<double> in{1, 2, kNaN, 3, 4, std::numeric_limits<double>::infinity(), 5, 6};
    std::vector<double> out(in.size());
    rollingStdDevBatch(in, 2, 1.0, out);
    EXPECT_DOUBLE_EQ(out[1], 0.5);
    EXPECT_TRUE(std::isnan(out[2]));
    EXPECT_TRUE(std::isnan(out[3]));
    EXPECT_DOUBLE_EQ(out[4], 0.5);
    EXPECT_TRUE(std::isnan(out[5]));
    EXPECT_TRUE(std::isnan(out[6]));
    EXPECT_DOUBLE_EQ(out[7], 0.5);
}

} // namespace
} // namespace cw::indicators
