// SPDX-License-Identifier: MIT
#include "ui/chart/TimeAxisLabeler.hpp"

#include "core/domain/Timestamp.hpp"
#include "ui/chart/TimeScale.hpp"

#include <QDate>
#include <QDateTime>
#include <QTimeZone>

#include <gtest/gtest.h>
#include <vector>

using cw::TimestampNs;
using cw::ui::TimeAxisLabel;
using cw::ui::TimeAxisLabeler;
using cw::ui::TimeBoundary;
using cw::ui::TimeScale;

namespace {

constexpr double kGap = 80.0;

TimestampNs utc(int y, int m, int d, int hh = 0, int mm = 0) {
    const QDateTime dt(QDate(y, m, d), QTime(hh, mm), QTimeZone::utc());
    return dt.toMSecsSinceEpoch() * cw::kNsPerMillisecond;
}

QDateTime toUtc(TimestampNs t) {
    return QDateTime::fromMSecsSinceEpoch(t / cw::kNsPerMillisecond, QTimeZone::utc());
}

std::vector<TimestampNs> regular(TimestampNs start, TimestampNs step, std::size_t n) {
    std::vector<TimestampNs> t(n);
    for (std::size_t i = 0; i < n; ++i)
        t[i] = start + static_cast<TimestampNs>(i) * step;
    return t;
}

TimeScale liveScale(std::size_t bars, double spacing) {
    TimeScale s;
    s.setWidth(1200.0);
    s.setBarCount(bars);
    s.setBarSpacing(spacing);
    s.scrollToLive();
    return s;
}

void expectRoomBetween(std::span<const TimeAxisLabel> labels) {
    for (std::size_t i = 1; i < labels.size(); ++i)
        EXPECT_GE(labels[i].x - labels[i - 1].x, kGap) << labels[i].text.toStdString();
}

} // namespace

TEST(TimeAxisLabeler, minuteZoomLabelsTenMinuteMarksAndHours) {
    const auto times = regular(utc(2024, 3, 12, 9, 0), cw::kNsPerMinute, 600);
    const TimeScale s = liveScale(times.size(), 10.0); // 80 px = 8 minutes -> 10 min step
    TimeAxisLabeler labeler(QTimeZone::utc());
    const auto labels = labeler.compute(times, s, kGap);
    ASSERT_GE(labels.size(), 8u);
    expectRoomBetween(labels);
    int hours = 0;
    for (const TimeAxisLabel& l : labels) {
        const QDateTime t = toUtc(times[l.barIndex]);
        EXPECT_EQ(t.time().minute() % 10, 0) << l.text.toStdString();
        EXPECT_EQ(l.text, t.toString(QStringLiteral("HH:mm")));
        EXPECT_NEAR(l.x, s.xOf(static_cast<double>(l.barIndex)), 1e-9);
        EXPECT_EQ(l.boundary, t.time().minute() == 0 ? TimeBoundary::Hour : TimeBoundary::Minute);
        hours += t.time().minute() == 0;
    }
    EXPECT_GE(hours, 1);
}

TEST(TimeAxisLabeler, hourZoomLabelsTheDayAtMidnight) {
    const auto times = regular(utc(2024, 3, 12, 0, 0), cw::kNsPerMinute, 3000);
    const TimeScale s = liveScale(times.size(), 0.5); // 80 px = 160 minutes -> 3 h step
    TimeAxisLabeler labeler(QTimeZone::utc());
    const auto labels = labeler.compute(times, s, kGap);
    ASSERT_GE(labels.size(), 5u);
    expectRoomBetween(labels);
    bool sawDay = false;
    for (const TimeAxisLabel& l : labels) {
        const QDateTime t = toUtc(times[l.barIndex]);
        EXPECT_EQ(t.time().minute(), 0);
        EXPECT_EQ(t.time().hour() % 3, 0) << l.text.toStdString();
        if (t.time().hour() == 0) {
            sawDay = true;
            EXPECT_EQ(l.boundary, TimeBoundary::Day);
            EXPECT_EQ(l.text, QString::number(t.date().day())); // "13"
        } else {
            EXPECT_EQ(l.boundary, TimeBoundary::Hour);
            EXPECT_EQ(l.text, t.toString(QStringLiteral("HH:mm")));
        }
    }
    EXPECT_TRUE(sawDay);
}

TEST(TimeAxisLabeler, dayZoomLabelsTheMonthAtItsFirstDay) {
    const auto times = regular(utc(2024, 2, 1), cw::kNsPerHour, 24 * 60); // Feb 1 .. Mar 31
    const TimeScale s = liveScale(times.size(), 1.2); // 80 px = 67 h -> 7 day step
    TimeAxisLabeler labeler(QTimeZone::utc());
    const auto labels = labeler.compute(times, s, kGap);
    ASSERT_GE(labels.size(), 4u);
    expectRoomBetween(labels);
    bool sawMarch = false;
    for (const TimeAxisLabel& l : labels) {
        const QDateTime t = toUtc(times[l.barIndex]);
        EXPECT_EQ(t.time().hour(), 0);
        if (t.date().day() == 1) {
            EXPECT_EQ(l.boundary, TimeBoundary::Month);
            sawMarch |= l.text == QStringLiteral("Mar");
        } else {
            EXPECT_EQ(l.boundary, TimeBoundary::Day);
            EXPECT_EQ(l.text, QString::number(t.date().day()));
            EXPECT_EQ((t.date().day() - 1) % 7, 0);
        }
    }
    EXPECT_TRUE(sawMarch);
}

TEST(TimeAxisLabeler, monthZoomOnTradingDaysLabelsMonthsAndTheYear) {
    // Daily bars on weekdays only: month starts often fall on a weekend.
    std::vector<TimestampNs> times;
    for (QDate d(2022, 1, 3); d < QDate(2024, 12, 31); d = d.addDays(1)) {
        if (d.dayOfWeek() <= 5)
            times.push_back(utc(d.year(), d.month(), d.day()));
    }
    const TimeScale s = liveScale(times.size(), 2.0); // 80 px = 40 bars (~8 weeks)
    TimeAxisLabeler labeler(QTimeZone::utc());
    const auto labels = labeler.compute(times, s, kGap);
    ASSERT_GE(labels.size(), 5u);
    expectRoomBetween(labels);
    bool sawYear = false;
    for (const TimeAxisLabel& l : labels) {
        ASSERT_GT(l.barIndex, 0u);
        const QDate d = toUtc(times[l.barIndex]).date();
        const QDate prev = toUtc(times[l.barIndex - 1]).date();
        EXPECT_NE(d.month(), prev.month()) << "labels sit on the first bar of a month";
        EXPECT_LE(d.day(), 3);
        if (d.year() != prev.year()) {
            sawYear = true;
            EXPECT_EQ(l.boundary, TimeBoundary::Year);
            EXPECT_EQ(l.text, QString::number(d.year()));
        } else {
            EXPECT_EQ(l.boundary, TimeBoundary::Month);
            EXPECT_EQ(l.text, QLocale::c().monthName(d.month(), QLocale::ShortFormat));
        }
    }
    EXPECT_TRUE(sawYear);
}

TEST(TimeAxisLabeler, usesTheGivenTimeZone) {
    const auto times = regular(utc(2024, 3, 12, 0, 0), cw::kNsPerMinute, 3000);
    const TimeScale s = liveScale(times.size(), 0.5);
    TimeAxisLabeler labeler(QTimeZone(5 * 3600)); // UTC+05:00
    const auto labels = labeler.compute(times, s, kGap);
    bool sawDay = false;
    for (const TimeAxisLabel& l : labels) {
        if (l.boundary == TimeBoundary::Day) {
            sawDay = true;
            EXPECT_EQ(toUtc(times[l.barIndex]).time().hour(), 19); // local midnight
        }
    }
    EXPECT_TRUE(sawDay);
    EXPECT_EQ(labeler.formatFull(utc(2024, 3, 12, 19, 0)), QStringLiteral("2024-03-13 00:00"));
}

TEST(TimeAxisLabeler, noBarsNoLabels) {
    TimeScale s;
    s.setWidth(800.0);
    TimeAxisLabeler labeler(QTimeZone::utc());
    EXPECT_TRUE(labeler.compute({}, s, kGap).empty());
    const std::vector<TimestampNs> one{utc(2024, 1, 1)};
    const TimeScale single = liveScale(1, 10.0);
    EXPECT_LE(labeler.compute(one, single, kGap).size(), 1u);
}
