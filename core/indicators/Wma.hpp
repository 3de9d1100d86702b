// SPDX-License-Identifier: MIT
#pragma once

#include "core/indicators/FormingBarStream.hpp"
#include "core/indicators/RingBuffer.hpp"

#include <span>

namespace cw::indicators {

/// Linearly weighted moving average (TA-Lib WMA): weights 1..period, the newest value weighs
/// most: out[i] = sum_{k=1..period} k * in[i-period+k] / (period * (period + 1) / 2).
/// NaN for i < period - 1 and for any window holding a non-finite value. O(1) per value with
/// running sums that are recomputed exactly every `period` values (no drift). No allocation.
/// Preconditions: period >= 1, out.size() == in.size().
void wmaBatch(std::span<const double> in, int period, std::span<double> out);

/// Streaming form of wmaBatch over the bar's close; one output.
class WmaStream final : public FormingBarStream {
public:
    explicit WmaStream(int period);

    std::size_t outputCount() const override { return 1; }
    double value(std::size_t k = 0) const override;

protected:
    void commit(std::int64_t index, const OhlcvRow& bar) override;
    void evaluate(std::int64_t index, const OhlcvRow& bar) override;
    void clear() override;

private:
    int m_period;
    double m_sum = 0.0;         ///< plain sum of the window of final closes
    double m_weightedSum = 0.0; ///< weighted sum of the same window
    RingBuffer<double> m_window;
    std::int64_t m_lastBad;
    double m_value;
};

} // namespace cw::indicators
