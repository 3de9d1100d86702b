// SPDX-License-Identifier: MIT
// Batch versus streaming, for every registered indicator, through the registry: the streaming
// form fed bar by bar with revisions of the forming bar must give the batch kernel's value at
// every index (relative 1e-9, NaN where the batch has NaN).
#include "core/indicators/IndicatorRegistry.hpp"
#include "tests/unit/indicators/IndicatorTestData.hpp"

#include <gtest/gtest.h>
#include <limits>
#include <string>

namespace cw::indicators {
namespace {

using test::closeEnough;
using test::RandomWalk;
using test::TestBars;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::vector<std::vector<double>> runBatch(const ConfiguredIndicator& ind, const TestBars& bars) {
    std::vector<std::vector<double>> storage(ind.descriptor().outputs.size(),
                                             std::vector<double>(bars.size(), -12345.0));
    std::vector<std::span<double>> outputs(storage.begin(), storage.end());
    ind.computeBatch(bars.view(), outputs);
    return storage;
}

/// Parameter sets: the defaults and the smallest values each parameter allows (a "slow"
/// period one above its minimum, so that it stays above "fast").
std::vector<std::vector<double>> parameterSets(const IndicatorDescriptor& d) {
    std::vector<double> defaults, smallest;
    for (const auto& p : d.parameters) {
        defaults.push_back(p.defaultValue);
        smallest.push_back(p.minValue + (p.name == "slow" ? 1.0 : 0.0));
    }
    return {defaults, smallest};
}

/// Checks a stream fed each bar as an early version, two revisions and the true bar against
/// the batch outputs; returns the number of mismatches (reports the first few).
int compareWithRevisions(const ConfiguredIndicator& ind, const TestBars& bars,
                         const std::vector<std::vector<double>>& batch, RandomWalk& noise) {
    auto stream = ind.makeStream();
    EXPECT_EQ(stream->outputCount(), batch.size());
    int mismatches = 0;
    const BarSeriesView view = bars.view();
    for (std::size_t i = 0; i < bars.size(); ++i) {
        const OhlcvRow bar = view.row(i);
        // The bar as first seen: one trade at the open, then two different intrabar states.
        OhlcvRow first{bar.time, bar.open, bar.open, bar.open, bar.open, bar.volume * 0.1};
        stream->update(first);
        for (int r = 0; r < 2; ++r) {
            const double close = bar.open * (1.0 + 0.01 * (noise.uniform() - 0.5));
            OhlcvRow revision{bar.time,
                              bar.open,
                              std::max(bar.open, close) * (1.0 + 0.001 * noise.uniform()),
                              std::min(bar.open, close) * (1.0 - 0.001 * noise.uniform()),
                              close,
                              bar.volume * noise.uniform()};
            stream->updateLast(revision);
        }
        stream->updateLast(bar);
        for (std::size_t k = 0; k < batch.size(); ++k) {
            if (!closeEnough(batch[k][i], stream->value(k)) && ++mismatches <= 3) {
                ADD_FAILURE() << ind.label() << " output " << k << " at bar " << i << ": batch "
                              << batch[k][i] << ", stream " << stream->value(k);
            }
        }
    }
    return mismatches;
}

TEST(IndicatorAgreement, streamsWithRevisionsMatchBatchOn100kBars) {
    RandomWalk walk(20240102);
    const TestBars bars = walk.bars(100'000);
    RandomWalk noise(7);
    const auto& registry = IndicatorRegistry::builtin();
    for (const auto& d : registry.descriptors()) {
        for (const auto& params : parameterSets(d)) {
            auto ind = registry.configure(d.name, params);
            ASSERT_TRUE(ind.hasValue()) << d.name << ": " << ind.error().message;
            const auto batch = runBatch(*ind, bars);
            // The kernels must produce real values after warm-up, or agreement proves nothing.
            for (const auto& out : batch)
                EXPECT_FALSE(std::isnan(out.back())) << ind->label();
            EXPECT_EQ(compareWithRevisions(*ind, bars, batch, noise), 0) << ind->label();
        }
    }
}

TEST(IndicatorAgreement, resetStartsOver) {
    RandomWalk walk(3);
    const TestBars bars = walk.bars(300);
    for (const auto& d : IndicatorRegistry::builtin().descriptors()) {
        auto ind = IndicatorRegistry::builtin().configure(d.name, {});
        ASSERT_TRUE(ind.hasValue());
        auto stream = ind->makeStream();
        for (std::size_t i = 0; i < bars.size(); ++i)
            stream->update(bars.view().row(bars.size() - 1 - i)); // other data first
        stream->reset();
        for (std::size_t k = 0; k < stream->outputCount(); ++k)
            EXPECT_TRUE(std::isnan(stream->value(k))) << d.name << " after reset";
        const auto batch = runBatch(*ind, bars);
        for (std::size_t i = 0; i < bars.size(); ++i) {
            stream->update(bars.view().row(i));
            for (std::size_t k = 0; k < batch.size(); ++k)
                ASSERT_TRUE(closeEnough(batch[k][i], stream->value(k))) << d.name << " bar " << i;
        }
    }
}

// Empty input: the batch kernels write nothing and do not crash; a stream that has seen no bar
// reports NaN for every output.
TEST(IndicatorAgreement, emptyInputGivesEmptyOutputAndNaNStreams) {
    const TestBars none;
    for (const auto& d : IndicatorRegistry::builtin().descriptors()) {
        auto ind = IndicatorRegistry::builtin().configure(d.name, {});
        ASSERT_TRUE(ind.hasValue());
        const auto batch = runBatch(*ind, none);
        for (const auto& out : batch)
            EXPECT_TRUE(out.empty());
        auto stream = ind->makeStream();
        for (std::size_t k = 0; k < stream->outputCount(); ++k)
            EXPECT_TRUE(std::isnan(stream->value(k))) << d.name;
    }
}

// Input with NaN prices and volumes: no crash, and the streaming form still agrees with the
// batch kernel (NaN where the batch has NaN). What each indicator outputs around a NaN bar is
// in docs/indicators.md and is checked in the per-indicator tests.
TEST(IndicatorAgreement, nanInputStillAgreesAndDoesNotCrash) {
    RandomWalk walk(11);
    TestBars bars = walk.bars(2'000);
    for (std::size_t i : {0u, 500u, 501u, 1200u}) {
        bars.close[i] = kNaN;
        bars.high[i] = kNaN;
    }
    bars.low[900] = kNaN;
    bars.volume[1500] = kNaN;
    for (const auto& d : IndicatorRegistry::builtin().descriptors()) {
        auto ind = IndicatorRegistry::builtin().configure(d.name, {});
        ASSERT_TRUE(ind.hasValue());
        const auto batch = runBatch(*ind, bars);
        auto stream = ind->makeStream();
        int mismatches = 0;
        for (std::size_t i = 0; i < bars.size(); ++i) {
            stream->update(bars.view().row(i));
            for (std::size_t k = 0; k < batch.size(); ++k) {
                if (!closeEnough(batch[k][i], stream->value(k)) && ++mismatches <= 3) {
                    ADD_FAILURE() << d.name << " output " << k << " at bar " << i << ": batch "
                                  << batch[k][i] << ", stream " << stream->value(k);
                }
            }
        }
    }
}

// Every output column name is unique across the registry's default configurations.
TEST(IndicatorAgreement, everyIndicatorIsRegisteredWithOutputs) {
    const auto& registry = IndicatorRegistry::builtin();
    const std::vector<std::string> expected = {"sma",      "ema",    "wma",   "rsi",  "macd",
                                               "bbands",   "atr",    "stoch", "vwap", "obv",
                                               "donchian", "stddev", "zscore"};
    ASSERT_EQ(registry.descriptors().size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        const auto& d = registry.descriptors()[i];
        EXPECT_EQ(d.name, expected[i]);
        EXPECT_FALSE(d.outputs.empty());
        EXPECT_NE(d.placement, Placement::Invalid) << d.name;
        EXPECT_TRUE(d.batch && d.stream) << d.name;
        for (const auto& p : d.parameters) {
            EXPECT_NE(p.type, ParameterType::Invalid) << d.name << "." << p.name;
            EXPECT_LE(p.minValue, p.defaultValue) << d.name << "." << p.name;
            EXPECT_LE(p.defaultValue, p.maxValue) << d.name << "." << p.name;
        }
    }
}

} // namespace
} // namespace cw::indicators
