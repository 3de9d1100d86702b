// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace cw::bench {

/// Deterministic OHLCV bars for the benchmarks: geometric Brownian motion in 1-minute bars,
/// the model of the peer harness (S0 = 100, mu = 5%/yr, sigma = 20%/yr, dt = 1/(252*390) yr;
/// open = previous close; high/low stretched by exp(+-0.5 sigma sqrt(dt) |Z|); volume =
/// floor(1000 exp(0.5 Z)) + 1), normals from Box-Muller over xoshiro256** seeded through
/// splitmix64, drawn in the order Z1..Z4 per bar. With the same N and seed the columns equal
/// the peer harness's bit for bit when built without FMA contraction.
struct BenchmarkData {
    std::vector<double> open;
    std::vector<double> high;
    std::vector<double> low;
    std::vector<double> close;
    std::vector<double> volume;

    BenchmarkData(std::size_t rows, std::uint64_t seed);
    std::size_t size() const { return close.size(); }

    /// The shared 1,000,000-row series with seed 42, built on first use.
    static const BenchmarkData& million();
};

} // namespace cw::bench
