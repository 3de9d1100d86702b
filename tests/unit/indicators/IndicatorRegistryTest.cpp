// SPDX-License-Identifier: MIT
#include "core/indicators/IndicatorRegistry.hpp"

#include <gtest/gtest.h>
#include <limits>
#include <vector>

namespace cw::indicators {
namespace {

const IndicatorRegistry& registry() {
    return IndicatorRegistry::builtin();
}

TEST(IndicatorRegistry, findsNamesCaseInsensitively) {
    ASSERT_NE(registry().find("RSI"), nullptr);
    EXPECT_EQ(registry().find("Bbands")->name, "bbands");
    EXPECT_EQ(registry().find("foo"), nullptr);
    EXPECT_EQ(registry().find(""), nullptr);
}

TEST(IndicatorRegistry, parseFillsDefaultsForMissingTrailingParameters) {
    auto bb = registry().parse("bbands");
    ASSERT_TRUE(bb.hasValue());
    EXPECT_EQ(std::vector<double>(bb->parameters().begin(), bb->parameters().end()),
              (std::vector<double>{20, 2}));
    auto bb30 = registry().parse("bbands:30");
    ASSERT_TRUE(bb30.hasValue());
    EXPECT_EQ(bb30->label(), "bbands_30_2");
    auto macd = registry().parse("macd:5,35");
    ASSERT_TRUE(macd.hasValue());
    EXPECT_EQ(macd->label(), "macd_5_35_9");
}

TEST(IndicatorRegistry, labelsPrintIntegersWithoutDecimalsAndRealsShortest) {
    EXPECT_EQ(registry().parse("rsi:14")->label(), "rsi_14");
    EXPECT_EQ(registry().parse("bbands:20,2")->label(), "bbands_20_2");
    EXPECT_EQ(registry().parse("bbands:20,2.5")->label(), "bbands_20_2.5");
    EXPECT_EQ(registry().parse("stddev:10,0.1")->label(), "stddev_10_0.1");
    EXPECT_EQ(registry().parse("rsi:14.0")->label(), "rsi_14");    // 14.0 is an integer
    EXPECT_EQ(registry().parse("stddev")->label(), "stddev_20_1"); // defaults always shown
    EXPECT_EQ(registry().parse("obv")->label(), "obv");
    EXPECT_EQ(registry().parse(" Stoch : 5 , 3 ")->label(), "stoch_5_3_3");
}

TEST(IndicatorRegistry, columnNamesAddOutputNamesOnlyForSeveralOutputs) {
    EXPECT_EQ(registry().parse("rsi")->outputColumnNames(), std::vector<std::string>{"rsi_14"});
    EXPECT_EQ(
        registry().parse("bbands:20,2")->outputColumnNames(),
        (std::vector<std::string>{"bbands_20_2_upper", "bbands_20_2_middle", "bbands_20_2_lower"}));
    EXPECT_EQ(registry().parse("macd")->outputColumnNames(),
              (std::vector<std::string>{"macd_12_26_9_macd", "macd_12_26_9_signal",
                                        "macd_12_26_9_hist"}));
    EXPECT_EQ(registry().parse("stoch")->outputColumnNames(),
              (std::vector<std::string>{"stoch_14_3_3_k", "stoch_14_3_3_d"}));
    EXPECT_EQ(
        registry().parse("donchian:55")->outputColumnNames(),
        (std::vector<std::string>{"donchian_55_upper", "donchian_55_middle", "donchian_55_lower"}));
}

TEST(IndicatorRegistry, rejectsUnknownIndicator) {
    auto r = registry().parse("foo:3");
    ASSERT_FALSE(r.hasValue());
    EXPECT_EQ(r.error().code, ErrorCode::NotFound);
    EXPECT_EQ(r.error().message, "unknown indicator 'foo'");
    auto c = registry().configure("nope", {});
    ASSERT_FALSE(c.hasValue());
    EXPECT_EQ(c.error().code, ErrorCode::NotFound);
}

TEST(IndicatorRegistry, rejectsFractionForIntegerParameter) {
    auto r = registry().parse("rsi:1.5");
    ASSERT_FALSE(r.hasValue());
    EXPECT_EQ(r.error().code, ErrorCode::InvalidArgument);
    EXPECT_EQ(r.error().message,
              "rsi: parameter 'period' must be an integer in [2, 1000], got 1.5");
    auto f = registry().parse("sma:20.5");
    ASSERT_FALSE(f.hasValue());
    EXPECT_EQ(f.error().code, ErrorCode::InvalidArgument);
}

TEST(IndicatorRegistry, rejectsOutOfRangeValues) {
    auto low = registry().parse("sma:1");
    ASSERT_FALSE(low.hasValue());
    EXPECT_EQ(low.error().message,
              "sma: parameter 'period' must be an integer in [2, 1000], got 1");
    auto high = registry().parse("bbands:20,11");
    ASSERT_FALSE(high.hasValue());
    EXPECT_EQ(high.error().message,
              "bbands: parameter 'stddevs' must be a number in [0.1, 10], got 11");
    auto negative = registry().parse("vwap:-5");
    ASSERT_FALSE(negative.hasValue());
    EXPECT_EQ(negative.error().code, ErrorCode::InvalidArgument);
}

TEST(IndicatorRegistry, rejectsNaNAndInfiniteParameters) {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();
    auto n = registry().configure("bbands", std::vector<double>{20, nan});
    ASSERT_FALSE(n.hasValue());
    EXPECT_EQ(n.error().message,
              "bbands: parameter 'stddevs' must be a number in [0.1, 10], got nan");
    auto i = registry().configure("sma", std::vector<double>{inf});
    ASSERT_FALSE(i.hasValue());
    EXPECT_EQ(i.error().code, ErrorCode::InvalidArgument);
}

TEST(IndicatorRegistry, rejectsTooManyParameters) {
    auto r = registry().parse("rsi:14,3");
    ASSERT_FALSE(r.hasValue());
    EXPECT_EQ(r.error().code, ErrorCode::InvalidArgument);
    EXPECT_EQ(r.error().message, "rsi: takes at most 1 parameter, got 2");
    auto obv = registry().parse("obv:3");
    ASSERT_FALSE(obv.hasValue());
    EXPECT_EQ(obv.error().message, "obv: takes no parameters, got 1");
}

TEST(IndicatorRegistry, rejectsFastNotBelowSlow) {
    auto r = registry().parse("macd:26,12");
    ASSERT_FALSE(r.hasValue());
    EXPECT_EQ(r.error().code, ErrorCode::InvalidArgument);
    EXPECT_EQ(r.error().message, "macd: parameter 'fast' must be below 'slow', got 26 and 12");
    EXPECT_FALSE(registry().parse("macd:12,12").hasValue());
}

TEST(IndicatorRegistry, rejectsMalformedSpecsAsParseErrors) {
    for (const char* spec :
         {"rsi:abc", "rsi:", "rsi:14,", "bbands:20,,2", "rsi:14x", "sma:0x10", "bbands:20;2"}) {
        auto r = registry().parse(spec);
        ASSERT_FALSE(r.hasValue()) << spec;
        EXPECT_EQ(r.error().code, ErrorCode::ParseError) << spec;
    }
    EXPECT_EQ(registry().parse("rsi:abc").error().message,
              "rsi: malformed parameter 'abc' in 'rsi:abc'");
    auto empty = registry().parse("");
    ASSERT_FALSE(empty.hasValue());
    EXPECT_EQ(empty.error().code, ErrorCode::ParseError);
    EXPECT_EQ(registry().parse(":14").error().code, ErrorCode::ParseError);
}

TEST(IndicatorRegistry, unknownNameIsReportedBeforeMalformedParameters) {
    auto r = registry().parse("foo:abc");
    ASSERT_FALSE(r.hasValue());
    EXPECT_EQ(r.error().code, ErrorCode::NotFound);
}

TEST(IndicatorRegistry, placementsFollowThePriceScale) {
    EXPECT_EQ(registry().find("sma")->placement, Placement::PriceOverlay);
    EXPECT_EQ(registry().find("vwap")->placement, Placement::PriceOverlay);
    EXPECT_EQ(registry().find("donchian")->placement, Placement::PriceOverlay);
    EXPECT_EQ(registry().find("rsi")->placement, Placement::OwnPane);
    EXPECT_EQ(registry().find("obv")->placement, Placement::OwnPane);
    EXPECT_EQ(registry().find("zscore")->placement, Placement::OwnPane);
}

} // namespace
} // namespace cw::indicators
