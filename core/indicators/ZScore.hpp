// SPDX-License-Identifier: MIT
#pragma once

#include "core/indicators/FormingBarStream.hpp"
#include "core/indicators/RingBuffer.hpp"
#include "core/indicators/RollingMoments.hpp"

#include <span>

namespace cw::indicators {

/// Rolling z-score: out[i] = (in[i] - mean) / stddev, mean and population stddev over
/// in[i-period+1..i] (the current value included). A flat window (stddev exactly 0) gives 0:
/// the value then sits exactly at its mean. NaN for i < period - 1 and for any window holding
/// a non-finite value. No allocation. Preconditions: period >= 1, out.size() == in.size().
void zScoreBatch(std::span<const double> in, int period, std::span<double> out);

/// Streaming form of zScoreBatch over the bar's close; one output.
class ZScoreStream final : public FormingBarStream {
public:
    explicit ZScoreStream(int period);

    std::size_t outputCount() const override { return 1; }
    double value(std::size_t k = 0) const override;

protected:
    void commit(std::int64_t index, const OhlcvRow& bar) override;
    void evaluate(std::int64_t index, const OhlcvRow& bar) override;
    void clear() override;

private:
    int m_period;
    RollingMoments m_moments;
    RingBuffer<double> m_window; ///< the last `period` final closes
    std::int64_t m_lastBad;      ///< index of the last non-finite final close
    double m_value;
};

} // namespace cw::indicators
