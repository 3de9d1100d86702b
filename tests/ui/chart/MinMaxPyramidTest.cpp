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

TEST(MinMaxPyramid, answersAdjacentColumnsOfEveryWidthWithNanAndAPartialTail) {
    // What a zoomed-out chart asks: consecutive ranges of one width across the whole series,
    // here over values with NaN gaps (warm-up, missing values), a size that fills neither the
    // last base block nor the last node of any level, and both a bar series (two columns) and a
    // line (one column passed twice).
    const double nan = std::numeric_limits<double>::quiet_NaN();
    std::mt19937_64 rng(19);
    std::vector<double> lows, highs;
    randomBars(rng, 4099, lows, highs);
    std::bernoulli_distribution hole(0.03);
    for (std::size_t i = 0; i < lows.size(); ++i) {
        if (i < 37 || hole(rng))
            lows[i] = highs[i] = nan;
    }
    MinMaxPyramid bars;
    bars.rebuild(lows, highs);
    MinMaxPyramid line;
    line.rebuild(highs, highs);
    std::vector<std::size_t> widths;
    for (std::size_t w = 1; w <= 70; ++w)
        widths.push_back(w);
    for (std::size_t w : {127u, 128u, 129u, 255u, 511u, 512u, 513u, 2047u, 4098u, 5000u})
        widths.push_back(w);
    for (std::size_t w : widths) {
        for (std::size_t offset : {std::size_t{0}, std::size_t{5}, w / 2 + 3}) {
            for (std::size_t a = offset; a < lows.size(); a += w) {
                const std::size_t b = a + w;
                expectSame(bars.query(lows, highs, a, b), bruteForce(lows, highs, a, b), a, b);
                expectSame(line.query(highs, highs, a, b), bruteForce(highs, highs, a, b), a, b);
            }
        }
    }
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

TEST(MinMaxPyramid, unchangedPrefixTracksAppendsRevisionsAndRebuilds) {
    std::vector<double> v{3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5};
    MinMaxPyramid p;
    // A stamp never taken, or taken before anything was indexed, guarantees nothing.
    EXPECT_EQ(p.unchangedPrefix(MinMaxPyramid::Stamp{}), 0u);
    p.rebuild(v, v);
    EXPECT_EQ(p.unchangedPrefix(MinMaxPyramid::Stamp{}), 0u);

    const MinMaxPyramid::Stamp s = p.stamp();
    EXPECT_EQ(p.unchangedPrefix(s), v.size()); // nothing happened

    v.back() = 42.0; // the forming value is revised
    p.update(v, v);
    EXPECT_EQ(p.unchangedPrefix(s), v.size() - 1);

    v.push_back(7.0); // and two values are appended
    p.update(v, v);
    v.push_back(8.0);
    p.update(v, v);
    EXPECT_EQ(p.unchangedPrefix(s), 10u) << "only values from the then-last one on may differ";
    const MinMaxPyramid::Stamp later = p.stamp();
    EXPECT_EQ(p.unchangedPrefix(later), v.size());

    p.rebuild(v, v); // same values, but a rebuild promises nothing
    EXPECT_EQ(p.unchangedPrefix(s), 0u);
    EXPECT_EQ(p.unchangedPrefix(later), 0u);

    const MinMaxPyramid::Stamp beforeShrink = p.stamp();
    v.resize(4);
    p.update(v, v); // shorter: indexed from scratch
    EXPECT_EQ(p.unchangedPrefix(beforeShrink), 0u);
}

TEST(MinMaxPyramid, stampsDoNotCarryOverToCopiesOrOtherPyramids) {
    std::vector<double> v{1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    MinMaxPyramid a;
    a.rebuild(v, v);
    MinMaxPyramid b;
    b.rebuild(v, v);
    EXPECT_EQ(b.unchangedPrefix(a.stamp()), 0u) << "a stamp of another pyramid matched";

    MinMaxPyramid copy(a);
    EXPECT_EQ(copy.unchangedPrefix(a.stamp()), 0u);
    EXPECT_EQ(copy.query(v, v, 2, 9).high, 9.0); // the copy answers like the original
    copy = b;
    EXPECT_EQ(copy.unchangedPrefix(b.stamp()), 0u);

    // A move keeps the identity and leaves the source empty (no stale size).
    const MinMaxPyramid::Stamp s = a.stamp();
    MinMaxPyramid moved(std::move(a));
    EXPECT_EQ(moved.unchangedPrefix(s), v.size());
    EXPECT_EQ(a.size(), 0u); // NOLINT(bugprone-use-after-move): checking the moved-from state
    EXPECT_FALSE(a.query(v, v, 0, 10).valid());
    MinMaxPyramid assigned;
    assigned = std::move(moved);
    EXPECT_EQ(assigned.unchangedPrefix(s), v.size());
    EXPECT_EQ(assigned.query(v, v, 0, 10).low, 1.0);
}
