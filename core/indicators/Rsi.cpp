// SPDX-License-Identifier: MIT
#include "core/indicators/Rsi.hpp"

#include "core/common/Assert.hpp"
#include "core/indicators/LinearRecurrence.hpp"
#include "core/indicators/OutputWriter.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace cw::indicators {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr std::size_t kBlock = 2048; // rows of gains and losses in L1 scratch

// Exact and NaN-preserving (max(d, 0) would turn a NaN into 0 on some instruction sets).
inline double gainOf(double d) {
    return 0.5 * (d + std::fabs(d));
}
inline double lossOf(double d) {
    return 0.5 * (std::fabs(d) - d);
}
inline double rsiOf(double gain, double loss) {
    const double s = gain + loss;
    return s != 0.0 ? 100.0 * (gain / s) : 0.0;
}

} // namespace

void rsiBatch(std::span<const double> in, int period, std::span<double> out) {
    CW_ASSERT(period >= 1);
    CW_ASSERT(out.size() == in.size());
    const std::size_t n = in.size();
    const auto p = static_cast<std::size_t>(period);
    if (p >= n) {
        std::fill(out.begin(), out.end(), kNaN);
        return;
    }
    std::fill(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(p), kNaN);
    const double* x = in.data();
    double gain = 0.0;
    double loss = 0.0;
    for (std::size_t i = 1; i <= p; ++i) {
        const double d = x[i] - x[i - 1];
        gain += gainOf(d);
        loss += lossOf(d);
    }
    const double inv = 1.0 / static_cast<double>(p);
    gain /= static_cast<double>(p);
    loss /= static_cast<double>(p);
    out[p] = rsiOf(gain, loss);

    const LinearRecurrence wilder(1.0 - inv, inv);
    const bool streaming = OutputWriter::streams(n);
    double gains[kBlock];
    double losses[kBlock];
    for (std::size_t i = p + 1; i < n; i += kBlock) {
        const std::size_t len = std::min(kBlock, n - i);
        for (std::size_t j = 0; j < len; ++j) {
            const double d = x[i + j] - x[i + j - 1];
            gains[j] = gainOf(d);
            losses[j] = lossOf(d);
        }
        gain = wilder.run(gains, gains, len, gain);
        loss = wilder.run(losses, losses, len, loss);
        for (std::size_t j = 0; j < len; ++j)
            gains[j] = rsiOf(gains[j], losses[j]);
        OutputWriter::copy(out.data() + i, gains, len, streaming);
    }
    OutputWriter::fence();
}

RsiStream::RsiStream(int period) : m_period(period), m_value(kNaN) {
    CW_ASSERT(period >= 1);
}

void RsiStream::update(const OhlcvRow& bar) {
    if (m_hasForming) {
        m_gain = m_nextGain;
        m_loss = m_nextLoss;
        m_prevClose = m_forming;
        ++m_final;
    }
    m_hasForming = true;
    m_forming = bar.close;
    evaluate(m_forming);
}

void RsiStream::updateLast(const OhlcvRow& bar) {
    if (!m_hasForming) {
        update(bar);
        return;
    }
    m_forming = bar.close;
    evaluate(m_forming);
}

void RsiStream::reset() {
    m_final = 0;
    m_hasForming = false;
    m_prevClose = 0.0;
    m_gain = m_loss = m_nextGain = m_nextLoss = 0.0;
    m_forming = 0.0;
    m_value = kNaN;
}

double RsiStream::value(std::size_t k) const {
    CW_ASSERT(k == 0);
    return m_value;
}

void RsiStream::evaluate(double x) {
    const auto p = static_cast<std::size_t>(m_period);
    const std::size_t index = m_final; // of the forming bar
    m_value = kNaN;
    if (index == 0)
        return;
    const double d = x - m_prevClose;
    if (index < p) {
        m_nextGain = m_gain + gainOf(d);
        m_nextLoss = m_loss + lossOf(d);
        return;
    }
    if (index == p) {
        m_nextGain = (m_gain + gainOf(d)) / static_cast<double>(p);
        m_nextLoss = (m_loss + lossOf(d)) / static_cast<double>(p);
    } else {
        const double inv = 1.0 / static_cast<double>(p);
        const double a = 1.0 - inv;
        m_nextGain = std::fma(a, m_gain, inv * gainOf(d)); // LinearRecurrence::step
        m_nextLoss = std::fma(a, m_loss, inv * lossOf(d));
    }
    m_value = rsiOf(m_nextGain, m_nextLoss);
}

} // namespace cw::indicators
