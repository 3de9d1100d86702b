// SPDX-License-Identifier: MIT
#include "core/risk/GbmPathSimulator.hpp"

#include <cmath>
#include <gtest/gtest.h>
#include <vector>

using namespace cw;
using namespace cw::risk;

TEST(GbmPathSimulator, terminalPriceIsTheLastPointOfTheSteppedPath) {
    GbmParameters gbm{100.0, 0.05, 0.3, 1.0 / 252};
    for (std::size_t steps : {1U, 7U, 252U, 300U}) { // 300 crosses a batch boundary
        auto sim = GbmPathSimulator::create(gbm, steps, 99);
        ASSERT_TRUE(sim.hasValue());
        std::vector<double> terminal(5);
        sim->simulateTerminal(0, terminal);
        for (std::size_t p = 0; p < terminal.size(); ++p) {
            std::vector<double> path(steps + 1);
            sim->simulatePath(p, path);
            EXPECT_EQ(path.front(), 100.0);
            EXPECT_EQ(path.back(), terminal[p]) << "steps " << steps << " path " << p;
        }
    }
}

TEST(GbmPathSimulator, everyStepMovesThePrice) {
    auto sim = GbmPathSimulator::create({100.0, 0.0, 0.2, 1.0 / 252}, 252, 1);
    ASSERT_TRUE(sim.hasValue());
    std::vector<double> path(253);
    sim->simulatePath(3, path);
    for (std::size_t k = 1; k < path.size(); ++k) {
        EXPECT_NE(path[k], path[k - 1]) << "step " << k;
        EXPECT_GT(path[k], 0.0);
        // One daily step at 20%/yr: |log move| under 8 sigma = 0.1.
        EXPECT_LT(std::fabs(std::log(path[k] / path[k - 1])), 0.1);
    }
}

TEST(GbmPathSimulator, zeroVolatilityGrowsAtTheDrift) {
    auto sim = GbmPathSimulator::create({80.0, 0.1, 0.0, 0.5}, 4, 3);
    ASSERT_TRUE(sim.hasValue());
    std::vector<double> path(5);
    sim->simulatePath(0, path);
    for (std::size_t k = 0; k < path.size(); ++k)
        EXPECT_NEAR(path[k], 80.0 * std::exp(0.1 * 0.5 * static_cast<double>(k)), 1e-9);
}

TEST(GbmPathSimulator, pathsDependOnlyOnSeedAndIndex) {
    auto sim = GbmPathSimulator::create({}, 252, 42);
    ASSERT_TRUE(sim.hasValue());
    std::vector<double> all(600);
    sim->simulateTerminal(0, all);
    std::vector<double> middle(10);
    sim->simulateTerminal(300, middle);
    for (std::size_t i = 0; i < middle.size(); ++i)
        EXPECT_EQ(middle[i], all[300 + i]);
    EXPECT_NE(all[0], all[1]);
    for (unsigned threads : {1U, 2U, 3U, 8U}) {
        std::vector<double> parallel(600);
        sim->simulateTerminalParallel(parallel, threads);
        EXPECT_EQ(parallel, all) << threads << " threads";
    }
}

TEST(GbmPathSimulator, rejectsInvalidParameters) {
    EXPECT_FALSE(GbmPathSimulator::create({0.0, 0.05, 0.2, 1.0 / 252}, 10, 1).hasValue());
    EXPECT_FALSE(GbmPathSimulator::create({-5.0, 0.05, 0.2, 1.0 / 252}, 10, 1).hasValue());
    EXPECT_FALSE(GbmPathSimulator::create({100.0, 0.05, -0.2, 1.0 / 252}, 10, 1).hasValue());
    EXPECT_FALSE(GbmPathSimulator::create({100.0, 0.05, 0.2, 0.0}, 10, 1).hasValue());
    EXPECT_FALSE(GbmPathSimulator::create({100.0, std::nan(""), 0.2, 0.1}, 10, 1).hasValue());
    EXPECT_FALSE(GbmPathSimulator::create({100.0, 0.05, 0.2, 1.0 / 252}, 0, 1).hasValue());
}
