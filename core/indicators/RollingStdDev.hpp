// SPDX-License-Identifier: MIT
#pragma once

#include "core/indicators/FormingBarStream.hpp"
#include "core/indicators/RingBuffer.hpp"
#include "core/indicators/RollingMoments.hpp"

#include <span>

namespace cw::indicators {

/// Rolling population standard deviation times `multiplier` (TA-Lib STDDEV with optInNbDev):
/// out[i] = multiplier * sqrt(mean(x^2) - mean(x)^2) over in[i-period+1..i].
/// NaN for i < period - 1 and for any window holding a non-finite value; a constant window
/// gives exactly 0. No allocation. Preconditions: period >= 1, out.size() == in.size().
void rollingStdDevBatch(std::span<const double> in, int period, double multiplier,
                        std::span<double> out);

/// Streaming form of rollingStdDevBatch over the bar's close; one output.
class RollingStdDevStream final : public FormingBarStream {
public:
    RollingStdDevStream(int period, double multiplier);

    std::size_t outputCount() const override { return 1; }
    double value(std::size_t k = 0) const override;

protected:
    void commit(std::int64_t index, const OhlcvRow& bar) override;
    void evaluate(std::int64_t index, const OhlcvRow& bar) override;
    void clear() override;

private:
    int m_period;
    double m_multiplier;
    RollingMoments m_moments;
    RingBuffer<double> m_window; ///< the last `period` final closes
    std::int64_t m_lastBad;      ///< index of the last non-finite final close
    double m_value;
};

} // namespace cw::indicators
