// SPDX-License-Identifier: MIT
// Orders over REST: partial fills, queries, cancels, balances and trades, the venue's order
// types and times in force.

#include "core/domain/Decimal.hpp"
#include "tests/integration/exchangesim/ExchangeSimClient.hpp"

using namespace cw;
using namespace cw::exchangesim;
using namespace cw::exchangesim::testing;

namespace {

Decimal dec(const QJsonValue& value) {
    auto parsed = Decimal::parse(value.toString().toStdString());
    EXPECT_TRUE(parsed.hasValue()) << value.toString().toStdString();
    return parsed.valueOr(Decimal());
}

QString text(const Decimal& value) {
    return QString::fromStdString(value.toString());
}

struct Level {
    Decimal price;
    Decimal quantity;
};

Level bestAsk(ExchangeSimHarness& sim, const QString& symbol) {
    const auto depth = sim.get("/api/v3/depth", "symbol=" + symbol + "&limit=5").object();
    const auto ask = depth["asks"].toArray()[0].toArray();
    return {dec(ask[0]), dec(ask[1])};
}

Level bestBid(ExchangeSimHarness& sim, const QString& symbol) {
    const auto depth = sim.get("/api/v3/depth", "symbol=" + symbol + "&limit=5").object();
    const auto bid = depth["bids"].toArray()[0].toArray();
    return {dec(bid[0]), dec(bid[1])};
}

Decimal freeBalance(ExchangeSimHarness& sim, const QString& asset) {
    for (const QJsonValue& b :
         sim.signedQuery("GET", "/api/v3/account", "").object()["balances"].toArray())
        if (b["asset"].toString() == asset)
            return dec(b["free"]);
    return Decimal();
}

ExchangeSimConfig slowMarket() {
    ExchangeSimConfig config = ExchangeSimHarness::defaultConfig();
    config.speed = 0.1; // the book barely moves between our requests
    return config;
}

} // namespace

TEST(ExchangeSimTrading, limitOrderThroughTheTouchFillsPartiallyAndRests) {
    ExchangeSimHarness sim(slowMarket());
    ASSERT_TRUE(sim.ok());
    QJsonObject order;
    // The touch can move between reading the book and ordering; try a few times.
    for (int attempt = 0; attempt < 8; ++attempt) {
        const Level ask = bestAsk(sim, "BTCUSDT");
        // Ten times the touch size at the touch price: only the touch level is at or under
        // the limit, the rest of the book is dearer.
        const Decimal quantity = *ask.quantity.multiply(Decimal::fromRaw(10, 0));
        auto placed = sim.signedQuery("POST", "/api/v3/order",
                                      "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&"
                                      "quantity=" +
                                          text(quantity) + "&price=" + text(ask.price) +
                                          "&newClientOrderId=x-partial" + QString::number(attempt));
        ASSERT_EQ(placed.status, 200) << placed.body.toStdString();
        order = placed.object();
        if (order["status"].toString() == "PARTIALLY_FILLED")
            break;
        sim.signedQuery("DELETE", "/api/v3/openOrders", "symbol=BTCUSDT");
    }
    ASSERT_EQ(order["status"].toString(), "PARTIALLY_FILLED");
    const Decimal executed = dec(order["executedQty"]);
    const Decimal original = dec(order["origQty"]);
    EXPECT_GT(executed, Decimal());
    EXPECT_LT(executed, original);
    // FULL response: the fills add up to the executed quantity and the quote quantity.
    Decimal filled;
    Decimal quote;
    for (const QJsonValue& fill : order["fills"].toArray()) {
        filled = *filled.add(dec(fill["qty"]));
        quote = *quote.add(*dec(fill["qty"]).multiply(dec(fill["price"])));
        EXPECT_EQ(fill["commissionAsset"].toString(), "USDT");
        EXPECT_GT(fill["tradeId"].toInteger(), 0);
    }
    EXPECT_EQ(filled, executed);
    EXPECT_EQ(quote, dec(order["cummulativeQuoteQty"]));

    const qint64 orderId = order["orderId"].toInteger();
    auto queried = sim.signedQuery("GET", "/api/v3/order",
                                   "symbol=BTCUSDT&orderId=" + QString::number(orderId))
                       .object();
    EXPECT_EQ(queried["clientOrderId"], order["clientOrderId"]);
    EXPECT_TRUE(queried["isWorking"].toBool());
    EXPECT_GE(dec(queried["executedQty"]), executed);

    auto open = sim.signedQuery("GET", "/api/v3/openOrders", "symbol=BTCUSDT").array();
    ASSERT_EQ(open.size(), 1);
    EXPECT_EQ(open[0].toObject()["orderId"].toInteger(), orderId);

    auto trades = sim.signedQuery("GET", "/api/v3/myTrades", "symbol=BTCUSDT").array();
    ASSERT_GE(trades.size(), order["fills"].toArray().size());
    for (const QJsonValue& t : trades) {
        EXPECT_EQ(t["orderId"].toInteger(), orderId);
        EXPECT_TRUE(t["isBuyer"].toBool());
    }

    // Cancel by client order id; the filled part stays filled.
    auto canceled =
        sim.signedQuery("DELETE", "/api/v3/order",
                        "symbol=BTCUSDT&origClientOrderId=" + order["clientOrderId"].toString())
            .object();
    EXPECT_EQ(canceled["status"].toString(), "CANCELED");
    EXPECT_EQ(canceled["origClientOrderId"], order["clientOrderId"]);
    EXPECT_GE(dec(canceled["executedQty"]), executed);
    EXPECT_TRUE(sim.signedQuery("GET", "/api/v3/openOrders", "symbol=BTCUSDT").array().isEmpty());
    auto all = sim.signedQuery("GET", "/api/v3/allOrders", "symbol=BTCUSDT").array();
    EXPECT_EQ(all.last()["status"].toString(), "CANCELED");
    // A second cancel of the same order: it is no longer open.
    EXPECT_EQ(sim.signedQuery("DELETE", "/api/v3/order",
                              "symbol=BTCUSDT&orderId=" + QString::number(orderId))
                  .code(),
              -2011);
}

TEST(ExchangeSimTrading, marketOrdersMoveBalancesByWhatTheFillsSay) {
    ExchangeSimHarness sim(slowMarket());
    ASSERT_TRUE(sim.ok());
    const Decimal usdtBefore = freeBalance(sim, "USDT");
    const Decimal ethBefore = freeBalance(sim, "ETH");
    EXPECT_EQ(usdtBefore, Decimal::fromRaw(100000, 0));
    EXPECT_EQ(ethBefore, Decimal::fromRaw(10, 0));
    // Parameters in the form body, timestamp first, as ccxt sends them.
    auto placed = sim.signedBody("POST", "/api/v3/order",
                                 "symbol=ETHUSDT&side=BUY&type=MARKET&quantity=0.5&"
                                 "newClientOrderId=x-R4BD3S82-market");
    ASSERT_EQ(placed.status, 200) << placed.body.toStdString();
    const auto order = placed.object();
    EXPECT_EQ(order["status"].toString(), "FILLED");
    EXPECT_EQ(order["type"].toString(), "MARKET");
    EXPECT_EQ(order["clientOrderId"].toString(), "x-R4BD3S82-market");
    EXPECT_EQ(dec(order["executedQty"]), Decimal::fromRaw(5, 1));
    Decimal fees;
    for (const QJsonValue& fill : order["fills"].toArray())
        fees = *fees.add(dec(fill["commission"]));
    EXPECT_GT(fees, Decimal());
    const Decimal spent = *dec(order["cummulativeQuoteQty"]).add(fees);
    EXPECT_EQ(freeBalance(sim, "USDT"), *usdtBefore.subtract(spent));
    EXPECT_EQ(freeBalance(sim, "ETH"), *ethBefore.add(Decimal::fromRaw(5, 1)));
}

TEST(ExchangeSimTrading, quoteOrderQtySpendsAtMostThatMuch) {
    ExchangeSimHarness sim(slowMarket());
    ASSERT_TRUE(sim.ok());
    auto placed = sim.signedQuery("POST", "/api/v3/order",
                                  "symbol=BTCUSDT&side=BUY&type=MARKET&quoteOrderQty=1000");
    ASSERT_EQ(placed.status, 200) << placed.body.toStdString();
    const auto order = placed.object();
    EXPECT_EQ(order["status"].toString(), "FILLED");
    EXPECT_EQ(dec(order["origQuoteOrderQty"]), Decimal::fromRaw(1000, 0));
    const Decimal quote = dec(order["cummulativeQuoteQty"]);
    EXPECT_LE(quote, Decimal::fromRaw(1000, 0));
    // Within one lot (0.00001 BTC, under a dollar) of the amount asked for.
    EXPECT_GT(quote, Decimal::fromRaw(999, 0));
}

TEST(ExchangeSimTrading, limitMakerThatWouldTakeIsRejected) {
    ExchangeSimHarness sim(slowMarket());
    ASSERT_TRUE(sim.ok());
    const Level ask = bestAsk(sim, "BTCUSDT");
    const Decimal through = *ask.price.add(Decimal::fromRaw(100, 0));
    auto taking = sim.signedQuery("POST", "/api/v3/order",
                                  "symbol=BTCUSDT&side=BUY&type=LIMIT_MAKER&quantity=0.001&price=" +
                                      text(through));
    EXPECT_EQ(taking.code(), -2010);
    EXPECT_EQ(taking.object()["msg"].toString(), "Order would immediately match and take.");
    const Decimal below = *bestBid(sim, "BTCUSDT").price.subtract(Decimal::fromRaw(100, 0));
    auto resting = sim.signedQuery("POST", "/api/v3/order",
                                   "symbol=BTCUSDT&side=BUY&type=LIMIT_MAKER&quantity=0.001&"
                                   "price=" +
                                       text(below));
    EXPECT_EQ(resting.status, 200) << resting.body.toStdString();
    // LIMIT_MAKER answers ACK by default: ids only, no status.
    EXPECT_GT(resting.object()["orderId"].toInteger(), 0);
    EXPECT_FALSE(resting.object().contains("status"));
    auto open = sim.signedQuery("GET", "/api/v3/openOrders", "symbol=BTCUSDT").array();
    ASSERT_EQ(open.size(), 1);
    EXPECT_EQ(open[0].toObject()["type"].toString(), "LIMIT_MAKER");
}

TEST(ExchangeSimTrading, fokThatCannotFillExpiresAndIocRemainderExpires) {
    ExchangeSimHarness sim(slowMarket());
    ASSERT_TRUE(sim.ok());
    const Level bid = bestBid(sim, "BTCUSDT");
    const Decimal below = *bid.price.subtract(Decimal::fromRaw(500, 0));
    auto fok = sim.signedQuery("POST", "/api/v3/order",
                               "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=FOK&quantity=0.01&"
                               "price=" +
                                   text(below));
    ASSERT_EQ(fok.status, 200) << fok.body.toStdString();
    EXPECT_EQ(fok.object()["status"].toString(), "EXPIRED");
    EXPECT_EQ(dec(fok.object()["executedQty"]), Decimal());
    auto ioc = sim.signedQuery("POST", "/api/v3/order",
                               "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=IOC&quantity=0.01&"
                               "price=" +
                                   text(below));
    EXPECT_EQ(ioc.object()["status"].toString(), "EXPIRED");
}

TEST(ExchangeSimTrading, stopOrdersThatWouldTriggerAtOnceAreRejectedOthersWait) {
    ExchangeSimHarness sim(slowMarket());
    ASSERT_TRUE(sim.ok());
    const Decimal last = dec(sim.get("/api/v3/ticker/price", "symbol=BTCUSDT").object()["price"]);
    const Decimal below = *last.subtract(Decimal::fromRaw(1000, 0));
    const Decimal above = *last.add(Decimal::fromRaw(1000, 0));
    // A buy stop below the market would trigger now.
    auto now = sim.signedQuery("POST", "/api/v3/order",
                               "symbol=BTCUSDT&side=BUY&type=STOP_LOSS_LIMIT&timeInForce=GTC&"
                               "quantity=0.001&price=" +
                                   text(above) + "&stopPrice=" + text(below));
    EXPECT_EQ(now.code(), -2010);
    EXPECT_EQ(now.object()["msg"].toString(), "Order would trigger immediately.");
    auto stop =
        sim.signedQuery("POST", "/api/v3/order",
                        "symbol=BTCUSDT&side=SELL&type=STOP_LOSS_LIMIT&timeInForce=GTC&"
                        "quantity=0.001&price=" +
                            text(below) + "&stopPrice=" + text(below) + "&newOrderRespType=RESULT");
    ASSERT_EQ(stop.status, 200) << stop.body.toStdString();
    EXPECT_EQ(stop.object()["status"].toString(), "NEW");
    EXPECT_EQ(dec(stop.object()["stopPrice"]), below);
    auto takeProfit = sim.signedQuery("POST", "/api/v3/order",
                                      "symbol=BTCUSDT&side=SELL&type=TAKE_PROFIT_LIMIT&"
                                      "timeInForce=GTC&quantity=0.001&price=" +
                                          text(above) + "&stopPrice=" + text(above));
    ASSERT_EQ(takeProfit.status, 200) << takeProfit.body.toStdString();
    auto open = sim.signedQuery("GET", "/api/v3/openOrders", "symbol=BTCUSDT").array();
    ASSERT_EQ(open.size(), 2);
    EXPECT_FALSE(open[0].toObject()["isWorking"].toBool());
    EXPECT_EQ(open[1].toObject()["type"].toString(), "TAKE_PROFIT_LIMIT");
    auto canceled = sim.signedQuery("DELETE", "/api/v3/openOrders", "symbol=BTCUSDT").array();
    EXPECT_EQ(canceled.size(), 2);
}

TEST(ExchangeSimTrading, orderTestValidatesWithoutPlacing) {
    ExchangeSimHarness sim(slowMarket());
    ASSERT_TRUE(sim.ok());
    auto ok = sim.signedQuery("POST", "/api/v3/order/test",
                              "symbol=ETHBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.1&"
                              "price=0.04");
    EXPECT_EQ(ok.status, 200) << ok.body.toStdString();
    EXPECT_EQ(ok.body, "{}");
    auto bad = sim.signedQuery("POST", "/api/v3/order/test",
                               "symbol=ETHBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.1&"
                               "price=0.040001");
    EXPECT_EQ(bad.code(), -1013);
    EXPECT_TRUE(sim.signedQuery("GET", "/api/v3/allOrders", "symbol=ETHBTC").array().isEmpty());
}

TEST(ExchangeSimTrading, duplicateOpenClientOrderIdIsRejected) {
    ExchangeSimHarness sim(slowMarket());
    ASSERT_TRUE(sim.ok());
    const QString order = "symbol=ETHUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.01&"
                          "price=1000&newClientOrderId=x-same-id";
    EXPECT_EQ(sim.signedQuery("POST", "/api/v3/order", order).status, 200);
    auto again = sim.signedQuery("POST", "/api/v3/order", order);
    EXPECT_EQ(again.code(), -2010);
    EXPECT_EQ(again.object()["msg"].toString(), "Duplicate order sent.");
}

TEST(ExchangeSimTrading, accountListsStartingBalancesAndLocksWhatOrdersHold) {
    ExchangeSimHarness sim(slowMarket());
    ASSERT_TRUE(sim.ok());
    auto account = sim.signedQuery("GET", "/api/v3/account", "").object();
    EXPECT_EQ(account["accountType"].toString(), "SPOT");
    EXPECT_TRUE(account["canTrade"].toBool());
    QStringList assets;
    for (const QJsonValue& b : account["balances"].toArray())
        assets << b["asset"].toString();
    EXPECT_TRUE(assets.contains("USDT") && assets.contains("BTC") && assets.contains("ETH") &&
                assets.contains("BNB"));
    sim.signedQuery("POST", "/api/v3/order",
                    "symbol=BNBUSDT&side=SELL&type=LIMIT&timeInForce=GTC&quantity=10&price=5000");
    for (const QJsonValue& b :
         sim.signedQuery("GET", "/api/v3/account", "").object()["balances"].toArray())
        if (b["asset"].toString() == "BNB") {
            EXPECT_EQ(dec(b["free"]), Decimal::fromRaw(90, 0));
            EXPECT_EQ(dec(b["locked"]), Decimal::fromRaw(10, 0));
        }
}
