// SPDX-License-Identifier: MIT
#include "core/engine/BarAggregator.hpp"

#include <gtest/gtest.h>
#include <limits>
#include <string_view>
#include <vector>

using namespace cw;
using namespace cw::engine;

namespace {

// 2024-02-29 00:00:00 UTC (a Thursday; from Python's calendar.timegm).
constexpr TimestampNs kDay = 1'709'164'800'000'000'000;

Price px(std::string_view text) {
    return *Price::parse(text);
}
Quantity qty(std::string_view text) {
    return *Quantity::parse(text);
}

TimestampNs at(int hour, int minute, int second = 0, TimestampNs extraNs = 0) {
    return kDay + hour * kNsPerHour + minute * kNsPerMinute + second * kNsPerSecond + extraNs;
}

Tick trade(TimestampNs time, std::string_view price, std::string_view size,
           std::int64_t id = Tick::kNoTradeId) {
    return Tick{time, px(price), qty(size), Side::Buy, id};
}

Bar bar(TimestampNs open, const Timeframe& tf, std::string_view o, std::string_view h,
        std::string_view l, std::string_view c, std::string_view v, std::int64_t n) {
    return Bar{open, tf, px(o), px(h), px(l), px(c), qty(v), n};
}

} // namespace

TEST(BarAggregator, firstTradeOpensTheFormingBar) {
    BarAggregator agg(Timeframe::minutes(1));
    std::vector<Bar> closed;
    EXPECT_FALSE(agg.formingBar());
    EXPECT_EQ(agg.addTrade(trade(at(10, 0, 30), "100.5", "2", 1), closed), TradeOutcome::Merged);
    EXPECT_TRUE(closed.empty());
    ASSERT_TRUE(agg.formingBar());
    EXPECT_EQ(*agg.formingBar(),
              bar(at(10, 0), Timeframe::minutes(1), "100.5", "100.5", "100.5", "100.5", "2", 1));
}

TEST(BarAggregator, mergesTradesOfOneBucket) {
    BarAggregator agg(Timeframe::minutes(1));
    std::vector<Bar> closed;
    (void)agg.addTrade(trade(at(10, 0, 1), "100", "1", 1), closed);
    (void)agg.addTrade(trade(at(10, 0, 2), "103", "0.5", 2), closed);
    (void)agg.addTrade(trade(at(10, 0, 3), "99", "0.25", 3), closed);
    (void)agg.addTrade(trade(at(10, 0, 59, kNsPerSecond - 1), "101", "1", 4), closed);
    EXPECT_TRUE(closed.empty());
    EXPECT_EQ(*agg.formingBar(),
              bar(at(10, 0), Timeframe::minutes(1), "100", "103", "99", "101", "2.75", 4));
    EXPECT_EQ(agg.tradesMerged(), 4);
}

TEST(BarAggregator, tradeInTheNextBucketClosesTheBar) {
    BarAggregator agg(Timeframe::minutes(1));
    std::vector<Bar> closed;
    (void)agg.addTrade(trade(at(10, 0, 1), "100", "1", 1), closed);
    (void)agg.addTrade(trade(at(10, 1, 0), "101", "1", 2), closed); // exactly the next bucket
    ASSERT_EQ(closed.size(), 1u);
    EXPECT_EQ(closed[0], bar(at(10, 0), Timeframe::minutes(1), "100", "100", "100", "100", "1", 1));
    EXPECT_EQ(agg.formingBar()->openTime, at(10, 1));
}

TEST(BarAggregator, fillsEmptyBucketsWithFlatBarsByDefault) {
    BarAggregator agg(Timeframe::minutes(1));
    EXPECT_EQ(agg.emptyBucketPolicy(), EmptyBucketPolicy::FlatBar);
    std::vector<Bar> closed;
    (void)agg.addTrade(trade(at(10, 0, 1), "100", "1", 1), closed);
    (void)agg.addTrade(trade(at(10, 0, 2), "102", "1", 2), closed);
    (void)agg.addTrade(trade(at(10, 3, 5), "99", "1", 3), closed);
    ASSERT_EQ(closed.size(), 3u);
    EXPECT_EQ(closed[0], bar(at(10, 0), Timeframe::minutes(1), "100", "102", "100", "102", "2", 2));
    // 10:01 and 10:02 had no trades: flat at the previous close, zero volume, zero trades.
    EXPECT_EQ(closed[1], bar(at(10, 1), Timeframe::minutes(1), "102", "102", "102", "102", "0", 0));
    EXPECT_EQ(closed[2], bar(at(10, 2), Timeframe::minutes(1), "102", "102", "102", "102", "0", 0));
    EXPECT_TRUE(closed[1].isEmpty());
    EXPECT_EQ(agg.formingBar()->openTime, at(10, 3));
}

TEST(BarAggregator, skipPolicyLeavesGaps) {
    BarAggregator agg(Timeframe::minutes(1), EmptyBucketPolicy::Skip);
    std::vector<Bar> closed;
    (void)agg.addTrade(trade(at(10, 0, 1), "100", "1", 1), closed);
    (void)agg.addTrade(trade(at(10, 3, 5), "99", "1", 2), closed);
    ASSERT_EQ(closed.size(), 1u);
    EXPECT_EQ(closed[0].openTime, at(10, 0));
    EXPECT_EQ(agg.formingBar()->openTime, at(10, 3));
}

TEST(BarAggregator, outOfOrderTradeInTheFormingBucketKeepsTheLatestClose) {
    BarAggregator agg(Timeframe::minutes(1));
    std::vector<Bar> closed;
    (void)agg.addTrade(trade(at(10, 0, 10), "100", "1", 1), closed);
    (void)agg.addTrade(trade(at(10, 0, 30), "101", "1", 2), closed);
    // Arrives last but happened at :20: counts for high, low and volume, not for close.
    EXPECT_EQ(agg.addTrade(trade(at(10, 0, 20), "105", "2", 3), closed), TradeOutcome::Merged);
    EXPECT_EQ(*agg.formingBar(),
              bar(at(10, 0), Timeframe::minutes(1), "100", "105", "100", "101", "4", 3));
    // Happened before the first one: it becomes the open.
    (void)agg.addTrade(trade(at(10, 0, 5), "98", "1", 4), closed);
    EXPECT_EQ(*agg.formingBar(),
              bar(at(10, 0), Timeframe::minutes(1), "98", "105", "98", "101", "5", 4));
    // Same time as the latest trade: the later arrival sets the close.
    (void)agg.addTrade(trade(at(10, 0, 30), "100.5", "1", 5), closed);
    EXPECT_EQ(agg.formingBar()->close, px("100.5"));
    EXPECT_EQ(agg.lateTradesDropped(), 0);
}

TEST(BarAggregator, tradeForAClosedBucketIsDroppedAndCounted) {
    BarAggregator agg(Timeframe::minutes(1));
    std::vector<Bar> closed;
    (void)agg.addTrade(trade(at(10, 0, 10), "100", "1", 1), closed);
    (void)agg.addTrade(trade(at(10, 1, 10), "101", "1", 2), closed);
    ASSERT_EQ(closed.size(), 1u);
    const Bar emitted = closed[0];
    EXPECT_EQ(agg.addTrade(trade(at(10, 0, 50), "150", "9", 3), closed), TradeOutcome::LateDropped);
    EXPECT_EQ(agg.lateTradesDropped(), 1);
    ASSERT_EQ(closed.size(), 1u);
    EXPECT_EQ(closed[0], emitted); // the emitted bar never changes
    EXPECT_EQ(*agg.formingBar(),
              bar(at(10, 1), Timeframe::minutes(1), "101", "101", "101", "101", "1", 1));
}

TEST(BarAggregator, tradeForASkippedGapIsLate) {
    BarAggregator agg(Timeframe::minutes(1), EmptyBucketPolicy::Skip);
    std::vector<Bar> closed;
    (void)agg.addTrade(trade(at(10, 0, 10), "100", "1", 1), closed);
    (void)agg.addTrade(trade(at(10, 5, 10), "101", "1", 2), closed);
    // 10:02 was never emitted, but the stream has moved past it.
    EXPECT_EQ(agg.addTrade(trade(at(10, 2, 0), "99", "1", 3), closed), TradeOutcome::LateDropped);
    EXPECT_EQ(closed.size(), 1u);
}

TEST(BarAggregator, duplicateTradeIdsAreIgnoredAndCounted) {
    BarAggregator agg(Timeframe::minutes(1));
    std::vector<Bar> closed;
    (void)agg.addTrade(trade(at(10, 0, 10), "100", "1", 7), closed);
    EXPECT_EQ(agg.addTrade(trade(at(10, 0, 10), "100", "1", 7), closed),
              TradeOutcome::DuplicateIgnored);
    (void)agg.addTrade(trade(at(10, 1, 10), "101", "1", 8), closed);
    // Trade 7 again, now that its bucket is the previous one: a duplicate, not late.
    EXPECT_EQ(agg.addTrade(trade(at(10, 0, 10), "100", "1", 7), closed),
              TradeOutcome::DuplicateIgnored);
    // Same id with a forming-bucket time: still a duplicate.
    EXPECT_EQ(agg.addTrade(trade(at(10, 1, 20), "130", "1", 7), closed),
              TradeOutcome::DuplicateIgnored);
    EXPECT_EQ(agg.duplicateTradesIgnored(), 3);
    EXPECT_EQ(agg.lateTradesDropped(), 0);
    ASSERT_EQ(closed.size(), 1u);
    EXPECT_EQ(closed[0].volume, qty("1"));
    EXPECT_EQ(*agg.formingBar(),
              bar(at(10, 1), Timeframe::minutes(1), "101", "101", "101", "101", "1", 1));
}

TEST(BarAggregator, tradesWithoutIdsAreNeverDuplicates) {
    BarAggregator agg(Timeframe::minutes(1));
    std::vector<Bar> closed;
    (void)agg.addTrade(trade(at(10, 0, 10), "100", "1"), closed);
    EXPECT_EQ(agg.addTrade(trade(at(10, 0, 10), "100", "1"), closed), TradeOutcome::Merged);
    EXPECT_EQ(agg.formingBar()->tradeCount, 2);
    EXPECT_EQ(agg.duplicateTradesIgnored(), 0);
}

TEST(BarAggregator, rejectsTradesWithoutPositiveSize) {
    BarAggregator agg(Timeframe::minutes(1));
    std::vector<Bar> closed;
    EXPECT_EQ(agg.addTrade(trade(at(10, 0, 10), "100", "0", 1), closed), TradeOutcome::Rejected);
    EXPECT_EQ(agg.addTrade(trade(at(10, 0, 10), "100", "-1", 2), closed), TradeOutcome::Rejected);
    EXPECT_EQ(agg.rejectedTrades(), 2);
    EXPECT_FALSE(agg.formingBar()); // nothing was started
}

TEST(BarAggregator, rejectsATradeThatWouldOverflowTheVolume) {
    BarAggregator agg(Timeframe::minutes(1));
    std::vector<Bar> closed;
    Tick huge = trade(at(10, 0, 1), "100", "1", 1);
    huge.size = Quantity::fromRaw(std::numeric_limits<std::int64_t>::max() - 5, 0);
    (void)agg.addTrade(huge, closed);
    EXPECT_EQ(agg.addTrade(trade(at(10, 0, 2), "200", "10", 2), closed), TradeOutcome::Rejected);
    EXPECT_EQ(agg.formingBar()->high, px("100")); // the bar is unchanged
    EXPECT_EQ(agg.formingBar()->tradeCount, 1);
}

TEST(BarAggregator, advanceToClosesTheBarAtItsBucketEnd) {
    BarAggregator agg(Timeframe::minutes(1));
    std::vector<Bar> closed;
    (void)agg.addTrade(trade(at(10, 0, 10), "100", "1", 1), closed);
    agg.advanceTo(at(10, 0, 59, kNsPerSecond - 1), closed);
    EXPECT_TRUE(closed.empty()); // one nanosecond before the end: still forming
    agg.advanceTo(at(10, 1), closed);
    ASSERT_EQ(closed.size(), 1u);
    EXPECT_FALSE(agg.formingBar());
    // Two more whole minutes pass without trades: flat bars for them, none for 10:03.
    agg.advanceTo(at(10, 3, 30), closed);
    ASSERT_EQ(closed.size(), 3u);
    EXPECT_EQ(closed[2], bar(at(10, 2), Timeframe::minutes(1), "100", "100", "100", "100", "0", 0));
    // A trade for the closed 10:02 is late; one for 10:03 continues without a gap.
    EXPECT_EQ(agg.addTrade(trade(at(10, 2, 30), "90", "1", 2), closed), TradeOutcome::LateDropped);
    EXPECT_EQ(agg.addTrade(trade(at(10, 3, 40), "95", "1", 3), closed), TradeOutcome::Merged);
    EXPECT_EQ(closed.size(), 3u);
    EXPECT_EQ(agg.formingBar()->openTime, at(10, 3));
}

TEST(BarAggregator, advanceToWithSkipEmitsNoFlatBars) {
    BarAggregator agg(Timeframe::minutes(1), EmptyBucketPolicy::Skip);
    std::vector<Bar> closed;
    (void)agg.addTrade(trade(at(10, 0, 10), "100", "1", 1), closed);
    agg.advanceTo(at(10, 5), closed);
    EXPECT_EQ(closed.size(), 1u);
    EXPECT_EQ(agg.addTrade(trade(at(10, 4, 0), "90", "1", 2), closed), TradeOutcome::LateDropped);
}

TEST(BarAggregator, flushEmitsTheFormingBar) {
    BarAggregator agg(Timeframe::hours(1));
    std::vector<Bar> closed;
    agg.flush(closed);
    EXPECT_TRUE(closed.empty()); // nothing to flush before any trade
    (void)agg.addTrade(trade(at(10, 20), "100", "1", 1), closed);
    agg.flush(closed);
    ASSERT_EQ(closed.size(), 1u);
    EXPECT_EQ(closed[0].openTime, at(10, 0));
    EXPECT_FALSE(agg.formingBar());
    EXPECT_EQ(agg.addTrade(trade(at(10, 40), "101", "1", 2), closed), TradeOutcome::LateDropped);
}

TEST(BarAggregator, dailyAndMonthlyBucketsUseUtcBoundaries) {
    BarAggregator daily(Timeframe::days(1), EmptyBucketPolicy::Skip);
    BarAggregator monthly(Timeframe::months(1), EmptyBucketPolicy::Skip);
    std::vector<Bar> days;
    std::vector<Bar> months;
    const Tick last = trade(at(23, 59, 59, kNsPerSecond - 1), "100", "1", 1); // Feb 29, late
    const Tick first = trade(at(24, 0), "101", "1", 2);                       // Mar 1, 00:00
    (void)daily.addTrade(last, days);
    (void)daily.addTrade(first, days);
    (void)monthly.addTrade(last, months);
    (void)monthly.addTrade(first, months);
    ASSERT_EQ(days.size(), 1u);
    EXPECT_EQ(days[0].openTime, kDay);
    EXPECT_EQ(daily.formingBar()->openTime, kDay + kNsPerDay);
    ASSERT_EQ(months.size(), 1u);
    EXPECT_EQ(months[0].openTime, kDay - 28 * kNsPerDay);        // 2024-02-01
    EXPECT_EQ(monthly.formingBar()->openTime, kDay + kNsPerDay); // 2024-03-01
}

TEST(BarAggregator, mixedPrecisionsCompareAndSumByValue) {
    BarAggregator agg(Timeframe::minutes(1));
    std::vector<Bar> closed;
    (void)agg.addTrade(Tick{at(10, 0, 1), px("100.5"), qty("1"), Side::Sell, 1}, closed);
    (void)agg.addTrade(Tick{at(10, 0, 2), px("100.4999"), qty("0.001"), Side::Buy, 2}, closed);
    EXPECT_EQ(agg.formingBar()->low, px("100.4999"));
    EXPECT_EQ(agg.formingBar()->high, px("100.5"));
    EXPECT_EQ(agg.formingBar()->volume.toString(), "1.001");
}

TEST(BarAggregatorResample, combinesMinuteBarsIntoFiveMinuteBars) {
    const Timeframe m1 = Timeframe::minutes(1);
    const std::vector<Bar> minutes = {
        bar(at(10, 0), m1, "100", "101", "99", "100.5", "1", 2),
        bar(at(10, 1), m1, "100.5", "104", "100", "103", "2", 3),
        bar(at(10, 4), m1, "103", "103.5", "98", "99", "0.5", 1),
        bar(at(10, 5), m1, "99", "99", "97", "97.5", "1.25", 4),
    };
    auto r = BarAggregator::resample(minutes, Timeframe::minutes(5));
    ASSERT_TRUE(r) << r.error().toString();
    ASSERT_EQ(r->size(), 2u);
    const Timeframe m5 = Timeframe::minutes(5);
    EXPECT_EQ((*r)[0], bar(at(10, 0), m5, "100", "104", "98", "99", "3.5", 6));
    EXPECT_EQ((*r)[1], bar(at(10, 5), m5, "99", "99", "97", "97.5", "1.25", 4));
}

TEST(BarAggregatorResample, flatBarsDoNotContributePrices) {
    const Timeframe m1 = Timeframe::minutes(1);
    const std::vector<Bar> minutes = {
        bar(at(10, 0), m1, "90", "90", "90", "90", "0", 0), // flat at the previous close
        bar(at(10, 1), m1, "100", "101", "100", "101", "1", 1),
        bar(at(10, 2), m1, "101", "101", "101", "101", "0", 0),
        bar(at(10, 5), m1, "101", "101", "101", "101", "0", 0),
        bar(at(10, 6), m1, "101", "101", "101", "101", "0", 0),
    };
    auto r = BarAggregator::resample(minutes, Timeframe::minutes(5));
    ASSERT_TRUE(r);
    ASSERT_EQ(r->size(), 2u);
    const Timeframe m5 = Timeframe::minutes(5);
    EXPECT_EQ((*r)[0], bar(at(10, 0), m5, "100", "101", "100", "101", "1", 1));
    EXPECT_EQ((*r)[1], bar(at(10, 5), m5, "101", "101", "101", "101", "0", 0)); // still flat
}

TEST(BarAggregatorResample, rejectsBarsItCannotCombine) {
    const Timeframe m1 = Timeframe::minutes(1);
    const Bar a = bar(at(10, 0), m1, "1", "1", "1", "1", "1", 1);
    const Bar b = bar(at(10, 1), m1, "1", "1", "1", "1", "1", 1);
    EXPECT_TRUE(BarAggregator::resample(std::vector<Bar>{}, Timeframe::hours(1))->empty());

    auto notNesting = BarAggregator::resample(std::vector<Bar>{a, b}, Timeframe::seconds(30));
    ASSERT_FALSE(notNesting);
    EXPECT_EQ(notNesting.error().code, ErrorCode::InvalidArgument);

    auto unsorted = BarAggregator::resample(std::vector<Bar>{b, a}, Timeframe::hours(1));
    ASSERT_FALSE(unsorted);
    EXPECT_EQ(unsorted.error().code, ErrorCode::InvalidArgument);
    EXPECT_FALSE(BarAggregator::resample(std::vector<Bar>{a, a}, Timeframe::hours(1)));

    Bar mixed = b;
    mixed.timeframe = Timeframe::minutes(5);
    mixed.openTime = at(10, 5);
    EXPECT_FALSE(BarAggregator::resample(std::vector<Bar>{a, mixed}, Timeframe::hours(1)));

    Bar misaligned = b;
    misaligned.openTime += kNsPerSecond;
    EXPECT_FALSE(BarAggregator::resample(std::vector<Bar>{a, misaligned}, Timeframe::hours(1)));

    Bar invalid = a;
    invalid.timeframe = Timeframe();
    EXPECT_FALSE(BarAggregator::resample(std::vector<Bar>{invalid}, Timeframe::hours(1)));
}
