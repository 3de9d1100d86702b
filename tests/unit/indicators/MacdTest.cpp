// SPDX-License-Identifier: MIT
#include "core/indicators/Macd.hpp"

#include "tests/unit/indicators/IndicatorTestData.hpp"

#include <array>
#include <cmath>
#include <gtest/gtest.h>
#include <limits>
#include <random>
#include <vector>

using cw::OhlcvRow;
using cw::indicators::macdBatch;
using cw::indicators::MacdStream;
using cw::indicators::test::randomWalk;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

struct MacdOut {
    std::vector<double> macd;
    std::vector<double> signal;
    std::vector<double> hist;
};

// TA-Lib's TA_MACD, sequentially: both EMAs start at index slow-1, the fast one seeded with
// the mean of the `fast` values ending there.
MacdOut naiveMacd(const std::vector<double>& x, int fast, int slow, int signal) {
    const std::size_t n = x.size();
    MacdOut o{std::vector<double>(n, kNaN), std::vector<double>(n, kNaN),
              std::vector<double>(n, kNaN)};
    const std::size_t s = static_cast<std::size_t>(slow - 1);
    const std::size_t first = s + static_cast<std::size_t>(signal - 1);
    if (first >= n)
        return o;
    double f = 0.0;
    double sl = 0.0;
    for (std::size_t i = s + 1 - static_cast<std::size_t>(fast); i <= s; ++i)
        f += x[i];
    for (std::size_t i = 0; i <= s; ++i)
        sl += x[i];
    f /= fast;
    sl /= slow;
    const double kf = 2.0 / (fast + 1);
    const double ks = 2.0 / (slow + 1);
    const double kg = 2.0 / (signal + 1);
    std::vector<double> m(n, kNaN);
    m[s] = f - sl;
    for (std::size_t i = s + 1; i < n; ++i) {
        f = (x[i] - f) * kf + f;
        sl = (x[i] - sl) * ks + sl;
        m[i] = f - sl;
    }
    double g = 0.0;
    for (std::size_t i = s; i <= first; ++i)
        g += m[i];
    g /= signal;
    for (std::size_t i = first; i < n; ++i) {
        if (i > first)
            g = (m[i] - g) * kg + g;
        o.macd[i] = m[i];
        o.signal[i] = g;
        o.hist[i] = m[i] - g;
    }
    return o;
}

MacdOut macd(const std::vector<double>& x, int fast, int slow, int signal) {
    MacdOut o{std::vector<double>(x.size(), -1.0), std::vector<double>(x.size(), -1.0),
              std::vector<double>(x.size(), -1.0)};
    macdBatch(x, fast, slow, signal, o.macd, o.signal, o.hist);
    return o;
}

// MACD is a difference of two price-scale EMAs: its rounding error is relative to the price,
// not to the (often near-zero) MACD value, so the tolerance is scaled by the price level.
void expectClose(const std::vector<double>& expected, const std::vector<double>& actual,
                 double tol) {
    ASSERT_EQ(expected.size(), actual.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        if (std::isnan(expected[i]))
            ASSERT_TRUE(std::isnan(actual[i])) << "index " << i;
        else
            ASSERT_NEAR(actual[i], expected[i], tol) << "index " << i;
    }
}

OhlcvRow bar(double close) {
    return {0, close, close, close, close, 1.0};
}

} // namespace

TEST(Macd, firstValidIndexIs33For12_26_9) {
    const std::vector<double> x = randomWalk(100, 1);
    const MacdOut o = macd(x, 12, 26, 9);
    for (std::size_t i = 0; i < 33; ++i)
        EXPECT_TRUE(std::isnan(o.macd[i]) && std::isnan(o.signal[i]) && std::isnan(o.hist[i]));
    EXPECT_FALSE(std::isnan(o.macd[33]) || std::isnan(o.signal[33]) || std::isnan(o.hist[33]));
}

TEST(Macd, matchesHandComputedValues) {
    // fast 1, slow 2, signal 2: k = 1, 2/3, 2/3. Both EMAs start at index 1: fast = x[1] = 4,
    // slow = (2+4)/2 = 3, macd[1] = 1. Index 2: fast 8, slow 3 + 2/3*(8-3) = 19/3, macd 5/3.
    // Signal seed at index 2 = (1 + 5/3)/2 = 4/3; hist = 5/3 - 4/3 = 1/3.
    const MacdOut o = macd({2, 4, 8}, 1, 2, 2);
    EXPECT_TRUE(std::isnan(o.macd[1]));
    EXPECT_NEAR(o.macd[2], 5.0 / 3.0, 1e-14);
    EXPECT_NEAR(o.signal[2], 4.0 / 3.0, 1e-14);
    EXPECT_NEAR(o.hist[2], 1.0 / 3.0, 1e-14);
}

TEST(Macd, isNotTheDifferenceOfEmasFromIndexZero) {
    // TA-Lib's alignment matters: an EMA(12) started at index 11 gives a different macd at 33.
    const std::vector<double> x = randomWalk(200, 2);
    const MacdOut o = macd(x, 12, 26, 9);
    double f = 0.0;
    for (std::size_t i = 0; i < 12; ++i)
        f += x[i];
    f /= 12.0;
    double sl = 0.0;
    for (std::size_t i = 0; i < 26; ++i)
        sl += x[i];
    sl /= 26.0;
    for (std::size_t i = 12; i <= 33; ++i)
        f = (x[i] - f) * (2.0 / 13.0) + f;
    for (std::size_t i = 26; i <= 33; ++i)
        sl = (x[i] - sl) * (2.0 / 27.0) + sl;
    EXPECT_GT(std::fabs(o.macd[33] - (f - sl)), 1e-9);
    expectClose(naiveMacd(x, 12, 26, 9).macd, o.macd, 1e-12);
}

TEST(Macd, matchesTheSequentialDefinitionAcrossBlockBoundaries) {
    for (std::size_t n : {1u, 33u, 34u, 2081u, 2082u, 5000u, 100000u}) {
        const std::vector<double> x = randomWalk(n, static_cast<unsigned>(n));
        for (std::array<int, 3> q :
             {std::array<int, 3>{12, 26, 9}, std::array<int, 3>{1, 1, 1},
              std::array<int, 3>{5, 3, 1}, std::array<int, 3>{50, 200, 3000}}) {
            SCOPED_TRACE(::testing::Message()
                         << "n=" << n << " " << q[0] << "/" << q[1] << "/" << q[2]);
            // The fast/slow swap applies to both sides.
            const int fast = std::min(q[0], q[1]);
            const int slow = std::max(q[0], q[1]);
            const MacdOut want = naiveMacd(x, fast, slow, q[2]);
            const MacdOut got = macd(x, q[0], q[1], q[2]);
            expectClose(want.macd, got.macd, 1e-11);
            expectClose(want.signal, got.signal, 1e-11);
            expectClose(want.hist, got.hist, 1e-11);
        }
    }
}

TEST(Macd, emptyAndShortInputs) {
    std::vector<double> none;
    macdBatch(none, 12, 26, 9, none, none, none);
    const MacdOut o = macd(randomWalk(33, 3), 12, 26, 9);
    for (double v : o.hist)
        EXPECT_TRUE(std::isnan(v));
}

TEST(Macd, nanPoisonsEveryLaterOutput) {
    std::vector<double> x = randomWalk(6000, 2);
    x[4000] = kNaN;
    const MacdOut o = macd(x, 12, 26, 9);
    EXPECT_FALSE(std::isnan(o.signal[3999]));
    for (std::size_t i = 4000; i < x.size(); ++i)
        ASSERT_TRUE(std::isnan(o.macd[i]) && std::isnan(o.signal[i]) && std::isnan(o.hist[i])) << i;
}

TEST(MacdStream, agreesWithBatchOnALongWalkWithRevisedBars) {
    const std::vector<double> x = randomWalk(100000, 5);
    for (std::array<int, 3> q : {std::array<int, 3>{12, 26, 9}, std::array<int, 3>{1, 1, 1},
                                 std::array<int, 3>{26, 12, 9}}) {
        const MacdOut expected = macd(x, q[0], q[1], q[2]);
        MacdStream s(q[0], q[1], q[2]);
        std::mt19937 rng(7);
        std::uniform_int_distribution<int> revisions(0, 4);
        for (std::size_t i = 0; i < x.size(); ++i) {
            s.update(bar(x[i] * 1.01));
            for (int r = revisions(rng); r > 0; --r)
                s.updateLast(bar(x[i] * (1.0 - 0.001 * r)));
            s.updateLast(bar(x[i]));
            const std::array<double, 3> want{expected.macd[i], expected.signal[i],
                                             expected.hist[i]};
            for (std::size_t k = 0; k < 3; ++k) {
                if (std::isnan(want[k]))
                    ASSERT_TRUE(std::isnan(s.value(k))) << "i=" << i;
                else // 1e-9 relative to the price level (see expectClose)
                    ASSERT_NEAR(s.value(k), want[k], 1e-9 * x[i]) << "i=" << i << " k=" << k;
            }
        }
    }
}

TEST(MacdStream, resetForgetsEverything) {
    MacdStream s(1, 2, 2);
    s.update(bar(2));
    s.update(bar(4));
    s.updateLast(bar(100));
    s.updateLast(bar(4));
    s.update(bar(8));
    EXPECT_NEAR(s.value(MacdStream::kHist), 1.0 / 3.0, 1e-14);
    s.reset();
    for (std::size_t k = 0; k < 3; ++k)
        EXPECT_TRUE(std::isnan(s.value(k)));
}

TEST(MacdDeathTest, rejectsPeriodsBelowOne) {
    std::vector<double> x{1, 2, 3};
    EXPECT_DEATH(macdBatch(x, 12, 0, 9, x, x, x), "fast >= 1");
}
