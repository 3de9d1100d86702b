// SPDX-License-Identifier: MIT
#pragma once

#include "core/indicators/RingBuffer.hpp"

#include <cmath>
#include <cstdint>
#include <limits>

namespace cw::indicators {

/// The running maximum (`kMax = true`) or minimum of the last `period` finite values of a
/// stream: a monotonic deque kept in a ring buffer allocated at construction. `push` is
/// amortised O(1) and never allocates; `extremumFrom` is O(1).
/// Thread: whichever thread owns the object; not thread-safe.
template <bool kMax>
class MonotonicWindow {
public:
    explicit MonotonicWindow(int period)
        : m_period(period), m_entries(static_cast<std::size_t>(period)) {
        CW_ASSERT(period >= 1);
    }

    /// Adds the finite `value` of bar `index` (strictly increasing from call to call) and
    /// forgets the bars older than `index - period + 1`. Non-finite values must not be pushed.
    void push(std::int64_t index, double value) {
        while (!m_entries.empty() && m_entries.front().index <= index - m_period)
            m_entries.popFront();
        while (!m_entries.empty() && !better(m_entries.back().value, value))
            m_entries.popBack();
        m_entries.push({index, value});
    }

    /// The extremum of the pushed values with bar index >= `firstIndex`; NaN when there is
    /// none. `firstIndex` must not be older than the window of the last push.
    double extremumFrom(std::int64_t firstIndex) const {
        for (std::size_t k = 0; k < m_entries.size(); ++k) {
            if (m_entries[k].index >= firstIndex)
                return m_entries[k].value;
        }
        return std::numeric_limits<double>::quiet_NaN();
    }

    void clear() { m_entries.clear(); }

private:
    struct Entry {
        std::int64_t index = 0;
        double value = 0.0;
    };
    /// Strictly better: ties keep the newer entry, which stays in the window longer.
    static bool better(double a, double b) { return kMax ? a > b : a < b; }

    std::int64_t m_period;
    RingBuffer<Entry> m_entries;
};

} // namespace cw::indicators
