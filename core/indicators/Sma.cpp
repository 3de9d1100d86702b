// SPDX-License-Identifier: MIT
#include "core/indicators/Sma.hpp"

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

double windowSum(const double* x, std::size_t end, std::size_t period) {
    double s = 0.0;
    for (std::size_t j = end + 1 - period; j <= end; ++j)
        s += x[j];
    return s;
}

// Exact per-window semantics for a stretch that met a non-finite value: windows holding one
// are NaN, the others the mean of their values.
void meanSlow(const double* x, double* out, std::size_t period, std::size_t first,
              std::size_t count, double inv) {
    std::size_t bad = 0;
    double s = 0.0;
    const auto add = [&](double v) {
        if (std::isfinite(v))
            s += v;
        else
            ++bad;
    };
    for (std::size_t j = first + 1 - period; j < first; ++j)
        add(x[j]);
    for (std::size_t i = first; i < first + count; ++i) {
        add(x[i]);
        out[i] = bad == 0 ? s * inv : kNaN;
        const double old = x[i + 1 - period];
        if (std::isfinite(old)) {
            s -= old;
        } else if (--bad == 0) {
            // Back to finite windows: restart from an exact sum of what stays in the window.
            s = 0.0;
            for (std::size_t j = i + 2 - period; j <= i; ++j)
                s += x[j];
        }
    }
}

using Vector = DoubleVector;
constexpr std::size_t kWidth = Vector::kWidth;
// Shortest stretch between restarts of the running sum from an exact sum.
constexpr std::size_t kMinStretch = 4096;

// out[i] = mean(x[i-period+1..i]) for i in [s, s+count), s >= period, count a multiple of
// kWidth: a running sum started from an exact one and updated a vector of rows at a time
// (LinearRecurrence with a = b = 1 on the increments x[i] - x[i-period]). A stretch whose sum
// ends non-finite met a NaN or infinity (the last lane has taken in every row) and is redone
// by meanSlow.
template <bool kStreaming>
void meanStretch(const double* x, double* out, std::size_t period, std::size_t s, std::size_t count,
                 double inv) {
    LinearRecurrence::SumLanes lanes(windowSum(x, s - 1, period));
    const Vector vinv = Vector::broadcast(inv);
    for (std::size_t r = s; r < s + count; r += kWidth) {
        const Vector mean = lanes.next(Vector::load(x + r) - Vector::load(x + r - period)) * vinv;
        if constexpr (kStreaming)
            mean.stream(out + r);
        else
            mean.store(out + r);
    }
    if (!std::isfinite(lanes.last())) {
        OutputWriter::fence(); // the streamed rows land before they are overwritten
        meanSlow(x, out, period, s, count, inv);
    }
}

} // namespace

void smaBatch(std::span<const double> in, int period, std::span<double> out) {
    CW_ASSERT(period >= 1);
    CW_ASSERT(out.size() == in.size());
    const std::size_t n = in.size();
    const auto p = static_cast<std::size_t>(period);
    if (p > n) {
        std::fill(out.begin(), out.end(), kNaN);
        return;
    }
    std::fill(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(p - 1), kNaN);
    const double* x = in.data();
    double* y = out.data();
    const double inv = 1.0 / static_cast<double>(p);
    // Exact rows from the first up to where the output can take aligned streaming stores.
    std::size_t i = p - 1;
    std::size_t head = 1;
    bool streaming = OutputWriter::streams(n);
    while (streaming && head < kWidth + 1 && !Vector::isStreamAligned(y + i + head))
        ++head;
    head = std::min(head, n - i);
    meanSlow(x, y, p, i, head, inv);
    i += head;
    streaming = streaming && Vector::isStreamAligned(y + i);
    // Each running sum restarts from an exact sum every `stretch` rows, which bounds the
    // rounding error a long add/subtract run could build up; the restart costs `period` adds,
    // so keep it a small fraction of the stretch. The last few rows, exactly.
    const std::size_t stretch = std::max(kMinStretch, (8 * p + kWidth - 1) / kWidth * kWidth);
    const std::size_t vectorRows = (n - i) / kWidth * kWidth;
    for (std::size_t s = i; s < i + vectorRows; s += stretch) {
        const std::size_t count = std::min(stretch, i + vectorRows - s);
        if (streaming)
            meanStretch<true>(x, y, p, s, count, inv);
        else
            meanStretch<false>(x, y, p, s, count, inv);
    }
    OutputWriter::fence();
    meanSlow(x, y, p, i + vectorRows, n - i - vectorRows, inv);
}

SmaStream::SmaStream(int period)
    : m_period(period), m_final(static_cast<std::size_t>(std::max(period, 1) - 1)), m_value(kNaN) {
    CW_ASSERT(period >= 1);
}

void SmaStream::update(const OhlcvRow& bar) {
    if (m_bars > 0)
        m_final.push(m_forming);
    ++m_bars;
    m_forming = bar.close;
    evaluate(m_forming);
}

void SmaStream::updateLast(const OhlcvRow& bar) {
    if (m_bars == 0) {
        update(bar);
        return;
    }
    m_forming = bar.close;
    evaluate(m_forming);
}

void SmaStream::reset() {
    m_final.clear();
    m_bars = 0;
    m_forming = 0.0;
    m_value = kNaN;
}

double SmaStream::value(std::size_t k) const {
    CW_ASSERT(k == 0);
    return m_value;
}

void SmaStream::evaluate(double x) {
    if (m_bars < static_cast<std::size_t>(m_period) || m_final.nonFiniteCount() > 0 ||
        !std::isfinite(x)) {
        m_value = kNaN;
        return;
    }
    const double ref = m_final.reference();
    m_value = ref + (m_final.sum() + (x - ref)) / static_cast<double>(m_period);
}

} // namespace cw::indicators
