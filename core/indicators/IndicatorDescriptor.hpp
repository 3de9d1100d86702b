// SPDX-License-Identifier: MIT
#pragma once

#include "core/domain/BarSeriesView.hpp"
#include "core/indicators/IStreamingIndicator.hpp"
#include "core/indicators/ParameterSpec.hpp"

#include <functional>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace cw::indicators {

/// Where a chart draws the indicator.
enum class Placement {
    Invalid = 0,
    PriceOverlay, ///< same axis as the candles (SMA, Bollinger, VWAP, Donchian)
    OwnPane,      ///< a pane of its own below the price (RSI, MACD, ATR, OBV)
};

/// Everything generic code needs to list, build and configure an indicator.
struct IndicatorDescriptor {
    /// Batch kernel: `outputs.size() == outputs()` spans, each `bars.size()` long, caller-owned.
    /// `params` are validated and complete (defaults filled in), in `parameters` order.
    using BatchFn = std::function<void(const BarSeriesView& bars, std::span<const double> params,
                                       std::span<const std::span<double>> outputs)>;
    using StreamFactory =
        std::function<std::unique_ptr<IStreamingIndicator>(std::span<const double> params)>;

    std::string name;        ///< registry key, lower case: "sma", "bbands"
    std::string displayName; ///< "Bollinger Bands"
    std::string description; ///< one line
    std::vector<ParameterSpec> parameters;
    std::vector<std::string> outputs; ///< output names; a single output is conventionally "value"
    Placement placement = Placement::Invalid;
    BatchFn batch;
    StreamFactory stream;
};

} // namespace cw::indicators
