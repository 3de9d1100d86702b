// SPDX-License-Identifier: MIT
#include "core/domain/CivilDate.hpp"

#include <gtest/gtest.h>

using namespace cw;

namespace {
CivilDate date(int y, int m, int d) {
    CivilDate c;
    c.year = y;
    c.month = m;
    c.day = d;
    return c;
}
} // namespace

// Reference day numbers from Python's datetime (calendar.timegm / 86400).
TEST(CivilDate, matchesReferenceDayNumbers) {
    struct Case {
        CivilDate date;
        std::int64_t days;
        int isoWeekday;
    };
    const Case cases[] = {
        {date(1970, 1, 1), 0, 4},     {date(2000, 1, 1), 10957, 6},   {date(2024, 2, 29), 19782, 4},
        {date(2024, 3, 1), 19783, 5}, {date(2023, 3, 1), 19417, 3},   {date(1969, 12, 29), -3, 1},
        {date(1969, 12, 31), -1, 3},  {date(2000, 2, 29), 11016, 2},  {date(1900, 3, 1), -25508, 4},
        {date(2100, 3, 1), 47541, 1}, {date(2024, 12, 30), 20087, 1}, {date(2025, 1, 1), 20089, 3},
        {date(1960, 1, 1), -3653, 5}, {date(2262, 1, 1), 106651, 3},  {date(1700, 1, 1), -98615, 5},
    };
    for (const auto& c : cases) {
        EXPECT_EQ(c.date.toDaysSinceEpoch(), c.days) << c.date.year << "-" << c.date.month;
        EXPECT_EQ(CivilDate::fromDaysSinceEpoch(c.days), c.date) << c.days;
        EXPECT_EQ(CivilDate::isoWeekday(c.days), c.isoWeekday) << c.days;
    }
}

TEST(CivilDate, knowsGregorianLeapYears) {
    EXPECT_TRUE(CivilDate::isLeapYear(2024));
    EXPECT_TRUE(CivilDate::isLeapYear(2000));
    EXPECT_FALSE(CivilDate::isLeapYear(1900));
    EXPECT_FALSE(CivilDate::isLeapYear(2100));
    EXPECT_FALSE(CivilDate::isLeapYear(2023));
    EXPECT_TRUE(CivilDate::isLeapYear(-4));
    EXPECT_EQ(CivilDate::daysInMonth(2024, 2), 29);
    EXPECT_EQ(CivilDate::daysInMonth(2023, 2), 28);
    EXPECT_EQ(CivilDate::daysInMonth(2023, 4), 30);
    EXPECT_EQ(CivilDate::daysInMonth(2023, 12), 31);
}

TEST(CivilDate, rejectsImpossibleDatesAsInvalid) {
    EXPECT_FALSE(date(2023, 2, 29).isValid());
    EXPECT_TRUE(date(2024, 2, 29).isValid());
    EXPECT_FALSE(date(2024, 13, 1).isValid());
    EXPECT_FALSE(date(2024, 0, 1).isValid());
    EXPECT_FALSE(date(2024, 4, 31).isValid());
    EXPECT_FALSE(date(2024, 1, 0).isValid());
}

// Walks day by day across 4,400 years: every day is the calendar successor of the one
// before, and converting back gives the same day number.
TEST(CivilDate, consecutiveDaysFollowTheCalendar) {
    const std::int64_t first = CivilDate{-200, 1, 1}.toDaysSinceEpoch();
    const std::int64_t last = CivilDate{4200, 1, 1}.toDaysSinceEpoch();
    CivilDate previous = CivilDate::fromDaysSinceEpoch(first);
    ASSERT_EQ(previous, date(-200, 1, 1));
    for (std::int64_t d = first + 1; d <= last; ++d) {
        const CivilDate current = CivilDate::fromDaysSinceEpoch(d);
        ASSERT_TRUE(current.isValid()) << d;
        CivilDate expected = previous;
        if (++expected.day > CivilDate::daysInMonth(expected.year, expected.month)) {
            expected.day = 1;
            if (++expected.month > 12) {
                expected.month = 1;
                ++expected.year;
            }
        }
        ASSERT_EQ(current, expected) << "day " << d;
        ASSERT_EQ(current.toDaysSinceEpoch(), d);
        previous = current;
    }
    EXPECT_EQ(previous, date(4200, 1, 1));
    // 4,400 Gregorian years are exactly 11 cycles of 146,097 days.
    EXPECT_EQ(last - first, 11 * 146097);
}
