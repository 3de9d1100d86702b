// SPDX-License-Identifier: MIT
#pragma once

#include "core/adapters/binance/Sha256.hpp"

#include <initializer_list>
#include <string>
#include <string_view>

namespace cw::adapters::binance {

/// HMAC-SHA256 (RFC 2104) with a fixed key. The key is absorbed into the two padded hash
/// states at construction and not kept, so signing many messages costs two short hashes
/// each and the object holds no copy of the secret in clear.
///
/// Thread: const member functions may run on several threads at once.
class HmacSha256 {
public:
    /// Any key length; keys longer than a block are hashed first (RFC 2104).
    explicit HmacSha256(std::string_view key);

    /// The MAC of the concatenation of `parts` (no separator between them).
    Sha256::Digest mac(std::initializer_list<std::string_view> parts) const;
    Sha256::Digest mac(std::string_view message) const { return mac({message}); }

    /// The MAC as 64 lower-case hex digits.
    std::string macHex(std::initializer_list<std::string_view> parts) const;
    std::string macHex(std::string_view message) const { return macHex({message}); }

    /// Lower-case hex of any digest.
    static std::string toHex(const Sha256::Digest& digest);

private:
    Sha256 m_inner; ///< after absorbing key ^ ipad
    Sha256 m_outer; ///< after absorbing key ^ opad
};

} // namespace cw::adapters::binance
