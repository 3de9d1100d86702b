// SPDX-License-Identifier: MIT
#include "core/adapters/binance/BinanceRestParser.hpp"

#include "tests/unit/adapters/binance/BinanceTestSupport.hpp"

#include <gtest/gtest.h>

using namespace cw;
using namespace cw::adapters;
using namespace cw::adapters::binance;
using namespace cw::adapters::binance::testing;

namespace {

class BinanceRestParserTest : public ::testing::Test {
protected:
    BinanceSymbolTable symbols = exampleSymbols();
    BinanceRestParser parser;
};

} // namespace

TEST_F(BinanceRestParserTest, exchangeInfoBuildsInstrumentsFromFilters) {
    auto info = parser.parseExchangeInfo(fixture("rest-exchange-info.json"));
    ASSERT_TRUE(info.hasValue()) << info.error().message;
    EXPECT_EQ(info->serverTime, 1'565'246'363'776 * kNsPerMillisecond);
    ASSERT_EQ(info->instruments.size(), 2U);
    const Instrument& eth = info->instruments[0];
    EXPECT_EQ(eth.symbol, "ETHBTC");
    EXPECT_EQ(eth.venue, "BINANCE");
    EXPECT_EQ(eth.assetClass, AssetClass::Crypto);
    EXPECT_EQ(eth.baseCurrency.code(), "ETH");
    EXPECT_EQ(eth.quoteCurrency.code(), "BTC");
    EXPECT_EQ(eth.pricePrecision, 6) << "tickSize 0.00000100";
    EXPECT_EQ(eth.tickSize.toString(), "0.000001");
    EXPECT_EQ(eth.quantityPrecision, 3) << "stepSize 0.00100000";
    EXPECT_EQ(eth.lotSize.toString(), "0.001");
    EXPECT_EQ(eth.minNotional.toString(), "10") << "NOTIONAL wins over the legacy MIN_NOTIONAL";
    EXPECT_EQ(eth.minNotional.currency().code(), "BTC");
    // Disabled PRICE_FILTER and no LOT_SIZE: the asset precisions.
    const Instrument& xyz = info->instruments[1];
    EXPECT_EQ(xyz.symbol, "XYZUSDT");
    EXPECT_EQ(xyz.pricePrecision, 4);
    EXPECT_EQ(xyz.tickSize.toString(), "0.0001");
    EXPECT_EQ(xyz.quantityPrecision, 2);
    EXPECT_TRUE(xyz.minNotional.isZero());
    ASSERT_EQ(info->skipped.size(), 1U);
    EXPECT_EQ(info->skipped[0], "BNBBTC: status BREAK");
    ASSERT_EQ(info->rateLimits.size(), 4U);
    EXPECT_EQ(info->rateLimits[0].rateLimitType, "REQUEST_WEIGHT");
    EXPECT_EQ(info->rateLimits[0].limit, 6000);
    EXPECT_EQ(info->rateLimits[1].intervalNum, 10);

    BinanceSymbolTable table;
    for (const auto& instrument : info->instruments)
        ASSERT_TRUE(table.add(instrument).hasValue());
    EXPECT_EQ(table.find("ETHBTC")->pricePrecision, 6);
    EXPECT_EQ(table.findStreamSymbol("ethbtc")->key.symbol(), "ETHBTC");
}

TEST_F(BinanceRestParserTest, exchangeInfoCanKeepNonTradingSymbols) {
    BinanceRestParser all({.includeNonTrading = true});
    auto info = all.parseExchangeInfo(fixture("rest-exchange-info.json"));
    ASSERT_TRUE(info.hasValue());
    EXPECT_EQ(info->instruments.size(), 3U);
}

TEST_F(BinanceRestParserTest, exchangeInfoSkipsSymbolsTheDomainCannotHold) {
    auto body = replaced(fixture("rest-exchange-info.json"), "\"baseAsset\": \"XYZ\"",
                         "\"baseAsset\": \"xyz-lower\"");
    auto info = parser.parseExchangeInfo(body);
    ASSERT_TRUE(info.hasValue());
    EXPECT_EQ(info->instruments.size(), 1U);
    EXPECT_EQ(info->skipped.size(), 2U);
    auto broken = replaced(fixture("rest-exchange-info.json"), "\"tickSize\": \"0.00000100\"",
                           "\"tickSize\": \"abc\"");
    auto failed = parser.parseExchangeInfo(broken);
    ASSERT_FALSE(failed.hasValue());
    EXPECT_EQ(parser.lastErrorKind(), BinanceParseErrorKind::BadNumber);
    EXPECT_FALSE(parser.parseExchangeInfo(R"({"symbols": 5})"));
    EXPECT_EQ(parser.lastErrorKind(), BinanceParseErrorKind::WrongType);
    EXPECT_FALSE(parser.parseExchangeInfo(R"({"timezone":"UTC"})"));
    EXPECT_EQ(parser.lastErrorKind(), BinanceParseErrorKind::MissingField);
}

TEST_F(BinanceRestParserTest, klinesBecomeExactBars) {
    BinanceSymbolInfo info = *symbols.find("ETHBTC");
    EXPECT_FALSE(parser.parseKlines(fixture("rest-klines.json"), info, Timeframe::weeks(1)))
        << "volume 148976.11427815 does not fit 4 decimals: refused, never rounded";
    EXPECT_EQ(parser.lastErrorKind(), BinanceParseErrorKind::BadNumber);
    info.quantityPrecision = 8;
    auto bars = parser.parseKlines(fixture("rest-klines.json"), info, Timeframe::weeks(1));
    ASSERT_TRUE(bars.hasValue()) << bars.error().message;
    ASSERT_EQ(bars->size(), 1U);
    const Bar& bar = (*bars)[0];
    EXPECT_EQ(bar.openTime, 1'499'040'000'000 * kNsPerMillisecond);
    EXPECT_EQ(bar.open.toString(), "0.01634790");
    EXPECT_EQ(bar.high.toString(), "0.80000000");
    EXPECT_EQ(bar.low.toString(), "0.01575800");
    EXPECT_EQ(bar.close.toString(), "0.01577100");
    EXPECT_EQ(bar.volume.toString(), "148976.11427815");
    EXPECT_EQ(bar.tradeCount, 308);
    EXPECT_EQ(bar.closeTime(), 1'499'644'800'000 * kNsPerMillisecond);
}

TEST_F(BinanceRestParserTest, klinesRejectMisalignedShortAndUnorderedRows) {
    BinanceSymbolInfo info = *symbols.find("ETHBTC");
    info.quantityPrecision = 8;
    const std::string body = fixture("rest-klines.json");
    EXPECT_FALSE(parser.parseKlines(body, info, Timeframe::days(3)));
    EXPECT_EQ(parser.lastErrorKind(), BinanceParseErrorKind::BadValue);
    EXPECT_FALSE(parser.parseKlines("[[1499040000000, \"1\"]]", info, Timeframe::weeks(1)));
    EXPECT_EQ(parser.lastErrorKind(), BinanceParseErrorKind::MissingField);
    const std::string row = R"([1499040000000,"1","1","1","1","1",0,"0",1,"0","0","0"])";
    EXPECT_FALSE(parser.parseKlines("[" + row + "," + row + "]", info, Timeframe::weeks(1)));
    EXPECT_EQ(parser.lastErrorKind(), BinanceParseErrorKind::BadValue);
    auto empty = parser.parseKlines("[]", info, Timeframe::weeks(1));
    ASSERT_TRUE(empty.hasValue());
    EXPECT_TRUE(empty->empty());
    EXPECT_FALSE(parser.parseKlines("[[1499040000000", info, Timeframe::weeks(1)));
    EXPECT_EQ(parser.lastErrorKind(), BinanceParseErrorKind::MalformedJson);
}

TEST_F(BinanceRestParserTest, depthSnapshotKeepsLevelsInOrder) {
    BinanceSymbolInfo info = *symbols.find("ETHBTC");
    auto depth = parser.parseDepth(fixture("rest-depth.json"), info);
    ASSERT_TRUE(depth.hasValue()) << depth.error().message;
    EXPECT_EQ(depth->lastUpdateId, 1'027'024U);
    EXPECT_FALSE(depth->partial);
    EXPECT_EQ(depth->instrument.symbol(), "ETHBTC");
    ASSERT_EQ(depth->bids.size(), 1U);
    EXPECT_EQ(depth->bids[0].price.toString(), "4.00000000");
    EXPECT_EQ(depth->bids[0].quantity.toString(), "431.0000");
    EXPECT_EQ(depth->asks[0].price.toString(), "4.00000200");
    EXPECT_FALSE(parser.parseDepth(R"({"lastUpdateId":1,"bids":[["1"]],"asks":[]})", info));
    EXPECT_EQ(parser.lastErrorKind(), BinanceParseErrorKind::MissingField);
    EXPECT_FALSE(parser.parseDepth(R"({"lastUpdateId":1,"bids":[["1","2","3"]],"asks":[]})", info));
    EXPECT_EQ(parser.lastErrorKind(), BinanceParseErrorKind::BadValue);
}

TEST_F(BinanceRestParserTest, accountBalancesAreExact) {
    auto account = parser.parseAccount(fixture("rest-account.json"));
    ASSERT_TRUE(account.hasValue()) << account.error().message;
    EXPECT_EQ(account->venue, "BINANCE");
    EXPECT_EQ(account->account, "354937868");
    ASSERT_EQ(account->balances.size(), 2U);
    EXPECT_EQ(account->balances[0].currency.code(), "BTC");
    EXPECT_EQ(account->balances[0].free.toString(), "4723846.89208129");
    EXPECT_EQ(account->balances[0].total.toString(), "4723846.89208129");
    EXPECT_EQ(account->balances[1].currency.code(), "LTC");
}

TEST_F(BinanceRestParserTest, orderResponsesAckResultAndFull) {
    auto ack = parser.parseOrder(fixture("rest-order-ack.json"), symbols);
    ASSERT_TRUE(ack.hasValue()) << ack.error().message;
    EXPECT_FALSE(ack->hasDetails);
    EXPECT_EQ(ack->orderId, 28);
    EXPECT_EQ(ack->clientOrderId, "6gCrw2kRUAF9CvJDGP16IP");
    EXPECT_EQ(ack->transactTime, 1'507'725'176'595 * kNsPerMillisecond);

    auto result = parser.parseOrder(fixture("rest-order-result.json"), symbols);
    ASSERT_TRUE(result.hasValue()) << result.error().message;
    EXPECT_TRUE(result->hasDetails);
    EXPECT_EQ(result->status, OrderStatus::Filled);
    EXPECT_EQ(result->type, OrderType::Market);
    EXPECT_EQ(result->side, Side::Sell);
    EXPECT_EQ(result->timeInForce, TimeInForce::Gtc);
    EXPECT_EQ(result->executedQuantity.toString(), "10.00000");
    EXPECT_EQ(result->cumulativeQuoteQuantity, "10.00000000");
    EXPECT_TRUE(result->fills.empty());

    auto full = parser.parseOrder(fixture("rest-order-full.json"), symbols);
    ASSERT_TRUE(full.hasValue()) << full.error().message;
    ASSERT_EQ(full->fills.size(), 5U);
    EXPECT_EQ(full->fills[1].price.toString(), "3999.00");
    EXPECT_EQ(full->fills[1].quantity.toString(), "5.00000");
    EXPECT_EQ(full->fills[1].commission.toDisplayString(), "19.99500000 USDT");
    EXPECT_EQ(full->fills[1].tradeId, 57);
}

TEST_F(BinanceRestParserTest, cancelQueryAndOpenOrders) {
    auto cancel = parser.parseOrder(fixture("rest-cancel-order.json"), symbols);
    ASSERT_TRUE(cancel.hasValue()) << cancel.error().message;
    EXPECT_EQ(cancel->status, OrderStatus::Canceled);
    EXPECT_EQ(cancel->origClientOrderId, "myOrder1");
    EXPECT_EQ(cancel->clientOrderId, "cancelMyOrder1");

    auto query = parser.parseOrder(fixture("rest-query-order.json"), symbols);
    ASSERT_TRUE(query.hasValue()) << query.error().message;
    EXPECT_EQ(query->createdTime, 1'499'827'319'559 * kNsPerMillisecond);
    EXPECT_EQ(query->price.toString(), "0.100000");
    EXPECT_TRUE(query->stopPrice.isZero());

    auto open = parser.parseOrders(fixture("rest-open-orders.json"), symbols);
    ASSERT_TRUE(open.hasValue()) << open.error().message;
    ASSERT_EQ(open->size(), 1U);
    EXPECT_EQ((*open)[0].status, OrderStatus::New);
    EXPECT_EQ((*open)[0].originalQuantity.toString(), "1.00");
}

TEST_F(BinanceRestParserTest, ordersWithUnknownEnumsOrSymbolsFail) {
    const std::string result = fixture("rest-order-result.json");
    EXPECT_FALSE(parser.parseOrder(replaced(result, "\"FILLED\"", "\"WEIRD\""), symbols));
    EXPECT_EQ(parser.lastErrorKind(), BinanceParseErrorKind::BadValue);
    EXPECT_FALSE(parser.parseOrder(replaced(result, "\"MARKET\"", "\"ICEBERG\""), symbols));
    EXPECT_EQ(parser.lastErrorKind(), BinanceParseErrorKind::BadValue);
    EXPECT_FALSE(parser.parseOrder(replaced(result, "BTCUSDT", "NOPE"), symbols));
    EXPECT_EQ(parser.lastErrorKind(), BinanceParseErrorKind::UnknownSymbol);
    EXPECT_FALSE(
        parser.parseOrder(replaced(result, "\"orderId\": 28", "\"orderId\": \"28\""), symbols));
    EXPECT_EQ(parser.lastErrorKind(), BinanceParseErrorKind::WrongType);
}

TEST_F(BinanceRestParserTest, myTradesBecomeFillsByVenueOrderId) {
    auto fills = parser.parseMyTrades(fixture("rest-my-trades.json"), symbols);
    ASSERT_TRUE(fills.hasValue()) << fills.error().message;
    ASSERT_EQ(fills->size(), 1U);
    const OrderFilled& fill = (*fills)[0];
    EXPECT_EQ(fill.tradeId, "28457");
    EXPECT_EQ(fill.venueOrderId, "100234");
    EXPECT_TRUE(fill.clientOrderId.empty());
    EXPECT_EQ(fill.side, Side::Buy);
    EXPECT_EQ(fill.liquidity, Liquidity::Taker);
    EXPECT_EQ(fill.price.toString(), "4.000001");
    EXPECT_EQ(fill.quantity.toString(), "12.000");
    EXPECT_EQ(fill.fee.toDisplayString(), "10.10000000 BNB");
}

TEST_F(BinanceRestParserTest, errorBodiesAndServerTime) {
    auto error = parser.parseError(R"({"code":-1121,"msg":"Invalid symbol."})", 400);
    ASSERT_TRUE(error.hasValue());
    EXPECT_EQ(error->code, -1121);
    EXPECT_EQ(error->message, "Invalid symbol.");
    EXPECT_EQ(error->httpStatus, 400);
    EXPECT_FALSE(parser.parseError("<html>502 Bad Gateway</html>", 502));
    EXPECT_EQ(parser.lastErrorKind(), BinanceParseErrorKind::MalformedJson);
    EXPECT_FALSE(parser.parseError(R"({"msg":"no code"})", 400));
    EXPECT_EQ(parser.lastErrorKind(), BinanceParseErrorKind::MissingField);
    EXPECT_FALSE(parser.parseError(R"({"code":"-1121","msg":"x"})", 400));
    EXPECT_EQ(parser.lastErrorKind(), BinanceParseErrorKind::WrongType);

    auto time = parser.parseServerTime(R"({"serverTime": 1499827319559})");
    ASSERT_TRUE(time.hasValue());
    EXPECT_EQ(*time, 1'499'827'319'559);
    EXPECT_FALSE(parser.parseServerTime(R"({"serverTime": -5})"));
    EXPECT_FALSE(parser.parseServerTime(R"({"serverTime": 1e400})"));
    EXPECT_FALSE(parser.parseServerTime(R"({"serverTime": 1499827319559)"));
    EXPECT_EQ(parser.stats().totalFailures(), 6U);
}
