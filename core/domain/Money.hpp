// SPDX-License-Identifier: MIT
#pragma once

#include "core/common/Result.hpp"
#include "core/domain/Currency.hpp"
#include "core/domain/Decimal.hpp"
#include "core/domain/Price.hpp"
#include "core/domain/Quantity.hpp"
#include "core/domain/RoundingMode.hpp"

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

namespace cw {

/// An exact amount of one currency: a Decimal (int64 raw, 0..18 decimals) plus a Currency.
/// Amounts of different currencies never mix: adding them is an error, they compare unequal
/// and unordered.
///
/// Thread: a plain value; safe to copy between threads.
class Money {
public:
    /// Zero with no currency.
    Money() = default;
    Money(const Decimal& amount, const Currency& currency)
        : m_amount(amount), m_currency(currency) {}

    /// Precondition (CW_ASSERT): 0 <= precision <= 18.
    static Money fromRaw(std::int64_t raw, int precision, const Currency& currency) {
        return Money(Decimal::fromRaw(raw, precision), currency);
    }
    /// Exact parse of the amount; see Decimal::parse for syntax and errors.
    static Result<Money> parse(std::string_view amount, int precision, const Currency& currency);
    /// Exact parse with the precision inferred from the decimals given.
    static Result<Money> parse(std::string_view amount, const Currency& currency);

    /// The exact notional value quantity x price in `currency` (normally the instrument's
    /// quote currency). Its precision is the sum of the two precisions; trailing zero
    /// decimals are dropped only when needed to fit 18 decimals or int64. When no exact
    /// representation fits: OutOfRange (more than 18 decimals needed) or Overflow.
    static Result<Money> notional(const Quantity& quantity, const Price& price,
                                  const Currency& currency);

    const Decimal& amount() const { return m_amount; }
    const Currency& currency() const { return m_currency; }
    std::int64_t raw() const { return m_amount.raw(); }
    int precision() const { return m_amount.precision(); }

    /// The amount with exactly `precision()` decimals, no currency: "12.50".
    std::string toString() const { return m_amount.toString(); }
    /// The amount and the currency: "12.50 USDT" (just the amount when there is no currency).
    std::string toDisplayString() const;
    double toDouble() const { return m_amount.toDouble(); }

    bool isZero() const { return m_amount.isZero(); }
    bool isNegative() const { return m_amount.isNegative(); }

    /// Same currency and same value (across precisions).
    friend bool operator==(const Money& a, const Money& b) {
        return a.m_currency == b.m_currency && a.m_amount == b.m_amount;
    }
    /// Ordered by value within one currency; unordered across currencies.
    friend std::partial_ordering operator<=>(const Money& a, const Money& b) {
        if (a.m_currency != b.m_currency)
            return std::partial_ordering::unordered;
        return a.m_amount <=> b.m_amount;
    }

    /// Sum or difference at the larger precision. Different currencies: InvalidArgument;
    /// a result beyond int64: Overflow.
    Result<Money> add(const Money& other) const;
    Result<Money> subtract(const Money& other) const;
    Result<Money> negated() const;
    /// Same value at another precision; OutOfRange if a non-zero digit would be lost.
    Result<Money> rescaled(int precision) const;
    /// Rounded to `precision` decimals with `mode` (e.g. cents for display or settlement).
    Result<Money> rounded(int precision, RoundingMode mode) const;

private:
    static Result<Money> withCurrency(Result<Decimal> amount, const Currency& currency);

    Decimal m_amount;
    Currency m_currency;
};

} // namespace cw
