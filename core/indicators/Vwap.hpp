// SPDX-License-Identifier: MIT
#pragma once

#include "core/domain/Timestamp.hpp"
#include "core/indicators/FormingBarStream.hpp"

#include <span>

namespace cw::indicators {

/// Session-anchored volume-weighted average price: sum(tp * volume) / sum(volume) over the
/// bars of the current session so far, tp = (high + low + close) / 3.
///
/// A session is the 24 h starting `sessionOffsetMinutes` after 00:00 UTC (0: the UTC day;
/// 870: 14:30 UTC, the New York cash open in winter). A bar belongs to the session containing
/// its open time `time[i]` (ns UTC); the sums restart whenever a bar's session differs from the
/// previous bar's. NaN while the session's volume is 0 and for a bar with a non-finite price,
/// a non-finite or negative volume (that bar is left out of the sums). No warm-up, no
/// allocation. Preconditions: all spans of equal length, 0 <= sessionOffsetMinutes < 1440.
void vwapBatch(std::span<const TimestampNs> time, std::span<const double> high,
               std::span<const double> low, std::span<const double> close,
               std::span<const double> volume, int sessionOffsetMinutes, std::span<double> out);

/// Streaming form of vwapBatch; one output.
class VwapStream final : public FormingBarStream {
public:
    explicit VwapStream(int sessionOffsetMinutes);

    std::size_t outputCount() const override { return 1; }
    double value(std::size_t k = 0) const override;

    /// Sums of the current session.
    struct State {
        std::int64_t session = 0;
        bool started = false;
        double priceVolume = 0.0;
        double volume = 0.0;
    };

protected:
    void commit(std::int64_t index, const OhlcvRow& bar) override;
    void evaluate(std::int64_t index, const OhlcvRow& bar) override;
    void clear() override;

private:
    TimestampNs m_offsetNs;
    State m_state;
    double m_value;
};

} // namespace cw::indicators
