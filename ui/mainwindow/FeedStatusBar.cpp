// SPDX-License-Identifier: MIT
#include "ui/mainwindow/FeedStatusBar.hpp"

#include <QHBoxLayout>

#include <algorithm>
#include <chrono>

namespace cw::ui {

namespace {

TimestampNs wallClockNs() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

} // namespace

FeedStatusBar::FeedStatusBar(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("FeedStatusBar"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 0);
    layout->setSpacing(12);
    m_timer.setInterval(kRefreshMs);
    connect(&m_timer, &QTimer::timeout, this, &FeedStatusBar::refresh);
    m_timer.start();
}

FeedStatusBar::Health FeedStatusBar::healthOf(adapters::FeedState state, TimestampNs silentNs) {
    using adapters::FeedState;
    switch (state) {
    case FeedState::Connected: {
        if (silentNs < 0)
            return Health::Good;
        const TimestampNs age = silentNs;
        if (age > TimestampNs{kRedAfterMs} * 1'000'000)
            return Health::Bad;
        if (age > TimestampNs{kAmberAfterMs} * 1'000'000)
            return Health::Warning;
        return Health::Good;
    }
    case FeedState::Connecting:
    case FeedState::Stale:
        return Health::Warning;
    case FeedState::Disconnected:
    case FeedState::Error:
    case FeedState::Invalid:
        break;
    }
    return Health::Bad;
}

QString FeedStatusBar::describe(const engine::FeedStatusRow& row, TimestampNs silentNs) {
    QString text = QStringLiteral("%1 %2").arg(
        QString::fromStdString(row.venue),
        QString::fromUtf8(std::string(adapters::feedStateName(row.state))));
    if (silentNs >= 0) {
        const double ageS = static_cast<double>(silentNs) / 1e9;
        text += QStringLiteral(" \u00b7 %1 s").arg(ageS, 0, 'f', ageS < 10 ? 1 : 0);
    }
    if (row.droppedEvents > 0)
        text += QStringLiteral(" \u00b7 %1 dropped").arg(row.droppedEvents);
    return text;
}

void FeedStatusBar::setSnapshot(const engine::FeedStatusSnapshotPtr& snapshot) {
    if (!snapshot)
        return;
    for (const engine::FeedStatusRow& row : snapshot->rows) {
        auto [it, inserted] = m_feeds.try_emplace(row.venue);
        Feed& feed = it->second;
        if (inserted) {
            feed.label = new QLabel(this);
            feed.label->setObjectName(QStringLiteral("Feed_") + QString::fromStdString(row.venue));
            layout()->addWidget(feed.label);
        }
        const bool stateChanged = inserted || feed.row.state != row.state;
        if (row.messageCount > 0 && (inserted || row.messageCount != feed.row.messageCount))
            feed.seenNs = wallClockNs();
        feed.row = row;
        if (stateChanged)
            emit feedStateChanged(QString::fromStdString(row.venue), row.state,
                                  QString::fromStdString(row.detail));
    }
    refresh();
}

void FeedStatusBar::refresh() {
    const TimestampNs now = wallClockNs();
    for (auto& [venue, feed] : m_feeds) {
        const TimestampNs silent =
            feed.seenNs == 0 ? -1 : std::max<TimestampNs>(0, now - feed.seenNs);
        feed.health = healthOf(feed.row.state, silent);
        const QColor colour = feed.health == Health::Good      ? m_good
                              : feed.health == Health::Warning ? m_warning
                                                               : m_bad;
        feed.label->setText(QStringLiteral("<span style=\"color:%1\">\u25cf</span> %2")
                                .arg(colour.name(), describe(feed.row, silent).toHtmlEscaped()));
        feed.label->setToolTip(QString::fromStdString(feed.row.detail));
    }
}

QLabel* FeedStatusBar::labelFor(const QString& venue) const {
    const auto it = m_feeds.find(venue.toStdString());
    return it == m_feeds.end() ? nullptr : it->second.label;
}

FeedStatusBar::Health FeedStatusBar::healthFor(const QString& venue) const {
    const auto it = m_feeds.find(venue.toStdString());
    return it == m_feeds.end() ? Health::Invalid : it->second.health;
}

void FeedStatusBar::setColors(const QColor& good, const QColor& warning, const QColor& bad) {
    m_good = good;
    m_warning = warning;
    m_bad = bad;
    refresh();
}

} // namespace cw::ui
