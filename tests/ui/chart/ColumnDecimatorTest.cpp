// SPDX-License-Identifier: MIT
#include "ui/chart/ColumnDecimator.hpp"

#include "core/domain/BarSeries.hpp"
#include "ui/chart/ChartModel.hpp"
#include "ui/chart/TimeScale.hpp"

#include <cmath>
#include <gtest/gtest.h>
#include <map>
#include <memory>
#include <random>
#include <span>
#include <vector>

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

namespace {

using Summary = ColumnDecimator::Summary;

/// The candle summaries of `model`'s visible columns from `decimator` (cached or not).
std::vector<Summary> candleSummaries(const ChartModel& model, const TimeScale& scale,
                                     ColumnDecimator& decimator) {
    const BarSeries& bars = model.bars();
    decimator.partition(scale, scale.firstVisible(), scale.endVisible());
    const auto s = decimator.summarize(model.highLow(ChartStyle::Candles), bars.low(), bars.high(),
                                       bars.open(), bars.close());
    return {s.begin(), s.end()};
}

/// Compares with a decimator that has never seen the model, and checks each summary against
/// the bars themselves.
void expectFresh(const ChartModel& model, const TimeScale& scale, const std::vector<Summary>& got) {
    ColumnDecimator fresh;
    const auto want = candleSummaries(model, scale, fresh);
    ASSERT_EQ(got.size(), want.size());
    const BarSeries& bars = model.bars();
    const auto columns = fresh.columns();
    for (std::size_t k = 0; k < got.size(); ++k) {
        SCOPED_TRACE(testing::Message() << "column " << k);
        EXPECT_EQ(got[k].range.low, want[k].range.low);
        EXPECT_EQ(got[k].range.high, want[k].range.high);
        EXPECT_EQ(got[k].open, bars.open()[columns[k].firstBar]);
        EXPECT_EQ(got[k].close, bars.close()[columns[k].endBar - 1]);
    }
}

ChartModel* randomModel(std::size_t n, std::uint64_t seed) {
    std::mt19937_64 rng(seed);
    double price = 100.0;
    BarSeries bars;
    for (std::size_t i = 0; i < n; ++i)
        bars.append(randomBar(rng, price, i));
    auto* model = new ChartModel;
    model->setBars(std::move(bars));
    return model;
}

} // namespace

TEST(ColumnDecimator, keepsThePartitionWhileTheMappingIsUnchanged) {
    std::unique_ptr<ChartModel> model(randomModel(30'000, 3));
    TimeScale scale;
    scale.setWidth(900.0);
    scale.setBarCount(model->size());
    scale.setBarSpacing(0.05);
    scale.scrollToLive();
    ColumnDecimator decimator;
    const auto a = decimator.partition(scale, scale.firstVisible(), scale.endVisible());
    const auto* data = a.data();
    const std::size_t size = a.size();
    const auto b = decimator.partition(scale, scale.firstVisible(), scale.endVisible());
    EXPECT_EQ(b.data(), data);
    EXPECT_EQ(b.size(), size);
    // A different range gives different columns.
    EXPECT_LT(decimator.partition(scale, scale.firstVisible() + 500, scale.endVisible()).size(),
              size);
}

TEST(ColumnDecimator, repeatedFrameQueriesNothingAndMatchesAFreshComputation) {
    std::unique_ptr<ChartModel> model(randomModel(40'000, 11));
    TimeScale scale;
    scale.setWidth(1000.0);
    scale.setBarCount(model->size());
    scale.setBarSpacing(scale.minSpacing());
    scale.scrollToLive();
    ColumnDecimator decimator;
    const auto first = candleSummaries(*model, scale, decimator);
    const std::uint64_t queried = decimator.queriedColumns();
    EXPECT_EQ(queried, first.size());
    const auto again = candleSummaries(*model, scale, decimator);
    EXPECT_EQ(decimator.queriedColumns(), queried) << "an unchanged frame re-queried columns";
    expectFresh(*model, scale, again);
}

TEST(ColumnDecimator, formingBarUpdateRequeriesOnlyItsColumn) {
    std::unique_ptr<ChartModel> model(randomModel(40'000, 12));
    TimeScale scale;
    scale.setWidth(1000.0);
    scale.setBarCount(model->size());
    scale.setBarSpacing(0.1);
    scale.scrollToLive();
    ColumnDecimator decimator;
    candleSummaries(*model, scale, decimator);
    const std::uint64_t before = decimator.queriedColumns();

    // The forming bar spikes far outside everything: its column must show it.
    OhlcvRow last = model->bars().last();
    last.high += 500.0;
    last.low -= 500.0;
    last.close = last.low + 1.0; // the column's end point moves
    model->updateLastBar(last);
    const auto after = candleSummaries(*model, scale, decimator);
    EXPECT_EQ(decimator.queriedColumns() - before, 1u);
    ASSERT_FALSE(after.empty());
    EXPECT_EQ(after.back().range.high, last.high);
    EXPECT_EQ(after.back().range.low, last.low);
    EXPECT_EQ(after.back().close, last.close);
    expectFresh(*model, scale, after);
}

TEST(ColumnDecimator, appendedBarsMatchAFreshComputation) {
    std::unique_ptr<ChartModel> model(randomModel(20'000, 13));
    std::mt19937_64 rng(99);
    double price = model->bars().last().close;
    TimeScale scale;
    scale.setWidth(700.0);
    scale.setBarCount(model->size());
    scale.setBarSpacing(0.2);
    ColumnDecimator decimator;
    for (int step = 0; step < 40; ++step) {
        // Alternate between following the live edge (every append moves the columns) and
        // looking at older bars (appends happen off screen: nothing to re-query).
        if (step % 10 == 0)
            scale.scrollToLive();
        if (step == 20)
            scale.pan(3000.0);
        const std::uint64_t before = decimator.queriedColumns();
        const auto got = candleSummaries(*model, scale, decimator);
        SCOPED_TRACE(testing::Message() << "step " << step);
        expectFresh(*model, scale, got);
        if (step >= 21 && step < 30) {
            EXPECT_EQ(decimator.queriedColumns(), before) << "off-screen append re-queried";
        }
        model->appendBar(randomBar(rng, price, model->size()));
        scale.barsAppended(1);
    }
}

TEST(ColumnDecimator, viewportChangeAndReplacedBarsQueryEveryColumnAgain) {
    std::unique_ptr<ChartModel> model(randomModel(30'000, 14));
    TimeScale scale;
    scale.setWidth(800.0);
    scale.setBarCount(model->size());
    scale.setBarSpacing(0.3);
    scale.scrollToLive();
    ColumnDecimator decimator;
    candleSummaries(*model, scale, decimator);

    // Pan by one pixel: new columns, every one queried.
    scale.pan(1.0);
    std::uint64_t before = decimator.queriedColumns();
    auto got = candleSummaries(*model, scale, decimator);
    EXPECT_EQ(decimator.queriedColumns() - before, got.size());
    expectFresh(*model, scale, got);

    // Zoom: the same.
    scale.zoomAt(400.0, 1.37);
    before = decimator.queriedColumns();
    got = candleSummaries(*model, scale, decimator);
    EXPECT_EQ(decimator.queriedColumns() - before, got.size());
    expectFresh(*model, scale, got);

    // Other bars of the same length (a new instrument): the pyramid was rebuilt, nothing of
    // the cache may survive although the columns did not move.
    std::unique_ptr<ChartModel> other(randomModel(30'000, 15));
    model->setBars(other->bars());
    before = decimator.queriedColumns();
    got = candleSummaries(*model, scale, decimator);
    EXPECT_EQ(decimator.queriedColumns() - before, got.size());
    expectFresh(*model, scale, got);

    // invalidate() forgets everything.
    decimator.invalidate();
    before = decimator.queriedColumns();
    got = candleSummaries(*model, scale, decimator);
    EXPECT_EQ(decimator.queriedColumns() - before, got.size());
}

TEST(ColumnDecimator, summariesOfAnIndicatorFollowItsRefresh) {
    // Values replaced in place and re-indexed with refresh(): same vector, same length, new
    // numbers (NaN warm-up included). The cache must notice through the pyramid.
    std::vector<double> values(10'000);
    for (std::size_t i = 0; i < values.size(); ++i)
        values[i] = i < 50 ? std::nan("") : std::sin(static_cast<double>(i) * 0.01);
    cw::ui::MinMaxPyramid pyramid;
    pyramid.rebuild(values, values);
    TimeScale scale;
    scale.setWidth(400.0);
    scale.setBarCount(values.size());
    scale.setBarSpacing(scale.minSpacing());
    scale.scrollToLive();
    ColumnDecimator decimator;
    decimator.partition(scale, scale.firstVisible(), scale.endVisible());
    decimator.summarize(pyramid, values, values, values, values);
    for (double& v : values)
        v = std::isnan(v) ? v : v * 3.0 + 1.0;
    pyramid.rebuild(values, values);
    const auto got = decimator.summarize(pyramid, values, values, values, values);
    ColumnDecimator fresh;
    fresh.partition(scale, scale.firstVisible(), scale.endVisible());
    const auto want = fresh.summarize(pyramid, values, values, values, values);
    ASSERT_EQ(got.size(), want.size());
    for (std::size_t k = 0; k < got.size(); ++k) {
        EXPECT_EQ(got[k].range.valid(), want[k].range.valid()) << k;
        if (want[k].range.valid()) {
            EXPECT_EQ(got[k].range.low, want[k].range.low) << k;
            EXPECT_EQ(got[k].range.high, want[k].range.high) << k;
        }
    }
    // The warm-up columns hold no numbers: invalid, with a NaN end point.
    EXPECT_FALSE(got.front().range.valid());
}

TEST(ColumnDecimator, columnsPastTheIndexedSizeAreInvalid) {
    // A pyramid over fewer values than the bars (an output that is shorter): the columns past
    // its size have no range and NaN end points, and nothing is read past its end.
    std::vector<double> values(1'000, 5.0);
    cw::ui::MinMaxPyramid pyramid;
    pyramid.rebuild(std::span(values).first(600), std::span(values).first(600));
    TimeScale scale;
    scale.setWidth(100.0);
    scale.setBarCount(values.size());
    scale.setBarSpacing(scale.minSpacing());
    scale.scrollToLive();
    ColumnDecimator decimator;
    const auto columns = decimator.partition(scale, 0, values.size());
    const auto s = decimator.summarize(pyramid, values, values, std::span(values).first(600),
                                       std::span(values).first(600));
    for (std::size_t k = 0; k < columns.size(); ++k) {
        if (columns[k].firstBar >= 600) {
            EXPECT_FALSE(s[k].range.valid()) << k;
            EXPECT_TRUE(std::isnan(s[k].open)) << k;
        } else if (columns[k].endBar <= 600) {
            EXPECT_EQ(s[k].range.high, 5.0) << k;
            EXPECT_EQ(s[k].close, 5.0) << k;
        } else {
            EXPECT_TRUE(std::isnan(s[k].close)) << k; // straddles the end
        }
    }
}
