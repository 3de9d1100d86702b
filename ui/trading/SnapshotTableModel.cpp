// SPDX-License-Identifier: MIT
#include "ui/trading/SnapshotTableModel.hpp"

#include <QSet>

#include <utility>

namespace cw::ui {

SnapshotTableModel::SnapshotTableModel(QStringList headers, QObject* parent)
    : QAbstractTableModel(parent), m_headers(std::move(headers)) {}

void SnapshotTableModel::setColors(const QColor& up, const QColor& down) {
    m_up = up;
    m_down = down;
}

int SnapshotTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int SnapshotTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_headers.size());
}

QVariant SnapshotTableModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& row = m_rows[static_cast<std::size_t>(index.row())];
    if (role == kKeyRole)
        return row.key;
    const auto column = static_cast<std::size_t>(index.column());
    if (column >= row.cells.size())
        return {};
    const Cell& cell = row.cells[column];
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        return cell.text;
    case kSortRole:
        return cell.sortKey.isValid() ? cell.sortKey : QVariant(cell.text);
    case Qt::ForegroundRole:
        return cell.foreground.isValid() ? QVariant(cell.foreground) : QVariant();
    case Qt::TextAlignmentRole:
        return cell.numeric ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter))
                            : QVariant(int(Qt::AlignLeft | Qt::AlignVCenter));
    default:
        return {};
    }
}

QVariant SnapshotTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (role != Qt::DisplayRole || orientation != Qt::Horizontal || section < 0 ||
        section >= m_headers.size())
        return {};
    return m_headers[section];
}

QString SnapshotTableModel::keyAt(int row) const {
    if (row < 0 || row >= static_cast<int>(m_rows.size()))
        return {};
    return m_rows[static_cast<std::size_t>(row)].key;
}

int SnapshotTableModel::rowOf(const QString& key) const {
    return m_index.value(key, -1);
}

QString SnapshotTableModel::toCsv() const {
    const auto quote = [](const QString& text) {
        if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) &&
            !text.contains(QLatin1Char('\n')) && !text.contains(QLatin1Char('\r')))
            return text;
        QString escaped = text;
        escaped.replace(QStringLiteral("\""), QStringLiteral("\"\""));
        return QStringLiteral("\"%1\"").arg(escaped);
    };
    QStringList lines;
    QStringList header;
    for (const QString& h : m_headers)
        header << quote(h);
    lines << header.join(QLatin1Char(','));
    for (const Row& row : m_rows) {
        QStringList cells;
        for (int c = 0; c < m_headers.size(); ++c)
            cells << (static_cast<std::size_t>(c) < row.cells.size()
                          ? quote(row.cells[static_cast<std::size_t>(c)].text)
                          : QString());
        lines << cells.join(QLatin1Char(','));
    }
    return lines.join(QStringLiteral("\r\n")) + QStringLiteral("\r\n");
}

void SnapshotTableModel::applyRows(std::vector<Row> rows) {
    // Drop repeated keys: a key names one row.
    QSet<QString> seen;
    std::vector<Row> incoming;
    incoming.reserve(rows.size());
    for (Row& row : rows) {
        row.cells.resize(static_cast<std::size_t>(m_headers.size()));
        if (seen.contains(row.key))
            continue;
        seen.insert(row.key);
        incoming.push_back(std::move(row));
    }

    // 1. Remove the rows whose key is gone, as contiguous ranges from the bottom up.
    int r = static_cast<int>(m_rows.size()) - 1;
    while (r >= 0) {
        if (seen.contains(m_rows[static_cast<std::size_t>(r)].key)) {
            --r;
            continue;
        }
        const int last = r;
        while (r - 1 >= 0 && !seen.contains(m_rows[static_cast<std::size_t>(r - 1)].key))
            --r;
        beginRemoveRows({}, r, last);
        m_rows.erase(m_rows.begin() + r, m_rows.begin() + last + 1);
        endRemoveRows();
        --r;
    }
    reindex();

    // 2. Change the rows still there in place; collect the new ones.
    std::vector<Row> added;
    const int lastColumn = static_cast<int>(m_headers.size()) - 1;
    for (Row& row : incoming) {
        const int at = rowOf(row.key);
        if (at < 0) {
            added.push_back(std::move(row));
            continue;
        }
        Row& shown = m_rows[static_cast<std::size_t>(at)];
        if (shown.cells != row.cells) {
            shown.cells = std::move(row.cells);
            if (lastColumn >= 0)
                emit dataChanged(index(at, 0), index(at, lastColumn));
        }
    }

    // 3. Append the new keys in the snapshot's order.
    if (!added.empty()) {
        const int first = static_cast<int>(m_rows.size());
        beginInsertRows({}, first, first + static_cast<int>(added.size()) - 1);
        for (Row& row : added)
            m_rows.push_back(std::move(row));
        reindex();
        endInsertRows();
    }
}

void SnapshotTableModel::reindex() {
    m_index.clear();
    for (std::size_t i = 0; i < m_rows.size(); ++i)
        m_index.insert(m_rows[i].key, static_cast<int>(i));
}

SnapshotTableModel::Cell SnapshotTableModel::text(const QString& value, const QColor& colour) {
    return Cell{value, {}, colour, false};
}

SnapshotTableModel::Cell SnapshotTableModel::number(const QString& value, double sortValue,
                                                    const QColor& colour) {
    return Cell{value, QVariant(sortValue), colour, true};
}

} // namespace cw::ui
