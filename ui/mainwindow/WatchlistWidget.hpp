// SPDX-License-Identifier: MIT
#pragma once

#include "core/adapters/InstrumentKey.hpp"
#include "core/common/Result.hpp"
#include "core/domain/Instrument.hpp"
#include "ui/mainwindow/EngineCommandPoster.hpp"
#include "ui/mainwindow/WatchlistModel.hpp"

#include <QWidget>

#include <optional>
#include <vector>

class QTableView;

namespace cw::ui {

/// The watchlist dock's content: a table over WatchlistModel plus the actions on it (add
/// symbols from the venue's instrument list, remove, open a chart on double-click, export to
/// CSV), also offered in its context menu. Membership changes go to the engine as
/// SubscribeQuotes / UnsubscribeQuotes; the rows come back through `model().setSnapshot`.
/// Thread: GUI.
class WatchlistWidget : public QWidget {
    Q_OBJECT

public:
    WatchlistWidget(EngineCommandPoster post, std::vector<Instrument> catalogue,
                    QWidget* parent = nullptr);

    WatchlistModel& model() { return *m_model; }
    QTableView* view() const { return m_view; }

    /// The symbols asked for, in order (what is saved); the model follows once the engine
    /// answers.
    const std::vector<adapters::InstrumentKey>& symbols() const { return m_symbols; }
    /// Subscribes `key` unless it is already on the list; false when it was.
    bool addSymbol(const adapters::InstrumentKey& key);
    /// Unsubscribes `key`; false when it was not on the list.
    bool removeSymbol(const adapters::InstrumentKey& key);
    /// Writes `model().toCsv()` to `path`. Errors: IoError when the file cannot be written.
    Result<void> exportCsv(const QString& path) const;

public slots:
    /// Opens the instrument picker and adds what is chosen.
    void promptAddSymbols();
    /// Asks for a file name and exports.
    void promptExport();
    void removeSelected();

signals:
    void chartRequested(const cw::adapters::InstrumentKey& instrument);
    void message(const QString& text);

private:
    void showContextMenu(const QPoint& pos);
    std::optional<adapters::InstrumentKey> selectedInstrument() const;

    EngineCommandPoster m_post;
    std::vector<Instrument> m_catalogue;
    std::vector<adapters::InstrumentKey> m_symbols;
    WatchlistModel* m_model = nullptr;
    QTableView* m_view = nullptr;
};

} // namespace cw::ui
