// SPDX-License-Identifier: MIT
#include "core/adapters/binance/BinanceSigner.hpp"

#include <algorithm>
#include <vector>

namespace cw::adapters::binance {

namespace {

bool isUnreserved(unsigned char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '.' || c == '_' || c == '~';
}

bool isReservedName(std::string_view name) {
    return name == "timestamp" || name == "recvWindow" || name == "signature";
}

Result<void> checkParams(std::span<const BinanceParam> params) {
    for (const auto& param : params) {
        if (param.name.empty())
            return fail(ErrorCode::InvalidArgument, "a request parameter has an empty name");
        if (isReservedName(param.name))
            return fail(ErrorCode::InvalidArgument,
                        "parameter '" + param.name + "' is added by the signer; do not pass it");
    }
    return {};
}

Result<void> checkTiming(std::int64_t timestamp, std::optional<std::int64_t> recvWindowMs) {
    if (timestamp < 0)
        return fail(ErrorCode::InvalidArgument, "negative timestamp");
    if (recvWindowMs && (*recvWindowMs < 1 || *recvWindowMs > BinanceSigner::kMaxRecvWindowMs))
        return fail(ErrorCode::InvalidArgument,
                    "recvWindow " + std::to_string(*recvWindowMs) + " ms outside 1..60000");
    return {};
}

void appendParam(std::string& out, std::string_view name, std::string_view value) {
    if (!out.empty())
        out += '&';
    out += name;
    out += '=';
    out += value;
}

// recvWindow then timestamp, after the caller's parameters.
void appendTiming(std::string& out, std::int64_t timestamp,
                  std::optional<std::int64_t> recvWindowMs) {
    if (recvWindowMs)
        appendParam(out, "recvWindow", std::to_string(*recvWindowMs));
    appendParam(out, "timestamp", std::to_string(timestamp));
}

} // namespace

std::string BinanceSigner::sign(std::string_view query, std::string_view body) const {
    return m_hmac.macHex({query, body});
}

std::string BinanceSigner::percentEncode(std::string_view text) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(text.size());
    for (char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (isUnreserved(c)) {
            out += ch;
        } else {
            out += '%';
            out += kHex[c >> 4];
            out += kHex[c & 0x0f];
        }
    }
    return out;
}

std::string BinanceSigner::encodeParams(std::span<const BinanceParam> params) {
    std::string out;
    for (const auto& param : params)
        appendParam(out, percentEncode(param.name), percentEncode(param.value));
    return out;
}

Result<BinanceSignedRequest> BinanceSigner::signRest(std::span<const BinanceParam> params,
                                                     std::int64_t timestamp,
                                                     std::optional<std::int64_t> recvWindowMs,
                                                     BinanceParamPlacement placement) const {
    if (auto ok = checkParams(params); !ok)
        return ok.error();
    if (auto ok = checkTiming(timestamp, recvWindowMs); !ok)
        return ok.error();
    if (placement != BinanceParamPlacement::Query && placement != BinanceParamPlacement::Body)
        return fail(ErrorCode::InvalidArgument, "no parameter placement given");
    std::string payload = encodeParams(params);
    appendTiming(payload, timestamp, recvWindowMs);
    BinanceSignedRequest request;
    request.signature = sign(payload);
    appendParam(payload, "signature", request.signature);
    if (placement == BinanceParamPlacement::Query)
        request.query = std::move(payload);
    else
        request.body = std::move(payload);
    return request;
}

Result<BinanceSignedRequest>
BinanceSigner::signRestSplit(std::span<const BinanceParam> queryParams,
                             std::span<const BinanceParam> bodyParams, std::int64_t timestamp,
                             std::optional<std::int64_t> recvWindowMs) const {
    if (auto ok = checkParams(queryParams); !ok)
        return ok.error();
    if (auto ok = checkParams(bodyParams); !ok)
        return ok.error();
    if (auto ok = checkTiming(timestamp, recvWindowMs); !ok)
        return ok.error();
    BinanceSignedRequest request;
    request.query = encodeParams(queryParams);
    request.body = encodeParams(bodyParams);
    appendTiming(request.body, timestamp, recvWindowMs);
    request.signature = sign(request.query, request.body);
    appendParam(request.body, "signature", request.signature);
    return request;
}

std::string BinanceSigner::wsApiPayload(std::span<const BinanceParam> params) {
    std::vector<const BinanceParam*> sorted;
    sorted.reserve(params.size());
    for (const auto& param : params)
        if (param.name != "signature")
            sorted.push_back(&param);
    // Byte order: std::string compares as unsigned char through char_traits<char>::compare.
    std::stable_sort(
        sorted.begin(), sorted.end(),
        [](const BinanceParam* a, const BinanceParam* b) { return a->name < b->name; });
    std::string out;
    for (const auto* param : sorted)
        appendParam(out, param->name, param->value);
    return out;
}

std::string BinanceSigner::signWsApi(std::span<const BinanceParam> params) const {
    return sign(wsApiPayload(params));
}

} // namespace cw::adapters::binance
