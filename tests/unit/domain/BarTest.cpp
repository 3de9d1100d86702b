// SPDX-License-Identifier: MIT
#include "core/domain/Bar.hpp"

#include "core/domain/Quote.hpp"
#include "core/domain/Side.hpp"
#include "core/domain/Tick.hpp"

#include <gtest/gtest.h>

using namespace cw;

namespace {
Price px(std::string_view text) {
    return *Price::parse(text);
}
Quantity qty(std::string_view text) {
    return *Quantity::parse(text);
}
} // namespace

TEST(Bar, convertsToAnOhlcvRowOfDoubles) {
    const Bar bar{60 * kNsPerSecond, Timeframe::minutes(1), px("1.10"), px("1.25"), px("1.05"),
                  px("1.20"),        qty("12.5"),           7};
    const OhlcvRow row = bar.toOhlcvRow();
    EXPECT_EQ(row.time, 60 * kNsPerSecond);
    EXPECT_DOUBLE_EQ(row.open, 1.10);
    EXPECT_DOUBLE_EQ(row.high, 1.25);
    EXPECT_DOUBLE_EQ(row.low, 1.05);
    EXPECT_DOUBLE_EQ(row.close, 1.20);
    EXPECT_DOUBLE_EQ(row.volume, 12.5);
    EXPECT_EQ(bar.closeTime(), 120 * kNsPerSecond);
    EXPECT_TRUE(bar.isConsistent());
    EXPECT_FALSE(bar.isEmpty());
}

TEST(Bar, detectsInconsistentPrices) {
    Bar bar{0, Timeframe::minutes(1), px("1.10"), px("1.00"), px("1.05"), px("1.06"), qty("1"), 1};
    EXPECT_FALSE(bar.isConsistent()); // high below open
    bar.high = px("1.10");
    EXPECT_TRUE(bar.isConsistent());
    bar.volume = qty("-1");
    EXPECT_FALSE(bar.isConsistent());
}

TEST(Bar, flatBarIsEmpty) {
    const Bar flat{0, Timeframe::minutes(1), px("2"), px("2"), px("2"), px("2"), Quantity(), 0};
    EXPECT_TRUE(flat.isEmpty());
    EXPECT_TRUE(flat.isConsistent());
}

TEST(Bar, equalityComparesPricesByValue) {
    const Bar a{0, Timeframe::minutes(1), px("1.1"), px("1.1"), px("1.1"), px("1.1"), qty("1"), 1};
    Bar b = a;
    b.close = px("1.10");
    EXPECT_EQ(a, b);
    b.tradeCount = 2;
    EXPECT_NE(a, b);
}

TEST(Tick, carriesAnOptionalTradeId) {
    Tick t;
    EXPECT_FALSE(t.hasTradeId());
    EXPECT_EQ(t.aggressor, Side::Invalid);
    t.tradeId = 0; // Binance's first trade id is 0
    EXPECT_TRUE(t.hasTradeId());
}

TEST(Quote, reportsSpreadAndCrossedBooks) {
    Quote q{1, px("100.05"), qty("1"), px("100.10"), qty("2")};
    auto spread = q.spread();
    ASSERT_TRUE(spread);
    EXPECT_EQ(spread->toString(), "0.05");
    EXPECT_FALSE(q.isCrossed());
    q.bidPrice = px("100.11");
    EXPECT_TRUE(q.isCrossed());
}

TEST(Side, namesAndOpposites) {
    EXPECT_EQ(sideName(Side::Buy), "Buy");
    EXPECT_EQ(oppositeSide(Side::Buy), Side::Sell);
    EXPECT_EQ(oppositeSide(Side::Sell), Side::Buy);
    EXPECT_EQ(oppositeSide(Side::Invalid), Side::Invalid);
}
