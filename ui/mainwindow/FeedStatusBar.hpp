// SPDX-License-Identifier: MIT
#pragma once

#include "core/adapters/FeedState.hpp"
#include "core/domain/Timestamp.hpp"
#include "core/engine/FeedStatusSnapshot.hpp"

#include <QLabel>
#include <QString>
#include <QTimer>
#include <QWidget>

#include <map>
#include <string>

namespace cw::ui {

/// The status bar's feed indicators: one label per venue with its state and the time since its
/// last message, coloured green (fresh), amber (silent for more than `kAmberAfterMs`, or
/// connecting) or red (silent for more than `kRedAfterMs`, disconnected or failed). The ages
/// are re-evaluated every `kRefreshMs` even when no snapshot arrives, because a silent feed
/// sends none.
///
/// "Last message" is when this widget saw the venue's message count grow, on the local wall
/// clock: the rows' `lastMessageNs` comes from the adapter's clock, which for the simulated
/// exchange is the simulated time (ahead of or behind the wall clock at speeds other than 1).
/// Thread: GUI.
class FeedStatusBar : public QWidget {
    Q_OBJECT

public:
    enum class Health { Invalid = 0, Good, Warning, Bad };
    static constexpr int kAmberAfterMs = 5'000;
    static constexpr int kRedAfterMs = 15'000;
    static constexpr int kRefreshMs = 500;

    explicit FeedStatusBar(QWidget* parent = nullptr);

    void setSnapshot(const engine::FeedStatusSnapshotPtr& snapshot);
    /// The colour class of a feed in `state` that has been silent for `silentNs` (negative:
    /// no message seen yet).
    static Health healthOf(adapters::FeedState state, TimestampNs silentNs);
    /// "SIM Connected · 0.2 s" as shown in the label.
    static QString describe(const engine::FeedStatusRow& row, TimestampNs silentNs);
    /// The label of `venue` (nullptr when unknown), for tests.
    QLabel* labelFor(const QString& venue) const;
    Health healthFor(const QString& venue) const;

    void setColors(const QColor& good, const QColor& warning, const QColor& bad);

signals:
    /// A venue's state changed (also on its first report).
    void feedStateChanged(const QString& venue, cw::adapters::FeedState state,
                          const QString& detail);

private:
    void refresh();

    struct Feed {
        engine::FeedStatusRow row;
        QLabel* label = nullptr;
        Health health = Health::Invalid;
        TimestampNs seenNs = 0; ///< wall clock when the message count last grew; 0: never
    };

    std::map<std::string, Feed> m_feeds;
    QTimer m_timer;
    QColor m_good{0x26, 0xa6, 0x9a};
    QColor m_warning{0xf5, 0xa6, 0x23};
    QColor m_bad{0xef, 0x53, 0x50};
};

} // namespace cw::ui
