// SPDX-License-Identifier: MIT
#pragma once

#include "core/common/Result.hpp"
#include "core/domain/RoundingMode.hpp"

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

namespace cw {

/// An exact decimal number: a signed 64-bit integer `raw` and a precision `p` (0..18 digits
/// after the decimal point); the value is raw / 10^p. The arithmetic behind Price, Quantity
/// and Money, and the type for exact ratios such as fee rates.
///
/// Rules (see docs/domain.md):
/// - Nothing rounds silently. Parsing, rescaling and multiplication are exact or fail;
///   rounding happens only in `rounded`, `roundedToMultiple` and `fromDouble`, each with an
///   explicit rule.
/// - Equality and ordering compare values, not representations: 1.5 (p1) == 1.50 (p2).
///   `isIdentical` compares the representation as well.
/// - Every arithmetic operation is checked: a result that does not fit int64 at its
///   precision is an `ErrorCode::Overflow` error, never a wrapped value.
///
/// Thread: a plain value; safe to copy between threads.
class Decimal {
public:
    static constexpr int kMaxPrecision = 18;

    /// Zero with precision 0.
    constexpr Decimal() = default;

    /// raw / 10^precision. Precondition (CW_ASSERT): 0 <= precision <= kMaxPrecision.
    static Decimal fromRaw(std::int64_t raw, int precision);

    /// Parses a plain decimal string exactly at `precision` (0..18):
    /// optional '-', one or more digits, optionally '.' followed by one or more digits.
    /// No spaces, '+', exponents, hex, "NaN" or "inf".
    /// - Fewer decimals than `precision` are scaled exactly ("1.1" at p2 -> raw 110).
    /// - Extra decimals are accepted only if they are zeros ("1.2300" at p2 -> 1.23);
    ///   otherwise `ErrorCode::OutOfRange` ("1.234" at p2). Never rounds.
    /// - A value beyond int64 at that precision: `ErrorCode::Overflow`.
    /// - Malformed text: `ErrorCode::ParseError`; a precision outside 0..18: InvalidArgument.
    static Result<Decimal> parse(std::string_view text, int precision);

    /// Parses with the precision inferred from the number of decimals given ("1.10" -> p2,
    /// "100" -> p0). More than 18 decimals are accepted when the extra ones are zeros
    /// (then p18); otherwise `ErrorCode::OutOfRange`. Other errors as `parse(text, precision)`.
    static Result<Decimal> parse(std::string_view text);

    /// Converts a double by rounding its shortest round-trip decimal form (what it prints as,
    /// e.g. 1.005 for the literal 1.005) half away from zero to `precision` decimals.
    /// NaN or infinity: `ErrorCode::InvalidArgument`; a value beyond int64 at that
    /// precision: `ErrorCode::Overflow`; a precision outside 0..18: InvalidArgument.
    static Result<Decimal> fromDouble(double value, int precision);

    constexpr std::int64_t raw() const { return m_raw; }
    constexpr int precision() const { return m_precision; }

    /// Exactly `precision` decimals, '-' for negatives, no exponent: raw 1234 at p8 gives
    /// "0.00001234", raw -5 at p0 gives "-5". parse(toString(x), x.precision()) is x.
    std::string toString() const;
    /// The nearest double (for kernels, statistics and chart coordinates only).
    double toDouble() const;

    constexpr bool isZero() const { return m_raw == 0; }
    constexpr bool isNegative() const { return m_raw < 0; }
    constexpr bool isPositive() const { return m_raw > 0; }
    /// -1, 0 or 1.
    constexpr int signum() const { return (m_raw > 0) - (m_raw < 0); }
    /// Same representation: equal raw and equal precision.
    constexpr bool isIdentical(const Decimal& other) const {
        return m_raw == other.m_raw && m_precision == other.m_precision;
    }

    /// Compares values exactly across precisions.
    friend bool operator==(const Decimal& a, const Decimal& b);
    friend std::strong_ordering operator<=>(const Decimal& a, const Decimal& b);

    /// The sum or difference at the larger of the two precisions. Overflow: ErrorCode::Overflow.
    Result<Decimal> add(const Decimal& other) const;
    Result<Decimal> subtract(const Decimal& other) const;
    /// -x at the same precision; Overflow for the most negative raw value.
    Result<Decimal> negated() const;
    /// |x| at the same precision; Overflow for the most negative raw value.
    Result<Decimal> abs() const;

    /// The exact product. Its precision is the sum of the two precisions; when that exceeds
    /// 18 or the raw value does not fit int64, trailing zero decimals are dropped until it
    /// fits. If no exact representation fits: precision needed above 18 -> OutOfRange,
    /// magnitude too large -> Overflow. Use `multiplyRounded` to round on purpose.
    Result<Decimal> multiply(const Decimal& other) const;
    /// The product rounded to `precision` decimals with `mode`. Overflow: ErrorCode::Overflow.
    Result<Decimal> multiplyRounded(const Decimal& other, int precision, RoundingMode mode) const;

    /// The same value at another precision; losing a non-zero digit is OutOfRange, a raw
    /// value beyond int64 is Overflow.
    Result<Decimal> rescaled(int precision) const;
    /// The value rounded to `precision` decimals with `mode` (a larger precision just
    /// rescales). Overflow: ErrorCode::Overflow.
    Result<Decimal> rounded(int precision, RoundingMode mode) const;

    /// The nearest multiple of `step` under `mode`, at `step`'s precision (so a price rounded
    /// to a 0.05 tick has precision 2). `step` must be positive (else InvalidArgument);
    /// a result beyond int64 is Overflow.
    Result<Decimal> roundedToMultiple(const Decimal& step, RoundingMode mode) const;
    /// True when the value is an exact integer multiple of `step`; false when `step` <= 0.
    bool isMultipleOf(const Decimal& step) const;

private:
    constexpr Decimal(std::int64_t raw, int precision)
        : m_raw(raw), m_precision(static_cast<std::int8_t>(precision)) {}

    std::int64_t m_raw = 0;
    std::int8_t m_precision = 0;
};

} // namespace cw
