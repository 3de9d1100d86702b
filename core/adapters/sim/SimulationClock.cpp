// SPDX-License-Identifier: MIT
#include "core/adapters/sim/SimulationClock.hpp"

#include "core/common/Assert.hpp"

#include <algorithm>
#include <cmath>

namespace cw::adapters::sim {

SimulationClock::SimulationClock(TimestampNs simulatedStart, TimestampNs wallStart, double speed)
    : m_anchorSimulated(simulatedStart), m_anchorWall(wallStart), m_speed(speed),
      m_lastSimulated(simulatedStart) {
    CW_ASSERT(std::isfinite(speed) && speed > 0.0);
}

TimestampNs SimulationClock::simulatedAt(TimestampNs wallNow) {
    const double elapsed = static_cast<double>(wallNow - m_anchorWall) * m_speed;
    const TimestampNs simulated =
        m_anchorSimulated + static_cast<TimestampNs>(std::llround(elapsed));
    m_lastSimulated = std::max(m_lastSimulated, simulated);
    return m_lastSimulated;
}

void SimulationClock::setSpeed(double speed, TimestampNs wallNow) {
    CW_ASSERT(std::isfinite(speed) && speed > 0.0);
    m_anchorSimulated = simulatedAt(wallNow);
    m_anchorWall = wallNow;
    m_speed = speed;
}

} // namespace cw::adapters::sim
