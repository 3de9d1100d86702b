// SPDX-License-Identifier: MIT
#include "core/indicators/Ema.hpp"

#include "core/common/Assert.hpp"
#include "core/indicators/LinearRecurrence.hpp"
#include "core/indicators/OutputWriter.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace cw::indicators {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
}

void emaBatch(std::span<const double> in, int period, std::span<double> out) {
    CW_ASSERT(period >= 1);
    CW_ASSERT(out.size() == in.size());
    const std::size_t n = in.size();
    const auto p = static_cast<std::size_t>(period);
    if (p > n) {
        std::fill(out.begin(), out.end(), kNaN);
        return;
    }
    std::fill(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(p - 1), kNaN);
    double seed = 0.0;
    for (std::size_t i = 0; i < p; ++i)
        seed += in[i];
    seed /= static_cast<double>(p);
    out[p - 1] = seed;
    const double k = 2.0 / (static_cast<double>(p) + 1.0);
    const LinearRecurrence ema(1.0 - k, k);
    ema.run(in.data() + p, out.data() + p, n - p, seed, OutputWriter::streams(n));
    OutputWriter::fence();
}

EmaStream::EmaStream(int period)
    : m_period(period), m_k(2.0 / (static_cast<double>(period) + 1.0)), m_value(kNaN) {
    CW_ASSERT(period >= 1);
}

void EmaStream::update(const OhlcvRow& bar) {
    if (m_hasForming) {
        // The forming bar becomes final: keep the state evaluate() computed from it.
        if (m_final + 1 < static_cast<std::size_t>(m_period))
            m_seedSum += m_forming;
        else
            m_ema = m_value;
        ++m_final;
    }
    m_hasForming = true;
    m_forming = bar.close;
    evaluate(m_forming);
}

void EmaStream::updateLast(const OhlcvRow& bar) {
    if (!m_hasForming) {
        update(bar);
        return;
    }
    m_forming = bar.close;
    evaluate(m_forming);
}

void EmaStream::reset() {
    m_final = 0;
    m_hasForming = false;
    m_seedSum = 0.0;
    m_ema = 0.0;
    m_forming = 0.0;
    m_value = kNaN;
}

double EmaStream::value(std::size_t k) const {
    CW_ASSERT(k == 0);
    return m_value;
}

void EmaStream::evaluate(double x) {
    const auto p = static_cast<std::size_t>(m_period);
    const std::size_t index = m_final; // of the forming bar
    if (index + 1 < p)
        m_value = kNaN;
    else if (index + 1 == p)
        m_value = (m_seedSum + x) / static_cast<double>(p);
    else
        m_value = std::fma(1.0 - m_k, m_ema, m_k * x); // LinearRecurrence::step
}

} // namespace cw::indicators
