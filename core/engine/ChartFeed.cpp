// SPDX-License-Identifier: MIT
#include "core/engine/ChartFeed.hpp"

#include "core/common/Assert.hpp"

#include <algorithm>
#include <limits>
#include <string>

namespace cw::engine {

ChartFeed::ChartFeed(ChartId id, adapters::InstrumentKey instrument, Timeframe timeframe)
    : m_id(id), m_instrument(instrument), m_timeframe(timeframe), m_closed(timeframe) {
    CW_ASSERT(Timeframe::minutes(1).nestsWithin(m_timeframe));
}

const BarStore& ChartFeed::closedStore() const {
    static const BarStore kNone;
    if (readsMinuteStore())
        return m_minutes ? *m_minutes : kNone;
    return m_closed;
}

Bar ChartFeed::asChartBar(const Bar& minute) const {
    Bar bar = minute;
    bar.openTime = m_timeframe.bucketStart(minute.openTime);
    bar.timeframe = m_timeframe;
    return bar;
}

// The rules of BarAggregator::resample, one source bar at a time: open and close from the
// first and last non-empty bars, high and low over the non-empty ones, sums of volume and
// trade count; a bucket of only flat bars stays flat at the first one's price.
Bar ChartFeed::combine(const Bar& chartBar, const Bar& minute) {
    if (minute.isEmpty())
        return chartBar;
    Bar out = chartBar;
    if (chartBar.isEmpty()) {
        out.open = minute.open;
        out.high = minute.high;
        out.low = minute.low;
    } else {
        out.high = std::max(chartBar.high, minute.high);
        out.low = std::min(chartBar.low, minute.low);
    }
    out.close = minute.close;
    auto volume = chartBar.volume.add(minute.volume);
    CW_CHECK(volume.hasValue(), return out);
    out.volume = *volume;
    out.tradeCount += minute.tradeCount;
    return out;
}

BarSeries& ChartFeed::fullBars() {
    if (!m_fullBars)
        m_fullBars = std::make_shared<BarSeries>(closedStore().toSeries());
    return *m_fullBars;
}

void ChartFeed::rebuild(const BarStore& minuteBars, const std::optional<Bar>& formingMinute) {
    m_minutes = &minuteBars;
    m_closed.clear();
    m_fullBars.reset();
    m_partial.reset();
    m_forming.reset();
    m_appendedRows.clear();
    m_needsFull = true;
    m_dirty = true;

    // A 1m chart's closed bars are the store itself; a coarser one builds its own.
    if (!readsMinuteStore())
        for (std::size_t i = 0; i < minuteBars.size(); ++i)
            accumulate(minuteBars.bar(i), false);
    if (formingMinute) {
        if (m_partial && m_partial->openTime != m_timeframe.bucketStart(formingMinute->openTime)) {
            closeChartBar(*m_partial, false);
            m_partial.reset();
        }
        m_forming = m_partial ? combine(*m_partial, *formingMinute) : asChartBar(*formingMinute);
    } else {
        m_forming = m_partial;
    }
    for (AttachedIndicator& indicator : m_indicators)
        restartStream(indicator);
    m_streamsHoldForming = m_forming.has_value();
}

void ChartFeed::setTimeframe(const Timeframe& timeframe, const BarStore& minuteBars,
                             const std::optional<Bar>& formingMinute) {
    CW_ASSERT(Timeframe::minutes(1).nestsWithin(timeframe));
    m_timeframe = timeframe;
    m_closed = BarStore(timeframe);
    rebuild(minuteBars, formingMinute);
}

void ChartFeed::restartStream(AttachedIndicator& indicator) {
    indicator.appended.assign(indicator.config.descriptor().outputs.size(), {});
    indicator.stream = indicator.config.makeStream();
    const BarSeries& rows = fullBars();
    for (std::size_t i = 0; i < rows.size(); ++i)
        indicator.stream->update(rows.row(i));
    if (m_forming)
        indicator.stream->update(m_forming->toOhlcvRow());
}

void ChartFeed::closeChartBar(const Bar& bar, bool live) {
    if (!readsMinuteStore()) {
        auto appended = m_closed.append(bar);
        CW_CHECK(appended.hasValue(), return );
    }
    const OhlcvRow row = bar.toOhlcvRow();
    if (m_fullBars)
        m_fullBars->append(row);
    if (!live)
        return;
    m_appendedRows.push_back(row);
    for (AttachedIndicator& indicator : m_indicators) {
        if (m_streamsHoldForming)
            indicator.stream->updateLast(row);
        else
            indicator.stream->update(row);
        for (std::size_t k = 0; k < indicator.appended.size(); ++k)
            indicator.appended[k].push_back(indicator.stream->value(k));
    }
    m_streamsHoldForming = false;
    m_dirty = true;
}

void ChartFeed::setForming(const std::optional<Bar>& bar) {
    if (bar == m_forming)
        return;
    m_forming = bar;
    m_dirty = true;
    if (!m_forming)
        return;
    const OhlcvRow row = m_forming->toOhlcvRow();
    for (AttachedIndicator& indicator : m_indicators) {
        if (m_streamsHoldForming)
            indicator.stream->updateLast(row);
        else
            indicator.stream->update(row);
    }
    m_streamsHoldForming = true;
}

void ChartFeed::accumulate(const Bar& minute, bool live) {
    const TimestampNs bucket = m_timeframe.bucketStart(minute.openTime);
    if (m_partial && m_partial->openTime != bucket) {
        closeChartBar(*m_partial, live);
        m_partial.reset();
    }
    m_partial = m_partial ? combine(*m_partial, minute) : asChartBar(minute);
    if (minute.closeTime() >= m_timeframe.nextBucketStart(minute.openTime)) {
        closeChartBar(*m_partial, live);
        m_partial.reset();
    }
}

void ChartFeed::advance(std::span<const Bar> closedMinutes,
                        const std::optional<Bar>& formingMinute) {
    for (const Bar& minute : closedMinutes)
        accumulate(minute, true);
    if (formingMinute) {
        if (m_partial && m_partial->openTime != m_timeframe.bucketStart(formingMinute->openTime)) {
            closeChartBar(*m_partial, true);
            m_partial.reset();
        }
        setForming(m_partial ? combine(*m_partial, *formingMinute) : asChartBar(*formingMinute));
    } else {
        setForming(m_partial);
    }
}

Result<void> ChartFeed::addIndicator(IndicatorId id,
                                     const indicators::ConfiguredIndicator& indicator) {
    for (const AttachedIndicator& attached : m_indicators)
        if (attached.id == id)
            return fail(ErrorCode::InvalidArgument, "indicator " + std::to_string(id) +
                                                        " is already on chart " +
                                                        std::to_string(m_id));
    m_indicators.push_back(AttachedIndicator{id, indicator, nullptr, {}});
    restartStream(m_indicators.back());
    m_needsFull = true;
    m_dirty = true;
    return {};
}

Result<void> ChartFeed::removeIndicator(IndicatorId id) {
    auto it = std::find_if(m_indicators.begin(), m_indicators.end(),
                           [id](const AttachedIndicator& a) { return a.id == id; });
    if (it == m_indicators.end())
        return fail(ErrorCode::NotFound,
                    "no indicator " + std::to_string(id) + " on chart " + std::to_string(m_id));
    m_indicators.erase(it);
    m_needsFull = true;
    m_dirty = true;
    return {};
}

void ChartFeed::setHistoryStart(bool start) {
    if (start == m_historyStart)
        return;
    m_historyStart = start;
    m_needsFull = true; // the flag travels with Full snapshots only (ChartSnapshot::merged)
    m_dirty = true;
}

std::shared_ptr<const std::vector<std::vector<double>>>
ChartFeed::closedColumns(const AttachedIndicator& indicator, const BarSeries& bars) {
    const std::size_t outputs = indicator.config.descriptor().outputs.size();
    // Each column allocated by itself: copying a prototype column would free a column-sized
    // block, which makes glibc keep later blocks of that size in its heap after they are freed.
    auto columns = std::make_shared<std::vector<std::vector<double>>>(outputs);
    for (std::vector<double>& column : *columns)
        column.assign(bars.size(), std::numeric_limits<double>::quiet_NaN());
    if (!bars.empty()) {
        std::vector<std::span<double>> spans;
        for (std::vector<double>& column : *columns)
            spans.emplace_back(column);
        indicator.config.computeBatch(bars.view(), spans);
    }
    return columns;
}

ChartSnapshotPtr ChartFeed::takeSnapshot() {
    auto snapshot = std::make_shared<ChartSnapshot>();
    snapshot->chartId = m_id;
    snapshot->instrument = m_instrument;
    snapshot->timeframe = m_timeframe;
    snapshot->version = ++m_version;
    if (m_forming)
        snapshot->formingBar = m_forming->toOhlcvRow();
    snapshot->historyStart = m_historyStart;
    // A Full carries the closed bars and every indicator's closed values, built now from the
    // exact bars and handed over: the feed keeps no copy (only its streams).
    std::shared_ptr<BarSeries> fullBars;
    if (m_needsFull) {
        snapshot->kind = ChartSnapshot::Kind::Full;
        fullBars = m_fullBars ? std::move(m_fullBars)
                              : std::make_shared<BarSeries>(closedStore().toSeries());
        m_fullBars.reset();
        snapshot->bars = fullBars;
    } else {
        snapshot->kind = ChartSnapshot::Kind::Delta;
        snapshot->baseVersion = m_version - 1;
        snapshot->appendedBars = std::move(m_appendedRows);
    }
    for (AttachedIndicator& indicator : m_indicators) {
        IndicatorSnapshot out;
        out.indicatorId = indicator.id;
        out.label = indicator.config.label();
        out.outputNames = indicator.config.descriptor().outputs;
        if (m_needsFull)
            out.closedColumns = closedColumns(indicator, *fullBars);
        else
            out.appendedValues = std::move(indicator.appended);
        if (m_forming)
            for (std::size_t k = 0; k < out.outputNames.size(); ++k)
                out.formingValues.push_back(indicator.stream->value(k));
        indicator.appended.assign(out.outputNames.size(), {});
        snapshot->indicators.push_back(std::move(out));
    }
    m_appendedRows.clear();
    m_needsFull = false;
    m_dirty = false;
    return snapshot;
}

} // namespace cw::engine
