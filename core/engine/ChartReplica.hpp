// SPDX-License-Identifier: MIT
#pragma once

#include "core/common/Result.hpp"
#include "core/domain/BarSeries.hpp"
#include "core/engine/ChartSnapshot.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

namespace cw::engine {

/// The consumer side of ChartSnapshot: applies a Full and then Deltas and holds the resulting
/// bars (closed bars, then the forming one as the last row) and indicator columns, so a view
/// model never needs to know which kind arrived.
///
/// Storage: a Full copies its closed bars and columns once (the snapshot stays immutable for
/// anyone else holding it) into buffers of the replica's own, with room for the bars that
/// follow; Deltas change those buffers in place. A view model shows them without a copy
/// through `sharedBars()` / `sharedIndicatorColumn()`: the handles stay valid, and see every
/// change, until the next Full (which hands out new ones). That is the only copy of the chart's
/// doubles on the consumer side (docs/live-path-performance.md).
///
/// Thread: the consumer's (GUI); not thread-safe. Handles are read on the same thread.
class ChartReplica {
public:
    /// Errors (InvalidArgument): a Delta that does not apply to the current version (none
    /// received yet, or a gap), or whose indicators differ from the current ones; the replica
    /// is unchanged then.
    Result<void> apply(const ChartSnapshot& snapshot);

    std::uint64_t version() const { return m_version; }
    bool hasFormingBar() const { return m_hasForming; }
    /// Closed bars followed by the forming bar, if any.
    const BarSeries& bars() const { return *m_bars; }
    /// The same bars as a handle that follows this replica until its next Full (never null).
    std::shared_ptr<const BarSeries> sharedBars() const { return m_bars; }
    std::size_t indicatorCount() const { return m_indicators.size(); }
    /// Indicator `i`'s output `k`, one value per row of `bars()` (the forming value last).
    const std::vector<double>& indicatorColumn(std::size_t i, std::size_t k) const {
        return *m_indicators[i].columns[k];
    }
    /// The same column as a handle that follows this replica until its next Full.
    std::shared_ptr<const std::vector<double>> sharedIndicatorColumn(std::size_t i,
                                                                     std::size_t k) const {
        return m_indicators[i].columns[k];
    }
    IndicatorId indicatorId(std::size_t i) const { return m_indicators[i].id; }

private:
    using Column = std::shared_ptr<std::vector<double>>;
    struct Indicator {
        IndicatorId id = 0;
        std::vector<Column> columns; ///< never null
    };

    void applyFull(const ChartSnapshot& snapshot);
    void dropForming();

    std::uint64_t m_version = 0;
    bool m_received = false;
    bool m_hasForming = false;
    std::shared_ptr<BarSeries> m_bars = std::make_shared<BarSeries>();
    std::vector<Indicator> m_indicators;
};

} // namespace cw::engine
