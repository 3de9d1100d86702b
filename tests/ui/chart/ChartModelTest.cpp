// SPDX-License-Identifier: MIT
#include "ui/chart/ChartModel.hpp"

#include "core/indicators/IStreamingIndicator.hpp"
#include "ui/chart/ChartIndicator.hpp"

#include <cmath>
#include <gtest/gtest.h>
#include <memory>

using cw::BarSeries;
using cw::OhlcvRow;
using cw::indicators::Placement;
using cw::ui::ChartIndicator;
using cw::ui::ChartModel;
using cw::ui::ChartStyle;

namespace {

/// A streaming stand-in: the running maximum of the closes of the final bars plus the
/// forming one. Enough to see that the model feeds update/updateLast correctly.
class RunningMaxClose final : public cw::indicators::IStreamingIndicator {
public:
    void update(const OhlcvRow& bar) override {
        m_final = m_count > 0 ? std::max(m_final, m_last) : -INFINITY;
        m_last = bar.close;
        ++m_count;
    }
    void updateLast(const OhlcvRow& bar) override {
        if (m_count == 0) {
            update(bar);
            return;
        }
        m_last = bar.close;
    }
    void reset() override { m_count = 0; }
    std::size_t outputCount() const override { return 1; }
    double value(std::size_t) const override {
        return m_count < 2 ? NAN : std::max(m_final, m_last); // warm-up: first bar has no value
    }

private:
    double m_final = -INFINITY;
    double m_last = 0.0;
    std::size_t m_count = 0;
};

BarSeries rampBars(std::size_t n) {
    BarSeries bars;
    for (std::size_t i = 0; i < n; ++i) {
        const double p = 100.0 + static_cast<double>(i);
        bars.append({static_cast<cw::TimestampNs>(i), p, p + 2.0, p - 2.0, p + 1.0, 10.0});
    }
    return bars;
}

} // namespace

TEST(ChartModel, appendAndUpdateLastKeepThePyramidsCurrent) {
    ChartModel model;
    model.setBars(rampBars(100));
    model.appendBar({100, 200.0, 201.0, 199.0, 200.5, 5.0});
    model.updateLastBar({100, 200.0, 260.0, 150.0, 255.0, 99.0});
    const auto& bars = model.bars();
    const auto hl = model.highLow(ChartStyle::Candles).query(bars.low(), bars.high(), 95, 101);
    EXPECT_EQ(hl.high, 260.0);
    EXPECT_EQ(hl.low, 150.0);
    const auto vol = model.volumes().query(bars.volume(), bars.volume(), 0, 101);
    EXPECT_EQ(vol.high, 99.0);
    const auto ha = model.highLow(ChartStyle::HeikinAshi);
    const auto& haBars = model.candles(ChartStyle::HeikinAshi);
    EXPECT_EQ(haBars.size(), 101u);
    EXPECT_EQ(ha.query(haBars.low(), haBars.high(), 100, 101).high, 260.0);
}

TEST(ChartModel, updateLastOnAnEmptyModelIsIgnored) {
    ChartModel model;
    model.updateLastBar({1, 1.0, 1.0, 1.0, 1.0, 1.0});
    EXPECT_TRUE(model.empty());
}

TEST(ChartModel, indicatorOutputsArePaddedToTheBarsWithNaN) {
    ChartModel model;
    model.setBars(rampBars(10));
    ChartIndicator ind("X", Placement::OwnPane);
    ind.addOutput("value", Qt::red).values = {1.0, 2.0, 3.0};
    model.addIndicator(std::move(ind));
    const auto& out = model.indicators()[0]->outputs()[0];
    ASSERT_EQ(out.values.size(), 10u);
    EXPECT_TRUE(std::isnan(out.values[9]));
    EXPECT_EQ(model.paneCount(), 1u);
    const auto r = model.indicators()[0]->range(0, 10);
    EXPECT_EQ(r.low, 1.0);
    EXPECT_EQ(r.high, 3.0);
}

TEST(ChartModel, streamingIndicatorFollowsAppendsAndTheFormingBar) {
    ChartModel model;
    ChartIndicator ind("MAXC", Placement::PriceOverlay);
    ind.addOutput("value", Qt::blue);
    ind.setStream(std::make_unique<RunningMaxClose>());
    model.addIndicator(std::move(ind));
    model.appendBar({0, 10, 11, 9, 10, 1});
    model.appendBar({1, 10, 11, 9, 12, 1});
    model.updateLastBar({1, 10, 30, 9, 29, 1});
    model.appendBar({2, 29, 30, 5, 6, 1});
    const auto& out = model.indicators()[0]->outputs()[0];
    ASSERT_EQ(out.values.size(), 3u);
    EXPECT_TRUE(std::isnan(out.values[0]));
    EXPECT_EQ(out.values[1], 29.0); // revised by updateLast, not the first 12
    EXPECT_EQ(out.values[2], 29.0);
    const auto r = model.indicators()[0]->range(0, 3);
    EXPECT_EQ(r.high, 29.0);
    EXPECT_EQ(r.low, 29.0);
}

TEST(ChartIndicator, paneRangeIncludesLevelsAndZeroForHistograms) {
    ChartIndicator ind("MACD", Placement::OwnPane);
    auto& hist = ind.addOutput("hist", Qt::gray, ChartIndicator::OutputStyle::Histogram);
    hist.values = {1.0, 2.0, 3.0};
    ind.setLevels({-5.0});
    ind.refresh();
    const auto r = ind.range(0, 3);
    EXPECT_EQ(r.low, -5.0);
    EXPECT_EQ(r.high, 3.0);
    ind.setFixedRange(10.0, 0.0); // inverted: no fixed range
    EXPECT_FALSE(ind.fixedRange().has_value());
    ind.setFixedRange(0.0, 100.0);
    EXPECT_EQ(ind.fixedRange()->high, 100.0);
    EXPECT_TRUE(std::isnan(ind.valueAt(0, 99)));
    EXPECT_TRUE(std::isnan(ind.valueAt(7, 0)));
}
