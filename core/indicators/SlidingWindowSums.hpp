// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <vector>

namespace cw::indicators {

/// Sums of d = x - ref and d^2 over the last `capacity` values pushed, for sliding-window
/// means and variances in streaming indicators.
///
/// Accuracy without drift, in O(1) per push: two accumulators run side by side. The active
/// one covers exactly the window (add the new value, subtract the leaving one); the pending
/// one, anchored at a recent value, only adds. Once the pending one has seen `capacity` values
/// it covers the window exactly and replaces the active one, so no accumulator lives longer
/// than 2*capacity pushes and rounding error cannot build up. Anchoring at a recent value keeps
/// d small, so the variance S2/n - (S1/n)^2 suffers no catastrophic cancellation.
///
/// Non-finite values are kept out of the sums and counted instead. Allocates once, in the
/// constructor. Thread: the owner's; not thread-safe.
class SlidingWindowSums {
public:
    /// `capacity` may be 0 (then the window is always empty).
    explicit SlidingWindowSums(std::size_t capacity);

    /// Appends x, dropping the oldest value once the window is full.
    void push(double x);
    /// Empties the window.
    void clear();

    std::size_t size() const { return m_size; }
    std::size_t capacity() const { return m_ring.size(); }
    /// Non-finite values (NaN, +-inf) in the window.
    std::size_t nonFiniteCount() const { return m_nonFinite; }
    /// The anchor the sums are taken relative to (always finite).
    double reference() const { return m_active.ref; }
    /// Sum of (x - reference()) over the finite values in the window.
    double sum() const { return m_active.s1; }
    /// Sum of (x - reference())^2 over the finite values in the window.
    double sumSquares() const { return m_active.s2; }
    /// The largest (x - reference())^2 the current sums have taken in since they started: their
    /// rounding error is below about 2 * capacity() * eps * maxSquare() (eps = 2.2e-16).
    double maxSquare() const { return m_active.maxSq; }
    /// Value `i` of the window, oldest first (i < size()).
    double operator[](std::size_t i) const {
        const std::size_t at = m_head + i;
        return m_ring[at >= m_ring.size() ? at - m_ring.size() : at];
    }

private:
    struct Accumulator {
        double ref = 0.0;
        double s1 = 0.0;
        double s2 = 0.0;
        double maxSq = 0.0;
        void add(double x);
        void remove(double x);
    };

    std::vector<double> m_ring;
    std::size_t m_head = 0; ///< index of the oldest value
    std::size_t m_size = 0;
    std::size_t m_nonFinite = 0;
    Accumulator m_active;
    Accumulator m_pending;
    std::size_t m_pendingCount = 0;
};

} // namespace cw::indicators
