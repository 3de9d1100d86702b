// SPDX-License-Identifier: MIT
#pragma once

#include "core/adapters/binance/HmacSha256.hpp"
#include "core/common/Result.hpp"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace cw::adapters::binance {

/// One request parameter as sent: `name` and the exact value text ("0.10000000", "GTC").
struct BinanceParam {
    std::string name;
    std::string value;
};

/// Where a signed REST request carries its parameters.
enum class BinanceParamPlacement {
    Invalid = 0,
    Query, ///< everything in the query string (GET, DELETE, and POST as the docs show it)
    Body,  ///< everything in an application/x-www-form-urlencoded body
};

/// A signed REST request, ready to send: `query` (without the '?') and `body` are the exact
/// bytes to put on the wire; `signature` is already appended to whichever carries it.
struct BinanceSignedRequest {
    std::string query;
    std::string body;
    std::string signature; ///< 64 lower-case hex digits
};

/// Signs Binance Spot requests with an HMAC-SHA256 API key (docs/binance.md, "Signing").
/// Only HMAC keys: Binance also issues Ed25519 and RSA keys (base64 signatures), which this
/// class does not handle.
///
/// REST: the payload is the query string followed directly by the body (no separator), as
/// the bytes are sent; the signature is 64 lower-case hex digits appended as the last
/// parameter `signature`. Parameter order is the caller's (the venue does not sort).
/// Percent-encoding (REST only): A-Z a-z 0-9 '-' '.' '_' '~' stay as they are, every other
/// byte (UTF-8 of non-ASCII text included) becomes %XX with upper-case hex.
///
/// WebSocket API: the parameters (apiKey included, signature excluded) sorted by name in
/// byte order, joined as name=value with '&', values as raw UTF-8 without percent-encoding.
///
/// Thread: const member functions may run on several threads at once. The secret is not
/// kept in clear (see HmacSha256) and never appears in any output.
class BinanceSigner {
public:
    static constexpr std::int64_t kMaxRecvWindowMs = 60'000;

    explicit BinanceSigner(std::string_view secretKey) : m_hmac(secretKey) {}

    /// Hex HMAC of `query` immediately followed by `body`: the REST signing payload.
    std::string sign(std::string_view query, std::string_view body = {}) const;

    /// `text` percent-encoded by the REST rule above.
    static std::string percentEncode(std::string_view text);
    /// "name=value&name=value" in the given order, names and values percent-encoded.
    static std::string encodeParams(std::span<const BinanceParam> params);

    /// A signed REST request: `params` in order, then `recvWindow` (when given), then
    /// `timestamp` (ms, or µs when requests carry X-MBX-TIME-UNIT: MICROSECOND), then
    /// `signature`, all in the query or all in the body.
    /// InvalidArgument: an empty parameter name, a parameter named timestamp, recvWindow or
    /// signature (they are added here), a recvWindow outside 1..60000 ms, a placement of
    /// Invalid, or a negative timestamp.
    Result<BinanceSignedRequest> signRest(std::span<const BinanceParam> params,
                                          std::int64_t timestamp,
                                          std::optional<std::int64_t> recvWindowMs,
                                          BinanceParamPlacement placement) const;

    /// A signed REST request split across both: `queryParams` in the query string,
    /// `bodyParams` then recvWindow, timestamp and signature in the body. The signature
    /// covers query + body exactly as sent. Errors as signRest.
    Result<BinanceSignedRequest> signRestSplit(std::span<const BinanceParam> queryParams,
                                               std::span<const BinanceParam> bodyParams,
                                               std::int64_t timestamp,
                                               std::optional<std::int64_t> recvWindowMs) const;

    /// The WebSocket API signing payload of `params` (sorted copy; a parameter named
    /// signature is left out).
    static std::string wsApiPayload(std::span<const BinanceParam> params);
    /// Hex HMAC of wsApiPayload(params).
    std::string signWsApi(std::span<const BinanceParam> params) const;

private:
    HmacSha256 m_hmac;
};

} // namespace cw::adapters::binance
