// SPDX-License-Identifier: MIT
#pragma once

#include "core/common/Result.hpp"
#include "core/domain/Bar.hpp"
#include "core/domain/BarSeries.hpp"
#include "core/domain/OhlcvRow.hpp"
#include "core/domain/Timeframe.hpp"
#include "core/engine/ExactColumn.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace cw::engine {

/// Exact bars of one timeframe (minutes or longer), oldest first, stored column by column:
/// the open time as whole minutes (int32), open/high/low/close as raw integers at one price
/// precision, volume at one volume precision, and the trade count (ExactColumn: 32 bits while
/// the values fit, else 64). 28 bytes a bar in the usual case, 48 at most, against 104 for a
/// `std::vector<Bar>`. It is the engine's one exact copy of an instrument's 1m bars, which a
/// 1m chart reads directly, and a coarser chart's closed bars.
///
/// Bars come back as `Bar` values at the store's precisions, equal (operator==) to the bars
/// that went in; a bar with more decimals than the store raises the store's precision (every
/// value is rescaled once). `row(i)` gives the same doubles as `bar(i).toOhlcvRow()`.
///
/// Errors (InvalidArgument, store unchanged): a bar of another timeframe, one that does not
/// open on a bucket start, one not after the bar before it. Overflow: a value that does not
/// fit 64 bits at the store's precision.
///
/// Thread: single owner (the engine thread); not thread-safe.
class BarStore {
public:
    explicit BarStore(Timeframe timeframe = Timeframe::minutes(1));

    const Timeframe& timeframe() const { return m_timeframe; }
    std::size_t size() const { return m_minutes.size(); }
    bool empty() const { return m_minutes.empty(); }
    int pricePrecision() const { return m_pricePrecision; }
    int volumePrecision() const { return m_volumePrecision; }

    /// Adds bars newer than back(), oldest first; all or none (see the class for errors).
    Result<void> append(std::span<const Bar> bars);
    Result<void> append(const Bar& bar) { return append(std::span<const Bar>(&bar, 1)); }
    /// Adds bars older than front(), oldest first; all or none.
    Result<void> prepend(std::span<const Bar> bars);
    /// Replaces every bar by `bars`; on error the store is unchanged.
    Result<void> assign(std::span<const Bar> bars);
    /// Keeps the first `count` bars.
    void truncate(std::size_t count);
    void clear();

    /// Precondition (CW_ASSERT): i < size().
    Bar bar(std::size_t i) const;
    Bar front() const { return bar(0); }
    Bar back() const { return bar(size() - 1); }
    TimestampNs openTime(std::size_t i) const;
    /// The double form of bar `i` (BarSeries, kernels, streaming indicators).
    OhlcvRow row(std::size_t i) const;
    /// Index of the first bar that opens at or after `time` (size() when none).
    std::size_t lowerBound(TimestampNs time) const;
    /// Bars [first, first + count), clamped to the store.
    std::vector<Bar> bars(std::size_t first, std::size_t count) const;
    std::vector<Bar> toVector() const { return bars(0, size()); }
    /// Every bar as rows, with room for `spareRows` more.
    BarSeries toSeries(std::size_t spareRows = 0) const;

    /// Heap bytes held by the columns (capacity).
    std::size_t memoryBytes() const;
    void shrinkToFit();

private:
    struct Precisions {
        int price = 0;
        int volume = 0;
    };

    /// Checks `bars` (this timeframe, on bucket starts, ordered, after `after` and before
    /// `before` when given) and returns the precisions the store needs to hold them as well.
    Result<Precisions> check(std::span<const Bar> bars, std::optional<TimestampNs> after,
                             std::optional<TimestampNs> before) const;
    /// Rescales every value to the larger precisions; Overflow (store unchanged) when one
    /// does not fit.
    Result<void> raisePrecision(const Precisions& wanted);

    Timeframe m_timeframe;
    int m_pricePrecision = 0;
    int m_volumePrecision = 0;
    std::vector<std::int32_t> m_minutes; ///< open time / 1 minute
    ExactColumn m_open;
    ExactColumn m_high;
    ExactColumn m_low;
    ExactColumn m_close;
    ExactColumn m_volume;
    ExactColumn m_tradeCount;
};

} // namespace cw::engine
