// SPDX-License-Identifier: MIT
#include "core/marketdata/CsvValue.hpp"

#include <cmath>
#include <gtest/gtest.h>

using namespace cw;
using namespace cw::marketdata;

namespace {
// 2024-01-02T03:04:05Z: 19724 days after the epoch (2024-01-01 is day 19723).
constexpr TimestampNs kJan2 = 19724 * kNsPerDay;
constexpr TimestampNs kJan2At030405 = kJan2 + 3 * kNsPerHour + 4 * kNsPerMinute + 5 * kNsPerSecond;
} // namespace

TEST(CsvValue, parsesDecimalNumbers) {
    EXPECT_EQ(*parseCsvNumber("42"), 42.0);
    EXPECT_EQ(*parseCsvNumber("-0.5"), -0.5);
    EXPECT_EQ(*parseCsvNumber("+1e-3"), 1e-3);
    EXPECT_EQ(*parseCsvNumber("1.5E+2"), 150.0);
}

TEST(CsvValue, numberRejectsGarbageEmptyAndTrailingText) {
    for (const char* bad : {"", "abc", "1.2.3", "12x", "+-1", "++1", "1,5", " 1"}) {
        auto r = parseCsvNumber(bad);
        EXPECT_FALSE(r.hasValue()) << "'" << bad << "'";
    }
    auto r = parseCsvNumber("abc");
    EXPECT_EQ(r.error().message, "'abc' is not a number");
}

TEST(CsvValue, numberLetsNanThroughForTheCallerToReject) {
    auto r = parseCsvNumber("nan");
    ASSERT_TRUE(r.hasValue());
    EXPECT_TRUE(std::isnan(*r));
}

TEST(CsvValue, parsesIsoTimesInEveryDocumentedForm) {
    EXPECT_EQ(*parseCsvTime("2024-01-02"), kJan2);
    EXPECT_EQ(*parseCsvTime("2024-01-02T03:04:05Z"), kJan2At030405);
    EXPECT_EQ(*parseCsvTime("2024-01-02 03:04:05"), kJan2At030405);
    EXPECT_EQ(*parseCsvTime("2024-01-02T03:04"), kJan2At030405 - 5 * kNsPerSecond);
    EXPECT_EQ(*parseCsvTime("2024-01-02T03:04:05.123Z"), kJan2At030405 + 123 * kNsPerMillisecond);
    EXPECT_EQ(*parseCsvTime("2024-01-02T03:04:05.000000007"), kJan2At030405 + 7);
    EXPECT_EQ(*parseCsvTime("2024-01-02T05:04:05+02:00"), kJan2At030405);
    EXPECT_EQ(*parseCsvTime("2024-01-01T22:34:05-0430"), kJan2At030405);
    EXPECT_EQ(*parseCsvTime("1970-01-01"), 0);
}

TEST(CsvValue, parsesEpochMilliseconds) {
    EXPECT_EQ(*parseCsvTime("1704164645000"), kJan2At030405);
    EXPECT_EQ(*parseCsvTime("0"), 0);
}

TEST(CsvValue, timeRejectsImpossibleAndMalformedValues) {
    for (const char* bad :
         {"", "2024-02-30", "2024-13-01", "2024-1-2", "2024-01-02T25:00", "2024-01-02T03:04:61",
          "2024-01-02X03:04", "2024-01-02T03:04:05.", "2024-01-02T03:04:05.1234567890",
          "2024-01-02T03:04:05Zx", "yesterday", "-1704164645000", "1.5", "99999999999999999999"}) {
        EXPECT_FALSE(parseCsvTime(bad).hasValue()) << "'" << bad << "'";
    }
    auto r = parseCsvTime("2024-02-30");
    EXPECT_NE(r.error().message.find("no such date"), std::string::npos);
}
