// SPDX-License-Identifier: MIT
#include "core/indicators/Atr.hpp"

#include <algorithm>
#include <cmath>
#include <gtest/gtest.h>
#include <limits>
#include <random>
#include <vector>

using cw::OhlcvRow;
using cw::indicators::atrBatch;
using cw::indicators::AtrStream;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

struct Bars {
    std::vector<double> high;
    std::vector<double> low;
    std::vector<double> close;
};

Bars randomBars(std::size_t n, unsigned seed) {
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> z(0.0, 1.0);
    Bars b{std::vector<double>(n), std::vector<double>(n), std::vector<double>(n)};
    double price = 100.0;
    for (std::size_t i = 0; i < n; ++i) {
        const double open = price;
        price *= std::exp(0.002 * z(rng));
        b.close[i] = price;
        b.high[i] = std::max(open, price) * (1.0 + 0.001 * std::fabs(z(rng)));
        b.low[i] = std::min(open, price) * (1.0 - 0.001 * std::fabs(z(rng)));
    }
    return b;
}

// TA-Lib's definition, sequentially.
std::vector<double> naiveAtr(const Bars& b, std::size_t p) {
    const std::size_t n = b.close.size();
    std::vector<double> out(n, kNaN);
    if (p >= n)
        return out;
    const auto tr = [&](std::size_t i) {
        return std::max({b.high[i] - b.low[i], std::fabs(b.high[i] - b.close[i - 1]),
                         std::fabs(b.low[i] - b.close[i - 1])});
    };
    double atr = 0.0;
    for (std::size_t i = 1; i <= p; ++i)
        atr += tr(i);
    const double np = static_cast<double>(p);
    atr /= np;
    out[p] = atr;
    for (std::size_t i = p + 1; i < n; ++i) {
        atr = (atr * (np - 1) + tr(i)) / np;
        out[i] = atr;
    }
    return out;
}

std::vector<double> atr(const Bars& b, int p) {
    std::vector<double> out(b.close.size(), -1.0);
    atrBatch(b.high, b.low, b.close, p, out);
    return out;
}

OhlcvRow row(double high, double low, double close) {
    return {0, close, high, low, close, 1.0};
}

} // namespace

TEST(Atr, matchesHandComputedValues) {
    // period 2. TR[1] = max(12-9, |12-10|, |9-10|) = 3; TR[2] = max(11-10.5, |11-8|, |10.5-8|)
    // = 3 (the gap from close 8); ATR[2] = (3 + 3)/2 = 3. TR[3] = max(13-12, |13-11|, |12-11|)
    // = 2; ATR[3] = (3*1 + 2)/2 = 2.5.
    const Bars b{{10, 12, 11, 13}, {9, 9, 10.5, 12}, {10, 8, 11, 12.5}};
    const std::vector<double> out = atr(b, 2);
    EXPECT_TRUE(std::isnan(out[0]));
    EXPECT_TRUE(std::isnan(out[1]));
    EXPECT_DOUBLE_EQ(out[2], 3.0);
    EXPECT_DOUBLE_EQ(out[3], 2.5);
}

TEST(Atr, periodOneIsTheTrueRange) {
    const Bars b = randomBars(3000, 1);
    const std::vector<double> out = atr(b, 1);
    EXPECT_TRUE(std::isnan(out[0]));
    for (std::size_t i = 1; i < out.size(); ++i) {
        const double tr = std::max({b.high[i] - b.low[i], std::fabs(b.high[i] - b.close[i - 1]),
                                    std::fabs(b.low[i] - b.close[i - 1])});
        ASSERT_DOUBLE_EQ(out[i], tr) << i;
    }
}

TEST(Atr, matchesTheSequentialDefinitionAcrossBlockBoundaries) {
    for (std::size_t n : {1u, 14u, 15u, 16u, 2063u, 2064u, 4200u, 100000u}) {
        const Bars b = randomBars(n, static_cast<unsigned>(n));
        for (int p : {1, 2, 14, 300}) {
            SCOPED_TRACE(::testing::Message() << "n=" << n << " p=" << p);
            const std::vector<double> expected = naiveAtr(b, static_cast<std::size_t>(p));
            const std::vector<double> out = atr(b, p);
            for (std::size_t i = 0; i < n; ++i) {
                if (std::isnan(expected[i]))
                    ASSERT_TRUE(std::isnan(out[i])) << i;
                else
                    ASSERT_NEAR(out[i], expected[i], 1e-12 * expected[i]) << i;
            }
        }
    }
}

TEST(Atr, emptyAndShortInputs) {
    std::vector<double> none;
    atrBatch(none, none, none, 14, none);
    const Bars b = randomBars(14, 3);
    for (double v : atr(b, 14))
        EXPECT_TRUE(std::isnan(v));
}

TEST(Atr, nanInAPreviousCloseOrAHighPoisonsEveryLaterOutput) {
    for (int which = 0; which < 2; ++which) {
        Bars b = randomBars(5000, 2);
        (which == 0 ? b.close : b.high)[3000] = kNaN;
        const std::vector<double> out = atr(b, 14);
        const std::size_t from = which == 0 ? 3001 : 3000; // close[i] enters TR[i+1]
        EXPECT_FALSE(std::isnan(out[from - 1]));
        for (std::size_t i = from; i < out.size(); ++i)
            ASSERT_TRUE(std::isnan(out[i])) << which << " " << i;
    }
}

TEST(AtrStream, agreesWithBatchOnALongWalkWithRevisedBars) {
    const Bars b = randomBars(100000, 5);
    for (int p : {1, 14, 200}) {
        const std::vector<double> expected = atr(b, p);
        AtrStream s(p);
        std::mt19937 rng(7);
        std::uniform_int_distribution<int> revisions(0, 4);
        for (std::size_t i = 0; i < b.close.size(); ++i) {
            s.update(row(b.high[i] * 1.02, b.low[i] * 0.97, b.close[i] * 1.01));
            for (int r = revisions(rng); r > 0; --r)
                s.updateLast(row(b.high[i] * (1.0 + 0.001 * r), b.low[i], b.close[i] * 0.99));
            s.updateLast(row(b.high[i], b.low[i], b.close[i]));
            if (std::isnan(expected[i]))
                ASSERT_TRUE(std::isnan(s.value())) << "p=" << p << " i=" << i;
            else
                ASSERT_NEAR(s.value(), expected[i], 1e-9 * std::fabs(expected[i]))
                    << "p=" << p << " i=" << i;
        }
    }
}

TEST(AtrStream, resetForgetsEverything) {
    AtrStream s(1);
    s.update(row(11, 9, 10));
    EXPECT_TRUE(std::isnan(s.value()));
    s.update(row(12, 11, 11.5));
    EXPECT_DOUBLE_EQ(s.value(), 2.0); // |12 - 10|
    s.reset();
    EXPECT_TRUE(std::isnan(s.value()));
    s.updateLast(row(12, 11, 11.5));
    EXPECT_TRUE(std::isnan(s.value()));
}

TEST(AtrDeathTest, rejectsPeriodBelowOne) {
    std::vector<double> x{1, 2, 3};
    EXPECT_DEATH(atrBatch(x, x, x, 0, x), "period");
}
