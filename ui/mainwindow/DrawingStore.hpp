// SPDX-License-Identifier: MIT
#pragma once

#include "ui/chart/ChartDrawing.hpp"

#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace cw::ui {

class LayoutPersistence;

/// The trader's drawings per instrument, shared by every chart of that instrument and kept in
/// the layout settings.
///
/// Drawings belong to the instrument (its InstrumentKey::toString form, "SIM:BTCUSDT"), not to
/// a chart tab or a timeframe: their anchors are times and prices, so every chart of the
/// instrument shows the same set whatever its timeframe. A chart that edits the set calls
/// `setDrawings` with itself as `origin`; `drawingsChanged` then tells the other charts of the
/// instrument (a chart ignores changes it made itself, so its selection survives).
///
/// Storage: each drawing is one DrawingSerializer document (compact JSON) in the list
/// LayoutPersistence keeps per instrument. An instrument's set is read the first time it is
/// asked for. A stored entry that does not read (corrupt text, a newer version or kind) costs
/// that entry only: `message` names the instrument, the entry and the reason, the other
/// drawings load, and the unreadable text is written back as it was on later saves (so a newer
/// version of the program can still read it) until `clear` removes everything of the
/// instrument. Changes are written at most `kSaveDelayMs` after the edit, several edits in
/// one write; `flush` writes at once (on quit). Ids are unique within an instrument's set.
/// Thread: GUI.
class DrawingStore : public QObject {
    Q_OBJECT

public:
    static constexpr int kSaveDelayMs = 400;

    /// `persistence` must outlive the store.
    explicit DrawingStore(LayoutPersistence& persistence, QObject* parent = nullptr);
    /// Writes what is still pending.
    ~DrawingStore() override;

    DrawingStore(const DrawingStore&) = delete;
    DrawingStore& operator=(const DrawingStore&) = delete;

    /// The drawings of `instrument`, read from the settings on first use (empty for an unknown
    /// or empty key).
    const std::vector<ChartDrawing>& drawings(const std::string& instrument);
    /// Stored entries of `instrument` that could not be read (kept verbatim).
    QStringList unreadableEntries(const std::string& instrument);

    /// Replaces the set of `instrument` after an edit in the chart `origin` (may be null).
    /// What the file format cannot hold is dropped (kind Invalid, a non-finite price, a time
    /// beyond +-DrawingCoordinates::kMaxAbsTimeNs), widths are clamped to [1, 10], zero or
    /// repeated ids get fresh ones. Emits drawingsChanged and schedules a write; a set equal
    /// to the current one does neither.
    void setDrawings(const std::string& instrument, std::vector<ChartDrawing> drawings,
                     const QObject* origin = nullptr);
    /// Removes every drawing of `instrument`, unreadable stored ones included; returns how
    /// many readable drawings there were.
    std::size_t clear(const std::string& instrument, const QObject* origin = nullptr);

    /// Writes the pending changes now.
    void flush();
    bool hasPendingWrites() const { return m_saveTimer.isActive(); }

signals:
    /// The set of `instrument` changed through `origin` (null: not through a chart).
    void drawingsChanged(const QString& instrument, const QObject* origin);
    /// A human-readable problem with the stored drawings, for the log.
    void message(const QString& text);

private:
    struct Entry {
        std::vector<ChartDrawing> drawings;
        QStringList unreadable;
        bool dirty = false;
    };

    Entry& entry(const std::string& instrument);
    Entry load(const std::string& instrument);
    void scheduleWrite(Entry& entry);

    LayoutPersistence& m_persistence;
    std::map<std::string, Entry> m_entries;
    QTimer m_saveTimer;
};

} // namespace cw::ui
