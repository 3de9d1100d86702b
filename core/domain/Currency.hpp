// SPDX-License-Identifier: MIT
#pragma once

#include "core/common/Result.hpp"

#include <array>
#include <compare>
#include <cstddef>
#include <string>
#include <string_view>

namespace cw {

/// A currency or asset code such as "USD", "USDT", "BTC" or "1000SATS": 1..15 characters
/// from A-Z and 0-9, stored inline (16 bytes, no allocation). A default-constructed Currency
/// is empty and means "none given".
///
/// Thread: a plain value; safe to copy between threads.
class Currency {
public:
    static constexpr std::size_t kMaxLength = 15;

    constexpr Currency() = default;

    /// Accepts 1..15 characters of A-Z and 0-9; anything else (lower case, spaces, empty,
    /// too long) is ErrorCode::ParseError. Codes are not looked up in any list.
    static Result<Currency> parse(std::string_view code);

    std::string_view code() const;
    std::string toString() const { return std::string(code()); }
    bool isEmpty() const { return m_code[0] == '\0'; }

    friend bool operator==(const Currency&, const Currency&) = default;
    friend auto operator<=>(const Currency&, const Currency&) = default;

private:
    std::array<char, kMaxLength + 1> m_code{};
};

} // namespace cw
