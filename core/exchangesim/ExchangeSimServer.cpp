// SPDX-License-Identifier: MIT
#include "core/exchangesim/ExchangeSimServer.hpp"

#include "core/exchangesim/HttpConnection.hpp"

#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>
#include <QWebSocket>
#include <QWebSocketServer>

#include <chrono>

namespace cw::exchangesim {

namespace {

std::int64_t wallMs(const ExchangeSimConfig& config) {
    if (config.clockMs)
        return config.clockMs();
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

} // namespace

Result<std::unique_ptr<ExchangeSimServer>> ExchangeSimServer::create(ExchangeSimConfig config,
                                                                     QObject* parent) {
    const TimestampNs start = wallMs(config) * kNsPerMillisecond;
    auto market = ExchangeMarket::create(config, start);
    if (!market)
        return market.error();
    return std::unique_ptr<ExchangeSimServer>(
        new ExchangeSimServer(std::move(config), std::move(*market), parent));
}

ExchangeSimServer::ExchangeSimServer(ExchangeSimConfig config,
                                     std::unique_ptr<ExchangeMarket> market, QObject* parent)
    : QObject(parent), m_config(std::move(config)), m_market(std::move(market)) {
    m_rest = std::make_unique<RestApi>(*m_market, m_config);
    m_streams = new StreamHub(*m_market, m_config, this);
    m_server = new QTcpServer(this);
    m_webSockets = new QWebSocketServer(QStringLiteral("candlewick-exchange-sim"),
                                        QWebSocketServer::NonSecureMode, this);
    m_wall.start();
    m_clock = std::make_unique<adapters::sim::SimulationClock>(m_market->now(), 0, m_config.speed);
    connect(m_server, &QTcpServer::newConnection, this, &ExchangeSimServer::onNewConnection);
    connect(m_webSockets, &QWebSocketServer::newConnection, this, [this] {
        while (QWebSocket* socket = m_webSockets->nextPendingConnection())
            m_streams->addConnection(socket);
    });
    connect(&m_driver, &QTimer::timeout, this, &ExchangeSimServer::advance);
    m_driver.start(m_config.driverStepMs);
}

ExchangeSimServer::~ExchangeSimServer() {
    m_driver.stop();
    // The stream hub refers to the market: delete it while the market still exists.
    delete m_streams;
    m_streams = nullptr;
}

Result<std::uint16_t> ExchangeSimServer::listen() {
    if (!m_server->listen(QHostAddress::LocalHost, m_config.port))
        return fail(ErrorCode::Unavailable,
                    "cannot listen on 127.0.0.1:" + std::to_string(m_config.port) + ": " +
                        m_server->errorString().toStdString());
    return port();
}

std::uint16_t ExchangeSimServer::port() const {
    return m_server->serverPort();
}

void ExchangeSimServer::advance() {
    m_market->advanceTo(m_clock->simulatedAt(m_wall.nsecsElapsed()));
}

void ExchangeSimServer::onNewConnection() {
    while (QTcpSocket* socket = m_server->nextPendingConnection()) {
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        HttpRequestParser::Limits limits;
        limits.maxHeadBytes = m_config.maxHeadBytes;
        limits.maxBodyBytes = m_config.maxBodyBytes;
        auto* connection = new HttpConnection(
            socket, limits,
            [this](HttpRequest& request) {
                advance();
                return m_rest->handle(request);
            },
            this);
        connect(connection, &HttpConnection::upgradeRequested, this, &ExchangeSimServer::onUpgrade);
    }
}

void ExchangeSimServer::onUpgrade(QTcpSocket* socket) {
    const QString target = [&] {
        const QByteArray head = socket->peek(static_cast<qint64>(m_config.maxHeadBytes));
        const int space = head.indexOf(' ');
        const int end = head.indexOf(' ', space + 1);
        return QString::fromLatin1(head.mid(space + 1, end - space - 1));
    }();
    const bool streams = target.startsWith("/ws") || target.startsWith("/stream");
    if (!streams || target.startsWith("/ws-api")) {
        // The WebSocket API is not served yet.
        const std::string answer =
            HttpResponse::error(404, -1000, "Unknown WebSocket path.").serialize(false);
        socket->write(answer.data(), static_cast<qint64>(answer.size()));
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        socket->disconnectFromHost();
        return;
    }
    m_webSockets->handleConnection(socket);
}

} // namespace cw::exchangesim
