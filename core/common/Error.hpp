// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>

namespace cw {

/// What went wrong, coarse enough to branch on; the message says the rest.
enum class ErrorCode {
    Invalid = 0,
    InvalidArgument, ///< a caller-supplied value is outside its contract
    ParseError,      ///< bytes or text that do not follow the expected syntax
    OutOfRange,      ///< a value that parsed but is too large, too small or too precise
    Overflow,        ///< an arithmetic result that does not fit its representation
    NotFound,        ///< an unknown name, symbol or id
    IoError,         ///< a file or socket operation failed
    Unsupported,     ///< a request the component does not implement
    Unavailable,     ///< the component cannot serve it now (not connected, stopped, busy)
};

std::string_view errorCodeName(ErrorCode code);

/// An error as a value: a code to branch on and a message for people.
struct Error {
    ErrorCode code = ErrorCode::Invalid;
    std::string message;

    /// "ParseError: unexpected character 'x' at offset 3"
    std::string toString() const;
};

} // namespace cw
