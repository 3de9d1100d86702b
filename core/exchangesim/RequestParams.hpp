// SPDX-License-Identifier: MIT
#pragma once

#include "core/common/Result.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cw::exchangesim {

/// The parameters of one REST request, from the query string and/or an
/// application/x-www-form-urlencoded body, as the venue reads them: parameter order is free,
/// a name in both places takes the query's value.
///
/// For signed requests it also keeps the bytes the signature covers: the raw query followed
/// directly by the raw body (no separator), each without its `signature=...` parameter. The
/// signature is checked over exactly those received bytes, never over a re-encoded map.
///
/// Thread: a plain value.
class RequestParams {
public:
    /// Splits and percent-decodes both parts ('+' is a space). ParseError for a broken
    /// percent escape or a parameter without a name.
    static Result<RequestParams> parse(std::string_view query, std::string_view body);

    /// The decoded value of `name` (query first, then body); nullopt when not sent. An empty
    /// value ("symbol=") is returned as an empty string.
    std::optional<std::string> get(std::string_view name) const;
    bool has(std::string_view name) const { return get(name).has_value(); }
    /// Every (name, value) pair, query first, in the order received.
    const std::vector<std::pair<std::string, std::string>>& all() const { return m_params; }

    /// The bytes a request signature covers (query + body, signature parameter removed).
    const std::string& signedPayload() const { return m_payload; }
    /// The `signature` parameter, nullopt when not sent.
    std::optional<std::string> signature() const { return get("signature"); }

    /// Decodes one percent-encoded component; nullopt for a broken escape.
    static std::optional<std::string> decode(std::string_view text);

private:
    std::vector<std::pair<std::string, std::string>> m_params;
    std::string m_payload;
};

} // namespace cw::exchangesim
