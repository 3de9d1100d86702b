// SPDX-License-Identifier: MIT
#pragma once

#include <compare>
#include <cstdint>

namespace cw {

/// A date in the proleptic Gregorian calendar (UTC), converted to and from days since
/// 1970-01-01 with integer arithmetic only (no libc time functions, no time zones).
/// Supported: years -1,000,000 .. 1,000,000.
///
/// Thread: a plain value; the functions are pure.
struct CivilDate {
    int year = 1970;
    int month = 1; ///< 1..12
    int day = 1;   ///< 1..daysInMonth(year, month)

    static bool isLeapYear(int year);
    /// 28..31. Precondition (CW_ASSERT): 1 <= month <= 12.
    static int daysInMonth(int year, int month);

    /// The date `days` days after 1970-01-01 (negative: before it).
    static CivilDate fromDaysSinceEpoch(std::int64_t days);
    /// Days since 1970-01-01 (negative before it). Precondition (CW_ASSERT): isValid().
    std::int64_t toDaysSinceEpoch() const;

    /// ISO weekday of the day `days` after 1970-01-01: 1 = Monday .. 7 = Sunday.
    static int isoWeekday(std::int64_t days);

    /// Month in 1..12 and day in 1..daysInMonth.
    bool isValid() const;

    friend bool operator==(const CivilDate&, const CivilDate&) = default;
    friend auto operator<=>(const CivilDate&, const CivilDate&) = default;
};

} // namespace cw
