// SPDX-License-Identifier: MIT
#pragma once

#include "core/indicators/IStreamingIndicator.hpp"

#include <cstddef>
#include <span>

namespace cw::indicators {

/// Exponential moving average as TA-Lib computes it: k = 2/(period+1), seeded at index
/// period-1 with the SMA of the first `period` values, then y[i] = y[i-1] + k*(in[i]-y[i-1]).
/// Outputs before period-1 are NaN.
///
/// Preconditions (CW_ASSERT): period >= 1, out.size() == in.size(). Empty input is a no-op;
/// period > size gives all NaN. No allocation. A NaN or infinity in the input poisons every
/// later output (the recursion never forgets it); use a fresh computation after bad data.
/// Thread: any; the function touches only its arguments.
void emaBatch(std::span<const double> in, int period, std::span<double> out);

/// Streaming EMA over `bar.close`; agrees with emaBatch. O(1), no allocation.
class EmaStream final : public IStreamingIndicator {
public:
    /// period >= 1 (CW_ASSERT).
    explicit EmaStream(int period);

    void update(const OhlcvRow& bar) override;
    void updateLast(const OhlcvRow& bar) override;
    void reset() override;
    std::size_t outputCount() const override { return 1; }
    double value(std::size_t k = 0) const override;

private:
    void evaluate(double x);

    int m_period;
    double m_k;
    std::size_t m_final = 0; ///< final bars (the forming one excluded)
    bool m_hasForming = false;
    double m_seedSum = 0.0; ///< sum of the final closes while warming up
    double m_ema = 0.0;     ///< EMA as of the last final bar, once m_final >= period
    double m_forming = 0.0;
    double m_value;
};

} // namespace cw::indicators
