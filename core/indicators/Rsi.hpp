// SPDX-License-Identifier: MIT
#pragma once

#include "core/indicators/IStreamingIndicator.hpp"

#include <cstddef>
#include <span>

namespace cw::indicators {

/// Wilder's Relative Strength Index as TA-Lib computes it, in [0, 100]. First valid index
/// `period`: the average gain and loss of the first `period` changes seed Wilder smoothing
/// avg = (avg*(period-1) + x)/period; RSI = 100*gain/(gain+loss), and 0 when both are exactly
/// 0 (a flat series; TA-Lib uses an absolute 1e-8 threshold instead, which misreads
/// instruments priced below about 1e-6). Outputs before `period` are NaN.
///
/// Preconditions (CW_ASSERT): period >= 1, out.size() == in.size(). Empty input is a no-op;
/// period >= size gives all NaN. No allocation. A NaN or infinity in the input poisons every
/// later output. Thread: any; the function touches only its arguments.
void rsiBatch(std::span<const double> in, int period, std::span<double> out);

/// Streaming RSI over `bar.close`; agrees with rsiBatch. O(1), no allocation.
class RsiStream final : public IStreamingIndicator {
public:
    /// period >= 1 (CW_ASSERT).
    explicit RsiStream(int period);

    void update(const OhlcvRow& bar) override;
    void updateLast(const OhlcvRow& bar) override;
    void reset() override;
    std::size_t outputCount() const override { return 1; }
    double value(std::size_t k = 0) const override;

private:
    void evaluate(double x);

    int m_period;
    std::size_t m_final = 0; ///< final bars (the forming one excluded)
    bool m_hasForming = false;
    double m_prevClose = 0.0; ///< close of the last final bar
    double m_gain = 0.0;      ///< sum (warm-up) or Wilder average of gains, final bars only
    double m_loss = 0.0;
    double m_nextGain = 0.0; ///< the same including the forming bar
    double m_nextLoss = 0.0;
    double m_forming = 0.0;
    double m_value;
};

} // namespace cw::indicators
