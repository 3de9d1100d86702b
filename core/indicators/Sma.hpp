// SPDX-License-Identifier: MIT
#pragma once

#include "core/indicators/IStreamingIndicator.hpp"
#include "core/indicators/SlidingWindowSums.hpp"

#include <cstddef>
#include <span>

namespace cw::indicators {

/// Simple moving average: out[i] = mean(in[i-period+1 .. i]), first valid index period-1
/// (TA-Lib SMA). Outputs before that are NaN.
///
/// Preconditions (CW_ASSERT): period >= 1, out.size() == in.size(). Empty input is a no-op;
/// period > size gives all NaN. No allocation. A non-finite input (NaN, +-inf) makes every
/// window that contains it NaN; the average recovers once it has left the window.
/// Thread: any; the function touches only its arguments.
void smaBatch(std::span<const double> in, int period, std::span<double> out);

/// Streaming SMA over `bar.close`; agrees with smaBatch. O(1) per call, no allocation after
/// construction, no drift over arbitrarily long runs (see SlidingWindowSums).
class SmaStream final : public IStreamingIndicator {
public:
    /// period >= 1 (CW_ASSERT).
    explicit SmaStream(int period);

    void update(const OhlcvRow& bar) override;
    void updateLast(const OhlcvRow& bar) override;
    void reset() override;
    std::size_t outputCount() const override { return 1; }
    double value(std::size_t k = 0) const override;

private:
    void evaluate(double x);

    int m_period;
    SlidingWindowSums m_final; ///< the last period-1 final closes
    std::size_t m_bars = 0;    ///< bars seen, the forming one included
    double m_forming = 0.0;
    double m_value;
};

} // namespace cw::indicators
