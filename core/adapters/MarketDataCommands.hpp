// SPDX-License-Identifier: MIT
#pragma once

#include "core/adapters/InstrumentKey.hpp"
#include "core/domain/Timeframe.hpp"
#include "core/domain/Timestamp.hpp"

#include <cstdint>
#include <limits>

namespace cw::adapters {

/// Commands to a market-data client (IMarketDataClient) and an instrument provider
/// (IInstrumentProvider). Plain values; the client answers through events.

/// Start streaming trades and/or quotes of one instrument (TradeReceived, QuoteReceived).
/// Subscribing to what is already subscribed is harmless.
struct SubscribeMarketData {
    InstrumentKey instrument;
    bool trades = true;
    bool quotes = true;
};

/// Stop streaming the named streams of one instrument; unknown or unsubscribed ones are
/// ignored.
struct UnsubscribeMarketData {
    InstrumentKey instrument;
    bool trades = true;
    bool quotes = true;
};

/// Ask for history bars; answered by one BarsReceived with the same requestId. The answer
/// holds the newest `limit` bars with openTime < endTime, oldest first. To page backwards,
/// ask again with endTime = the oldest bar's openTime until BarsReceived::hasOlder is false.
struct RequestBars {
    /// endTime meaning "up to now, including the bar still forming".
    static constexpr TimestampNs kLatest = std::numeric_limits<TimestampNs>::max();

    std::uint64_t requestId = 0; ///< chosen by the caller; echoed in the answer
    InstrumentKey instrument;
    Timeframe timeframe;           ///< one of MarketDataCapabilities::historyTimeframes
    TimestampNs endTime = kLatest; ///< exclusive bound on openTime
    int limit = 500;               ///< 1..MarketDataCapabilities::maxBarsPerRequest
};

/// Ask for the venue's instrument list; answered by one InstrumentsReceived.
struct RequestInstruments {
    std::uint64_t requestId = 0;
};

} // namespace cw::adapters
