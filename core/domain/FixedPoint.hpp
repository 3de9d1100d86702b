// SPDX-License-Identifier: MIT
#pragma once

#include "core/common/Result.hpp"
#include "core/domain/Decimal.hpp"
#include "core/domain/RoundingMode.hpp"

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

namespace cw {

/// A Decimal with a unit: `Tag` keeps prices and quantities apart at compile time (a price
/// cannot be added to a quantity; their product is Money, see Money::notional). Every rule
/// of Decimal applies: exact parsing and formatting, value comparison across precisions,
/// checked arithmetic, rounding only on request. Use the aliases `Price` and `Quantity`.
///
/// Thread: a plain value; safe to copy between threads.
template <class Tag>
class FixedPoint {
public:
    static constexpr int kMaxPrecision = Decimal::kMaxPrecision;

    /// Zero with precision 0.
    constexpr FixedPoint() = default;
    explicit constexpr FixedPoint(const Decimal& value) : m_value(value) {}

    /// raw / 10^precision. Precondition (CW_ASSERT): 0 <= precision <= 18.
    static FixedPoint fromRaw(std::int64_t raw, int precision) {
        return FixedPoint(Decimal::fromRaw(raw, precision));
    }
    /// Exact parse at `precision`; see Decimal::parse for the accepted syntax and errors
    /// (ParseError, OutOfRange for too many significant decimals, Overflow).
    static Result<FixedPoint> parse(std::string_view text, int precision) {
        return lift(Decimal::parse(text, precision));
    }
    /// Exact parse, precision inferred from the decimals given ("1.10" -> 2).
    static Result<FixedPoint> parse(std::string_view text) { return lift(Decimal::parse(text)); }
    /// Rounds half away from zero to `precision`; NaN/inf -> InvalidArgument, too large ->
    /// Overflow. See Decimal::fromDouble.
    static Result<FixedPoint> fromDouble(double value, int precision) {
        return lift(Decimal::fromDouble(value, precision));
    }

    constexpr const Decimal& decimal() const { return m_value; }
    constexpr std::int64_t raw() const { return m_value.raw(); }
    constexpr int precision() const { return m_value.precision(); }
    /// Exactly `precision()` decimals ("0.00001234").
    std::string toString() const { return m_value.toString(); }
    double toDouble() const { return m_value.toDouble(); }

    constexpr bool isZero() const { return m_value.isZero(); }
    constexpr bool isNegative() const { return m_value.isNegative(); }
    constexpr bool isPositive() const { return m_value.isPositive(); }
    constexpr bool isIdentical(const FixedPoint& other) const {
        return m_value.isIdentical(other.m_value);
    }

    /// By value across precisions: 1.5 (p1) == 1.50 (p2).
    friend bool operator==(const FixedPoint& a, const FixedPoint& b) {
        return a.m_value == b.m_value;
    }
    friend std::strong_ordering operator<=>(const FixedPoint& a, const FixedPoint& b) {
        return a.m_value <=> b.m_value;
    }

    /// At the larger precision; Overflow when the result does not fit.
    Result<FixedPoint> add(const FixedPoint& other) const {
        return lift(m_value.add(other.m_value));
    }
    Result<FixedPoint> subtract(const FixedPoint& other) const {
        return lift(m_value.subtract(other.m_value));
    }
    Result<FixedPoint> negated() const { return lift(m_value.negated()); }
    Result<FixedPoint> abs() const { return lift(m_value.abs()); }

    /// Same value at another precision; OutOfRange if a non-zero digit would be lost.
    Result<FixedPoint> rescaled(int precision) const { return lift(m_value.rescaled(precision)); }
    /// Rounded to `precision` decimals with `mode`.
    Result<FixedPoint> rounded(int precision, RoundingMode mode) const {
        return lift(m_value.rounded(precision, mode));
    }
    /// Times a unitless factor (a fee rate, a fraction), rounded to `precision` with `mode`.
    Result<FixedPoint> multipliedBy(const Decimal& factor, int precision, RoundingMode mode) const {
        return lift(m_value.multiplyRounded(factor, precision, mode));
    }

    /// The nearest multiple of `tick` under `mode`, at the tick's precision. A tick that is
    /// not positive is InvalidArgument.
    Result<FixedPoint> roundToTick(const FixedPoint& tick, RoundingMode mode) const {
        return lift(m_value.roundedToMultiple(tick.m_value, mode));
    }
    /// True when the value is an exact multiple of `tick`; false when `tick` <= 0.
    bool isMultipleOf(const FixedPoint& tick) const { return m_value.isMultipleOf(tick.m_value); }

private:
    static Result<FixedPoint> lift(Result<Decimal> r) {
        if (!r)
            return std::move(r).error();
        return FixedPoint(*r);
    }

    Decimal m_value;
};

} // namespace cw
