// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <deque>
#include <map>
#include <string>
#include <string_view>

namespace cw::exchangesim {

/// The venue's request-weight limiter, per client IP: a sliding one-minute window of used
/// weight. A request that would go past the limit is refused (HTTP 429, -1003, Retry-After);
/// the `banAfterRefusals`-th refused request in a row (a client that does not back off) bans
/// it for `banMs` (HTTP 418, -1003), and every request during the ban is refused.
///
/// Thread: not thread-safe; one owner (the server's thread). Times are wall-clock ms.
class WeightLimiter {
public:
    struct Limits {
        int weightPerMinute = 6000;
        int banAfterRefusals = 10;
        std::int64_t banMs = 120'000;
    };

    enum class Verdict {
        Invalid = 0,
        Allowed,
        TooManyRequests, ///< 429
        Banned,          ///< 418
    };

    struct Decision {
        Verdict verdict = Verdict::Invalid;
        int usedWeight = 0;                 ///< in the window, this request included if allowed
        std::int64_t retryAfterSeconds = 0; ///< 429/418: when to try again, >= 1
        std::int64_t bannedUntilMs = 0;     ///< 418
    };

    explicit WeightLimiter(Limits limits) : m_limits(limits) {}

    /// Counts a request of `weight` from `client` at `nowMs` if the limit allows it.
    Decision admit(std::string_view client, int weight, std::int64_t nowMs);
    /// The weight `client` used in the minute before `nowMs`.
    int usedWeight(std::string_view client, std::int64_t nowMs);

    const Limits& limits() const { return m_limits; }

private:
    struct ClientState {
        std::deque<std::pair<std::int64_t, int>> window; ///< (time, weight), oldest first
        int used = 0;
        int refusals = 0;
        std::int64_t bannedUntilMs = 0;
    };

    void expire(ClientState& state, std::int64_t nowMs);

    Limits m_limits;
    std::map<std::string, ClientState, std::less<>> m_clients;
};

} // namespace cw::exchangesim
