// SPDX-License-Identifier: MIT
#pragma once

#include "core/adapters/FeedState.hpp"
#include "core/adapters/InstrumentKey.hpp"
#include "core/common/Error.hpp"
#include "core/domain/Bar.hpp"
#include "core/domain/Instrument.hpp"
#include "core/domain/Quote.hpp"
#include "core/domain/Tick.hpp"
#include "core/domain/Timeframe.hpp"
#include "core/domain/Timestamp.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace cw::adapters {

/// Market-data events: everything a venue says about prices comes back as one of these,
/// pushed by the adapter into its IMarketDataSink. All are plain values (safe to move between
/// threads). TradeReceived and QuoteReceived hold no heap memory, so posting one allocates
/// nothing; the rarer ones (bars, instruments, status) carry vectors and strings.

/// One trade on the tape of a subscribed instrument.
struct TradeReceived {
    InstrumentKey instrument;
    Tick tick;                    ///< tick.time is the venue's trade time
    TimestampNs receivedTime = 0; ///< when the adapter parsed it (local clock; 0 if unknown)
};

/// A new top of book of a subscribed instrument.
struct QuoteReceived {
    InstrumentKey instrument;
    Quote quote;                  ///< quote.time is the venue's time
    TimestampNs receivedTime = 0; ///< when the adapter parsed it (local clock; 0 if unknown)
};

/// The answer to one RequestBars: bars of one instrument and timeframe, oldest first, with
/// strictly increasing open times, all with openTime < the request's endTime. The newest bar
/// may still be forming (its bucket has not ended at the venue); later trades update it.
/// On failure `error` is set and `bars` is empty.
struct BarsReceived {
    std::uint64_t requestId = 0; ///< RequestBars::requestId this answers
    InstrumentKey instrument;
    Timeframe timeframe;
    std::vector<Bar> bars;
    bool hasOlder = false; ///< bars older than bars.front() exist: page with endTime = its openTime
    std::optional<Error> error; ///< set when the venue (or the adapter) could not answer
};

/// The feed of one venue changed state.
struct FeedStatusChanged {
    std::string venue; ///< Instrument::venue of that venue ("SIM", "BINANCE")
    FeedState state = FeedState::Invalid;
    std::string message;  ///< for people: why (empty when there is nothing to say)
    TimestampNs time = 0; ///< when it changed (the adapter's clock; simulated time for "SIM")
};

/// The answer to one RequestInstruments (or an unsolicited refresh, requestId 0): the full
/// list of instruments of a venue.
struct InstrumentsReceived {
    std::uint64_t requestId = 0;
    std::string venue;
    std::vector<Instrument> instruments;
    std::optional<Error> error; ///< set when the list could not be loaded
};

/// Every market-data event, as the engine's queue receives it.
using MarketDataEvent = std::variant<TradeReceived, QuoteReceived, BarsReceived, FeedStatusChanged,
                                     InstrumentsReceived>;

} // namespace cw::adapters
