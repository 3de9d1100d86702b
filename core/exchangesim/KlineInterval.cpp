// SPDX-License-Identifier: MIT
#include "core/exchangesim/KlineInterval.hpp"

#include "core/domain/CivilDate.hpp"

#include <array>
#include <utility>

namespace cw::exchangesim {

namespace {

constexpr std::int64_t kMinuteMs = 60'000;
constexpr std::int64_t kDayMs = 24 * 60 * kMinuteMs;
/// 1970-01-05, the first Monday after the epoch.
constexpr std::int64_t kFirstMondayMs = 4 * kDayMs;

std::int64_t floorDiv(std::int64_t a, std::int64_t b) {
    std::int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0)))
        --q;
    return q;
}

} // namespace

std::optional<KlineInterval> KlineInterval::parse(std::string_view name) {
    static constexpr std::array<std::pair<std::string_view, std::int64_t>, 13> kFixed = {{
        {"1m", kMinuteMs},
        {"3m", 3 * kMinuteMs},
        {"5m", 5 * kMinuteMs},
        {"15m", 15 * kMinuteMs},
        {"30m", 30 * kMinuteMs},
        {"1h", 60 * kMinuteMs},
        {"2h", 120 * kMinuteMs},
        {"4h", 240 * kMinuteMs},
        {"6h", 360 * kMinuteMs},
        {"8h", 480 * kMinuteMs},
        {"12h", 720 * kMinuteMs},
        {"1d", kDayMs},
        {"3d", 3 * kDayMs},
    }};
    KlineInterval interval;
    interval.m_name = std::string(name);
    for (const auto& [text, length] : kFixed)
        if (text == name) {
            interval.m_kind = Kind::Fixed;
            interval.m_lengthMs = length;
            return interval;
        }
    if (name == "1w") {
        interval.m_kind = Kind::Week;
        interval.m_lengthMs = 7 * kDayMs;
        return interval;
    }
    if (name == "1M") {
        interval.m_kind = Kind::Month;
        return interval;
    }
    return std::nullopt;
}

std::int64_t KlineInterval::bucketStart(std::int64_t timeMs) const {
    switch (m_kind) {
    case Kind::Fixed:
        return floorDiv(timeMs, m_lengthMs) * m_lengthMs;
    case Kind::Week:
        return floorDiv(timeMs - kFirstMondayMs, m_lengthMs) * m_lengthMs + kFirstMondayMs;
    case Kind::Month: {
        CivilDate date = CivilDate::fromDaysSinceEpoch(floorDiv(timeMs, kDayMs));
        date.day = 1;
        return date.toDaysSinceEpoch() * kDayMs;
    }
    case Kind::Invalid:
        break;
    }
    return timeMs;
}

std::int64_t KlineInterval::nextBucket(std::int64_t openMs) const {
    if (m_kind != Kind::Month)
        return openMs + m_lengthMs;
    CivilDate date = CivilDate::fromDaysSinceEpoch(floorDiv(openMs, kDayMs));
    date.day = 1;
    if (++date.month > 12) {
        date.month = 1;
        ++date.year;
    }
    return date.toDaysSinceEpoch() * kDayMs;
}

} // namespace cw::exchangesim
