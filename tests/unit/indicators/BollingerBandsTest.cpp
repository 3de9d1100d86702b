// SPDX-License-Identifier: MIT
#include "core/indicators/BollingerBands.hpp"

#include "tests/unit/indicators/IndicatorTestData.hpp"

#include <array>
#include <cmath>
#include <gtest/gtest.h>
#include <limits>
#include <random>
#include <vector>

using cw::OhlcvRow;
using cw::indicators::bollingerBandsBatch;
using cw::indicators::BollingerBandsStream;
using cw::indicators::test::randomWalk;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

struct Bands {
    std::vector<double> upper;
    std::vector<double> middle;
    std::vector<double> lower;
};

// Two passes per window: mean, then the population variance around it.
Bands naiveBands(const std::vector<double>& x, std::size_t p, double k) {
    Bands b{std::vector<double>(x.size(), kNaN), std::vector<double>(x.size(), kNaN),
            std::vector<double>(x.size(), kNaN)};
    for (std::size_t i = p - 1; i < x.size() && p <= x.size(); ++i) {
        double s = 0.0;
        bool finite = true;
        for (std::size_t j = i + 1 - p; j <= i; ++j) {
            s += x[j];
            finite = finite && std::isfinite(x[j]);
        }
        if (!finite)
            continue;
        const double mean = s / static_cast<double>(p);
        double ss = 0.0;
        for (std::size_t j = i + 1 - p; j <= i; ++j)
            ss += (x[j] - mean) * (x[j] - mean);
        const double sd = std::sqrt(ss / static_cast<double>(p));
        b.upper[i] = mean + k * sd;
        b.middle[i] = mean;
        b.lower[i] = mean - k * sd;
    }
    return b;
}

Bands bands(const std::vector<double>& x, int p, double k) {
    Bands b{std::vector<double>(x.size(), -1.0), std::vector<double>(x.size(), -1.0),
            std::vector<double>(x.size(), -1.0)};
    bollingerBandsBatch(x, p, k, b.upper, b.middle, b.lower);
    return b;
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

void expectBandsClose(const Bands& expected, const Bands& actual, double rel) {
    expectClose(expected.upper, actual.upper, rel);
    expectClose(expected.middle, actual.middle, rel);
    expectClose(expected.lower, actual.lower, rel);
}

OhlcvRow bar(double close) {
    return {0, close, close, close, close, 1.0};
}

} // namespace

TEST(BollingerBands, matchesHandComputedValues) {
    // Window {2, 4, 6}: mean 4, population variance (4+0+4)/3 = 8/3.
    const Bands b = bands({2, 4, 6}, 3, 2.0);
    EXPECT_TRUE(std::isnan(b.middle[1]));
    EXPECT_DOUBLE_EQ(b.middle[2], 4.0);
    EXPECT_NEAR(b.upper[2], 4.0 + 2.0 * std::sqrt(8.0 / 3.0), 1e-12);
    EXPECT_NEAR(b.lower[2], 4.0 - 2.0 * std::sqrt(8.0 / 3.0), 1e-12);
}

TEST(BollingerBands, flatWindowHasZeroWidth) {
    const Bands b = bands(std::vector<double>(3000, 1234.5678), 20, 2.0);
    for (std::size_t i = 19; i < 3000; ++i) {
        ASSERT_EQ(b.upper[i], b.middle[i]) << i;
        ASSERT_EQ(b.lower[i], b.middle[i]) << i;
        ASSERT_NEAR(b.middle[i], 1234.5678, 1e-9) << i;
    }
}

TEST(BollingerBands, matchesTwoPassDefinitionAcrossSegmentBoundaries) {
    for (std::size_t n : {1u, 19u, 20u, 21u, 4115u, 4116u, 9000u, 60000u}) {
        const std::vector<double> x = randomWalk(n, static_cast<unsigned>(n));
        for (int p : {1, 2, 20, 300}) {
            SCOPED_TRACE(::testing::Message() << "n=" << n << " p=" << p);
            expectBandsClose(naiveBands(x, static_cast<std::size_t>(p), 2.0), bands(x, p, 2.0),
                             1e-12);
        }
    }
}

TEST(BollingerBands, standardDeviationKeepsItsDigitsOnHighPricedQuietSeries) {
    // Price 1e6, moves of 1e-3: E[x^2]-E[x]^2 would cancel 18 digits. Compare the band
    // half-width itself, not just the band.
    std::vector<double> x = randomWalk(5000, 9);
    for (double& v : x)
        v = 1e6 + (v - 100.0) * 1e-3;
    const Bands expected = naiveBands(x, 20, 1.0);
    const Bands actual = bands(x, 20, 1.0);
    for (std::size_t i = 19; i < x.size(); ++i) {
        const double want = expected.upper[i] - expected.middle[i];
        ASSERT_NEAR(actual.upper[i] - actual.middle[i], want, 1e-4 * want) << i;
    }
}

TEST(BollingerBands, emptyAndShortInputs) {
    std::vector<double> none;
    bollingerBandsBatch(none, 20, 2.0, none, none, none);
    const Bands b = bands({1, 2}, 3, 2.0);
    for (std::size_t i = 0; i < 2; ++i)
        EXPECT_TRUE(std::isnan(b.upper[i]) && std::isnan(b.middle[i]) && std::isnan(b.lower[i]));
}

TEST(BollingerBands, nonFiniteInputSpoilsOnlyTheWindowsContainingIt) {
    std::vector<double> x = randomWalk(20000, 4);
    x[700] = kNaN;
    x[15000] = std::numeric_limits<double>::infinity();
    const Bands b = bands(x, 20, 2.0);
    for (std::size_t i = 700; i < 720; ++i)
        EXPECT_TRUE(std::isnan(b.upper[i]) && std::isnan(b.middle[i]) && std::isnan(b.lower[i]));
    EXPECT_FALSE(std::isnan(b.middle[720]));
    expectBandsClose(naiveBands(x, 20, 2.0), b, 1e-12);
}

TEST(BollingerBandsStream, agreesWithBatchOnALongWalkWithRevisedBars) {
    const std::vector<double> x = randomWalk(100000, 5);
    for (int p : {1, 20, 200}) {
        const Bands expected = bands(x, p, 2.0);
        BollingerBandsStream s(p, 2.0);
        std::mt19937 rng(7);
        std::uniform_int_distribution<int> revisions(0, 4);
        for (std::size_t i = 0; i < x.size(); ++i) {
            s.update(bar(x[i] * 1.01));
            for (int r = revisions(rng); r > 0; --r)
                s.updateLast(bar(x[i] * (1.0 - 0.001 * r)));
            s.updateLast(bar(x[i]));
            const std::array<double, 3> want{expected.upper[i], expected.middle[i],
                                             expected.lower[i]};
            for (std::size_t k = 0; k < 3; ++k) {
                if (std::isnan(want[k]))
                    ASSERT_TRUE(std::isnan(s.value(k))) << "p=" << p << " i=" << i;
                else
                    ASSERT_NEAR(s.value(k), want[k], 1e-9 * std::fabs(want[k]))
                        << "p=" << p << " i=" << i << " k=" << k;
            }
        }
    }
}

TEST(BollingerBandsStream, recoversAfterNaNLikeTheBatch) {
    std::vector<double> x = randomWalk(3000, 6);
    x[1000] = kNaN;
    const Bands expected = bands(x, 20, 2.0);
    BollingerBandsStream s(20, 2.0);
    for (std::size_t i = 0; i < x.size(); ++i) {
        s.update(bar(x[i]));
        if (std::isnan(expected.upper[i]))
            ASSERT_TRUE(std::isnan(s.value(BollingerBandsStream::kUpper))) << i;
        else
            ASSERT_NEAR(s.value(BollingerBandsStream::kUpper), expected.upper[i],
                        1e-12 * expected.upper[i])
                << i;
    }
    s.reset();
    EXPECT_TRUE(std::isnan(s.value(BollingerBandsStream::kLower)));
    EXPECT_EQ(s.outputCount(), 3u);
}

TEST(BollingerBandsDeathTest, rejectsPeriodBelowOne) {
    std::vector<double> x{1, 2, 3};
    EXPECT_DEATH(bollingerBandsBatch(x, 0, 2.0, x, x, x), "period");
}
