// SPDX-License-Identifier: MIT
#include "core/exchangesim/HttpRequestParser.hpp"

#include <algorithm>
#include <cctype>

namespace cw::exchangesim {

namespace {

bool equalsIgnoringCase(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) ==
                      std::tolower(static_cast<unsigned char>(y));
           });
}

bool isTokenChar(char c) {
    if (std::isalnum(static_cast<unsigned char>(c)))
        return true;
    return std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    return text;
}

Error malformed(std::string why) {
    return fail(ErrorCode::ParseError, std::move(why));
}

} // namespace

std::optional<std::string_view> HttpRequest::header(std::string_view name) const {
    for (const auto& [key, value] : headers)
        if (equalsIgnoringCase(key, name))
            return std::string_view(value);
    return std::nullopt;
}

std::size_t HttpRequestParser::headLength(std::string_view bytes) {
    const auto end = bytes.find("\r\n\r\n");
    return end == std::string_view::npos ? 0 : end + 4;
}

Result<HttpRequest> HttpRequestParser::parseHead(std::string_view head, const Limits& limits) {
    if (head.size() > limits.maxHeadBytes)
        return malformed("request head larger than " + std::to_string(limits.maxHeadBytes) +
                         " bytes");
    if (head.size() < 4 || head.substr(head.size() - 4) != "\r\n\r\n")
        return malformed("request head does not end with an empty line");
    head.remove_suffix(2); // keep one CRLF after the last line
    HttpRequest request;

    auto lineEnd = head.find("\r\n");
    const std::string_view requestLine = head.substr(0, lineEnd);
    head.remove_prefix(lineEnd + 2);
    if (requestLine.find('\n') != std::string_view::npos ||
        requestLine.find('\r') != std::string_view::npos)
        return malformed("bare CR or LF in the request line");
    const auto firstSpace = requestLine.find(' ');
    const auto lastSpace = requestLine.rfind(' ');
    if (firstSpace == std::string_view::npos || firstSpace == lastSpace)
        return malformed("request line is not 'METHOD target HTTP/1.x'");
    const std::string_view method = requestLine.substr(0, firstSpace);
    const std::string_view target = requestLine.substr(firstSpace + 1, lastSpace - firstSpace - 1);
    const std::string_view version = requestLine.substr(lastSpace + 1);
    if (method.empty() ||
        !std::all_of(method.begin(), method.end(), [](char c) { return c >= 'A' && c <= 'Z'; }))
        return malformed("invalid method");
    if (target.empty() || target.front() != '/' ||
        std::any_of(target.begin(), target.end(), [](char c) {
            return static_cast<unsigned char>(c) <= 0x20 || static_cast<unsigned char>(c) >= 0x7f;
        }))
        return malformed("invalid request target");
    if (version != "HTTP/1.1" && version != "HTTP/1.0")
        return malformed("unsupported protocol version '" + std::string(version) + "'");
    request.method = std::string(method);
    request.target = std::string(target);
    request.version = std::string(version);
    const auto question = target.find('?');
    request.path = std::string(target.substr(0, question));
    if (question != std::string_view::npos)
        request.query = std::string(target.substr(question + 1));

    while (!head.empty()) {
        lineEnd = head.find("\r\n");
        if (lineEnd == std::string_view::npos)
            return malformed("header line without CRLF");
        const std::string_view line = head.substr(0, lineEnd);
        head.remove_prefix(lineEnd + 2);
        if (line.empty())
            break;
        if (line.front() == ' ' || line.front() == '\t')
            return malformed("obsolete header line folding");
        if (line.find('\n') != std::string_view::npos || line.find('\r') != std::string_view::npos)
            return malformed("bare CR or LF in a header");
        const auto colon = line.find(':');
        if (colon == std::string_view::npos || colon == 0)
            return malformed("header line without a name");
        const std::string_view name = line.substr(0, colon);
        if (!std::all_of(name.begin(), name.end(), isTokenChar))
            return malformed("invalid header name");
        if (request.headers.size() >= limits.maxHeaders)
            return malformed("more than " + std::to_string(limits.maxHeaders) + " headers");
        request.headers.emplace_back(std::string(name), std::string(trim(line.substr(colon + 1))));
    }

    const auto connection = request.header("Connection");
    if (request.version == "HTTP/1.0")
        request.keepAlive = connection && equalsIgnoringCase(*connection, "keep-alive");
    else
        request.keepAlive = !(connection && equalsIgnoringCase(*connection, "close"));
    return request;
}

HttpRequestParser::State HttpRequestParser::next(HttpRequest& out) {
    if (m_failed)
        return State::Failed;
    auto failWith = [this](std::string why) {
        m_failed = true;
        m_error = std::move(why);
        m_buffer.clear();
        return State::Failed;
    };
    const std::size_t headEnd = headLength(m_buffer);
    if (headEnd == 0) {
        if (m_buffer.size() > m_limits.maxHeadBytes)
            return failWith("request head larger than " + std::to_string(m_limits.maxHeadBytes) +
                            " bytes");
        return State::NeedMore;
    }
    auto head = parseHead(std::string_view(m_buffer).substr(0, headEnd), m_limits);
    if (!head)
        return failWith(head.error().message);
    HttpRequest request = std::move(*head);
    if (request.header("Transfer-Encoding"))
        return failWith("Transfer-Encoding is not supported; send Content-Length");
    std::size_t bodyLength = 0;
    bool seenLength = false;
    for (const auto& [name, value] : request.headers) {
        if (!equalsIgnoringCase(name, "Content-Length"))
            continue;
        if (value.empty() || value.size() > 12 ||
            !std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; }))
            return failWith("invalid Content-Length");
        const std::size_t length = std::stoull(value);
        if (seenLength && length != bodyLength)
            return failWith("conflicting Content-Length headers");
        seenLength = true;
        bodyLength = length;
    }
    if (bodyLength > m_limits.maxBodyBytes)
        return failWith("request body larger than " + std::to_string(m_limits.maxBodyBytes) +
                        " bytes");
    if (m_buffer.size() < headEnd + bodyLength)
        return State::NeedMore;
    request.body = m_buffer.substr(headEnd, bodyLength);
    m_buffer.erase(0, headEnd + bodyLength);
    out = std::move(request);
    return State::Complete;
}

} // namespace cw::exchangesim
