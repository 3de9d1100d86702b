// SPDX-License-Identifier: MIT
#include "core/domain/Timeframe.hpp"

#include <gtest/gtest.h>
#include <string>
#include <vector>

using namespace cw;

namespace {

// Reference instants from Python's calendar.timegm, in nanoseconds.
constexpr TimestampNs k2024Feb29 = 1'709'164'800'000'000'000;
constexpr TimestampNs k2024Mar01 = 1'709'251'200'000'000'000;
constexpr TimestampNs k2024Jan01 = 1'704'067'200'000'000'000; // a Monday
constexpr TimestampNs k2023Dec25 = 1'703'462'400'000'000'000; // a Monday
constexpr TimestampNs k2024Dec30 = 1'735'516'800'000'000'000; // a Monday
constexpr TimestampNs k2025Jan01 = 1'735'689'600'000'000'000;
constexpr TimestampNs k1969Dec29 = -259'200'000'000'000; // a Monday
constexpr TimestampNs k1969Dec01 = -2'678'400'000'000'000;

Timeframe tf(std::string_view text) {
    auto r = Timeframe::parse(text);
    EXPECT_TRUE(r) << text;
    return r ? *r : Timeframe();
}

} // namespace

TEST(Timeframe, parsesAndFormatsTheStandardSet) {
    const std::vector<std::string> names = {"1s", "5s",  "15s", "30s", "1m", "3m",
                                            "5m", "15m", "30m", "1h",  "2h", "4h",
                                            "6h", "12h", "1D",  "1W",  "1M"};
    const auto standard = Timeframe::standard();
    ASSERT_EQ(standard.size(), names.size());
    for (std::size_t i = 0; i < names.size(); ++i) {
        EXPECT_EQ(standard[i].toString(), names[i]);
        EXPECT_EQ(tf(names[i]), standard[i]);
    }
    EXPECT_EQ(tf("1d"), Timeframe::days(1)); // Binance spelling
    EXPECT_EQ(tf("1w"), Timeframe::weeks(1));
    EXPECT_EQ(tf("1m"), Timeframe::minutes(1));
    EXPECT_EQ(tf("1M"), Timeframe::months(1)); // not a minute
    EXPECT_EQ(tf("1d").toString(), "1D");
}

TEST(Timeframe, rejectsMalformedText) {
    for (const char* text : {"", "m", "1", "0m", "01m", "-1m", "+1m", "1x", "1H", "1 m", " 1m",
                             "1mm", "1.5h", "999999m", "1S"}) {
        auto r = Timeframe::parse(text);
        ASSERT_FALSE(r) << text;
        EXPECT_EQ(r.error().code, ErrorCode::ParseError) << text;
    }
    EXPECT_FALSE(Timeframe::make(TimeUnit::Invalid, 1));
    EXPECT_FALSE(Timeframe::make(TimeUnit::Minute, 0));
    EXPECT_TRUE(Timeframe::make(TimeUnit::Minute, 1));
    EXPECT_FALSE(Timeframe().isValid());
}

TEST(Timeframe, subDayBucketsAreAlignedToTheEpoch) {
    const TimestampNs t = k2024Feb29 + 13 * kNsPerHour + 47 * kNsPerMinute + 12 * kNsPerSecond + 5;
    EXPECT_EQ(tf("1s").bucketStart(t), t - 5);
    EXPECT_EQ(tf("15s").bucketStart(t), t - 5 - 12 * kNsPerSecond);
    EXPECT_EQ(tf("5m").bucketStart(t), k2024Feb29 + 13 * kNsPerHour + 45 * kNsPerMinute);
    EXPECT_EQ(tf("4h").bucketStart(t), k2024Feb29 + 12 * kNsPerHour);
    EXPECT_EQ(tf("4h").nextBucketStart(t), k2024Feb29 + 16 * kNsPerHour);
    EXPECT_EQ(tf("12h").bucketStart(t), k2024Feb29 + 12 * kNsPerHour);
    // A bucket start is its own bucket; the instant before it belongs to the previous one.
    EXPECT_EQ(tf("1h").bucketStart(k2024Mar01), k2024Mar01);
    EXPECT_EQ(tf("1h").bucketStart(k2024Mar01 - 1), k2024Mar01 - kNsPerHour);
}

TEST(Timeframe, daysStartAtMidnightUtcIncludingLeapDays) {
    const Timeframe day = tf("1D");
    EXPECT_EQ(day.bucketStart(k2024Feb29 + 23 * kNsPerHour + 59 * kNsPerMinute), k2024Feb29);
    EXPECT_EQ(day.nextBucketStart(k2024Feb29), k2024Mar01);
    EXPECT_EQ(day.bucketStart(k2024Mar01 - 1), k2024Feb29);
    EXPECT_EQ(day.durationNs(), kNsPerDay);
}

TEST(Timeframe, weeksStartOnMondayUtc) {
    const Timeframe week = tf("1W");
    // Thursday 2024-02-29 belongs to the week of Monday 2024-02-26.
    EXPECT_EQ(week.bucketStart(k2024Feb29), k2024Feb29 - 3 * kNsPerDay);
    EXPECT_EQ(week.bucketStart(k2024Jan01), k2024Jan01);
    // Sunday 2023-12-31 23:59 still belongs to the week of Monday 2023-12-25.
    EXPECT_EQ(week.bucketStart(k2024Jan01 - kNsPerMinute), k2023Dec25);
    // The week across the year boundary starts in December.
    EXPECT_EQ(week.bucketStart(k2025Jan01), k2024Dec30);
    EXPECT_EQ(week.nextBucketStart(k2025Jan01), k2024Dec30 + 7 * kNsPerDay);
    // The epoch (a Thursday) belongs to the week of Monday 1969-12-29.
    EXPECT_EQ(week.bucketStart(0), k1969Dec29);
}

TEST(Timeframe, monthsStartOnTheFirstUtc) {
    const Timeframe month = tf("1M");
    EXPECT_EQ(month.bucketStart(k2024Feb29 + 5 * kNsPerHour), k2024Feb29 - 28 * kNsPerDay);
    EXPECT_EQ(month.nextBucketStart(k2024Feb29), k2024Mar01);
    EXPECT_EQ(month.bucketStart(k2024Mar01), k2024Mar01);
    EXPECT_EQ(month.bucketStart(k2024Mar01 - 1), k2024Mar01 - 29 * kNsPerDay);
    // Year boundary.
    EXPECT_EQ(month.bucketStart(k2025Jan01 - 1), k2025Jan01 - 31 * kNsPerDay);
    EXPECT_EQ(month.nextBucketStart(k2025Jan01 - 1), k2025Jan01);
    EXPECT_EQ(month.bucketStart(k2025Jan01), k2025Jan01);
    // Quarters start in January, April, July, October.
    EXPECT_EQ(tf("3M").bucketStart(k2024Feb29), k2024Jan01);
    EXPECT_EQ(tf("3M").nextBucketStart(k2024Feb29), k2024Jan01 + (31 + 29 + 31) * kNsPerDay);
}

TEST(Timeframe, handlesTimestampsBeforeTheEpoch) {
    // Floor, not truncation toward zero: one nanosecond before 1970 is in the 1969 bucket.
    EXPECT_EQ(tf("1m").bucketStart(-1), -kNsPerMinute);
    EXPECT_EQ(tf("1D").bucketStart(-1), -kNsPerDay);
    EXPECT_EQ(tf("1D").nextBucketStart(-1), 0);
    EXPECT_EQ(tf("1M").bucketStart(-1), k1969Dec01);
    EXPECT_EQ(tf("1M").nextBucketStart(-1), 0);
    EXPECT_EQ(tf("1W").bucketStart(-1), k1969Dec29);
    EXPECT_EQ(tf("1W").bucketStart(k1969Dec29 - 1), k1969Dec29 - 7 * kNsPerDay);
}

TEST(Timeframe, everyInstantLiesInItsBucket) {
    // Sweep 2023-2025 in irregular steps for every standard timeframe.
    for (const Timeframe& frame : Timeframe::standard()) {
        for (TimestampNs t = k2023Dec25 - 400 * kNsPerDay; t < k2025Jan01 + 40 * kNsPerDay;
             t += 7 * kNsPerHour + 13 * kNsPerMinute + 17 * kNsPerSecond + 123'456'789) {
            const TimestampNs start = frame.bucketStart(t);
            const TimestampNs next = frame.nextBucketStart(t);
            ASSERT_LE(start, t) << frame.toString();
            ASSERT_LT(t, next) << frame.toString();
            ASSERT_EQ(frame.bucketStart(start), start) << frame.toString();
            ASSERT_EQ(frame.bucketStart(next), next) << frame.toString();
            ASSERT_EQ(frame.bucketStart(next - 1), start) << frame.toString();
        }
    }
}

TEST(Timeframe, knowsWhichTimeframesNest) {
    EXPECT_TRUE(tf("1m").nestsWithin(tf("5m")));
    EXPECT_TRUE(tf("1m").nestsWithin(tf("1h")));
    EXPECT_TRUE(tf("1m").nestsWithin(tf("1D")));
    EXPECT_TRUE(tf("1m").nestsWithin(tf("1W")));
    EXPECT_TRUE(tf("1m").nestsWithin(tf("1M")));
    EXPECT_TRUE(tf("4h").nestsWithin(tf("1D")));
    EXPECT_TRUE(tf("1D").nestsWithin(tf("1W")));
    EXPECT_TRUE(tf("1D").nestsWithin(tf("1M")));
    EXPECT_TRUE(tf("1M").nestsWithin(tf("3M")));
    EXPECT_TRUE(tf("1m").nestsWithin(tf("1m")));
    EXPECT_FALSE(tf("5m").nestsWithin(tf("1m")));
    EXPECT_FALSE(tf("2m").nestsWithin(tf("5m")));
    EXPECT_FALSE(tf("1W").nestsWithin(tf("1M")));
    EXPECT_FALSE(tf("2D").nestsWithin(tf("1W"))); // 2-day buckets straddle Mondays
    EXPECT_FALSE(tf("7h").nestsWithin(tf("1M"))); // 7 hours do not tile a day
    EXPECT_FALSE(tf("1M").nestsWithin(tf("1D")));
    EXPECT_FALSE(tf("2M").nestsWithin(tf("3M")));
    EXPECT_FALSE(Timeframe().nestsWithin(tf("1D")));
}
