// SPDX-License-Identifier: MIT
#include "ui/bridge/EngineBridge.hpp"

#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>

#include <chrono>
#include <utility>

Q_LOGGING_CATEGORY(lcBridge, "candlewick.bridge")

namespace cw::ui {

namespace {

void registerMetaTypes() {
    static const bool registered = [] {
        qRegisterMetaType<cw::engine::ChartSnapshotPtr>("cw::engine::ChartSnapshotPtr");
        qRegisterMetaType<cw::engine::QuoteBoardSnapshotPtr>("cw::engine::QuoteBoardSnapshotPtr");
        qRegisterMetaType<cw::engine::FeedStatusSnapshotPtr>("cw::engine::FeedStatusSnapshotPtr");
        qRegisterMetaType<std::shared_ptr<const cw::engine::TradingSnapshot>>(
            "std::shared_ptr<const cw::engine::TradingSnapshot>");
        return true;
    }();
    (void)registered;
}

} // namespace

EngineBridge::EngineBridge(QObject* parent) : EngineBridge(engine::Engine::Config{}, parent) {}

EngineBridge::EngineBridge(engine::Engine::Config config, QObject* parent)
    : QObject(parent), m_engine(std::make_unique<engine::Engine>(config)) {
    registerMetaTypes();
    m_engine->setSnapshotSink(this);
}

EngineBridge::~EngineBridge() {
    if (!stop(5000))
        qCWarning(lcBridge) << "engine thread did not stop within 5 s; waiting for it";
    // The journal stops calling back into the stopped engine, then the engine (and its
    // thread) goes before the clients it calls.
    if (m_journal)
        if (auto closed = m_journal->close(); !closed)
            qCWarning(lcBridge) << "journal:" << closed.error().message.c_str();
    m_engine.reset();
    m_journal.reset();
    m_venues.clear();
}

Result<void> EngineBridge::addVenue(const adapters::AdapterRegistry& registry,
                                    std::string_view name,
                                    const adapters::AdapterSettings& settings) {
    if (m_engine->isRunning())
        return fail(ErrorCode::Unsupported, "venues are added before the engine starts");
    auto clients = registry.create(name, settings, *m_engine, m_engine.get());
    if (!clients)
        return clients.error();
    if (clients->marketData)
        m_engine->attachMarketData(*clients->marketData);
    if (clients->execution)
        m_engine->attachExecution(*clients->execution);
    if (clients->instruments)
        m_engine->addInstruments(clients->instruments->instruments());
    m_venues.push_back(std::move(*clients));
    return {};
}

Result<void> EngineBridge::openJournal(const QString& path) {
    if (m_journal)
        return {};
    if (m_engine->isRunning())
        return fail(ErrorCode::Unsupported, "the journal is opened before the engine starts");
    if (path.isEmpty())
        return fail(ErrorCode::InvalidArgument, "no journal file given");
    m_journalTried = true;
    const QString file = path;
    QDir().mkpath(QFileInfo(file).absolutePath());
    journal::JournalWriterOptions options;
    options.path = file.toStdString();
    options.appVersion = CANDLEWICK_VERSION;
    // A commit wakes the engine loop, so a committed fill shows within a frame.
    options.onCommitted = [engine = m_engine.get()](std::int64_t) {
        engine->notifyJournalCommitted();
    };
    auto opened = journal::JournalWriter::open(std::move(options));
    if (!opened) {
        m_tradingDisabled = QStringLiteral("trading is disabled: the journal %1 cannot be opened "
                                           "(%2); move the file away to start a new one")
                                .arg(file, QString::fromStdString(opened.error().message));
        qCCritical(lcBridge).noquote() << m_tradingDisabled;
        return opened.error();
    }
    m_journal = std::move(*opened);
    m_tradingDisabled.clear();
    m_engine->setJournal(m_journal.get());
    if (const int unclean = m_journal->uncleanSessionsFound(); unclean > 0)
        qCWarning(lcBridge) << "journal:" << unclean << "earlier session(s) ended uncleanly";
    return {};
}

QString EngineBridge::journalPath() const {
    return m_journal ? QString::fromStdString(m_journal->path()) : QString();
}

void EngineBridge::start() {
    if (m_engine->isRunning())
        return;
    if (!m_journalTried && !m_journal) {
        // A bridge without a journal (market data only) trades nothing; said when asked to.
        m_tradingDisabled = QStringLiteral("trading is disabled: no trade journal was opened");
    } else if (!m_tradingDisabled.isEmpty()) {
        const QString reason = m_tradingDisabled;
        QMetaObject::invokeMethod(
            this, [this, reason] { emit commandFailed(reason); }, Qt::QueuedConnection);
    }
    m_engine->start();
}

bool EngineBridge::stop(int joinTimeoutMs) {
    return m_engine->stop(std::chrono::milliseconds(joinTimeoutMs));
}

Result<void> EngineBridge::post(engine::EngineCommand command) {
    return m_engine->postCommand(std::move(command));
}

Result<void> EngineBridge::setPlaybackSpeed(const QString& venue, double speed) {
    return post(engine::SetPlaybackSpeed{venue.toStdString(), speed});
}

Result<void> EngineBridge::postTrading(engine::TradingCommand command) {
    if (!m_tradingDisabled.isEmpty())
        return fail(ErrorCode::Unavailable, m_tradingDisabled.toStdString());
    return post(engine::EngineCommand{std::move(command)});
}

std::vector<Instrument> EngineBridge::instruments() const {
    std::vector<Instrument> all;
    for (const adapters::VenueClients& venue : m_venues) {
        if (!venue.instruments)
            continue;
        auto listed = venue.instruments->instruments();
        all.insert(all.end(), listed.begin(), listed.end());
    }
    return all;
}

std::uint64_t EngineBridge::publishedBatches() const {
    std::lock_guard lock(m_mutex);
    return m_published;
}

void EngineBridge::publish(engine::SnapshotBatch batch) {
    bool queueDelivery = false;
    {
        std::lock_guard lock(m_mutex);
        ++m_published;
        for (engine::ChartId id : batch.closedCharts) {
            m_pending.charts.erase(id);
            m_pending.closedCharts.push_back(id);
        }
        for (engine::ChartSnapshotPtr& snapshot : batch.charts) {
            auto [it, inserted] = m_pending.charts.try_emplace(snapshot->chartId, snapshot);
            if (inserted)
                continue;
            auto merged = engine::ChartSnapshot::merged(*it->second, *snapshot);
            if (merged) {
                it->second = std::make_shared<const engine::ChartSnapshot>(std::move(*merged));
            } else {
                // Cannot happen with one engine (versions are consecutive); keep the newer one
                // so the chart recovers at its next Full.
                qCWarning(lcBridge) << "dropping chart delta:" << merged.error().message.c_str();
                it->second = std::move(snapshot);
            }
        }
        if (batch.quotes)
            m_pending.quotes = std::move(batch.quotes);
        if (batch.feeds)
            m_pending.feeds = std::move(batch.feeds);
        for (Error& error : batch.errors)
            m_pending.errors.push_back(std::move(error));
        if (batch.trading) {
            if (m_pending.trading &&
                (!m_pending.trading->notices.empty() || !m_pending.trading->previews.empty())) {
                // The newer snapshot replaces the older one, but "new since the previous
                // snapshot" notices and previews of both are kept.
                auto merged = std::make_shared<engine::TradingSnapshot>(*batch.trading);
                merged->notices.insert(merged->notices.begin(), m_pending.trading->notices.begin(),
                                       m_pending.trading->notices.end());
                merged->previews.insert(merged->previews.begin(),
                                        m_pending.trading->previews.begin(),
                                        m_pending.trading->previews.end());
                m_pending.trading = std::move(merged);
            } else {
                m_pending.trading = std::move(batch.trading);
            }
        }
        queueDelivery = !m_deliveryQueued;
        m_deliveryQueued = true;
    }
    if (queueDelivery)
        QMetaObject::invokeMethod(this, &EngineBridge::deliver, Qt::QueuedConnection);
}

void EngineBridge::deliver() {
    Pending pending;
    {
        std::lock_guard lock(m_mutex);
        pending = std::exchange(m_pending, Pending{});
        m_deliveryQueued = false;
    }
    ++m_deliveries;
    for (engine::ChartId id : pending.closedCharts)
        emit chartClosed(id);
    for (auto& [id, snapshot] : pending.charts)
        emit chartUpdated(snapshot);
    if (pending.quotes)
        emit quotesUpdated(pending.quotes);
    if (pending.feeds)
        emit feedStatusChanged(pending.feeds);
    for (const Error& error : pending.errors)
        emit commandFailed(QString::fromStdString(error.toString()));
    if (pending.trading)
        emit tradingUpdated(pending.trading);
}

} // namespace cw::ui
