// SPDX-License-Identifier: MIT
#pragma once

#include "core/domain/Timestamp.hpp"

#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <string>
#include <string_view>

namespace cw::risk {

/// Counts the orders (submits and modifies) sent to each venue over a sliding window, one
/// second by default. A send at time t counts for every `now` with t > now - window, i.e.
/// for now in [t, t + window): with a limit of N per second, the (N+1)-th order is allowed
/// again exactly one window after the first.
///
/// Timestamps may repeat; one that goes backwards is accepted (sends recorded "in the
/// future" keep counting until they leave the window), so the count never drops early.
///
/// Thread: engine; not synchronised.
class OrderRateLimiter {
public:
    static constexpr TimestampNs kDefaultWindowNs = 1'000'000'000;

    /// `windowNs` > 0 (CW_ASSERT).
    explicit OrderRateLimiter(TimestampNs windowNs = kDefaultWindowNs);

    /// Orders recorded for `venue` that still count at `now`.
    std::size_t countInWindow(std::string_view venue, TimestampNs now) const;

    /// True when one more order to `venue` at `now` stays within `maxPerWindow`.
    bool allows(std::string_view venue, std::int64_t maxPerWindow, TimestampNs now) const;

    /// Records one order sent to `venue` at `now`, and forgets sends that left the window.
    void record(std::string_view venue, TimestampNs now);

    /// The send that leaves the window first for `venue` at `now` (0 when none counts):
    /// one more order is possible from that time + window on.
    TimestampNs oldestInWindow(std::string_view venue, TimestampNs now) const;

    TimestampNs windowNs() const { return m_windowNs; }

private:
    TimestampNs m_windowNs;
    std::map<std::string, std::deque<TimestampNs>, std::less<>> m_sends;
};

} // namespace cw::risk
