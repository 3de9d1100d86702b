// SPDX-License-Identifier: MIT
#include "core/indicators/Rsi.hpp"

#include "tests/unit/indicators/IndicatorTestData.hpp"

#include <cmath>
#include <gtest/gtest.h>
#include <limits>
#include <random>
#include <vector>

using cw::OhlcvRow;
using cw::indicators::rsiBatch;
using cw::indicators::RsiStream;
using cw::indicators::test::randomWalk;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// TA-Lib's definition, sequentially.
std::vector<double> naiveRsi(const std::vector<double>& x, std::size_t p) {
    std::vector<double> out(x.size(), kNaN);
    if (p >= x.size())
        return out;
    double gain = 0.0;
    double loss = 0.0;
    for (std::size_t i = 1; i <= p; ++i) {
        const double d = x[i] - x[i - 1];
        if (d < 0)
            loss -= d;
        else
            gain += d;
    }
    const double n = static_cast<double>(p);
    gain /= n;
    loss /= n;
    out[p] = gain + loss != 0.0 ? 100.0 * gain / (gain + loss) : 0.0;
    for (std::size_t i = p + 1; i < x.size(); ++i) {
        const double d = x[i] - x[i - 1];
        gain = (gain * (n - 1) + (d > 0 ? d : 0.0)) / n;
        loss = (loss * (n - 1) + (d < 0 ? -d : 0.0)) / n;
        out[i] = gain + loss != 0.0 ? 100.0 * gain / (gain + loss) : 0.0;
    }
    return out;
}

std::vector<double> rsi(const std::vector<double>& x, int p) {
    std::vector<double> out(x.size(), -1.0);
    rsiBatch(x, p, out);
    return out;
}

OhlcvRow bar(double close) {
    return {0, close, close, close, close, 1.0};
}

} // namespace

TEST(Rsi, matchesHandComputedValues) {
    // period 2. changes: +2, -1, +3. Seed at index 2: gain (2+0)/2 = 1, loss (0+1)/2 = 0.5,
    // RSI = 100 * 1/1.5. Index 3: gain (1*1 + 3)/2 = 2, loss (0.5*1 + 0)/2 = 0.25 -> 100*2/2.25.
    const std::vector<double> out = rsi({10, 12, 11, 14}, 2);
    EXPECT_TRUE(std::isnan(out[0]));
    EXPECT_TRUE(std::isnan(out[1]));
    EXPECT_NEAR(out[2], 100.0 / 1.5, 1e-12);
    EXPECT_NEAR(out[3], 100.0 * 2.0 / 2.25, 1e-12);
}

TEST(Rsi, risingSeriesIs100FallingIs0FlatIs0) {
    std::vector<double> up(3000);
    std::vector<double> down(3000);
    for (std::size_t i = 0; i < up.size(); ++i) {
        up[i] = 1.0 + static_cast<double>(i);
        down[i] = 5000.0 - static_cast<double>(i);
    }
    const std::vector<double> flat(3000, 7.0);
    const std::vector<double> ru = rsi(up, 14);
    const std::vector<double> rd = rsi(down, 14);
    const std::vector<double> rf = rsi(flat, 14);
    for (std::size_t i = 14; i < up.size(); ++i) {
        ASSERT_DOUBLE_EQ(ru[i], 100.0) << i;
        ASSERT_DOUBLE_EQ(rd[i], 0.0) << i;
        ASSERT_DOUBLE_EQ(rf[i], 0.0) << i;
    }
}

TEST(Rsi, tinyPricesAreNotFlushedToZero) {
    // A coin priced around 1e-5 moves by ~1e-8 a bar; TA-Lib's absolute 1e-8 threshold would
    // report 0 here. The RSI of a scaled series is the RSI of the series.
    const std::vector<double> x = randomWalk(3000, 11);
    std::vector<double> tiny(x);
    for (double& v : tiny)
        v *= 1e-7;
    const std::vector<double> a = rsi(x, 14);
    const std::vector<double> b = rsi(tiny, 14);
    for (std::size_t i = 14; i < x.size(); ++i)
        ASSERT_NEAR(b[i], a[i], 1e-9 * a[i]) << i;
}

TEST(Rsi, matchesTheSequentialDefinitionAcrossBlockBoundaries) {
    for (std::size_t n : {1u, 14u, 15u, 16u, 2063u, 2064u, 4200u, 100000u}) {
        const std::vector<double> x = randomWalk(n, static_cast<unsigned>(n));
        for (int p : {1, 2, 14, 300}) {
            SCOPED_TRACE(::testing::Message() << "n=" << n << " p=" << p);
            const std::vector<double> expected = naiveRsi(x, static_cast<std::size_t>(p));
            const std::vector<double> out = rsi(x, p);
            for (std::size_t i = 0; i < n; ++i) {
                if (std::isnan(expected[i]))
                    ASSERT_TRUE(std::isnan(out[i])) << i;
                else
                    ASSERT_NEAR(out[i], expected[i], 1e-10 * expected[i] + 1e-12) << i;
            }
        }
    }
}

TEST(Rsi, emptyAndShortInputs) {
    std::vector<double> none;
    rsiBatch(none, 14, none);
    for (double v : rsi({1, 2, 3}, 3)) // needs period + 1 values
        EXPECT_TRUE(std::isnan(v));
}

TEST(Rsi, nanPoisonsEveryLaterOutput) {
    std::vector<double> x = randomWalk(5000, 2);
    x[2500] = kNaN;
    const std::vector<double> out = rsi(x, 14);
    EXPECT_FALSE(std::isnan(out[2499]));
    for (std::size_t i = 2500; i < x.size(); ++i)
        ASSERT_TRUE(std::isnan(out[i])) << i;
}

TEST(RsiStream, agreesWithBatchOnALongWalkWithRevisedBars) {
    const std::vector<double> x = randomWalk(100000, 5);
    for (int p : {1, 14, 200}) {
        const std::vector<double> expected = rsi(x, p);
        RsiStream s(p);
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

TEST(RsiStream, resetForgetsEverything) {
    RsiStream s(1);
    s.update(bar(1.0));
    EXPECT_TRUE(std::isnan(s.value()));
    s.update(bar(2.0));
    EXPECT_DOUBLE_EQ(s.value(), 100.0);
    s.updateLast(bar(0.5));
    EXPECT_DOUBLE_EQ(s.value(), 0.0);
    s.reset();
    EXPECT_TRUE(std::isnan(s.value()));
    s.updateLast(bar(3.0));
    EXPECT_TRUE(std::isnan(s.value()));
}

TEST(RsiDeathTest, rejectsPeriodBelowOne) {
    std::vector<double> x{1, 2, 3};
    EXPECT_DEATH(rsiBatch(x, 0, x), "period");
}
