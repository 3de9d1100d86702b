// SPDX-License-Identifier: MIT
#pragma once

#include "core/domain/Timestamp.hpp"

namespace cw::adapters::sim {

/// Maps wall-clock time to simulated time: simulated = anchorSim + speed x (wall - anchorWall).
/// Changing the speed re-anchors at that moment, so simulated time never jumps.
/// Pure: the caller passes the wall time (steady clock, ns), which keeps it testable.
///
/// Thread: not thread-safe; one owner.
class SimulationClock {
public:
    /// Simulated time `simulatedStart` at wall time `wallStart`. Precondition (CW_ASSERT):
    /// speed is finite and > 0.
    SimulationClock(TimestampNs simulatedStart, TimestampNs wallStart, double speed);

    /// The simulated time at `wallNow`; never earlier than at any previous call.
    TimestampNs simulatedAt(TimestampNs wallNow);
    /// From `wallNow` on, run at `speed`. Precondition (CW_ASSERT): finite and > 0.
    void setSpeed(double speed, TimestampNs wallNow);
    double speed() const { return m_speed; }

private:
    TimestampNs m_anchorSimulated;
    TimestampNs m_anchorWall;
    double m_speed;
    TimestampNs m_lastSimulated;
};

} // namespace cw::adapters::sim
