// SPDX-License-Identifier: MIT
#pragma once

#include "core/domain/BarSeriesView.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <random>
#include <vector>

namespace cw::indicators::test {

/// Owned columns of bars for tests, viewable as a BarSeriesView.
struct TestBars {
    std::vector<TimestampNs> time;
    std::vector<double> open, high, low, close, volume;

    std::size_t size() const { return close.size(); }
    void push(const OhlcvRow& r) {
        time.push_back(r.time);
        open.push_back(r.open);
        high.push_back(r.high);
        low.push_back(r.low);
        close.push_back(r.close);
        volume.push_back(r.volume);
    }
    BarSeriesView view() const { return {time, open, high, low, close, volume}; }
};

/// A seeded random walk of one-minute bars: high >= max(open, close), low <= min(open, close),
/// volume > 0, times increasing from 2024-01-02 00:00 UTC (so 100k bars span ~70 days).
/// Includes flat stretches (high == low == close) every few thousand bars.
class RandomWalk {
public:
    explicit RandomWalk(std::uint64_t seed) : m_state(seed | 1) {}

    double uniform() {
        m_state ^= m_state >> 12;
        m_state ^= m_state << 25;
        m_state ^= m_state >> 27;
        return static_cast<double>((m_state * 0x2545F4914F6CDD1Dull) >> 11) * 0x1.0p-53;
    }

    TestBars bars(std::size_t count) {
        TestBars out;
        double price = 100.0;
        const TimestampNs start = 1704153600LL * kNsPerSecond;
        for (std::size_t i = 0; i < count; ++i) {
            const bool flat = (i % 5000) >= 4900 && (i % 5000) < 4940;
            const double open = price;
            const double close =
                flat ? open : open * (1.0 + 0.004 * (uniform() + uniform() + uniform() - 1.5));
            const double high = flat ? open : std::max(open, close) * (1.0 + 0.002 * uniform());
            const double low = flat ? open : std::min(open, close) * (1.0 - 0.002 * uniform());
            const double volume = 1.0 + std::floor(1000.0 * uniform());
            out.push({start + static_cast<TimestampNs>(i) * kNsPerMinute, open, high, low, close,
                      volume});
            price = close;
        }
        return out;
    }

private:
    std::uint64_t m_state;
};

/// Relative 1e-9, absolute 1e-12 near zero; NaN matches only NaN.
inline bool closeEnough(double expected, double actual) {
    if (std::isnan(expected) || std::isnan(actual))
        return std::isnan(expected) && std::isnan(actual);
    const double diff = std::fabs(expected - actual);
    return diff <= 1e-12 || diff <= 1e-9 * std::max(std::fabs(expected), std::fabs(actual));
}

/// A seeded geometric random walk of closes starting at 100 (0.2 % per step).
inline std::vector<double> randomWalk(std::size_t n, unsigned seed) {
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> z(0.0, 1.0);
    std::vector<double> x(n);
    double price = 100.0;
    for (double& v : x) {
        price *= std::exp(0.002 * z(rng));
        v = price;
    }
    return x;
}

} // namespace cw::indicators::test
