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

    // The three recurrences a vector of rows at a time (LinearRecurrence::Lanes): x is read
    // once and each output written once. Sequential rows first up to where the outputs can
    // take aligned streaming stores.
    using Vector = LinearRecurrence::Vector;
    constexpr std::size_t kWidth = LinearRecurrence::kWidth;
    std::size_t i = first + 1;
    bool streaming = OutputWriter::streams(n);
    const auto sequential = [&](std::size_t row) {
        fastEma = fastRec.step(fastEma, x[row]);
        slowEma = slowRec.step(slowEma, x[row]);
        m[row] = fastEma - slowEma;
        signalEma = signalRec.step(signalEma, m[row]);
        sig[row] = signalEma;
        h[row] = m[row] - signalEma;
    };
    for (; streaming && i < n && !Vector::isStreamAligned(m + i) && i < first + 1 + kWidth; ++i)
        sequential(i);
    streaming = streaming && Vector::isStreamAligned(m + i) && Vector::isStreamAligned(sig + i) &&
                Vector::isStreamAligned(h + i);
    LinearRecurrence::Lanes fastLanes(fastRec, fastEma);
    LinearRecurrence::Lanes slowLanes(slowRec, slowEma);
    LinearRecurrence::Lanes signalLanes(signalRec, signalEma);
    // Per block of rows in L1 scratch: macd from the two EMAs, then the signal over it. Two
    // shorter loops keep more rows in flight than one with all three recurrences chained.
    constexpr std::size_t kBlockRows = 256;
    double macdBlock[kBlockRows];
    const auto blockAt = [&](std::size_t row, std::size_t len, auto&& write) {
        for (std::size_t j = 0; j < len; j += kWidth) {
            const Vector xv = Vector::load(x + row + j);
            (fastLanes.next(xv) - slowLanes.next(xv)).store(macdBlock + j);
        }
        for (std::size_t j = 0; j < len; j += kWidth) {
            const Vector mv = Vector::load(macdBlock + j);
            const Vector sv = signalLanes.next(mv);
            write(mv, m + row + j);
            write(sv, sig + row + j);
            write(mv - sv, h + row + j);
        }
    };
    while (n - i >= kWidth) {
        const std::size_t len = std::min(kBlockRows, (n - i) / kWidth * kWidth);
        if (streaming)
            blockAt(i, len, [](Vector v, double* at) { v.stream(at); });
        else
            blockAt(i, len, [](Vector v, double* at) { v.store(at); });
        i += len;
    }
    OutputWriter::fence();
    fastEma = fastLanes.last();
    slowEma = slowLanes.last();
    signalEma = signalLanes.last();
    for (; i < n; ++i)
        sequential(i);
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
