// SPDX-License-Identifier: MIT
#include "tests/benchmarks/BenchmarkData.hpp"

#include <cmath>
#include <numbers>

namespace cw::bench {

namespace {

// splitmix64 step: seeds the generator state.
std::uint64_t splitMix(std::uint64_t& state) {
    state += 0x9e3779b97f4a7c15ULL;
    std::uint64_t z = state;
    z = (z ^ (z >> 30U)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27U)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31U);
}

std::uint64_t rotateLeft(std::uint64_t v, unsigned k) {
    return (v << k) | (v >> (64U - k));
}

// xoshiro256** with Box-Muller normals (the second value of each pair kept for the next call).
class NormalSource {
public:
    explicit NormalSource(std::uint64_t seed) {
        std::uint64_t sm = seed;
        for (std::uint64_t& word : m_s)
            word = splitMix(sm);
    }

    double next() {
        if (m_hasSpare) {
            m_hasSpare = false;
            return m_spare;
        }
        const double u1 = uniform();
        const double u2 = uniform();
        const double radius = std::sqrt(-2.0 * std::log(u1));
        const double angle = 2.0 * std::numbers::pi * u2;
        m_spare = radius * std::sin(angle);
        m_hasSpare = true;
        return radius * std::cos(angle);
    }

private:
    std::uint64_t bits() {
        const std::uint64_t result = rotateLeft(m_s[1] * 5U, 7U) * 9U;
        const std::uint64_t t = m_s[1] << 17U;
        m_s[2] ^= m_s[0];
        m_s[3] ^= m_s[1];
        m_s[1] ^= m_s[2];
        m_s[0] ^= m_s[3];
        m_s[2] ^= t;
        m_s[3] = rotateLeft(m_s[3], 45U);
        return result;
    }
    // In (0, 1]: never 0, so the logarithm stays finite.
    double uniform() { return (static_cast<double>(bits() >> 11U) + 1.0) * 0x1.0p-53; }

    std::uint64_t m_s[4] = {};
    bool m_hasSpare = false;
    double m_spare = 0.0;
};

} // namespace

BenchmarkData::BenchmarkData(std::size_t rows, std::uint64_t seed)
    : open(rows), high(rows), low(rows), close(rows), volume(rows) {
    constexpr double kSpot = 100.0;
    constexpr double kMu = 0.05;
    constexpr double kSigma = 0.20;
    const double dt = 1.0 / (252.0 * 390.0);
    const double drift = (kMu - 0.5 * kSigma * kSigma) * dt;
    const double vol = kSigma * std::sqrt(dt);
    NormalSource normal(seed);
    double previous = kSpot;
    for (std::size_t i = 0; i < rows; ++i) {
        const double z1 = normal.next();
        const double z2 = normal.next();
        const double z3 = normal.next();
        const double z4 = normal.next();
        const double o = previous;
        const double c = o * std::exp(drift + vol * z1);
        open[i] = o;
        close[i] = c;
        high[i] = (o > c ? o : c) * std::exp(0.5 * vol * std::fabs(z2));
        low[i] = (o < c ? o : c) * std::exp(-0.5 * vol * std::fabs(z3));
        volume[i] = std::floor(1000.0 * std::exp(0.5 * z4)) + 1.0;
        previous = c;
    }
}

const BenchmarkData& BenchmarkData::million() {
    static const BenchmarkData data(1'000'000, 42);
    return data;
}

} // namespace cw::bench
