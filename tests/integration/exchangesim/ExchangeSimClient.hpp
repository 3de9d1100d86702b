// SPDX-License-Identifier: MIT
#pragma once

#include "core/exchangesim/ExchangeSimServer.hpp"
#include "core/exchangesim/HmacSigner.hpp"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>

#include <functional>
#include <gtest/gtest.h>
#include <memory>
#include <string>

namespace cw::exchangesim::testing {

/// One QCoreApplication for the whole test program (Qt networking needs one).
inline QCoreApplication& application() {
    static int argc = 1;
    static char name[] = "cw_exchangesim_tests";
    static char* argv[] = {name, nullptr};
    static QCoreApplication app(argc, argv);
    return app;
}

/// Runs the event loop until `done` or `timeoutMs`; false on timeout.
inline bool waitFor(const std::function<bool()>& done, int timeoutMs = 5000) {
    application();
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    }
    return true;
}

struct HttpResult {
    int status = 0;
    QByteArray body;
    QMap<QByteArray, QByteArray> headers;

    QJsonObject object() const { return QJsonDocument::fromJson(body).object(); }
    QJsonArray array() const { return QJsonDocument::fromJson(body).array(); }
    int code() const { return object().value("code").toInt(); }
};

/// A server on a free loopback port plus a small REST client that signs like the venue's
/// documentation says (query string and/or form body, HMAC-SHA256 over the exact bytes).
class ExchangeSimHarness {
public:
    static constexpr const char* kKey = "test-key";
    static constexpr const char* kSecret = "test-secret";

    static ExchangeSimConfig defaultConfig() {
        ExchangeSimConfig config;
        config.apiKeys = {{kKey, kSecret}};
        config.historyDays = 1;
        config.seed = 7;
        return config;
    }

    explicit ExchangeSimHarness(ExchangeSimConfig config = defaultConfig()) {
        application();
        auto server = ExchangeSimServer::create(std::move(config));
        EXPECT_TRUE(server.hasValue()) << (server ? "" : server.error().message);
        if (!server)
            return;
        m_server = std::move(*server);
        auto port = m_server->listen();
        EXPECT_TRUE(port.hasValue());
        m_base = "http://127.0.0.1:" + QString::number(m_server->port());
    }

    ExchangeSimServer& server() { return *m_server; }
    bool ok() const { return m_server != nullptr; }
    QString base() const { return m_base; }
    std::uint16_t port() const { return m_server->port(); }
    std::int64_t nowMs() const {
        const auto& clock = m_server->config().clockMs;
        return clock ? clock() : QDateTime::currentMSecsSinceEpoch();
    }

    HttpResult send(const QByteArray& method, const QString& pathAndQuery,
                    const QByteArray& body = {}, const QByteArray& apiKey = kKey) {
        QNetworkRequest request(QUrl::fromEncoded((m_base + pathAndQuery).toUtf8()));
        if (!apiKey.isEmpty())
            request.setRawHeader("X-MBX-APIKEY", apiKey);
        if (!body.isEmpty())
            request.setHeader(QNetworkRequest::ContentTypeHeader,
                              "application/x-www-form-urlencoded");
        QNetworkReply* reply = m_network.sendCustomRequest(request, method, body);
        HttpResult result;
        const bool finished = waitFor([&] { return reply->isFinished(); }, 15000);
        EXPECT_TRUE(finished) << "no answer to " << pathAndQuery.toStdString();
        result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        result.body = reply->readAll();
        for (const auto& [name, value] : reply->rawHeaderPairs())
            result.headers.insert(name.toLower(), value);
        reply->deleteLater();
        return result;
    }

    HttpResult get(const QString& path, const QString& query = {}) {
        return send("GET", path + (query.isEmpty() ? "" : "?" + query));
    }

    /// A signed request with every parameter in the query string (`timestamp` appended).
    HttpResult signedQuery(const QByteArray& method, const QString& path, QString query) {
        if (!query.isEmpty())
            query += "&";
        query += "timestamp=" + QString::number(nowMs());
        const std::string signature = HmacSigner::sign(kSecret, query.toStdString());
        return send(method, path + "?" + query + "&signature=" + QString::fromStdString(signature));
    }

    /// A signed request with the parameters in a form body (as ccxt sends them).
    HttpResult signedBody(const QByteArray& method, const QString& path, QString body) {
        body = "timestamp=" + QString::number(nowMs()) + (body.isEmpty() ? "" : "&" + body);
        const std::string signature = HmacSigner::sign(kSecret, body.toStdString());
        return send(method, path,
                    (body + "&signature=" + QString::fromStdString(signature)).toUtf8());
    }

private:
    std::unique_ptr<ExchangeSimServer> m_server;
    QNetworkAccessManager m_network;
    QString m_base;
};

/// Writes raw bytes on a fresh connection and collects what comes back until the server
/// closes it or `timeoutMs` passes.
inline QByteArray rawExchange(std::uint16_t port, const QByteArray& bytes, int timeoutMs = 3000,
                              bool* closed = nullptr) {
    QTcpSocket socket;
    socket.connectToHost("127.0.0.1", port);
    waitFor([&] { return socket.state() == QAbstractSocket::ConnectedState; }, timeoutMs);
    socket.write(bytes);
    QByteArray answer;
    const bool ended = waitFor(
        [&] {
            answer += socket.readAll();
            return socket.state() == QAbstractSocket::UnconnectedState;
        },
        timeoutMs);
    answer += socket.readAll();
    if (closed)
        *closed = ended;
    return answer;
}

} // namespace cw::exchangesim::testing
