// SPDX-License-Identifier: MIT
#pragma once

#include <span>

namespace cw::indicators {

/// Batch rolling maximum over `period` values (TA-Lib MAX): out[i] = max(in[i-period+1..i]);
/// NaN for i < period - 1 and for every window holding a non-finite value. Allocation-free;
/// amortised O(1) per value on market data, O(period) per value on a strictly monotone series.
/// Preconditions: period >= 1, out.size() == in.size().
void rollingMaxBatch(std::span<const double> in, int period, std::span<double> out);

/// Batch rolling minimum (TA-Lib MIN); contract as rollingMaxBatch.
void rollingMinBatch(std::span<const double> in, int period, std::span<double> out);

} // namespace cw::indicators
