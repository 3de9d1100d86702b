// SPDX-License-Identifier: MIT
#pragma once

#include "core/indicators/FormingBarStream.hpp"
#include "core/indicators/MonotonicWindow.hpp"
#include "core/indicators/RingBuffer.hpp"

#include <span>

namespace cw::indicators {

/// Slow stochastic oscillator (TA-Lib STOCH with both MA types SMA):
///   fastK[i] = 100 * (close[i] - LL) / (HH - LL), HH/LL the highest high and lowest low of the
///              last `fastKPeriod` bars; 0 when HH == LL (TA-Lib's choice);
///   k[i]     = mean of the last `slowKPeriod` fastK values (TA-Lib's slow K);
///   d[i]     = mean of the last `slowDPeriod` k values (slow D).
/// First valid index of both k and d, as TA-Lib: fastKPeriod + slowKPeriod + slowDPeriod - 3
/// (k is computable slowDPeriod - 1 bars earlier but is held back, so the lines start together). A
/// non-finite high, low or close makes every value whose windows reach it NaN. The smoothing
/// means are summed directly (O(slowKPeriod + slowDPeriod) per bar, small periods). No
/// allocation: `d` is used as scratch. Preconditions: periods >= 1, all spans of equal length.
void stochasticBatch(std::span<const double> high, std::span<const double> low,
                     std::span<const double> close, int fastKPeriod, int slowKPeriod,
                     int slowDPeriod, std::span<double> k, std::span<double> d);

/// Streaming form of stochasticBatch; outputs k (0), d (1).
class StochasticStream final : public FormingBarStream {
public:
    StochasticStream(int fastKPeriod, int slowKPeriod, int slowDPeriod);

    std::size_t outputCount() const override { return 2; }
    double value(std::size_t k = 0) const override;

protected:
    void commit(std::int64_t index, const OhlcvRow& bar) override;
    void evaluate(std::int64_t index, const OhlcvRow& bar) override;
    void clear() override;

private:
    struct Values {
        double fastK;
        double k;
        double d;
    };
    Values compute(std::int64_t index, const OhlcvRow& bar) const;

    int m_fastKPeriod;
    int m_slowKPeriod;
    int m_slowDPeriod;
    MonotonicWindow<true> m_highs;
    MonotonicWindow<false> m_lows;
    std::int64_t m_lastBad;     ///< last final bar with a non-finite high or low
    RingBuffer<double> m_fastK; ///< fastK of the last final bars (NaN while warming up)
    RingBuffer<double> m_slowK; ///< k of the last final bars
    double m_values[2];
};

} // namespace cw::indicators
