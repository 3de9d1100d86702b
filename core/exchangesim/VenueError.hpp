// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <variant>

namespace cw::exchangesim {

/// An error as the venue reports it: HTTP status, the venue's error code and message
/// ({"code":-2010,"msg":"Account has insufficient balance for requested action."}).
///
/// Thread: a plain value.
struct VenueError {
    int httpStatus = 400;
    int code = 0;
    std::string message;
};

/// What a REST endpoint answers: the JSON body of a 200 response, or the venue's error.
using RestReply = std::variant<std::string, VenueError>;

} // namespace cw::exchangesim
