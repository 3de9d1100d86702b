// SPDX-License-Identifier: MIT
#include "core/orders/WideDecimal.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>

namespace cw::orders {

namespace {

using Raw = WideDecimal::Raw;

constexpr int kPowCount = 39;

// 10^0 .. 10^38 (10^38 < 2^127).
constexpr std::array<Raw, kPowCount> kPow10 = [] {
    std::array<Raw, kPowCount> powers{};
    powers[0] = 1;
    for (std::size_t i = 1; i < powers.size(); ++i)
        powers[i] = powers[i - 1] * 10;
    return powers;
}();

constexpr Raw kInt64Max = std::numeric_limits<std::int64_t>::max();
constexpr Raw kInt64Min = std::numeric_limits<std::int64_t>::min();

bool validScale(int scale) {
    return scale >= 0 && scale <= WideDecimal::kMaxScale;
}

Error badScale(int scale) {
    return fail(ErrorCode::InvalidArgument, "scale " + std::to_string(scale) + " outside 0.." +
                                                std::to_string(WideDecimal::kMaxScale));
}

Error overflow(std::string_view what) {
    return fail(ErrorCode::Overflow, std::string(what) + " does not fit 128 bits");
}

// raw * 10^by, or false on overflow.
bool scaleUp(Raw raw, int by, Raw& out) {
    return !__builtin_mul_overflow(raw, kPow10[static_cast<std::size_t>(by)], &out);
}

// num / den rounded half to even; den != 0.
Raw divideHalfEven(Raw num, Raw den) {
    Raw q = num / den;
    const Raw r = num % den;
    if (r == 0)
        return q;
    // |r| compared with |den| / 2 without overflow: |r| <= |den| - 1.
    const Raw absR = r < 0 ? -r : r;
    const Raw absDen = den < 0 ? -den : den;
    const Raw rest = absDen - absR; // > 0
    const bool negative = (num < 0) != (den < 0);
    bool up = false;
    if (absR > rest)
        up = true;
    else if (absR == rest)
        up = (q % 2) != 0;
    if (up)
        q += negative ? -1 : 1;
    return q;
}

} // namespace

WideDecimal WideDecimal::fromDecimal(const Decimal& value) {
    return WideDecimal(static_cast<Raw>(value.raw()), value.precision());
}

Result<WideDecimal> WideDecimal::fromRaw(Raw raw, int scale) {
    if (!validScale(scale))
        return badScale(scale);
    return WideDecimal(raw, scale);
}

WideDecimal WideDecimal::normalized() const {
    Raw raw = m_raw;
    int scale = m_scale;
    while (scale > 0 && raw % 10 == 0) {
        raw /= 10;
        --scale;
    }
    if (raw == 0)
        scale = 0;
    return WideDecimal(raw, scale);
}

Result<WideDecimal> WideDecimal::rescaled(int scale) const {
    if (!validScale(scale))
        return badScale(scale);
    if (scale >= m_scale) {
        Raw out = 0;
        if (!scaleUp(m_raw, scale - m_scale, out))
            return overflow("the rescaled value");
        return WideDecimal(out, scale);
    }
    const Raw divisor = kPow10[static_cast<std::size_t>(m_scale - scale)];
    if (m_raw % divisor != 0)
        return fail(ErrorCode::OutOfRange,
                    toString() + " does not fit " + std::to_string(scale) + " decimals exactly");
    return WideDecimal(m_raw / divisor, scale);
}

Result<WideDecimal> WideDecimal::rounded(int scale) const {
    if (!validScale(scale))
        return badScale(scale);
    if (scale >= m_scale)
        return rescaled(scale);
    return WideDecimal(divideHalfEven(m_raw, kPow10[static_cast<std::size_t>(m_scale - scale)]),
                       scale);
}

Result<WideDecimal> WideDecimal::add(const WideDecimal& other) const {
    const int scale = std::max(m_scale, other.m_scale);
    Raw a = 0;
    Raw b = 0;
    if (!scaleUp(m_raw, scale - m_scale, a) || !scaleUp(other.m_raw, scale - other.m_scale, b))
        return overflow("the sum");
    Raw sum = 0;
    if (__builtin_add_overflow(a, b, &sum))
        return overflow("the sum");
    return WideDecimal(sum, scale);
}

Result<WideDecimal> WideDecimal::negated() const {
    if (m_raw == std::numeric_limits<Raw>::min())
        return overflow("the negated value");
    return WideDecimal(-m_raw, m_scale);
}

Result<WideDecimal> WideDecimal::subtract(const WideDecimal& other) const {
    const auto negative = other.negated();
    if (!negative)
        return negative.error();
    return add(*negative);
}

Result<WideDecimal> WideDecimal::multiply(const WideDecimal& other) const {
    WideDecimal a = *this;
    WideDecimal b = other;
    if (a.m_scale + b.m_scale > kMaxScale) {
        a = a.normalized();
        b = b.normalized();
    }
    Raw product = 0;
    if (__builtin_mul_overflow(a.m_raw, b.m_raw, &product)) {
        a = a.normalized();
        b = b.normalized();
        if (__builtin_mul_overflow(a.m_raw, b.m_raw, &product))
            return overflow("the product");
    }
    WideDecimal result(product, a.m_scale + b.m_scale);
    if (result.m_scale > kMaxScale) {
        result = result.normalized();
        if (result.m_scale > kMaxScale)
            return fail(ErrorCode::OutOfRange,
                        "the product needs more than " + std::to_string(kMaxScale) + " decimals");
    }
    return result;
}

Result<WideDecimal> WideDecimal::divided(const WideDecimal& divisor, int scale) const {
    if (!validScale(scale))
        return badScale(scale);
    if (divisor.isZero())
        return fail(ErrorCode::InvalidArgument, "division by zero");
    // value = (raw / 10^s1) / (d / 10^s2); at `scale`: raw * 10^(scale - s1 + s2) / d.
    const WideDecimal num = normalized();
    const WideDecimal den = divisor.normalized();
    const int shift = scale - num.m_scale + den.m_scale;
    Raw n = num.m_raw;
    Raw d = den.m_raw;
    if (shift >= 0) {
        if (shift >= kPowCount || !scaleUp(n, shift, n))
            return overflow("the quotient");
    } else {
        if (-shift >= kPowCount || !scaleUp(d, -shift, d))
            return overflow("the scaled divisor");
    }
    return WideDecimal(divideHalfEven(n, d), scale);
}

Result<Decimal> WideDecimal::toDecimal() const {
    Raw raw = m_raw;
    int scale = m_scale;
    while (scale > 0 && raw % 10 == 0 &&
           (scale > Decimal::kMaxPrecision || raw > kInt64Max || raw < kInt64Min)) {
        raw /= 10;
        --scale;
    }
    if (scale > Decimal::kMaxPrecision)
        return fail(ErrorCode::OutOfRange, toString() + " needs more than 18 decimals");
    if (raw > kInt64Max || raw < kInt64Min)
        return fail(ErrorCode::Overflow, toString() + " does not fit a 64-bit fixed-point value");
    return Decimal::fromRaw(static_cast<std::int64_t>(raw), scale);
}

Result<Decimal> WideDecimal::toDecimalRounded(int maxScale) const {
    if (maxScale < 0 || maxScale > Decimal::kMaxPrecision)
        return fail(ErrorCode::InvalidArgument,
                    "precision " + std::to_string(maxScale) + " outside 0..18");
    WideDecimal value = *this;
    if (value.m_scale > maxScale)
        value = *value.rounded(maxScale);
    while (value.m_scale > 0 && (value.m_raw > kInt64Max || value.m_raw < kInt64Min))
        value = *value.rounded(value.m_scale - 1);
    return value.toDecimal();
}

std::string WideDecimal::toString() const {
    const bool negative = m_raw < 0;
    // Work on the magnitude as unsigned to cover the most negative value.
    __extension__ typedef unsigned __int128 URaw;
    URaw magnitude = negative ? URaw(0) - static_cast<URaw>(m_raw) : static_cast<URaw>(m_raw);
    std::string digits;
    do {
        digits.push_back(static_cast<char>('0' + static_cast<int>(magnitude % 10)));
        magnitude /= 10;
    } while (magnitude != 0);
    while (digits.size() <= static_cast<std::size_t>(m_scale))
        digits.push_back('0');
    std::reverse(digits.begin(), digits.end());
    if (m_scale > 0)
        digits.insert(digits.end() - m_scale, '.');
    if (negative)
        digits.insert(digits.begin(), '-');
    return digits;
}

bool operator==(const WideDecimal& a, const WideDecimal& b) {
    const WideDecimal na = a.normalized();
    const WideDecimal nb = b.normalized();
    return na.m_raw == nb.m_raw && na.m_scale == nb.m_scale;
}

std::strong_ordering operator<=>(const WideDecimal& a, const WideDecimal& b) {
    const WideDecimal na = a.normalized();
    const WideDecimal nb = b.normalized();
    if (na.m_scale == nb.m_scale)
        return na.m_raw <=> nb.m_raw;
    // Bring the one with fewer decimals up; if that overflows, it is larger in magnitude
    // than anything the other can hold, so its sign decides.
    const bool aCoarser = na.m_scale < nb.m_scale;
    const WideDecimal& coarse = aCoarser ? na : nb;
    const WideDecimal& fine = aCoarser ? nb : na;
    Raw up = 0;
    std::strong_ordering coarseVsFine = std::strong_ordering::equal;
    if (scaleUp(coarse.m_raw, fine.m_scale - coarse.m_scale, up))
        coarseVsFine = up <=> fine.m_raw;
    else
        coarseVsFine =
            coarse.m_raw < 0 ? std::strong_ordering::less : std::strong_ordering::greater;
    if (aCoarser)
        return coarseVsFine;
    return 0 <=> coarseVsFine;
}

} // namespace cw::orders
