// SPDX-License-Identifier: MIT
#include "core/indicators/BollingerBands.hpp"

#include "core/common/Assert.hpp"
#include "core/indicators/OutputWriter.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace cw::indicators {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr std::size_t kChains = 4;

struct Bands {
    double* upper;
    double* middle;
    double* lower;
};

// Mean and population variance of the window ending at i by two passes, shifted by x[i] so
// that a flat window gives exactly its value and 0.
void exactMoments(const double* x, std::size_t i, std::size_t period, double inv, double& mean,
                  double& var) {
    const double ref = x[i];
    double s = 0.0;
    for (std::size_t j = i + 1 - period; j <= i; ++j)
        s += x[j] - ref;
    const double m = s * inv;
    double ss = 0.0;
    for (std::size_t j = i + 1 - period; j <= i; ++j)
        ss += (x[j] - ref - m) * (x[j] - ref - m);
    mean = ref + m;
    var = ss * inv;
}

double referenceAt(const double* x, std::size_t i) {
    return std::isfinite(x[i]) ? x[i] : 0.0;
}

void windowSums(const double* x, std::size_t end, std::size_t period, double ref, double& s1,
                double& s2) {
    s1 = 0.0;
    s2 = 0.0;
    for (std::size_t j = end + 1 - period; j <= end; ++j) {
        const double d = x[j] - ref;
        s1 += d;
        s2 += d * d;
    }
}

// A stretch that met a non-finite value: windows holding one are NaN, the others exact.
void bandsSlow(const double* x, Bands b, std::size_t period, std::size_t first, std::size_t count,
               double inv, double k) {
    for (std::size_t i = first; i < first + count; ++i) {
        std::size_t bad = 0;
        for (std::size_t j = i + 1 - period; j <= i; ++j)
            bad += std::isfinite(x[j]) ? 0 : 1;
        if (bad > 0) {
            b.upper[i] = b.middle[i] = b.lower[i] = kNaN;
            continue;
        }
        double mean = 0.0;
        double var = 0.0;
        exactMoments(x, i, period, inv, mean, var);
        const double dev = k * std::sqrt(var);
        b.middle[i] = mean;
        b.upper[i] = mean + dev;
        b.lower[i] = mean - dev;
    }
}

// Rows handled per pass of the chains: their sums, then bands, in L1 scratch.
constexpr std::size_t kRows = 256;

// One running-sum chain: anchored at `ref`, a value of its own stretch, so that d = x - ref
// stays small and the variance keeps its digits; started from exact sums.
struct Chain {
    std::size_t start = 0;
    double ref = 0.0;
    double s1 = 0.0;   ///< sum of d over the window
    double s2 = 0.0;   ///< sum of d^2 over the window
    double maxD = 0.0; ///< largest |d| the sums have taken in: bounds their rounding error
};

double maxAbsDeviation(const double* x, std::size_t n, double ref, double seed) {
    // Eight lanes so that the maximum vectorises (a single running maximum would not).
    double lanes[8] = {seed, seed, seed, seed, seed, seed, seed, seed};
    std::size_t j = 0;
    for (; j + 8 <= n; j += 8) {
        for (std::size_t l = 0; l < 8; ++l) {
            const double d = std::fabs(x[j + l] - ref);
            lanes[l] = d > lanes[l] ? d : lanes[l];
        }
    }
    for (; j < n; ++j) {
        const double d = std::fabs(x[j] - ref);
        lanes[0] = d > lanes[0] ? d : lanes[0];
    }
    double m = seed;
    for (double v : lanes)
        m = v > m ? v : m;
    return m;
}

// Turns rows [i0, i0+m) of one chain, whose sums s1/s2 are in scratch, into the three bands.
// After `steps` running updates the sums carry an absolute error of at most about
// 4 * steps * eps * maxD^2 in the variance; where the variance is not a million times that,
// sigma could show it (sqrt amplifies it near 0: flat windows), so those rows are recomputed
// exactly by two passes. Per row and branch-free otherwise, so it vectorises (sqrt included:
// this file is built with -fno-math-errno).
void finish(const double* x, std::size_t period, std::size_t i0, std::size_t m, std::size_t steps,
            const Chain& c, double inv, double k, const double* s1, const double* s2, double* upper,
            double* middle, double* lower) {
    const double tol = 1e-9 * static_cast<double>(steps) * c.maxD * c.maxD;
    std::size_t suspicious = 0;
    for (std::size_t j = 0; j < m; ++j) {
        const double mean = s1[j] * inv;
        const double var = s2[j] * inv - mean * mean;
        suspicious += var <= tol ? 1 : 0;
        middle[j] = c.ref + mean;
        lower[j] = var;
    }
    if (suspicious > 0) {
        for (std::size_t j = 0; j < m; ++j) {
            if (lower[j] <= tol)
                exactMoments(x, i0 + j, period, inv, middle[j], lower[j]);
        }
    }
    for (std::size_t j = 0; j < m; ++j) {
        const double var = lower[j];
        const double dev = k * std::sqrt(var > 0.0 ? var : 0.0);
        upper[j] = middle[j] + dev;
        lower[j] = middle[j] - dev;
    }
}

// Bands for G interleaved chains of `len` rows each, starting at starts[g].
template <std::size_t G>
void bandsChains(const double* x, Bands b, std::size_t period, const std::size_t* starts,
                 std::size_t len, double inv, double k, bool streaming) {
    Chain c[G];
    for (std::size_t g = 0; g < G; ++g) {
        c[g].start = starts[g];
        c[g].ref = referenceAt(x, starts[g]);
        windowSums(x, starts[g], period, c[g].ref, c[g].s1, c[g].s2);
        c[g].maxD = maxAbsDeviation(x + starts[g] + 1 - period, period - 1, c[g].ref, 0.0);
    }
    double s1[G][kRows];
    double s2[G][kRows];
    double up[kRows];
    double mid[kRows];
    double lo[kRows];
    for (std::size_t j0 = 0; j0 < len; j0 += kRows) {
        const std::size_t m = std::min(kRows, len - j0);
        for (std::size_t j = 0; j < m; ++j) {
#pragma GCC unroll 4
            for (std::size_t g = 0; g < G; ++g) {
                const std::size_t i = c[g].start + j0 + j;
                if (j0 + j > 0) { // row 0 has the exact sums already
                    const double in = x[i] - c[g].ref;
                    const double out = x[i - period] - c[g].ref;
                    c[g].s1 += in - out;
                    c[g].s2 += (in - out) * (in + out);
                }
                s1[g][j] = c[g].s1;
                s2[g][j] = c[g].s2;
            }
        }
        for (std::size_t g = 0; g < G; ++g) {
            const std::size_t i0 = c[g].start + j0;
            c[g].maxD = maxAbsDeviation(x + i0, m, c[g].ref, c[g].maxD);
            finish(x, period, i0, m, j0 + m + period, c[g], inv, k, s1[g], s2[g], up, mid, lo);
            OutputWriter::copy(b.upper + i0, up, m, streaming);
            OutputWriter::copy(b.middle + i0, mid, m, streaming);
            OutputWriter::copy(b.lower + i0, lo, m, streaming);
        }
    }
    // A non-finite value anywhere in a chain's windows leaves its sums non-finite for good:
    // that chain's rows are redone with per-window semantics.
    for (std::size_t g = 0; g < G; ++g) {
        if (!std::isfinite(c[g].s1) || !std::isfinite(c[g].s2)) {
            OutputWriter::fence(); // the streamed rows land before they are overwritten
            bandsSlow(x, b, period, c[g].start, len, inv, k);
        }
    }
}

// Bands for rows [first, first+count): kChains interleaved chains over equal stretches (the
// CPU overlaps their add chains), then the few leftover rows as one more chain.
void bandsRange(const double* x, Bands b, std::size_t period, std::size_t first, std::size_t count,
                double inv, double k, bool streaming) {
    const std::size_t len = count / kChains;
    if (len > 0) {
        std::size_t starts[kChains];
        for (std::size_t g = 0; g < kChains; ++g)
            starts[g] = first + g * len;
        bandsChains<kChains>(x, b, period, starts, len, inv, k, streaming);
    }
    const std::size_t tail = first + kChains * len;
    if (tail < first + count)
        bandsChains<1>(x, b, period, &tail, first + count - tail, inv, k, streaming);
}

} // namespace

void bollingerBandsBatch(std::span<const double> in, int period, double stddevs,
                         std::span<double> upper, std::span<double> middle,
                         std::span<double> lower) {
    CW_ASSERT(period >= 1);
    CW_ASSERT(upper.size() == in.size() && middle.size() == in.size() && lower.size() == in.size());
    const std::size_t n = in.size();
    const auto p = static_cast<std::size_t>(period);
    const std::size_t warm = std::min(n, p - 1);
    std::fill_n(upper.begin(), warm, kNaN);
    std::fill_n(middle.begin(), warm, kNaN);
    std::fill_n(lower.begin(), warm, kNaN);
    if (p > n)
        return;
    // Stretches of at most `segment` rows: every chain restarts from exact sums with a fresh
    // reference value, so neither rounding nor the distance between price and reference can
    // grow without bound.
    const std::size_t segment = kChains * std::max<std::size_t>(1024, 8 * p);
    const double inv = 1.0 / static_cast<double>(p);
    const Bands b{upper.data(), middle.data(), lower.data()};
    const bool streaming = OutputWriter::streams(n);
    for (std::size_t i = p - 1; i < n; i += segment)
        bandsRange(in.data(), b, p, i, std::min(segment, n - i), inv, stddevs, streaming);
    OutputWriter::fence();
}

BollingerBandsStream::BollingerBandsStream(int period, double stddevs)
    : m_period(period), m_stddevs(stddevs),
      m_final(static_cast<std::size_t>(std::max(period, 1) - 1)), m_values{kNaN, kNaN, kNaN} {
    CW_ASSERT(period >= 1);
}

void BollingerBandsStream::update(const OhlcvRow& bar) {
    if (m_bars > 0)
        m_final.push(m_forming);
    ++m_bars;
    m_forming = bar.close;
    evaluate(m_forming);
}

void BollingerBandsStream::updateLast(const OhlcvRow& bar) {
    if (m_bars == 0) {
        update(bar);
        return;
    }
    m_forming = bar.close;
    evaluate(m_forming);
}

void BollingerBandsStream::reset() {
    m_final.clear();
    m_bars = 0;
    m_forming = 0.0;
    m_values[0] = m_values[1] = m_values[2] = kNaN;
}

double BollingerBandsStream::value(std::size_t k) const {
    CW_ASSERT(k < 3);
    return m_values[k];
}

void BollingerBandsStream::evaluate(double x) {
    if (m_bars < static_cast<std::size_t>(m_period) || m_final.nonFiniteCount() > 0 ||
        !std::isfinite(x)) {
        m_values[0] = m_values[1] = m_values[2] = kNaN;
        return;
    }
    const double inv = 1.0 / static_cast<double>(m_period);
    const double ref = m_final.reference();
    const double d = x - ref;
    double m = (m_final.sum() + d) * inv;
    const double meanSq = (m_final.sumSquares() + d * d) * inv;
    double var = meanSq - m * m;
    // The sums live for at most 2*period pushes; where the variance is too small against their
    // rounding (flat windows), two exact passes over the window instead (see finish()).
    const double maxSq = std::max(m_final.maxSquare(), d * d);
    if (var <= 2e-9 * static_cast<double>(m_period) * maxSq && maxSq > 0.0) {
        double s = x - ref;
        for (std::size_t i = 0; i < m_final.size(); ++i)
            s += m_final[i] - ref;
        m = s * inv;
        const double mean = ref + m;
        double ss = (x - mean) * (x - mean);
        for (std::size_t i = 0; i < m_final.size(); ++i)
            ss += (m_final[i] - mean) * (m_final[i] - mean);
        var = ss * inv;
    }
    const double dev = m_stddevs * std::sqrt(var > 0.0 ? var : 0.0);
    const double mid = ref + m;
    m_values[kUpper] = mid + dev;
    m_values[kMiddle] = mid;
    m_values[kLower] = mid - dev;
}

} // namespace cw::indicators
