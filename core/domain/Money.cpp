// SPDX-License-Identifier: MIT
#include "core/domain/Money.hpp"

#include <utility>

namespace cw {

Result<Money> Money::withCurrency(Result<Decimal> amount, const Currency& currency) {
    if (!amount)
        return std::move(amount).error();
    return Money(*amount, currency);
}

Result<Money> Money::parse(std::string_view amount, int precision, const Currency& currency) {
    return withCurrency(Decimal::parse(amount, precision), currency);
}

Result<Money> Money::parse(std::string_view amount, const Currency& currency) {
    return withCurrency(Decimal::parse(amount), currency);
}

Result<Money> Money::notional(const Quantity& quantity, const Price& price,
                              const Currency& currency) {
    return withCurrency(quantity.decimal().multiply(price.decimal()), currency);
}

std::string Money::toDisplayString() const {
    std::string text = m_amount.toString();
    if (!m_currency.isEmpty()) {
        text += ' ';
        text += m_currency.code();
    }
    return text;
}

Result<Money> Money::add(const Money& other) const {
    if (m_currency != other.m_currency)
        return fail(ErrorCode::InvalidArgument, "cannot add " + other.toDisplayString() + " to " +
                                                    toDisplayString() + ": different currencies");
    return withCurrency(m_amount.add(other.m_amount), m_currency);
}

Result<Money> Money::subtract(const Money& other) const {
    if (m_currency != other.m_currency)
        return fail(ErrorCode::InvalidArgument, "cannot subtract " + other.toDisplayString() +
                                                    " from " + toDisplayString() +
                                                    ": different currencies");
    return withCurrency(m_amount.subtract(other.m_amount), m_currency);
}

Result<Money> Money::negated() const {
    return withCurrency(m_amount.negated(), m_currency);
}

Result<Money> Money::rescaled(int precision) const {
    return withCurrency(m_amount.rescaled(precision), m_currency);
}

Result<Money> Money::rounded(int precision, RoundingMode mode) const {
    return withCurrency(m_amount.rounded(precision, mode), m_currency);
}

} // namespace cw
