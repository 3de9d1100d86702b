// SPDX-License-Identifier: MIT
#include "ui/bridge/EngineBridge.hpp"

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
    // The engine (and its thread) goes before the clients it calls.
    m_engine.reset();
    m_venues.clear();
}

Result<void> EngineBridge::addVenue(const adapters::AdapterRegistry& registry,
                                    std::string_view name,
                                    const adapters::AdapterSettings& settings) {
    if (m_engine->isRunning())
        return fail(ErrorCode::Unsupported, "venues are added before the engine starts");
    auto clients = registry.create(name, settings, *m_engine);
    if (!clients)
        return clients.error();
    if (clients->marketData)
        m_engine->attachMarketData(*clients->marketData);
    m_venues.push_back(std::move(*clients));
    return {};
}

void EngineBridge::start() {
    if (!m_engine->isRunning())
        m_engine->start();
}

bool EngineBridge::stop(int joinTimeoutMs) {
    return m_engine->stop(std::chrono::milliseconds(joinTimeoutMs));
}

Result<void> EngineBridge::post(engine::EngineCommand command) {
    return m_engine->postCommand(std::move(command));
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
}

} // namespace cw::ui
