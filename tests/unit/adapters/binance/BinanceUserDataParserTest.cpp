// SPDX-License-Identifier: MIT
#include "core/adapters/binance/BinanceUserDataParser.hpp"

#include "tests/unit/adapters/binance/BinanceTestSupport.hpp"

#include <gtest/gtest.h>

using namespace cw;
using namespace cw::adapters;
using namespace cw::adapters::binance;
using namespace cw::adapters::binance::testing;

namespace {

constexpr TimestampNs kReceived = 1'499'405'658'700 * kNsPerMillisecond;

class BinanceUserDataParserTest : public ::testing::Test {
protected:
    BinanceSymbolTable symbols = exampleSymbols();
    BinanceUserDataParser parser{symbols};
    std::string report = fixture("user-execution-report-new.json");

    template <class T>
    T eventAs(const std::string& frame) {
        auto result = parser.parseEvent(frame, kReceived);
        EXPECT_TRUE(result.hasValue()) << (result ? "" : result.error().message);
        if (!result)
            return T{};
        EXPECT_TRUE(std::holds_alternative<T>(result->event)) << "index " << result->event.index();
        return std::holds_alternative<T>(result->event) ? std::get<T>(result->event) : T{};
    }

    /// The documented NEW report turned into another execution type.
    std::string reportWith(std::string_view execType, std::string_view status) {
        auto text = replaced(report, "\"x\": \"NEW\"", "\"x\": \"" + std::string(execType) + "\"");
        return replaced(text, "\"X\": \"NEW\"", "\"X\": \"" + std::string(status) + "\"");
    }
};

} // namespace

TEST_F(BinanceUserDataParserTest, newExecutionReportIsOrderAccepted) {
    auto result = parser.parseEvent(report, kReceived);
    ASSERT_TRUE(result.hasValue()) << result.error().message;
    EXPECT_EQ(result->subscriptionId, 0);
    const auto& accepted = std::get<OrderAccepted>(result->event);
    EXPECT_EQ(accepted.clientOrderId, "mUvoqJxFIILMdfAW5iGSOW");
    EXPECT_EQ(accepted.venueOrderId, "4293153");
    EXPECT_EQ(accepted.instrument.toString(), "BINANCE:ETHBTC");
    EXPECT_EQ(accepted.venueTime, 1'499'405'658'657 * kNsPerMillisecond);
    EXPECT_EQ(accepted.receivedTime, kReceived);
}

TEST_F(BinanceUserDataParserTest, bareListenKeyEventsParseToo) {
    // The payload inside "event", without the WebSocket API wrapper.
    const auto start = report.find("\"event\": ") + 9;
    const auto bare = report.substr(start, report.rfind('}') - start);
    auto result = parser.parseEvent(bare, kReceived);
    ASSERT_TRUE(result.hasValue()) << result.error().message;
    EXPECT_FALSE(result->subscriptionId.has_value());
    EXPECT_TRUE(std::holds_alternative<OrderAccepted>(result->event));
}

TEST_F(BinanceUserDataParserTest, tradeReportsBecomeFillsWithFeesAndLeaves) {
    auto text = reportWith("TRADE", "PARTIALLY_FILLED");
    text = replaced(text, "\"l\": \"0.00000000\"", "\"l\": \"0.25000000\"");
    text = replaced(text, "\"z\": \"0.00000000\"", "\"z\": \"0.25000000\"");
    text = replaced(text, "\"L\": \"0.00000000\"", "\"L\": \"0.10264410\"");
    text = replaced(text, "\"n\": \"0\"", "\"n\": \"0.00025000\"");
    text = replaced(text, "\"N\": null", "\"N\": \"ETH\"");
    text = replaced(text, "\"t\": -1", "\"t\": 77");
    text = replaced(text, "\"m\": false", "\"m\": true");
    const auto fill = eventAs<OrderFilled>(text);
    EXPECT_EQ(fill.clientOrderId, "mUvoqJxFIILMdfAW5iGSOW");
    EXPECT_EQ(fill.tradeId, "77");
    EXPECT_EQ(fill.side, Side::Buy);
    EXPECT_EQ(fill.quantity.toString(), "0.2500");
    EXPECT_EQ(fill.price.toString(), "0.10264410");
    EXPECT_EQ(fill.fee.toDisplayString(), "0.00025000 ETH");
    EXPECT_EQ(fill.liquidity, Liquidity::Maker);
    EXPECT_EQ(fill.cumulativeQuantity.toString(), "0.2500");
    EXPECT_EQ(fill.leavesQuantity.toString(), "0.7500");

    auto last = replaced(text, "\"z\": \"0.25000000\"", "\"z\": \"1.00000000\"");
    last = replaced(last, "PARTIALLY_FILLED", "FILLED");
    EXPECT_TRUE(eventAs<OrderFilled>(last).leavesQuantity.isZero());

    auto noFee = reportWith("TRADE", "FILLED");
    noFee = replaced(noFee, "\"l\": \"0.00000000\"", "\"l\": \"1.00000000\"");
    noFee = replaced(noFee, "\"L\": \"0.00000000\"", "\"L\": \"0.1\"");
    noFee = replaced(noFee, "\"t\": -1", "\"t\": 78");
    EXPECT_TRUE(eventAs<OrderFilled>(noFee).fee.isZero());
    // A trade report without a fill is malformed.
    EXPECT_FALSE(parser.parseEvent(reportWith("TRADE", "FILLED"), kReceived));
    EXPECT_EQ(parser.lastErrorKind(), BinanceParseErrorKind::BadValue);
}

TEST_F(BinanceUserDataParserTest, cancelNamesTheOriginalOrder) {
    auto text = reportWith("CANCELED", "CANCELED");
    text = replaced(text, "\"C\": \"\"", "\"C\": \"original-id\"");
    const auto canceled = eventAs<OrderCanceled>(text);
    EXPECT_EQ(canceled.clientOrderId, "original-id");
    EXPECT_EQ(canceled.reason, "requested");
}

TEST_F(BinanceUserDataParserTest, rejectionsCarryTheVenueReason) {
    auto text = reportWith("REJECTED", "REJECTED");
    text = replaced(text, "\"r\": \"NONE\"", "\"r\": \"INSUFFICIENT_BALANCES\"");
    const auto rejected = eventAs<OrderRejected>(text);
    EXPECT_EQ(rejected.reason, RejectReason::InsufficientBalance);
    EXPECT_NE(rejected.message.find("INSUFFICIENT_BALANCES"), std::string::npos);
}

TEST_F(BinanceUserDataParserTest, expiryDependsOnTimeInForceAndReason) {
    const auto gtc = reportWith("EXPIRED", "EXPIRED");
    EXPECT_TRUE(std::holds_alternative<OrderExpired>(parser.parseEvent(gtc, kReceived)->event));
    const auto ioc = replaced(gtc, "\"f\": \"GTC\"", "\"f\": \"IOC\"");
    EXPECT_EQ(eventAs<OrderCanceled>(ioc).reason, "IOC remainder");
    const auto fok = replaced(gtc, "\"f\": \"GTC\"", "\"f\": \"FOK\"");
    EXPECT_EQ(eventAs<OrderCanceled>(fok).reason, "FOK not fillable");
    const auto venue =
        replaced(gtc, "\"V\": \"NONE\"", "\"V\": \"NONE\", \"eR\": \"EXCHANGE_CANCELED\"");
    EXPECT_EQ(eventAs<OrderCanceled>(venue).reason, "canceled by the venue");
}

TEST_F(BinanceUserDataParserTest, replacedAndSelfTradePrevention) {
    auto text = reportWith("REPLACED", "NEW");
    text = replaced(text, "\"C\": \"\"", "\"C\": \"old-id\"");
    const auto replacedEvent = eventAs<OrderReplaced>(text);
    EXPECT_EQ(replacedEvent.clientOrderId, "old-id");
    EXPECT_EQ(replacedEvent.newClientOrderId, "mUvoqJxFIILMdfAW5iGSOW");
    EXPECT_EQ(replacedEvent.quantity.toString(), "1.0000");
    EXPECT_EQ(replacedEvent.limitPrice.toString(), "0.10264410");

    EXPECT_EQ(eventAs<OrderCanceled>(reportWith("TRADE_PREVENTION", "EXPIRED_IN_MATCH")).reason,
              "self-trade prevention");
    EXPECT_EQ(
        eventAs<BinanceIgnoredEvent>(reportWith("TRADE_PREVENTION", "PARTIALLY_FILLED")).eventType,
        "executionReport");
}

TEST_F(BinanceUserDataParserTest, accountAndBalanceEvents) {
    const auto account = eventAs<AccountUpdated>(fixture("user-outbound-account-position.json"));
    ASSERT_EQ(account.account.balances.size(), 1U);
    EXPECT_EQ(account.account.balances[0].currency.code(), "ETH");
    EXPECT_EQ(account.account.balances[0].free.toString(), "10000.000000");
    EXPECT_EQ(account.account.venueTime, 1'564'034'571'073 * kNsPerMillisecond);

    const auto delta = eventAs<BinanceBalanceDelta>(fixture("user-balance-update.json"));
    EXPECT_EQ(delta.asset.code(), "BTC");
    EXPECT_EQ(delta.delta.toString(), "100.00000000");
    EXPECT_EQ(delta.clearTime, 1'573'200'697'068 * kNsPerMillisecond);

    const auto terminated =
        eventAs<BinanceStreamTerminated>(fixture("user-event-stream-terminated.json"));
    EXPECT_EQ(terminated.eventType, "eventStreamTerminated");
    EXPECT_EQ(eventAs<BinanceIgnoredEvent>(fixture("user-list-status.json")).eventType,
              "listStatus");
    EXPECT_EQ(eventAs<BinanceIgnoredEvent>(fixture("user-external-lock-update.json")).eventType,
              "externalLockUpdate");
}

TEST_F(BinanceUserDataParserTest, webSocketApiRepliesAndEventsShareOneConnection) {
    auto ok = parser.parseWsApiFrame(fixture("ws-api-order-reply.json"), kReceived);
    ASSERT_TRUE(ok.hasValue()) << ok.error().message;
    const auto& reply = std::get<BinanceWsApiResponse>(*ok);
    EXPECT_EQ(reply.id, "e2a85d9f-07a5-4f94-8d5f-789dc3deb097");
    EXPECT_EQ(reply.status, 200);
    EXPECT_FALSE(reply.error.has_value());
    ASSERT_EQ(reply.rateLimits.size(), 3U);
    EXPECT_EQ(reply.rateLimits[2].rateLimitType, "REQUEST_WEIGHT");
    EXPECT_EQ(reply.rateLimits[2].count, 321);
    // The result is the REST order object, for BinanceRestParser.
    EXPECT_EQ(reply.resultJson.front(), '{');
    EXPECT_NE(reply.resultJson.find("\"orderId\": 12510053279"), std::string::npos);

    auto failed = parser.parseWsApiFrame(fixture("ws-api-error-reply.json"), kReceived);
    ASSERT_TRUE(failed.hasValue());
    const auto& error = std::get<BinanceWsApiResponse>(*failed);
    EXPECT_EQ(error.status, 400);
    ASSERT_TRUE(error.error.has_value());
    EXPECT_EQ(error.error->code, -2010);
    EXPECT_EQ(error.error->httpStatus, 400);

    auto subscribed =
        parser.parseWsApiFrame(fixture("ws-api-subscribe-signature-reply.json"), kReceived);
    ASSERT_TRUE(subscribed.hasValue());
    const std::string& result = std::get<BinanceWsApiResponse>(*subscribed).resultJson;
    EXPECT_EQ(result.front(), '{');
    EXPECT_EQ(result.back(), '}');
    EXPECT_NE(result.find("\"subscriptionId\": 0"), std::string::npos) << result;

    auto event = parser.parseWsApiFrame(fixture("ws-api-event.json"), kReceived);
    ASSERT_TRUE(event.hasValue());
    const auto& message = std::get<BinanceUserDataMessage>(*event);
    EXPECT_EQ(std::get<AccountUpdated>(message.event).account.balances.size(), 2U);

    auto ban = parser.parseWsApiFrame(
        R"({"id":"x","status":418,"error":{"code":-1003,"msg":"banned","data":{"serverTime":1,"retryAfter":1700000000000}}})",
        kReceived);
    ASSERT_TRUE(ban.hasValue()) << ban.error().message;
    EXPECT_EQ(std::get<BinanceWsApiResponse>(*ban).error->retryAfter,
              1'700'000'000'000 * kNsPerMillisecond);
}

TEST_F(BinanceUserDataParserTest, malformedAndUnknownInputIsAnError) {
    for (std::size_t cut = 0; cut + 1 < report.size(); cut += 13)
        EXPECT_FALSE(parser.parseEvent(report.substr(0, cut), kReceived)) << cut;
    EXPECT_FALSE(parser.parseEvent(R"({"e":"somethingNew","E":1})", kReceived));
    EXPECT_EQ(parser.lastErrorKind(), BinanceParseErrorKind::UnknownEvent);
    EXPECT_FALSE(
        parser.parseEvent(replaced(report, "\"x\": \"NEW\"", "\"x\": \"EXPLODED\""), kReceived));
    EXPECT_EQ(parser.lastErrorKind(), BinanceParseErrorKind::BadValue);
    EXPECT_FALSE(
        parser.parseEvent(replaced(report, "\"S\": \"BUY\"", "\"S\": \"HOLD\""), kReceived));
    EXPECT_EQ(parser.lastErrorKind(), BinanceParseErrorKind::BadValue);
    EXPECT_FALSE(parser.parseEvent(replaced(report, "\"ETHBTC\"", "\"NOPE\""), kReceived));
    EXPECT_EQ(parser.lastErrorKind(), BinanceParseErrorKind::UnknownSymbol);
    EXPECT_FALSE(parser.parseEvent(replaced(report, "\"i\": 4293153,", ""), kReceived));
    EXPECT_EQ(parser.lastErrorKind(), BinanceParseErrorKind::MissingField);
    EXPECT_FALSE(
        parser.parseEvent(replaced(report, "\"q\": \"1.00000000\"", "\"q\": \"NaN\""), kReceived));
    EXPECT_EQ(parser.lastErrorKind(), BinanceParseErrorKind::BadNumber);
    EXPECT_FALSE(parser.parseEvent(replaced(report, "\"event\": {", "\"event\": [{"), kReceived));
    EXPECT_FALSE(parser.parseWsApiFrame(R"({"hello":1})", kReceived));
    EXPECT_EQ(parser.lastErrorKind(), BinanceParseErrorKind::UnknownEvent);
    EXPECT_FALSE(parser.parseWsApiFrame(R"({"id":1,"status":400})", kReceived));
    EXPECT_EQ(parser.lastErrorKind(), BinanceParseErrorKind::MissingField);
    EXPECT_FALSE(parser.parseWsApiFrame(R"({"id":1,"status":"200"})", kReceived));
    EXPECT_EQ(parser.lastErrorKind(), BinanceParseErrorKind::WrongType);
    EXPECT_FALSE(parser.parseEvent("", kReceived));
    EXPECT_EQ(parser.lastErrorKind(), BinanceParseErrorKind::MalformedJson);
}
