// SPDX-License-Identifier: MIT
#pragma once

#include "core/domain/BarSeries.hpp"
#include "core/indicators/ConfiguredIndicator.hpp"
#include "ui/chart/ChartIndicator.hpp"

#include <QColor>

#include <cstddef>
#include <string>

namespace cw::ui {

/// Turns a configured indicator from the registry into a ChartIndicator: outputs computed by
/// the batch kernel over the bars, plus the streaming form, fed the same bars once, so that
/// ChartModel::appendBar / updateLastBar continue the outputs bar by bar without recomputing.
/// Oscillators with conventional bounds get their levels and fixed range (RSI 30/70 on 0..100,
/// stochastics 20/80, Williams %R, CCI ±100); an output named "hist" or "histogram" is drawn as
/// a histogram.
/// Thread: any (no shared state); the result belongs to the caller.
class ChartIndicatorFactory {
public:
    /// `colourIndex` picks the first colour from `paletteColor`; outputs take the next ones.
    static ChartIndicator create(const indicators::ConfiguredIndicator& config,
                                 const BarSeries& bars, std::size_t colourIndex = 0);
    /// Recomputes the outputs of `target` (made by `create` from `config`) over `bars` after
    /// the history changed, e.g. when older bars were loaded; restarts its stream.
    static void recompute(ChartIndicator& target, const indicators::ConfiguredIndicator& config,
                          const BarSeries& bars);
    /// A distinct colour for overlay number `i` (cycles).
    static QColor paletteColor(std::size_t i);
    /// "RSI 14", "BBANDS 20 2".
    static std::string displayName(const indicators::ConfiguredIndicator& config);
};

} // namespace cw::ui
