// SPDX-License-Identifier: MIT
#pragma once

#include "core/adapters/RejectReason.hpp"

#include <string>
#include <string_view>

namespace cw::adapters::binance {

/// What a Binance error means for the adapter: finer than RejectReason, because some errors
/// call for an action rather than a rejection (resync the clock, back off, query the order).
enum class BinanceErrorKind {
    Invalid = 0,
    FilterFailure,          ///< -1013 "Filter failure: <FILTER>"; see `filter`
    InsufficientBalance,    ///< -2010 "Account has insufficient balance..."
    MarketClosed,           ///< -2010 "Market is closed."
    WouldMatch,             ///< -2010 LIMIT_MAKER "Order would immediately match and take."
    DuplicateOrder,         ///< -2010 "Duplicate order sent."
    OrderRejected,          ///< -2010 with any other matching-engine message
    UnknownSymbol,          ///< -1121
    UnknownOrder,           ///< -2011 "Unknown order sent." / -2013
    CancelRejected,         ///< -2011 with another message
    TimestampOutsideWindow, ///< -1021: resync the server clock, then resend
    BadSignature,           ///< -1022
    BadApiKey,              ///< -2014, -2015, HTTP 401: wrong key, IP or permission
    RateLimited,            ///< -1003 or HTTP 429: wait Retry-After
    TooManyOrders,          ///< -1015: the order-count limit
    IpBanned,               ///< HTTP 418: no request at all until the ban ends
    StatusUnknown,          ///< -1007 or HTTP 5xx: the order may exist; query it before resending
    BadRequest,             ///< -1100..-1199 other than the above: a malformed request
    Other,                  ///< anything else; see the message
};

/// The adapter's reading of one error answer.
struct BinanceErrorInfo {
    BinanceErrorKind kind = BinanceErrorKind::Invalid;
    /// For OrderRejected / RequestRejected events. Kinds that are not a refusal of the
    /// order itself (StatusUnknown, TimestampOutsideWindow, BadSignature...) map to the
    /// nearest reason (mostly Other) and must not be reported as a rejection blindly: see
    /// `statusUnknown` and `retryAfterResync`.
    RejectReason reason = RejectReason::Invalid;
    /// -1013: the filter named in the message ("LOT_SIZE", "PRICE_FILTER", "NOTIONAL"...).
    std::string filter;
    /// The request may have been executed: query the order (by client order id) before
    /// resending or reporting anything.
    bool statusUnknown = false;
    /// Resending after the server clock is resynchronized can succeed (-1021).
    bool retryAfterResync = false;
    /// Requests must pause (rate limit or ban); the rate limiter says for how long.
    bool throttle = false;
};

/// Maps Binance error codes and HTTP statuses to BinanceErrorInfo (docs/binance.md,
/// "Errors"). Pure functions. Thread: any.
class BinanceErrors {
public:
    /// `httpStatus` of the answer (0 when unknown, e.g. a WebSocket API reply without a
    /// status), the venue's `code` (0 when the body had none) and `message` (`msg`).
    /// HTTP 418 and 5xx decide on their own; otherwise the code decides, then 429/401.
    static BinanceErrorInfo classify(int httpStatus, int code, std::string_view message);

    /// "LOT_SIZE" from "Filter failure: LOT_SIZE"; empty when the message has no filter.
    static std::string filterName(std::string_view message);

    static std::string_view kindName(BinanceErrorKind kind);
};

} // namespace cw::adapters::binance
