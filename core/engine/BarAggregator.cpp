// SPDX-License-Identifier: MIT
#include "core/engine/BarAggregator.hpp"

#include "core/common/Assert.hpp"

#include <algorithm>
#include <string>
#include <utility>

namespace cw::engine {

BarAggregator::BarAggregator(Timeframe timeframe, EmptyBucketPolicy emptyBuckets)
    : m_timeframe(timeframe), m_emptyBuckets(emptyBuckets) {
    CW_ASSERT(m_timeframe.isValid());
    CW_ASSERT(m_emptyBuckets == EmptyBucketPolicy::FlatBar ||
              m_emptyBuckets == EmptyBucketPolicy::Skip);
}

bool BarAggregator::isDuplicate(const Tick& trade) const {
    return trade.hasTradeId() &&
           (m_formingIds.contains(trade.tradeId) || m_previousIds.contains(trade.tradeId));
}

TradeOutcome BarAggregator::addTrade(const Tick& trade, std::vector<Bar>& closedBars) {
    if (!trade.size.isPositive()) {
        ++m_rejectedTrades;
        return TradeOutcome::Rejected;
    }
    if (isDuplicate(trade)) {
        ++m_duplicateTradesIgnored;
        return TradeOutcome::DuplicateIgnored;
    }
    const TimestampNs bucket = m_timeframe.bucketStart(trade.time);
    if (m_started && bucket < m_acceptFrom) {
        ++m_lateTradesDropped;
        return TradeOutcome::LateDropped;
    }

    if (m_forming && bucket == m_forming->openTime) {
        auto volume = m_forming->volume.add(trade.size);
        if (!volume) {
            ++m_rejectedTrades;
            return TradeOutcome::Rejected;
        }
        Bar& bar = *m_forming;
        bar.volume = *volume;
        ++bar.tradeCount;
        bar.high = std::max(bar.high, trade.price);
        bar.low = std::min(bar.low, trade.price);
        if (trade.time < m_firstTradeTime) {
            bar.open = trade.price;
            m_firstTradeTime = trade.time;
        }
        if (trade.time >= m_lastTradeTime) {
            bar.close = trade.price;
            m_lastTradeTime = trade.time;
        }
    } else {
        // A later bucket: everything before it is complete.
        if (m_forming)
            closeForming(closedBars);
        if (m_emptyBuckets == EmptyBucketPolicy::FlatBar && m_lastEmitted)
            emitFlatBarsBefore(bucket, false, closedBars);
        m_forming = Bar{bucket,      m_timeframe, trade.price, trade.price,
                        trade.price, trade.price, trade.size,  1};
        m_formingEnd = m_timeframe.nextBucketStart(trade.time);
        m_firstTradeTime = trade.time;
        m_lastTradeTime = trade.time;
        m_acceptFrom = bucket;
        m_started = true;
    }
    if (trade.hasTradeId())
        m_formingIds.insert(trade.tradeId);
    ++m_tradesMerged;
    return TradeOutcome::Merged;
}

void BarAggregator::advanceTo(TimestampNs now, std::vector<Bar>& closedBars) {
    if (m_forming && now >= m_formingEnd)
        closeForming(closedBars);
    if (m_forming)
        return;
    if (m_emptyBuckets == EmptyBucketPolicy::FlatBar && m_lastEmitted)
        emitFlatBarsBefore(now, true, closedBars);
    m_acceptFrom = m_started ? std::max(m_acceptFrom, m_timeframe.bucketStart(now))
                             : m_timeframe.bucketStart(now);
    m_started = true;
}

void BarAggregator::flush(std::vector<Bar>& closedBars) {
    if (m_forming)
        closeForming(closedBars);
}

void BarAggregator::closeForming(std::vector<Bar>& closedBars) {
    CW_ASSERT(m_forming.has_value());
    closedBars.push_back(*m_forming);
    m_lastEmitted = std::move(m_forming);
    m_forming.reset();
    m_acceptFrom = m_formingEnd;
    m_previousIds = std::move(m_formingIds);
    m_formingIds.clear();
}

// Flat bars from the end of the last emitted bar: those starting before `limit`, or with
// `wholeBucketsOnly` those ending at or before it.
void BarAggregator::emitFlatBarsBefore(TimestampNs limit, bool wholeBucketsOnly,
                                       std::vector<Bar>& closedBars) {
    CW_ASSERT(m_lastEmitted.has_value());
    const Price price = m_lastEmitted->close;
    const Quantity zero = Quantity::fromRaw(0, m_lastEmitted->volume.precision());
    TimestampNs start = m_lastEmitted->closeTime();
    for (;;) {
        const TimestampNs end = m_timeframe.nextBucketStart(start);
        if (wholeBucketsOnly ? end > limit : start >= limit)
            break;
        closedBars.push_back(Bar{start, m_timeframe, price, price, price, price, zero, 0});
        m_lastEmitted = closedBars.back();
        m_acceptFrom = end;
        start = end;
    }
}

Result<std::vector<Bar>> BarAggregator::resample(std::span<const Bar> bars,
                                                 const Timeframe& target) {
    std::vector<Bar> out;
    if (bars.empty())
        return out;
    const Timeframe source = bars.front().timeframe;
    if (!source.isValid() || !target.isValid())
        return fail(ErrorCode::InvalidArgument, "resample needs valid timeframes");
    if (!source.nestsWithin(target))
        return fail(ErrorCode::InvalidArgument, "cannot resample " + source.toString() +
                                                    " bars into " + target.toString() + " bars");
    std::optional<Bar> acc;
    bool accHasTrades = false;
    for (std::size_t i = 0; i < bars.size(); ++i) {
        const Bar& bar = bars[i];
        if (bar.timeframe != source)
            return fail(ErrorCode::InvalidArgument, "bar " + std::to_string(i) + " is " +
                                                        bar.timeframe.toString() + ", not " +
                                                        source.toString());
        if (source.bucketStart(bar.openTime) != bar.openTime)
            return fail(ErrorCode::InvalidArgument,
                        "bar " + std::to_string(i) + " does not open on a bucket start");
        if (i > 0 && bar.openTime <= bars[i - 1].openTime)
            return fail(ErrorCode::InvalidArgument,
                        "bar " + std::to_string(i) + " is not after the bar before it");

        const TimestampNs bucket = target.bucketStart(bar.openTime);
        if (!acc || acc->openTime != bucket) {
            if (acc)
                out.push_back(*acc);
            acc = bar;
            acc->openTime = bucket;
            acc->timeframe = target;
            accHasTrades = !bar.isEmpty();
            continue;
        }
        auto volume = acc->volume.add(bar.volume);
        if (!volume)
            return std::move(volume).error();
        acc->volume = *volume;
        acc->tradeCount += bar.tradeCount;
        if (bar.isEmpty() && accHasTrades)
            continue; // a flat placeholder adds no prices to a bucket that traded
        if (!bar.isEmpty() && !accHasTrades) {
            // The first bar that traded replaces the flat placeholders before it.
            acc->open = bar.open;
            acc->high = bar.high;
            acc->low = bar.low;
            accHasTrades = true;
        }
        acc->high = std::max(acc->high, bar.high);
        acc->low = std::min(acc->low, bar.low);
        acc->close = bar.close;
    }
    out.push_back(*acc);
    return out;
}

} // namespace cw::engine
