// SPDX-License-Identifier: MIT
#pragma once

#include "core/exchangesim/HttpRequest.hpp"
#include "core/exchangesim/HttpRequestParser.hpp"
#include "core/exchangesim/HttpResponse.hpp"

#include <QObject>

#include <functional>

class QTcpSocket;

namespace cw::exchangesim {

/// One accepted TCP connection of the exchange's server. It first peeks (without consuming)
/// at the request head: a WebSocket upgrade is handed on untouched (`upgradeRequested`), so
/// the WebSocket server reads the handshake itself; anything else is served as HTTP/1.1 with
/// keep-alive and pipelining, one response per request in order. A malformed or oversized
/// request is answered 400 with the venue's error shape and the connection is closed.
///
/// Thread: the server's thread. Deletes itself when the connection ends or is handed on.
class HttpConnection final : public QObject {
    Q_OBJECT
public:
    using Handler = std::function<HttpResponse(HttpRequest&)>;

    HttpConnection(QTcpSocket* socket, HttpRequestParser::Limits limits, Handler handler,
                   QObject* parent = nullptr);

signals:
    /// The connection asks for a WebSocket upgrade; the socket is no longer ours.
    void upgradeRequested(QTcpSocket* socket);

private:
    void onReadyRead();
    void serve();

    QTcpSocket* m_socket;
    HttpRequestParser::Limits m_limits;
    HttpRequestParser m_parser;
    Handler m_handler;
    bool m_decided = false; ///< the first head was seen: HTTP from now on
    bool m_closing = false;
};

} // namespace cw::exchangesim
