// SPDX-License-Identifier: MIT
#pragma once

#include "core/common/Result.hpp"
#include "core/exchangesim/HttpRequest.hpp"

#include <cstddef>
#include <string>
#include <string_view>

namespace cw::exchangesim {

/// An incremental HTTP/1.1 request parser for one connection: bytes go in as they arrive,
/// complete requests come out one at a time (pipelining works). Deliberately small: a request
/// line, header fields, a body of exactly Content-Length bytes. Chunked bodies, obsolete line
/// folding, bare CR or LF line ends and oversized heads or bodies are refused, never guessed
/// at.
///
/// After a failure the connection cannot be trusted to be in step any more: the server
/// answers 400 and closes it.
///
/// Thread: not thread-safe; one connection.
class HttpRequestParser {
public:
    struct Limits {
        std::size_t maxHeadBytes = 16 * 1024; ///< request line + headers + the blank line
        std::size_t maxBodyBytes = 1024 * 1024;
        std::size_t maxHeaders = 100;
    };

    enum class State {
        Invalid = 0,
        NeedMore, ///< no complete request buffered yet
        Complete, ///< one request was taken
        Failed,   ///< malformed or too large; see error()
    };

    explicit HttpRequestParser(Limits limits) : m_limits(limits) {}
    HttpRequestParser() : HttpRequestParser(Limits{}) {}

    /// Appends received bytes.
    void feed(std::string_view bytes) { m_buffer.append(bytes); }
    /// Takes the next complete request into `out`. Once Failed, stays Failed.
    State next(HttpRequest& out);
    /// Why the last call failed (for the 400 body).
    const std::string& error() const { return m_error; }
    /// Bytes buffered and not yet taken.
    std::size_t buffered() const { return m_buffer.size(); }

    /// Parses a complete head (request line and headers, up to and including the blank line)
    /// without a body; ParseError with the reason when malformed. The server uses it on
    /// peeked bytes to decide whether a connection is a WebSocket upgrade.
    static Result<HttpRequest> parseHead(std::string_view head, const Limits& limits);
    /// Where the head ends in `bytes` (the index after "\r\n\r\n"), 0 when not yet there.
    static std::size_t headLength(std::string_view bytes);

private:
    Limits m_limits;
    std::string m_buffer;
    std::string m_error;
    bool m_failed = false;
};

} // namespace cw::exchangesim
