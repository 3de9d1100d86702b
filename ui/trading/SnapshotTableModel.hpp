// SPDX-License-Identifier: MIT
#pragma once

#include "core/engine/TradingSnapshot.hpp"

#include <QAbstractTableModel>
#include <QColor>
#include <QHash>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <vector>

namespace cw::ui {

/// The base of the blotter models: a table of text cells built from a TradingSnapshot, with
/// one key per row (a client order id, a trade id, account + instrument...).
///
/// Each snapshot is diffed against the rows shown, by key: rows whose key is gone are
/// removed, rows still there are changed in place (dataChanged for the changed rows only),
/// new keys are appended. Views keep their selection and scroll position, and a proxy keeps
/// its sort, across snapshots; nothing is reset.
///
/// Roles: DisplayRole (the text), kSortRole (a number for numeric columns, else the text),
/// kKeyRole (the row's key), ForegroundRole (side and P&L colours), TextAlignmentRole
/// (numbers right-aligned).
/// Thread: GUI.
class SnapshotTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    static constexpr int kSortRole = Qt::UserRole + 1;
    static constexpr int kKeyRole = Qt::UserRole + 2;

    struct Cell {
        QString text;
        QVariant sortKey;  ///< empty: sort by text
        QColor foreground; ///< invalid: the view's default
        bool numeric = false;
        friend bool operator==(const Cell&, const Cell&) = default;
    };
    struct Row {
        QString key;
        std::vector<Cell> cells; ///< one per column
    };

    explicit SnapshotTableModel(QStringList headers, QObject* parent = nullptr);

    /// Shows what `snapshot` holds for this blotter.
    virtual void setSnapshot(const engine::TradingSnapshot& snapshot) = 0;

    /// Colours for buy / profit and sell / loss (the theme's up and down colours).
    void setColors(const QColor& up, const QColor& down);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    /// The key of `row`; empty when out of range.
    QString keyAt(int row) const;
    /// The row of `key`; -1 when not shown.
    int rowOf(const QString& key) const;

    /// The table as CSV (RFC 4180): the header line, then every row in model order, each
    /// cell's text quoted when it holds a comma, a quote or a line break.
    QString toCsv() const;

protected:
    /// Diffs `rows` into the model (see the class comment). Repeated keys keep the first.
    void applyRows(std::vector<Row> rows);

    QColor upColor() const { return m_up; }
    QColor downColor() const { return m_down; }
    /// A text cell, and a right-aligned number cell sorted by `sortValue`.
    static Cell text(const QString& value, const QColor& colour = {});
    static Cell number(const QString& value, double sortValue, const QColor& colour = {});

private:
    void reindex();

    QStringList m_headers;
    std::vector<Row> m_rows;
    QHash<QString, int> m_index;
    QColor m_up{0x26, 0xa6, 0x9a};
    QColor m_down{0xef, 0x53, 0x50};
};

} // namespace cw::ui
