// SPDX-License-Identifier: MIT
#include "core/engine/ChartFeed.hpp"

#include "core/common/Assert.hpp"
#include "core/engine/BarAggregator.hpp"

#include <algorithm>
#include <limits>
#include <string>

namespace cw::engine {

ChartFeed::ChartFeed(ChartId id, adapters::InstrumentKey instrument, Timeframe timeframe)
    : m_id(id), m_instrument(instrument), m_timeframe(timeframe),
      m_bars(std::make_shared<BarSeries>()) {
    CW_ASSERT(Timeframe::minutes(1).nestsWithin(m_timeframe));
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

void ChartFeed::ownBars() {
    if (m_bars.use_count() > 1)
        m_bars = std::make_shared<BarSeries>(*m_bars);
}

void ChartFeed::ownColumns(AttachedIndicator& indicator) {
    if (indicator.closedColumns.use_count() > 1)
        indicator.closedColumns =
            std::make_shared<std::vector<std::vector<double>>>(*indicator.closedColumns);
}

void ChartFeed::rebuild(std::span<const Bar> minuteBars, const std::optional<Bar>& formingMinute) {
    m_closed.clear();
    m_partial.reset();
    m_forming.reset();
    m_appendedRows.clear();
    m_needsFull = true;
    m_dirty = true;

    if (!minuteBars.empty()) {
        if (m_timeframe == Timeframe::minutes(1)) {
            m_closed.assign(minuteBars.begin(), minuteBars.end());
        } else {
            auto resampled = BarAggregator::resample(minuteBars, m_timeframe);
            CW_CHECK(resampled.hasValue(), resampled = std::vector<Bar>{});
            m_closed = std::move(*resampled);
        }
        // The newest chart bar is still being built unless the last 1m bar ends its bucket.
        const Bar& lastMinute = minuteBars.back();
        if (!m_closed.empty() &&
            lastMinute.closeTime() < m_timeframe.nextBucketStart(lastMinute.openTime)) {
            m_partial = m_closed.back();
            m_closed.pop_back();
        }
    }
    if (formingMinute) {
        if (m_partial && m_partial->openTime != m_timeframe.bucketStart(formingMinute->openTime)) {
            m_closed.push_back(*m_partial);
            m_partial.reset();
        }
        m_forming = m_partial ? combine(*m_partial, *formingMinute) : asChartBar(*formingMinute);
    } else {
        m_forming = m_partial;
    }

    auto bars = std::make_shared<BarSeries>(m_closed.size() + 1);
    for (const Bar& bar : m_closed)
        bars->append(bar.toOhlcvRow());
    m_bars = std::move(bars);
    for (AttachedIndicator& indicator : m_indicators)
        recomputeIndicator(indicator);
    m_streamsHoldForming = m_forming.has_value();
}

void ChartFeed::setTimeframe(const Timeframe& timeframe, std::span<const Bar> minuteBars,
                             const std::optional<Bar>& formingMinute) {
    CW_ASSERT(Timeframe::minutes(1).nestsWithin(timeframe));
    m_timeframe = timeframe;
    rebuild(minuteBars, formingMinute);
}

void ChartFeed::recomputeIndicator(AttachedIndicator& indicator) {
    const std::size_t outputs = indicator.config.descriptor().outputs.size();
    const std::size_t n = m_bars->size();
    auto columns = std::make_shared<std::vector<std::vector<double>>>(
        outputs, std::vector<double>(n, std::numeric_limits<double>::quiet_NaN()));
    if (n > 0) {
        std::vector<std::span<double>> spans;
        for (std::vector<double>& column : *columns)
            spans.emplace_back(column);
        indicator.config.computeBatch(m_bars->view(), spans);
    }
    indicator.closedColumns = std::move(columns);
    indicator.appended.assign(outputs, {});

    indicator.stream = indicator.config.makeStream();
    for (std::size_t i = 0; i < n; ++i)
        indicator.stream->update(m_bars->row(i));
    if (m_forming)
        indicator.stream->update(m_forming->toOhlcvRow());
}

void ChartFeed::closeChartBar(const Bar& bar) {
    const OhlcvRow row = bar.toOhlcvRow();
    ownBars();
    m_closed.push_back(bar);
    m_bars->append(row);
    m_appendedRows.push_back(row);
    for (AttachedIndicator& indicator : m_indicators) {
        if (m_streamsHoldForming)
            indicator.stream->updateLast(row);
        else
            indicator.stream->update(row);
        ownColumns(indicator);
        for (std::size_t k = 0; k < indicator.closedColumns->size(); ++k) {
            const double value = indicator.stream->value(k);
            (*indicator.closedColumns)[k].push_back(value);
            indicator.appended[k].push_back(value);
        }
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

void ChartFeed::advance(std::span<const Bar> closedMinutes,
                        const std::optional<Bar>& formingMinute) {
    for (const Bar& minute : closedMinutes) {
        const TimestampNs bucket = m_timeframe.bucketStart(minute.openTime);
        if (m_partial && m_partial->openTime != bucket) {
            closeChartBar(*m_partial);
            m_partial.reset();
        }
        m_partial = m_partial ? combine(*m_partial, minute) : asChartBar(minute);
        if (minute.closeTime() >= m_timeframe.nextBucketStart(minute.openTime)) {
            closeChartBar(*m_partial);
            m_partial.reset();
        }
    }
    if (formingMinute) {
        if (m_partial && m_partial->openTime != m_timeframe.bucketStart(formingMinute->openTime)) {
            closeChartBar(*m_partial);
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
    m_indicators.push_back(AttachedIndicator{id, indicator, nullptr, nullptr, {}});
    recomputeIndicator(m_indicators.back());
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

ChartSnapshotPtr ChartFeed::takeSnapshot() {
    auto snapshot = std::make_shared<ChartSnapshot>();
    snapshot->chartId = m_id;
    snapshot->instrument = m_instrument;
    snapshot->timeframe = m_timeframe;
    snapshot->version = ++m_version;
    if (m_forming)
        snapshot->formingBar = m_forming->toOhlcvRow();
    if (m_needsFull) {
        snapshot->kind = ChartSnapshot::Kind::Full;
        snapshot->bars = m_bars;
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
            out.closedColumns = indicator.closedColumns;
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
