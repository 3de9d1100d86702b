// SPDX-License-Identifier: MIT
#include "ui/chart/PriceScale.hpp"

#include <algorithm>
#include <cmath>

namespace cw::ui {

void PriceScale::setPixelRange(double top, double height) {
    if (!std::isfinite(top) || !std::isfinite(height))
        return;
    m_top = top;
    m_height = std::max(1.0, height);
    m_pixelsPerValue = m_height / (m_high - m_low);
}

void PriceScale::setMargins(double topFraction, double bottomFraction) {
    if (std::isfinite(topFraction))
        m_topMargin = std::clamp(topFraction, 0.0, 0.45);
    if (std::isfinite(bottomFraction))
        m_bottomMargin = std::clamp(bottomFraction, 0.0, 0.45);
}

void PriceScale::assign(double low, double high) {
    if (!std::isfinite(low) || !std::isfinite(high))
        return;
    if (high < low)
        std::swap(low, high);
    // A flat range (one price, or one bar) still needs an invertible mapping.
    const double minSpan = std::max(std::abs(high), std::abs(low)) * 1e-6 + 1e-9;
    if (high - low < minSpan) {
        const double mid = 0.5 * (low + high);
        low = mid - minSpan;
        high = mid + minSpan;
    }
    m_low = low;
    m_high = high;
    m_pixelsPerValue = m_height / (m_high - m_low);
}

void PriceScale::fit(const MinMax& data) {
    if (!m_autoScale || !data.valid() || !std::isfinite(data.low) || !std::isfinite(data.high))
        return;
    const double usable = 1.0 - m_topMargin - m_bottomMargin;
    const double span = data.high - data.low;
    assign(data.low - span * m_bottomMargin / usable, data.high + span * m_topMargin / usable);
}

void PriceScale::setRange(double low, double high) {
    if (!std::isfinite(low) || !std::isfinite(high))
        return;
    m_autoScale = false;
    assign(low, high);
}

void PriceScale::scaleBy(double factor) {
    if (!std::isfinite(factor) || factor <= 0.0)
        return;
    m_autoScale = false;
    const double mid = 0.5 * (m_low + m_high);
    const double half = 0.5 * (m_high - m_low) * factor;
    assign(mid - half, mid + half);
}

void PriceScale::pan(double dy) {
    if (!std::isfinite(dy))
        return;
    m_autoScale = false;
    const double delta = dy / m_height * (m_high - m_low);
    assign(m_low + delta, m_high + delta);
}

PriceTicks PriceScale::ticks(double minGapPx) const {
    const int maxCount = std::max(1, static_cast<int>(m_height / std::max(1.0, minGapPx)));
    return PriceTicks::forRange(m_low, m_high, maxCount);
}

} // namespace cw::ui
