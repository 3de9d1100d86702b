// SPDX-License-Identifier: MIT
// The machine's bandwidth reference: copying one 1M-row column (8 MB) between pre-faulted
// buffers. Indicator kernels read at least one such column and write one per output.
#include <benchmark/benchmark.h>
#include <cstring>
#include <vector>

namespace {

void memcpy8mb(benchmark::State& state) {
    constexpr std::size_t kRows = 1'000'000;
    std::vector<double> from(kRows, 1.0);
    std::vector<double> to(kRows, 0.0);
    for (auto _ : state) {
        std::memcpy(to.data(), from.data(), kRows * sizeof(double));
        benchmark::DoNotOptimize(to.data());
        benchmark::ClobberMemory();
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                            static_cast<std::int64_t>(kRows * sizeof(double)));
}

} // namespace

BENCHMARK(memcpy8mb)->Name("memcpy_8mb")->Unit(benchmark::kMillisecond);
