// SPDX-License-Identifier: MIT
#include "core/risk/GbmPathSimulator.hpp"

#include "core/risk/SplitMix64.hpp"
#include "core/risk/ZigguratNormal.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

namespace cw::risk {

namespace {

// Below this many paths per thread, starting a thread costs more than it saves.
constexpr std::size_t kMinPathsPerThread = 128;
// Normals are drawn in batches of this many steps (same block as ZigguratNormal::fill, so a
// path's draws do not depend on how its steps are consumed).
constexpr std::size_t kBatch = 256;

bool finite(double v) {
    return std::isfinite(v);
}

} // namespace

Result<GbmPathSimulator> GbmPathSimulator::create(const GbmParameters& gbm, std::size_t steps,
                                                  std::uint64_t seed) {
    if (!finite(gbm.spot) || gbm.spot <= 0.0)
        return fail(ErrorCode::InvalidArgument,
                    "spot must be a positive finite price, got " + std::to_string(gbm.spot));
    if (!finite(gbm.drift))
        return fail(ErrorCode::InvalidArgument, "drift must be finite");
    if (!finite(gbm.volatility) || gbm.volatility < 0.0)
        return fail(ErrorCode::InvalidArgument,
                    "volatility must be finite and >= 0, got " + std::to_string(gbm.volatility));
    if (!finite(gbm.dtYears) || gbm.dtYears <= 0.0)
        return fail(ErrorCode::InvalidArgument,
                    "dt must be a positive finite number of years, got " +
                        std::to_string(gbm.dtYears));
    if (steps == 0)
        return fail(ErrorCode::InvalidArgument, "steps must be at least 1");
    return GbmPathSimulator(gbm, steps, seed);
}

GbmPathSimulator::GbmPathSimulator(const GbmParameters& gbm, std::size_t steps, std::uint64_t seed)
    : m_gbm(gbm), m_steps(steps), m_seed(seed), m_logSpot(std::log(gbm.spot)),
      m_driftPerStep((gbm.drift - 0.5 * gbm.volatility * gbm.volatility) * gbm.dtYears),
      m_diffusionPerStep(gbm.volatility * std::sqrt(gbm.dtYears)) {}

std::uint64_t GbmPathSimulator::streamSeed(std::uint64_t seed, std::size_t path) {
    // Mix the path index through SplitMix64 before combining, so that (seed, path) and
    // (seed + 1, path - 1) do not collide.
    SplitMix64 mixer(static_cast<std::uint64_t>(path));
    return seed ^ mixer.next();
}

void GbmPathSimulator::simulatePath(std::size_t path, std::span<double> out) const {
    CW_ASSERT(out.size() == m_steps + 1);
    const ZigguratNormal normal;
    Xoshiro256PlusPlus rng(streamSeed(m_seed, path));
    std::array<double, kBatch> z;
    out[0] = m_gbm.spot;
    double sumZ = 0.0;
    for (std::size_t k = 1; k <= m_steps; ++k) {
        const std::size_t slot = (k - 1) % kBatch;
        if (slot == 0)
            normal.fill(rng, std::span(z).first(std::min(kBatch, m_steps - (k - 1))));
        sumZ += z[slot];
        // Same expression as simulateTerminal, so the last price matches it bit for bit.
        out[k] = std::exp(m_logSpot + static_cast<double>(k) * m_driftPerStep +
                          m_diffusionPerStep * sumZ);
    }
}

void GbmPathSimulator::simulateTerminal(std::size_t firstPath, std::span<double> out) const {
    const ZigguratNormal normal;
    std::array<double, kBatch> z;
    const double logDrift = m_logSpot + static_cast<double>(m_steps) * m_driftPerStep;
    for (std::size_t i = 0; i < out.size(); ++i) {
        Xoshiro256PlusPlus rng(streamSeed(m_seed, firstPath + i));
        // log S_T = log S_0 + sum of the per-step log-increments; the sum of the constant
        // drift parts is taken once, the random parts are drawn and added step by step.
        double sumZ = 0.0;
        for (std::size_t done = 0; done < m_steps; done += kBatch) {
            const std::size_t count = std::min(kBatch, m_steps - done);
            normal.fill(rng, std::span(z).first(count));
            for (std::size_t k = 0; k < count; ++k)
                sumZ += z[k];
        }
        out[i] = std::exp(logDrift + m_diffusionPerStep * sumZ);
    }
}

void GbmPathSimulator::simulateTerminalParallel(std::span<double> out, unsigned threads) const {
    if (threads == 0)
        threads = std::max(1U, std::thread::hardware_concurrency());
    const std::size_t maxUseful = std::max<std::size_t>(1, out.size() / kMinPathsPerThread);
    const std::size_t workers = std::min<std::size_t>(threads, maxUseful);
    if (workers <= 1) {
        simulateTerminal(0, out);
        return;
    }
    // Contiguous chunks; which thread runs which chunk does not change any path's numbers.
    const std::size_t chunk = (out.size() + workers - 1) / workers;
    std::vector<std::thread> pool;
    pool.reserve(workers - 1);
    std::size_t inlineFrom = 0;
    for (std::size_t w = 1; w < workers; ++w) {
        const std::size_t first = w * chunk;
        if (first >= out.size())
            break;
        const std::size_t count = std::min(chunk, out.size() - first);
        try {
            pool.emplace_back(
                [this, first, count, out] { simulateTerminal(first, out.subspan(first, count)); });
        } catch (const std::system_error&) {
            // No more threads available: the calling thread does the rest itself.
            inlineFrom = first;
            break;
        }
    }
    simulateTerminal(0, out.subspan(0, std::min(chunk, out.size())));
    if (inlineFrom != 0)
        simulateTerminal(inlineFrom, out.subspan(inlineFrom));
    for (auto& t : pool)
        t.join();
}

} // namespace cw::risk
