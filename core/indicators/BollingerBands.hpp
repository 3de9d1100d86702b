// SPDX-License-Identifier: MIT
#pragma once

#include "core/indicators/IStreamingIndicator.hpp"
#include "core/indicators/SlidingWindowSums.hpp"

#include <cstddef>
#include <span>

namespace cw::indicators {

/// Bollinger Bands as TA-Lib computes them (BBANDS with an SMA): middle = SMA(period),
/// upper/lower = middle +- stddevs * sigma, sigma the POPULATION standard deviation of the
/// window. First valid index period-1; outputs before that are NaN.
///
/// sigma is computed from sums shifted by a local reference value, so it keeps full precision
/// where TA-Lib's E[x^2]-E[x]^2 loses digits; TA-Lib also flushes a variance below 1e-8 to 0,
/// which this does not (flat windows give exactly 0 here too).
///
/// Preconditions (CW_ASSERT): period >= 1, all outputs as long as `in`. Empty input is a
/// no-op; period > size gives all NaN. No allocation. A non-finite input makes every window
/// containing it NaN (all three outputs); the bands recover once it has left the window.
/// Thread: any; the function touches only its arguments.
void bollingerBandsBatch(std::span<const double> in, int period, double stddevs,
                         std::span<double> upper, std::span<double> middle,
                         std::span<double> lower);

/// Streaming Bollinger Bands over `bar.close`; outputs 0 upper, 1 middle, 2 lower. Agrees with
/// bollingerBandsBatch. O(1), no allocation after construction, no drift.
class BollingerBandsStream final : public IStreamingIndicator {
public:
    static constexpr std::size_t kUpper = 0;
    static constexpr std::size_t kMiddle = 1;
    static constexpr std::size_t kLower = 2;

    /// period >= 1 (CW_ASSERT).
    BollingerBandsStream(int period, double stddevs);

    void update(const OhlcvRow& bar) override;
    void updateLast(const OhlcvRow& bar) override;
    void reset() override;
    std::size_t outputCount() const override { return 3; }
    double value(std::size_t k = 0) const override;

private:
    void evaluate(double x);

    int m_period;
    double m_stddevs;
    SlidingWindowSums m_final; ///< the last period-1 final closes
    std::size_t m_bars = 0;    ///< bars seen, the forming one included
    double m_forming = 0.0;
    double m_values[3];
};

} // namespace cw::indicators
