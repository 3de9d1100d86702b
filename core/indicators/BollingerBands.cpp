// SPDX-License-Identifier: MIT
#include "core/indicators/BollingerBands.hpp"

#include "core/common/Assert.hpp"
#include "core/indicators/DoubleVector.hpp"
#include "core/indicators/LinearRecurrence.hpp"
#include "core/indicators/OutputWriter.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace cw::indicators {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

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

// Rows per sub-block: the rounding bound of the running sums (tol below) is set per sub-block.
constexpr std::size_t kRows = 512;
// Shortest stretch between restarts of the running sums from exact sums.
constexpr std::size_t kMinStretch = 2048;

using Vector = DoubleVector;
constexpr std::size_t kWidth = Vector::kWidth;

double maxAbsDeviation(const double* x, std::size_t n, double ref, double seed) {
    const Vector r = Vector::broadcast(ref);
    Vector m = Vector::broadcast(seed);
    std::size_t j = 0;
    for (; n - j >= kWidth; j += kWidth)
        m = maxOf(abs(Vector::load(x + j) - r), m);
    double out = seed;
    for (std::size_t k = 0; k < kWidth; ++k)
        out = m.lane(k) > out ? m.lane(k) : out;
    for (; j < n; ++j) {
        const double d = std::fabs(x[j] - ref);
        out = d > out ? d : out;
    }
    return out;
}

// Where a row's variance is too small against the rounding bound of the running sums
// (flat windows): mean and variance by two exact passes instead.
void refineLanes(const double* x, std::size_t row, std::size_t period, double inv, double tol,
                 Vector& mean, Vector& var) {
    double m[kWidth];
    double v[kWidth];
    mean.store(m);
    var.store(v);
    for (std::size_t k = 0; k < kWidth; ++k) {
        if (v[k] <= tol)
            exactMoments(x, row + k, period, inv, m[k], v[k]);
    }
    mean = Vector::load(m);
    var = Vector::load(v);
}

// Rows [s, s+count) with s >= period and count a multiple of kWidth: running sums of d = x -
// ref and d^2 over the window, ref = x[s], started from exact sums and updated a vector of
// rows at a time (LinearRecurrence with a = b = 1 on the increments d_in - d_out and
// d_in^2 - d_out^2), and the bands finished in the same registers.
// After `steps` running updates the sums carry an absolute error of at most about
// 4 * steps * eps * maxD^2 in the variance (maxD: the largest |d| they have taken in); where
// the variance is not a million times that, sigma could show it (sqrt amplifies it near 0:
// flat windows), so those rows are recomputed exactly.
template <bool kStreaming>
void bandsStretch(const double* x, Bands b, std::size_t period, std::size_t s, std::size_t count,
                  double inv, double k) {
    const double ref = referenceAt(x, s);
    double s1 = 0.0;
    double s2 = 0.0;
    windowSums(x, s - 1, period, ref, s1, s2);
    double maxD = maxAbsDeviation(x + s - period, period, ref, 0.0);
    LinearRecurrence::SumLanes sum1(s1);
    LinearRecurrence::SumLanes sum2(s2);
    const Vector vref = Vector::broadcast(ref);
    const Vector vinv = Vector::broadcast(inv);
    const Vector vk = Vector::broadcast(k);
    const auto write = [](Vector v, double* at) {
        if constexpr (kStreaming)
            v.stream(at);
        else
            v.store(at);
    };
    for (std::size_t r0 = s; r0 < s + count; r0 += kRows) {
        const std::size_t end = std::min(r0 + kRows, s + count);
        maxD = maxAbsDeviation(x + r0, end - r0, ref, maxD);
        const double steps = static_cast<double>(end - s + period);
        const double tol = 1e-9 * steps * maxD * maxD;
        const Vector vtol = Vector::broadcast(tol);
        for (std::size_t r = r0; r < end; r += kWidth) {
            const Vector in = Vector::load(x + r) - vref;
            const Vector out = Vector::load(x + r - period) - vref;
            const Vector e1 = in - out;
            const Vector mean = sum1.next(e1) * vinv;
            Vector var = fma(sum2.next(e1 * (in + out)), vinv, Vector() - mean * mean);
            Vector mid = vref + mean;
            if (countLessEqual(var, vtol) > 0)
                refineLanes(x, r, period, inv, tol, mid, var);
            const Vector dev = vk * sqrtOfPositivePart(var);
            write(mid + dev, b.upper + r);
            write(mid, b.middle + r);
            write(mid - dev, b.lower + r);
        }
    }
    // A non-finite value anywhere in the stretch's windows leaves the sums non-finite for
    // good (the last lane has taken in every row): its rows are redone per window.
    if (!std::isfinite(sum1.last()) || !std::isfinite(sum2.last())) {
        OutputWriter::fence(); // the streamed rows land before they are overwritten
        bandsSlow(x, b, period, s, count, inv, k);
    }
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
    const double* x = in.data();
    const double inv = 1.0 / static_cast<double>(p);
    const Bands b{upper.data(), middle.data(), lower.data()};
    // Exact rows from the first up to where the outputs can take aligned streaming stores.
    std::size_t i = p - 1;
    std::size_t head = 1;
    bool streaming = OutputWriter::streams(n);
    while (streaming && head < kWidth + 1 && !Vector::isStreamAligned(b.upper + i + head))
        ++head;
    head = std::min(head, n - i);
    bandsSlow(x, b, p, i, head, inv, stddevs);
    i += head;
    streaming = streaming && Vector::isStreamAligned(b.upper + i) &&
                Vector::isStreamAligned(b.middle + i) && Vector::isStreamAligned(b.lower + i);
    // Stretches of whole vectors: each restarts from exact sums with a fresh reference value,
    // so neither rounding nor the distance between price and reference can grow without
    // bound. The last few rows, exactly.
    const std::size_t stretch = std::max(kMinStretch, (8 * p + kRows - 1) / kRows * kRows);
    const std::size_t vectorRows = (n - i) / kWidth * kWidth;
    for (std::size_t s = i; s < i + vectorRows; s += stretch) {
        const std::size_t count = std::min(stretch, i + vectorRows - s);
        if (streaming)
            bandsStretch<true>(x, b, p, s, count, inv, stddevs);
        else
            bandsStretch<false>(x, b, p, s, count, inv, stddevs);
    }
    OutputWriter::fence();
    bandsSlow(x, b, p, i + vectorRows, n - i - vectorRows, inv, stddevs);
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
