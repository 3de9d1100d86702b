// SPDX-License-Identifier: MIT
#pragma once

#include "core/common/Result.hpp"

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace cw::engine {

/// A column of exact int64 values (raw fixed-point prices or volumes, trade counts) kept in
/// 32 bits while every value fits, and in 64 bits from the first value that does not. Raw
/// prices of most instruments at their precision (BTC at 2 decimals, FX at 5, shares at 2-4)
/// and the volumes and trade counts of one minute fit, which halves a bar store's memory.
/// Widening copies the column once (O(n)); it never narrows again except when emptied.
///
/// Thread: single owner; not thread-safe.
class ExactColumn {
public:
    std::size_t size() const { return m_wide ? m_values64.size() : m_values32.size(); }
    bool empty() const { return size() == 0; }
    /// True once a value did not fit 32 bits.
    bool isWide() const { return m_wide; }
    std::int64_t operator[](std::size_t i) const {
        return m_wide ? m_values64[i] : static_cast<std::int64_t>(m_values32[i]);
    }

    void reserve(std::size_t count);
    void push_back(std::int64_t value);
    /// Puts `values` (oldest first) before the current ones. O(n).
    void prepend(std::span<const std::int64_t> values);
    /// Keeps the first `count` values (no effect when there are fewer).
    void truncate(std::size_t count);
    void clear();
    /// Whether every value times `factor` (> 0) fits int64.
    bool fitsScaled(std::int64_t factor) const;
    /// Multiplies every value by `factor` (> 0), e.g. to raise a price column's precision.
    /// Overflow, and the column unchanged, when a product does not fit int64.
    Result<void> scale(std::int64_t factor);
    /// Bytes of the values' buffer (capacity, not size).
    std::size_t capacityBytes() const;
    void shrinkToFit();

private:
    static bool fits32(std::int64_t value);
    void widen();

    bool m_wide = false;
    std::vector<std::int32_t> m_values32;
    std::vector<std::int64_t> m_values64;
};

} // namespace cw::engine
