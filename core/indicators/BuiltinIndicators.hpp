// SPDX-License-Identifier: MIT
#pragma once

#include "core/indicators/IndicatorDescriptor.hpp"

#include <vector>

namespace cw::indicators {

/// The descriptors of every built-in indicator, in the order lists show them: sma, ema, wma,
/// rsi, macd, bbands, atr, stoch, vwap, obv, donchian, stddev, zscore. Parameter ranges,
/// defaults and outputs are documented per indicator in docs/indicators.md.
std::vector<IndicatorDescriptor> builtinIndicators();

} // namespace cw::indicators
