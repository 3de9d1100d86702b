// SPDX-License-Identifier: MIT
// Batch kernels over 1,000,000 bars into pre-allocated, pre-faulted outputs, and one revision
// of the forming bar in every streaming indicator. See docs/PERFORMANCE.md.
#include "core/indicators/Atr.hpp"
#include "core/indicators/BollingerBands.hpp"
#include "core/indicators/Ema.hpp"
#include "core/indicators/IndicatorRegistry.hpp"
#include "core/indicators/Macd.hpp"
#include "core/indicators/Rsi.hpp"
#include "core/indicators/Sma.hpp"
#include "tests/benchmarks/BenchmarkData.hpp"

#include <benchmark/benchmark.h>
#include <memory>
#include <vector>

namespace ind = cw::indicators;
using cw::bench::BenchmarkData;

namespace {

// Three output columns, written once before timing so no page fault is measured.
struct Outputs {
    std::vector<double> a;
    std::vector<double> b;
    std::vector<double> c;
    explicit Outputs(std::size_t n) : a(n, 0.0), b(n, 0.0), c(n, 0.0) {}
    void touch() {
        benchmark::DoNotOptimize(a.data());
        benchmark::DoNotOptimize(b.data());
        benchmark::DoNotOptimize(c.data());
        benchmark::ClobberMemory();
    }
};

void sma200(benchmark::State& state) {
    const BenchmarkData& d = BenchmarkData::million();
    Outputs o(d.size());
    for (auto _ : state) {
        ind::smaBatch(d.close, 200, o.a);
        o.touch();
    }
}

void ema20(benchmark::State& state) {
    const BenchmarkData& d = BenchmarkData::million();
    Outputs o(d.size());
    for (auto _ : state) {
        ind::emaBatch(d.close, 20, o.a);
        o.touch();
    }
}

void rsi14(benchmark::State& state) {
    const BenchmarkData& d = BenchmarkData::million();
    Outputs o(d.size());
    for (auto _ : state) {
        ind::rsiBatch(d.close, 14, o.a);
        o.touch();
    }
}

void bbands20(benchmark::State& state) {
    const BenchmarkData& d = BenchmarkData::million();
    Outputs o(d.size());
    for (auto _ : state) {
        ind::bollingerBandsBatch(d.close, 20, 2.0, o.a, o.b, o.c);
        o.touch();
    }
}

void macd12269(benchmark::State& state) {
    const BenchmarkData& d = BenchmarkData::million();
    Outputs o(d.size());
    for (auto _ : state) {
        ind::macdBatch(d.close, 12, 26, 9, o.a, o.b, o.c);
        o.touch();
    }
}

void atr14(benchmark::State& state) {
    const BenchmarkData& d = BenchmarkData::million();
    Outputs o(d.size());
    for (auto _ : state) {
        ind::atrBatch(d.high, d.low, d.close, 14, o.a);
        o.touch();
    }
}

// One updateLast on the forming bar of every built-in streaming indicator, created through
// the registry with default parameters and warmed up on 1,000 bars.
void streamUpdateAll(benchmark::State& state) {
    const BenchmarkData& d = BenchmarkData::million();
    const ind::IndicatorRegistry& registry = ind::IndicatorRegistry::builtin();
    std::vector<std::unique_ptr<ind::IStreamingIndicator>> streams;
    for (const ind::IndicatorDescriptor& descriptor : registry.descriptors()) {
        auto configured = registry.configure(descriptor.name, {});
        if (!configured.hasValue()) {
            state.SkipWithError(configured.error().message.c_str());
            return;
        }
        streams.push_back(configured->makeStream());
    }
    constexpr std::size_t kWarmUp = 1000;
    cw::OhlcvRow bar;
    for (std::size_t i = 0; i < kWarmUp; ++i) {
        bar = {static_cast<cw::TimestampNs>(i) * 60 * cw::kNsPerSecond,
               d.open[i],
               d.high[i],
               d.low[i],
               d.close[i],
               d.volume[i]};
        for (auto& s : streams)
            s->update(bar);
    }
    // Ticks revise the close (and stretch high/low) of the forming bar.
    std::size_t tick = 0;
    for (auto _ : state) {
        const double price = d.close[kWarmUp + (tick++ & 4095U)];
        bar.close = price;
        bar.high = price > bar.high ? price : bar.high;
        bar.low = price < bar.low ? price : bar.low;
        bar.volume += 1.0;
        for (auto& s : streams) {
            s->updateLast(bar);
            benchmark::DoNotOptimize(s->value(0));
        }
    }
    state.counters["streams"] = static_cast<double>(streams.size());
}

} // namespace

BENCHMARK(sma200)->Name("sma/200")->Unit(benchmark::kMillisecond);
BENCHMARK(ema20)->Name("ema/20")->Unit(benchmark::kMillisecond);
BENCHMARK(rsi14)->Name("rsi/14")->Unit(benchmark::kMillisecond);
BENCHMARK(bbands20)->Name("bbands/20")->Unit(benchmark::kMillisecond);
BENCHMARK(macd12269)->Name("macd/12_26_9")->Unit(benchmark::kMillisecond);
BENCHMARK(atr14)->Name("atr/14")->Unit(benchmark::kMillisecond);
BENCHMARK(streamUpdateAll)->Name("stream_update_all")->Unit(benchmark::kNanosecond);
