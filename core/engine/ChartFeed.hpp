// SPDX-License-Identifier: MIT
#pragma once

#include "core/adapters/InstrumentKey.hpp"
#include "core/common/Result.hpp"
#include "core/domain/Bar.hpp"
#include "core/domain/BarSeries.hpp"
#include "core/domain/Timeframe.hpp"
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
/// Thread: engine; not thread-safe.
class ChartFeed {
public:
    /// Precondition (CW_ASSERT): Timeframe::minutes(1).nestsWithin(timeframe).
    ChartFeed(ChartId id, adapters::InstrumentKey instrument, Timeframe timeframe);

    ChartId id() const { return m_id; }
    const adapters::InstrumentKey& instrument() const { return m_instrument; }
    const Timeframe& timeframe() const { return m_timeframe; }

    /// Rebuilds everything from the instrument's closed 1m bars and forming 1m bar (history
    /// arrived, timeframe changed); the next snapshot is a Full one.
    void rebuild(std::span<const Bar> minuteBars, const std::optional<Bar>& formingMinute);
    /// Changes the timeframe and rebuilds. Precondition as the constructor.
    void setTimeframe(const Timeframe& timeframe, std::span<const Bar> minuteBars,
                      const std::optional<Bar>& formingMinute);

    /// Live update: 1m bars that just closed (oldest first) and the 1m forming bar now.
    void advance(std::span<const Bar> closedMinutes, const std::optional<Bar>& formingMinute);

    /// Attaches an indicator computed over the current bars (next snapshot Full).
    /// InvalidArgument when `id` is already attached.
    Result<void> addIndicator(IndicatorId id, const indicators::ConfiguredIndicator& indicator);
    /// NotFound when `id` is not attached.
    Result<void> removeIndicator(IndicatorId id);

    bool hasChanges() const { return m_dirty; }
    /// The snapshot of what changed since the previous one (Full after a rebuild or indicator
    /// change, else Delta), with the next version number; clears the change marks.
    ChartSnapshotPtr takeSnapshot();

    /// The closed chart bars (exact), oldest first.
    const std::vector<Bar>& closedBars() const { return m_closed; }
    const std::optional<Bar>& formingBar() const { return m_forming; }

private:
    struct AttachedIndicator {
        IndicatorId id = 0;
        indicators::ConfiguredIndicator config;
        std::unique_ptr<indicators::IStreamingIndicator> stream;
        std::shared_ptr<std::vector<std::vector<double>>> closedColumns;
        std::vector<std::vector<double>> appended; ///< since the last snapshot
    };

    Bar asChartBar(const Bar& minute) const;
    void closeChartBar(const Bar& bar);
    void setForming(const std::optional<Bar>& bar);
    void recomputeIndicator(AttachedIndicator& indicator);
    void ownBars();
    static void ownColumns(AttachedIndicator& indicator);
    static Bar combine(const Bar& chartBar, const Bar& minute);

    ChartId m_id;
    adapters::InstrumentKey m_instrument;
    Timeframe m_timeframe;

    std::vector<Bar> m_closed;         ///< exact closed bars
    std::shared_ptr<BarSeries> m_bars; ///< the same as rows; shared copy-on-write
    std::optional<Bar> m_partial;      ///< closed 1m bars of the current bucket, combined
    std::optional<Bar> m_forming;      ///< m_partial plus the forming 1m bar
    bool m_streamsHoldForming = false; ///< the streams' last bar is m_forming
    std::vector<AttachedIndicator> m_indicators;

    std::uint64_t m_version = 0;
    bool m_needsFull = true;
    bool m_dirty = true;
    std::vector<OhlcvRow> m_appendedRows; ///< closed since the last snapshot
};

} // namespace cw::engine
