// SPDX-License-Identifier: MIT
#include "core/marketdata/CsvValue.hpp"

#include <charconv>
#include <chrono>
#include <string>

namespace cw::marketdata {

namespace {

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

// Reads exactly `count` digits at `pos`; advances `pos`. False when there are fewer.
bool readDigits(std::string_view text, std::size_t& pos, int count, int& out) {
    out = 0;
    for (int i = 0; i < count; ++i, ++pos) {
        if (pos >= text.size() || !isDigit(text[pos]))
            return false;
        out = out * 10 + (text[pos] - '0');
    }
    return true;
}

bool expect(std::string_view text, std::size_t& pos, char c) {
    if (pos < text.size() && text[pos] == c) {
        ++pos;
        return true;
    }
    return false;
}

Error badTime(std::string_view text, std::string_view why) {
    return fail(ErrorCode::ParseError,
                "'" + std::string(text) + "' is not a valid time (" + std::string(why) + ")");
}

} // namespace

Result<double> parseCsvNumber(std::string_view text) {
    if (text.empty())
        return fail(ErrorCode::ParseError, "empty value");
    std::string_view digits = text;
    if (digits.front() == '+')
        digits.remove_prefix(1);
    double value = 0.0;
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (ec == std::errc::result_out_of_range)
        return fail(ErrorCode::OutOfRange, "'" + std::string(text) + "' is out of range");
    if (ec != std::errc() || end != digits.data() + digits.size() || digits.empty() ||
        digits.front() == '+' || (digits.front() == '-' && text.front() == '+'))
        return fail(ErrorCode::ParseError, "'" + std::string(text) + "' is not a number");
    return value;
}

Result<TimestampNs> parseCsvTime(std::string_view text) {
    if (text.empty())
        return fail(ErrorCode::ParseError, "empty time");
    bool allDigits = true;
    for (char c : text)
        allDigits = allDigits && isDigit(c);
    if (allDigits) {
        if (text.size() > 15) // beyond year 33000: certainly not milliseconds
            return badTime(text, "epoch milliseconds out of range");
        std::int64_t ms = 0;
        std::from_chars(text.data(), text.data() + text.size(), ms);
        return ms * kNsPerMillisecond;
    }

    std::size_t pos = 0;
    int year = 0;
    int month = 0;
    int day = 0;
    if (!readDigits(text, pos, 4, year) || !expect(text, pos, '-') ||
        !readDigits(text, pos, 2, month) || !expect(text, pos, '-') ||
        !readDigits(text, pos, 2, day))
        return badTime(text, "expected YYYY-MM-DD or epoch milliseconds");
    const std::chrono::year_month_day date{std::chrono::year(year),
                                           std::chrono::month(static_cast<unsigned>(month)),
                                           std::chrono::day(static_cast<unsigned>(day))};
    if (!date.ok())
        return badTime(text, "no such date");
    TimestampNs ns =
        static_cast<TimestampNs>(std::chrono::sys_days(date).time_since_epoch().count()) *
        kNsPerDay;
    if (pos == text.size())
        return ns;

    if (text[pos] != 'T' && text[pos] != 't' && text[pos] != ' ')
        return badTime(text, "expected 'T' or a space after the date");
    ++pos;
    int hour = 0;
    int minute = 0;
    int second = 0;
    if (!readDigits(text, pos, 2, hour) || !expect(text, pos, ':') ||
        !readDigits(text, pos, 2, minute))
        return badTime(text, "expected HH:MM after the date");
    if (expect(text, pos, ':') && !readDigits(text, pos, 2, second))
        return badTime(text, "expected two digits of seconds");
    if (hour > 23 || minute > 59 || second > 59)
        return badTime(text, "hour, minute or second out of range");
    ns += hour * kNsPerHour + minute * kNsPerMinute + second * kNsPerSecond;
    if (expect(text, pos, '.')) {
        TimestampNs fraction = 0;
        int digitCount = 0;
        while (pos < text.size() && isDigit(text[pos])) {
            if (++digitCount > 9)
                return badTime(text, "more than 9 fraction digits");
            fraction = fraction * 10 + (text[pos++] - '0');
        }
        if (digitCount == 0)
            return badTime(text, "expected digits after '.'");
        for (int i = digitCount; i < 9; ++i)
            fraction *= 10;
        ns += fraction;
    }
    if (pos == text.size())
        return ns;
    if ((text[pos] == 'Z' || text[pos] == 'z') && pos + 1 == text.size())
        return ns;
    if (text[pos] == '+' || text[pos] == '-') {
        const int sign = text[pos] == '+' ? 1 : -1;
        ++pos;
        int offsetHours = 0;
        int offsetMinutes = 0;
        if (!readDigits(text, pos, 2, offsetHours))
            return badTime(text, "expected a UTC offset like +02:00");
        if (pos < text.size()) {
            expect(text, pos, ':');
            if (!readDigits(text, pos, 2, offsetMinutes) || pos != text.size())
                return badTime(text, "expected a UTC offset like +02:00");
        }
        if (offsetHours > 23 || offsetMinutes > 59)
            return badTime(text, "UTC offset out of range");
        // Local time = UTC + offset, so UTC = local - offset.
        return ns - sign * (offsetHours * kNsPerHour + offsetMinutes * kNsPerMinute);
    }
    return badTime(text, "unexpected text after the time");
}

} // namespace cw::marketdata
