// SPDX-License-Identifier: MIT
#include "core/common/Error.hpp"

namespace cw {

std::string_view errorCodeName(ErrorCode code) {
    switch (code) {
    case ErrorCode::Invalid:
        return "Invalid";
    case ErrorCode::InvalidArgument:
        return "InvalidArgument";
    case ErrorCode::ParseError:
        return "ParseError";
    case ErrorCode::OutOfRange:
        return "OutOfRange";
    case ErrorCode::Overflow:
        return "Overflow";
    case ErrorCode::NotFound:
        return "NotFound";
    case ErrorCode::IoError:
        return "IoError";
    case ErrorCode::Unsupported:
        return "Unsupported";
    case ErrorCode::Unavailable:
        return "Unavailable";
    }
    return "Unknown";
}

std::string Error::toString() const {
    std::string out(errorCodeName(code));
    out += ": ";
    out += message;
    return out;
}

} // namespace cw
