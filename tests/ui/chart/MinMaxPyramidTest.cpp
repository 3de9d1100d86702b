// SPDX-License-Identifier: MIT
#include "ui/chart/MinMaxPyramid.hpp"

#include <cmath>
#include <gtest/gtest.h>
#include <limits>
#include <random>
#include <vector>

using cw::ui::MinMax;
using cw::ui::MinMaxPyramid;

namespace {

MinMax bruteForce(const std::vector<double>& lows, const std::vector<double>& highs,
                  std::size_t first, std::size_t end) {
    MinMax r;
    for (std::size_t i = first; i < end && i < lows.size(); ++i) {
        if (!std::isnan(lows[i]) && lows[i] < r.low)
            r.low = lows[i];
        if (!std::isnan(highs[i]) && highs[i] > r.high)
            r.high = highs[i];
    }
    return r;
}

void randomBars(std::mt19937_64& rng, std::size_t n, std::vector<double>& lows,
                std::vector<double>& highs) {
    std::normal_distribution<double> step(0.0, 1.0);
    std::uniform_real_distribution<double> spread(0.0, 2.0);
    double price = 100.0;
    for (std::size_t i = 0; i < n; ++i) {
        price += step(rng);
        const double lo = price - spread(rng);
        lows.push_back(lo);
        highs.push_back(lo + spread(rng));
    }
}

void expectSame(const MinMax& got, const MinMax& want, std::size_t a, std::size_t b) {
    EXPECT_EQ(got.valid(), want.valid()) << "[" << a << ", " << b << ")";
    if (want.valid()) {
        EXPECT_EQ(got.low, want.low) << "[" << a << ", " << b << ")";
        EXPECT_EQ(got.high, want.high) << "[" << a << ", " << b << ")";
    }
}

} // namespace

TEST(MinMaxPyramid, answersEverySmallRangeLikeBruteForce) {
    std::mt19937_64 rng(7);
    std::vector<double> lows, highs;
    randomBars(rng, 300, lows, highs);
    MinMaxPyramid p;
    p.rebuild(lows, highs);
    for (std::size_t a = 0; a <= lows.size(); ++a)
        for (std::size_t b = a; b <= lows.size(); ++b)
            expectSame(p.query(lows, highs, a, b), bruteForce(lows, highs, a, b), a, b);
}

TEST(MinMaxPyramid, answersRandomRangesOnALargeSeries) {
    std::mt19937_64 rng(11);
    std::vector<double> lows, highs;
    randomBars(rng, 100'003, lows, highs);
    MinMaxPyramid p;
    p.rebuild(lows, highs);
    std::uniform_int_distribution<std::size_t> pick(0, lows.size());
    for (int k = 0; k < 2000; ++k) {
        std::size_t a = pick(rng), b = pick(rng);
        if (a > b)
            std::swap(a, b);
        expectSame(p.query(lows, highs, a, b), bruteForce(lows, highs, a, b), a, b);
    }
}

TEST(MinMaxPyramid, staysExactThroughAppendsAndLastBarRevisions) {
    std::mt19937_64 rng(3);
    std::vector<double> lows, highs;
    MinMaxPyramid p;
    std::uniform_real_distribution<double> u(-50.0, 50.0);
    std::uniform_int_distribution<std::size_t> pick(0, 2000);
    for (int i = 0; i < 2000; ++i) {
        const double lo = u(rng);
        lows.push_back(lo);
        highs.push_back(lo + 1.0);
        p.update(lows, highs);
        // The forming bar makes a new extreme, twice.
        lows.back() = lo - 100.0 - i;
        highs.back() = lo + 100.0 + i;
        p.update(lows, highs);
        lows.back() = lo - 0.5;
        p.update(lows, highs);
        ASSERT_EQ(p.size(), lows.size());
        if (i % 50 == 0) {
            for (int k = 0; k < 50; ++k) {
                std::size_t a = pick(rng) % (lows.size() + 1), b = pick(rng) % (lows.size() + 1);
                if (a > b)
                    std::swap(a, b);
                expectSame(p.query(lows, highs, a, b), bruteForce(lows, highs, a, b), a, b);
            }
        }
    }
    MinMaxPyramid rebuilt;
    rebuilt.rebuild(lows, highs);
    expectSame(p.query(lows, highs, 0, lows.size()), rebuilt.query(lows, highs, 0, lows.size()), 0,
               lows.size());
}

TEST(MinMaxPyramid, emptyRangeIsInvalid) {
    std::vector<double> v{1.0, 2.0, 3.0};
    MinMaxPyramid p;
    p.rebuild(v, v);
    EXPECT_FALSE(p.query(v, v, 2, 2).valid());
    EXPECT_FALSE(p.query(v, v, 3, 1).valid());
    // A range past the end is clamped to the indexed values.
    const MinMax tail = p.query(v, v, 1, 99);
    EXPECT_EQ(tail.low, 2.0);
    EXPECT_EQ(tail.high, 3.0);
    MinMaxPyramid empty;
    EXPECT_FALSE(empty.query({}, {}, 0, 10).valid());
}

TEST(MinMaxPyramid, ignoresNanAndReportsAllNanRangesAsInvalid) {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    std::vector<double> v(100, nan);
    v[40] = 5.0;
    v[77] = -2.0;
    MinMaxPyramid p;
    p.rebuild(v, v);
    EXPECT_FALSE(p.query(v, v, 0, 40).valid()); // warm-up only
    const MinMax r = p.query(v, v, 0, 100);
    EXPECT_EQ(r.low, -2.0);
    EXPECT_EQ(r.high, 5.0);
    const MinMax one = p.query(v, v, 41, 78);
    EXPECT_EQ(one.low, -2.0);
    EXPECT_EQ(one.high, -2.0);
}

TEST(MinMaxPyramid, reindexesWhenTheSourceShrinks) {
    std::vector<double> v{5, 1, 9, 3, 7, 2, 8, 6, 4, 0, 11, 12, 13, 14, 15, 16, 17, 18, 19};
    MinMaxPyramid p;
    p.rebuild(v, v);
    v.resize(5);
    p.update(v, v);
    EXPECT_EQ(p.size(), 5u);
    const MinMax r = p.query(v, v, 0, 100);
    EXPECT_EQ(r.low, 1.0);
    EXPECT_EQ(r.high, 9.0);
}
