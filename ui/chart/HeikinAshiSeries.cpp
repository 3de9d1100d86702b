// SPDX-License-Identifier: MIT
#include "ui/chart/HeikinAshiSeries.hpp"

#include <algorithm>

namespace cw::ui {

OhlcvRow HeikinAshiSeries::transform(const BarSeries& source, std::size_t i) const {
    const OhlcvRow b = source.row(i);
    OhlcvRow h;
    h.time = b.time;
    h.volume = b.volume;
    h.close = (b.open + b.high + b.low + b.close) / 4.0;
    if (i == 0) {
        h.open = (b.open + b.close) / 2.0;
    } else {
        const OhlcvRow prev = m_bars.row(i - 1);
        h.open = (prev.open + prev.close) / 2.0;
    }
    h.high = std::max({b.high, h.open, h.close});
    h.low = std::min({b.low, h.open, h.close});
    return h;
}

void HeikinAshiSeries::rebuild(const BarSeries& source) {
    m_bars.clear();
    m_bars.reserve(source.size());
    for (std::size_t i = 0; i < source.size(); ++i)
        m_bars.append(transform(source, i));
    m_highLow.rebuild(m_bars.low(), m_bars.high());
    m_closes.rebuild(m_bars.close(), m_bars.close());
}

void HeikinAshiSeries::update(const BarSeries& source) {
    if (source.size() < m_bars.size() || m_bars.empty()) {
        rebuild(source);
        return;
    }
    // The old last bar may have been revised; everything after it is new.
    const std::size_t from = m_bars.size() - 1;
    m_bars.updateLast(transform(source, from));
    for (std::size_t i = from + 1; i < source.size(); ++i)
        m_bars.append(transform(source, i));
    m_highLow.update(m_bars.low(), m_bars.high());
    m_closes.update(m_bars.close(), m_bars.close());
}

} // namespace cw::ui
