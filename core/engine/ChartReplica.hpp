// SPDX-License-Identifier: MIT
#pragma once

#include "core/common/Result.hpp"
#include "core/domain/BarSeries.hpp"
#include "core/engine/ChartSnapshot.hpp"

#include <cstdint>
#include <optional>
#include <vector>

namespace cw::engine {

/// The consumer side of ChartSnapshot: applies a Full and then Deltas and holds the resulting
/// bars (closed bars, then the forming one as the last row) and indicator columns, so a view
/// model never needs to know which kind arrived.
///
/// Thread: the consumer's (GUI); not thread-safe.
class ChartReplica {
public:
    /// Errors (InvalidArgument): a Delta that does not apply to the current version (none
    /// received yet, or a gap), or whose indicators differ from the current ones; the replica
    /// is unchanged then.
    Result<void> apply(const ChartSnapshot& snapshot);

    std::uint64_t version() const { return m_version; }
    bool hasFormingBar() const { return m_hasForming; }
    /// Closed bars followed by the forming bar, if any.
    const BarSeries& bars() const { return m_bars; }
    std::size_t indicatorCount() const { return m_indicators.size(); }
    /// Indicator `i`'s output `k`, one value per row of `bars()` (the forming value last).
    const std::vector<double>& indicatorColumn(std::size_t i, std::size_t k) const {
        return m_indicators[i].columns[k];
    }
    IndicatorId indicatorId(std::size_t i) const { return m_indicators[i].id; }

private:
    struct Indicator {
        IndicatorId id = 0;
        std::vector<std::vector<double>> columns;
    };

    void dropForming();

    std::uint64_t m_version = 0;
    bool m_received = false;
    bool m_hasForming = false;
    BarSeries m_bars;
    std::vector<Indicator> m_indicators;
};

} // namespace cw::engine
