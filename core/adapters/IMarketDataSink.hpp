// SPDX-License-Identifier: MIT
#pragma once

#include "core/adapters/MarketDataEvents.hpp"

namespace cw::adapters {

/// Where adapters push market-data events: implemented by the engine's event queue (and by
/// test recorders). One sink usually receives the events of every venue.
///
/// Contract for implementers:
/// - `post` is thread-safe: it is called from adapter threads (one or more per venue) and
///   sometimes from the thread that sent a command; it must not call back into the adapter.
/// - It returns quickly (enqueue, wake the consumer); it must not block on the consumer.
/// - Events of one venue posted from one thread are delivered in the order posted.
/// - It never throws.
///
/// Contract for adapters: post events of one instrument in venue time order from one thread;
/// never post after the client's `disconnect()` returned or after it was destroyed.
class IMarketDataSink {
public:
    virtual ~IMarketDataSink() = default;

    /// Takes ownership of one event. Thread: any.
    virtual void post(MarketDataEvent&& event) = 0;
};

} // namespace cw::adapters
