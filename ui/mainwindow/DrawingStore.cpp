// SPDX-License-Identifier: MIT
#include "ui/mainwindow/DrawingStore.hpp"

#include "ui/chart/DrawingCoordinates.hpp"
#include "ui/chart/DrawingSerializer.hpp"
#include "ui/mainwindow/LayoutPersistence.hpp"

#include <QJsonDocument>

#include <algorithm>
#include <cmath>
#include <set>
#include <span>
#include <utility>

namespace cw::ui {

namespace {

bool storable(const ChartDrawing& d) {
    if (d.anchorCount() == 0)
        return false;
    for (const DrawingAnchor& a : d.usedAnchors())
        if (!std::isfinite(a.price) ||
            std::abs(static_cast<double>(a.time)) > DrawingCoordinates::kMaxAbsTimeNs)
            return false;
    return true;
}

/// Keeps what the file format can hold (drops Invalid kinds, non-finite prices and times out
/// of range, clamps the width to [1, 10]) and gives zero or repeated ids fresh ones.
std::vector<ChartDrawing> normalized(std::vector<ChartDrawing> drawings) {
    std::erase_if(drawings, [](const ChartDrawing& d) { return !storable(d); });
    for (ChartDrawing& d : drawings)
        d.widthPx = std::isfinite(d.widthPx) ? std::clamp(d.widthPx, 1.0, 10.0) : 1.0;
    std::uint64_t next = 1;
    for (const ChartDrawing& d : drawings)
        next = std::max(next, d.id + 1);
    std::set<std::uint64_t> seen;
    for (ChartDrawing& d : drawings)
        if (d.id == 0 || !seen.insert(d.id).second)
            d.id = next++;
    return drawings;
}

QString entryText(const ChartDrawing& drawing) {
    // One line per drawing keeps the settings file readable.
    const QByteArray json = DrawingSerializer::toJson(std::span<const ChartDrawing>(&drawing, 1));
    return QString::fromUtf8(QJsonDocument::fromJson(json).toJson(QJsonDocument::Compact));
}

} // namespace

DrawingStore::DrawingStore(LayoutPersistence& persistence, QObject* parent)
    : QObject(parent), m_persistence(persistence) {
    m_saveTimer.setSingleShot(true);
    m_saveTimer.setInterval(kSaveDelayMs);
    connect(&m_saveTimer, &QTimer::timeout, this, &DrawingStore::flush);
}

DrawingStore::~DrawingStore() {
    flush();
}

DrawingStore::Entry DrawingStore::load(const std::string& instrument) {
    Entry e;
    const QStringList stored = m_persistence.drawingEntries(instrument);
    std::vector<ChartDrawing> drawings;
    for (qsizetype i = 0; i < stored.size(); ++i) {
        auto read = DrawingSerializer::fromJson(stored[i].toUtf8());
        if (!read.hasValue()) {
            e.unreadable << stored[i];
            emit message(tr("Drawing %1 of %2 in the settings could not be read (%3); it is "
                            "kept as it is, the other drawings are loaded")
                             .arg(i + 1)
                             .arg(QString::fromStdString(instrument),
                                  QString::fromStdString(read.error().message)));
            continue;
        }
        for (ChartDrawing& d : *read)
            drawings.push_back(std::move(d));
    }
    e.drawings = normalized(std::move(drawings));
    return e;
}

DrawingStore::Entry& DrawingStore::entry(const std::string& instrument) {
    auto it = m_entries.find(instrument);
    if (it == m_entries.end())
        it = m_entries.emplace(instrument, load(instrument)).first;
    return it->second;
}

const std::vector<ChartDrawing>& DrawingStore::drawings(const std::string& instrument) {
    return entry(instrument).drawings;
}

QStringList DrawingStore::unreadableEntries(const std::string& instrument) {
    return entry(instrument).unreadable;
}

void DrawingStore::setDrawings(const std::string& instrument, std::vector<ChartDrawing> drawings,
                               const QObject* origin) {
    Entry& e = entry(instrument);
    drawings = normalized(std::move(drawings));
    if (drawings == e.drawings)
        return;
    e.drawings = std::move(drawings);
    scheduleWrite(e);
    emit drawingsChanged(QString::fromStdString(instrument), origin);
}

std::size_t DrawingStore::clear(const std::string& instrument, const QObject* origin) {
    Entry& e = entry(instrument);
    const std::size_t removed = e.drawings.size();
    if (removed == 0 && e.unreadable.isEmpty())
        return 0;
    e.drawings.clear();
    e.unreadable.clear();
    scheduleWrite(e);
    emit drawingsChanged(QString::fromStdString(instrument), origin);
    return removed;
}

void DrawingStore::scheduleWrite(Entry& e) {
    e.dirty = true;
    if (!m_saveTimer.isActive())
        m_saveTimer.start();
}

void DrawingStore::flush() {
    m_saveTimer.stop();
    bool wrote = false;
    for (auto& [instrument, e] : m_entries) {
        if (!e.dirty)
            continue;
        QStringList entries;
        for (const ChartDrawing& d : e.drawings)
            entries << entryText(d);
        entries << e.unreadable;
        m_persistence.saveDrawingEntries(instrument, entries);
        e.dirty = false;
        wrote = true;
    }
    if (wrote)
        m_persistence.sync();
}

} // namespace cw::ui
