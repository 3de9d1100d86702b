// SPDX-License-Identifier: MIT
#pragma once

#include "core/domain/Timestamp.hpp"

#include <QString>

#include <cstddef>

namespace cw::ui {

/// The coarsest calendar boundary crossed between a bar and the one before it, in the
/// axis' time zone; coarser boundaries win when labels compete for room.
enum class TimeBoundary {
    Invalid = 0,
    Second,
    Minute,
    Hour,
    Day,
    Month,
    Year,
};

/// One label of the time axis: which bar it sits on and what it says ("2024", "Mar", "12",
/// "14:30", "14:30:15").
struct TimeAxisLabel {
    std::size_t barIndex = 0;
    double x = 0.0; ///< plot x of the bar centre
    TimeBoundary boundary = TimeBoundary::Invalid;
    QString text;
};

} // namespace cw::ui
