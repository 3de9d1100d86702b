// SPDX-License-Identifier: MIT
#pragma once

#include "core/indicators/FormingBarStream.hpp"
#include "core/indicators/MonotonicWindow.hpp"

#include <span>

namespace cw::indicators {

/// Donchian channel over `period` bars, the current one included: upper = highest high
/// (TA-Lib MAX of high), lower = lowest low (TA-Lib MIN of low), middle = (upper + lower) / 2.
/// All three NaN for i < period - 1 and when a non-finite high or low is in the window.
/// No allocation. Preconditions: period >= 1, all spans of equal length.
void donchianChannelBatch(std::span<const double> high, std::span<const double> low, int period,
                          std::span<double> upper, std::span<double> middle,
                          std::span<double> lower);

/// Streaming form of donchianChannelBatch; outputs upper (0), middle (1), lower (2).
/// Monotonic deques over ring buffers sized at construction.
class DonchianChannelStream final : public FormingBarStream {
public:
    explicit DonchianChannelStream(int period);

    std::size_t outputCount() const override { return 3; }
    double value(std::size_t k = 0) const override;

protected:
    void commit(std::int64_t index, const OhlcvRow& bar) override;
    void evaluate(std::int64_t index, const OhlcvRow& bar) override;
    void clear() override;

private:
    int m_period;
    MonotonicWindow<true> m_highs;
    MonotonicWindow<false> m_lows;
    std::int64_t m_lastBad;
    double m_values[3];
};

} // namespace cw::indicators
