// SPDX-License-Identifier: MIT
#pragma once

#include "core/risk/SplitMix64.hpp"

#include <array>
#include <cstdint>

namespace cw::risk {

/// xoshiro256++ (Blackman and Vigna): a fast 64-bit generator with 256 bits of state, period
/// 2^256 - 1, every output bit of good quality (unlike xoshiro256+, whose low bits are weak;
/// the normal sampler uses the low bits). Not cryptographic.
/// Thread: a value type; give each thread (or each simulated path) its own instance.
class Xoshiro256PlusPlus {
public:
    /// State from SplitMix64(seed): never all zero, distinct seeds give unrelated streams.
    explicit Xoshiro256PlusPlus(std::uint64_t seed) {
        SplitMix64 mixer(seed);
        for (auto& word : m_s)
            word = mixer.next();
    }

    std::uint64_t next() {
        const std::uint64_t result = rotl(m_s[0] + m_s[3], 23) + m_s[0];
        const std::uint64_t t = m_s[1] << 17;
        m_s[2] ^= m_s[0];
        m_s[3] ^= m_s[1];
        m_s[1] ^= m_s[2];
        m_s[0] ^= m_s[3];
        m_s[2] ^= t;
        m_s[3] = rotl(m_s[3], 45);
        return result;
    }

    /// Uniform on [0, 1) with 53 random bits.
    double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    /// Uniform on (0, 1]: safe to take the logarithm of.
    double uniformPositive() { return static_cast<double>((next() >> 11) + 1) * 0x1.0p-53; }

private:
    static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

    std::array<std::uint64_t, 4> m_s{};
};

} // namespace cw::risk
