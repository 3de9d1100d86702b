// SPDX-License-Identifier: MIT
#include "ui/chart/HeikinAshiSeries.hpp"

#include "core/domain/BarSeries.hpp"

#include <gtest/gtest.h>
#include <random>

using cw::BarSeries;
using cw::OhlcvRow;
using cw::ui::HeikinAshiSeries;

TEST(HeikinAshiSeries, followsTheDefinitionOnAHandExample) {
    BarSeries bars;
    bars.append({0, 10.0, 12.0, 9.0, 11.0, 5.0});
    bars.append({1, 11.0, 11.5, 8.0, 8.5, 7.0});
    HeikinAshiSeries ha;
    ha.rebuild(bars);
    ASSERT_EQ(ha.bars().size(), 2u);
    const OhlcvRow a = ha.bars().row(0);
    EXPECT_DOUBLE_EQ(a.open, 10.5);  // (10 + 11) / 2
    EXPECT_DOUBLE_EQ(a.close, 10.5); // (10 + 12 + 9 + 11) / 4
    EXPECT_DOUBLE_EQ(a.high, 12.0);
    EXPECT_DOUBLE_EQ(a.low, 9.0);
    EXPECT_DOUBLE_EQ(a.volume, 5.0);
    const OhlcvRow b = ha.bars().row(1);
    EXPECT_DOUBLE_EQ(b.open, 10.5);  // (10.5 + 10.5) / 2
    EXPECT_DOUBLE_EQ(b.close, 9.75); // (11 + 11.5 + 8 + 8.5) / 4
    EXPECT_DOUBLE_EQ(b.high, 11.5);
    EXPECT_DOUBLE_EQ(b.low, 8.0);
}

TEST(HeikinAshiSeries, incrementalUpdatesMatchARebuild) {
    std::mt19937_64 rng(9);
    std::normal_distribution<double> step(0.0, 1.0);
    BarSeries bars;
    HeikinAshiSeries live;
    double price = 100.0;
    for (int i = 0; i < 500; ++i) {
        OhlcvRow r{i, price, price + 1.0, price - 1.0, price + step(rng), 1.0};
        bars.append(r);
        live.update(bars);
        r.high += 3.0;
        r.close = r.high - 0.5;
        bars.updateLast(r);
        live.update(bars);
        price = r.close;
    }
    HeikinAshiSeries full;
    full.rebuild(bars);
    ASSERT_EQ(live.bars().size(), full.bars().size());
    for (std::size_t i = 0; i < bars.size(); ++i) {
        EXPECT_DOUBLE_EQ(live.bars().open()[i], full.bars().open()[i]);
        EXPECT_DOUBLE_EQ(live.bars().high()[i], full.bars().high()[i]);
        EXPECT_DOUBLE_EQ(live.bars().low()[i], full.bars().low()[i]);
        EXPECT_DOUBLE_EQ(live.bars().close()[i], full.bars().close()[i]);
    }
    const auto lo = live.bars().low();
    const auto hi = live.bars().high();
    const auto r = live.highLow().query(lo, hi, 0, lo.size());
    EXPECT_EQ(r.low, *std::min_element(lo.begin(), lo.end()));
    EXPECT_EQ(r.high, *std::max_element(hi.begin(), hi.end()));
}
