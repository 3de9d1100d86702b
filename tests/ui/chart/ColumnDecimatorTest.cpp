// SPDX-License-Identifier: MIT
#include "ui/chart/ColumnDecimator.hpp"

#include "core/domain/BarSeries.hpp"
#include "ui/chart/ChartModel.hpp"
#include "ui/chart/TimeScale.hpp"

#include <gtest/gtest.h>
#include <map>
#include <random>

using cw::BarSeries;
using cw::OhlcvRow;
using cw::ui::ChartModel;
using cw::ui::ChartStyle;
using cw::ui::ColumnDecimator;
using cw::ui::MinMax;
using cw::ui::TimeScale;

namespace {

OhlcvRow randomBar(std::mt19937_64& rng, double& price, std::size_t i) {
    std::normal_distribution<double> step(0.0, 0.8);
    std::exponential_distribution<double> wick(1.0);
    OhlcvRow r;
    r.time = static_cast<cw::TimestampNs>(i) * cw::kNsPerMinute;
    r.open = price;
    price += step(rng);
    r.close = price;
    r.high = std::max(r.open, r.close) + wick(rng);
    r.low = std::min(r.open, r.close) - wick(rng);
    r.volume = 100.0 + 1000.0 * wick(rng);
    return r;
}

/// Checks that the partition puts every visible bar into the column columnOf says, and that
/// the pyramid reports exactly the brute-force extremes of each column.
void checkColumns(const ChartModel& model, const TimeScale& scale, ColumnDecimator& decimator) {
    const BarSeries& bars = model.bars();
    const std::size_t first = scale.firstVisible();
    const std::size_t end = scale.endVisible();
    std::map<int, MinMax> brute;
    std::map<int, double> bruteVolume;
    for (std::size_t i = first; i < end; ++i) {
        brute[scale.columnOf(i)].include(bars.low()[i], bars.high()[i]);
        auto [it, _] = bruteVolume.emplace(scale.columnOf(i), 0.0);
        it->second = std::max(it->second, bars.volume()[i]);
    }
    const auto columns = decimator.partition(scale, first, end);
    ASSERT_EQ(columns.size(), brute.size());
    std::size_t expectedFirst = first;
    int previousX = std::numeric_limits<int>::min();
    for (const auto& c : columns) {
        EXPECT_EQ(c.firstBar, expectedFirst);
        EXPECT_GT(c.endBar, c.firstBar);
        EXPECT_GT(c.x, previousX);
        previousX = c.x;
        expectedFirst = c.endBar;
        const MinMax got =
            model.highLow(ChartStyle::Candles).query(bars.low(), bars.high(), c.firstBar, c.endBar);
        const MinMax& want = brute.at(c.x);
        ASSERT_EQ(got.low, want.low) << "column " << c.x;
        ASSERT_EQ(got.high, want.high) << "column " << c.x;
        const MinMax vol =
            model.volumes().query(bars.volume(), bars.volume(), c.firstBar, c.endBar);
        ASSERT_EQ(vol.high, bruteVolume.at(c.x));
    }
    EXPECT_EQ(expectedFirst, end);
}

} // namespace

TEST(ColumnDecimator, columnsCoverExactlyTheExtremesAtEveryZoom) {
    std::mt19937_64 rng(42);
    double price = 100.0;
    BarSeries bars;
    for (std::size_t i = 0; i < 50'000; ++i)
        bars.append(randomBar(rng, price, i));
    ChartModel model;
    model.setBars(std::move(bars));
    ColumnDecimator decimator;
    TimeScale scale;
    scale.setWidth(1537.0);
    scale.setBarCount(model.size());
    for (double spacing : {0.0307, 0.05, 0.1, 0.2371, 0.5, 0.99, 1.0, 1.5, 2.9, 7.0}) {
        scale.setBarSpacing(spacing);
        for (double pan : {0.0, 333.3, 4000.25, 1e5}) {
            scale.scrollToLive();
            scale.pan(pan);
            SCOPED_TRACE(testing::Message() << "spacing " << spacing << " pan " << pan);
            checkColumns(model, scale, decimator);
        }
    }
}

TEST(ColumnDecimator, staysExactWhileBarsAreAppendedAndTheLastBarChanges) {
    std::mt19937_64 rng(5);
    double price = 50.0;
    ChartModel model;
    ColumnDecimator decimator;
    TimeScale scale;
    scale.setWidth(800.0);
    scale.setBarSpacing(0.1);
    for (std::size_t i = 0; i < 20'000; ++i) {
        OhlcvRow bar = randomBar(rng, price, i);
        model.appendBar(bar);
        // The forming bar spikes: the column holding it must show the spike at once.
        bar.high += 25.0;
        bar.low -= 25.0;
        model.updateLastBar(bar);
        scale.setBarCount(model.size());
        if (i % 997 == 0 || i == 19'999) {
            SCOPED_TRACE(testing::Message() << "bars " << model.size());
            checkColumns(model, scale, decimator);
        }
    }
    scale.setBarSpacing(scale.minSpacing());
    scale.scrollToLive();
    checkColumns(model, scale, decimator);
}

TEST(ColumnDecimator, emptyRangeHasNoColumns) {
    ColumnDecimator decimator;
    TimeScale scale;
    scale.setWidth(500.0);
    EXPECT_TRUE(decimator.partition(scale, 0, 0).empty());
    scale.setBarCount(10);
    EXPECT_TRUE(decimator.partition(scale, 5, 3).empty());
    EXPECT_EQ(decimator.partition(scale, 0, 10).size(), 10u); // 8 px per bar: one column each
}
