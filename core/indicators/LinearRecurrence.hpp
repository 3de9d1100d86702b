// SPDX-License-Identifier: MIT
#pragma once

#include "core/indicators/DoubleVector.hpp"

#include <cmath>
#include <cstddef>

namespace cw::indicators {

/// The first-order linear recurrence y[j] = a*y[j-1] + b*x[j] behind EMA (a = 1-k, b = k),
/// Wilder smoothing (a = (n-1)/n, b = 1/n) and running sums (a = b = 1), evaluated W =
/// DoubleVector::kWidth rows at a time instead of one dependent multiply-add per row.
///
/// Unrolled W times the recurrence reads y[j] = a^W * y[j-W] + b * z[j], with
/// z[j] = sum over m < W of a^m * x[j-m]. So with rows grouped in vectors of W consecutive
/// rows, lane k of every vector follows its own recurrence Y = a^W * Y' + b*Z: one vector
/// multiply-add per W rows on the dependency chain. The window sums z come from log2(W)
/// shift-and-multiply-add steps (z1 = x + a*x<<1, z2 = z1 + a^2*z1<<2, z3 = z2 + a^4*z2<<4),
/// which are independent from vector to vector. For 0 <= a <= 1 every term is a sum of
/// same-signed multiples of the inputs, so the result stays within a few ulps of the
/// sequential recursion (fewer roundings on the chain than the sequential form, in fact).
///
/// NaN or infinity in x reaches every later y, as in the sequential form (and no earlier one).
///
/// Holds a few constants by value: construct it on the stack, no allocation.
/// Thread: immutable after construction.
class LinearRecurrence {
public:
    using Vector = DoubleVector;
    static constexpr std::size_t kWidth = Vector::kWidth;

    LinearRecurrence(double a, double b) : m_a(a), m_b(b) {}

    double a() const { return m_a; }
    double b() const { return m_b; }

    /// One sequential step: a*y + b*x.
    double step(double y, double x) const { return std::fma(m_a, y, m_b * x); }

    /// The recurrence over consecutive vectors of rows, each next() call taking the inputs
    /// of the next W rows and returning their outputs. Starts after a row whose output is
    /// `carry`. Thread: the caller's.
    class Lanes {
    public:
        Lanes(const LinearRecurrence& r, double carry)
            : m_b(Vector::broadcast(r.m_b)), m_pow1(Vector::broadcast(r.m_a)),
              m_y(Vector::broadcast(carry)) {
            const double a2 = r.m_a * r.m_a;
            const double a4 = a2 * a2;
            m_pow2 = Vector::broadcast(a2);
            m_pow4 = Vector::broadcast(a4);
            m_powW = Vector::broadcast(kWidth == 8 ? a4 * a4 : a4);
            // Before the first vector: y[k] = a^(k+1) * carry + b*z[k], z from zeros.
            double powers[kWidth];
            double p = 1.0;
            for (double& power : powers) {
                p *= r.m_a;
                power = p;
            }
            m_mul = Vector::load(powers);
        }

        /// Outputs of the next W rows from their inputs `x`.
        Vector next(Vector x) {
            Vector z = x;
            if constexpr (kWidth > 1) {
                const Vector s = Vector::shiftIn<1>(m_in[0], z);
                m_in[0] = z;
                z = fma(m_pow1, s, z);
            }
            if constexpr (kWidth > 2) {
                const Vector s = Vector::shiftIn<2>(m_in[1], z);
                m_in[1] = z;
                z = fma(m_pow2, s, z);
            }
            if constexpr (kWidth > 4) {
                const Vector s = Vector::shiftIn<4>(m_in[2], z);
                m_in[2] = z;
                z = fma(m_pow4, s, z);
            }
            m_y = fma(m_mul, m_y, m_b * z);
            m_mul = m_powW;
            return m_y;
        }

        /// The output of the last row so far (the carry before the first next()).
        double last() const { return m_y.last(); }

    private:
        Vector m_b;
        Vector m_pow1;
        Vector m_pow2;
        Vector m_pow4;
        Vector m_powW;
        Vector m_mul; ///< multiplies the previous vector's outputs
        Vector m_y;
        Vector m_in[3]; ///< the previous vector's input to each shift step (zeros at first)
    };

    /// Lanes for a = b = 1, a running sum y[j] = y[j-1] + x[j]: the same steps with adds
    /// (shorter latency, no multiplies). Thread: the caller's.
    class SumLanes {
    public:
        explicit SumLanes(double carry) : m_y(Vector::broadcast(carry)) {}

        /// Running sums of the next W rows from their inputs `x`.
        Vector next(Vector x) {
            Vector z = x;
            if constexpr (kWidth > 1) {
                const Vector s = Vector::shiftIn<1>(m_in[0], z);
                m_in[0] = z;
                z = z + s;
            }
            if constexpr (kWidth > 2) {
                const Vector s = Vector::shiftIn<2>(m_in[1], z);
                m_in[1] = z;
                z = z + s;
            }
            if constexpr (kWidth > 4) {
                const Vector s = Vector::shiftIn<4>(m_in[2], z);
                m_in[2] = z;
                z = z + s;
            }
            m_y = m_y + z; // a^W = 1, and before the first vector a^(k+1) = 1 too
            return m_y;
        }

        double last() const { return m_y.last(); }

    private:
        Vector m_y;
        Vector m_in[3]; ///< the previous vector's input to each shift step (zeros at first)
    };

    /// Writes y[0..n) from x[0..n) with y[-1] = `carry`; returns y[n-1] (`carry` when n == 0).
    /// `x` and `y` may be the same array but must not otherwise overlap. `streaming`: y is a
    /// large column not read back soon: write it with non-temporal stores (call
    /// OutputWriter::fence() afterwards).
    double run(const double* x, double* y, std::size_t n, double carry,
               bool streaming = false) const {
        std::size_t i = 0;
        if (n >= 4 * kWidth) {
            if (streaming) {
                for (; i < kWidth && !Vector::isStreamAligned(y + i); ++i) {
                    carry = step(carry, x[i]);
                    y[i] = carry;
                }
                streaming = Vector::isStreamAligned(y + i);
            }
            Lanes lanes(*this, carry);
            if (streaming) {
                for (; n - i >= kWidth; i += kWidth)
                    lanes.next(Vector::load(x + i)).stream(y + i);
            } else {
                for (; n - i >= kWidth; i += kWidth)
                    lanes.next(Vector::load(x + i)).store(y + i);
            }
            carry = lanes.last();
        }
        for (; i < n; ++i) {
            carry = step(carry, x[i]);
            y[i] = carry;
        }
        return carry;
    }

private:
    double m_a;
    double m_b;
};

} // namespace cw::indicators
