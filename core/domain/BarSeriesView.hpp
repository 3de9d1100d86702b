// SPDX-License-Identifier: MIT
#pragma once

#include "core/domain/OhlcvRow.hpp"

#include <cstddef>
#include <span>

namespace cw {

/// A read-only, non-owning columnar view of bars: six arrays of equal length, oldest first.
/// Batch indicator kernels take one of these; nothing is copied.
struct BarSeriesView {
    std::span<const TimestampNs> time;
    std::span<const double> open;
    std::span<const double> high;
    std::span<const double> low;
    std::span<const double> close;
    std::span<const double> volume;

    std::size_t size() const { return close.size(); }
    bool empty() const { return close.empty(); }
    OhlcvRow row(std::size_t i) const {
        return {time[i], open[i], high[i], low[i], close[i], volume[i]};
    }
};

} // namespace cw
