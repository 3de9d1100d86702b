// SPDX-License-Identifier: MIT
#include "core/exchangesim/HttpConnection.hpp"

#include <QTcpSocket>

#include <algorithm>
#include <cctype>

namespace cw::exchangesim {

namespace {

bool containsToken(std::string_view value, std::string_view token) {
    std::string lowered(value);
    std::transform(lowered.begin(), lowered.end(), lowered.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return lowered.find(token) != std::string::npos;
}

} // namespace

HttpConnection::HttpConnection(QTcpSocket* socket, HttpRequestParser::Limits limits,
                               Handler handler, QObject* parent)
    : QObject(parent), m_socket(socket), m_limits(limits), m_parser(limits),
      m_handler(std::move(handler)) {
    connect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::onReadyRead);
    connect(m_socket, &QTcpSocket::disconnected, this, [this] {
        m_socket->deleteLater();
        deleteLater();
    });
    // Bytes that arrived before the signal was connected.
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (m_socket && !m_closing && m_socket->bytesAvailable() > 0)
                onReadyRead();
        },
        Qt::QueuedConnection);
}

void HttpConnection::onReadyRead() {
    if (!m_decided) {
        const QByteArray peeked = m_socket->peek(static_cast<qint64>(m_limits.maxHeadBytes) + 1);
        const std::string_view bytes(peeked.constData(), static_cast<std::size_t>(peeked.size()));
        const std::size_t headEnd = HttpRequestParser::headLength(bytes);
        if (headEnd == 0 && bytes.size() <= m_limits.maxHeadBytes)
            return; // wait for the whole head before deciding
        m_decided = true;
        if (headEnd != 0) {
            auto head = HttpRequestParser::parseHead(bytes.substr(0, headEnd), m_limits);
            const auto upgrade = head ? head->header("Upgrade") : std::nullopt;
            if (upgrade && containsToken(*upgrade, "websocket")) {
                m_socket->disconnect(this);
                emit upgradeRequested(m_socket);
                m_socket = nullptr;
                deleteLater();
                return;
            }
        }
    }
    const QByteArray data = m_socket->readAll();
    m_parser.feed(std::string_view(data.constData(), static_cast<std::size_t>(data.size())));
    serve();
}

void HttpConnection::serve() {
    while (!m_closing) {
        HttpRequest request;
        const auto state = m_parser.next(request);
        if (state == HttpRequestParser::State::NeedMore)
            return;
        if (state == HttpRequestParser::State::Failed) {
            const HttpResponse response =
                HttpResponse::error(400, -1000, "Malformed request: " + m_parser.error());
            const std::string bytes = response.serialize(false);
            m_socket->write(bytes.data(), static_cast<qint64>(bytes.size()));
            m_closing = true;
            m_socket->disconnectFromHost();
            return;
        }
        request.remoteAddress = m_socket->peerAddress().toString().toStdString();
        const HttpResponse response = m_handler(request);
        const std::string bytes = response.serialize(request.keepAlive);
        m_socket->write(bytes.data(), static_cast<qint64>(bytes.size()));
        if (!request.keepAlive) {
            m_closing = true;
            m_socket->disconnectFromHost();
            return;
        }
    }
}

} // namespace cw::exchangesim
