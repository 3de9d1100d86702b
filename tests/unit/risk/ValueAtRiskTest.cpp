// SPDX-License-Identifier: MIT
#include "core/risk/ValueAtRisk.hpp"

#include <cmath>
#include <gtest/gtest.h>
#include <limits>
#include <vector>

using namespace cw;
using namespace cw::risk;

namespace {

// Returns -1%, -2%, ..., -101% would be odd; instead losses 1..101 (in units of 1%): the 95%
// quantile sits exactly on the sample with index 95 (value 96) and ES is mean(96..101).
std::vector<double> lossesOneToHundredOneAsReturns() {
    std::vector<double> returns;
    for (int i = 101; i >= 1; --i) // deliberately unsorted (descending losses)
        returns.push_back(-0.01 * i);
    return returns;
}

} // namespace

TEST(HistoricalVar, hitsAnExactOrderStatistic) {
    auto r = historicalVar(lossesOneToHundredOneAsReturns(), 0.95, 100.0);
    ASSERT_TRUE(r.hasValue()) << r.error().message;
    EXPECT_NEAR(r->valueAtRisk, 96.0, 1e-12);
    EXPECT_NEAR(r->expectedShortfall, (96.0 + 97 + 98 + 99 + 100 + 101) / 6.0, 1e-12);
    EXPECT_EQ(r->samples, 101U);
    EXPECT_DOUBLE_EQ(r->confidence, 0.95);
}

TEST(HistoricalVar, interpolatesLinearlyLikeNumpy) {
    // numpy.quantile([1, 2, 3, 4, 5], 0.9) == 4.6: h = 4 * 0.9 = 3.6 -> 4 + 0.6 * (5 - 4).
    std::vector<double> losses{3.0, 1.0, 5.0, 2.0, 4.0};
    auto r = estimateFromLosses(losses, 0.9);
    ASSERT_TRUE(r.hasValue());
    EXPECT_NEAR(r->valueAtRisk, 4.6, 1e-12);
    EXPECT_NEAR(r->expectedShortfall, 5.0, 1e-12); // only 5 is >= 4.6

    // h = 4 * 0.3 = 1.2 -> 2 + 0.2 * (3 - 2) = 2.2; ES = mean(3, 4, 5) = 4.
    std::vector<double> again{3.0, 1.0, 5.0, 2.0, 4.0};
    auto low = estimateFromLosses(again, 0.3);
    ASSERT_TRUE(low.hasValue());
    EXPECT_NEAR(low->valueAtRisk, 2.2, 1e-12);
    EXPECT_NEAR(low->expectedShortfall, 4.0, 1e-12);
}

TEST(HistoricalVar, singleSampleIsBothVarAndEs) {
    std::vector<double> returns{-0.02};
    auto r = historicalVar(returns, 0.99, 1000.0);
    ASSERT_TRUE(r.hasValue());
    EXPECT_NEAR(r->valueAtRisk, 20.0, 1e-12);
    EXPECT_NEAR(r->expectedShortfall, 20.0, 1e-12);
}

TEST(HistoricalVar, shortPositionLosesOnRises) {
    std::vector<double> returns{0.10, -0.10, 0.0, 0.05, -0.05};
    auto longPos = historicalVar(returns, 0.99, 100.0);
    auto shortPos = historicalVar(returns, 0.99, -100.0);
    ASSERT_TRUE(longPos.hasValue() && shortPos.hasValue());
    // h = 4 * 0.99 = 3.96 between the two largest losses 5 and 10.
    EXPECT_NEAR(longPos->valueAtRisk, 5.0 + 0.96 * 5.0, 1e-9);
    EXPECT_NEAR(shortPos->valueAtRisk, 5.0 + 0.96 * 5.0, 1e-9);
}

TEST(HistoricalVar, expectedShortfallIsAtLeastVarAndHigherConfidenceIsAtLeastAsLarge) {
    std::vector<double> returns;
    for (int i = 0; i < 500; ++i)
        returns.push_back(0.03 * std::sin(i * 1.7) + 0.001 * (i % 7) - 0.003);
    auto var95 = historicalVar(returns, 0.95, 1e6);
    auto var99 = historicalVar(returns, 0.99, 1e6);
    ASSERT_TRUE(var95.hasValue() && var99.hasValue());
    EXPECT_GE(var95->expectedShortfall, var95->valueAtRisk);
    EXPECT_GE(var99->expectedShortfall, var99->valueAtRisk);
    EXPECT_GE(var99->valueAtRisk, var95->valueAtRisk);
    EXPECT_GE(var99->expectedShortfall, var95->expectedShortfall);
}

TEST(HistoricalVar, allEqualReturnsGiveThatLoss) {
    std::vector<double> returns(10, -0.01);
    auto r = historicalVar(returns, 0.95, 1.0);
    ASSERT_TRUE(r.hasValue());
    EXPECT_DOUBLE_EQ(r->valueAtRisk, 0.01);
    EXPECT_DOUBLE_EQ(r->expectedShortfall, 0.01);
}

TEST(HistoricalVar, rejectsEmptySeries) {
    auto r = historicalVar({}, 0.95);
    ASSERT_FALSE(r.hasValue());
    EXPECT_EQ(r.error().code, ErrorCode::InvalidArgument);
    EXPECT_NE(r.error().message.find("empty"), std::string::npos);
}

TEST(HistoricalVar, rejectsNanReturnNamingItsIndex) {
    std::vector<double> returns{0.01, -0.02, std::numeric_limits<double>::quiet_NaN(), 0.0};
    auto r = historicalVar(returns, 0.95);
    ASSERT_FALSE(r.hasValue());
    EXPECT_NE(r.error().message.find("index 2"), std::string::npos) << r.error().message;
    EXPECT_NE(r.error().message.find("NaN"), std::string::npos) << r.error().message;
}

TEST(HistoricalVar, rejectsInfiniteReturn) {
    std::vector<double> returns{0.01, std::numeric_limits<double>::infinity()};
    auto r = historicalVar(returns, 0.95);
    ASSERT_FALSE(r.hasValue());
    EXPECT_NE(r.error().message.find("index 1 is infinite"), std::string::npos);
}

TEST(HistoricalVar, rejectsConfidenceOutsideOpenUnitInterval) {
    std::vector<double> returns{0.01, -0.01};
    for (double c : {0.0, 1.0, -0.5, 1.5, 95.0, std::numeric_limits<double>::quiet_NaN()}) {
        auto r = historicalVar(returns, c);
        ASSERT_FALSE(r.hasValue()) << c;
        EXPECT_NE(r.error().message.find("confidence"), std::string::npos);
    }
}

TEST(HistoricalVar, rejectsNonFinitePosition) {
    std::vector<double> returns{0.01, -0.01};
    EXPECT_FALSE(historicalVar(returns, 0.95, std::nan("")).hasValue());
}

TEST(CompoundReturns, compoundsOverlappingWindows) {
    std::vector<double> returns{0.10, -0.10, 0.20};
    auto r = compoundReturns(returns, 2);
    ASSERT_TRUE(r.hasValue());
    ASSERT_EQ(r->size(), 2U);
    EXPECT_NEAR((*r)[0], 1.1 * 0.9 - 1.0, 1e-15);
    EXPECT_NEAR((*r)[1], 0.9 * 1.2 - 1.0, 1e-15);
    auto same = compoundReturns(returns, 1);
    ASSERT_TRUE(same.hasValue());
    EXPECT_EQ(*same, returns);
}

TEST(CompoundReturns, rejectsZeroOrTooLongHorizon) {
    std::vector<double> returns{0.1, 0.2};
    EXPECT_FALSE(compoundReturns(returns, 0).hasValue());
    EXPECT_FALSE(compoundReturns(returns, 3).hasValue());
}

TEST(FitGbm, recoversDriftAndVolatilityOfConstructedLogReturns) {
    // Log returns alternate m + s and m - s: mean m, sample variance s^2 * n / (n - 1).
    const double m = 0.0004;
    const double s = 0.01;
    const double dt = 1.0 / 252.0;
    std::vector<double> returns;
    for (int i = 0; i < 100; ++i)
        returns.push_back(std::expm1(i % 2 == 0 ? m + s : m - s));
    auto fit = fitGbm(returns, dt, 50.0);
    ASSERT_TRUE(fit.hasValue()) << fit.error().message;
    const double sampleStdev = s * std::sqrt(100.0 / 99.0);
    const double sigma = sampleStdev / std::sqrt(dt);
    EXPECT_NEAR(fit->volatility, sigma, 1e-12);
    EXPECT_NEAR(fit->drift, m / dt + 0.5 * sigma * sigma, 1e-10);
    EXPECT_DOUBLE_EQ(fit->spot, 50.0);
    EXPECT_DOUBLE_EQ(fit->dtYears, dt);
}

TEST(FitGbm, rejectsTooFewReturnsTotalLossAndNan) {
    std::vector<double> one{0.01};
    EXPECT_FALSE(fitGbm(one, 1.0 / 252, 100).hasValue());
    std::vector<double> wipeout{0.01, -1.0, 0.02};
    auto r = fitGbm(wipeout, 1.0 / 252, 100);
    ASSERT_FALSE(r.hasValue());
    EXPECT_NE(r.error().message.find("index 1"), std::string::npos);
    std::vector<double> withNan{0.01, std::nan(""), 0.02};
    auto n = fitGbm(withNan, 1.0 / 252, 100);
    ASSERT_FALSE(n.hasValue());
    EXPECT_NE(n.error().message.find("index 1 is NaN"), std::string::npos);
    std::vector<double> fine{0.01, 0.02};
    EXPECT_FALSE(fitGbm(fine, 0.0, 100).hasValue());
    EXPECT_FALSE(fitGbm(fine, 1.0 / 252, -1).hasValue());
}
