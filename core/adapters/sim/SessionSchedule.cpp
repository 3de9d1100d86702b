// SPDX-License-Identifier: MIT
#include "core/adapters/sim/SessionSchedule.hpp"

#include "core/common/Assert.hpp"

namespace cw::adapters::sim {

namespace {

constexpr int kSunday = 0;
constexpr int kFriday = 5;
constexpr int kSaturday = 6;
constexpr int kMinutesPerDay = 24 * 60;
constexpr int kUsOpenMinute = 14 * 60 + 30;
constexpr int kUsCloseMinute = 21 * 60;

struct CivilMinute {
    int dayOfWeek = 0; ///< 0 = Sunday
    int minuteOfDay = 0;
};

CivilMinute civilMinute(TimestampNs time) {
    TimestampNs days = time / kNsPerDay;
    TimestampNs rest = time % kNsPerDay;
    if (rest < 0) {
        rest += kNsPerDay;
        --days;
    }
    // 1970-01-01 was a Thursday (4 with Sunday = 0).
    const int dayOfWeek = static_cast<int>(((days + 4) % 7 + 7) % 7);
    return {dayOfWeek, static_cast<int>(rest / kNsPerMinute)};
}

double usSessionShape(int minuteOfDay) {
    const double x =
        static_cast<double>(minuteOfDay - kUsOpenMinute) / (kUsCloseMinute - kUsOpenMinute);
    const double u = 2.0 * x - 1.0;
    return 0.4 + 1.8 * u * u; // busy at the open and the close, quiet at lunch
}

} // namespace

std::string_view sessionKindName(SessionKind kind) {
    switch (kind) {
    case SessionKind::AlwaysOpen:
        return "AlwaysOpen";
    case SessionKind::Forex:
        return "Forex";
    case SessionKind::UsEquity:
        return "UsEquity";
    case SessionKind::CmeGlobex:
        return "CmeGlobex";
    case SessionKind::Invalid:
        break;
    }
    return "Invalid";
}

SessionSchedule::SessionSchedule(SessionKind kind) : m_kind(kind) {
    CW_ASSERT(kind != SessionKind::Invalid);
    // Normalise the raw profile to a mean of 1 over the open minutes of one week.
    double sum = 0.0;
    int open = 0;
    for (int minute = 0; minute < 7 * kMinutesPerDay; ++minute) {
        const TimestampNs time = minute * kNsPerMinute;
        if (isOpen(time)) {
            sum += rawActivity(time);
            ++open;
        }
    }
    m_normalisation = open > 0 ? sum / open : 1.0;
}

bool SessionSchedule::isOpen(TimestampNs time) const {
    const CivilMinute c = civilMinute(time);
    switch (m_kind) {
    case SessionKind::AlwaysOpen:
        return true;
    case SessionKind::Forex:
        if (c.dayOfWeek == kSaturday)
            return false;
        if (c.dayOfWeek == kFriday)
            return c.minuteOfDay < 22 * 60;
        if (c.dayOfWeek == kSunday)
            return c.minuteOfDay >= 22 * 60;
        return true;
    case SessionKind::UsEquity:
        return c.dayOfWeek != kSaturday && c.dayOfWeek != kSunday &&
               c.minuteOfDay >= kUsOpenMinute && c.minuteOfDay < kUsCloseMinute;
    case SessionKind::CmeGlobex:
        if (c.dayOfWeek == kSaturday)
            return false;
        if (c.dayOfWeek == kSunday)
            return c.minuteOfDay >= 23 * 60;
        if (c.dayOfWeek == kFriday)
            return c.minuteOfDay < 22 * 60;
        return c.minuteOfDay < 22 * 60 || c.minuteOfDay >= 23 * 60; // daily maintenance break
    case SessionKind::Invalid:
        break;
    }
    return false;
}

double SessionSchedule::activity(TimestampNs time) const {
    if (!isOpen(time))
        return 0.0;
    return rawActivity(time) / m_normalisation;
}

double SessionSchedule::rawActivity(TimestampNs time) const {
    const CivilMinute c = civilMinute(time);
    const int hour = c.minuteOfDay / 60;
    switch (m_kind) {
    case SessionKind::AlwaysOpen: {
        // A hump in the US afternoon, quieter weekends.
        const double hump = (hour >= 13 && hour < 21) ? 1.4 : (hour >= 7 && hour < 13 ? 1.0 : 0.7);
        const bool weekend = c.dayOfWeek == kSaturday || c.dayOfWeek == kSunday;
        return weekend ? 0.7 * hump : hump;
    }
    case SessionKind::Forex:
        if (hour >= 22)
            return 0.3; // the roll-over hour, thin
        if (hour < 7)
            return 0.6; // Asia
        if (hour < 12)
            return 1.2; // London
        if (hour < 16)
            return 1.6; // London/New York overlap
        if (hour < 21)
            return 0.9; // New York afternoon
        return 0.4;
    case SessionKind::UsEquity:
        return usSessionShape(c.minuteOfDay);
    case SessionKind::CmeGlobex:
        if (c.minuteOfDay >= kUsOpenMinute && c.minuteOfDay < kUsCloseMinute)
            return 0.6 + 1.6 * usSessionShape(c.minuteOfDay);
        return 0.35;
    case SessionKind::Invalid:
        break;
    }
    return 0.0;
}

TimestampNs SessionSchedule::tradingDayEnd(TimestampNs time) const {
    int endMinute = 0; // minute of the day at which the trading day ends
    switch (m_kind) {
    case SessionKind::UsEquity:
        endMinute = kUsCloseMinute;
        break;
    case SessionKind::Forex:
    case SessionKind::CmeGlobex:
        endMinute = 22 * 60;
        break;
    case SessionKind::AlwaysOpen:
    case SessionKind::Invalid:
        break;
    }
    TimestampNs dayStart = time - ((time % kNsPerDay) + kNsPerDay) % kNsPerDay;
    TimestampNs end = dayStart + endMinute * kNsPerMinute;
    while (end <= time)
        end += kNsPerDay;
    return end;
}

int SessionSchedule::minutesPerTradingDay() const {
    switch (m_kind) {
    case SessionKind::UsEquity:
        return kUsCloseMinute - kUsOpenMinute;
    case SessionKind::CmeGlobex:
        return kMinutesPerDay - 60;
    case SessionKind::AlwaysOpen:
    case SessionKind::Forex:
    case SessionKind::Invalid:
        break;
    }
    return kMinutesPerDay;
}

} // namespace cw::adapters::sim
