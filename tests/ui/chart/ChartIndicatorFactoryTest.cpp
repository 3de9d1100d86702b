// SPDX-License-Identifier: MIT
#include "ui/chart/ChartIndicatorFactory.hpp"

#include "core/domain/BarSeries.hpp"
#include "core/indicators/IndicatorRegistry.hpp"
#include "ui/chart/ChartModel.hpp"

#include <cmath>
#include <gtest/gtest.h>
#include <random>

using cw::BarSeries;
using cw::OhlcvRow;
using cw::indicators::IndicatorRegistry;
using cw::ui::ChartIndicator;
using cw::ui::ChartIndicatorFactory;
using cw::ui::ChartModel;

namespace {

OhlcvRow nextBar(std::mt19937_64& rng, double& price, std::int64_t i) {
    std::normal_distribution<double> step(0.0, 1.0);
    OhlcvRow r{i * cw::kNsPerMinute, price, 0, 0, 0, 100.0 + static_cast<double>(i % 7)};
    price += step(rng);
    r.close = price;
    r.high = std::max(r.open, r.close) + 0.5;
    r.low = std::min(r.open, r.close) - 0.5;
    return r;
}

void expectSameOutputs(const ChartIndicator& a, const ChartIndicator& b) {
    ASSERT_EQ(a.outputs().size(), b.outputs().size());
    for (std::size_t k = 0; k < a.outputs().size(); ++k) {
        const auto& x = a.outputs()[k].values;
        const auto& y = b.outputs()[k].values;
        ASSERT_EQ(x.size(), y.size());
        for (std::size_t i = 0; i < x.size(); ++i) {
            if (std::isnan(y[i])) {
                EXPECT_TRUE(std::isnan(x[i])) << a.name() << " output " << k << " bar " << i;
            } else {
                EXPECT_NEAR(x[i], y[i], 1e-9 * std::max(1.0, std::abs(y[i])))
                    << a.name() << " output " << k << " bar " << i;
            }
        }
    }
}

} // namespace

TEST(ChartIndicatorFactory, liveUpdatesContinueTheBatchOutputs) {
    const auto& registry = IndicatorRegistry::builtin();
    std::mt19937_64 rng(1);
    double price = 100.0;
    BarSeries history;
    for (std::int64_t i = 0; i < 300; ++i)
        history.append(nextBar(rng, price, i));
    ChartModel model;
    model.setBars(history);
    const char* specs[] = {"sma:20", "rsi:14", "macd:12,26,9", "bbands:20,2"};
    for (const char* spec : specs) {
        auto config = registry.parse(spec);
        ASSERT_TRUE(config.hasValue()) << spec;
        model.addIndicator(ChartIndicatorFactory::create(*config, model.bars()));
    }
    // Live: new bars, each revised a few times while forming.
    for (std::int64_t i = 300; i < 360; ++i) {
        OhlcvRow bar = nextBar(rng, price, i);
        model.appendBar(bar);
        for (int tick = 0; tick < 3; ++tick) {
            bar.close += 0.25;
            bar.high = std::max(bar.high, bar.close);
            model.updateLastBar(bar);
        }
    }
    // The same bars computed in one batch give the same outputs.
    for (std::size_t k = 0; k < std::size(specs); ++k) {
        auto config = registry.parse(specs[k]);
        const ChartIndicator fresh = ChartIndicatorFactory::create(*config, model.bars());
        expectSameOutputs(*model.indicators()[k], fresh);
    }
}

TEST(ChartIndicatorFactory, appliesPaneConventions) {
    const auto& registry = IndicatorRegistry::builtin();
    BarSeries bars;
    auto rsi = ChartIndicatorFactory::create(*registry.parse("rsi:14"), bars);
    EXPECT_FALSE(rsi.isOverlay());
    ASSERT_EQ(rsi.levels().size(), 2u);
    EXPECT_EQ(rsi.levels()[0], 30.0);
    EXPECT_EQ(rsi.fixedRange()->high, 100.0);
    auto macd = ChartIndicatorFactory::create(*registry.parse("macd"), bars);
    ASSERT_EQ(macd.outputs().size(), 3u);
    EXPECT_EQ(macd.outputs()[2].style, ChartIndicator::OutputStyle::Histogram);
    auto sma = ChartIndicatorFactory::create(*registry.parse("sma:20"), bars);
    EXPECT_TRUE(sma.isOverlay());
    EXPECT_EQ(sma.name(), "SMA 20");
    EXPECT_TRUE(sma.outputs()[0].values.empty()); // no bars, no values
}
