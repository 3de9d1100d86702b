// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cw::exchangesim {

/// One HTTP response, JSON by default.
///
/// Thread: a plain value.
struct HttpResponse {
    int status = 200;
    std::vector<std::pair<std::string, std::string>> headers; ///< besides the standard ones
    std::string body;
    std::string contentType = "application/json;charset=UTF-8";

    /// A response with a JSON body.
    static HttpResponse json(int status, std::string body);
    /// The venue's error shape: {"code":-1121,"msg":"Invalid symbol."}.
    static HttpResponse error(int status, int code, std::string_view message);

    /// The status line, Content-Type, Content-Length, Connection and the extra headers, then
    /// the body.
    std::string serialize(bool keepAlive) const;

    static const char* reasonPhrase(int status);
};

} // namespace cw::exchangesim
