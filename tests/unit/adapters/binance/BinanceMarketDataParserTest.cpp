// SPDX-License-Identifier: MIT
#include "core/adapters/binance/BinanceMarketDataParser.hpp"

#include "tests/unit/adapters/binance/BinanceTestSupport.hpp"

#include <gtest/gtest.h>
#include <string>

using namespace cw;
using namespace cw::adapters;
using namespace cw::adapters::binance;
using namespace cw::adapters::binance::testing;

namespace {

constexpr TimestampNs kReceived = 1'672'515'782'200 * kNsPerMillisecond;

class BinanceMarketDataParserTest : public ::testing::Test {
protected:
    BinanceSymbolTable symbols = exampleSymbols();
    BinanceMarketDataParser parser{symbols};

    template <class T>
    T parseAs(const std::string& frame, std::string_view stream = {}) {
        auto result = parser.parse(frame, kReceived, stream);
        EXPECT_TRUE(result.hasValue()) << (result ? "" : result.error().message);
        if (!result)
            return T{};
        EXPECT_TRUE(std::holds_alternative<T>(*result)) << "index " << result->index();
        return std::holds_alternative<T>(*result) ? std::get<T>(*result) : T{};
    }

    /// Parses and expects a failure of `kind`; returns the message.
    std::string expectFailure(const std::string& frame, BinanceParseErrorKind kind,
                              std::string_view stream = {}) {
        auto result = parser.parse(frame, kReceived, stream);
        EXPECT_FALSE(result.hasValue()) << frame;
        EXPECT_EQ(parser.lastErrorKind(), kind) << frame;
        if (result)
            return {};
        const std::string prefix = "[" + std::string(binanceParseErrorKindName(kind)) + "]";
        EXPECT_EQ(result.error().message.rfind(prefix, 0), 0U) << result.error().message;
        return result.error().message;
    }
};

} // namespace

TEST_F(BinanceMarketDataParserTest, parsesTheDocumentedTrade) {
    const auto trade = parseAs<TradeReceived>(fixture("stream-trade.json"));
    EXPECT_EQ(trade.instrument.toString(), "BINANCE:BNBBTC");
    EXPECT_EQ(trade.tick.price.toString(), "0.001000");
    EXPECT_EQ(trade.tick.size.toString(), "100.000");
    EXPECT_EQ(trade.tick.time, 1'672'515'782'136 * kNsPerMillisecond);
    EXPECT_EQ(trade.tick.tradeId, 12345);
    EXPECT_EQ(trade.tick.aggressor, Side::Sell) << "m:true, the buyer was the maker";
    EXPECT_EQ(trade.receivedTime, kReceived);
    EXPECT_EQ(parser.stats().parsed(), 1U);
}

TEST_F(BinanceMarketDataParserTest, aggTradeUsesTheAggregateId) {
    const auto frame = replaced(fixture("stream-aggtrade.json"), "\"m\":true", "\"m\":false");
    const auto trade = parseAs<TradeReceived>(frame);
    EXPECT_EQ(trade.tick.tradeId, 12345);
    EXPECT_EQ(trade.tick.aggressor, Side::Buy);
    EXPECT_EQ(trade.tick.price.toString(), "0.001000");
}

TEST_F(BinanceMarketDataParserTest, unwrapsCombinedStreams) {
    const auto trade = parseAs<TradeReceived>(fixture("stream-combined-trade.json"));
    EXPECT_EQ(trade.instrument.symbol(), "BNBBTC");
    EXPECT_EQ(trade.tick.tradeId, 12345);
    const auto shutdown =
        parseAs<BinanceServerShutdown>(fixture("stream-server-shutdown-combined.json"));
    EXPECT_EQ(shutdown.eventTime, 1'770'123'456'789 * kNsPerMillisecond);
}

TEST_F(BinanceMarketDataParserTest, tradeFieldsMayComeInAnyOrder) {
    const auto trade = parseAs<TradeReceived>(
        R"({"M":true,"m":false,"T":1672515782136,"q":"2.5","p":"0.0015","t":7,"s":"BNBBTC","E":1,"e":"trade"})");
    EXPECT_EQ(trade.tick.price.toString(), "0.001500");
    EXPECT_EQ(trade.tick.size.toString(), "2.500");
    EXPECT_EQ(trade.tick.aggressor, Side::Buy);
}

TEST_F(BinanceMarketDataParserTest, refusesTheDocumentedKlineWhoseLowIsAboveItsOpen) {
    // The documentation's illustrative kline has o 0.0010 but l 0.0015: not a real bar.
    expectFailure(fixture("stream-kline.json"), BinanceParseErrorKind::BadValue);
}

TEST_F(BinanceMarketDataParserTest, parsesFormingAndClosedKlines) {
    // The documented kline with its low moved under the open so the bar is consistent.
    const std::string forming =
        replaced(fixture("stream-kline.json"), "\"l\":\"0.0015\"", "\"l\":\"0.0005\"");
    const auto update = parseAs<BinanceKlineUpdate>(forming);
    EXPECT_FALSE(update.closed);
    EXPECT_EQ(update.bar.timeframe, Timeframe::minutes(1));
    EXPECT_EQ(update.bar.openTime, 1'672'515'780'000 * kNsPerMillisecond);
    EXPECT_EQ(update.bar.open.toString(), "0.001000");
    EXPECT_EQ(update.bar.high.toString(), "0.002500");
    EXPECT_EQ(update.bar.low.toString(), "0.000500");
    EXPECT_EQ(update.bar.close.toString(), "0.002000");
    EXPECT_EQ(update.bar.volume.toString(), "1000.000");
    EXPECT_EQ(update.bar.tradeCount, 100);
    EXPECT_EQ(update.eventTime, 1'672'515'782'136 * kNsPerMillisecond);
    const auto closed = parseAs<BinanceKlineUpdate>(replaced(forming, "\"x\":false", "\"x\":true"));
    EXPECT_TRUE(closed.closed);
}

TEST_F(BinanceMarketDataParserTest, klineRejectsBadIntervalsAndInconsistentBars) {
    const std::string kline = fixture("stream-kline.json");
    expectFailure(replaced(kline, "\"i\":\"1m\"", "\"i\":\"7x\""), BinanceParseErrorKind::BadValue);
    expectFailure(replaced(kline, "\"t\":1672515780000", "\"t\":1672515781000"),
                  BinanceParseErrorKind::BadValue);
    expectFailure(replaced(kline, "\"h\":\"0.0025\"", "\"h\":\"0.0001\""),
                  BinanceParseErrorKind::BadValue);
    expectFailure(replaced(kline, "\"x\":false", "\"x\":\"no\""), BinanceParseErrorKind::WrongType);
}

TEST_F(BinanceMarketDataParserTest, bookTickerBecomesAQuoteStampedOnReceipt) {
    const auto quote = parseAs<QuoteReceived>(fixture("stream-bookticker.json"));
    EXPECT_EQ(quote.instrument.symbol(), "BNBUSDT");
    EXPECT_EQ(quote.quote.bidPrice.toString(), "25.3519");
    EXPECT_EQ(quote.quote.bidSize.toString(), "31.21");
    EXPECT_EQ(quote.quote.askPrice.toString(), "25.3652");
    EXPECT_EQ(quote.quote.askSize.toString(), "40.66");
    EXPECT_EQ(quote.quote.time, kReceived);
}

TEST_F(BinanceMarketDataParserTest, bookTickerIsFoundInAnyKeyOrderAndCombined) {
    const auto reordered = parseAs<QuoteReceived>(
        R"({"s":"BNBUSDT","A":"1","a":"25.4","B":"2","b":"25.3","u":400900217})");
    EXPECT_EQ(reordered.quote.bidPrice.toString(), "25.3000");
    const auto combined = parseAs<QuoteReceived>(
        "{\"stream\":\"bnbusdt@bookTicker\",\"data\":" + fixture("stream-bookticker.json") + "}");
    EXPECT_EQ(combined.quote.askSize.toString(), "40.66");
    expectFailure(R"({"u":1,"s":"BNBUSDT","b":"25.3","B":"1","a":"25.4"})",
                  BinanceParseErrorKind::MissingField);
}

TEST_F(BinanceMarketDataParserTest, parsesDiffDepth) {
    const auto update = parseAs<BinanceDepthUpdate>(fixture("stream-depth-update.json"));
    EXPECT_EQ(update.firstUpdateId, 157U);
    EXPECT_EQ(update.finalUpdateId, 160U);
    ASSERT_EQ(update.bids.size(), 1U);
    ASSERT_EQ(update.asks.size(), 1U);
    EXPECT_EQ(update.bids[0].price.toString(), "0.002400");
    EXPECT_EQ(update.bids[0].quantity.toString(), "10.000");
    EXPECT_EQ(update.asks[0].price.toString(), "0.002600");
    EXPECT_EQ(update.asks[0].quantity.toString(), "100.000");
}

TEST_F(BinanceMarketDataParserTest, partialDepthTakesItsSymbolFromTheStreamName) {
    const auto combined =
        parseAs<BinanceDepthSnapshot>(fixture("stream-combined-partial-depth.json"));
    EXPECT_TRUE(combined.partial);
    EXPECT_EQ(combined.instrument.symbol(), "BNBBTC");
    EXPECT_EQ(combined.lastUpdateId, 160U);
    const auto raw =
        parseAs<BinanceDepthSnapshot>(fixture("stream-partial-depth.json"), "bnbbtc@depth5");
    EXPECT_EQ(raw.asks.at(0).price.toString(), "0.002600");
    expectFailure(fixture("stream-partial-depth.json"), BinanceParseErrorKind::MissingField);
    expectFailure(fixture("stream-partial-depth.json"), BinanceParseErrorKind::UnknownSymbol,
                  "dogeusdt@depth5");
}

TEST_F(BinanceMarketDataParserTest, parsesControlRepliesAndErrors) {
    const auto subscribed = parseAs<BinanceControlReply>(fixture("stream-subscribe-reply.json"));
    EXPECT_EQ(subscribed.id, "1");
    EXPECT_EQ(subscribed.resultJson, "null");
    const auto list = parseAs<BinanceControlReply>(fixture("stream-list-subscriptions-reply.json"));
    EXPECT_EQ(list.id, "3");
    EXPECT_EQ(list.resultJson, "[\"btcusdt@aggTrade\"]");
    const auto error =
        parseAs<BinanceVenueError>(R"({"code": 2, "msg": "Invalid request: too many parameters"})");
    EXPECT_EQ(error.code, 2);
    EXPECT_EQ(error.message, "Invalid request: too many parameters");
}

TEST_F(BinanceMarketDataParserTest, malformedInputIsAClearErrorNeverACrash) {
    const std::string trade = fixture("stream-trade.json");
    // Truncated anywhere: a MalformedJson error (or a missing field), never a value.
    for (std::size_t cut = 0; cut < trade.size() - 1; ++cut) {
        auto result = parser.parse(trade.substr(0, cut), kReceived);
        EXPECT_FALSE(result.hasValue()) << "cut at " << cut;
    }
    expectFailure("", BinanceParseErrorKind::MalformedJson);
    expectFailure("not json at all", BinanceParseErrorKind::MalformedJson);
    expectFailure(trade + "garbage", BinanceParseErrorKind::MalformedJson);
    expectFailure("[1,2,3]", BinanceParseErrorKind::WrongType);
    expectFailure("42", BinanceParseErrorKind::WrongType);
}

TEST_F(BinanceMarketDataParserTest, missingFieldsAndWrongTypesAreNamed) {
    const std::string trade = fixture("stream-trade.json");
    auto message =
        expectFailure(replaced(trade, "\"p\":\"0.001\",", ""), BinanceParseErrorKind::MissingField);
    EXPECT_NE(message.find("trade.p"), std::string::npos) << message;
    expectFailure(replaced(trade, "\"T\":1672515782136", "\"T\":\"1672515782136\""),
                  BinanceParseErrorKind::WrongType);
    expectFailure(replaced(trade, "\"p\":\"0.001\"", "\"p\":0.001"),
                  BinanceParseErrorKind::WrongType);
    expectFailure(replaced(trade, "\"t\":12345", "\"t\":\"x\""), BinanceParseErrorKind::WrongType);
    expectFailure(replaced(trade, "\"m\":true", "\"m\":1"), BinanceParseErrorKind::WrongType);
    expectFailure(replaced(fixture("stream-depth-update.json"), "\"U\":157", "\"U\":-157"),
                  BinanceParseErrorKind::BadNumber);
}

TEST_F(BinanceMarketDataParserTest, badNumbersAreRejectedExactly) {
    const std::string trade = fixture("stream-trade.json");
    // NaN as a JSON literal is not JSON; as a string it is not a decimal.
    expectFailure(replaced(trade, "\"p\":\"0.001\"", "\"p\":NaN"),
                  BinanceParseErrorKind::MalformedJson);
    expectFailure(replaced(trade, "\"p\":\"0.001\"", "\"p\":\"NaN\""),
                  BinanceParseErrorKind::BadNumber);
    expectFailure(replaced(trade, "\"p\":\"0.001\"", "\"p\":\"1e400\""),
                  BinanceParseErrorKind::BadNumber);
    auto huge = parser.parse(replaced(trade, "\"p\":\"0.001\"", "\"p\":\"99999999999999999999\""),
                             kReceived);
    ASSERT_FALSE(huge.hasValue());
    EXPECT_EQ(huge.error().code, ErrorCode::Overflow);
    auto tooPrecise =
        parser.parse(replaced(trade, "\"p\":\"0.001\"", "\"p\":\"0.0000001\""), kReceived);
    ASSERT_FALSE(tooPrecise.hasValue()) << "never rounded";
    EXPECT_EQ(tooPrecise.error().code, ErrorCode::OutOfRange);
    expectFailure(replaced(trade, "\"t\":12345", "\"t\":123456789012345678901234567890"),
                  BinanceParseErrorKind::BadNumber);
    expectFailure(replaced(trade, "\"T\":1672515782136", "\"T\":-1"),
                  BinanceParseErrorKind::BadNumber);
    expectFailure(replaced(trade, "\"T\":1672515782136", "\"T\":9223372036854775807"),
                  BinanceParseErrorKind::BadNumber);
    expectFailure(replaced(trade, "\"q\":\"100\"", "\"q\":\"0\""), BinanceParseErrorKind::BadValue);
    expectFailure(replaced(trade, "\"p\":\"0.001\"", "\"p\":\"-0.001\""),
                  BinanceParseErrorKind::BadValue);
}

TEST_F(BinanceMarketDataParserTest, unknownEventsAndSymbolsAreCountedPerKind) {
    expectFailure(fixture("stream-ticker.json"), BinanceParseErrorKind::UnknownEvent);
    expectFailure(R"({"e":"somethingNew","E":1})", BinanceParseErrorKind::UnknownEvent);
    expectFailure(R"({"hello":"world"})", BinanceParseErrorKind::UnknownEvent);
    expectFailure(replaced(fixture("stream-trade.json"), "BNBBTC", "DOGEUSDT"),
                  BinanceParseErrorKind::UnknownSymbol);
    const auto& stats = parser.stats();
    EXPECT_EQ(stats.failures(BinanceParseErrorKind::UnknownEvent), 3U);
    EXPECT_EQ(stats.failures(BinanceParseErrorKind::UnknownSymbol), 1U);
    EXPECT_EQ(stats.totalFailures(), 4U);
    // The parser is still usable after failures.
    EXPECT_TRUE(parser.parse(fixture("stream-trade.json"), kReceived).hasValue());
    EXPECT_EQ(parser.lastErrorKind(), BinanceParseErrorKind::Invalid);
}

TEST_F(BinanceMarketDataParserTest, microsecondTimestampsScaleToNanoseconds) {
    BinanceMarketDataParser micro(symbols, {.microsecondTimestamps = true});
    auto frame =
        replaced(fixture("stream-trade.json"), "\"T\":1672515782136", "\"T\":1672515782136123");
    auto result = micro.parse(frame, kReceived);
    ASSERT_TRUE(result.hasValue());
    EXPECT_EQ(std::get<TradeReceived>(*result).tick.time,
              1'672'515'782'136'123 * kNsPerMicrosecond);
}

TEST(BinanceParseStats, reportsTheFirstFailureOfEachKindOnce) {
    BinanceParseStats stats;
    EXPECT_TRUE(stats.recordFailure(BinanceParseErrorKind::BadNumber));
    EXPECT_FALSE(stats.recordFailure(BinanceParseErrorKind::BadNumber));
    EXPECT_TRUE(stats.recordFailure(BinanceParseErrorKind::MissingField));
    EXPECT_EQ(stats.failures(BinanceParseErrorKind::BadNumber), 2U);
    stats.reset();
    EXPECT_EQ(stats.totalFailures(), 0U);
}
