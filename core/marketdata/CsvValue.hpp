// SPDX-License-Identifier: MIT
#pragma once

#include "core/common/Result.hpp"
#include "core/domain/Timestamp.hpp"

#include <string_view>

namespace cw::marketdata {

/// A decimal number as written in a CSV field: optional sign, digits, optional fraction and
/// exponent ("42", "-0.5", "+1e-3", "1.5E+2"). "nan" and "inf" parse (check isfinite).
/// Errors: ParseError for anything else, including an empty field or trailing text.
Result<double> parseCsvNumber(std::string_view text);

/// A bar time as written in a CSV field, to nanoseconds since the epoch (UTC). Accepted:
///   - epoch milliseconds: digits only, e.g. "1704164645000";
///   - a date "YYYY-MM-DD" (midnight UTC);
///   - a date, 'T' or one space, then "HH:MM", "HH:MM:SS" or "HH:MM:SS.fffffffff" (1 to 9
///     fraction digits), then optionally "Z" or an offset "+HH:MM", "-HH:MM", "+HHMM", "+HH"
///     (the time is converted to UTC); no suffix means UTC.
/// Errors: ParseError naming what is wrong (for example an impossible date like 2024-02-30).
Result<TimestampNs> parseCsvTime(std::string_view text);

} // namespace cw::marketdata
