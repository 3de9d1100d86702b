// SPDX-License-Identifier: MIT
#pragma once

#include "core/common/Result.hpp"
#include "core/domain/Decimal.hpp"

#include <compare>
#include <string>

namespace cw::orders {

/// An exact decimal with a 128-bit raw value and 0..kMaxScale decimals: the accumulator behind
/// order fill averages and position cost, realized P&L and unrealized P&L. Sums of many
/// quantity x price products keep every digit here and are converted to a Decimal (Money,
/// Price) only for output.
///
/// Rules: arithmetic is exact or fails (Overflow beyond 128 bits, OutOfRange beyond
/// kMaxScale decimals); rounding happens only in `divided` and `rounded`, always half to
/// even. Equality and ordering compare values across scales.
///
/// Thread: a plain value; safe to copy between threads.
class WideDecimal {
public:
    __extension__ typedef __int128 Raw;

    static constexpr int kMaxScale = 36;

    /// Zero with scale 0.
    constexpr WideDecimal() = default;

    /// The same value as `value` (never fails).
    static WideDecimal fromDecimal(const Decimal& value);
    /// raw / 10^scale; InvalidArgument when scale is outside 0..kMaxScale.
    static Result<WideDecimal> fromRaw(Raw raw, int scale);

    constexpr Raw raw() const { return m_raw; }
    constexpr int scale() const { return m_scale; }
    constexpr bool isZero() const { return m_raw == 0; }
    constexpr bool isNegative() const { return m_raw < 0; }
    constexpr bool isPositive() const { return m_raw > 0; }
    /// -1, 0 or 1.
    constexpr int signum() const { return (m_raw > 0) - (m_raw < 0); }

    /// Sum or difference at the larger scale; Overflow when it does not fit.
    Result<WideDecimal> add(const WideDecimal& other) const;
    Result<WideDecimal> subtract(const WideDecimal& other) const;
    /// -x (never fails for values built from Decimals and their sums).
    Result<WideDecimal> negated() const;
    /// The exact product at the sum of the scales (trailing zero decimals dropped when that
    /// exceeds kMaxScale); OutOfRange when more than kMaxScale decimals are needed, Overflow
    /// when the product does not fit.
    Result<WideDecimal> multiply(const WideDecimal& other) const;
    /// this / divisor rounded half to even at `scale` decimals. Division by zero:
    /// InvalidArgument; Overflow when the quotient does not fit.
    Result<WideDecimal> divided(const WideDecimal& divisor, int scale) const;
    /// The same value at `scale` decimals (exact): OutOfRange if a non-zero digit would be
    /// lost, Overflow if the raw value does not fit.
    Result<WideDecimal> rescaled(int scale) const;
    /// Rounded half to even at `scale` decimals (a larger scale only rescales).
    Result<WideDecimal> rounded(int scale) const;
    /// The same value with trailing zero decimals removed (scale as small as possible).
    WideDecimal normalized() const;

    /// The exact value as a Decimal, dropping trailing zero decimals where needed to fit 18
    /// decimals and int64. OutOfRange when more than 18 significant decimals remain,
    /// Overflow when the integer part is too large.
    Result<Decimal> toDecimal() const;
    /// As toDecimal, but first rounded half to even to at most `maxScale` decimals (0..18),
    /// and further (one decimal at a time) while the raw value does not fit int64.
    Result<Decimal> toDecimalRounded(int maxScale) const;

    /// Exactly `scale()` decimals: "-12.3400".
    std::string toString() const;

    friend bool operator==(const WideDecimal& a, const WideDecimal& b);
    friend std::strong_ordering operator<=>(const WideDecimal& a, const WideDecimal& b);

private:
    constexpr WideDecimal(Raw raw, int scale) : m_raw(raw), m_scale(scale) {}

    Raw m_raw = 0;
    int m_scale = 0;
};

} // namespace cw::orders
