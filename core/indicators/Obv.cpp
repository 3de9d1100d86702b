// SPDX-License-Identifier: MIT
#include "core/indicators/Obv.hpp"

#include "core/common/Assert.hpp"

#include <cmath>
#include <limits>

namespace cw::indicators {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/// Folds one bar into `s`; false (and `s` untouched) for a bar that must be skipped.
bool step(ObvStream::State& s, double close, double volume) {
    if (!std::isfinite(close) || !std::isfinite(volume))
        return false;
    if (!s.started) {
        s.total = volume;
        s.started = true;
    } else if (close > s.lastClose) {
        s.total += volume;
    } else if (close < s.lastClose) {
        s.total -= volume;
    }
    s.lastClose = close;
    return true;
}
} // namespace

void obvBatch(std::span<const double> close, std::span<const double> volume,
              std::span<double> out) {
    CW_ASSERT(volume.size() == close.size());
    CW_ASSERT(out.size() == close.size());
    ObvStream::State s;
    for (std::size_t i = 0; i < close.size(); ++i)
        out[i] = step(s, close[i], volume[i]) ? s.total : kNaN;
}

ObvStream::ObvStream() : m_value(kNaN) {}

double ObvStream::value(std::size_t k) const {
    CW_ASSERT(k == 0);
    return m_value;
}

void ObvStream::commit(std::int64_t /*index*/, const OhlcvRow& bar) {
    step(m_state, bar.close, bar.volume);
}

void ObvStream::evaluate(std::int64_t /*index*/, const OhlcvRow& bar) {
    State s = m_state;
    m_value = step(s, bar.close, bar.volume) ? s.total : kNaN;
}

void ObvStream::clear() {
    m_state = {};
    m_value = kNaN;
}

} // namespace cw::indicators
