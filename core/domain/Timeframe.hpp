// SPDX-License-Identifier: MIT
#pragma once

#include "core/common/Result.hpp"
#include "core/domain/Timestamp.hpp"

#include <span>
#include <string>
#include <string_view>

namespace cw {

/// The unit of a Timeframe.
enum class TimeUnit { Invalid = 0, Second, Minute, Hour, Day, Week, Month };

/// A bar length: a unit and a count ("1m", "4h", "1D", "1W", "1M"), and the UTC bucket
/// boundaries that go with it:
/// - seconds, minutes, hours and days: fixed lengths aligned to the Unix epoch, so days start
///   at 00:00 UTC and "4h" buckets at 00:00, 04:00, ... UTC;
/// - weeks: start Monday 00:00 UTC (the Binance convention); "2W" counts weeks from
///   Monday 1969-12-29;
/// - months: start on the first of the month 00:00 UTC (calendar arithmetic); "3M" buckets
///   start in January, April, July and October.
/// Timestamps before 1970 work the same way (floor, not truncation). Bucket arithmetic is
/// defined for timestamps whose bucket start and end fit TimestampNs (about 1678..2261).
///
/// Thread: a plain value; all functions are pure.
class Timeframe {
public:
    /// Largest count accepted by `make` and `parse`.
    static constexpr int kMaxCount = 100'000;

    /// An invalid timeframe (unit Invalid); only good for assigning over.
    constexpr Timeframe() = default;

    /// Precondition (CW_ASSERT): 1 <= count <= kMaxCount.
    static Timeframe seconds(int count) { return checked(TimeUnit::Second, count); }
    static Timeframe minutes(int count) { return checked(TimeUnit::Minute, count); }
    static Timeframe hours(int count) { return checked(TimeUnit::Hour, count); }
    static Timeframe days(int count) { return checked(TimeUnit::Day, count); }
    static Timeframe weeks(int count) { return checked(TimeUnit::Week, count); }
    static Timeframe months(int count) { return checked(TimeUnit::Month, count); }

    /// Unit Invalid or a count outside 1..kMaxCount: InvalidArgument.
    static Result<Timeframe> make(TimeUnit unit, int count);

    /// "<count><unit>" with count 1..kMaxCount (no sign, no leading zero) and unit one of
    /// s (second), m (minute), h (hour), D or d (day), W or w (week), M (month). Note that
    /// "1m" is a minute and "1M" a month. Anything else: ParseError.
    static Result<Timeframe> parse(std::string_view text);

    /// The canonical form: "1s", "5m", "4h", "1D", "1W", "1M".
    std::string toString() const;

    /// The 17 timeframes offered everywhere: 1s 5s 15s 30s 1m 3m 5m 15m 30m 1h 2h 4h 6h 12h
    /// 1D 1W 1M, shortest first.
    static std::span<const Timeframe> standard();

    constexpr TimeUnit unit() const { return m_unit; }
    constexpr int count() const { return m_count; }
    constexpr bool isValid() const { return m_unit != TimeUnit::Invalid; }
    /// Every unit but Month has a fixed length.
    constexpr bool isFixedLength() const { return isValid() && m_unit != TimeUnit::Month; }
    /// The length of every bucket. Precondition (CW_ASSERT): isFixedLength().
    TimestampNs durationNs() const;

    /// The start of the bucket that contains `time` (start <= time < nextBucketStart(time)).
    /// Precondition (CW_ASSERT): isValid().
    TimestampNs bucketStart(TimestampNs time) const;
    /// The start of the bucket after the one that contains `time`.
    TimestampNs nextBucketStart(TimestampNs time) const;

    /// True when every bucket of this timeframe lies inside one bucket of `coarser`, so
    /// bars of this timeframe can be resampled into `coarser` ("1m" into "5m", "1h", "1D",
    /// "1W", "1M"; "1D" into "1W" and "1M"; but not "1W" into "1M" nor "2D" into "1W").
    bool nestsWithin(const Timeframe& coarser) const;

    friend constexpr bool operator==(const Timeframe&, const Timeframe&) = default;

private:
    constexpr Timeframe(TimeUnit unit, int count) : m_unit(unit), m_count(count) {}
    static Timeframe checked(TimeUnit unit, int count);

    TimeUnit m_unit = TimeUnit::Invalid;
    int m_count = 0;
};

} // namespace cw
