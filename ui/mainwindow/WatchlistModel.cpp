// SPDX-License-Identifier: MIT
#include "ui/mainwindow/WatchlistModel.hpp"

#include <QLocale>

#include <cmath>

namespace cw::ui {

namespace {

QString csvField(const QString& text) {
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) &&
        !text.contains(QLatin1Char('\n')))
        return text;
    QString quoted = text;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

// Equal rows, with NaN changes (unknown reference) counting as equal.
bool sameRow(engine::QuoteBoardRow a, engine::QuoteBoardRow b) {
    if (std::isnan(a.changePercent) && std::isnan(b.changePercent))
        a.changePercent = b.changePercent = 0.0;
    return a == b;
}

QColor flashBackground(const QColor& colour) {
    QColor c = colour;
    c.setAlpha(70);
    return c;
}

} // namespace

WatchlistModel::WatchlistModel(QObject* parent) : QAbstractTableModel(parent) {
    m_clock.start();
    m_flashTimer.setSingleShot(true);
    connect(&m_flashTimer, &QTimer::timeout, this, &WatchlistModel::expireFlashes);
}

void WatchlistModel::setSnapshot(const engine::QuoteBoardSnapshotPtr& snapshot) {
    if (!snapshot)
        return;
    const std::vector<engine::QuoteBoardRow>& rows = snapshot->rows;
    bool sameInstruments = rows.size() == m_rows.size();
    for (std::size_t i = 0; sameInstruments && i < rows.size(); ++i)
        sameInstruments = rows[i].instrument == m_rows[i].instrument;

    if (!sameInstruments) {
        beginResetModel();
        m_rows = rows;
        m_flashes.assign(m_rows.size(), Flash{});
        endResetModel();
        return;
    }
    const qint64 now = m_clock.elapsed();
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (sameRow(rows[i], m_rows[i]))
            continue;
        const bool lastMoved =
            rows[i].hasLast && m_rows[i].hasLast && rows[i].last != m_rows[i].last;
        if (lastMoved) {
            m_flashes[i].direction = rows[i].last > m_rows[i].last ? engine::TickDirection::Up
                                                                   : engine::TickDirection::Down;
            m_flashes[i].untilMs = now + kFlashMs;
            if (!m_flashTimer.isActive())
                m_flashTimer.start(kFlashMs);
        }
        m_rows[i] = rows[i];
        const int r = static_cast<int>(i);
        emit dataChanged(index(r, 0), index(r, ColumnCount - 1));
    }
}

void WatchlistModel::expireFlashes() {
    const qint64 now = m_clock.elapsed();
    qint64 next = 0;
    for (std::size_t i = 0; i < m_flashes.size(); ++i) {
        Flash& f = m_flashes[i];
        if (f.direction == engine::TickDirection::Invalid)
            continue;
        if (f.untilMs <= now) {
            f = Flash{};
            const int r = static_cast<int>(i);
            emit dataChanged(index(r, Last), index(r, Last), {Qt::BackgroundRole});
        } else if (next == 0 || f.untilMs < next) {
            next = f.untilMs;
        }
    }
    if (next != 0)
        m_flashTimer.start(static_cast<int>(std::max<qint64>(1, next - now)));
}

void WatchlistModel::setColors(const QColor& up, const QColor& down) {
    m_up = up;
    m_down = down;
    if (!m_rows.empty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1),
                         {Qt::ForegroundRole, Qt::BackgroundRole});
}

std::vector<adapters::InstrumentKey> WatchlistModel::instruments() const {
    std::vector<adapters::InstrumentKey> keys;
    keys.reserve(m_rows.size());
    for (const auto& r : m_rows)
        keys.push_back(r.instrument);
    return keys;
}

int WatchlistModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int WatchlistModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString WatchlistModel::text(const engine::QuoteBoardRow& row, int column) const {
    switch (column) {
    case Symbol:
        return QString::fromUtf8(row.instrument.symbol().data(),
                                 static_cast<qsizetype>(row.instrument.symbol().size()));
    case Last:
        return row.hasLast ? QString::fromStdString(row.last.toString()) : QString();
    case ChangePercent:
        if (!row.hasLast || !std::isfinite(row.changePercent))
            return {};
        return QStringLiteral("%1%2%")
            .arg(row.changePercent > 0 ? QStringLiteral("+") : QString())
            .arg(row.changePercent, 0, 'f', 2);
    case Bid:
        return row.hasQuote ? QString::fromStdString(row.bid.toString()) : QString();
    case Ask:
        return row.hasQuote ? QString::fromStdString(row.ask.toString()) : QString();
    case Volume:
        return row.hasLast ? QString::fromStdString(row.dayVolume.toString()) : QString();
    default:
        return {};
    }
}

QVariant WatchlistModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto i = static_cast<std::size_t>(index.row());
    const engine::QuoteBoardRow& r = m_rows[i];
    switch (role) {
    case Qt::DisplayRole:
        return text(r, index.column());
    case Qt::ToolTipRole:
        return QString::fromStdString(r.instrument.toString());
    case Qt::TextAlignmentRole:
        return index.column() == Symbol ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                        : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        if (index.column() == Last) {
            if (r.direction == engine::TickDirection::Up)
                return m_up;
            if (r.direction == engine::TickDirection::Down)
                return m_down;
        }
        if (index.column() == ChangePercent && r.hasLast && std::isfinite(r.changePercent) &&
            r.changePercent != 0.0)
            return r.changePercent > 0 ? m_up : m_down;
        return {};
    case Qt::BackgroundRole:
        if (index.column() == Last && i < m_flashes.size() &&
            m_flashes[i].direction != engine::TickDirection::Invalid)
            return flashBackground(m_flashes[i].direction == engine::TickDirection::Up ? m_up
                                                                                       : m_down);
        return {};
    default:
        return {};
    }
}

QVariant WatchlistModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Symbol:
        return tr("Symbol");
    case Last:
        return tr("Last");
    case ChangePercent:
        return tr("Chg %");
    case Bid:
        return tr("Bid");
    case Ask:
        return tr("Ask");
    case Volume:
        return tr("Volume");
    default:
        return {};
    }
}

QString WatchlistModel::toCsv() const {
    QString csv = QStringLiteral("venue,symbol,last,change_percent,bid,ask,volume\n");
    for (const engine::QuoteBoardRow& r : m_rows) {
        QStringList fields;
        fields << csvField(QString::fromUtf8(r.instrument.venue().data(),
                                             static_cast<qsizetype>(r.instrument.venue().size())));
        fields << csvField(text(r, Symbol));
        fields << text(r, Last);
        fields << ((r.hasLast && std::isfinite(r.changePercent))
                       ? QString::number(r.changePercent, 'f', 4)
                       : QString());
        fields << text(r, Bid) << text(r, Ask) << text(r, Volume);
        csv += fields.join(QLatin1Char(',')) + QLatin1Char('\n');
    }
    return csv;
}

} // namespace cw::ui
