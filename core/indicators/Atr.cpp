// SPDX-License-Identifier: MIT
#include "core/indicators/Atr.hpp"

#include "core/common/Assert.hpp"
#include "core/indicators/LinearRecurrence.hpp"
#include "core/indicators/OutputWriter.hpp"
#include "core/indicators/TrueRange.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace cw::indicators {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
} // namespace

void atrBatch(std::span<const double> high, std::span<const double> low,
              std::span<const double> close, int period, std::span<double> out) {
    CW_ASSERT(period >= 1);
    CW_ASSERT(high.size() == close.size() && low.size() == close.size());
    CW_ASSERT(out.size() == close.size());
    const std::size_t n = close.size();
    const auto p = static_cast<std::size_t>(period);
    if (p >= n) {
        std::fill(out.begin(), out.end(), kNaN);
        return;
    }
    std::fill(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(p), kNaN);
    const double* h = high.data();
    const double* l = low.data();
    const double* c = close.data();
    double* y = out.data();
    double atr = 0.0;
    for (std::size_t i = 1; i <= p; ++i)
        atr += trueRange(h[i], l[i], c[i - 1]);
    atr /= static_cast<double>(p);
    y[p] = atr;

    const double inv = 1.0 / static_cast<double>(p);
    const LinearRecurrence wilder(1.0 - inv, inv);
    using Vector = LinearRecurrence::Vector;
    constexpr std::size_t kWidth = LinearRecurrence::kWidth;
    std::size_t i = p + 1;
    // Sequential rows up to where the output can take aligned streaming stores, then true
    // ranges and smoothing a vector of rows at a time, straight from the inputs to the output.
    bool streaming = OutputWriter::streams(n);
    for (; streaming && i < n && !Vector::isStreamAligned(y + i) && i < p + 1 + kWidth; ++i) {
        atr = wilder.step(atr, trueRange(h[i], l[i], c[i - 1]));
        y[i] = atr;
    }
    streaming = streaming && Vector::isStreamAligned(y + i);
    LinearRecurrence::Lanes lanes(wilder, atr);
    const auto trueRanges = [&](std::size_t row) {
        return trueRange(Vector::load(h + row), Vector::load(l + row), Vector::load(c + row - 1));
    };
    if (streaming) {
        for (; n - i >= kWidth; i += kWidth)
            lanes.next(trueRanges(i)).stream(y + i);
        OutputWriter::fence();
    } else {
        for (; n - i >= kWidth; i += kWidth)
            lanes.next(trueRanges(i)).store(y + i);
    }
    atr = lanes.last();
    for (; i < n; ++i) {
        atr = wilder.step(atr, trueRange(h[i], l[i], c[i - 1]));
        y[i] = atr;
    }
}

AtrStream::AtrStream(int period) : m_period(period), m_value(kNaN) {
    CW_ASSERT(period >= 1);
}

void AtrStream::update(const OhlcvRow& bar) {
    if (m_hasForming) {
        m_atr = m_next;
        m_prevClose = m_forming.close;
        ++m_final;
    }
    m_hasForming = true;
    m_forming = bar;
    evaluate(m_forming);
}

void AtrStream::updateLast(const OhlcvRow& bar) {
    if (!m_hasForming) {
        update(bar);
        return;
    }
    m_forming = bar;
    evaluate(m_forming);
}

void AtrStream::reset() {
    m_final = 0;
    m_hasForming = false;
    m_prevClose = 0.0;
    m_atr = 0.0;
    m_next = 0.0;
    m_forming = {};
    m_value = kNaN;
}

double AtrStream::value(std::size_t k) const {
    CW_ASSERT(k == 0);
    return m_value;
}

void AtrStream::evaluate(const OhlcvRow& bar) {
    const auto p = static_cast<std::size_t>(m_period);
    const std::size_t index = m_final; // of the forming bar
    m_value = kNaN;
    if (index == 0)
        return;
    const double tr = trueRange(bar.high, bar.low, m_prevClose);
    if (index < p) {
        m_next = m_atr + tr;
        return;
    }
    if (index == p) {
        m_next = (m_atr + tr) / static_cast<double>(p);
    } else {
        const double inv = 1.0 / static_cast<double>(p);
        m_next = std::fma(1.0 - inv, m_atr, inv * tr); // LinearRecurrence::step
    }
    m_value = m_next;
}

} // namespace cw::indicators
