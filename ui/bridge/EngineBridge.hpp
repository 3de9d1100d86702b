// SPDX-License-Identifier: MIT
#pragma once

#include "core/adapters/AdapterRegistry.hpp"
#include "core/adapters/VenueClients.hpp"
#include "core/common/Result.hpp"
#include "core/engine/ChartSnapshot.hpp"
#include "core/engine/Engine.hpp"
#include "core/engine/EngineCommand.hpp"
#include "core/engine/FeedStatusSnapshot.hpp"
#include "core/engine/ISnapshotSink.hpp"
#include "core/engine/QuoteBoardSnapshot.hpp"
#include "core/engine/TradingCommand.hpp"
#include "core/engine/TradingSnapshot.hpp"
#include "core/journal/JournalWriter.hpp"

#include <QMetaType>
#include <QObject>
#include <QString>

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string_view>
#include <vector>

Q_DECLARE_METATYPE(cw::engine::ChartSnapshotPtr)
Q_DECLARE_METATYPE(cw::engine::QuoteBoardSnapshotPtr)
Q_DECLARE_METATYPE(cw::engine::FeedStatusSnapshotPtr)
Q_DECLARE_METATYPE(std::shared_ptr<const cw::engine::TradingSnapshot>)

namespace cw::ui {

/// The GUI's one door to the engine. It owns the Engine (and the venues' clients that feed it),
/// starts and stops the engine thread, posts the UI's commands into the engine's queue, and
/// turns the engine's snapshot batches into Qt signals on the GUI thread.
///
/// Delivery: the engine thread hands each batch to `publish`, which merges it into a pending
/// set under a short mutex and, if no delivery is queued yet, queues one to the GUI thread
/// with QMetaObject::invokeMethod (never a blocking connection). When the GUI is slow, pending
/// chart deltas merge (ChartSnapshot::merged), so the GUI gets one snapshot per chart with
/// nothing lost; quote board and feed snapshots are replaced by newer ones.
///
/// Thread: GUI (the thread this object lives in). Signals are emitted on that thread.
class EngineBridge : public QObject, private engine::ISnapshotSink {
    Q_OBJECT

public:
    explicit EngineBridge(QObject* parent = nullptr);
    explicit EngineBridge(engine::Engine::Config config, QObject* parent = nullptr);
    /// Stops the engine thread (bounded wait), then releases the venues' clients.
    ~EngineBridge() override;

    /// Creates venue `name`'s clients from `registry` with the engine as their sink and
    /// attaches its market data to the engine. Before `start()` only (Unsupported after).
    Result<void> addVenue(const adapters::AdapterRegistry& registry, std::string_view name,
                          const adapters::AdapterSettings& settings);

    /// Opens the trade journal file `path` (its folder is created) and gives it to the engine.
    /// The path is always explicit: the application passes `<AppDataLocation>/journal.sqlite`,
    /// tests a file in a temporary folder; nothing is opened by default. Before `start()` only.
    /// Without a journal, or with a file that cannot be opened (corrupt, not a journal, not
    /// writable: logged), trading is disabled (`postTrading` fails with the reason; a file
    /// that could not be opened is also reported once through `commandFailed` at `start()`)
    /// and everything else works.
    /// InvalidArgument for an empty path. Idempotent once opened.
    Result<void> openJournal(const QString& path);
    /// The journal's file, empty before it is opened.
    QString journalPath() const;
    /// Empty while trading works; otherwise why not (the journal could not be opened).
    QString tradingDisabledReason() const { return m_tradingDisabled; }

    /// Starts the engine thread (which connects the venues). Idempotent. Opens no journal:
    /// without `openJournal` before, trading stays disabled.
    void start();
    /// Stops it; returns false if the thread did not finish within `joinTimeoutMs`.
    bool stop(int joinTimeoutMs = 2000);
    bool isRunning() const { return m_engine->isRunning(); }

    /// Posts one command; Unsupported when the engine's command queue is full. Rejections
    /// found by the engine arrive later through `commandFailed`.
    Result<void> post(engine::EngineCommand command);
    /// Plays replay-like venue `venue` ("SIM") `speed` times faster than the wall clock from
    /// now on (engine::SetPlaybackSpeed). Unsupported when the command queue is full; a venue
    /// that is unknown, live, or refuses the speed is reported through `commandFailed`.
    Result<void> setPlaybackSpeed(const QString& venue, double speed);
    /// Posts one trading command (order ticket, one-click, chart, blotters, kill switch).
    /// Unsupported when the command queue is full, Unavailable when trading is disabled (no
    /// journal). Outcomes arrive in TradingSnapshot::notices through `tradingUpdated`.
    Result<void> postTrading(engine::TradingCommand command);
    /// Every instrument the venues' instrument providers list, venue by venue.
    std::vector<Instrument> instruments() const;

    /// The engine, for wiring before `start()` and for posting market data in tests. Widgets
    /// never call it.
    engine::Engine& engine() { return *m_engine; }

    /// Batches the engine published, and deliveries made to the GUI (<= batches).
    std::uint64_t publishedBatches() const;
    std::uint64_t deliveries() const { return m_deliveries; }

signals:
    void chartUpdated(cw::engine::ChartSnapshotPtr snapshot);
    void chartClosed(quint64 chartId);
    void quotesUpdated(cw::engine::QuoteBoardSnapshotPtr snapshot);
    void feedStatusChanged(cw::engine::FeedStatusSnapshotPtr snapshot);
    void commandFailed(QString message);
    /// Orders, fills, positions and notices, only what the journal committed. Notices and
    /// previews of snapshots merged while the GUI was busy are all kept (oldest first).
    void tradingUpdated(std::shared_ptr<const cw::engine::TradingSnapshot> snapshot);

private:
    struct Pending {
        std::map<engine::ChartId, engine::ChartSnapshotPtr> charts;
        std::vector<engine::ChartId> closedCharts;
        engine::QuoteBoardSnapshotPtr quotes;
        engine::FeedStatusSnapshotPtr feeds;
        std::vector<Error> errors;
        std::shared_ptr<const engine::TradingSnapshot> trading;
    };

    void publish(engine::SnapshotBatch batch) override; // engine thread
    void deliver();                                     // GUI thread

    std::unique_ptr<engine::Engine> m_engine;
    std::vector<adapters::VenueClients> m_venues;
    std::unique_ptr<journal::JournalWriter> m_journal;
    bool m_journalTried = false;
    QString m_tradingDisabled; ///< GUI thread

    mutable std::mutex m_mutex; ///< guards m_pending, m_deliveryQueued, m_published
    Pending m_pending;
    bool m_deliveryQueued = false;
    std::uint64_t m_published = 0;
    std::uint64_t m_deliveries = 0; ///< GUI thread only
};

} // namespace cw::ui
