// SPDX-License-Identifier: MIT
#pragma once

#include "core/domain/OhlcvRow.hpp"
#include "core/domain/Price.hpp"
#include "core/domain/Quantity.hpp"
#include "core/domain/Timeframe.hpp"
#include "core/domain/Timestamp.hpp"

#include <cstdint>

namespace cw {

/// One exact bar (candle): the trades of one bucket of a Timeframe. Prices and volume are
/// fixed-point, so bars built in different ways (directly from trades, or resampled from a
/// finer timeframe) can be compared for exact equality. An empty bucket may be represented
/// by a flat bar: open = high = low = close = the previous close, zero volume, zero trades.
struct Bar {
    TimestampNs openTime = 0; ///< start of the bucket, UTC (Timeframe::bucketStart)
    Timeframe timeframe;
    Price open;
    Price high;
    Price low;
    Price close;
    Quantity volume;             ///< sum of trade sizes
    std::int64_t tradeCount = 0; ///< number of trades; 0 for a flat bar (and when unknown)

    /// The start of the next bucket (exclusive end of this one).
    TimestampNs closeTime() const { return timeframe.nextBucketStart(openTime); }
    /// No trades and no volume: a flat placeholder for an empty bucket.
    bool isEmpty() const { return tradeCount == 0 && volume.isZero(); }
    /// low <= open, close <= high, volume >= 0, tradeCount >= 0.
    bool isConsistent() const;
    /// The double form for BarSeries, kernels and charts (time = openTime).
    OhlcvRow toOhlcvRow() const;

    /// Field by field; prices and volume by value.
    friend bool operator==(const Bar&, const Bar&) = default;
};

} // namespace cw
