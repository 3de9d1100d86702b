// SPDX-License-Identifier: MIT
#pragma once

namespace cw::ui {

/// How the price pane draws bars.
enum class ChartStyle {
    Invalid = 0,
    Candles,    ///< bodies from open to close with high-low wicks
    OhlcBars,   ///< high-low line with an open tick left and a close tick right
    Line,       ///< polyline through the closes
    HeikinAshi, ///< candles of the Heikin-Ashi transform of the bars
};

} // namespace cw::ui
