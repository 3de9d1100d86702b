// SPDX-License-Identifier: MIT
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cw::exchangesim {

/// One HTTP/1.1 request as HttpRequestParser read it: the raw bytes of the target's query and
/// of the body are kept exactly as received (request signatures are computed over them).
///
/// Thread: a plain value.
struct HttpRequest {
    std::string method;  ///< "GET", "POST", "PUT", "DELETE"...
    std::string target;  ///< as sent: "/api/v3/order?symbol=BTCUSDT&..."
    std::string path;    ///< the target before '?', not decoded: "/api/v3/order"
    std::string query;   ///< the raw bytes after '?', empty when there is none
    std::string version; ///< "HTTP/1.1" or "HTTP/1.0"
    std::vector<std::pair<std::string, std::string>> headers; ///< in order, values trimmed
    std::string body;                                         ///< exactly Content-Length bytes
    bool keepAlive = true;     ///< the connection stays open after the response
    std::string remoteAddress; ///< filled in by the server ("127.0.0.1")

    /// The first header of that name (case-insensitive), nullopt when absent.
    std::optional<std::string_view> header(std::string_view name) const;
};

} // namespace cw::exchangesim
