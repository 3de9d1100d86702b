// SPDX-License-Identifier: MIT
#include "core/exchangesim/WeightLimiter.hpp"

#include <algorithm>

namespace cw::exchangesim {

namespace {
constexpr std::int64_t kWindowMs = 60'000;

std::int64_t secondsUntil(std::int64_t fromMs, std::int64_t toMs) {
    return std::max<std::int64_t>(1, (toMs - fromMs + 999) / 1000);
}
} // namespace

void WeightLimiter::expire(ClientState& state, std::int64_t nowMs) {
    while (!state.window.empty() && state.window.front().first <= nowMs - kWindowMs) {
        state.used -= state.window.front().second;
        state.window.pop_front();
    }
}

int WeightLimiter::usedWeight(std::string_view client, std::int64_t nowMs) {
    auto it = m_clients.find(client);
    if (it == m_clients.end())
        return 0;
    expire(it->second, nowMs);
    return it->second.used;
}

WeightLimiter::Decision WeightLimiter::admit(std::string_view client, int weight,
                                             std::int64_t nowMs) {
    auto it = m_clients.find(client);
    if (it == m_clients.end())
        it = m_clients.emplace(std::string(client), ClientState{}).first;
    ClientState& state = it->second;
    expire(state, nowMs);

    Decision decision;
    if (state.bannedUntilMs > nowMs) {
        decision.verdict = Verdict::Banned;
        decision.usedWeight = state.used;
        decision.bannedUntilMs = state.bannedUntilMs;
        decision.retryAfterSeconds = secondsUntil(nowMs, state.bannedUntilMs);
        return decision;
    }
    if (state.used + weight > m_limits.weightPerMinute) {
        ++state.refusals;
        decision.usedWeight = state.used;
        if (state.refusals >= m_limits.banAfterRefusals) {
            state.bannedUntilMs = nowMs + m_limits.banMs;
            state.refusals = 0;
            decision.verdict = Verdict::Banned;
            decision.bannedUntilMs = state.bannedUntilMs;
            decision.retryAfterSeconds = secondsUntil(nowMs, state.bannedUntilMs);
            return decision;
        }
        decision.verdict = Verdict::TooManyRequests;
        // When enough of the window has expired for this request to fit.
        int freed = 0;
        std::int64_t fitsAt = nowMs + kWindowMs;
        for (const auto& [time, used] : state.window) {
            freed += used;
            if (state.used - freed + weight <= m_limits.weightPerMinute) {
                fitsAt = time + kWindowMs;
                break;
            }
        }
        decision.retryAfterSeconds = secondsUntil(nowMs, fitsAt);
        return decision;
    }
    state.refusals = 0;
    state.window.emplace_back(nowMs, weight);
    state.used += weight;
    decision.verdict = Verdict::Allowed;
    decision.usedWeight = state.used;
    return decision;
}

} // namespace cw::exchangesim
