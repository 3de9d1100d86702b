// SPDX-License-Identifier: MIT
#pragma once

#include "core/common/Error.hpp"
#include "core/engine/ChartSnapshot.hpp"
#include "core/engine/FeedStatusSnapshot.hpp"
#include "core/engine/QuoteBoardSnapshot.hpp"
#include "core/engine/TradingSnapshot.hpp"

#include <cstdint>
#include <memory>
#include <vector>

namespace cw::engine {

/// What the engine publishes in one frame: only what changed since the previous batch.
struct SnapshotBatch {
    std::uint64_t sequence = 0;           ///< 1, 2, ... per engine
    std::vector<ChartSnapshotPtr> charts; ///< at most one per chart
    std::vector<ChartId> closedCharts;    ///< charts closed since the previous batch
    QuoteBoardSnapshotPtr quotes;         ///< null when the quote board did not change
    FeedStatusSnapshotPtr feeds;          ///< null when no feed changed
    std::vector<Error> errors;            ///< commands rejected since the previous batch
    /// Orders, fills, positions, notices: null when unchanged. Only what the journal committed.
    std::shared_ptr<const TradingSnapshot> trading;

    bool empty() const {
        return charts.empty() && closedCharts.empty() && !quotes && !feeds && errors.empty() &&
               !trading;
    }
};

} // namespace cw::engine
