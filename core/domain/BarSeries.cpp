// SPDX-License-Identifier: MIT
#include "core/domain/BarSeries.hpp"

#include "core/common/Assert.hpp"

#include <algorithm>

namespace cw {

void BarSeries::reserve(std::size_t bars) {
    m_time.reserve(bars);
    m_open.reserve(bars);
    m_high.reserve(bars);
    m_low.reserve(bars);
    m_close.reserve(bars);
    m_volume.reserve(bars);
}

void BarSeries::clear() {
    m_time.clear();
    m_open.clear();
    m_high.clear();
    m_low.clear();
    m_close.clear();
    m_volume.clear();
}

void BarSeries::append(const OhlcvRow& bar) {
    m_time.push_back(bar.time);
    m_open.push_back(bar.open);
    m_high.push_back(bar.high);
    m_low.push_back(bar.low);
    m_close.push_back(bar.close);
    m_volume.push_back(bar.volume);
}

void BarSeries::updateLast(const OhlcvRow& bar) {
    CW_ASSERT(!empty());
    m_time.back() = bar.time;
    m_open.back() = bar.open;
    m_high.back() = bar.high;
    m_low.back() = bar.low;
    m_close.back() = bar.close;
    m_volume.back() = bar.volume;
}

OhlcvRow BarSeries::row(std::size_t i) const {
    CW_ASSERT(i < size());
    return {m_time[i], m_open[i], m_high[i], m_low[i], m_close[i], m_volume[i]};
}

BarSeriesView BarSeries::view() const {
    return {m_time, m_open, m_high, m_low, m_close, m_volume};
}

BarSeriesView BarSeries::view(std::size_t first, std::size_t count) const {
    first = std::min(first, size());
    count = std::min(count, size() - first);
    auto cut = [&](const auto& column) { return std::span(column).subspan(first, count); };
    return {cut(m_time), cut(m_open), cut(m_high), cut(m_low), cut(m_close), cut(m_volume)};
}

} // namespace cw
