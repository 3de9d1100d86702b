// SPDX-License-Identifier: MIT
#include "core/indicators/Ema.hpp"

#include "tests/unit/indicators/IndicatorTestData.hpp"

#include <cmath>
#include <gtest/gtest.h>
#include <limits>
#include <random>
#include <vector>

using cw::OhlcvRow;
using cw::indicators::emaBatch;
using cw::indicators::EmaStream;
using cw::indicators::test::randomWalk;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// TA-Lib's definition, sequentially: SMA seed at period-1, then prev + k*(x - prev).
std::vector<double> naiveEma(const std::vector<double>& x, std::size_t p) {
    std::vector<double> out(x.size(), kNaN);
    if (p > x.size())
        return out;
    double prev = 0.0;
    for (std::size_t i = 0; i < p; ++i)
        prev += x[i];
    prev /= static_cast<double>(p);
    out[p - 1] = prev;
    const double k = 2.0 / (static_cast<double>(p) + 1.0);
    for (std::size_t i = p; i < x.size(); ++i) {
        prev = (x[i] - prev) * k + prev;
        out[i] = prev;
    }
    return out;
}

std::vector<double> ema(const std::vector<double>& x, int p) {
    std::vector<double> out(x.size(), -1.0);
    emaBatch(x, p, out);
    return out;
}

void expectClose(const std::vector<double>& expected, const std::vector<double>& actual,
                 double rel) {
    ASSERT_EQ(expected.size(), actual.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        if (std::isnan(expected[i]))
            ASSERT_TRUE(std::isnan(actual[i])) << "index " << i;
        else
            ASSERT_NEAR(actual[i], expected[i], rel * std::fabs(expected[i])) << "index " << i;
    }
}

OhlcvRow bar(double close) {
    return {0, close, close, close, close, 1.0};
}

} // namespace

TEST(Ema, matchesHandComputedValues) {
    // period 3: k = 0.5, seed = mean(2, 4, 6) = 4 at index 2; then 4 + 0.5*(8-4) = 6,
    // 6 + 0.5*(0-6) = 3.
    const std::vector<double> out = ema({2, 4, 6, 8, 0}, 3);
    EXPECT_TRUE(std::isnan(out[0]));
    EXPECT_TRUE(std::isnan(out[1]));
    EXPECT_DOUBLE_EQ(out[2], 4.0);
    EXPECT_DOUBLE_EQ(out[3], 6.0);
    EXPECT_DOUBLE_EQ(out[4], 3.0);
}

TEST(Ema, constantInputStaysConstant) {
    const std::vector<double> out = ema(std::vector<double>(5000, 42.5), 20);
    for (std::size_t i = 19; i < out.size(); ++i)
        ASSERT_NEAR(out[i], 42.5, 1e-12) << i;
}

TEST(Ema, matchesTheSequentialDefinitionAcrossBlockBoundaries) {
    // The blocked recurrence works on 1024-row blocks with a sequential tail.
    for (std::size_t n : {1u, 19u, 20u, 21u, 1043u, 1044u, 2067u, 100000u}) {
        const std::vector<double> x = randomWalk(n, static_cast<unsigned>(n));
        for (int p : {1, 2, 20, 500}) {
            SCOPED_TRACE(::testing::Message() << "n=" << n << " p=" << p);
            expectClose(naiveEma(x, static_cast<std::size_t>(p)), ema(x, p), 1e-12);
        }
    }
}

TEST(Ema, emptyAndShortInputs) {
    std::vector<double> none;
    emaBatch(none, 5, none);
    for (double v : ema({1, 2, 3}, 4))
        EXPECT_TRUE(std::isnan(v));
}

TEST(Ema, nanPoisonsEveryLaterOutput) {
    std::vector<double> x = randomWalk(5000, 2);
    x[3000] = kNaN;
    const std::vector<double> out = ema(x, 10);
    EXPECT_FALSE(std::isnan(out[2999]));
    for (std::size_t i = 3000; i < x.size(); ++i)
        ASSERT_TRUE(std::isnan(out[i])) << i;
}

TEST(EmaStream, agreesWithBatchOnALongWalkWithRevisedBars) {
    const std::vector<double> x = randomWalk(100000, 5);
    for (int p : {1, 20, 300}) {
        const std::vector<double> expected = ema(x, p);
        EmaStream s(p);
        std::mt19937 rng(7);
        std::uniform_int_distribution<int> revisions(0, 4);
        for (std::size_t i = 0; i < x.size(); ++i) {
            s.update(bar(x[i] * 1.01));
            for (int r = revisions(rng); r > 0; --r)
                s.updateLast(bar(x[i] * (1.0 - 0.001 * r)));
            s.updateLast(bar(x[i]));
            if (std::isnan(expected[i]))
                ASSERT_TRUE(std::isnan(s.value())) << "p=" << p << " i=" << i;
            else
                ASSERT_NEAR(s.value(), expected[i], 1e-9 * std::fabs(expected[i]))
                    << "p=" << p << " i=" << i;
        }
    }
}

TEST(EmaStream, nanPoisonsUntilReset) {
    EmaStream s(2);
    s.update(bar(1.0));
    s.update(bar(kNaN));
    s.update(bar(3.0));
    EXPECT_TRUE(std::isnan(s.value()));
    s.reset();
    s.update(bar(1.0));
    s.updateLast(bar(5.0));
    s.update(bar(3.0));
    EXPECT_DOUBLE_EQ(s.value(), 4.0);
}

TEST(EmaDeathTest, rejectsPeriodBelowOne) {
    std::vector<double> x{1, 2, 3};
    EXPECT_DEATH(emaBatch(x, 0, x), "period");
    EXPECT_DEATH(EmaStream(-1), "period");
}
