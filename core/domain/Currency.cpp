// SPDX-License-Identifier: MIT
#include "core/domain/Currency.hpp"

#include <algorithm>

namespace cw {

Result<Currency> Currency::parse(std::string_view code) {
    if (code.empty() || code.size() > kMaxLength)
        return fail(ErrorCode::ParseError,
                    "currency code '" + std::string(code) + "' is not 1..15 characters");
    const bool valid = std::all_of(code.begin(), code.end(), [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    });
    if (!valid)
        return fail(ErrorCode::ParseError,
                    "currency code '" + std::string(code) + "' is not made of A-Z and 0-9");
    Currency currency;
    std::copy(code.begin(), code.end(), currency.m_code.begin());
    return currency;
}

std::string_view Currency::code() const {
    return std::string_view(m_code.data());
}

} // namespace cw
