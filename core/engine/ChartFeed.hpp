// SPDX-License-Identifier: MIT
#pragma once

#include "core/adapters/InstrumentKey.hpp"
#include "core/common/Result.hpp"
#include "core/domain/Bar.hpp"
#include "core/domain/BarSeries.hpp"
#include "core/domain/Timeframe.hpp"
#include "core/engine/BarStore.hpp"
#include "core/engine/ChartSnapshot.hpp"
#include "core/indicators/ConfiguredIndicator.hpp"

#include <memory>
#include <optional>
#include <span>
#include <vector>

namespace cw::engine {

/// The engine's state for one open chart: the bars of its timeframe built from the
/// instrument's 1m bars (closed bars, the partly built bar of the current bucket and the
/// forming bar), the attached streaming indicators, and what changed since the last snapshot.
///
/// Chart bars follow BarAggregator::resample exactly: a chart bar closes when the 1m bar that
/// ends its bucket closes, or when a 1m bar of a later bucket appears. Streaming indicators
/// see `updateLast` for every revision of the forming bar and `update` for each new bar.
///
/// Memory: the closed bars are kept once, exactly: a 1m chart reads the instrument's 1m
/// BarStore (the engine's, passed to `rebuild`, which must outlive the feed or be passed
/// again), a coarser chart keeps a BarStore of its own. The doubles of a Full snapshot (the
/// BarSeries and the indicators' closed columns) are built when the snapshot is taken and
/// handed over; the feed keeps no copy of them (docs/live-path-performance.md).
///
/// Thread: engine; not thread-safe.
class ChartFeed {
public:
    /// Precondition (CW_ASSERT): Timeframe::minutes(1).nestsWithin(timeframe).
    ChartFeed(ChartId id, adapters::InstrumentKey instrument, Timeframe timeframe);

    ChartId id() const { return m_id; }
    const adapters::InstrumentKey& instrument() const { return m_instrument; }
    const Timeframe& timeframe() const { return m_timeframe; }

    /// Rebuilds everything from the instrument's closed 1m bars and forming 1m bar (history
    /// arrived, timeframe changed); the next snapshot is a Full one. A 1m chart keeps reading
    /// `minuteBars` from now on: it must stay alive (and current: the engine appends closed
    /// 1m bars to it before calling `advance`) until the next rebuild.
    void rebuild(const BarStore& minuteBars, const std::optional<Bar>& formingMinute);
    /// Changes the timeframe and rebuilds. Precondition as the constructor.
    void setTimeframe(const Timeframe& timeframe, const BarStore& minuteBars,
                      const std::optional<Bar>& formingMinute);

    /// Live update: 1m bars that just closed (oldest first; already appended to the store
    /// given to `rebuild`) and the 1m forming bar now.
    void advance(std::span<const Bar> closedMinutes, const std::optional<Bar>& formingMinute);

    /// Attaches an indicator computed over the current bars (next snapshot Full).
    /// InvalidArgument when `id` is already attached.
    Result<void> addIndicator(IndicatorId id, const indicators::ConfiguredIndicator& indicator);
    /// NotFound when `id` is not attached.
    Result<void> removeIndicator(IndicatorId id);

    /// Whether the closed bars start at the oldest bar the venue has (ChartSnapshot::
    /// historyStart); a change makes the next snapshot a Full one.
    void setHistoryStart(bool start);
    bool historyStart() const { return m_historyStart; }

    bool hasChanges() const { return m_dirty; }
    /// The snapshot of what changed since the previous one (Full after a rebuild or indicator
    /// change, else Delta), with the next version number; clears the change marks.
    ChartSnapshotPtr takeSnapshot();

    /// The closed chart bars (exact), oldest first, as values (O(n); for tests and tools).
    std::vector<Bar> closedBars() const { return closedStore().toVector(); }
    std::size_t closedBarCount() const { return closedStore().size(); }
    const std::optional<Bar>& formingBar() const { return m_forming; }
    /// Heap bytes of the exact bars this feed keeps itself (0 for a 1m chart, which reads the
    /// instrument's store).
    std::size_t ownBarBytes() const { return m_closed.memoryBytes(); }

private:
    struct AttachedIndicator {
        IndicatorId id = 0;
        indicators::ConfiguredIndicator config;
        std::unique_ptr<indicators::IStreamingIndicator> stream;
        std::vector<std::vector<double>> appended; ///< since the last snapshot
    };

    /// A 1m chart's closed bars are the instrument's 1m bars.
    bool readsMinuteStore() const { return m_timeframe == Timeframe::minutes(1); }
    const BarStore& closedStore() const;
    Bar asChartBar(const Bar& minute) const;
    /// One closed 1m bar into the current bucket (the rules of BarAggregator::resample);
    /// closes chart bars on the way. `live`: streams and the next Delta see them.
    void accumulate(const Bar& minute, bool live);
    void closeChartBar(const Bar& bar, bool live);
    void setForming(const std::optional<Bar>& bar);
    void restartStream(AttachedIndicator& indicator);
    /// The closed bars as rows, built once per Full (and kept current until it is taken).
    BarSeries& fullBars();
    /// `indicator`'s batch kernel over `bars`, one column per output.
    static std::shared_ptr<const std::vector<std::vector<double>>>
    closedColumns(const AttachedIndicator& indicator, const BarSeries& bars);
    static Bar combine(const Bar& chartBar, const Bar& minute);

    ChartId m_id;
    adapters::InstrumentKey m_instrument;
    Timeframe m_timeframe;

    const BarStore* m_minutes = nullptr; ///< the instrument's 1m bars (from `rebuild`)
    BarStore m_closed;                   ///< exact closed bars of a coarser chart
    /// The rows of the pending Full snapshot; null when none is pending or not built yet.
    std::shared_ptr<BarSeries> m_fullBars;
    std::optional<Bar> m_partial;      ///< closed 1m bars of the current bucket, combined
    std::optional<Bar> m_forming;      ///< m_partial plus the forming 1m bar
    bool m_streamsHoldForming = false; ///< the streams' last bar is m_forming
    std::vector<AttachedIndicator> m_indicators;

    std::uint64_t m_version = 0;
    bool m_needsFull = true;
    bool m_dirty = true;
    bool m_historyStart = false;
    std::vector<OhlcvRow> m_appendedRows; ///< closed since the last snapshot
};

} // namespace cw::engine
