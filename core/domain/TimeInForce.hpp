// SPDX-License-Identifier: MIT
#pragma once

#include <string_view>

namespace cw {

/// How long an order stays working.
enum class TimeInForce {
    Invalid = 0,
    Gtc, ///< good till canceled
    Ioc, ///< immediate or cancel: fills what it can now, the rest is canceled
    Fok, ///< fill or kill: fills completely now or not at all
    Day, ///< expires at the end of the instrument's trading session (or the venue's day)
};

/// "GTC", "IOC", "FOK", "DAY"; "Invalid" otherwise.
constexpr std::string_view timeInForceName(TimeInForce tif) {
    switch (tif) {
    case TimeInForce::Gtc:
        return "GTC";
    case TimeInForce::Ioc:
        return "IOC";
    case TimeInForce::Fok:
        return "FOK";
    case TimeInForce::Day:
        return "DAY";
    case TimeInForce::Invalid:
        break;
    }
    return "Invalid";
}

} // namespace cw
