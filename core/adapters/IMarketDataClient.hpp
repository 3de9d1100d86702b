// SPDX-License-Identifier: MIT
#pragma once

#include "core/adapters/MarketDataCapabilities.hpp"
#include "core/adapters/MarketDataCommands.hpp"
#include "core/common/Result.hpp"

#include <string_view>

namespace cw::adapters {

/// The market-data role of one venue: streams trades and quotes, answers history requests.
/// Real venues (WebSocket/REST, TWS socket, MT5 bridge) and the simulated exchange all
/// implement it, so the engine cannot tell them apart.
///
/// Commands go in as structs and never block on the network: a returned error only means
/// "rejected locally" (not connected, unknown symbol, bad argument); success means "sent".
/// Everything the venue says, including its rejections, comes back as MarketDataEvents
/// through the IMarketDataSink given at construction (see AdapterRegistry).
///
/// Thread: every member function is called from one owner thread (the engine thread); none
/// blocks for more than a few milliseconds. Events are posted from the adapter's own
/// thread(s). The destructor disconnects (if needed) and joins the adapter's threads; after it
/// (and after `disconnect()` returns) nothing more is posted to the sink.
class IMarketDataClient {
public:
    virtual ~IMarketDataClient() = default;

    /// The venue's name as it appears in InstrumentKey::venue and FeedStatusChanged::venue.
    virtual std::string_view venue() const = 0;
    virtual const MarketDataCapabilities& capabilities() const = 0;

    /// Starts connecting; reports FeedStatusChanged Connecting, then Connected (or Error).
    /// Calling it while connecting or connected is harmless (no error, no new events).
    virtual Result<void> connect() = 0;
    /// Closes the feed and drops all subscriptions; reports Disconnected. Returns once the
    /// adapter's threads have stopped posting. Idempotent.
    virtual void disconnect() = 0;

    /// Local errors: NotFound for a symbol the venue does not list, InvalidArgument for a
    /// wrong venue or no stream selected, or when not connecting/connected.
    virtual Result<void> subscribe(const SubscribeMarketData& command) = 0;
    virtual Result<void> unsubscribe(const UnsubscribeMarketData& command) = 0;

    /// Answered by BarsReceived with the same requestId (even when the venue fails, then with
    /// `error` set). Local errors: NotFound (symbol), Unsupported (timeframe not in
    /// capabilities), InvalidArgument (limit outside 1..maxBarsPerRequest, not connected).
    virtual Result<void> requestBars(const RequestBars& command) = 0;

    /// For replay-like feeds (the simulated exchange, a backtest replay): plays the market
    /// `speed` times faster than the wall clock from now on, without a jump in the feed's time.
    /// Errors: Unsupported for feeds that follow the real clock (the default), InvalidArgument
    /// for a speed the feed does not accept (NaN, out of its range).
    virtual Result<void> setPlaybackSpeed(double speed) {
        (void)speed;
        return fail(ErrorCode::Unsupported, "this feed plays at the speed of the real market");
    }
};

} // namespace cw::adapters
