// SPDX-License-Identifier: MIT
// The HTTP/1.1 layer: the request parser on its own, then malformed, oversized, pipelined
// and keep-alive requests against a running server.

#include "core/exchangesim/HttpRequestParser.hpp"
#include "tests/integration/exchangesim/ExchangeSimClient.hpp"

using namespace cw::exchangesim;
using namespace cw::exchangesim::testing;

TEST(HttpRequestParser, takesOneRequestAtATimeFromPipelinedBytes) {
    HttpRequestParser parser;
    parser.feed("GET /api/v3/ping HTTP/1.1\r\nHost: x\r\n\r\nPOST /api/v3/order?a=1 HTTP/1.1\r\n"
                "Content-Length: 7\r\n\r\nb=2&c=3");
    HttpRequest first;
    ASSERT_EQ(parser.next(first), HttpRequestParser::State::Complete);
    EXPECT_EQ(first.method, "GET");
    EXPECT_EQ(first.path, "/api/v3/ping");
    EXPECT_TRUE(first.query.empty());
    EXPECT_EQ(first.header("host"), std::optional<std::string_view>("x"));
    HttpRequest second;
    ASSERT_EQ(parser.next(second), HttpRequestParser::State::Complete);
    EXPECT_EQ(second.path, "/api/v3/order");
    EXPECT_EQ(second.query, "a=1");
    EXPECT_EQ(second.body, "b=2&c=3");
    HttpRequest none;
    EXPECT_EQ(parser.next(none), HttpRequestParser::State::NeedMore);
}

TEST(HttpRequestParser, waitsForTheWholeBody) {
    HttpRequestParser parser;
    parser.feed("POST / HTTP/1.1\r\nContent-Length: 4\r\n\r\nab");
    HttpRequest request;
    EXPECT_EQ(parser.next(request), HttpRequestParser::State::NeedMore);
    parser.feed("cd");
    ASSERT_EQ(parser.next(request), HttpRequestParser::State::Complete);
    EXPECT_EQ(request.body, "abcd");
}

TEST(HttpRequestParser, refusesMalformedHeads) {
    for (const char* bad : {
             "GARBAGE\r\n\r\n",                                // no target, no version
             "GET /x HTTP/2.0\r\n\r\n",                        // unsupported version
             "get /x HTTP/1.1\r\n\r\n",                        // lower-case method
             "GET x HTTP/1.1\r\n\r\n",                         // target not starting with /
             "GET /x HTTP/1.1\r\nNoColon\r\n\r\n",             // header without ':'
             "GET /x HTTP/1.1\r\n folded: x\r\n\r\n",          // obsolete folding
             "POST /x HTTP/1.1\r\nContent-Length: -1\r\n\r\n", // negative length
             "POST /x HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab",
             "POST /x HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
         }) {
        HttpRequestParser parser;
        parser.feed(bad);
        HttpRequest request;
        EXPECT_EQ(parser.next(request), HttpRequestParser::State::Failed) << bad;
        EXPECT_FALSE(parser.error().empty());
        // Once failed, it stays failed.
        parser.feed("GET / HTTP/1.1\r\n\r\n");
        EXPECT_EQ(parser.next(request), HttpRequestParser::State::Failed);
    }
}

TEST(HttpRequestParser, refusesOversizedHeadsAndBodies) {
    HttpRequestParser::Limits limits;
    limits.maxHeadBytes = 64;
    limits.maxBodyBytes = 8;
    HttpRequestParser head(limits);
    head.feed("GET /" + std::string(100, 'a'));
    HttpRequest request;
    EXPECT_EQ(head.next(request), HttpRequestParser::State::Failed);
    HttpRequestParser body(limits);
    body.feed("POST / HTTP/1.1\r\nContent-Length: 9\r\n\r\n");
    EXPECT_EQ(body.next(request), HttpRequestParser::State::Failed);
}

TEST(ExchangeSimHttp, answersMalformedRequestWith400AndKeepsServing) {
    ExchangeSimHarness sim;
    ASSERT_TRUE(sim.ok());
    bool closed = false;
    const QByteArray answer = rawExchange(sim.port(), "GARBAGE\r\n\r\n", 3000, &closed);
    EXPECT_TRUE(answer.startsWith("HTTP/1.1 400 ")) << answer.toStdString();
    const QByteArray body = answer.mid(answer.indexOf("\r\n\r\n") + 4);
    const QJsonObject error = QJsonDocument::fromJson(body).object();
    EXPECT_EQ(error.value("code").toInt(), -1000) << body.toStdString();
    EXPECT_TRUE(error.value("msg").toString().contains("Malformed"));
    EXPECT_TRUE(closed) << "the server closes a connection it cannot trust";

    // Binary junk does not crash it either.
    QByteArray junk(512, '\0');
    for (int i = 0; i < junk.size(); ++i)
        junk[i] = static_cast<char>((i * 37 + 11) & 0xff);
    rawExchange(sim.port(), junk + "\r\n\r\n", 2000);

    // The next client is served normally.
    auto ping = sim.get("/api/v3/ping");
    EXPECT_EQ(ping.status, 200);
    EXPECT_EQ(ping.body, "{}");
}

TEST(ExchangeSimHttp, answersOversizedHeadWith400) {
    ExchangeSimConfig config = ExchangeSimHarness::defaultConfig();
    config.maxHeadBytes = 1024;
    ExchangeSimHarness sim(config);
    ASSERT_TRUE(sim.ok());
    const QByteArray request =
        "GET /api/v3/ping HTTP/1.1\r\nX-Big: " + QByteArray(4096, 'x') + "\r\n\r\n";
    const QByteArray answer = rawExchange(sim.port(), request);
    EXPECT_TRUE(answer.startsWith("HTTP/1.1 400 ")) << answer.left(200).toStdString();
    EXPECT_EQ(sim.get("/api/v3/ping").status, 200);
}

TEST(ExchangeSimHttp, servesPipelinedRequestsInOrderOnOneConnection) {
    ExchangeSimHarness sim;
    ASSERT_TRUE(sim.ok());
    const QByteArray answer = rawExchange(
        sim.port(),
        "GET /api/v3/ping HTTP/1.1\r\nHost: a\r\n\r\n"
        "GET /api/v3/time HTTP/1.1\r\nHost: a\r\n\r\n"
        "GET /api/v3/depth?symbol=NOPE HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n");
    const int first = answer.indexOf("HTTP/1.1 200");
    const int second = answer.indexOf("serverTime");
    const int third = answer.indexOf("HTTP/1.1 400");
    EXPECT_GE(first, 0);
    EXPECT_GT(second, first);
    EXPECT_GT(third, second) << answer.toStdString();
    EXPECT_TRUE(answer.contains("-1121"));
    EXPECT_TRUE(answer.contains("Connection: close"));
}

TEST(ExchangeSimHttp, unknownPathIs404WithTheErrorShape) {
    ExchangeSimHarness sim;
    ASSERT_TRUE(sim.ok());
    auto result = sim.get("/api/v3/nothing");
    EXPECT_EQ(result.status, 404);
    EXPECT_TRUE(result.object().contains("code"));
}
