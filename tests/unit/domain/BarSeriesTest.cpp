// SPDX-License-Identifier: MIT
#include "core/domain/BarSeries.hpp"

#include <gtest/gtest.h>

using namespace cw;

namespace {
OhlcvRow row(TimestampNs t, double close) {
    return {t, close - 1.0, close + 2.0, close - 2.0, close, close * 10.0};
}

BarSeries series(int n) {
    BarSeries s;
    for (int i = 0; i < n; ++i)
        s.append(row(i * kNsPerMinute, 100.0 + i));
    return s;
}
} // namespace

TEST(BarSeries, startsEmpty) {
    BarSeries s;
    EXPECT_TRUE(s.empty());
    EXPECT_EQ(s.size(), 0u);
    EXPECT_TRUE(s.view().empty());
    EXPECT_TRUE(s.view(3, 10).empty()); // a sub-view of nothing is empty, not an error
}

TEST(BarSeries, appendStoresEveryColumn) {
    BarSeries s(4);
    s.append(row(0, 100.0));
    s.append(row(kNsPerMinute, 101.5));
    ASSERT_EQ(s.size(), 2u);
    EXPECT_EQ(s.time()[1], kNsPerMinute);
    EXPECT_EQ(s.open()[1], 100.5);
    EXPECT_EQ(s.high()[1], 103.5);
    EXPECT_EQ(s.low()[1], 99.5);
    EXPECT_EQ(s.close()[1], 101.5);
    EXPECT_EQ(s.volume()[1], 1015.0);
    const OhlcvRow last = s.last();
    EXPECT_EQ(last.time, kNsPerMinute);
    EXPECT_EQ(last.close, 101.5);
    EXPECT_EQ(s.row(0).open, 99.0);
}

TEST(BarSeries, updateLastRevisesOnlyTheFormingBar) {
    BarSeries s = series(3);
    s.updateLast({2 * kNsPerMinute, 1.0, 5.0, 0.5, 4.0, 42.0});
    ASSERT_EQ(s.size(), 3u);
    EXPECT_EQ(s.close()[2], 4.0);
    EXPECT_EQ(s.high()[2], 5.0);
    EXPECT_EQ(s.volume()[2], 42.0);
    EXPECT_EQ(s.close()[1], 101.0); // earlier bars untouched
    EXPECT_EQ(s.close()[0], 100.0);
}

TEST(BarSeries, viewSharesTheColumnsWithoutCopying) {
    const BarSeries s = series(5);
    const BarSeriesView v = s.view();
    ASSERT_EQ(v.size(), 5u);
    EXPECT_EQ(v.close.data(), s.close().data());
    EXPECT_EQ(v.time.size(), 5u);
    EXPECT_EQ(v.volume.size(), 5u);
    EXPECT_EQ(v.row(4).close, 104.0);
}

TEST(BarSeries, subViewSelectsARange) {
    const BarSeries s = series(10);
    const BarSeriesView v = s.view(2, 3);
    ASSERT_EQ(v.size(), 3u);
    EXPECT_EQ(v.time.front(), 2 * kNsPerMinute);
    EXPECT_EQ(v.close.back(), 104.0);
    EXPECT_EQ(v.open.size(), 3u);
    EXPECT_EQ(v.high.size(), 3u);
    EXPECT_EQ(v.low.size(), 3u);
}

TEST(BarSeries, subViewIsClampedToTheSeries) {
    const BarSeries s = series(10);
    const BarSeriesView tail = s.view(8, 100); // count past the end: the last two bars
    ASSERT_EQ(tail.size(), 2u);
    EXPECT_EQ(tail.close.front(), 108.0);
    EXPECT_EQ(tail.time.size(), 2u);
    EXPECT_TRUE(s.view(10, 5).empty()); // first == size
    EXPECT_TRUE(s.view(50, 5).empty()); // first past the end
    EXPECT_EQ(s.view(0, static_cast<std::size_t>(-1)).size(), 10u);
}

TEST(BarSeries, clearEmptiesEveryColumn) {
    BarSeries s = series(4);
    s.clear();
    EXPECT_TRUE(s.empty());
    EXPECT_TRUE(s.open().empty());
    EXPECT_TRUE(s.volume().empty());
    s.append(row(0, 1.0));
    EXPECT_EQ(s.size(), 1u);
}
