// SPDX-License-Identifier: MIT
// Market streams over WebSocket: raw and combined connections, live subscriptions, trade
// ids, depth diff sequencing against the REST snapshot, klines and pings.

#include "tests/integration/exchangesim/ExchangeSimClient.hpp"

#include <QWebSocket>

using namespace cw::exchangesim;
using namespace cw::exchangesim::testing;

namespace {

ExchangeSimConfig fastMarket() {
    ExchangeSimConfig config = ExchangeSimHarness::defaultConfig();
    config.speed = 20; // plenty of trades per wall-clock second
    config.klineIntervalMs = 200;
    config.pingIntervalMs = 300;
    return config;
}

/// A client connection that keeps every text message.
struct StreamClient {
    QWebSocket socket;
    QList<QJsonObject> messages;

    explicit StreamClient(const QString& url) {
        QObject::connect(&socket, &QWebSocket::textMessageReceived, &socket,
                         [this](const QString& text) {
                             messages << QJsonDocument::fromJson(text.toUtf8()).object();
                         });
        socket.open(QUrl(url));
    }
    bool connected() {
        return waitFor([&] { return socket.state() == QAbstractSocket::ConnectedState; });
    }
    void send(const QByteArray& json) { socket.sendTextMessage(QString::fromUtf8(json)); }
};

} // namespace

TEST(ExchangeSimStreams, rawTradeStreamDeliversTradesWithIncreasingIds) {
    ExchangeSimHarness sim(fastMarket());
    ASSERT_TRUE(sim.ok());
    StreamClient client("ws://127.0.0.1:" + QString::number(sim.port()) + "/ws/btcusdt@trade");
    ASSERT_TRUE(client.connected());
    ASSERT_TRUE(waitFor([&] { return client.messages.size() >= 5; }, 10000))
        << "got " << client.messages.size() << " trades";
    qint64 previous = 0;
    for (const QJsonObject& trade : client.messages) {
        EXPECT_EQ(trade["e"].toString(), "trade");
        EXPECT_EQ(trade["s"].toString(), "BTCUSDT");
        EXPECT_TRUE(trade["p"].isString() && trade["q"].isString());
        EXPECT_GT(trade["t"].toInteger(), previous);
        previous = trade["t"].toInteger();
    }
    // The tape agrees: the streamed ids are the REST trade ids.
    auto recent = sim.get("/api/v3/trades", "symbol=BTCUSDT&limit=1000").array();
    bool found = false;
    for (const QJsonValue& t : recent)
        found = found || t["id"].toInteger() == client.messages.first()["t"].toInteger();
    EXPECT_TRUE(found);
}

TEST(ExchangeSimStreams, subscribeListAndUnsubscribeOnABareConnection) {
    ExchangeSimHarness sim(fastMarket());
    ASSERT_TRUE(sim.ok());
    StreamClient client("ws://127.0.0.1:" + QString::number(sim.port()) + "/ws");
    ASSERT_TRUE(client.connected());
    client.send(
        R"({"method":"SUBSCRIBE","params":["ethusdt@aggTrade","btcusdt@bookTicker"],"id":1})");
    ASSERT_TRUE(waitFor([&] {
        return std::any_of(client.messages.begin(), client.messages.end(),
                           [](const QJsonObject& m) { return m["id"].toInt() == 1; });
    }));
    const auto reply = *std::find_if(client.messages.begin(), client.messages.end(),
                                     [](const QJsonObject& m) { return m["id"].toInt() == 1; });
    EXPECT_TRUE(reply.contains("result") && reply["result"].isNull());
    ASSERT_TRUE(waitFor(
        [&] {
            bool agg = false;
            bool book = false;
            for (const QJsonObject& m : client.messages) {
                agg = agg || m["e"].toString() == "aggTrade";
                book = book || (m.contains("u") && m.contains("b") && !m.contains("e"));
            }
            return agg && book;
        },
        10000));
    client.send(R"({"method":"LIST_SUBSCRIPTIONS","id":"list-2"})");
    ASSERT_TRUE(waitFor([&] {
        return std::any_of(client.messages.begin(), client.messages.end(),
                           [](const QJsonObject& m) { return m["id"].toString() == "list-2"; });
    }));
    const auto list =
        *std::find_if(client.messages.begin(), client.messages.end(),
                      [](const QJsonObject& m) { return m["id"].toString() == "list-2"; });
    EXPECT_EQ(list["result"].toArray().size(), 2);
    client.send(R"({"method":"SUBSCRIBE","params":["nosuch@trade"],"id":3})");
    ASSERT_TRUE(waitFor([&] {
        return std::any_of(client.messages.begin(), client.messages.end(),
                           [](const QJsonObject& m) { return m["id"].toInt() == 3; });
    }));
    client.send("this is not json");
    ASSERT_TRUE(waitFor([&] {
        return std::any_of(client.messages.begin(), client.messages.end(),
                           [](const QJsonObject& m) { return m["code"].toInt() == 3; });
    }));
    client.send(
        R"({"method":"UNSUBSCRIBE","params":["ethusdt@aggTrade","btcusdt@bookTicker"],"id":4})");
    ASSERT_TRUE(waitFor([&] {
        return std::any_of(client.messages.begin(), client.messages.end(),
                           [](const QJsonObject& m) { return m["id"].toInt() == 4; });
    }));
    waitFor([] { return false; }, 300);
    const qsizetype after = client.messages.size();
    waitFor([] { return false; }, 800);
    EXPECT_EQ(client.messages.size(), after) << "nothing arrives after unsubscribing";
}

TEST(ExchangeSimStreams, combinedStreamWrapsPayloadsWithTheirStreamName) {
    ExchangeSimHarness sim(fastMarket());
    ASSERT_TRUE(sim.ok());
    StreamClient client("ws://127.0.0.1:" + QString::number(sim.port()) +
                        "/stream?streams=btcusdt@trade/ethbtc@kline_1m");
    ASSERT_TRUE(client.connected());
    ASSERT_TRUE(waitFor(
        [&] {
            bool trade = false;
            bool kline = false;
            for (const QJsonObject& m : client.messages) {
                trade = trade || m["stream"].toString() == "btcusdt@trade";
                kline = kline || m["stream"].toString() == "ethbtc@kline_1m";
            }
            return trade && kline;
        },
        10000));
    for (const QJsonObject& m : client.messages) {
        ASSERT_TRUE(m.contains("data"));
        if (m["stream"].toString() == "ethbtc@kline_1m") {
            const QJsonObject k = m["data"].toObject()["k"].toObject();
            EXPECT_EQ(k["i"].toString(), "1m");
            EXPECT_EQ(k["s"].toString(), "ETHBTC");
            EXPECT_EQ(k["T"].toInteger() - k["t"].toInteger(), 59'999);
        }
    }
}

TEST(ExchangeSimStreams, depthDiffsFollowTheSnapshotWithoutGaps) {
    ExchangeSimHarness sim(fastMarket());
    ASSERT_TRUE(sim.ok());
    StreamClient client("ws://127.0.0.1:" + QString::number(sim.port()) +
                        "/ws/btcusdt@depth@100ms");
    ASSERT_TRUE(client.connected());
    ASSERT_TRUE(waitFor([&] { return !client.messages.isEmpty(); }, 10000));
    const auto snapshot = sim.get("/api/v3/depth", "symbol=BTCUSDT&limit=1000").object();
    const qint64 lastUpdateId = snapshot["lastUpdateId"].toInteger();
    ASSERT_TRUE(waitFor(
        [&] {
            return !client.messages.isEmpty() &&
                   client.messages.last()["u"].toInteger() > lastUpdateId + 3;
        },
        10000));
    // Consecutive events: U is the previous u + 1.
    for (int i = 1; i < client.messages.size(); ++i)
        EXPECT_EQ(client.messages[i]["U"].toInteger(), client.messages[i - 1]["u"].toInteger() + 1);
    // Applying the events after the snapshot gives the book the REST endpoint shows then.
    std::map<double, QString> bids;
    std::map<double, QString> asks;
    for (const QJsonValue& l : snapshot["bids"].toArray())
        bids[l.toArray()[0].toString().toDouble()] = l.toArray()[1].toString();
    for (const QJsonValue& l : snapshot["asks"].toArray())
        asks[l.toArray()[0].toString().toDouble()] = l.toArray()[1].toString();
    bool started = false;
    qint64 bookId = lastUpdateId;
    const qsizetype count = client.messages.size();
    for (qsizetype i = 0; i < count; ++i) {
        const QJsonObject& event = client.messages[i];
        const qint64 U = event["U"].toInteger();
        const qint64 u = event["u"].toInteger();
        if (u <= lastUpdateId)
            continue;
        if (!started) {
            ASSERT_LE(U, lastUpdateId + 1);
            ASSERT_GE(u, lastUpdateId + 1);
            started = true;
        } else {
            ASSERT_EQ(U, bookId + 1);
        }
        for (const auto& [key, side] : {std::pair{"b", &bids}, std::pair{"a", &asks}})
            for (const QJsonValue& l : event[key].toArray()) {
                const double price = l.toArray()[0].toString().toDouble();
                const QString quantity = l.toArray()[1].toString();
                if (quantity.toDouble() == 0.0)
                    side->erase(price);
                else
                    (*side)[price] = quantity;
            }
        bookId = u;
    }
    ASSERT_TRUE(started);
    // Compare with the server's book at that update id (no newer event may have happened
    // in between, so only compare when the ids match).
    const auto now = sim.get("/api/v3/depth", "symbol=BTCUSDT&limit=1000").object();
    if (now["lastUpdateId"].toInteger() == bookId) {
        ASSERT_EQ(static_cast<qsizetype>(bids.size()), now["bids"].toArray().size());
        auto it = bids.rbegin();
        for (const QJsonValue& l : now["bids"].toArray()) {
            EXPECT_DOUBLE_EQ(it->first, l.toArray()[0].toString().toDouble());
            EXPECT_EQ(it->second, l.toArray()[1].toString());
            ++it;
        }
    }
}

TEST(ExchangeSimStreams, partialDepthSnapshotsAndConnectionCleanup) {
    ExchangeSimHarness sim(fastMarket());
    ASSERT_TRUE(sim.ok());
    StreamClient client("ws://127.0.0.1:" + QString::number(sim.port()) +
                        "/ws/ethusdt@depth5@100ms");
    ASSERT_TRUE(client.connected());
    ASSERT_TRUE(waitFor([&] { return client.messages.size() >= 2; }, 5000));
    const QJsonObject partial = client.messages.first();
    EXPECT_TRUE(partial.contains("lastUpdateId"));
    EXPECT_EQ(partial["bids"].toArray().size(), 5);
    EXPECT_EQ(partial["asks"].toArray().size(), 5);
    EXPECT_EQ(sim.server().streamConnectionCount(), 1u);
    client.socket.close();
    EXPECT_TRUE(waitFor([&] { return sim.server().streamConnectionCount() == 0; }));
}

TEST(ExchangeSimStreams, webSocketApiPathIsRefusedForNow) {
    ExchangeSimHarness sim(fastMarket());
    ASSERT_TRUE(sim.ok());
    QWebSocket socket;
    bool failed = false;
    QObject::connect(&socket, QOverload<QAbstractSocket::SocketError>::of(&QWebSocket::error),
                     &socket, [&](QAbstractSocket::SocketError) { failed = true; });
    QObject::connect(&socket, &QWebSocket::disconnected, &socket, [&] { failed = true; });
    socket.open(QUrl("ws://127.0.0.1:" + QString::number(sim.port()) + "/ws-api/v3"));
    EXPECT_TRUE(waitFor([&] { return failed; }));
    // And the server still serves.
    EXPECT_EQ(sim.get("/api/v3/ping").status, 200);
}
