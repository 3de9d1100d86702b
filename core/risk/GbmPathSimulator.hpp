// SPDX-License-Identifier: MIT
#pragma once

#include "core/common/Result.hpp"
#include "core/risk/ValueAtRisk.hpp"
#include "core/risk/Xoshiro256PlusPlus.hpp"

#include <cstddef>
#include <cstdint>
#include <span>

namespace cw::risk {

/// Simulates geometric Brownian motion paths step by step: every step draws its own N(0,1)
/// increment Z and adds the exact log-increment (mu - sigma^2/2) dt + sigma sqrt(dt) Z.
///
/// Path p uses the random stream Xoshiro256PlusPlus(streamSeed(seed, p)), so a path's values
/// depend only on (parameters, steps, seed, p): splitting paths over any number of threads, or
/// simulating one path alone, gives bit-identical numbers.
/// Thread: immutable after creation; const members are safe from any thread.
class GbmPathSimulator {
public:
    /// Errors: InvalidArgument for spot <= 0, volatility < 0, dtYears <= 0, a non-finite
    /// parameter, or steps == 0.
    static Result<GbmPathSimulator> create(const GbmParameters& gbm, std::size_t steps,
                                           std::uint64_t seed);

    const GbmParameters& parameters() const { return m_gbm; }
    std::size_t steps() const { return m_steps; }

    /// The full path of path number `path`: prices at steps 0..steps (out[0] = spot).
    /// Precondition: out.size() == steps() + 1.
    void simulatePath(std::size_t path, std::span<double> out) const;

    /// Terminal prices S_T of paths firstPath, firstPath + 1, ... (one per element of `out`);
    /// equal bit for bit to the last element of simulatePath for the same path.
    void simulateTerminal(std::size_t firstPath, std::span<double> out) const;

    /// Terminal prices of paths 0 .. out.size()-1 spread over `threads` std::threads
    /// (0 = hardware concurrency). The result does not depend on `threads`.
    void simulateTerminalParallel(std::span<double> out, unsigned threads) const;

    /// The seed of path `path`'s random stream.
    static std::uint64_t streamSeed(std::uint64_t seed, std::size_t path);

private:
    GbmPathSimulator(const GbmParameters& gbm, std::size_t steps, std::uint64_t seed);

    GbmParameters m_gbm;
    std::size_t m_steps;
    std::uint64_t m_seed;
    double m_logSpot;
    double m_driftPerStep;     ///< (mu - sigma^2/2) dt
    double m_diffusionPerStep; ///< sigma sqrt(dt)
};

} // namespace cw::risk
