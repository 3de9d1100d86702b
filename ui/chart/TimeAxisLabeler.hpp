// SPDX-License-Identifier: MIT
#pragma once

#include "core/domain/Timestamp.hpp"
#include "ui/chart/TimeAxisLabel.hpp"
#include "ui/chart/TimeScale.hpp"

#include <QDateTime>
#include <QTimeZone>

#include <span>
#include <vector>

namespace cw::ui {

/// Chooses the time-axis labels for the visible bars, adapting to the zoom.
///
/// From the visible time per pixel it picks a calendar step (1 s ... 30 min, 1 ... 12 h,
/// days, months, years) whose labels are at least `minGapPx` apart, walks the step's
/// boundaries in the time zone, puts each on the first bar at or after it (skipping gaps such
/// as weekends in one jump) and labels it at the coarsest boundary crossed since the previous
/// bar: the year at a year start, "Mar" at a month start, the day of the month at a day start,
/// "HH:mm" within a day ("HH:mm:ss" at second steps). Labels that would overlap are dropped,
/// coarser ones kept first. Work is proportional to the number of labels, not of bars.
/// Thread: GUI (QTimeZone); not thread-safe.
class TimeAxisLabeler {
public:
    explicit TimeAxisLabeler(QTimeZone zone = QTimeZone::systemTimeZone());

    void setTimeZone(const QTimeZone& zone) { m_zone = zone; }
    const QTimeZone& timeZone() const { return m_zone; }

    /// Labels for the bars visible in `scale`; `times` are the bar open times (increasing).
    /// The result stays valid until the next call. Empty input: no labels.
    std::span<const TimeAxisLabel> compute(std::span<const TimestampNs> times,
                                           const TimeScale& scale, double minGapPx);

    /// "2024-03-12 14:35" (seconds added when not zero), for the crosshair.
    QString formatFull(TimestampNs time) const;

    QDateTime toLocal(TimestampNs time) const;

private:
    enum class StepUnit { Invalid = 0, Second, Day, Month, Year };
    struct Step {
        StepUnit unit = StepUnit::Invalid;
        int count = 0; ///< seconds for StepUnit::Second
        double approxSeconds = 0.0;
    };

    static Step chooseStep(double minSeconds);
    QDateTime nextBoundary(const QDateTime& after, const Step& step) const;
    TimeBoundary boundaryBefore(std::span<const TimestampNs> times, std::size_t bar) const;
    static QString labelText(const QDateTime& local, TimeBoundary boundary, bool seconds);

    QTimeZone m_zone;
    std::vector<TimeAxisLabel> m_candidates;
    std::vector<TimeAxisLabel> m_labels;
};

} // namespace cw::ui
