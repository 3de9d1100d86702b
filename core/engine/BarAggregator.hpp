// SPDX-License-Identifier: MIT
#pragma once

#include "core/common/Result.hpp"
#include "core/domain/Bar.hpp"
#include "core/domain/Price.hpp"
#include "core/domain/Tick.hpp"
#include "core/domain/Timeframe.hpp"
#include "core/domain/Timestamp.hpp"

#include <cstdint>
#include <optional>
#include <span>
#include <unordered_set>
#include <vector>

namespace cw::engine {

/// What BarAggregator emits for a bucket in which nothing traded.
enum class EmptyBucketPolicy {
    Invalid = 0,
    /// A flat bar: open = high = low = close = the previous close, zero volume, zero trades
    /// (what Binance klines show for quiet minutes). Only between two bars that had trades.
    FlatBar,
    /// No bar at all; the series has a gap.
    Skip,
};

/// What BarAggregator did with one trade.
enum class TradeOutcome {
    Invalid = 0,
    Merged,           ///< counted into the forming bar (possibly after closing earlier bars)
    LateDropped,      ///< its bucket was already closed; nothing changed
    DuplicateIgnored, ///< its trade id was already seen in the forming or previous bucket
    Rejected,         ///< not a usable trade (size <= 0, or the bar volume would overflow)
};

/// Builds bars of one Timeframe from a stream of trades of one instrument, with the UTC
/// buckets of Timeframe::bucketStart. Prices and volumes stay fixed-point, so the bars are
/// exact. Rules (see docs/domain.md):
///
/// - A bar is emitted ("closed") when a trade arrives for a later bucket, when `advanceTo`
///   passes the bucket end, or on `flush`. The forming bar is visible through `formingBar`.
/// - Empty buckets between two traded buckets follow the EmptyBucketPolicy (default FlatBar).
///   Nothing is emitted before the first trade. A gap of N buckets emits N flat bars at once
///   (a day without trades is 86,400 bars at 1s).
/// - Out of order within the forming bucket: merged. Open is the price of the trade with the
///   earliest time, close the price of the trade with the latest time (for equal times, the
///   one that arrived later), high/low/volume/trade count include every trade.
/// - Late (its bucket is before the forming one, or already closed): dropped and counted in
///   `lateTradesDropped`; emitted bars never change.
/// - Duplicate (a trade id already seen in the forming bucket or in the previous bucket that
///   had trades): ignored and counted in `duplicateTradesIgnored`. This check comes first, so
///   a re-sent old trade counts as a duplicate rather than late. Trades without an id
///   (Tick::kNoTradeId) are never duplicates.
/// - Size <= 0: rejected and counted in `rejectedTrades`.
///
/// Thread: engine; not thread-safe.
class BarAggregator {
public:
    /// Precondition (CW_ASSERT): timeframe.isValid() and emptyBuckets != Invalid.
    explicit BarAggregator(Timeframe timeframe,
                           EmptyBucketPolicy emptyBuckets = EmptyBucketPolicy::FlatBar);

    const Timeframe& timeframe() const { return m_timeframe; }
    EmptyBucketPolicy emptyBucketPolicy() const { return m_emptyBuckets; }

    /// Feeds one trade; bars it closes (the previous forming bar and any flat bars for empty
    /// buckets) are appended to `closedBars`, oldest first.
    TradeOutcome addTrade(const Tick& trade, std::vector<Bar>& closedBars);

    /// Tells the aggregator that time has reached `now` (a clock tick, or the venue's
    /// event time): closes the forming bar if `now` >= its bucket end and, with FlatBar,
    /// emits flat bars for every later bucket that ended at or before `now`. From then on,
    /// trades for buckets that ended before `now` are late.
    void advanceTo(TimestampNs now, std::vector<Bar>& closedBars);

    /// End of data: closes the forming bar, if any, into `closedBars`. Later trades for its
    /// bucket are late.
    void flush(std::vector<Bar>& closedBars);

    /// The bar of the current bucket, built from the trades so far; empty before the first
    /// trade and right after the forming bar closed.
    const std::optional<Bar>& formingBar() const { return m_forming; }

    std::int64_t tradesMerged() const { return m_tradesMerged; }
    std::int64_t lateTradesDropped() const { return m_lateTradesDropped; }
    std::int64_t duplicateTradesIgnored() const { return m_duplicateTradesIgnored; }
    std::int64_t rejectedTrades() const { return m_rejectedTrades; }

    /// Combines bars of one finer timeframe into `target` bars: every source bar goes into
    /// the target bucket that contains it. Open and close come from the first and last
    /// source bars that are not empty (Bar::isEmpty), high and low from the non-empty ones,
    /// volume and trade count are summed; a bucket of only empty (flat) source bars becomes
    /// a flat bar. Target buckets without any source bar are not emitted. So resampling the
    /// 1m bars of a trade stream gives exactly the bars of aggregating that stream directly,
    /// under either EmptyBucketPolicy.
    /// Errors (InvalidArgument): bars of mixed or invalid timeframes, a source timeframe that
    /// does not nest within `target` (Timeframe::nestsWithin), open times that are not
    /// bucket starts or not strictly increasing. Overflow if a summed volume does not fit.
    static Result<std::vector<Bar>> resample(std::span<const Bar> bars, const Timeframe& target);

private:
    void closeForming(std::vector<Bar>& closedBars);
    void emitFlatBarsBefore(TimestampNs limit, bool wholeBucketsOnly, std::vector<Bar>& closedBars);
    bool isDuplicate(const Tick& trade) const;

    Timeframe m_timeframe;
    EmptyBucketPolicy m_emptyBuckets;

    std::optional<Bar> m_forming;
    TimestampNs m_formingEnd = 0;
    TimestampNs m_firstTradeTime = 0; ///< earliest trade time in the forming bar (sets open)
    TimestampNs m_lastTradeTime = 0;  ///< latest trade time in the forming bar (sets close)

    bool m_started = false;           ///< a trade was merged or time was advanced
    TimestampNs m_acceptFrom = 0;     ///< trades in buckets starting before this are late
    std::optional<Bar> m_lastEmitted; ///< for flat bars: their price, volume precision, start

    std::unordered_set<std::int64_t> m_formingIds;
    std::unordered_set<std::int64_t> m_previousIds;

    std::int64_t m_tradesMerged = 0;
    std::int64_t m_lateTradesDropped = 0;
    std::int64_t m_duplicateTradesIgnored = 0;
    std::int64_t m_rejectedTrades = 0;
};

} // namespace cw::engine
