// SPDX-License-Identifier: MIT
#include "core/risk/ZigguratNormal.hpp"

#include <algorithm>

namespace cw::risk {

namespace {

// Start of the tail and the common area of every layer for 256 layers under exp(-x^2/2).
constexpr double kTailStart = 3.6541528853610088;
constexpr double kLayerArea = 0.00492867323399;

double density(double x) {
    return std::exp(-0.5 * x * x);
}

ZigguratNormal::Tables buildTables() {
    ZigguratNormal::Tables t;
    constexpr int n = ZigguratNormal::kLayers;
    // Layer 0 is the base strip plus the tail: a rectangle of the common area whose virtual
    // width extends past the tail start.
    t.width[0] = kLayerArea / density(kTailStart);
    t.width[1] = kTailStart;
    for (int i = 1; i < n; ++i) {
        const double y = density(t.width[i]) + kLayerArea / t.width[i];
        t.width[i + 1] = y >= 1.0 ? 0.0 : std::sqrt(-2.0 * std::log(y));
    }
    t.width[n] = 0.0;
    for (int i = 0; i <= n; ++i)
        t.density[i] = density(t.width[i]);
    for (int i = 0; i < n; ++i)
        t.innerRatio[i] = t.width[i + 1] / t.width[i];
    return t;
}

} // namespace

ZigguratNormal::ZigguratNormal() {
    static const Tables tables = buildTables();
    m_tables = &tables;
}

void ZigguratNormal::fill(Xoshiro256PlusPlus& rng, std::span<double> out) const {
    // The fast path runs on a local copy of the generator whose address never escapes, so its
    // state stays in registers; candidates outside the fast region are remembered and
    // completed afterwards with the slow path.
    constexpr std::size_t kBlock = 256;
    std::array<std::uint32_t, kBlock> pendingIndex;
    std::array<std::uint8_t, kBlock> pendingLayer;
    const Tables& t = *m_tables;
    for (std::size_t base = 0; base < out.size(); base += kBlock) {
        const std::size_t count = std::min(kBlock, out.size() - base);
        double* dst = out.data() + base;
        Xoshiro256PlusPlus local = rng;
        std::size_t pending = 0;
        for (std::size_t i = 0; i < count; ++i) {
            const std::uint64_t bits = local.next();
            const unsigned layer = static_cast<unsigned>(bits & 0xFF);
            const double u = static_cast<double>(static_cast<std::int64_t>(bits) >> 11) * 0x1.0p-52;
            dst[i] = u * t.width[layer];
            const bool slow = !(std::fabs(u) < t.innerRatio[layer]);
            pendingIndex[pending] = static_cast<std::uint32_t>(i);
            pendingLayer[pending] = static_cast<std::uint8_t>(layer);
            pending += slow ? 1 : 0;
        }
        rng = local;
        for (std::size_t p = 0; p < pending; ++p) {
            double accepted = 0.0;
            const std::size_t i = pendingIndex[p];
            dst[i] = slowPath(pendingLayer[p], dst[i], rng, accepted) ? accepted : (*this)(rng);
        }
    }
}

bool ZigguratNormal::slowPath(unsigned layer, double x, Xoshiro256PlusPlus& rng,
                              double& out) const {
    if (layer == 0) {
        // Exact sampler for |Z| > kTailStart (Marsaglia 1964).
        double a = 0.0;
        double b = 0.0;
        do {
            a = -std::log(rng.uniformPositive()) / kTailStart;
            b = -std::log(rng.uniformPositive());
        } while (b + b < a * a);
        out = x < 0.0 ? -(kTailStart + a) : kTailStart + a;
        return true;
    }
    // Wedge: accept x when a uniform height within the layer lies under the curve.
    const double lower = m_tables->density[layer];
    const double upper = m_tables->density[layer + 1];
    const double y = lower + rng.uniform() * (upper - lower);
    if (y < density(x)) {
        out = x;
        return true;
    }
    return false;
}

} // namespace cw::risk
