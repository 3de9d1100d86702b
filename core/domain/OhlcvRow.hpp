// SPDX-License-Identifier: MIT
#pragma once

#include "core/domain/Timestamp.hpp"

namespace cw {

/// One bar as the numeric code sees it: open time plus OHLCV as doubles. This is what
/// BarSeries stores column by column and what streaming indicators consume. Exact prices
/// live in `Bar` (fixed-point); doubles are for kernels, statistics and chart coordinates.
struct OhlcvRow {
    TimestampNs time = 0; ///< bar open time, UTC
    double open = 0.0;
    double high = 0.0;
    double low = 0.0;
    double close = 0.0;
    double volume = 0.0;
};

} // namespace cw
