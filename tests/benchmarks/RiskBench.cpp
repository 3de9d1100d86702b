// SPDX-License-Identifier: MIT
// Monte Carlo VaR: 1,000 GBM paths of 252 daily steps, 95% VaR and ES, all cores.
#include "core/risk/ValueAtRisk.hpp"

#include <benchmark/benchmark.h>

namespace {

void mcVar(benchmark::State& state) {
    const cw::risk::GbmParameters gbm; // S0 100, mu 5%, sigma 20%, dt 1/252
    cw::risk::MonteCarloConfig config;
    config.paths = 1000;
    config.steps = 252;
    config.seed = 42;
    config.threads = 0;
    for (auto _ : state) {
        auto estimate = cw::risk::monteCarloVar(gbm, config, 0.95);
        if (!estimate.hasValue()) {
            state.SkipWithError(estimate.error().message.c_str());
            return;
        }
        benchmark::DoNotOptimize(estimate->valueAtRisk);
    }
}

} // namespace

// The "Time" column is wall-clock time, the figure that counts; "CPU" is the calling thread
// only. No UseRealTime()/Iterations(): both would append a suffix to the benchmark's name.
BENCHMARK(mcVar)->Name("mc_var/1000x252")->Unit(benchmark::kMillisecond);
