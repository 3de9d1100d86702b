// SPDX-License-Identifier: MIT
#include "core/exchangesim/RequestParams.hpp"

namespace cw::exchangesim {

namespace {

int hexValue(char c) {
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/// Splits one part into decoded pairs and returns the part's raw bytes without the
/// signature parameter.
Result<std::string> split(std::string_view part,
                          std::vector<std::pair<std::string, std::string>>& out) {
    std::string unsigned_;
    bool first = true;
    std::size_t start = 0;
    while (start <= part.size()) {
        std::size_t end = part.find('&', start);
        if (end == std::string_view::npos)
            end = part.size();
        const std::string_view segment = part.substr(start, end - start);
        start = end + 1;
        if (segment.empty()) {
            if (end == part.size())
                break;
            continue;
        }
        const auto equals = segment.find('=');
        const std::string_view rawName = segment.substr(0, equals);
        const std::string_view rawValue =
            equals == std::string_view::npos ? std::string_view() : segment.substr(equals + 1);
        auto name = RequestParams::decode(rawName);
        auto value = RequestParams::decode(rawValue);
        if (!name || !value)
            return fail(ErrorCode::ParseError,
                        "broken percent-encoding in '" + std::string(segment) + "'");
        if (name->empty())
            return fail(ErrorCode::ParseError,
                        "parameter without a name: '" + std::string(segment) + "'");
        if (*name != "signature") {
            if (!first)
                unsigned_.push_back('&');
            unsigned_.append(segment);
            first = false;
        }
        out.emplace_back(std::move(*name), std::move(*value));
        if (end == part.size())
            break;
    }
    return unsigned_;
}

} // namespace

std::optional<std::string> RequestParams::decode(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '+') {
            out.push_back(' ');
        } else if (c == '%') {
            if (i + 2 >= text.size())
                return std::nullopt;
            const int high = hexValue(text[i + 1]);
            const int low = hexValue(text[i + 2]);
            if (high < 0 || low < 0)
                return std::nullopt;
            out.push_back(static_cast<char>(high * 16 + low));
            i += 2;
        } else {
            out.push_back(c);
        }
    }
    return out;
}

Result<RequestParams> RequestParams::parse(std::string_view query, std::string_view body) {
    RequestParams params;
    auto queryPart = split(query, params.m_params);
    if (!queryPart)
        return queryPart.error();
    auto bodyPart = split(body, params.m_params);
    if (!bodyPart)
        return bodyPart.error();
    params.m_payload = std::move(*queryPart) + *bodyPart;
    return params;
}

std::optional<std::string> RequestParams::get(std::string_view name) const {
    for (const auto& [key, value] : m_params)
        if (key == name)
            return value;
    return std::nullopt;
}

} // namespace cw::exchangesim
