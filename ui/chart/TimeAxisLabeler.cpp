// SPDX-License-Identifier: MIT
#include "ui/chart/TimeAxisLabeler.hpp"

#include <QLocale>

#include <algorithm>
#include <array>
#include <cmath>

namespace cw::ui {

namespace {

constexpr qint64 kMsPerDay = 24LL * 3600 * 1000;
constexpr double kSecondsPerDay = 86400.0;
/// Hard stop for pathological input (for example unsorted times).
constexpr int kMaxBoundaries = 4000;

qint64 toMs(TimestampNs t) {
    // Floor division, so times before 1970 round towards the past like the others.
    qint64 ms = t / kNsPerMillisecond;
    if (t % kNsPerMillisecond < 0)
        --ms;
    return ms;
}

TimestampNs toNs(const QDateTime& dt) {
    return dt.toMSecsSinceEpoch() * kNsPerMillisecond;
}

} // namespace

TimeAxisLabeler::TimeAxisLabeler(QTimeZone zone) : m_zone(std::move(zone)) {
    if (!m_zone.isValid())
        m_zone = QTimeZone::utc();
}

QDateTime TimeAxisLabeler::toLocal(TimestampNs time) const {
    return QDateTime::fromMSecsSinceEpoch(toMs(time), m_zone);
}

QString TimeAxisLabeler::formatFull(TimestampNs time) const {
    const QDateTime local = toLocal(time);
    const bool seconds = local.time().second() != 0;
    return QLocale::c().toString(local, seconds ? QStringLiteral("yyyy-MM-dd HH:mm:ss")
                                                : QStringLiteral("yyyy-MM-dd HH:mm"));
}

TimeAxisLabeler::Step TimeAxisLabeler::chooseStep(double minSeconds) {
    static constexpr std::array kSteps = {
        Step{StepUnit::Second, 1, 1},
        Step{StepUnit::Second, 2, 2},
        Step{StepUnit::Second, 5, 5},
        Step{StepUnit::Second, 10, 10},
        Step{StepUnit::Second, 15, 15},
        Step{StepUnit::Second, 30, 30},
        Step{StepUnit::Second, 60, 60},
        Step{StepUnit::Second, 120, 120},
        Step{StepUnit::Second, 300, 300},
        Step{StepUnit::Second, 600, 600},
        Step{StepUnit::Second, 900, 900},
        Step{StepUnit::Second, 1800, 1800},
        Step{StepUnit::Second, 3600, 3600},
        Step{StepUnit::Second, 7200, 7200},
        Step{StepUnit::Second, 10800, 10800},
        Step{StepUnit::Second, 14400, 14400},
        Step{StepUnit::Second, 21600, 21600},
        Step{StepUnit::Second, 43200, 43200},
        Step{StepUnit::Day, 1, kSecondsPerDay},
        Step{StepUnit::Day, 2, 2 * kSecondsPerDay},
        Step{StepUnit::Day, 7, 7 * kSecondsPerDay},
        Step{StepUnit::Day, 14, 14 * kSecondsPerDay},
        Step{StepUnit::Month, 1, 30.44 * kSecondsPerDay},
        Step{StepUnit::Month, 2, 60.88 * kSecondsPerDay},
        Step{StepUnit::Month, 3, 91.31 * kSecondsPerDay},
        Step{StepUnit::Month, 6, 182.6 * kSecondsPerDay},
        Step{StepUnit::Year, 1, 365.25 * kSecondsPerDay},
        Step{StepUnit::Year, 2, 730.5 * kSecondsPerDay},
        Step{StepUnit::Year, 5, 1826.0 * kSecondsPerDay},
        Step{StepUnit::Year, 10, 3652.0 * kSecondsPerDay},
        Step{StepUnit::Year, 25, 9131.0 * kSecondsPerDay},
        Step{StepUnit::Year, 50, 18262.0 * kSecondsPerDay},
        Step{StepUnit::Year, 100, 36524.0 * kSecondsPerDay},
    };
    for (const Step& s : kSteps) {
        if (s.approxSeconds >= minSeconds)
            return s;
    }
    return kSteps.back();
}

QDateTime TimeAxisLabeler::nextBoundary(const QDateTime& after, const Step& step) const {
    const QDate date = after.date();
    switch (step.unit) {
    case StepUnit::Second: {
        const qint64 stepMs = static_cast<qint64>(step.count) * 1000;
        const qint64 msOfDay = after.time().msecsSinceStartOfDay();
        const qint64 next = (msOfDay / stepMs + 1) * stepMs;
        QDateTime dt =
            next >= kMsPerDay
                ? date.addDays(1).startOfDay(m_zone)
                : QDateTime(date, QTime::fromMSecsSinceStartOfDay(static_cast<int>(next)), m_zone);
        // Around a daylight-saving change the wall clock may repeat; always move forwards.
        if (dt <= after)
            dt = after.addMSecs(stepMs - after.toMSecsSinceEpoch() % stepMs);
        return dt;
    }
    case StepUnit::Day: {
        QDate d = date.addDays(1);
        for (int guard = 0; guard < 40; ++guard, d = d.addDays(1)) {
            const int day = d.day();
            if (day == 1 ||
                ((day - 1) % step.count == 0 && day + step.count - 1 <= d.daysInMonth()))
                return d.startOfDay(m_zone);
        }
        return d.startOfDay(m_zone);
    }
    case StepUnit::Month: {
        int monthIndex = date.year() * 12 + (date.month() - 1) + 1;
        while (monthIndex % step.count != 0)
            ++monthIndex;
        return QDate(monthIndex / 12, monthIndex % 12 + 1, 1).startOfDay(m_zone);
    }
    case StepUnit::Year:
    case StepUnit::Invalid:
        break;
    }
    const int count = std::max(1, step.count);
    int year = date.year() + 1;
    while (year % count != 0)
        ++year;
    return QDate(year, 1, 1).startOfDay(m_zone);
}

TimeBoundary TimeAxisLabeler::boundaryBefore(std::span<const TimestampNs> times,
                                             std::size_t bar) const {
    const QDateTime cur = toLocal(times[bar]);
    const QDate d = cur.date();
    const QTime t = cur.time();
    if (bar == 0) {
        // No previous bar: judge by the bar's own alignment.
        if (t.msecsSinceStartOfDay() == 0)
            return d.day() == 1 ? (d.month() == 1 ? TimeBoundary::Year : TimeBoundary::Month)
                                : TimeBoundary::Day;
        if (t.minute() == 0 && t.second() == 0)
            return TimeBoundary::Hour;
        return t.second() == 0 ? TimeBoundary::Minute : TimeBoundary::Second;
    }
    const QDateTime prev = toLocal(times[bar - 1]);
    const QDate pd = prev.date();
    const QTime pt = prev.time();
    if (pd.year() != d.year())
        return TimeBoundary::Year;
    if (pd.month() != d.month())
        return TimeBoundary::Month;
    if (pd != d)
        return TimeBoundary::Day;
    if (pt.hour() != t.hour())
        return TimeBoundary::Hour;
    if (pt.minute() != t.minute())
        return TimeBoundary::Minute;
    return TimeBoundary::Second;
}

QString TimeAxisLabeler::labelText(const QDateTime& local, TimeBoundary boundary, bool seconds) {
    const QLocale c = QLocale::c();
    switch (boundary) {
    case TimeBoundary::Year:
        return QString::number(local.date().year());
    case TimeBoundary::Month:
        return c.monthName(local.date().month(), QLocale::ShortFormat);
    case TimeBoundary::Day:
        return QString::number(local.date().day());
    case TimeBoundary::Hour:
    case TimeBoundary::Minute:
    case TimeBoundary::Second:
    case TimeBoundary::Invalid:
        break;
    }
    return c.toString(local.time(), seconds ? QStringLiteral("HH:mm:ss") : QStringLiteral("HH:mm"));
}

std::span<const TimeAxisLabel> TimeAxisLabeler::compute(std::span<const TimestampNs> times,
                                                        const TimeScale& scale, double minGapPx) {
    m_candidates.clear();
    m_labels.clear();
    const std::size_t first = scale.firstVisible();
    const std::size_t end = std::min(scale.endVisible(), times.size());
    if (first >= end)
        return {};
    minGapPx = std::max(1.0, minGapPx);

    // Time per pixel from the visible bars (gaps included), or the neighbours of a lone bar.
    double secondsPerBar = 60.0;
    if (end - first >= 2) {
        secondsPerBar = static_cast<double>(times[end - 1] - times[first]) /
                        static_cast<double>(kNsPerSecond) / static_cast<double>(end - 1 - first);
    } else if (times.size() >= 2) {
        const std::size_t i = first > 0 ? first : 1;
        secondsPerBar =
            static_cast<double>(times[i] - times[i - 1]) / static_cast<double>(kNsPerSecond);
    }
    secondsPerBar = std::max(secondsPerBar, 1e-3);
    const Step step = chooseStep(minGapPx * secondsPerBar / scale.barSpacing());
    const bool seconds = step.unit == StepUnit::Second && step.count < 60;

    const TimestampNs lastTime = times[end - 1];
    const auto visible = times.subspan(first, end - first);
    QDateTime boundary = nextBoundary(toLocal(times[first] - 1), step);
    for (int guard = 0; guard < kMaxBoundaries; ++guard) {
        const TimestampNs bNs = toNs(boundary);
        if (bNs > lastTime)
            break;
        const auto it = std::lower_bound(visible.begin(), visible.end(), bNs);
        if (it == visible.end())
            break;
        const std::size_t bar = first + static_cast<std::size_t>(it - visible.begin());
        const TimeBoundary kind = boundaryBefore(times, bar);
        const QDateTime local = toLocal(times[bar]);
        m_candidates.push_back(
            {bar, scale.xOf(static_cast<double>(bar)), kind, labelText(local, kind, seconds)});
        // Continue after this bar: boundaries inside a gap would land on the same bar.
        boundary = nextBoundary(local > boundary ? local : boundary, step);
    }

    // Coarser boundaries first, then left to right; keep those with room around them.
    std::sort(m_candidates.begin(), m_candidates.end(),
              [](const TimeAxisLabel& a, const TimeAxisLabel& b) {
                  if (a.boundary != b.boundary)
                      return a.boundary > b.boundary;
                  return a.x < b.x;
              });
    for (TimeAxisLabel& c : m_candidates) {
        const bool crowded = std::any_of(m_labels.begin(), m_labels.end(), [&](const auto& l) {
            return std::abs(l.x - c.x) < minGapPx;
        });
        if (!crowded)
            m_labels.push_back(std::move(c));
    }
    std::sort(m_labels.begin(), m_labels.end(),
              [](const TimeAxisLabel& a, const TimeAxisLabel& b) { return a.x < b.x; });
    return m_labels;
}

} // namespace cw::ui
