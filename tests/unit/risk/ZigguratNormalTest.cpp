// SPDX-License-Identifier: MIT
#include "core/risk/ZigguratNormal.hpp"

#include <algorithm>
#include <cmath>
#include <gtest/gtest.h>
#include <vector>

using namespace cw::risk;

namespace {

double normalCdf(double x) {
    return 0.5 * std::erfc(-x / std::sqrt(2.0));
}

// Checks the empirical CDF of `z` at several points against Phi, each within 5 standard
// errors of a binomial proportion.
void expectStandardNormal(std::vector<double> z) {
    const double n = static_cast<double>(z.size());
    double sum = 0.0;
    double squares = 0.0;
    for (double v : z) {
        sum += v;
        squares += v * v;
    }
    const double mean = sum / n;
    EXPECT_NEAR(mean, 0.0, 5.0 / std::sqrt(n));
    EXPECT_NEAR(squares / n - mean * mean, 1.0, 5.0 * std::sqrt(2.0 / n));
    std::sort(z.begin(), z.end());
    for (double x : {-4.0, -3.7, -3.0, -2.0, -1.0, -0.3, 0.0, 0.5, 1.5, 2.5, 3.0, 3.7, 4.0}) {
        const double p = normalCdf(x);
        const double empirical =
            static_cast<double>(std::lower_bound(z.begin(), z.end(), x) - z.begin()) / n;
        EXPECT_NEAR(empirical, p, 5.0 * std::sqrt(p * (1 - p) / n) + 1.0 / n) << "at x = " << x;
    }
}

} // namespace

TEST(ZigguratNormal, singleDrawsFollowTheStandardNormal) {
    ZigguratNormal normal;
    Xoshiro256PlusPlus rng(7);
    std::vector<double> z(1'000'000);
    for (double& v : z)
        v = normal(rng);
    expectStandardNormal(std::move(z));
}

TEST(ZigguratNormal, blockFillFollowsTheStandardNormal) {
    ZigguratNormal normal;
    Xoshiro256PlusPlus rng(11);
    std::vector<double> z(1'000'003); // not a multiple of the internal block
    normal.fill(rng, z);
    EXPECT_TRUE(std::all_of(z.begin(), z.end(), [](double v) { return std::isfinite(v); }));
    expectStandardNormal(std::move(z));
}

TEST(ZigguratNormal, sameSeedSameDrawsDifferentSeedDifferentDraws) {
    ZigguratNormal normal;
    Xoshiro256PlusPlus a(5);
    Xoshiro256PlusPlus b(5);
    Xoshiro256PlusPlus c(6);
    std::vector<double> za(1000);
    std::vector<double> zb(1000);
    std::vector<double> zc(1000);
    normal.fill(a, za);
    normal.fill(b, zb);
    normal.fill(c, zc);
    EXPECT_EQ(za, zb);
    EXPECT_NE(za, zc);
}
