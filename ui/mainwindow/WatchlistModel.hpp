// SPDX-License-Identifier: MIT
#pragma once

#include "core/adapters/InstrumentKey.hpp"
#include "core/engine/QuoteBoardSnapshot.hpp"

#include <QAbstractTableModel>
#include <QColor>
#include <QElapsedTimer>
#include <QTimer>

#include <vector>

namespace cw::ui {

/// The watchlist as a table: symbol, last, change %, bid, ask, day volume, one row per
/// instrument of the engine's quote board, in subscription order.
///
/// `setSnapshot` takes the newest QuoteBoardSnapshot: when the instruments are the same as
/// before only the changed rows emit dataChanged, otherwise the model resets. A last price that
/// moved flashes (cell background) green on an uptick, red on a downtick for `kFlashMs`; the
/// last price keeps the colour of its last tick direction. Prices print exactly (fixed-point
/// with the instrument's precision); a missing value is an empty cell.
///
/// Thread: GUI.
class WatchlistModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { Symbol = 0, Last, ChangePercent, Bid, Ask, Volume, ColumnCount };
    static constexpr int kFlashMs = 350;

    explicit WatchlistModel(QObject* parent = nullptr);

    void setSnapshot(const engine::QuoteBoardSnapshotPtr& snapshot);
    void setColors(const QColor& up, const QColor& down);

    const engine::QuoteBoardRow& row(int index) const {
        return m_rows.at(static_cast<std::size_t>(index));
    }
    std::vector<adapters::InstrumentKey> instruments() const;
    /// The table as CSV (header line, then one line per row; RFC 4180 quoting; "\n" endings).
    QString toCsv() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Flash {
        engine::TickDirection direction = engine::TickDirection::Invalid;
        qint64 untilMs = 0;
    };

    QString text(const engine::QuoteBoardRow& row, int column) const;
    void expireFlashes();

    std::vector<engine::QuoteBoardRow> m_rows;
    std::vector<Flash> m_flashes;
    QElapsedTimer m_clock;
    QTimer m_flashTimer;
    QColor m_up{0x26, 0xa6, 0x9a};
    QColor m_down{0xef, 0x53, 0x50};
};

} // namespace cw::ui
