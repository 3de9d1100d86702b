// SPDX-License-Identifier: MIT
#include "core/indicators/SlidingWindowSums.hpp"

#include <cmath>

namespace cw::indicators {

void SlidingWindowSums::Accumulator::add(double x) {
    const double d = x - ref;
    s1 += d;
    s2 += d * d;
    maxSq = d * d > maxSq ? d * d : maxSq;
}

void SlidingWindowSums::Accumulator::remove(double x) {
    const double d = x - ref;
    s1 -= d;
    s2 -= d * d;
}

SlidingWindowSums::SlidingWindowSums(std::size_t capacity) : m_ring(capacity, 0.0) {}

void SlidingWindowSums::clear() {
    m_head = 0;
    m_size = 0;
    m_nonFinite = 0;
    m_active = {};
    m_pending = {};
    m_pendingCount = 0;
}

void SlidingWindowSums::push(double x) {
    const std::size_t cap = m_ring.size();
    if (cap == 0)
        return;
    const bool finite = std::isfinite(x);
    if (m_size == 0 && finite) {
        // Anchor at the first value so that even the first window is free of cancellation.
        m_active = {x, 0.0, 0.0, 0.0};
        m_pending = {x, 0.0, 0.0, 0.0};
        m_pendingCount = 0;
    }
    if (m_size == cap) {
        const double old = m_ring[m_head];
        if (std::isfinite(old))
            m_active.remove(old);
        else
            --m_nonFinite;
        m_ring[m_head] = x;
        m_head = m_head + 1 == cap ? 0 : m_head + 1;
    } else {
        const std::size_t at = m_head + m_size;
        m_ring[at >= cap ? at - cap : at] = x;
        ++m_size;
    }
    if (finite) {
        m_active.add(x);
        m_pending.add(x);
    } else {
        ++m_nonFinite;
    }
    if (++m_pendingCount == cap) {
        // The pending sums now cover exactly the window: they take over, and a fresh pending
        // accumulator starts at the newest value.
        m_active = m_pending;
        m_pending = {finite ? x : m_active.ref, 0.0, 0.0, 0.0};
        m_pendingCount = 0;
    }
}

} // namespace cw::indicators
