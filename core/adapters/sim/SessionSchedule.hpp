// SPDX-License-Identifier: MIT
#pragma once

#include "core/domain/Timestamp.hpp"

#include <string_view>

namespace cw::adapters::sim {

/// The trading hours of a simulated instrument, all in UTC (no daylight saving, no holidays).
enum class SessionKind {
    Invalid = 0,
    AlwaysOpen, ///< crypto: 24/7
    Forex,      ///< Sunday 22:00 to Friday 22:00
    UsEquity,   ///< Monday to Friday 14:30 to 21:00 (the regular US session in summer time)
    CmeGlobex,  ///< Sunday 23:00 to Friday 22:00 with a daily break 22:00 to 23:00
};

/// "AlwaysOpen", "Forex", ...; "Invalid" otherwise.
std::string_view sessionKindName(SessionKind kind);

/// When a simulated instrument trades, and how busy it is at each minute (the intraday
/// activity profile that scales trade arrival rates and variance).
///
/// Thread: immutable after construction; safe from any thread.
class SessionSchedule {
public:
    /// Precondition (CW_ASSERT): kind != Invalid.
    explicit SessionSchedule(SessionKind kind);

    SessionKind kind() const { return m_kind; }
    /// True when the market trades at `time`.
    bool isOpen(TimestampNs time) const;
    /// The activity multiplier at `time`: 0 when closed, otherwise positive with a mean of 1
    /// over the open minutes of a week. U-shaped over the US session for equities, highest in
    /// the London/New York overlap for forex, a mild afternoon hump for crypto.
    double activity(TimestampNs time) const;
    /// Open minutes of a normal trading day: 1440 (24/7 and forex), 1380 (Globex), 390
    /// (US equity). Daily volatility is spread over these minutes.
    int minutesPerTradingDay() const;
    /// When the trading day that contains `time` ends (strictly after `time`): the session
    /// close for US equities (21:00), the daily 22:00 roll-over for forex and Globex, and
    /// 00:00 UTC for 24/7 markets. DAY orders of the paper broker expire here.
    TimestampNs tradingDayEnd(TimestampNs time) const;

private:
    double rawActivity(TimestampNs time) const;

    SessionKind m_kind;
    double m_normalisation = 1.0;
};

} // namespace cw::adapters::sim
