// SPDX-License-Identifier: MIT
#include "core/risk/OrderRateLimiter.hpp"

#include "core/common/Assert.hpp"

#include <algorithm>

namespace cw::risk {

OrderRateLimiter::OrderRateLimiter(TimestampNs windowNs) : m_windowNs(windowNs) {
    CW_ASSERT(windowNs > 0);
}

std::size_t OrderRateLimiter::countInWindow(std::string_view venue, TimestampNs now) const {
    const auto it = m_sends.find(venue);
    if (it == m_sends.end())
        return 0;
    // Sends are kept in arrival order, which is time order unless the clock went backwards;
    // count every send with t > now - window, wherever it sits.
    const TimestampNs cutoff = now - m_windowNs;
    return static_cast<std::size_t>(std::count_if(it->second.begin(), it->second.end(),
                                                  [cutoff](TimestampNs t) { return t > cutoff; }));
}

bool OrderRateLimiter::allows(std::string_view venue, std::int64_t maxPerWindow,
                              TimestampNs now) const {
    if (maxPerWindow < 1)
        return false;
    return countInWindow(venue, now) < static_cast<std::size_t>(maxPerWindow);
}

void OrderRateLimiter::record(std::string_view venue, TimestampNs now) {
    auto it = m_sends.find(venue);
    if (it == m_sends.end())
        it = m_sends.emplace(std::string(venue), std::deque<TimestampNs>()).first;
    auto& sends = it->second;
    const TimestampNs cutoff = now - m_windowNs;
    while (!sends.empty() && sends.front() <= cutoff)
        sends.pop_front();
    sends.push_back(now);
}

TimestampNs OrderRateLimiter::oldestInWindow(std::string_view venue, TimestampNs now) const {
    const auto it = m_sends.find(venue);
    if (it == m_sends.end())
        return 0;
    const TimestampNs cutoff = now - m_windowNs;
    TimestampNs oldest = 0;
    bool found = false;
    for (TimestampNs t : it->second) {
        if (t > cutoff && (!found || t < oldest)) {
            oldest = t;
            found = true;
        }
    }
    return oldest;
}

} // namespace cw::risk
