// SPDX-License-Identifier: MIT
#pragma once

#include "core/adapters/InstrumentKey.hpp"
#include "core/common/Result.hpp"
#include "core/domain/BarSeries.hpp"
#include "core/domain/OhlcvRow.hpp"
#include "core/domain/Timeframe.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace cw::engine {

/// Identifies one open chart; chosen by the UI, unique among open charts.
using ChartId = std::uint64_t;
/// Identifies one indicator attached to a chart; chosen by the UI, unique within the chart.
using IndicatorId = std::uint64_t;

/// The values of one indicator of a chart, in the same full/delta form as its snapshot.
struct IndicatorSnapshot {
    IndicatorId indicatorId = 0;
    std::string label;                    ///< "rsi_14" (ConfiguredIndicator::label)
    std::vector<std::string> outputNames; ///< one per output, in the descriptor's order
    /// Full: one column per output, one value per closed bar (NaN while warming up), shared
    /// and never modified. Delta: null.
    std::shared_ptr<const std::vector<std::vector<double>>> closedColumns;
    /// Delta: one column per output with the values of the bars closed since the base version.
    std::vector<std::vector<double>> appendedValues;
    /// One value per output at the forming bar; empty when there is no forming bar.
    std::vector<double> formingValues;

    friend bool operator==(const IndicatorSnapshot&, const IndicatorSnapshot&) = default;
};

/// What one chart shows, as an immutable value the engine hands to the UI (shared as
/// `std::shared_ptr<const ChartSnapshot>`).
///
/// A Full snapshot (on open, timeframe change, indicator change, history arrival) carries every
/// closed bar in `bars` and every indicator's closed values, built for this snapshot from the
/// engine's exact bars and handed over: the engine keeps no copy of them, and nobody may
/// change them (a consumer copies what it wants to extend; ChartReplica does once per Full). A
/// Delta carries only the bars closed since `baseVersion` in `appendedBars`; applying it to the
/// state of version `baseVersion` gives the state of `version`. Both carry the forming bar (absent
/// when none) and the indicators in the same form. Versions increase by one per snapshot of a
/// chart.
struct ChartSnapshot {
    enum class Kind { Invalid = 0, Full, Delta };

    ChartId chartId = 0;
    adapters::InstrumentKey instrument;
    Timeframe timeframe;
    Kind kind = Kind::Invalid;
    std::uint64_t version = 0;
    std::uint64_t baseVersion = 0; ///< Delta: the version it applies to; Full: 0

    std::shared_ptr<const BarSeries> bars; ///< Full: the closed bars; Delta: null
    std::vector<OhlcvRow> appendedBars;    ///< Delta: bars closed since baseVersion
    std::optional<OhlcvRow> formingBar;
    std::vector<IndicatorSnapshot> indicators;
    /// The oldest bar is the oldest the venue has: loading older history (LoadOlderBars) would
    /// bring nothing. It changes only with a Full snapshot, so merging keeps it.
    bool historyStart = false;

    /// One snapshot with the effect of applying `older` and then `newer`, so a consumer that
    /// skips `older` loses nothing. `newer` Full: `newer`. `newer` Delta on a Full: a Full
    /// with the appended bars and values added (a copy of the bars). Delta on Delta: the
    /// appended bars and values concatenated, forming bar and values from `newer`.
    /// Errors (InvalidArgument): different charts, or `newer` is a Delta whose baseVersion is
    /// not `older.version`, or whose indicators differ from `older`'s.
    static Result<ChartSnapshot> merged(const ChartSnapshot& older, const ChartSnapshot& newer);
};

using ChartSnapshotPtr = std::shared_ptr<const ChartSnapshot>;

} // namespace cw::engine
