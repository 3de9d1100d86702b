// SPDX-License-Identifier: MIT
#include "ui/chart/TimeScale.hpp"

#include <algorithm>
#include <cmath>

namespace cw::ui {

void TimeScale::setWidth(double widthPx) {
    m_width = std::isfinite(widthPx) ? std::max(1.0, widthPx) : 1.0;
    clamp();
}

void TimeScale::setBarCount(std::size_t count) {
    const bool grew = count > m_barCount;
    const std::size_t added = grew ? count - m_barCount : 0;
    if (grew && m_followLive && m_barCount > 0) {
        m_rightIndex += static_cast<double>(added);
    }
    const bool wasEmpty = m_barCount == 0;
    m_barCount = count;
    if (wasEmpty && count > 0) {
        scrollToLive();
        return;
    }
    clamp();
}

void TimeScale::barsAppended(std::size_t count) {
    setBarCount(m_barCount + count);
}

double TimeScale::minSpacing() const {
    const double bars = static_cast<double>(m_barCount) + kLiveMarginBars;
    return std::min(kMaxSpacingPx, m_width / std::max(bars, static_cast<double>(kMinVisibleBars)));
}

void TimeScale::setBarSpacing(double spacingPx) {
    if (!std::isfinite(spacingPx) || spacingPx <= 0.0)
        return;
    m_spacing = spacingPx;
    clamp();
    updateFollow();
}

void TimeScale::setRightIndex(double index) {
    if (!std::isfinite(index))
        return;
    m_rightIndex = index;
    clamp();
    updateFollow();
}

int TimeScale::columnOf(std::size_t index) const {
    return static_cast<int>(std::floor(xOf(static_cast<double>(index))));
}

std::size_t TimeScale::firstVisible() const {
    const double i = std::ceil(indexAt(0.0));
    if (i <= 0.0)
        return 0;
    return std::min(m_barCount, static_cast<std::size_t>(i));
}

std::size_t TimeScale::endVisible() const {
    const double i = std::ceil(indexAt(m_width));
    if (i <= 0.0)
        return 0;
    return std::min(m_barCount, static_cast<std::size_t>(i));
}

void TimeScale::zoomAt(double x, double factor) {
    if (!std::isfinite(x) || !std::isfinite(factor) || factor <= 0.0)
        return;
    const double anchor = indexAt(x);
    m_spacing = std::clamp(m_spacing * factor, minSpacing(), kMaxSpacingPx);
    m_rightIndex = anchor + (m_width - x) / m_spacing;
    clamp();
    updateFollow();
}

void TimeScale::pan(double dx) {
    if (!std::isfinite(dx))
        return;
    m_rightIndex -= dx / m_spacing;
    clamp();
    updateFollow();
}

void TimeScale::scrollToLive() {
    m_rightIndex = static_cast<double>(m_barCount) - 1.0 + kLiveMarginBars;
    clamp();
    m_followLive = true;
}

void TimeScale::clamp() {
    m_spacing = std::clamp(m_spacing, minSpacing(), kMaxSpacingPx);
    if (m_barCount == 0)
        return;
    const double n = static_cast<double>(m_barCount);
    const double keep = std::min(static_cast<double>(kMinVisibleBars), n);
    // The oldest `keep` bars stay visible at the right edge, the newest `keep` at the left.
    const double lowest = keep - 0.5;
    const double highest = n - keep - 0.5 + visibleBarSpan();
    m_rightIndex = std::clamp(m_rightIndex, lowest, std::max(lowest, highest));
}

void TimeScale::updateFollow() {
    if (m_barCount == 0) {
        m_followLive = true;
        return;
    }
    const double lastX = xOf(static_cast<double>(m_barCount) - 1.0);
    m_followLive = lastX >= 0.0 && lastX <= m_width;
}

} // namespace cw::ui
