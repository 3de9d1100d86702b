// SPDX-License-Identifier: MIT
#pragma once

#include "core/indicators/IStreamingIndicator.hpp"

#include <cstddef>
#include <span>

namespace cw::indicators {

/// MACD as TA-Lib computes it. With s = slow-1: the slow EMA is seeded at index s with the
/// SMA of in[0..s], the fast EMA at the SAME index with the SMA of in[s-fast+1..s] (TA-Lib
/// aligns both starts, so this is not EMA(fast)-EMA(slow) from index 0); macd = fast - slow;
/// signal = EMA(signal) of macd seeded with the SMA of its first `signal` values;
/// hist = macd - signal. k = 2/(period+1) throughout. First valid index of all three outputs:
/// slow + signal - 2 (33 for 12/26/9); NaN before. As TA-Lib does, fast and slow are swapped
/// when slow < fast.
///
/// Preconditions (CW_ASSERT): fast, slow, signal >= 1, all outputs as long as `in`. Empty input
/// is a no-op; too short an input gives all NaN. No allocation. A NaN or infinity in the input
/// poisons every later output. Thread: any; the function touches only its arguments.
void macdBatch(std::span<const double> in, int fast, int slow, int signal, std::span<double> macd,
               std::span<double> signalOut, std::span<double> hist);

/// Streaming MACD over `bar.close`; outputs 0 macd, 1 signal, 2 hist. Agrees with macdBatch.
/// O(1), no allocation.
class MacdStream final : public IStreamingIndicator {
public:
    static constexpr std::size_t kMacd = 0;
    static constexpr std::size_t kSignal = 1;
    static constexpr std::size_t kHist = 2;

    /// fast, slow, signal >= 1 (CW_ASSERT).
    MacdStream(int fast, int slow, int signal);

    void update(const OhlcvRow& bar) override;
    void updateLast(const OhlcvRow& bar) override;
    void reset() override;
    std::size_t outputCount() const override { return 3; }
    double value(std::size_t k = 0) const override;

private:
    /// The state after one more bar; `step` turns a final state and a close into the next one.
    struct State {
        double fastSum = 0.0; ///< warm-up sums of the closes
        double slowSum = 0.0;
        double fastEma = 0.0;
        double slowEma = 0.0;
        double signalSum = 0.0; ///< warm-up sum of the macd values
        double signalEma = 0.0;
        double macd = 0.0;
    };
    State step(const State& s, std::size_t index, double x) const;
    void evaluate(double x);

    int m_fast;
    int m_slow;
    int m_signal;
    double m_kFast;
    double m_kSlow;
    double m_kSignal;
    std::size_t m_final = 0; ///< final bars (the forming one excluded)
    bool m_hasForming = false;
    State m_state; ///< as of the last final bar
    State m_next;  ///< including the forming bar
    double m_values[3];
};

} // namespace cw::indicators
