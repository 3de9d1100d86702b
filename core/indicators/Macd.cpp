// SPDX-License-Identifier: MIT
#include "core/indicators/Macd.hpp"

#include "core/common/Assert.hpp"
#include "core/indicators/LinearRecurrence.hpp"
#include "core/indicators/OutputWriter.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

namespace cw::indicators {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double emaFactor(int period) {
    return 2.0 / (static_cast<double>(period) + 1.0);
}

} // namespace

void macdBatch(std::span<const double> in, int fast, int slow, int signal, std::span<double> macd,
               std::span<double> signalOut, std::span<double> hist) {
    CW_ASSERT(fast >= 1 && slow >= 1 && signal >= 1);
    CW_ASSERT(macd.size() == in.size() && signalOut.size() == in.size() &&
              hist.size() == in.size());
    if (slow < fast)
        std::swap(fast, slow);
    const std::size_t n = in.size();
    const auto s = static_cast<std::size_t>(slow - 1); // where both EMAs start
    const std::size_t first = s + static_cast<std::size_t>(signal - 1);
    const std::size_t warm = std::min(n, first);
    std::fill_n(macd.begin(), warm, kNaN);
    std::fill_n(signalOut.begin(), warm, kNaN);
    std::fill_n(hist.begin(), warm, kNaN);
    if (first >= n)
        return;

    const double* x = in.data();
    double* m = macd.data();
    double* sig = signalOut.data();
    double* h = hist.data();
    double fastEma = 0.0;
    double slowEma = 0.0;
    for (std::size_t i = 0; i <= s; ++i) {
        slowEma += x[i];
        if (i + static_cast<std::size_t>(fast) > s)
            fastEma += x[i];
    }
    fastEma /= static_cast<double>(fast);
    slowEma /= static_cast<double>(slow);
    m[s] = fastEma - slowEma;

    const double kFast = emaFactor(fast);
    const double kSlow = emaFactor(slow);
    const double kSignal = emaFactor(signal);
    const LinearRecurrence fastRec(1.0 - kFast, kFast);
    const LinearRecurrence slowRec(1.0 - kSlow, kSlow);
    const LinearRecurrence signalRec(1.0 - kSignal, kSignal);

    // Rows up to the signal's seed, sequentially (a few dozen), then the seed: the SMA of the
    // first `signal` macd values.
    for (std::size_t i = s + 1; i <= first; ++i) {
        fastEma = fastRec.step(fastEma, x[i]);
        slowEma = slowRec.step(slowEma, x[i]);
        m[i] = fastEma - slowEma;
    }
    double signalEma = 0.0;
    for (std::size_t i = s; i <= first; ++i)
        signalEma += m[i];
    signalEma /= static_cast<double>(signal);
    sig[first] = signalEma;
    h[first] = m[first] - signalEma;
    // The macd values before `first` fed the seed; like TA-Lib, none is output.
    std::fill(m + s, m + first, kNaN);

    // Whole blocks, all in L1 scratch: one pass 1 for both EMAs (one load of x feeds both),
    // their fix-ups, macd, then the signal's two passes; the three outputs are written once.
    constexpr std::size_t kBlock = LinearRecurrence::kBlock;
    double uFast[kBlock];
    double uSlow[kBlock];
    double uSignal[kBlock];
    const LinearRecurrence* const both[2] = {&fastRec, &slowRec};
    const LinearRecurrence* const signalOnly[1] = {&signalRec};
    double* const fastSlowScratch[2] = {uFast, uSlow};
    double* const signalScratch[1] = {uSignal};
    const bool streaming = OutputWriter::streams(n);
    std::size_t i = first + 1;
    for (; n - i >= kBlock; i += kBlock) {
        LinearRecurrence::accumulate<2>(both, x + i, fastSlowScratch);
        fastEma = fastRec.finish(uFast, uFast, fastEma);
        slowEma = slowRec.finish(uSlow, uSlow, slowEma);
        for (std::size_t j = 0; j < kBlock; ++j)
            uFast[j] -= uSlow[j]; // macd
        LinearRecurrence::accumulate<1>(signalOnly, uFast, signalScratch);
        signalEma = signalRec.finish(uSignal, uSignal, signalEma);
        for (std::size_t j = 0; j < kBlock; ++j)
            uSlow[j] = uFast[j] - uSignal[j]; // hist
        OutputWriter::copy(m + i, uFast, kBlock, streaming);
        OutputWriter::copy(sig + i, uSignal, kBlock, streaming);
        OutputWriter::copy(h + i, uSlow, kBlock, streaming);
    }
    OutputWriter::fence();
    for (; i < n; ++i) {
        fastEma = fastRec.step(fastEma, x[i]);
        slowEma = slowRec.step(slowEma, x[i]);
        m[i] = fastEma - slowEma;
        signalEma = signalRec.step(signalEma, m[i]);
        sig[i] = signalEma;
        h[i] = m[i] - signalEma;
    }
}

MacdStream::MacdStream(int fast, int slow, int signal)
    : m_fast(std::min(fast, slow)), m_slow(std::max(fast, slow)), m_signal(signal),
      m_kFast(emaFactor(m_fast)), m_kSlow(emaFactor(m_slow)),
      m_kSignal(emaFactor(signal)), m_values{kNaN, kNaN, kNaN} {
    CW_ASSERT(fast >= 1 && slow >= 1 && signal >= 1);
}

void MacdStream::update(const OhlcvRow& bar) {
    if (m_hasForming) {
        m_state = m_next;
        ++m_final;
    }
    m_hasForming = true;
    evaluate(bar.close);
}

void MacdStream::updateLast(const OhlcvRow& bar) {
    if (!m_hasForming) {
        update(bar);
        return;
    }
    evaluate(bar.close);
}

void MacdStream::reset() {
    m_final = 0;
    m_hasForming = false;
    m_state = {};
    m_next = {};
    m_values[0] = m_values[1] = m_values[2] = kNaN;
}

double MacdStream::value(std::size_t k) const {
    CW_ASSERT(k < 3);
    return m_values[k];
}

MacdStream::State MacdStream::step(const State& s, std::size_t index, double x) const {
    const auto slowStart = static_cast<std::size_t>(m_slow - 1);
    const std::size_t first = slowStart + static_cast<std::size_t>(m_signal - 1);
    State n = s;
    if (index < slowStart) {
        n.slowSum += x;
        if (index + static_cast<std::size_t>(m_fast) > slowStart)
            n.fastSum += x;
        return n;
    }
    if (index == slowStart) {
        n.fastEma = (n.fastSum + x) / static_cast<double>(m_fast);
        n.slowEma = (n.slowSum + x) / static_cast<double>(m_slow);
    } else {
        n.fastEma = std::fma(1.0 - m_kFast, s.fastEma, m_kFast * x); // LinearRecurrence::step
        n.slowEma = std::fma(1.0 - m_kSlow, s.slowEma, m_kSlow * x);
    }
    n.macd = n.fastEma - n.slowEma;
    if (index < first)
        n.signalSum += n.macd;
    else if (index == first)
        n.signalEma = (n.signalSum + n.macd) / static_cast<double>(m_signal);
    else
        n.signalEma = std::fma(1.0 - m_kSignal, s.signalEma, m_kSignal * n.macd);
    return n;
}

void MacdStream::evaluate(double x) {
    m_next = step(m_state, m_final, x);
    const std::size_t first = static_cast<std::size_t>(m_slow - 1 + m_signal - 1);
    if (m_final < first) {
        m_values[0] = m_values[1] = m_values[2] = kNaN;
        return;
    }
    m_values[kMacd] = m_next.macd;
    m_values[kSignal] = m_next.signalEma;
    m_values[kHist] = m_next.macd - m_next.signalEma;
}

} // namespace cw::indicators
