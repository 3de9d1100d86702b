// SPDX-License-Identifier: MIT
#include "core/adapters/binance/BinanceRateLimiter.hpp"

#include "core/common/Assert.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>

namespace cw::adapters::binance {

namespace {

bool equalsNoCase(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) ==
                      std::tolower(static_cast<unsigned char>(y));
           });
}

bool startsWithNoCase(std::string_view text, std::string_view prefix) {
    return text.size() >= prefix.size() && equalsNoCase(text.substr(0, prefix.size()), prefix);
}

TimestampNs windowStart(TimestampNs now, TimestampNs interval) {
    const TimestampNs q = now / interval;
    return (now % interval < 0 ? q - 1 : q) * interval;
}

bool parseInt(std::string_view text, std::int64_t& out) {
    while (!text.empty() && text.front() == ' ')
        text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ')
        text.remove_suffix(1);
    const auto* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, out);
    return ec == std::errc() && ptr == end;
}

} // namespace

std::vector<BinanceLimit> BinanceRateLimiter::defaultLimits() {
    return {{BinanceLimitKind::RequestWeight, kNsPerMinute, 6000},
            {BinanceLimitKind::Orders, 10 * kNsPerSecond, 50},
            {BinanceLimitKind::Orders, kNsPerDay, 160'000}};
}

BinanceRateLimiter::BinanceRateLimiter(Clock clock, Config config)
    : m_clock(std::move(clock)), m_config(config) {
    CW_ASSERT(static_cast<bool>(m_clock));
    CW_ASSERT(m_config.headroom > 0.0 && m_config.headroom <= 1.0);
    const auto defaults = defaultLimits();
    setLimits(defaults);
}

void BinanceRateLimiter::setLimits(std::span<const BinanceLimit> limits) {
    m_limits.clear();
    for (const auto& limit : limits)
        if (limit.kind != BinanceLimitKind::Invalid && limit.intervalNs > 0 && limit.limit > 0)
            m_limits.push_back(limit);
}

std::pair<BinanceLimitKind, TimestampNs>
BinanceRateLimiter::parseHeaderName(std::string_view name) {
    BinanceLimitKind kind = BinanceLimitKind::Invalid;
    constexpr std::string_view kWeight = "x-mbx-used-weight-";
    constexpr std::string_view kOrders = "x-mbx-order-count-";
    if (startsWithNoCase(name, kWeight)) {
        kind = BinanceLimitKind::RequestWeight;
        name.remove_prefix(kWeight.size());
    } else if (startsWithNoCase(name, kOrders)) {
        kind = BinanceLimitKind::Orders;
        name.remove_prefix(kOrders.size());
    } else {
        return {BinanceLimitKind::Invalid, 0};
    }
    if (name.size() < 2)
        return {BinanceLimitKind::Invalid, 0};
    std::int64_t count = 0;
    if (!parseInt(name.substr(0, name.size() - 1), count) || count <= 0 || count > 1000)
        return {BinanceLimitKind::Invalid, 0};
    TimestampNs unit = 0;
    switch (std::toupper(static_cast<unsigned char>(name.back()))) {
    case 'S':
        unit = kNsPerSecond;
        break;
    case 'M':
        unit = kNsPerMinute;
        break;
    case 'H':
        unit = kNsPerHour;
        break;
    case 'D':
        unit = kNsPerDay;
        break;
    default:
        return {BinanceLimitKind::Invalid, 0};
    }
    return {kind, count * unit};
}

BinanceRateLimiter::Window& BinanceRateLimiter::window(BinanceLimitKind kind,
                                                       TimestampNs intervalNs) {
    for (auto& w : m_windows)
        if (w.kind == kind && w.intervalNs == intervalNs)
            return w;
    m_windows.push_back({kind, intervalNs, 0, 0});
    return m_windows.back();
}

const BinanceRateLimiter::Window* BinanceRateLimiter::findWindow(BinanceLimitKind kind,
                                                                 TimestampNs intervalNs) const {
    for (const auto& w : m_windows)
        if (w.kind == kind && w.intervalNs == intervalNs)
            return &w;
    return nullptr;
}

std::int64_t BinanceRateLimiter::countNow(const Window& w, TimestampNs now) const {
    return windowStart(now, w.intervalNs) == w.start ? w.count : 0;
}

std::int64_t BinanceRateLimiter::used(BinanceLimitKind kind, TimestampNs intervalNs) const {
    const Window* w = findWindow(kind, intervalNs);
    return w != nullptr ? countNow(*w, m_clock()) : 0;
}

TimestampNs BinanceRateLimiter::delayNs(int weight, int orders) const {
    const TimestampNs now = m_clock();
    TimestampNs wait = m_blockedUntil > now ? m_blockedUntil - now : 0;
    for (const auto& limit : m_limits) {
        const int add = limit.kind == BinanceLimitKind::RequestWeight ? weight : orders;
        if (add <= 0)
            continue;
        const Window* w = findWindow(limit.kind, limit.intervalNs);
        const std::int64_t count = w != nullptr ? countNow(*w, now) : 0;
        const auto allowed = static_cast<std::int64_t>(
            std::floor(static_cast<double>(limit.limit) * m_config.headroom));
        if (count == 0 || count + add <= allowed)
            continue;
        const TimestampNs end = windowStart(now, limit.intervalNs) + limit.intervalNs;
        wait = std::max(wait, end - now);
    }
    return wait;
}

void BinanceRateLimiter::onRequestSent(int weight, int orders) {
    const TimestampNs now = m_clock();
    for (const auto& limit : m_limits) {
        const int add = limit.kind == BinanceLimitKind::RequestWeight ? weight : orders;
        if (add <= 0)
            continue;
        Window& w = window(limit.kind, limit.intervalNs);
        const TimestampNs start = windowStart(now, limit.intervalNs);
        if (w.start != start) {
            w.start = start;
            w.count = 0;
        }
        w.count += add;
    }
}

void BinanceRateLimiter::onUsage(BinanceLimitKind kind, TimestampNs intervalNs,
                                 std::int64_t count) {
    if (kind == BinanceLimitKind::Invalid || intervalNs <= 0 || count < 0)
        return;
    const TimestampNs now = m_clock();
    Window& w = window(kind, intervalNs);
    const TimestampNs start = windowStart(now, intervalNs);
    if (w.start != start) {
        w.start = start;
        w.count = count;
    } else {
        w.count = std::max(w.count, count);
    }
}

void BinanceRateLimiter::onRateLimited(TimestampNs retryAfterNs) {
    const TimestampNs until = m_clock() + std::max<TimestampNs>(retryAfterNs, 0);
    m_blockedUntil = std::max(m_blockedUntil, until);
}

void BinanceRateLimiter::onBannedUntil(TimestampNs untilNs) {
    m_blockedUntil = std::max(m_blockedUntil, untilNs);
    m_banned = true;
}

bool BinanceRateLimiter::isBanned() const {
    return m_banned && m_clock() < m_blockedUntil;
}

void BinanceRateLimiter::onResponse(
    int httpStatus, std::span<const std::pair<std::string_view, std::string_view>> headers) {
    std::int64_t retryAfterSeconds = -1;
    for (const auto& [name, value] : headers) {
        if (equalsNoCase(name, "retry-after")) {
            std::int64_t seconds = 0;
            if (parseInt(value, seconds) && seconds >= 0 && seconds < 30 * 86'400)
                retryAfterSeconds = seconds;
            continue;
        }
        const auto [kind, interval] = parseHeaderName(name);
        if (kind == BinanceLimitKind::Invalid)
            continue;
        std::int64_t count = 0;
        if (parseInt(value, count))
            onUsage(kind, interval, count);
    }
    if (httpStatus == 429) {
        onRateLimited(retryAfterSeconds >= 0 ? retryAfterSeconds * kNsPerSecond
                                             : m_config.defaultRetryAfterNs);
    } else if (httpStatus == 418) {
        onBannedUntil(m_clock() + (retryAfterSeconds >= 0 ? retryAfterSeconds * kNsPerSecond
                                                          : m_config.defaultBanNs));
    }
}

} // namespace cw::adapters::binance
