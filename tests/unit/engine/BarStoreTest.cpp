// SPDX-License-Identifier: MIT
#include "core/engine/BarStore.hpp"

#include "core/engine/ExactColumn.hpp"

#include <cstdint>
#include <gtest/gtest.h>
#include <limits>
#include <vector>

using namespace cw;
using namespace cw::engine;

namespace {

constexpr TimestampNs kStart = 1'700'000'040LL * kNsPerSecond; // a whole minute, UTC

/// `count` 1m bars from kStart: a walk in cents around 30,000.00, volumes in 0.001 units.
std::vector<Bar> minuteBars(std::size_t count, std::int64_t firstMinute = 0) {
    std::vector<Bar> bars;
    std::uint64_t state = 99;
    std::int64_t price = 3'000'000;
    for (std::size_t i = 0; i < count; ++i) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        const std::int64_t step = static_cast<std::int64_t>((state >> 33) % 2001) - 1000;
        Bar bar;
        bar.openTime = kStart + (firstMinute + static_cast<std::int64_t>(i)) * kNsPerMinute;
        bar.timeframe = Timeframe::minutes(1);
        bar.open = Price::fromRaw(price, 2);
        price += step;
        bar.close = Price::fromRaw(price, 2);
        bar.high = Price::fromRaw(std::max(bar.open.raw(), price) + 150, 2);
        bar.low = Price::fromRaw(std::min(bar.open.raw(), price) - 70, 2);
        bar.volume = Quantity::fromRaw(static_cast<std::int64_t>(1 + (state >> 40) % 90'000), 3);
        bar.tradeCount = static_cast<std::int64_t>(1 + (state >> 50) % 400);
        bars.push_back(bar);
    }
    return bars;
}

} // namespace

TEST(BarStore, givesBackEqualBarsAndTheSameDoublesAsBarToOhlcvRow) {
    const std::vector<Bar> bars = minuteBars(500);
    BarStore store;
    ASSERT_TRUE(store.append(bars).hasValue());
    ASSERT_EQ(store.size(), bars.size());
    EXPECT_EQ(store.toVector(), bars);
    for (std::size_t i = 0; i < bars.size(); i += 37) {
        const OhlcvRow want = bars[i].toOhlcvRow();
        const OhlcvRow got = store.row(i);
        EXPECT_EQ(got.time, want.time) << i;
        EXPECT_EQ(got.open, want.open) << i; // bit for bit, not nearly
        EXPECT_EQ(got.high, want.high) << i;
        EXPECT_EQ(got.low, want.low) << i;
        EXPECT_EQ(got.close, want.close) << i;
        EXPECT_EQ(got.volume, want.volume) << i;
    }
    const BarSeries series = store.toSeries();
    ASSERT_EQ(series.size(), bars.size());
    EXPECT_EQ(series.close()[123], bars[123].close.toDouble());
}

TEST(BarStore, keepsAMinuteBarInTwentyEightBytesWhileValuesFit32Bits) {
    // The regression guard for the engine's 1m store: 4 bytes of time and 6 narrow columns.
    const std::vector<Bar> bars = minuteBars(100'000);
    BarStore store;
    ASSERT_TRUE(store.append(bars).hasValue());
    store.shrinkToFit();
    EXPECT_EQ(store.memoryBytes(), bars.size() * 28);

    // A price beyond 32 bits at the store's precision widens those columns only: 48 at most.
    Bar big = minuteBars(1, 100'000)[0];
    big.open = Price::fromRaw(30'000'000'000LL, 2);
    big.high = big.open;
    big.close = big.open;
    ASSERT_TRUE(store.append(big).hasValue());
    store.shrinkToFit();
    EXPECT_GT(store.memoryBytes(), store.size() * 28);
    EXPECT_LE(store.memoryBytes(), store.size() * 48);
    EXPECT_EQ(store.back(), big);
    EXPECT_EQ(store.bar(5), bars[5]);
}

TEST(BarStore, raisesItsPrecisionForABarWithMoreDecimalsKeepingEveryValue) {
    std::vector<Bar> bars = minuteBars(10);
    BarStore store;
    ASSERT_TRUE(store.append(std::span<const Bar>(bars.data(), 5)).hasValue());
    EXPECT_EQ(store.pricePrecision(), 2);
    bars[5].close = Price::fromRaw(300001234, 4); // 30000.1234
    bars[5].high = std::max(bars[5].high, bars[5].close);
    ASSERT_TRUE(store.append(std::span<const Bar>(bars.data() + 5, 5)).hasValue());
    EXPECT_EQ(store.pricePrecision(), 4);
    EXPECT_EQ(store.toVector(), bars); // the older bars compare equal at the new precision
    EXPECT_EQ(store.bar(5).close.toString(), "30000.1234");
    EXPECT_EQ(store.bar(0).open.toString(), bars[0].open.rescaled(4)->toString());
}

TEST(BarStore, rejectsBarsOutOfOrderOffTheBucketOrOfAnotherTimeframeAndStaysUnchanged) {
    const std::vector<Bar> bars = minuteBars(20);
    BarStore store;
    ASSERT_TRUE(store.append(std::span<const Bar>(bars.data(), 10)).hasValue());
    const std::vector<Bar> before = store.toVector();

    std::vector<Bar> overlap(bars.begin() + 9, bars.end()); // bar 9 is held already
    EXPECT_EQ(store.append(overlap).error().code, ErrorCode::InvalidArgument);
    std::vector<Bar> unordered(bars.begin() + 10, bars.end());
    std::swap(unordered[3], unordered[4]);
    EXPECT_EQ(store.append(unordered).error().code, ErrorCode::InvalidArgument);
    Bar offBucket = bars[10];
    offBucket.openTime += kNsPerSecond;
    EXPECT_EQ(store.append(offBucket).error().code, ErrorCode::InvalidArgument);
    Bar hourly = bars[10];
    hourly.timeframe = Timeframe::hours(1);
    EXPECT_EQ(store.append(hourly).error().code, ErrorCode::InvalidArgument);
    Bar huge = bars[10];
    huge.high = Price::fromRaw(std::numeric_limits<std::int64_t>::max(), 0); // no room for 2 dp
    EXPECT_EQ(store.append(huge).error().code, ErrorCode::Overflow);

    EXPECT_EQ(store.toVector(), before);
    EXPECT_EQ(store.pricePrecision(), 2);
}

TEST(BarStore, prependsOlderBarsAndRejectsOnesThatAreNotOlder) {
    const std::vector<Bar> bars = minuteBars(30);
    BarStore store;
    ASSERT_TRUE(store.append(std::span<const Bar>(bars.data() + 20, 10)).hasValue());
    ASSERT_TRUE(store.prepend(std::span<const Bar>(bars.data() + 5, 15)).hasValue());
    EXPECT_EQ(store.size(), 25u);
    EXPECT_EQ(store.front(), bars[5]);
    EXPECT_EQ(store.bar(15), bars[20]);
    // Bars 3..5 overlap the oldest held (5): nothing is added.
    EXPECT_EQ(store.prepend(std::span<const Bar>(bars.data() + 3, 3)).error().code,
              ErrorCode::InvalidArgument);
    EXPECT_EQ(store.size(), 25u);
    ASSERT_TRUE(store.prepend(std::span<const Bar>(bars.data(), 5)).hasValue());
    EXPECT_EQ(store.toVector(), bars);
}

TEST(BarStore, findsTheFirstBarAtOrAfterATimeAndTruncates) {
    const std::vector<Bar> bars = minuteBars(10);
    BarStore store;
    ASSERT_TRUE(store.append(bars).hasValue());
    EXPECT_EQ(store.lowerBound(bars[4].openTime), 4u);
    EXPECT_EQ(store.lowerBound(bars[4].openTime + 1), 5u); // not a whole minute: the next one
    EXPECT_EQ(store.lowerBound(bars[4].openTime - 1), 4u);
    EXPECT_EQ(store.lowerBound(0), 0u);
    EXPECT_EQ(store.lowerBound(std::numeric_limits<TimestampNs>::max()), 10u);
    store.truncate(4);
    EXPECT_EQ(store.size(), 4u);
    EXPECT_EQ(store.back(), bars[3]);
    ASSERT_TRUE(store.append(bars[4]).hasValue());
    EXPECT_EQ(store.back(), bars[4]);
}

TEST(BarStore, assignReplacesEverythingOrNothing) {
    const std::vector<Bar> bars = minuteBars(10);
    BarStore store;
    ASSERT_TRUE(store.append(bars).hasValue());
    std::vector<Bar> bad = minuteBars(3);
    bad[2].openTime = bad[1].openTime; // a duplicate minute
    EXPECT_FALSE(store.assign(bad).hasValue());
    EXPECT_EQ(store.toVector(), bars);
    ASSERT_TRUE(store.assign(std::span<const Bar>(bars.data(), 2)).hasValue());
    EXPECT_EQ(store.size(), 2u);
    ASSERT_TRUE(store.assign({}).hasValue());
    EXPECT_TRUE(store.empty());
}

TEST(ExactColumn, widensAtTheFirstValueBeyond32BitsAndRefusesAnOverflowingScale) {
    ExactColumn column;
    column.push_back(-5);
    column.push_back(std::numeric_limits<std::int32_t>::max());
    EXPECT_FALSE(column.isWide());
    column.push_back(std::int64_t{1} << 40);
    EXPECT_TRUE(column.isWide());
    EXPECT_EQ(column[0], -5);
    EXPECT_EQ(column[2], std::int64_t{1} << 40);

    ExactColumn narrow;
    narrow.push_back(7);
    ASSERT_TRUE(narrow.scale(1'000'000'000).hasValue()); // 7e9 no longer fits 32 bits
    EXPECT_TRUE(narrow.isWide());
    EXPECT_EQ(narrow[0], 7'000'000'000);
    EXPECT_EQ(narrow.scale(std::int64_t{1} << 40).error().code, ErrorCode::Overflow);
    EXPECT_EQ(narrow[0], 7'000'000'000); // unchanged
}
