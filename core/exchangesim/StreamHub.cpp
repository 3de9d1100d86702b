// SPDX-License-Identifier: MIT
#include "core/exchangesim/StreamHub.hpp"

#include "core/exchangesim/JsonWriter.hpp"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QUrl>
#include <QUrlQuery>
#include <QWebSocket>

#include <algorithm>
#include <cctype>
#include <chrono>

namespace cw::exchangesim {

namespace {

constexpr int kFastMs = 100;
constexpr int kSlowMs = 1000;
constexpr std::int64_t kPongTimeoutMs = 60'000;
constexpr std::size_t kMaxStreamsPerConnection = 1024;

std::int64_t steadyMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

void writeId(JsonWriter& w, const QJsonValue& id) {
    w.key("id");
    if (id.isString())
        w.string(id.toString().toStdString());
    else if (id.isDouble())
        w.integer(static_cast<std::int64_t>(id.toDouble()));
    else
        w.null();
}

std::string controlError(int code, const std::string& message, const QJsonValue& id) {
    JsonWriter w;
    w.beginObject().field("code", code).field("msg", message);
    writeId(w, id);
    w.endObject();
    return w.take();
}

} // namespace

StreamHub::StreamHub(ExchangeMarket& market, const ExchangeSimConfig& config, QObject* parent)
    : QObject(parent), m_market(market), m_config(config) {
    for (const ExchangeSymbol& s : market.symbols())
        m_lowerSymbols.push_back(lower(s.symbol));
    m_pendingSlow.resize(m_lowerSymbols.size());
    m_pendingFast.resize(m_lowerSymbols.size());
    m_market.setObserver(this);
    connect(&m_pingTimer, &QTimer::timeout, this, &StreamHub::sendPings);
    connect(&m_klineTimer, &QTimer::timeout, this, &StreamHub::sendKlines);
    connect(&m_fastTimer, &QTimer::timeout, this, [this] {
        flushDiffs(true);
        sendPartials(true);
    });
    connect(&m_slowTimer, &QTimer::timeout, this, [this] {
        flushDiffs(false);
        sendPartials(false);
    });
    m_pingTimer.start(config.pingIntervalMs);
    m_klineTimer.start(config.klineIntervalMs);
    m_fastTimer.start(kFastMs);
    m_slowTimer.start(kSlowMs);
}

StreamHub::~StreamHub() {
    m_market.setObserver(nullptr);
    auto sessions = std::move(m_sessions);
    for (auto& [socket, session] : sessions) {
        socket->disconnect(this);
        socket->abort();
        delete socket;
    }
}

std::int64_t StreamHub::eventTimeMs() const {
    return m_market.now() / kNsPerMillisecond;
}

std::optional<StreamHub::Stream> StreamHub::parseStream(const std::string& name) const {
    const auto at = name.find('@');
    if (at == std::string::npos)
        return std::nullopt;
    const std::string symbol = name.substr(0, at);
    const auto found = std::find(m_lowerSymbols.begin(), m_lowerSymbols.end(), symbol);
    if (found == m_lowerSymbols.end())
        return std::nullopt;
    Stream stream;
    stream.symbolIndex = static_cast<std::size_t>(found - m_lowerSymbols.begin());
    std::string rest = name.substr(at + 1);
    if (rest == "trade") {
        stream.kind = Kind::Trade;
    } else if (rest == "aggTrade") {
        stream.kind = Kind::AggTrade;
    } else if (rest == "bookTicker") {
        stream.kind = Kind::BookTicker;
    } else if (rest.rfind("kline_", 0) == 0) {
        stream.kind = Kind::Kline;
        stream.interval = KlineInterval::parse(rest.substr(6));
        if (!stream.interval)
            return std::nullopt;
    } else if (rest.rfind("depth", 0) == 0) {
        rest = rest.substr(5);
        if (rest.size() >= 6 && rest.substr(rest.size() - 6) == "@100ms") {
            stream.fast = true;
            rest.resize(rest.size() - 6);
        } else if (rest.size() >= 7 && rest.substr(rest.size() - 7) == "@1000ms") {
            rest.resize(rest.size() - 7);
        }
        if (rest.empty()) {
            stream.kind = Kind::DepthDiff;
        } else if (rest == "5" || rest == "10" || rest == "20") {
            stream.kind = Kind::DepthPartial;
            stream.levels = std::stoi(rest);
        } else {
            return std::nullopt;
        }
    } else {
        return std::nullopt;
    }
    return stream;
}

void StreamHub::addConnection(QWebSocket* socket) {
    auto session = std::make_unique<Session>();
    session->socket = socket;
    const QUrl url = socket->requestUrl();
    const QString path = url.path();
    Session& s = *session;
    m_sessions.emplace(socket, std::move(session));
    if (path == "/stream" || path == "/stream/") {
        s.combined = true;
        const QString streams = QUrlQuery(url).queryItemValue("streams", QUrl::FullyDecoded);
        for (const QString& name : streams.split('/', Qt::SkipEmptyParts))
            if (parseStream(name.toStdString()) && s.streams.size() < kMaxStreamsPerConnection)
                s.streams.insert(name.toStdString());
    } else {
        // /ws or /ws/<stream>[/<stream>...]; names that are no stream (a listenKey, a
        // client's own connection number) are accepted and deliver nothing.
        const QString tail = path.mid(3);
        for (const QString& name : tail.split('/', Qt::SkipEmptyParts))
            if (parseStream(name.toStdString()) && s.streams.size() < kMaxStreamsPerConnection)
                s.streams.insert(name.toStdString());
    }
    connect(socket, &QWebSocket::textMessageReceived, this, [this, socket](const QString& text) {
        auto it = m_sessions.find(socket);
        if (it != m_sessions.end())
            onText(*it->second, text);
    });
    connect(socket, &QWebSocket::pong, this, [this, socket](quint64, const QByteArray&) {
        auto it = m_sessions.find(socket);
        if (it != m_sessions.end())
            it->second->pingSentMs = 0;
    });
    connect(socket, &QWebSocket::disconnected, this, [this, socket] {
        m_sessions.erase(socket);
        socket->deleteLater();
    });
}

void StreamHub::onText(Session& session, const QString& text) {
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        session.socket->sendTextMessage(QString::fromStdString(controlError(
            3, "Invalid JSON: " + parseError.errorString().toStdString(), QJsonValue())));
        return;
    }
    const QJsonObject request = document.object();
    const QJsonValue id = request.value("id");
    if (!id.isNull() && !id.isUndefined() && !id.isDouble() && !id.isString()) {
        session.socket->sendTextMessage(QString::fromStdString(
            controlError(2, "Invalid request: request ID must be an unsigned integer", id)));
        return;
    }
    const QString method = request.value("method").toString();
    const QJsonArray params = request.value("params").toArray();
    JsonWriter w;
    w.beginObject();
    if (method == "SUBSCRIBE" || method == "UNSUBSCRIBE") {
        std::vector<std::string> names;
        for (const QJsonValue& value : params) {
            const std::string name = value.toString().toStdString();
            if (!value.isString() || !parseStream(name)) {
                session.socket->sendTextMessage(QString::fromStdString(
                    controlError(2, "Invalid request: unknown stream '" + name + "'", id)));
                return;
            }
            names.push_back(name);
        }
        for (const std::string& name : names) {
            if (method == "UNSUBSCRIBE")
                session.streams.erase(name);
            else if (session.streams.size() < kMaxStreamsPerConnection)
                session.streams.insert(name);
        }
        w.key("result").null();
    } else if (method == "LIST_SUBSCRIPTIONS") {
        w.key("result").beginArray();
        for (const std::string& name : session.streams)
            w.string(name);
        w.endArray();
    } else if (method == "SET_PROPERTY") {
        if (params.size() != 2 || params[0].toString() != "combined") {
            session.socket->sendTextMessage(
                QString::fromStdString(controlError(0, "Unknown property", id)));
            return;
        }
        if (!params[1].isBool()) {
            session.socket->sendTextMessage(QString::fromStdString(
                controlError(1, "Invalid value type: expected Boolean", id)));
            return;
        }
        session.combined = params[1].toBool();
        w.key("result").null();
    } else if (method == "GET_PROPERTY") {
        if (params.size() != 1 || params[0].toString() != "combined") {
            session.socket->sendTextMessage(
                QString::fromStdString(controlError(0, "Unknown property", id)));
            return;
        }
        w.key("result").boolean(session.combined);
    } else {
        session.socket->sendTextMessage(QString::fromStdString(controlError(
            2,
            "Invalid request: unknown variant '" + method.toStdString() +
                "', expected one of SUBSCRIBE, UNSUBSCRIBE, LIST_SUBSCRIPTIONS, SET_PROPERTY, "
                "GET_PROPERTY",
            id)));
        return;
    }
    writeId(w, id);
    w.endObject();
    session.socket->sendTextMessage(QString::fromStdString(w.take()));
}

void StreamHub::sendTo(Session& session, const std::string& stream, const std::string& payload) {
    if (!session.combined) {
        session.socket->sendTextMessage(QString::fromStdString(payload));
        return;
    }
    std::string wrapped;
    wrapped.reserve(payload.size() + stream.size() + 24);
    wrapped += "{\"stream\":\"";
    wrapped += stream;
    wrapped += "\",\"data\":";
    wrapped += payload;
    wrapped += '}';
    session.socket->sendTextMessage(QString::fromStdString(wrapped));
}

void StreamHub::send(Kind kind, std::size_t symbolIndex, const std::string& payload,
                     const std::optional<bool>& fast) {
    const std::string& symbol = m_lowerSymbols[symbolIndex];
    std::vector<std::string> names;
    switch (kind) {
    case Kind::Trade:
        names = {symbol + "@trade"};
        break;
    case Kind::AggTrade:
        names = {symbol + "@aggTrade"};
        break;
    case Kind::BookTicker:
        names = {symbol + "@bookTicker"};
        break;
    case Kind::DepthDiff:
        names = fast.value_or(false)
                    ? std::vector<std::string>{symbol + "@depth@100ms"}
                    : std::vector<std::string>{symbol + "@depth", symbol + "@depth@1000ms"};
        break;
    default:
        return;
    }
    for (auto& [socket, session] : m_sessions)
        for (const std::string& name : names)
            if (session->streams.contains(name))
                sendTo(*session, name, payload);
}

void StreamHub::onTrade(std::size_t symbolIndex, const ExchangeMarket::TradePrint& trade) {
    if (m_sessions.empty())
        return;
    const std::string& symbol = m_market.symbols()[symbolIndex].symbol;
    JsonWriter w;
    w.beginObject()
        .field("e", "trade")
        .field("E", eventTimeMs())
        .field("s", symbol)
        .field("t", trade.id)
        .field("p", trade.price.decimal())
        .field("q", trade.quantity.decimal())
        .field("T", trade.timeMs)
        .field("m", trade.buyerIsMaker)
        .field("M", true)
        .endObject();
    send(Kind::Trade, symbolIndex, w.text());
    JsonWriter a;
    a.beginObject()
        .field("e", "aggTrade")
        .field("E", eventTimeMs())
        .field("s", symbol)
        .field("a", trade.id)
        .field("p", trade.price.decimal())
        .field("q", trade.quantity.decimal())
        .field("f", trade.id)
        .field("l", trade.id)
        .field("T", trade.timeMs)
        .field("m", trade.buyerIsMaker)
        .field("M", true)
        .endObject();
    send(Kind::AggTrade, symbolIndex, a.text());
}

void StreamHub::onBookChanged(std::size_t symbolIndex, const DepthBook& book) {
    for (auto* pending : {&m_pendingSlow[symbolIndex], &m_pendingFast[symbolIndex]}) {
        if (pending->firstUpdateId == 0)
            pending->firstUpdateId = book.updateId();
        for (const DepthBook::Change& change : book.changes())
            pending->levels.emplace(static_cast<int>(change.side), change.price);
    }
    if (m_sessions.empty() || book.bids().empty() || book.asks().empty())
        return;
    JsonWriter w;
    w.beginObject()
        .field("u", book.updateId())
        .field("s", m_market.symbols()[symbolIndex].symbol)
        .field("b", book.bids()[0].price.decimal())
        .field("B", book.bids()[0].quantity.decimal())
        .field("a", book.asks()[0].price.decimal())
        .field("A", book.asks()[0].quantity.decimal())
        .endObject();
    send(Kind::BookTicker, symbolIndex, w.text());
}

std::string StreamHub::depthDiff(std::size_t symbolIndex, PendingDiff& pending) const {
    const DepthBook& book = m_market.book(symbolIndex);
    JsonWriter w;
    w.beginObject()
        .field("e", "depthUpdate")
        .field("E", eventTimeMs())
        .field("s", m_market.symbols()[symbolIndex].symbol)
        .field("U", pending.firstUpdateId)
        .field("u", book.updateId());
    for (const Side side : {Side::Buy, Side::Sell}) {
        w.key(side == Side::Buy ? "b" : "a").beginArray();
        std::vector<Price> prices;
        for (const auto& [s, price] : pending.levels)
            if (s == static_cast<int>(side))
                prices.push_back(price);
        if (side == Side::Buy)
            std::reverse(prices.begin(), prices.end());
        for (const Price& price : prices)
            w.beginArray()
                .decimal(price.decimal())
                .decimal(book.quantityAt(side, price).decimal())
                .endArray();
        w.endArray();
    }
    w.endObject();
    return w.take();
}

void StreamHub::flushDiffs(bool fast) {
    auto& pendings = fast ? m_pendingFast : m_pendingSlow;
    for (std::size_t i = 0; i < pendings.size(); ++i) {
        PendingDiff& pending = pendings[i];
        if (pending.firstUpdateId == 0)
            continue;
        if (!m_sessions.empty())
            send(Kind::DepthDiff, i, depthDiff(i, pending), fast);
        pending = PendingDiff{};
    }
}

void StreamHub::sendPartials(bool fast) {
    for (auto& [socket, session] : m_sessions) {
        for (const std::string& name : session->streams) {
            const auto stream = parseStream(name);
            if (!stream || stream->kind != Kind::DepthPartial || stream->fast != fast)
                continue;
            const DepthBook& book = m_market.book(stream->symbolIndex);
            JsonWriter w;
            w.beginObject().field("lastUpdateId", book.updateId());
            for (const bool bids : {true, false}) {
                const auto& levels = bids ? book.bids() : book.asks();
                w.key(bids ? "bids" : "asks").beginArray();
                for (std::size_t k = 0;
                     k < levels.size() && k < static_cast<std::size_t>(stream->levels); ++k)
                    w.beginArray()
                        .decimal(levels[k].price.decimal())
                        .decimal(levels[k].quantity.decimal())
                        .endArray();
                w.endArray();
            }
            w.endObject();
            sendTo(*session, name, w.text());
        }
    }
}

std::string StreamHub::klinePayload(std::size_t symbolIndex, const KlineInterval& interval,
                                    const ExchangeMarket::Kline& k, bool closed) const {
    const std::string& symbol = m_market.symbols()[symbolIndex].symbol;
    const auto& tape = m_market.recentTrades(symbolIndex);
    const std::int64_t last = tape.empty() ? -1 : tape.back().id;
    JsonWriter w;
    w.beginObject().field("e", "kline").field("E", eventTimeMs()).field("s", symbol);
    w.key("k")
        .beginObject()
        .field("t", k.openTimeMs)
        .field("T", k.closeTimeMs)
        .field("s", symbol)
        .field("i", interval.name())
        .field("f", k.trades > 0 ? std::max<std::int64_t>(0, last - k.trades + 1) : -1)
        .field("L", k.trades > 0 ? last : -1)
        .field("o", k.open)
        .field("c", k.close)
        .field("h", k.high)
        .field("l", k.low)
        .field("v", k.volume)
        .field("n", k.trades)
        .field("x", closed)
        .field("q", k.quoteVolume)
        .field("V", k.takerBuyBase)
        .field("Q", k.takerBuyQuote)
        .field("B", "0")
        .endObject();
    w.endObject();
    return w.take();
}

void StreamHub::sendKlines() {
    std::map<std::string, std::vector<std::string>> payloads; // stream -> messages
    for (auto& [socket, session] : m_sessions)
        for (const std::string& name : session->streams) {
            if (payloads.contains(name))
                continue;
            const auto stream = parseStream(name);
            if (!stream || stream->kind != Kind::Kline)
                continue;
            auto& messages = payloads[name];
            const auto current = m_market.klines(stream->symbolIndex, *stream->interval,
                                                 std::nullopt, std::nullopt, 1);
            if (current.empty())
                continue;
            auto previous = m_klineOpen.find(name);
            if (previous != m_klineOpen.end() && previous->second < current.back().openTimeMs) {
                const auto closed = m_market.klines(stream->symbolIndex, *stream->interval,
                                                    previous->second, previous->second, 1);
                if (!closed.empty())
                    messages.push_back(
                        klinePayload(stream->symbolIndex, *stream->interval, closed.back(), true));
            }
            m_klineOpen[name] = current.back().openTimeMs;
            messages.push_back(
                klinePayload(stream->symbolIndex, *stream->interval, current.back(), false));
        }
    for (auto& [socket, session] : m_sessions)
        for (const std::string& name : session->streams) {
            auto it = payloads.find(name);
            if (it == payloads.end())
                continue;
            for (const std::string& message : it->second)
                sendTo(*session, name, message);
        }
}

void StreamHub::sendPings() {
    const std::int64_t now = steadyMs();
    std::vector<QWebSocket*> stale;
    for (auto& [socket, session] : m_sessions) {
        if (session->pingSentMs != 0 && now - session->pingSentMs > kPongTimeoutMs) {
            stale.push_back(socket);
            continue;
        }
        if (session->pingSentMs == 0)
            session->pingSentMs = now;
        socket->ping(QByteArray::number(static_cast<qlonglong>(eventTimeMs())));
    }
    for (QWebSocket* socket : stale)
        socket->close(QWebSocketProtocol::CloseCodeGoingAway, "Pong timeout");
}

} // namespace cw::exchangesim
