// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>

namespace cw::risk {

/// SplitMix64: a tiny 64-bit generator whose outputs are well mixed even for adjacent seeds.
/// Used only to expand a seed into the 256-bit state of Xoshiro256PlusPlus.
/// Thread: a value type; one instance per thread.
class SplitMix64 {
public:
    explicit SplitMix64(std::uint64_t seed) : m_state(seed) {}

    std::uint64_t next() {
        m_state += 0x9e3779b97f4a7c15ULL;
        std::uint64_t z = m_state;
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }

private:
    std::uint64_t m_state;
};

} // namespace cw::risk
