// SPDX-License-Identifier: MIT
#pragma once

#include "core/indicators/FormingBarStream.hpp"

#include <span>

namespace cw::indicators {

/// On-balance volume (TA-Lib OBV): out[0] = volume[0]; then the running total adds the bar's
/// volume when the close rises, subtracts it when the close falls and keeps it when the close
/// is unchanged. No warm-up. A bar with a non-finite close or volume gives NaN and is skipped:
/// the total carries over and the next bar is compared with the last valid close (the first
/// valid bar starts the total at its volume). No allocation.
/// Preconditions: close, volume and out of equal length.
void obvBatch(std::span<const double> close, std::span<const double> volume, std::span<double> out);

/// Streaming form of obvBatch; one output.
class ObvStream final : public FormingBarStream {
public:
    ObvStream();

    std::size_t outputCount() const override { return 1; }
    double value(std::size_t k = 0) const override;

    /// The running total and the close it was last compared with.
    struct State {
        double total = 0.0;
        double lastClose = 0.0;
        bool started = false;
    };

protected:
    void commit(std::int64_t index, const OhlcvRow& bar) override;
    void evaluate(std::int64_t index, const OhlcvRow& bar) override;
    void clear() override;

private:
    State m_state;
    double m_value;
};

} // namespace cw::indicators
