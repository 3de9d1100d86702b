// SPDX-License-Identifier: MIT
#pragma once

#include "core/domain/OhlcvRow.hpp"

#include <cstddef>

namespace cw::indicators {

/// The streaming form of an indicator: O(1) work per call, no allocation after construction.
///
/// `update(bar)` appends a new bar (the previous last bar is now final); `updateLast(bar)`
/// replaces the last appended bar, the forming one, as often as it changes. After any sequence
/// of calls, `value(k)` equals output k of the batch kernel at the last index of the same bars
/// (relative 1e-9); warm-up values are NaN. `updateLast` before any `update` acts as `update`.
/// Thread: whichever thread owns the object (engine or chart worker); not thread-safe.
class IStreamingIndicator {
public:
    virtual ~IStreamingIndicator() = default;

    virtual void update(const OhlcvRow& bar) = 0;
    virtual void updateLast(const OhlcvRow& bar) = 0;
    /// Forgets every bar, back to the state after construction.
    virtual void reset() = 0;

    virtual std::size_t outputCount() const = 0;
    /// Output `k` (in the descriptor's output order) at the last bar; NaN while warming up.
    virtual double value(std::size_t k = 0) const = 0;
};

} // namespace cw::indicators
