// SPDX-License-Identifier: MIT
#include "core/adapters/sim/SimulationClock.hpp"

#include <gtest/gtest.h>

using namespace cw;
using cw::adapters::sim::SimulationClock;

TEST(SimulationClock, oneWallSecondAtHundredTimesIsHundredSimulatedSeconds) {
    const TimestampNs simStart = 1'000 * kNsPerSecond;
    const TimestampNs wallStart = 5 * kNsPerSecond;
    SimulationClock clock(simStart, wallStart, 100.0);
    EXPECT_EQ(clock.simulatedAt(wallStart), simStart);
    EXPECT_EQ(clock.simulatedAt(wallStart + 10 * kNsPerMillisecond), simStart + kNsPerSecond);
    EXPECT_EQ(clock.simulatedAt(wallStart + kNsPerSecond), simStart + 100 * kNsPerSecond);
}

TEST(SimulationClock, changingSpeedNeverJumps) {
    SimulationClock clock(0, 0, 1000.0);
    EXPECT_EQ(clock.simulatedAt(kNsPerSecond), 1000 * kNsPerSecond);
    clock.setSpeed(1.0, kNsPerSecond);
    EXPECT_EQ(clock.simulatedAt(kNsPerSecond), 1000 * kNsPerSecond);
    EXPECT_EQ(clock.simulatedAt(2 * kNsPerSecond), 1001 * kNsPerSecond);
    EXPECT_DOUBLE_EQ(clock.speed(), 1.0);
}

TEST(SimulationClock, neverRunsBackwardsWhenTheWallClockDoes) {
    SimulationClock clock(0, 0, 10.0);
    const TimestampNs later = clock.simulatedAt(kNsPerSecond);
    EXPECT_EQ(clock.simulatedAt(kNsPerSecond / 2), later);
}
