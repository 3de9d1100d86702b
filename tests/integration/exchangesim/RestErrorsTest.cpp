// SPDX-License-Identifier: MIT
// Every error the venue documents for these cases, with its code and HTTP status.

#include "tests/integration/exchangesim/ExchangeSimClient.hpp"

using namespace cw::exchangesim;
using namespace cw::exchangesim::testing;

namespace {

/// The best bid and ask of a symbol as strings.
std::pair<QString, QString> touch(ExchangeSimHarness& sim, const QString& symbol) {
    const auto depth = sim.get("/api/v3/depth", "symbol=" + symbol + "&limit=5").object();
    return {depth["bids"].toArray()[0].toArray()[0].toString(),
            depth["asks"].toArray()[0].toArray()[0].toString()};
}

} // namespace

TEST(ExchangeSimErrors, unknownSymbolIs1121) {
    ExchangeSimHarness sim;
    ASSERT_TRUE(sim.ok());
    for (const char* path : {"/api/v3/depth", "/api/v3/trades", "/api/v3/ticker/price",
                             "/api/v3/avgPrice", "/api/v3/exchangeInfo"}) {
        auto result = sim.get(path, "symbol=DOGEEUR");
        EXPECT_EQ(result.status, 400) << path;
        EXPECT_EQ(result.code(), -1121) << path;
        EXPECT_EQ(result.object()["msg"].toString(), "Invalid symbol.");
    }
    auto order =
        sim.signedQuery("POST", "/api/v3/order", "symbol=DOGEEUR&side=BUY&type=MARKET&quantity=1");
    EXPECT_EQ(order.code(), -1121);
}

TEST(ExchangeSimErrors, missingMandatoryParameterIs1102) {
    ExchangeSimHarness sim;
    ASSERT_TRUE(sim.ok());
    auto depth = sim.get("/api/v3/depth");
    EXPECT_EQ(depth.status, 400);
    EXPECT_EQ(depth.code(), -1102);
    EXPECT_EQ(depth.object()["msg"].toString(),
              "Mandatory parameter 'symbol' was not sent, was empty/null, or malformed.");
    // An empty value counts as missing.
    EXPECT_EQ(sim.get("/api/v3/klines", "symbol=BTCUSDT&interval=").code(), -1102);
    auto limit = sim.signedQuery("POST", "/api/v3/order",
                                 "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1");
    EXPECT_EQ(limit.code(), -1102) << limit.body.toStdString();
    EXPECT_TRUE(limit.object()["msg"].toString().contains("'price'"));
    auto noTimestamp = sim.send("GET", "/api/v3/account?signature=00");
    EXPECT_EQ(noTimestamp.code(), -1102);
    auto market = sim.signedQuery("POST", "/api/v3/order", "symbol=BTCUSDT&side=BUY&type=MARKET");
    EXPECT_EQ(market.code(), -1102);
}

TEST(ExchangeSimErrors, malformedValuesAre1100) {
    ExchangeSimHarness sim;
    ASSERT_TRUE(sim.ok());
    for (const char* quantity : {"abc", "NaN", "1e5", "-1", "1.2.3", "0x10", "inf"}) {
        auto result = sim.signedQuery(
            "POST", "/api/v3/order",
            QString("symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&price=100&quantity=") +
                quantity);
        EXPECT_EQ(result.status, 400) << quantity;
        EXPECT_EQ(result.code(), -1100) << quantity << " " << result.body.toStdString();
    }
    EXPECT_EQ(sim.get("/api/v3/depth", "symbol=BTCUSDT&limit=ten").code(), -1100);
    auto id = sim.signedQuery("POST", "/api/v3/order",
                              "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.001&"
                              "newClientOrderId=has%20space");
    EXPECT_EQ(id.code(), -1100);
    auto tooLong = sim.signedQuery("POST", "/api/v3/order",
                                   "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.001&"
                                   "newClientOrderId=" +
                                       QString(37, 'a'));
    EXPECT_EQ(tooLong.code(), -1100);
    EXPECT_EQ(sim.get("/api/v3/klines", "symbol=BTCUSDT&interval=7m").code(), -1120);
}

TEST(ExchangeSimErrors, filterFailuresAre1013) {
    ExchangeSimHarness sim;
    ASSERT_TRUE(sim.ok());
    const auto [bid, ask] = touch(sim, "BTCUSDT");
    ASSERT_FALSE(bid.isEmpty());
    auto offTick = sim.signedQuery("POST", "/api/v3/order",
                                   "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&"
                                   "quantity=0.001&price=50000.005");
    EXPECT_EQ(offTick.code(), -1013);
    EXPECT_EQ(offTick.object()["msg"].toString(), "Filter failure: PRICE_FILTER");
    auto offStep = sim.signedQuery("POST", "/api/v3/order",
                                   "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&"
                                   "quantity=0.000015&price=50000");
    EXPECT_EQ(offStep.object()["msg"].toString(), "Filter failure: LOT_SIZE");
    auto zero = sim.signedQuery("POST", "/api/v3/order",
                                "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&"
                                "quantity=0&price=50000");
    EXPECT_EQ(zero.object()["msg"].toString(), "Filter failure: LOT_SIZE");
    auto small = sim.signedQuery("POST", "/api/v3/order",
                                 "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&"
                                 "quantity=0.00001&price=50000"); // 0.5 USDT < 5
    EXPECT_EQ(small.code(), -1013);
    EXPECT_EQ(small.object()["msg"].toString(), "Filter failure: NOTIONAL");
    auto smallMarket = sim.signedQuery("POST", "/api/v3/order",
                                       "symbol=BTCUSDT&side=BUY&type=MARKET&quoteOrderQty=1");
    EXPECT_EQ(smallMarket.object()["msg"].toString(), "Filter failure: NOTIONAL");
    auto tooMuchPrecision = sim.signedQuery("POST", "/api/v3/order",
                                            "symbol=BTCUSDT&side=BUY&type=LIMIT&"
                                            "timeInForce=GTC&quantity=0.001&price="
                                            "50000.0000000000000000001");
    EXPECT_EQ(tooMuchPrecision.status, 400);
    EXPECT_NE(tooMuchPrecision.code(), 0);
}

TEST(ExchangeSimErrors, insufficientBalanceIs2010) {
    ExchangeSimHarness sim;
    ASSERT_TRUE(sim.ok());
    const auto [bid, ask] = touch(sim, "BTCUSDT");
    // 100,000 USDT buys well under 3 BTC at ~60,000.
    auto buy = sim.signedQuery("POST", "/api/v3/order",
                               "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=3&"
                               "price=" +
                                   bid);
    EXPECT_EQ(buy.status, 400);
    EXPECT_EQ(buy.code(), -2010);
    EXPECT_EQ(buy.object()["msg"].toString(),
              "Account has insufficient balance for requested action.");
    // 1 BTC to start with: selling 2 fails the same way.
    auto sell =
        sim.signedQuery("POST", "/api/v3/order", "symbol=BTCUSDT&side=SELL&type=MARKET&quantity=2");
    EXPECT_EQ(sell.code(), -2010);
    // Nothing was created.
    EXPECT_EQ(sim.signedQuery("GET", "/api/v3/openOrders", "symbol=BTCUSDT").array().size(), 0);
}

TEST(ExchangeSimErrors, unknownOrdersAre2011OnCancelAnd2013OnQuery) {
    ExchangeSimHarness sim;
    ASSERT_TRUE(sim.ok());
    auto cancel = sim.signedQuery("DELETE", "/api/v3/order", "symbol=BTCUSDT&orderId=424242");
    EXPECT_EQ(cancel.status, 400);
    EXPECT_EQ(cancel.code(), -2011);
    EXPECT_EQ(cancel.object()["msg"].toString(), "Unknown order sent.");
    auto query = sim.signedQuery("GET", "/api/v3/order", "symbol=BTCUSDT&origClientOrderId=nope");
    EXPECT_EQ(query.status, 400);
    EXPECT_EQ(query.code(), -2013);
    EXPECT_EQ(query.object()["msg"].toString(), "Order does not exist.");
    EXPECT_EQ(sim.signedQuery("DELETE", "/api/v3/openOrders", "symbol=BTCUSDT").code(), -2011);
}

TEST(ExchangeSimErrors, tooMuchWeightIs429ThenAnIpBanIs418) {
    ExchangeSimConfig config = ExchangeSimHarness::defaultConfig();
    config.requestWeightPerMinute = 30; // exchangeInfo weighs 20
    config.banAfterRefusals = 2;
    config.banMs = 60'000;
    ExchangeSimHarness sim(config);
    ASSERT_TRUE(sim.ok());
    auto first = sim.get("/api/v3/exchangeInfo");
    EXPECT_EQ(first.status, 200);
    EXPECT_EQ(first.headers.value("x-mbx-used-weight-1m"), "20");
    auto second = sim.get("/api/v3/exchangeInfo");
    EXPECT_EQ(second.status, 429);
    EXPECT_EQ(second.code(), -1003);
    EXPECT_GE(second.headers.value("retry-after").toInt(), 1);
    EXPECT_TRUE(second.object()["msg"].toString().startsWith("Too much request weight used"));
    // Light requests still fit.
    EXPECT_EQ(sim.get("/api/v3/ping").status, 200);
    // Keeping on after 429s gets the IP banned; then even light requests are refused.
    EXPECT_EQ(sim.get("/api/v3/exchangeInfo").status, 429);
    auto banned = sim.get("/api/v3/exchangeInfo");
    EXPECT_EQ(banned.status, 418);
    EXPECT_EQ(banned.code(), -1003);
    EXPECT_TRUE(banned.object()["msg"].toString().contains("IP banned until"));
    EXPECT_GE(banned.headers.value("retry-after").toInt(), 59);
    EXPECT_EQ(sim.get("/api/v3/ping").status, 418);
}

TEST(ExchangeSimErrors, tooManyOrdersIs1015) {
    ExchangeSimConfig config = ExchangeSimHarness::defaultConfig();
    config.ordersPer10s = 2;
    ExchangeSimHarness sim(config);
    ASSERT_TRUE(sim.ok());
    const auto [bid, ask] = touch(sim, "ETHUSDT");
    const QString order = "symbol=ETHUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.01&"
                          "price=1000";
    auto one = sim.signedQuery("POST", "/api/v3/order", order);
    EXPECT_EQ(one.status, 200) << one.body.toStdString();
    EXPECT_EQ(one.headers.value("x-mbx-order-count-10s"), "1");
    EXPECT_EQ(sim.signedQuery("POST", "/api/v3/order", order).status, 200);
    auto third = sim.signedQuery("POST", "/api/v3/order", order);
    EXPECT_EQ(third.status, 429);
    EXPECT_EQ(third.code(), -1015);
}
