// SPDX-License-Identifier: MIT
#pragma once

#include "core/domain/Timestamp.hpp"

#include <cstdint>
#include <functional>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

namespace cw::adapters::binance {

/// What a Binance rate limit counts.
enum class BinanceLimitKind {
    Invalid = 0,
    RequestWeight, ///< REQUEST_WEIGHT, per IP; header X-MBX-USED-WEIGHT-<n><unit>
    Orders,        ///< ORDERS (new orders), per account; header X-MBX-ORDER-COUNT-<n><unit>
};

/// One limit: at most `limit` per window of `intervalNs` (exchangeInfo.rateLimits).
struct BinanceLimit {
    BinanceLimitKind kind = BinanceLimitKind::Invalid;
    TimestampNs intervalNs = 0;
    std::int64_t limit = 0;
};

/// Throttles requests to Binance before the venue does (docs/binance.md, "Rate limits").
///
/// Windows are fixed and aligned to multiples of their length on the injected clock (feed
/// it the server's clock, BinanceServerClock::serverNowNs): the count of a 1-minute window
/// resets at every full minute. The count of a window is the larger of what this object
/// added itself (`onRequestSent`) and what the venue last reported in a header for that
/// window, so requests still in flight are not forgotten.
///
/// `delayNs(weight, orders)` is how long to wait before sending a request of that weight
/// that places that many new orders: zero when it fits under `headroom` x limit in every
/// window, otherwise until the fullest window ends. A request alone larger than the headroom
/// may go when its window is empty (it could never fit otherwise). After HTTP 429 nothing
/// may go until Retry-After has passed; after 418 (IP banned) nothing until the ban ends.
///
/// Pure logic. Thread: one owner thread.
class BinanceRateLimiter {
public:
    using Clock = std::function<TimestampNs()>;

    struct Config {
        /// Fraction of each limit this side keeps to (the rest absorbs other clients on the
        /// same IP and the error of the estimate).
        double headroom = 0.9;
        /// Pause after 429 when the answer has no Retry-After.
        TimestampNs defaultRetryAfterNs = 60 * kNsPerSecond;
        /// Ban assumed after 418 without Retry-After (Binance bans last 2 minutes to 3 days).
        TimestampNs defaultBanNs = 2 * kNsPerMinute;
    };

    /// The documented default limits: 6000 weight per minute, 50 orders per 10 s, 160000
    /// orders per day. Replace them with setLimits from exchangeInfo.
    static std::vector<BinanceLimit> defaultLimits();

    /// Precondition (CW_ASSERT): a callable clock, 0 < headroom <= 1.
    explicit BinanceRateLimiter(Clock clock) : BinanceRateLimiter(std::move(clock), Config{}) {}
    BinanceRateLimiter(Clock clock, Config config);

    /// Replaces the limits; counts of windows that still exist are kept. Entries with a
    /// kind of Invalid, an interval <= 0 or a limit <= 0 are ignored.
    void setLimits(std::span<const BinanceLimit> limits);
    const std::vector<BinanceLimit>& limits() const { return m_limits; }

    /// Nanoseconds to wait before a request of `weight` placing `orders` new orders; 0: now.
    TimestampNs delayNs(int weight, int orders = 0) const;
    /// A request of `weight` placing `orders` new orders was sent now.
    void onRequestSent(int weight, int orders = 0);

    /// One REST answer: its HTTP status and headers (names case-insensitive). Reads
    /// X-MBX-USED-WEIGHT-*, X-MBX-ORDER-COUNT-* and Retry-After (seconds); 429 pauses,
    /// 418 bans. Unknown headers and unparsable values are ignored.
    void onResponse(int httpStatus,
                    std::span<const std::pair<std::string_view, std::string_view>> headers);
    /// The venue's count for one window (a header or a WebSocket API rateLimits entry).
    void onUsage(BinanceLimitKind kind, TimestampNs intervalNs, std::int64_t count);
    /// 429 (or -1003): no request for `retryAfterNs` from now.
    void onRateLimited(TimestampNs retryAfterNs);
    /// 418: banned until `untilNs` on the clock (WebSocket API error.data.retryAfter).
    void onBannedUntil(TimestampNs untilNs);

    /// Banned (418) and the ban has not ended.
    bool isBanned() const;
    /// End of the current pause or ban; 0 when none.
    TimestampNs blockedUntilNs() const { return m_blockedUntil; }
    /// The count of the window of `kind` and `intervalNs` now (0 when the window is new or
    /// not tracked).
    std::int64_t used(BinanceLimitKind kind, TimestampNs intervalNs) const;

    /// "X-MBX-USED-WEIGHT-1M" -> {RequestWeight, 1 minute}; Invalid kind when the name is
    /// not a rate-limit header. Case-insensitive; units S, M, H, D.
    static std::pair<BinanceLimitKind, TimestampNs> parseHeaderName(std::string_view name);

private:
    struct Window {
        BinanceLimitKind kind = BinanceLimitKind::Invalid;
        TimestampNs intervalNs = 0;
        TimestampNs start = 0; ///< start of the window `count` belongs to
        std::int64_t count = 0;
    };
    Window& window(BinanceLimitKind kind, TimestampNs intervalNs);
    const Window* findWindow(BinanceLimitKind kind, TimestampNs intervalNs) const;
    std::int64_t countNow(const Window& w, TimestampNs now) const;

    Clock m_clock;
    Config m_config;
    std::vector<BinanceLimit> m_limits;
    std::vector<Window> m_windows;
    TimestampNs m_blockedUntil = 0;
    bool m_banned = false;
};

} // namespace cw::adapters::binance
