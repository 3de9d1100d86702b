// SPDX-License-Identifier: MIT
#pragma once

#include "core/adapters/ExecutionEvents.hpp"
#include "core/adapters/InstrumentKey.hpp"
#include "core/adapters/MarketDataEvents.hpp"
#include "core/domain/Bar.hpp"
#include "core/domain/Currency.hpp"
#include "core/domain/Instrument.hpp"
#include "core/domain/Money.hpp"
#include "core/domain/OrderStatus.hpp"
#include "core/domain/OrderType.hpp"
#include "core/domain/Price.hpp"
#include "core/domain/Quantity.hpp"
#include "core/domain/Side.hpp"
#include "core/domain/TimeInForce.hpp"
#include "core/domain/Timestamp.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace cw::adapters::binance {

/// The values the Binance parsers produce besides the shared market-data and execution
/// events: things only the Binance adapter itself consumes (order book maintenance, kline
/// updates, venue replies). All plain values; times are ns since the epoch, UTC.

/// The venue name used in every InstrumentKey and event of this adapter.
inline constexpr std::string_view kBinanceVenue = "BINANCE";

/// One price level of a book side: the quantity now resting at `price` (0: level removed).
struct BinanceBookLevel {
    Price price;
    Quantity quantity;

    friend bool operator==(const BinanceBookLevel&, const BinanceBookLevel&) = default;
};

/// A diff-depth event (`depthUpdate`): the levels that changed between update ids
/// `firstUpdateId` (U) and `finalUpdateId` (u), both inclusive.
struct BinanceDepthUpdate {
    InstrumentKey instrument;
    TimestampNs eventTime = 0;
    std::uint64_t firstUpdateId = 0;
    std::uint64_t finalUpdateId = 0;
    std::vector<BinanceBookLevel> bids; ///< as sent (best first is not guaranteed)
    std::vector<BinanceBookLevel> asks;
};

/// A depth snapshot: GET /api/v3/depth, or a partial book stream (`@depth5/10/20`, which
/// are snapshots of the top levels, `partial` true).
struct BinanceDepthSnapshot {
    InstrumentKey instrument; ///< empty when neither the payload nor the caller named it
    std::uint64_t lastUpdateId = 0;
    std::vector<BinanceBookLevel> bids; ///< best (highest) first, as sent
    std::vector<BinanceBookLevel> asks; ///< best (lowest) first, as sent
    bool partial = false;
};

/// A kline stream update: the bar of `bar.openTime` so far. The venue re-sends the same
/// bar until `closed`; the forming one replaces the previous update of the same open time.
struct BinanceKlineUpdate {
    InstrumentKey instrument;
    Bar bar;
    bool closed = false;
    TimestampNs eventTime = 0;
    TimestampNs receivedTime = 0;
};

/// `serverShutdown`: the venue will drop this connection soon; reconnect now.
struct BinanceServerShutdown {
    TimestampNs eventTime = 0;
};

/// The answer to a market-stream control message (SUBSCRIBE, LIST_SUBSCRIPTIONS...):
/// `{"result":..., "id":...}`.
struct BinanceControlReply {
    std::string id;         ///< the request id as text ("1", "abc"); empty for null
    std::string resultJson; ///< the raw JSON of `result` ("null", "[\"btcusdt@trade\"]")
};

/// An error answer: REST body, WebSocket API `error`, or a market-stream control error.
struct BinanceVenueError {
    int httpStatus = 0; ///< the HTTP or WebSocket API status; 0 when unknown
    int code = 0;       ///< the venue's code (-1121); 0 when absent
    std::string message;
    /// WebSocket API bans (`error.data.retryAfter`, ms since the epoch, converted); else 0.
    TimestampNs retryAfter = 0;
};

/// Everything a market-data stream message can be.
using BinanceMarketDataMessage =
    std::variant<TradeReceived, QuoteReceived, BinanceKlineUpdate, BinanceDepthUpdate,
                 BinanceDepthSnapshot, BinanceServerShutdown, BinanceControlReply,
                 BinanceVenueError>;

/// `balanceUpdate`: a deposit, withdrawal or transfer changed a balance by `delta`.
struct BinanceBalanceDelta {
    Currency asset;
    Money delta;
    TimestampNs clearTime = 0;
    TimestampNs eventTime = 0;
};

/// The user-data subscription ended (`eventStreamTerminated`, `listenKeyExpired`):
/// subscribe again.
struct BinanceStreamTerminated {
    std::string eventType;
    TimestampNs eventTime = 0;
};

/// A user-data event that carries nothing for the engine (`listStatus`,
/// `externalLockUpdate`, an executionReport such as TRADE_PREVENTION that leaves the order
/// working); kept so the adapter can count and log it.
struct BinanceIgnoredEvent {
    std::string eventType;
    std::string detail;
};

/// Everything a user-data event can be.
using BinanceUserDataEvent =
    std::variant<OrderAccepted, OrderFilled, OrderCanceled, OrderRejected, OrderExpired,
                 OrderReplaced, AccountUpdated, BinanceBalanceDelta, BinanceStreamTerminated,
                 BinanceIgnoredEvent>;

/// One user-data event and, on the WebSocket API, the subscription it came from.
struct BinanceUserDataMessage {
    std::optional<std::int64_t> subscriptionId; ///< absent on legacy listenKey streams
    BinanceUserDataEvent event;
};

/// One entry of a WebSocket API reply's `rateLimits`.
struct BinanceRateLimitUsage {
    std::string rateLimitType; ///< "REQUEST_WEIGHT", "ORDERS", "RAW_REQUESTS"
    std::string interval;      ///< "SECOND", "MINUTE", "HOUR", "DAY"
    int intervalNum = 0;
    std::int64_t limit = 0;
    std::int64_t count = 0;
};

/// A WebSocket API reply `{"id":..., "status":..., "result":... | "error":...}`.
struct BinanceWsApiResponse {
    std::string id;
    int status = 0;
    std::string resultJson; ///< raw JSON of `result` (feed it to BinanceRestParser); empty on error
    std::optional<BinanceVenueError> error;
    std::vector<BinanceRateLimitUsage> rateLimits;
};

/// A frame on the WebSocket API connection: a reply or a user-data event.
using BinanceWsApiFrame = std::variant<BinanceWsApiResponse, BinanceUserDataMessage>;

/// GET /api/v3/exchangeInfo, reduced to what the workstation uses.
struct BinanceExchangeInfo {
    TimestampNs serverTime = 0;
    std::vector<Instrument> instruments;
    std::vector<BinanceRateLimitUsage> rateLimits; ///< `count` is 0 here
    /// Symbols left out and why ("XYZ: status BREAK", "ABC: tickSize missing").
    std::vector<std::string> skipped;
};

/// One fill of a FULL order response.
struct BinanceOrderFill {
    Price price;
    Quantity quantity;
    Money commission;
    std::int64_t tradeId = 0;
};

/// An order as REST or the WebSocket API describes it: new-order responses (ACK, RESULT,
/// FULL), cancel responses, query order and openOrders entries. Fields a response type
/// does not carry keep their defaults; `hasDetails` tells RESULT/FULL from ACK.
struct BinanceOrder {
    InstrumentKey instrument;
    std::int64_t orderId = 0;
    std::int64_t orderListId = -1;
    std::string clientOrderId;
    std::string origClientOrderId; ///< cancel responses only
    TimestampNs transactTime = 0;  ///< new-order and cancel responses
    TimestampNs createdTime = 0;   ///< `time` of query order / openOrders
    bool hasDetails = false;
    Price price;
    Price stopPrice;
    Quantity originalQuantity;
    Quantity executedQuantity;
    std::string cumulativeQuoteQuantity; ///< `cummulativeQuoteQty` text as sent
    OrderStatus status = OrderStatus::Invalid;
    std::string venueStatus; ///< "NEW", "EXPIRED_IN_MATCH"... as sent
    TimeInForce timeInForce = TimeInForce::Invalid;
    OrderType type = OrderType::Invalid;
    std::string venueType; ///< "LIMIT_MAKER", "TAKE_PROFIT"... as sent
    Side side = Side::Invalid;
    std::vector<BinanceOrderFill> fills; ///< FULL only
};

} // namespace cw::adapters::binance
