// SPDX-License-Identifier: MIT
#include "core/indicators/Sma.hpp"

#include "tests/unit/indicators/IndicatorTestData.hpp"

#include <cmath>
#include <gtest/gtest.h>
#include <limits>
#include <random>
#include <vector>

using cw::OhlcvRow;
using cw::indicators::smaBatch;
using cw::indicators::SmaStream;
using cw::indicators::test::randomWalk;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// The definition, one window at a time (O(n*period)); NaN for windows with a non-finite value.
std::vector<double> naiveSma(const std::vector<double>& x, std::size_t p) {
    std::vector<double> out(x.size(), kNaN);
    for (std::size_t i = p - 1; i < x.size() && p <= x.size(); ++i) {
        double s = 0.0;
        bool finite = true;
        for (std::size_t j = i + 1 - p; j <= i; ++j) {
            finite = finite && std::isfinite(x[j]);
            s += x[j];
        }
        out[i] = finite ? s / static_cast<double>(p) : kNaN;
    }
    return out;
}

std::vector<double> sma(const std::vector<double>& x, int p) {
    std::vector<double> out(x.size(), -1.0);
    smaBatch(x, p, out);
    return out;
}

void expectClose(const std::vector<double>& expected, const std::vector<double>& actual,
                 double rel) {
    ASSERT_EQ(expected.size(), actual.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        if (std::isnan(expected[i])) {
            ASSERT_TRUE(std::isnan(actual[i])) << "index " << i;
        } else {
            ASSERT_NEAR(actual[i], expected[i], rel * std::fabs(expected[i])) << "index " << i;
        }
    }
}

OhlcvRow bar(double close) {
    return {0, close, close, close, close, 1.0};
}

} // namespace

TEST(Sma, matchesHandComputedValues) {
    const std::vector<double> out = sma({1, 2, 3, 4, 5, 6}, 3);
    EXPECT_TRUE(std::isnan(out[0]));
    EXPECT_TRUE(std::isnan(out[1]));
    EXPECT_DOUBLE_EQ(out[2], 2.0);
    EXPECT_DOUBLE_EQ(out[3], 3.0);
    EXPECT_DOUBLE_EQ(out[4], 4.0);
    EXPECT_DOUBLE_EQ(out[5], 5.0);
}

TEST(Sma, periodOneIsTheInput) {
    const std::vector<double> x = randomWalk(3000, 1);
    expectClose(x, sma(x, 1), 1e-15);
}

TEST(Sma, matchesTheDefinitionAcrossChainAndSegmentBoundaries) {
    // Lengths around the chain split and the re-anchoring segments of the fast kernel.
    for (std::size_t n : {1u, 5u, 199u, 200u, 201u, 1003u, 16384u + 199u, 70001u}) {
        const std::vector<double> x = randomWalk(n, static_cast<unsigned>(n));
        for (int p : {1, 2, 7, 200}) {
            SCOPED_TRACE(::testing::Message() << "n=" << n << " p=" << p);
            expectClose(naiveSma(x, static_cast<std::size_t>(p)), sma(x, p), 1e-12);
        }
    }
}

TEST(Sma, emptyInputIsANoOp) {
    std::vector<double> none;
    smaBatch(none, 5, none);
    SUCCEED();
}

TEST(Sma, periodLongerThanInputGivesAllNaN) {
    for (double v : sma({1, 2, 3}, 4))
        EXPECT_TRUE(std::isnan(v));
}

TEST(Sma, forgetsTheRoundingOfAHugeValueWithinOneSegment) {
    // A running sum keeps about 1e-16 * 1e12 = 1e-4 of absolute error once a huge value has
    // passed through it. The kernel restarts its sums from exact ones every 4096 rows or so
    // (8 periods if longer), so the damage is local: bounded nearby, gone further on.
    std::vector<double> x = randomWalk(50000, 3);
    x[100] = 1e12;
    const std::vector<double> expected = naiveSma(x, 20);
    const std::vector<double> out = sma(x, 20);
    for (std::size_t i = 120; i < 20000; ++i)
        ASSERT_NEAR(out[i], expected[i], 1e-6 * expected[i]) << i;
    for (std::size_t i = 20000; i < x.size(); ++i)
        ASSERT_NEAR(out[i], expected[i], 1e-12 * expected[i]) << i;
}

TEST(Sma, nonFiniteInputSpoilsOnlyTheWindowsContainingIt) {
    std::vector<double> x = randomWalk(40000, 4);
    x[500] = kNaN;
    x[20000] = std::numeric_limits<double>::infinity();
    x[20005] = -std::numeric_limits<double>::infinity();
    const std::vector<double> out = sma(x, 10);
    EXPECT_FALSE(std::isnan(out[499]));
    for (std::size_t i = 500; i < 510; ++i)
        EXPECT_TRUE(std::isnan(out[i])) << i;
    EXPECT_FALSE(std::isnan(out[510])); // recovered
    for (std::size_t i = 20000; i < 20015; ++i)
        EXPECT_TRUE(std::isnan(out[i])) << i;
    expectClose(naiveSma(x, 10), out, 1e-12);
}

TEST(SmaStream, agreesWithBatchOnALongWalkWithRevisedBars) {
    const std::vector<double> x = randomWalk(100000, 5);
    for (int p : {1, 3, 200}) {
        const std::vector<double> expected = sma(x, p);
        SmaStream s(p);
        std::mt19937 rng(7);
        std::uniform_int_distribution<int> revisions(0, 4);
        for (std::size_t i = 0; i < x.size(); ++i) {
            s.update(bar(x[i] * 1.01)); // first a wrong value, then revisions
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

TEST(SmaStream, recoversAfterNaNLikeTheBatch) {
    std::vector<double> x = randomWalk(3000, 6);
    x[1000] = kNaN;
    const std::vector<double> expected = sma(x, 14);
    SmaStream s(14);
    for (std::size_t i = 0; i < x.size(); ++i) {
        s.update(bar(x[i]));
        if (std::isnan(expected[i]))
            ASSERT_TRUE(std::isnan(s.value())) << i;
        else
            ASSERT_NEAR(s.value(), expected[i], 1e-12 * expected[i]) << i;
    }
}

TEST(SmaStream, updateLastBeforeUpdateActsAsUpdateAndResetForgets) {
    SmaStream s(2);
    EXPECT_TRUE(std::isnan(s.value()));
    s.updateLast(bar(4.0));
    s.update(bar(6.0));
    EXPECT_DOUBLE_EQ(s.value(), 5.0);
    s.reset();
    EXPECT_TRUE(std::isnan(s.value()));
    s.update(bar(1.0));
    EXPECT_TRUE(std::isnan(s.value()));
    s.update(bar(3.0));
    EXPECT_DOUBLE_EQ(s.value(), 2.0);
    EXPECT_EQ(s.outputCount(), 1u);
}

TEST(SmaDeathTest, rejectsPeriodBelowOne) {
    std::vector<double> x{1, 2, 3};
    EXPECT_DEATH(smaBatch(x, 0, x), "period");
    EXPECT_DEATH(SmaStream(0), "period");
}
