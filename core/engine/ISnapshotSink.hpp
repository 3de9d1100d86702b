// SPDX-License-Identifier: MIT
#pragma once

#include "core/engine/SnapshotBatch.hpp"

namespace cw::engine {

/// Receives the engine's snapshot batches, at most one per frame interval.
/// Thread: `publish` is called on the engine thread; implementations hand the batch over to
/// their own thread (ui/bridge queues it to the GUI) and return quickly, never blocking on
/// the receiving thread.
class ISnapshotSink {
public:
    virtual ~ISnapshotSink() = default;
    virtual void publish(SnapshotBatch batch) = 0;
};

} // namespace cw::engine
