// SPDX-License-Identifier: MIT
#pragma once

#include "core/risk/Xoshiro256PlusPlus.hpp"

#include <array>
#include <cmath>
#include <cstdint>
#include <span>

namespace cw::risk {

/// Standard normal variates by the ziggurat method (Marsaglia and Tsang, 256 layers): about 99%
/// of draws cost one 64-bit random number, a multiply and a compare; the rest fall back to an
/// exact rejection step or, beyond x = 3.654, to the exact tail sampler. The output is
/// N(0, 1) exactly in distribution (no approximation), with the resolution of 53-bit floats.
///
/// The layer tables are computed once per process and shared read-only.
/// Thread: const and stateless apart from the generator passed in; safe from any thread.
class ZigguratNormal {
public:
    static constexpr int kLayers = 256;

    ZigguratNormal();

    /// One N(0, 1) draw from `rng`.
    double operator()(Xoshiro256PlusPlus& rng) const {
        for (;;) {
            const std::uint64_t bits = rng.next();
            const unsigned layer = static_cast<unsigned>(bits & 0xFF);
            // Top 53 bits as a signed integer: u uniform on [-1, 1).
            const double u = static_cast<double>(static_cast<std::int64_t>(bits) >> 11) * 0x1.0p-52;
            const double x = u * m_tables->width[layer];
            if (std::fabs(u) < m_tables->innerRatio[layer]) [[likely]]
                return x;
            double accepted = 0.0;
            if (slowPath(layer, x, rng, accepted))
                return accepted;
        }
    }

    /// Fills `out` with N(0, 1) draws from `rng`: the same distribution as calling the
    /// operator once per element, faster, but consuming the stream in a different order
    /// (the rare slow cases are finished after the whole block). Deterministic for a given
    /// generator state. Allocates nothing.
    void fill(Xoshiro256PlusPlus& rng, std::span<double> out) const;

    struct Tables {
        std::array<double, kLayers + 1> width{};   ///< x_i: outer edge of layer i
        std::array<double, kLayers + 1> density{}; ///< exp(-x_i^2 / 2)
        std::array<double, kLayers> innerRatio{};  ///< x_{i+1} / x_i
    };

private:
    /// The rare case: the tail (layer 0) or the wedge between two layers. Returns false when
    /// the candidate is rejected and a fresh draw is needed.
    bool slowPath(unsigned layer, double x, Xoshiro256PlusPlus& rng, double& out) const;

    const Tables* m_tables;
};

} // namespace cw::risk
