// SPDX-License-Identifier: MIT
#include "core/domain/Timeframe.hpp"

#include "core/common/Assert.hpp"
#include "core/domain/CivilDate.hpp"

#include <array>

namespace cw {

namespace {

__extension__ typedef __int128 Int128;

// Weeks start on Monday; 1969-12-29 is the Monday before the epoch (a Thursday).
constexpr TimestampNs kWeekOriginNs = -3 * kNsPerDay;
constexpr TimestampNs kNsPerWeek = 7 * kNsPerDay;

constexpr Int128 floorDiv(Int128 a, Int128 b) {
    const Int128 q = a / b;
    return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

TimestampNs unitNs(TimeUnit unit) {
    switch (unit) {
    case TimeUnit::Second:
        return kNsPerSecond;
    case TimeUnit::Minute:
        return kNsPerMinute;
    case TimeUnit::Hour:
        return kNsPerHour;
    case TimeUnit::Day:
        return kNsPerDay;
    case TimeUnit::Week:
        return kNsPerWeek;
    case TimeUnit::Month:
    case TimeUnit::Invalid:
        break;
    }
    CW_ASSERT(false && "not a fixed-length unit");
    return 0;
}

TimestampNs originNs(TimeUnit unit) {
    return unit == TimeUnit::Week ? kWeekOriginNs : 0;
}

// Months since January 1970 <-> the first of that month at 00:00 UTC.
TimestampNs monthIndexToNs(Int128 monthIndex) {
    CivilDate first;
    first.year = static_cast<int>(1970 + floorDiv(monthIndex, 12));
    first.month = static_cast<int>(monthIndex - floorDiv(monthIndex, 12) * 12) + 1;
    first.day = 1;
    return static_cast<TimestampNs>(static_cast<Int128>(first.toDaysSinceEpoch()) * kNsPerDay);
}

Int128 alignedMonthIndex(TimestampNs time, int count) {
    const auto days = static_cast<std::int64_t>(floorDiv(time, kNsPerDay));
    const CivilDate date = CivilDate::fromDaysSinceEpoch(days);
    const Int128 monthIndex = static_cast<Int128>(date.year - 1970) * 12 + (date.month - 1);
    return floorDiv(monthIndex, count) * count;
}

char unitSuffix(TimeUnit unit) {
    switch (unit) {
    case TimeUnit::Second:
        return 's';
    case TimeUnit::Minute:
        return 'm';
    case TimeUnit::Hour:
        return 'h';
    case TimeUnit::Day:
        return 'D';
    case TimeUnit::Week:
        return 'W';
    case TimeUnit::Month:
        return 'M';
    case TimeUnit::Invalid:
        break;
    }
    return '?';
}

} // namespace

Timeframe Timeframe::checked(TimeUnit unit, int count) {
    CW_ASSERT(count >= 1 && count <= kMaxCount);
    return Timeframe(unit, count);
}

Result<Timeframe> Timeframe::make(TimeUnit unit, int count) {
    if (unit < TimeUnit::Second || unit > TimeUnit::Month)
        return fail(ErrorCode::InvalidArgument, "no time unit given");
    if (count < 1 || count > kMaxCount)
        return fail(ErrorCode::InvalidArgument,
                    "timeframe count " + std::to_string(count) + " outside 1..100000");
    return Timeframe(unit, count);
}

Result<Timeframe> Timeframe::parse(std::string_view text) {
    auto bad = [&] {
        return fail(ErrorCode::ParseError, "not a timeframe: '" + std::string(text) +
                                               "' (expected e.g. 1m, 4h, 1D, 1W, 1M)");
    };
    if (text.size() < 2 || text.size() > 7 || text.front() < '1' || text.front() > '9')
        return bad();
    int count = 0;
    for (char c : text.substr(0, text.size() - 1)) {
        if (c < '0' || c > '9')
            return bad();
        count = count * 10 + (c - '0');
    }
    TimeUnit unit = TimeUnit::Invalid;
    switch (text.back()) {
    case 's':
        unit = TimeUnit::Second;
        break;
    case 'm':
        unit = TimeUnit::Minute;
        break;
    case 'h':
        unit = TimeUnit::Hour;
        break;
    case 'd':
    case 'D':
        unit = TimeUnit::Day;
        break;
    case 'w':
    case 'W':
        unit = TimeUnit::Week;
        break;
    case 'M':
        unit = TimeUnit::Month;
        break;
    default:
        return bad();
    }
    if (count > kMaxCount)
        return bad();
    return Timeframe(unit, count);
}

std::string Timeframe::toString() const {
    if (!isValid())
        return "invalid";
    return std::to_string(m_count) + unitSuffix(m_unit);
}

std::span<const Timeframe> Timeframe::standard() {
    static const std::array<Timeframe, 17> kStandard = {
        seconds(1), seconds(5),  seconds(15), seconds(30), minutes(1), minutes(3),
        minutes(5), minutes(15), minutes(30), hours(1),    hours(2),   hours(4),
        hours(6),   hours(12),   days(1),     weeks(1),    months(1)};
    return kStandard;
}

TimestampNs Timeframe::durationNs() const {
    CW_ASSERT(isFixedLength());
    return unitNs(m_unit) * m_count;
}

TimestampNs Timeframe::bucketStart(TimestampNs time) const {
    CW_ASSERT(isValid());
    if (m_unit == TimeUnit::Month)
        return monthIndexToNs(alignedMonthIndex(time, m_count));
    const Int128 width = static_cast<Int128>(unitNs(m_unit)) * m_count;
    const Int128 origin = originNs(m_unit);
    return static_cast<TimestampNs>(origin + floorDiv(time - origin, width) * width);
}

TimestampNs Timeframe::nextBucketStart(TimestampNs time) const {
    CW_ASSERT(isValid());
    if (m_unit == TimeUnit::Month)
        return monthIndexToNs(alignedMonthIndex(time, m_count) + m_count);
    return static_cast<TimestampNs>(static_cast<Int128>(bucketStart(time)) +
                                    static_cast<Int128>(unitNs(m_unit)) * m_count);
}

bool Timeframe::nestsWithin(const Timeframe& coarser) const {
    if (!isValid() || !coarser.isValid())
        return false;
    if (coarser.m_unit == TimeUnit::Month) {
        if (m_unit == TimeUnit::Month)
            return coarser.m_count % m_count == 0;
        // Month boundaries are midnights, so the finer buckets must tile each day.
        return m_unit != TimeUnit::Week && kNsPerDay % durationNs() == 0;
    }
    if (m_unit == TimeUnit::Month)
        return false;
    const TimestampNs fine = durationNs();
    const TimestampNs coarse = coarser.durationNs();
    // Same length grid, and the coarse origin falls on a fine boundary.
    return coarse % fine == 0 && (originNs(coarser.m_unit) - originNs(m_unit)) % fine == 0;
}

} // namespace cw
