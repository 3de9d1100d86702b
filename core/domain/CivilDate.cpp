// SPDX-License-Identifier: MIT
#include "core/domain/CivilDate.hpp"

#include "core/common/Assert.hpp"

#include <array>

namespace cw {

namespace {

constexpr std::int64_t floorDiv(std::int64_t a, std::int64_t b) {
    const std::int64_t q = a / b;
    return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

// Leap years among years 1..y of the proleptic Gregorian calendar (a counting function that
// stays consistent for y <= 0, so differences of it count leap years in any range).
constexpr std::int64_t leapYearsThrough(std::int64_t y) {
    return floorDiv(y, 4) - floorDiv(y, 100) + floorDiv(y, 400);
}

// Days from 1970-01-01 to January 1st of `year`.
constexpr std::int64_t daysBeforeYear(std::int64_t year) {
    return 365 * (year - 1970) + leapYearsThrough(year - 1) - leapYearsThrough(1969);
}

// Days before the first of each month in a common year.
constexpr std::array<int, 12> kDaysBeforeMonth = {0,   31,  59,  90,  120, 151,
                                                  181, 212, 243, 273, 304, 334};

static_assert(daysBeforeYear(1970) == 0);
static_assert(daysBeforeYear(1971) == 365);
static_assert(daysBeforeYear(2000) == 10957);
static_assert(daysBeforeYear(1969) == -365);

} // namespace

bool CivilDate::isLeapYear(int year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int CivilDate::daysInMonth(int year, int month) {
    CW_ASSERT(month >= 1 && month <= 12);
    constexpr std::array<int, 12> kLengths = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return kLengths[static_cast<std::size_t>(month - 1)] + (month == 2 && isLeapYear(year) ? 1 : 0);
}

bool CivilDate::isValid() const {
    return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

std::int64_t CivilDate::toDaysSinceEpoch() const {
    CW_ASSERT(isValid());
    const int leapDay = (month > 2 && isLeapYear(year)) ? 1 : 0;
    return daysBeforeYear(year) + kDaysBeforeMonth[static_cast<std::size_t>(month - 1)] + leapDay +
           day - 1;
}

CivilDate CivilDate::fromDaysSinceEpoch(std::int64_t days) {
    // 146097 days make exactly 400 Gregorian years; the estimate is off by at most one year.
    std::int64_t year = 1970 + floorDiv(days * 400, 146097);
    while (daysBeforeYear(year) > days)
        --year;
    while (daysBeforeYear(year + 1) <= days)
        ++year;
    const auto dayOfYear = static_cast<int>(days - daysBeforeYear(year));
    CivilDate date;
    date.year = static_cast<int>(year);
    int remaining = dayOfYear;
    for (int m = 1; m <= 12; ++m) {
        const int length = daysInMonth(date.year, m);
        if (remaining < length) {
            date.month = m;
            date.day = remaining + 1;
            return date;
        }
        remaining -= length;
    }
    CW_ASSERT(false && "day of year beyond December");
    return date;
}

int CivilDate::isoWeekday(std::int64_t days) {
    // 1970-01-01 was a Thursday (ISO 4).
    const std::int64_t shifted = days + 3; // 0 = Monday
    const std::int64_t mod = ((shifted % 7) + 7) % 7;
    return static_cast<int>(mod) + 1;
}

} // namespace cw
