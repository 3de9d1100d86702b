// SPDX-License-Identifier: MIT
// Followed columns and bars: shown without a copy, copied only when written here.
#include "ui/chart/ChartIndicatorValues.hpp"

#include "ui/chart/ChartModel.hpp"

#include <cmath>
#include <gtest/gtest.h>
#include <memory>
#include <span>
#include <utility>
#include <vector>

using cw::BarSeries;
using cw::OhlcvRow;
using cw::indicators::Placement;
using cw::ui::ChartIndicator;
using cw::ui::ChartIndicatorValues;
using cw::ui::ChartModel;
using cw::ui::ChartStyle;

namespace {

std::shared_ptr<BarSeries> ramp(std::size_t n) {
    auto bars = std::make_shared<BarSeries>();
    for (std::size_t i = 0; i < n; ++i) {
        const double p = 100.0 + static_cast<double>(i);
        bars->append({static_cast<cw::TimestampNs>(i), p, p + 2.0, p - 2.0, p + 1.0, 10.0});
    }
    return bars;
}

} // namespace

TEST(ChartIndicatorValues, followsAColumnWithoutCopyingItAndSeesItsOwnersChanges) {
    auto column = std::make_shared<std::vector<double>>(std::vector<double>{1.0, 2.0, 3.0});
    ChartIndicatorValues values;
    values.follow(column);
    EXPECT_TRUE(values.follows());
    EXPECT_EQ(values.data(), column->data());
    column->push_back(4.0); // the owner appends: seen at once
    const ChartIndicatorValues& reader = values;
    ASSERT_EQ(reader.size(), 4u);
    EXPECT_EQ(reader[3], 4.0);
    EXPECT_EQ(reader.back(), 4.0);
    const std::span<const double> span(reader); // what the renderer builds
    EXPECT_EQ(span.data(), column->data());
    values.resize(4, NAN); // the size it has already: still no copy
    EXPECT_TRUE(values.follows());
}

TEST(ChartIndicatorValues, writingMakesAnOwnCopyAndNeverChangesTheOwnersColumn) {
    auto column = std::make_shared<std::vector<double>>(std::vector<double>{1.0, 2.0, 3.0});
    ChartIndicatorValues values;
    values.follow(column);
    values[1] = 20.0;
    EXPECT_FALSE(values.follows());
    EXPECT_EQ((*column)[1], 2.0);
    EXPECT_EQ(std::as_const(values)[1], 20.0);
    EXPECT_NE(values.data(), column->data());

    values.follow(column);
    values.push_back(9.0);
    EXPECT_EQ(column->size(), 3u);
    EXPECT_EQ(values.size(), 4u);

    values.follow(nullptr); // nothing to follow: an empty own column
    EXPECT_FALSE(values.follows());
    EXPECT_TRUE(values.empty());
    values = {5.0, NAN};
    EXPECT_EQ(values.size(), 2u);
    EXPECT_TRUE(std::isnan(std::as_const(values)[1]));
}

TEST(ChartModel, followedBarsAreShownWithoutACopyAndIndexedAfterTheOwnerChangesThem) {
    auto bars = ramp(100);
    auto sma = std::make_shared<std::vector<double>>(100, 50.0);
    ChartModel model;
    EXPECT_FALSE(model.followsBars()); // a new model owns its (empty) bars
    model.followBars(bars);
    ChartIndicator line("line", Placement::PriceOverlay);
    line.addOutput("v", Qt::red).values.follow(sma);
    model.addIndicator(std::move(line));
    EXPECT_TRUE(model.followsBars());
    EXPECT_EQ(&model.bars(), bars.get());
    EXPECT_EQ(model.indicators()[0]->outputs()[0].values.data(), sma->data());

    // The owner revises the last bar and appends one far outside the range so far.
    bars->updateLast({99, 199.0, 500.0, 197.0, 200.0, 10.0});
    bars->append({100, 200.0, 201.0, 1.0, 200.5, 7.0});
    sma->back() = 60.0;
    sma->push_back(900.0);
    model.sourceChanged();
    EXPECT_EQ(model.size(), 101u);
    const auto range =
        model.highLow(ChartStyle::Candles).query(model.bars().low(), model.bars().high(), 90, 101);
    EXPECT_EQ(range.high, 500.0);
    EXPECT_EQ(range.low, 1.0);
    EXPECT_EQ(model.indicators()[0]->range(0, 101).high, 900.0);
    EXPECT_EQ(model.indicators()[0]->outputs()[0].values.data(), sma->data());

    // A change made through the model becomes the model's own copy; the owner's stays put.
    model.appendBar({101, 1.0, 1.0, 1.0, 1.0, 1.0});
    EXPECT_FALSE(model.followsBars());
    EXPECT_EQ(bars->size(), 101u);
    EXPECT_EQ(model.size(), 102u);
}
