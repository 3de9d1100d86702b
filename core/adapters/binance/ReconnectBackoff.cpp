// SPDX-License-Identifier: MIT
#include "core/adapters/binance/ReconnectBackoff.hpp"

#include "core/common/Assert.hpp"

namespace cw::adapters::binance {

ReconnectBackoff::ReconnectBackoff(Config config, std::uint64_t seed)
    : m_config(config), m_random(seed) {
    CW_ASSERT(m_config.initialDelayNs > 0 && m_config.initialDelayNs <= m_config.maxDelayNs);
    CW_ASSERT(m_config.multiplier >= 1.0);
    CW_ASSERT(m_config.stableAfterNs >= 0);
}

TimestampNs ReconnectBackoff::currentCeilingNs() const {
    // Grown in doubles and capped before converting, so it never overflows.
    double ceiling = static_cast<double>(m_config.initialDelayNs);
    const auto cap = static_cast<double>(m_config.maxDelayNs);
    for (int i = 0; i < m_attempts && ceiling < cap; ++i)
        ceiling *= m_config.multiplier;
    return ceiling >= cap ? m_config.maxDelayNs : static_cast<TimestampNs>(ceiling);
}

TimestampNs ReconnectBackoff::nextDelayNs() {
    const auto ceiling = static_cast<std::uint64_t>(currentCeilingNs());
    // Uniform in [0, ceiling] by the multiply-shift mapping of a 64-bit draw.
    __extension__ using UInt128 = unsigned __int128;
    const auto draw = static_cast<UInt128>(m_random()) * (static_cast<UInt128>(ceiling) + 1);
    if (m_attempts < 1'000'000)
        ++m_attempts;
    return static_cast<TimestampNs>(draw >> 64);
}

void ReconnectBackoff::onConnected(TimestampNs now) {
    m_connected = true;
    m_connectedAt = now;
}

void ReconnectBackoff::onDisconnected(TimestampNs now) {
    if (m_connected && now - m_connectedAt >= m_config.stableAfterNs)
        m_attempts = 0;
    m_connected = false;
}

} // namespace cw::adapters::binance
