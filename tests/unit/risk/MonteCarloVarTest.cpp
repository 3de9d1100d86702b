// SPDX-License-Identifier: MIT
#include "core/risk/ValueAtRisk.hpp"

#include <cmath>
#include <gtest/gtest.h>
#include <numbers>

using namespace cw;
using namespace cw::risk;

namespace {

double normalCdf(double x) {
    return 0.5 * std::erfc(-x / std::numbers::sqrt2);
}
double normalPdf(double x) {
    return std::exp(-0.5 * x * x) / std::sqrt(2.0 * std::numbers::pi);
}
// Inverse of normalCdf by bisection: slow, simple and obviously right.
double normalQuantile(double p) {
    double lo = -40.0;
    double hi = 40.0;
    for (int i = 0; i < 200; ++i) {
        const double mid = 0.5 * (lo + hi);
        (normalCdf(mid) < p ? lo : hi) = mid;
    }
    return 0.5 * (lo + hi);
}

// Exact loss distribution of a long position of `quantity` units in GBM over horizon T:
// log(S_T / S0) ~ N(m, s^2), m = (mu - sigma^2/2) T, s = sigma sqrt(T), loss = q (S0 - S_T).
struct LognormalLoss {
    double spot;
    double quantity;
    double m;
    double s;

    double var(double c) const {
        return quantity * spot * (1.0 - std::exp(m + s * normalQuantile(1.0 - c)));
    }
    double es(double c) const {
        // E[S_T | S_T <= k] with log k = m + s z: S0 e^{m + s^2/2} Phi(z - s) / (1 - c).
        const double z = normalQuantile(1.0 - c);
        const double tailMean = spot * std::exp(m + 0.5 * s * s) * normalCdf(z - s) / (1.0 - c);
        return quantity * (spot - tailMean);
    }
    // Standard error of the empirical c-quantile of n losses: sqrt(c(1-c)/n) / f(VaR).
    double varStandardError(double c, double n) const {
        const double z = normalQuantile(1.0 - c);
        const double terminal = spot * std::exp(m + s * z);
        const double density = normalPdf(z) / (s * terminal * quantity);
        return std::sqrt(c * (1.0 - c) / n) / density;
    }
};

} // namespace

TEST(MonteCarloVar, matchesTheAnalyticLognormalQuantile) {
    const GbmParameters gbm{100.0, 0.05, 0.20, 1.0 / 50};
    MonteCarloConfig config;
    config.paths = 200'000;
    config.steps = 50; // one year
    config.seed = 2024;
    const LognormalLoss exact{100.0, 10.0, 0.05 - 0.02, 0.20};
    for (double c : {0.95, 0.99}) {
        auto r = monteCarloVar(gbm, config, c, 10.0);
        ASSERT_TRUE(r.hasValue()) << r.error().message;
        const double se = exact.varStandardError(c, 200'000.0);
        EXPECT_NEAR(r->valueAtRisk, exact.var(c), 5.0 * se) << "confidence " << c;
        // ES averages the tail, so its error is of the same order as the VaR's.
        EXPECT_NEAR(r->expectedShortfall, exact.es(c), 8.0 * se) << "confidence " << c;
        EXPECT_EQ(r->samples, 200'000U);
    }
}

TEST(MonteCarloVar, identicalResultsForAnyThreadCount) {
    MonteCarloConfig config; // 1,000 paths x 252 steps
    config.seed = 7;
    config.threads = 1;
    auto reference = monteCarloVar({}, config, 0.95, 3.0);
    ASSERT_TRUE(reference.hasValue());
    for (unsigned threads : {2U, 3U, 8U, 0U}) {
        config.threads = threads;
        auto r = monteCarloVar({}, config, 0.95, 3.0);
        ASSERT_TRUE(r.hasValue());
        EXPECT_EQ(r->valueAtRisk, reference->valueAtRisk) << threads << " threads";
        EXPECT_EQ(r->expectedShortfall, reference->expectedShortfall) << threads << " threads";
    }
}

TEST(MonteCarloVar, seedChangesTheSampleButNotTheAnswerMuch) {
    MonteCarloConfig a;
    a.seed = 1;
    MonteCarloConfig b;
    b.seed = 2;
    auto ra = monteCarloVar({}, a, 0.95);
    auto rb = monteCarloVar({}, b, 0.95);
    ASSERT_TRUE(ra.hasValue() && rb.hasValue());
    EXPECT_NE(ra->valueAtRisk, rb->valueAtRisk);
    EXPECT_NEAR(ra->valueAtRisk, rb->valueAtRisk, 5.0);
}

TEST(MonteCarloVar, orderingOfVarAndEs) {
    for (double c : {0.95, 0.99}) {
        auto r = monteCarloVar({}, {}, c, 1.0);
        ASSERT_TRUE(r.hasValue());
        EXPECT_GE(r->expectedShortfall, r->valueAtRisk);
    }
    auto v95 = monteCarloVar({}, {}, 0.95);
    auto v99 = monteCarloVar({}, {}, 0.99);
    ASSERT_TRUE(v95.hasValue() && v99.hasValue());
    EXPECT_GT(v99->valueAtRisk, v95->valueAtRisk);
}

TEST(MonteCarloVar, zeroVolatilityIsTheDeterministicDrift) {
    MonteCarloConfig config;
    config.paths = 10;
    config.steps = 12;
    auto r = monteCarloVar({100.0, 0.12, 0.0, 1.0 / 12}, config, 0.99, 2.0);
    ASSERT_TRUE(r.hasValue());
    const double gain = 2.0 * (100.0 * std::exp(0.12) - 100.0);
    EXPECT_NEAR(r->valueAtRisk, -gain, 1e-9);
    EXPECT_NEAR(r->expectedShortfall, -gain, 1e-9);
}

TEST(MonteCarloVar, shortPositionLosesInTheUpperTail) {
    auto longPos = monteCarloVar({}, {}, 0.99, 1.0);
    auto shortPos = monteCarloVar({}, {}, 0.99, -1.0);
    ASSERT_TRUE(longPos.hasValue() && shortPos.hasValue());
    // Lognormal upside is larger than downside for the same sigma.
    EXPECT_GT(shortPos->valueAtRisk, longPos->valueAtRisk);
}

TEST(MonteCarloVar, rejectsBadConfiguration) {
    MonteCarloConfig noPaths;
    noPaths.paths = 0;
    EXPECT_FALSE(monteCarloVar({}, noPaths, 0.95).hasValue());
    MonteCarloConfig noSteps;
    noSteps.steps = 0;
    EXPECT_FALSE(monteCarloVar({}, noSteps, 0.95).hasValue());
    EXPECT_FALSE(monteCarloVar({}, {}, 1.0).hasValue());
    EXPECT_FALSE(monteCarloVar({}, {}, 0.0).hasValue());
    EXPECT_FALSE(monteCarloVar({}, {}, 0.95, std::nan("")).hasValue());
    auto badSpot = monteCarloVar({-1.0, 0.05, 0.2, 1.0 / 252}, {}, 0.95);
    ASSERT_FALSE(badSpot.hasValue());
    EXPECT_NE(badSpot.error().message.find("spot"), std::string::npos);
}
