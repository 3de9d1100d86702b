// SPDX-License-Identifier: MIT
#pragma once

#include "core/adapters/InstrumentKey.hpp"
#include "core/domain/Instrument.hpp"
#include "core/domain/Price.hpp"
#include "core/engine/QuoteBoardSnapshot.hpp"
#include "core/engine/TradingCommand.hpp"
#include "core/engine/TradingSnapshot.hpp"
#include "ui/trading/TradingCommandPoster.hpp"

#include <QObject>
#include <QString>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

class QWidget;

namespace cw::ui {

/// The GUI side of trading, shared by the ticket, the blotters, the chart order lines and the
/// kill switch: it posts TradingCommands (through a TradingCommandPoster), keeps the latest
/// TradingSnapshot and hands it on, hands on each new notice and preview once, hands out
/// request tags, and owns the one-click setting.
///
/// Confirmation: `placeOrder` shows the order's summary in a dialog and sends only when the
/// user agrees, unless one-click trading is on. Tests replace the dialog with `setConfirmer`.
///
/// Thread: GUI.
class TradingController : public QObject {
    Q_OBJECT

public:
    using SnapshotPtr = std::shared_ptr<const engine::TradingSnapshot>;
    /// Asks the user a yes/no question; true = go ahead.
    using Confirmer =
        std::function<bool(QWidget* parent, const QString& title, const QString& text)>;

    TradingController(TradingCommandPoster poster, std::vector<Instrument> instruments,
                      QObject* parent = nullptr);

    /// The instruments the venues offer (the ticket's list).
    const std::vector<Instrument>& instruments() const { return m_instruments; }
    /// The definition of `key`; null when no venue offers it.
    const Instrument* instrument(const adapters::InstrumentKey& key) const;

    /// The latest snapshot (an empty one before the first arrives).
    const engine::TradingSnapshot& snapshot() const { return *m_snapshot; }
    SnapshotPtr snapshotPtr() const { return m_snapshot; }
    /// Applies a snapshot from the engine: emits snapshotChanged, then noticeReceived for each
    /// notice and previewReceived for each preview, in order. A null or older snapshot (by
    /// version) is ignored.
    void setSnapshot(const SnapshotPtr& snapshot);

    /// The last trade prices of the watchlist (for risk-based sizing of market orders).
    void setQuotes(const engine::QuoteBoardSnapshotPtr& quotes);
    std::optional<Price> lastPrice(const adapters::InstrumentKey& key) const;

    bool isOneClick() const { return m_oneClick; }
    void setOneClick(bool on);

    void setConfirmer(Confirmer confirmer);
    /// Asks through the confirmer (a QMessageBox by default).
    bool confirm(QWidget* parent, const QString& title, const QString& text) const;

    /// A fresh, never-zero tag for PlaceOrder / PreviewOrder.
    std::uint64_t nextRequestTag() { return m_nextTag++; }

    /// Sends a new order: assigns a request tag when it has none, asks for confirmation
    /// (unless one-click trading is on) and posts. Returns the request tag, or 0 when the
    /// user declined or the command could not be queued (commandFailed tells).
    std::uint64_t placeOrder(engine::PlaceOrder order, QWidget* parent);
    /// Posts any command; false when it could not be queued (commandFailed tells).
    bool post(engine::TradingCommand command);

    /// Commands posted so far (for diagnostics).
    std::uint64_t postedCount() const { return m_posted; }

signals:
    void snapshotChanged();
    void noticeReceived(const cw::engine::TradingNotice& notice);
    void previewReceived(const cw::engine::OrderPreview& preview);
    void oneClickChanged(bool on);
    void commandFailed(const QString& message);

private:
    TradingCommandPoster m_poster;
    std::vector<Instrument> m_instruments;
    SnapshotPtr m_snapshot;
    engine::QuoteBoardSnapshotPtr m_quotes;
    Confirmer m_confirmer;
    bool m_oneClick = false;
    bool m_haveSnapshot = false;
    std::uint64_t m_nextTag = 1;
    std::uint64_t m_posted = 0;
};

} // namespace cw::ui
