// SPDX-License-Identifier: MIT
#pragma once

#include "core/indicators/OutputWriter.hpp"

#include <array>
#include <cmath>
#include <cstddef>

namespace cw::indicators {

/// The first-order linear recurrence y[j] = a*y[j-1] + b*x[j] behind EMA (a = 1-k, b = k) and
/// Wilder smoothing (a = (n-1)/n, b = 1/n), evaluated faster than one dependent multiply-add
/// per element.
///
/// A block of kChains*kChunk elements is cut into kChains chunks. Pass 1 runs the unscaled
/// recurrence u[j] = a*u[j-1] + x[j] from u = 0 in every chunk, the chunks interleaved so the
/// CPU overlaps their independent dependency chains. The value carried into chunk g then
/// follows from the previous chunk's last u in one step, c[g] = b*u[end] + a^kChunk*c[g-1],
/// and pass 2 (independent per element, vectorised) finishes y[j] = b*u[j] + a^(j+1)*c[g].
/// For 0 <= a < 1 the powers shrink, so the fix-up adds no more than a few ulps compared with
/// the sequential recursion. A tail shorter than a block runs sequentially.
///
/// Holds its power table (1 KiB) by value: construct it on the stack, no allocation.
/// Thread: immutable after construction.
class LinearRecurrence {
public:
    static constexpr std::size_t kChains = 8;
    static constexpr std::size_t kChunk = 128;
    static constexpr std::size_t kBlock = kChains * kChunk;

    LinearRecurrence(double a, double b) : m_a(a), m_b(b) {
        double p = 1.0;
        for (double& power : m_powers) {
            p *= a;
            power = p;
        }
    }

    double a() const { return m_a; }
    double b() const { return m_b; }

    /// One sequential step: a*y + b*x.
    double step(double y, double x) const { return std::fma(m_a, y, m_b * x); }

    /// Writes y[0..n) from x[0..n) with y[-1] = `carry`; returns y[n-1] (`carry` when n == 0).
    /// `x` and `y` may be the same array but must not otherwise overlap. `streaming`: write y
    /// with OutputWriter's streaming stores (for a large output column; call
    /// OutputWriter::fence() afterwards).
    double run(const double* x, double* y, std::size_t n, double carry,
               bool streaming = false) const {
        std::size_t i = 0;
        double u[kBlock];
        const LinearRecurrence* const self[1] = {this};
        double* const scratch[1] = {u};
        for (; n - i >= kBlock; i += kBlock) {
            accumulate<1>(self, x + i, scratch);
            if (streaming) {
                carry = finish(u, u, carry);
                OutputWriter::copy(y + i, u, kBlock, true);
            } else {
                carry = finish(u, y + i, carry);
            }
        }
        for (; i < n; ++i) {
            carry = step(carry, x[i]);
            y[i] = carry;
        }
        return carry;
    }

    /// Pass 1 of K recurrences over the same kBlock inputs x[0..kBlock) (one load feeds all
    /// K): u[k][j] = r[k]->a() * u[k][j-1] + x[j], restarted from 0 at every chunk. `u[k]` may
    /// be `x` for K == 1.
    template <std::size_t K>
    static void accumulate(const LinearRecurrence* const (&r)[K], const double* x,
                           double* const (&u)[K]) {
        double a[K];
        for (std::size_t k = 0; k < K; ++k)
            a[k] = r[k]->m_a;
        double acc[K][kChains] = {};
        for (std::size_t j = 0; j < kChunk; ++j) {
#pragma GCC unroll 8
            for (std::size_t g = 0; g < kChains; ++g) {
                const double v = x[g * kChunk + j];
#pragma GCC unroll 4
                for (std::size_t k = 0; k < K; ++k) {
                    acc[k][g] = std::fma(a[k], acc[k][g], v);
                    u[k][g * kChunk + j] = acc[k][g];
                }
            }
        }
    }

    /// Pass 2 over one block: y[j] = b*u[j] + a^(j+1 within its chunk) * (the value carried
    /// into that chunk), starting from `carry`; returns y[kBlock-1]. `u` may be `y`.
    double finish(const double* u, double* y, double carry) const {
        const double b = m_b;
        const double aChunk = m_powers[kChunk - 1];
        for (std::size_t g = 0; g < kChains; ++g) {
            const double* uc = u + g * kChunk;
            double* yc = y + g * kChunk;
            const double c = carry;
            carry = std::fma(b, uc[kChunk - 1], aChunk * c);
            for (std::size_t j = 0; j < kChunk; ++j)
                yc[j] = std::fma(b, uc[j], m_powers[j] * c);
        }
        return carry;
    }

private:
    double m_a;
    double m_b;
    std::array<double, kChunk> m_powers{}; ///< a^(j+1)
};

} // namespace cw::indicators
