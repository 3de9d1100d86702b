// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>

namespace cw::exchangesim {

/// The venue's HMAC-SHA256 request signature: lower-case hex of HMAC_SHA256(secret, payload)
/// over the exact payload bytes.
///
/// Thread: stateless; safe from any thread.
class HmacSigner {
public:
    /// Lower-case hex, 64 characters.
    static std::string sign(std::string_view secret, std::string_view payload);
    /// True when `signatureHex` is the signature of `payload` (hex compared case-insensitively,
    /// in time independent of where the first difference is).
    static bool verify(std::string_view secret, std::string_view payload,
                       std::string_view signatureHex);
};

} // namespace cw::exchangesim
