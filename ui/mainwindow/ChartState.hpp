// SPDX-License-Identifier: MIT
#pragma once

#include "ui/chart/ChartStyle.hpp"
#include "ui/mainwindow/IndicatorSettings.hpp"

#include <string>
#include <vector>

namespace cw::ui {

/// What a chart tab needs to be opened again: instrument, timeframe, style and indicators.
/// Thread: a plain value.
struct ChartState {
    std::string instrument = "SIM:BTCUSDT"; ///< InstrumentKey::toString form
    std::string timeframe = "1m";           ///< Timeframe::toString form
    ChartStyle style = ChartStyle::Candles;
    std::vector<IndicatorSettings> indicators;

    friend bool operator==(const ChartState&, const ChartState&) = default;
};

} // namespace cw::ui
