// SPDX-License-Identifier: MIT
// Optional: the same tasks through TA-Lib C and Tulip Indicators C, built outside this
// repository (see docs/PERFORMANCE.md), so that one run of candlewick-bench compares all.
// Compiled only when CW_BENCH_PEERS_DIR is set.
#include "tests/benchmarks/BenchmarkData.hpp"

#include <benchmark/benchmark.h>
#include <vector>

extern "C" {
#include "indicators.h" // Tulip
#include "ta_func.h"    // TA-Lib
}

using cw::bench::BenchmarkData;

namespace {

struct Peer {
    const BenchmarkData& d = BenchmarkData::million();
    const int n = static_cast<int>(d.size());
    std::vector<double> a = std::vector<double>(d.size(), 0.0);
    std::vector<double> b = std::vector<double>(d.size(), 0.0);
    std::vector<double> c = std::vector<double>(d.size(), 0.0);
    int begin = 0;
    int count = 0;
    void touch() {
        benchmark::DoNotOptimize(a.data());
        benchmark::DoNotOptimize(b.data());
        benchmark::DoNotOptimize(c.data());
        benchmark::ClobberMemory();
    }
};

template <class Call>
void runPeer(benchmark::State& state, Call call) {
    Peer p;
    for (auto _ : state) {
        if (!call(p)) {
            state.SkipWithError("peer call failed");
            return;
        }
        p.touch();
    }
}

int tulip(int (*fn)(int, TI_REAL const* const*, TI_REAL const*, TI_REAL* const*), Peer& p,
          std::vector<const double*> in, std::vector<double> options) {
    double* out[] = {p.a.data(), p.b.data(), p.c.data()};
    return fn(p.n, in.data(), options.data(), out) == TI_OKAY;
}

} // namespace

BENCHMARK_CAPTURE(runPeer, talib_sma,
                  [](Peer& p) {
                      return TA_SMA(0, p.n - 1, p.d.close.data(), 200, &p.begin, &p.count,
                                    p.a.data()) == 0;
                  })
    ->Name("talib/sma/200")
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(runPeer, talib_ema,
                  [](Peer& p) {
                      return TA_EMA(0, p.n - 1, p.d.close.data(), 20, &p.begin, &p.count,
                                    p.a.data()) == 0;
                  })
    ->Name("talib/ema/20")
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(runPeer, talib_rsi,
                  [](Peer& p) {
                      return TA_RSI(0, p.n - 1, p.d.close.data(), 14, &p.begin, &p.count,
                                    p.a.data()) == 0;
                  })
    ->Name("talib/rsi/14")
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(runPeer, talib_bbands,
                  [](Peer& p) {
                      return TA_BBANDS(0, p.n - 1, p.d.close.data(), 20, 2.0, 2.0, TA_MAType_SMA,
                                       &p.begin, &p.count, p.a.data(), p.b.data(), p.c.data()) == 0;
                  })
    ->Name("talib/bbands/20")
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(runPeer, talib_macd,
                  [](Peer& p) {
                      return TA_MACD(0, p.n - 1, p.d.close.data(), 12, 26, 9, &p.begin, &p.count,
                                     p.a.data(), p.b.data(), p.c.data()) == 0;
                  })
    ->Name("talib/macd/12_26_9")
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(runPeer, talib_atr,
                  [](Peer& p) {
                      return TA_ATR(0, p.n - 1, p.d.high.data(), p.d.low.data(), p.d.close.data(),
                                    14, &p.begin, &p.count, p.a.data()) == 0;
                  })
    ->Name("talib/atr/14")
    ->Unit(benchmark::kMillisecond);

BENCHMARK_CAPTURE(runPeer, tulip_sma,
                  [](Peer& p) { return tulip(ti_sma, p, {p.d.close.data()}, {200}); })
    ->Name("tulip/sma/200")
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(runPeer, tulip_ema,
                  [](Peer& p) { return tulip(ti_ema, p, {p.d.close.data()}, {20}); })
    ->Name("tulip/ema/20")
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(runPeer, tulip_rsi,
                  [](Peer& p) { return tulip(ti_rsi, p, {p.d.close.data()}, {14}); })
    ->Name("tulip/rsi/14")
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(runPeer, tulip_bbands,
                  [](Peer& p) {
                      return tulip(ti_bbands, p, {p.d.close.data()}, {20, 2});
                  })
    ->Name("tulip/bbands/20")
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(runPeer, tulip_macd,
                  [](Peer& p) {
                      return tulip(ti_macd, p, {p.d.close.data()}, {12, 26, 9});
                  })
    ->Name("tulip/macd/12_26_9")
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(
    runPeer, tulip_atr,
    [](Peer& p) {
        return tulip(ti_atr, p, {p.d.high.data(), p.d.low.data(), p.d.close.data()}, {14});
    })
    ->Name("tulip/atr/14")
    ->Unit(benchmark::kMillisecond);
