// SPDX-License-Identifier: MIT
#pragma once

#include "core/adapters/sim/SimulationClock.hpp"
#include "core/common/Result.hpp"
#include "core/exchangesim/ExchangeMarket.hpp"
#include "core/exchangesim/ExchangeSimConfig.hpp"
#include "core/exchangesim/RestApi.hpp"
#include "core/exchangesim/StreamHub.hpp"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <cstdint>
#include <memory>

class QTcpServer;
class QTcpSocket;
class QWebSocketServer;

namespace cw::exchangesim {

/// candlewick-exchange-sim's server: one QTcpServer on 127.0.0.1 (accepted sockets get
/// LowDelayOption), HTTP/1.1 for the REST API under /api/v3 and WebSocket upgrades (peeked,
/// not consumed) handed to a QWebSocketServer for the market streams under /ws and /stream.
/// A timer advances the simulated market to the clock every driverStepMs; every request also
/// advances it first, so answers are never stale.
///
/// Thread: the thread that creates it (QObject); needs a running Qt event loop.
class ExchangeSimServer final : public QObject {
    Q_OBJECT
public:
    /// Validates the config and builds the market (history generation, well under a second
    /// for the defaults). Errors as ExchangeMarket::create.
    static Result<std::unique_ptr<ExchangeSimServer>> create(ExchangeSimConfig config,
                                                             QObject* parent = nullptr);
    ~ExchangeSimServer() override;

    /// Starts listening on 127.0.0.1:config.port (0: a free port); the port it got.
    /// Unavailable when the port cannot be bound.
    Result<std::uint16_t> listen();
    std::uint16_t port() const;

    const ExchangeSimConfig& config() const { return m_config; }
    ExchangeMarket& market() { return *m_market; }
    std::size_t streamConnectionCount() const { return m_streams->connectionCount(); }
    /// Advances the market to the present simulated time.
    void advance();

private:
    ExchangeSimServer(ExchangeSimConfig config, std::unique_ptr<ExchangeMarket> market,
                      QObject* parent);
    void onNewConnection();
    void onUpgrade(QTcpSocket* socket);

    ExchangeSimConfig m_config;
    std::unique_ptr<ExchangeMarket> m_market;
    std::unique_ptr<RestApi> m_rest;
    StreamHub* m_streams = nullptr;
    QTcpServer* m_server = nullptr;
    QWebSocketServer* m_webSockets = nullptr;
    QElapsedTimer m_wall;
    std::unique_ptr<adapters::sim::SimulationClock> m_clock;
    QTimer m_driver;
};

} // namespace cw::exchangesim
