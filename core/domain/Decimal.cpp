// SPDX-License-Identifier: MIT
#include "core/domain/Decimal.hpp"

#include "core/common/Assert.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <limits>
#include <system_error>

namespace cw {

namespace {

// 128-bit intermediates make every check exact: a raw int64 scaled by up to 10^18 is below
// 2^123, a product of two raw values below 2^126.
__extension__ typedef __int128 Int128;
__extension__ typedef unsigned __int128 UInt128;

constexpr Int128 kInt64Max = std::numeric_limits<std::int64_t>::max();
constexpr Int128 kInt64Min = std::numeric_limits<std::int64_t>::min();

// Powers of ten up to 10^36 (a product of two precision-18 values).
constexpr std::array<Int128, 37> kPow10 = [] {
    std::array<Int128, 37> powers{};
    Int128 p = 1;
    for (auto& entry : powers) {
        entry = p;
        p *= 10;
    }
    return powers;
}();

bool fitsInt64(Int128 v) {
    return v >= kInt64Min && v <= kInt64Max;
}

bool validPrecision(int precision) {
    return precision >= 0 && precision <= Decimal::kMaxPrecision;
}

bool validMode(RoundingMode mode) {
    return mode >= RoundingMode::HalfAwayFromZero && mode <= RoundingMode::Ceiling;
}

Error badPrecision(int precision) {
    return fail(ErrorCode::InvalidArgument,
                "precision " + std::to_string(precision) + " outside 0..18");
}

Error overflow(std::string_view what) {
    return fail(ErrorCode::Overflow,
                std::string(what) + " does not fit a 64-bit fixed-point value");
}

Int128 scaled(const Decimal& d, int precision) {
    return static_cast<Int128>(d.raw()) *
           kPow10[static_cast<std::size_t>(precision - d.precision())];
}

// num / den rounded with `mode`; den > 0.
Int128 divideRounded(Int128 num, Int128 den, RoundingMode mode) {
    const Int128 q = num / den;
    const Int128 r = num % den;
    if (r == 0)
        return q;
    const Int128 away = num < 0 ? q - 1 : q + 1;
    const Int128 twiceRemainder = 2 * (r < 0 ? -r : r);
    switch (mode) {
    case RoundingMode::TowardZero:
        return q;
    case RoundingMode::AwayFromZero:
        return away;
    case RoundingMode::Floor:
        return num < 0 ? q - 1 : q;
    case RoundingMode::Ceiling:
        return num > 0 ? q + 1 : q;
    case RoundingMode::HalfAwayFromZero:
        return twiceRemainder >= den ? away : q;
    case RoundingMode::HalfEven:
        if (twiceRemainder != den)
            return twiceRemainder > den ? away : q;
        return q % 2 == 0 ? q : away;
    case RoundingMode::Invalid:
        break;
    }
    CW_ASSERT(false && "validated by the caller");
    return q;
}

// "-123.4500" split into its parts; only the syntax is checked here.
struct DecimalText {
    bool negative = false;
    std::string_view integerDigits;
    std::string_view fractionDigits;
};

bool allDigits(std::string_view s) {
    for (char c : s)
        if (c < '0' || c > '9')
            return false;
    return true;
}

Result<DecimalText> splitDecimalText(std::string_view text) {
    DecimalText parts;
    std::string_view rest = text;
    if (!rest.empty() && rest.front() == '-') {
        parts.negative = true;
        rest.remove_prefix(1);
    }
    const auto dot = rest.find('.');
    parts.integerDigits = rest.substr(0, dot);
    if (dot != std::string_view::npos) {
        parts.fractionDigits = rest.substr(dot + 1);
        if (parts.fractionDigits.empty())
            return fail(ErrorCode::ParseError,
                        "no digits after the decimal point in '" + std::string(text) + "'");
    }
    if (parts.integerDigits.empty() || !allDigits(parts.integerDigits) ||
        !allDigits(parts.fractionDigits))
        return fail(ErrorCode::ParseError,
                    "not a plain decimal number: '" + std::string(text) + "'");
    return parts;
}

// Builds raw = value * 10^precision from the parts. `roundUp` adds one unit of the last place
// to the magnitude (rounding away from zero was decided by the caller).
Result<Decimal> buildDecimal(const DecimalText& parts, std::string_view keptFraction, int precision,
                             bool roundUp) {
    constexpr UInt128 kLimit = static_cast<UInt128>(1) << 63; // |INT64_MIN|
    UInt128 magnitude = 0;
    auto push = [&](char digit) {
        magnitude = magnitude * 10 + static_cast<unsigned>(digit - '0');
        return magnitude <= kLimit;
    };
    for (char c : parts.integerDigits)
        if (!push(c))
            return overflow("the number");
    for (char c : keptFraction)
        if (!push(c))
            return overflow("the number");
    for (auto i = keptFraction.size(); i < static_cast<std::size_t>(precision); ++i)
        if (!push('0'))
            return overflow("the number");
    if (roundUp)
        ++magnitude;
    const Int128 value =
        parts.negative ? -static_cast<Int128>(magnitude) : static_cast<Int128>(magnitude);
    if (!fitsInt64(value))
        return overflow("the number");
    return Decimal::fromRaw(static_cast<std::int64_t>(value), precision);
}

Result<Decimal> fromInt128(Int128 value, int precision, std::string_view what) {
    if (!fitsInt64(value))
        return overflow(what);
    return Decimal::fromRaw(static_cast<std::int64_t>(value), precision);
}

} // namespace

Decimal Decimal::fromRaw(std::int64_t raw, int precision) {
    CW_ASSERT(validPrecision(precision));
    return Decimal(raw, precision);
}

Result<Decimal> Decimal::parse(std::string_view text, int precision) {
    if (!validPrecision(precision))
        return badPrecision(precision);
    auto parts = splitDecimalText(text);
    if (!parts)
        return std::move(parts).error();
    std::string_view fraction = parts->fractionDigits;
    if (fraction.size() > static_cast<std::size_t>(precision)) {
        const auto extra = fraction.substr(static_cast<std::size_t>(precision));
        if (extra.find_first_not_of('0') != std::string_view::npos)
            return fail(ErrorCode::OutOfRange, "'" + std::string(text) + "' has more than " +
                                                   std::to_string(precision) + " decimals");
        fraction = fraction.substr(0, static_cast<std::size_t>(precision));
    }
    return buildDecimal(*parts, fraction, precision, false);
}

Result<Decimal> Decimal::parse(std::string_view text) {
    auto parts = splitDecimalText(text);
    if (!parts)
        return std::move(parts).error();
    std::string_view fraction = parts->fractionDigits;
    while (fraction.size() > static_cast<std::size_t>(kMaxPrecision) && fraction.back() == '0')
        fraction.remove_suffix(1);
    if (fraction.size() > static_cast<std::size_t>(kMaxPrecision))
        return fail(ErrorCode::OutOfRange,
                    "'" + std::string(text) + "' has more than 18 significant decimals");
    return buildDecimal(*parts, fraction, static_cast<int>(fraction.size()), false);
}

Result<Decimal> Decimal::fromDouble(double value, int precision) {
    if (!validPrecision(precision))
        return badPrecision(precision);
    if (!std::isfinite(value))
        return fail(ErrorCode::InvalidArgument, "not a finite number");
    if (std::fabs(value) >= 1e19)
        return overflow("the number");
    // The shortest fixed-notation text that reads back as the same double; at most about 330
    // characters for the smallest subnormals.
    std::array<char, 512> buffer{};
    const auto [end, ec] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value,
                                         std::chars_format::fixed);
    CW_ASSERT(ec == std::errc());
    const auto parts = splitDecimalText(std::string_view(buffer.data(), end));
    CW_ASSERT(parts.hasValue());
    std::string_view fraction = parts->fractionDigits;
    bool roundUp = false;
    if (fraction.size() > static_cast<std::size_t>(precision)) {
        roundUp = fraction[static_cast<std::size_t>(precision)] >= '5';
        fraction = fraction.substr(0, static_cast<std::size_t>(precision));
    }
    return buildDecimal(*parts, fraction, precision, roundUp);
}

std::string Decimal::toString() const {
    const std::uint64_t magnitude =
        m_raw < 0 ? 0 - static_cast<std::uint64_t>(m_raw) : static_cast<std::uint64_t>(m_raw);
    std::string digits = std::to_string(magnitude);
    const auto precision = static_cast<std::size_t>(m_precision);
    if (precision > 0) {
        if (digits.size() <= precision)
            digits.insert(0, precision + 1 - digits.size(), '0');
        digits.insert(digits.size() - precision, 1, '.');
    }
    if (m_raw < 0)
        digits.insert(0, 1, '-');
    return digits;
}

double Decimal::toDouble() const {
    return static_cast<double>(m_raw) /
           static_cast<double>(kPow10[static_cast<std::size_t>(m_precision)]);
}

bool operator==(const Decimal& a, const Decimal& b) {
    return (a <=> b) == 0;
}

std::strong_ordering operator<=>(const Decimal& a, const Decimal& b) {
    if (a.m_precision == b.m_precision)
        return a.m_raw <=> b.m_raw;
    const int common = std::max<int>(a.m_precision, b.m_precision);
    return scaled(a, common) <=> scaled(b, common);
}

Result<Decimal> Decimal::add(const Decimal& other) const {
    const int common = std::max<int>(m_precision, other.m_precision);
    return fromInt128(scaled(*this, common) + scaled(other, common), common, "the sum");
}

Result<Decimal> Decimal::subtract(const Decimal& other) const {
    const int common = std::max<int>(m_precision, other.m_precision);
    return fromInt128(scaled(*this, common) - scaled(other, common), common, "the difference");
}

Result<Decimal> Decimal::negated() const {
    return fromInt128(-static_cast<Int128>(m_raw), m_precision, "the negation");
}

Result<Decimal> Decimal::abs() const {
    return m_raw < 0 ? negated() : Result<Decimal>(*this);
}

Result<Decimal> Decimal::multiply(const Decimal& other) const {
    Int128 product = static_cast<Int128>(m_raw) * other.m_raw;
    int precision = m_precision + other.m_precision;
    while (precision > kMaxPrecision || !fitsInt64(product)) {
        if (product % 10 != 0) {
            if (precision > kMaxPrecision)
                return fail(ErrorCode::OutOfRange, "the exact product of " + toString() + " and " +
                                                       other.toString() +
                                                       " needs more than 18 decimals");
            return overflow("the product");
        }
        if (precision == 0)
            return overflow("the product");
        product /= 10;
        --precision;
    }
    return Decimal(static_cast<std::int64_t>(product), precision);
}

Result<Decimal> Decimal::multiplyRounded(const Decimal& other, int precision,
                                         RoundingMode mode) const {
    if (!validPrecision(precision))
        return badPrecision(precision);
    if (!validMode(mode))
        return fail(ErrorCode::InvalidArgument, "no rounding mode given");
    const Int128 product = static_cast<Int128>(m_raw) * other.m_raw;
    const int exact = m_precision + other.m_precision;
    if (precision >= exact) {
        if (!fitsInt64(product))
            return overflow("the product");
        return fromInt128(product * kPow10[static_cast<std::size_t>(precision - exact)], precision,
                          "the product");
    }
    return fromInt128(
        divideRounded(product, kPow10[static_cast<std::size_t>(exact - precision)], mode),
        precision, "the product");
}

Result<Decimal> Decimal::rescaled(int precision) const {
    if (!validPrecision(precision))
        return badPrecision(precision);
    if (precision >= m_precision)
        return fromInt128(scaled(*this, precision), precision, "the rescaled value");
    const Int128 divisor = kPow10[static_cast<std::size_t>(m_precision - precision)];
    if (m_raw % divisor != 0)
        return fail(ErrorCode::OutOfRange, toString() + " does not fit " +
                                               std::to_string(precision) + " decimals exactly");
    return Decimal(static_cast<std::int64_t>(m_raw / divisor), precision);
}

Result<Decimal> Decimal::rounded(int precision, RoundingMode mode) const {
    if (!validPrecision(precision))
        return badPrecision(precision);
    if (!validMode(mode))
        return fail(ErrorCode::InvalidArgument, "no rounding mode given");
    if (precision >= m_precision)
        return rescaled(precision);
    const Int128 divisor = kPow10[static_cast<std::size_t>(m_precision - precision)];
    return fromInt128(divideRounded(m_raw, divisor, mode), precision, "the rounded value");
}

Result<Decimal> Decimal::roundedToMultiple(const Decimal& step, RoundingMode mode) const {
    if (!step.isPositive())
        return fail(ErrorCode::InvalidArgument, "step " + step.toString() + " is not positive");
    if (!validMode(mode))
        return fail(ErrorCode::InvalidArgument, "no rounding mode given");
    const int common = std::max<int>(m_precision, step.m_precision);
    const Int128 count = divideRounded(scaled(*this, common), scaled(step, common), mode);
    if (!fitsInt64(count))
        return overflow("the rounded value");
    return fromInt128(count * step.m_raw, step.m_precision, "the rounded value");
}

bool Decimal::isMultipleOf(const Decimal& step) const {
    if (!step.isPositive())
        return false;
    const int common = std::max<int>(m_precision, step.m_precision);
    return scaled(*this, common) % scaled(step, common) == 0;
}

} // namespace cw
