// SPDX-License-Identifier: MIT
#pragma once

#include "core/adapters/ExecutionEvents.hpp"

namespace cw::adapters {

/// Where execution clients push their events: implemented by the engine's event queue (and by
/// test recorders). The contract is IMarketDataSink's: thread-safe, never blocks on the
/// consumer, never throws, events of one venue posted from one thread arrive in order. Unlike
/// market data, execution events must never be dropped: an implementation that bounds its
/// queue grows it (or blocks briefly) rather than lose an order event.
class IExecutionSink {
public:
    virtual ~IExecutionSink() = default;

    /// Takes ownership of one event. Thread: any.
    virtual void post(ExecutionEvent&& event) = 0;
};

} // namespace cw::adapters
