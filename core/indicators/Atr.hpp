// SPDX-License-Identifier: MIT
#pragma once

#include "core/indicators/IStreamingIndicator.hpp"

#include <cstddef>
#include <span>

namespace cw::indicators {

/// Average True Range as TA-Lib computes it. TR[i] = max(high-low, |high-close[i-1]|,
/// |low-close[i-1]|) for i >= 1 (TR[0] is never used). ATR[period] = mean(TR[1..period]), then
/// Wilder smoothing ATR[i] = (ATR[i-1]*(period-1) + TR[i])/period. First valid index `period`;
/// NaN before.
///
/// Preconditions (CW_ASSERT): period >= 1, high/low/close/out all the same length. Empty input
/// is a no-op; period >= size gives all NaN. No allocation. A NaN or infinity in high, low or
/// the previous close poisons every later output (TA-Lib silently skips a NaN previous close).
/// Thread: any; the function touches only its arguments.
void atrBatch(std::span<const double> high, std::span<const double> low,
              std::span<const double> close, int period, std::span<double> out);

/// Streaming ATR over `bar.high`, `bar.low`, `bar.close`; agrees with atrBatch. O(1), no
/// allocation.
class AtrStream final : public IStreamingIndicator {
public:
    /// period >= 1 (CW_ASSERT).
    explicit AtrStream(int period);

    void update(const OhlcvRow& bar) override;
    void updateLast(const OhlcvRow& bar) override;
    void reset() override;
    std::size_t outputCount() const override { return 1; }
    double value(std::size_t k = 0) const override;

private:
    void evaluate(const OhlcvRow& bar);

    int m_period;
    std::size_t m_final = 0; ///< final bars (the forming one excluded)
    bool m_hasForming = false;
    double m_prevClose = 0.0; ///< close of the last final bar
    double m_atr = 0.0;       ///< sum of TRs (warm-up) or ATR, final bars only
    double m_next = 0.0;      ///< the same including the forming bar
    OhlcvRow m_forming;
    double m_value;
};

} // namespace cw::indicators
