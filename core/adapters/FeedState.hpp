// SPDX-License-Identifier: MIT
#pragma once

#include <string_view>

namespace cw::adapters {

/// The health of one venue's market-data feed, as reported by FeedStatusChanged.
enum class FeedState {
    Invalid = 0,
    Connecting,   ///< connect() was called; the session is being set up (or re-established)
    Connected,    ///< data flows; subscriptions are live
    Stale,        ///< connected, but nothing arrived for longer than the venue's heartbeat
    Disconnected, ///< closed on request (disconnect) or by the venue; no data until connect()
    Error,        ///< failed; the message says why; the adapter may retry (then Connecting)
};

/// "Connecting", "Connected", ...; "Invalid" for Invalid or an unknown value.
constexpr std::string_view feedStateName(FeedState state) {
    switch (state) {
    case FeedState::Connecting:
        return "Connecting";
    case FeedState::Connected:
        return "Connected";
    case FeedState::Stale:
        return "Stale";
    case FeedState::Disconnected:
        return "Disconnected";
    case FeedState::Error:
        return "Error";
    case FeedState::Invalid:
        break;
    }
    return "Invalid";
}

} // namespace cw::adapters
