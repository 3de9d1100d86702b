// SPDX-License-Identifier: MIT
// The paper broker inside the simulated exchange, driven step by step without the real-time
// thread: orders match on exactly the quotes and trades the market streams.
#include "core/adapters/sim/SimulatedExchange.hpp"

#include "core/adapters/sim/PaperAccountFile.hpp"
#include "core/adapters/sim/SimulatedVenue.hpp"
#include "tests/unit/adapters/sim/ExecutionTestSupport.hpp"
#include "tests/unit/adapters/sim/SimTestSupport.hpp"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <sstream>

namespace cw::adapters::sim {
namespace {

using namespace testing;

struct Fixture {
    explicit Fixture(SimulationConfig config) {
        auto created = SimulatedExchange::create(std::move(config), &execution);
        EXPECT_TRUE(created.hasValue()) << (created ? "" : created.error().message);
        exchange = *created;
        exchange->setExecutionEventsEnabled(true);
        EXPECT_TRUE(exchange->startMarket().hasValue());
        streams.assign(exchange->config().instruments.size(), {true, true});
    }
    void advanceBy(TimestampNs step) {
        exchange->advanceTo(exchange->now() + step, streams, market);
    }

    RecordingExecutionSink execution;
    RecordingSink market;
    std::shared_ptr<SimulatedExchange> exchange;
    std::vector<SimulatedExchange::StreamSelection> streams;
};

std::optional<Quote> lastQuote(const RecordingSink& sink) {
    std::optional<Quote> last;
    for (const auto& e : sink.events())
        if (const auto* q = std::get_if<QuoteReceived>(&e))
            last = q->quote;
    return last;
}

std::string tempPath(const std::string& name) {
    const auto dir =
        std::filesystem::temp_directory_path() /
        ("cw-paper-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
         name);
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return (dir / "account.txt").string();
}

TEST(SimulatedExchange, marketOrderFillsAtTheStreamedAsk) {
    Fixture f(singleInstrument(fixedConfig(1), "BTCUSDT"));
    f.advanceBy(kNsPerMinute);
    const auto quote = lastQuote(f.market);
    ASSERT_TRUE(quote.has_value());
    f.exchange->submit(
        order("m1", "BTCUSDT", Side::Buy, OrderType::Market, TimeInForce::Gtc, "0.001"));
    const auto fills = f.execution.all<OrderFilled>();
    ASSERT_EQ(fills.size(), 1u);
    EXPECT_EQ(fills[0].price, quote->askPrice);
    EXPECT_EQ(fills[0].venueTime, f.exchange->now());
}

TEST(SimulatedExchange, restingLimitFillsWhenAStreamedTradePrintsThroughIt) {
    Fixture f(singleInstrument(fixedConfig(1), "BTCUSDT"));
    f.advanceBy(kNsPerMinute);
    const auto quote = lastQuote(f.market);
    ASSERT_TRUE(quote.has_value());
    const Price limit = *quote->bidPrice.subtract(px("5.00"));
    SubmitOrder buy = order("l1", "BTCUSDT", Side::Buy, OrderType::Limit, TimeInForce::Gtc, "0.01",
                            limit.toString());
    f.exchange->submit(buy);
    const TimestampNs submitted = f.exchange->now();
    ASSERT_EQ(f.execution.all<OrderAccepted>().size(), 1u);
    for (int i = 0; i < 24 * 60 && f.execution.all<OrderFilled>().empty(); ++i)
        f.advanceBy(kNsPerMinute);
    const auto fills = f.execution.all<OrderFilled>();
    ASSERT_FALSE(fills.empty()) << "BTC never traded 5 USDT below the bid within a day";
    EXPECT_EQ(fills[0].price, limit);
    EXPECT_EQ(fills[0].liquidity, Liquidity::Maker);
    // The fill happened at the first streamed trade (or ask) through the limit.
    TimestampNs firstThrough = 0;
    for (const auto& e : f.market.events()) {
        TimestampNs t = 0;
        bool through = false;
        if (const auto* tr = std::get_if<TradeReceived>(&e)) {
            t = tr->tick.time;
            through = tr->tick.price < limit;
        } else if (const auto* q = std::get_if<QuoteReceived>(&e)) {
            t = q->quote.time;
            through = q->quote.askPrice <= limit;
        }
        if (t > submitted && through) {
            firstThrough = t;
            break;
        }
    }
    EXPECT_EQ(fills[0].venueTime, firstThrough);
}

TEST(SimulatedExchange, dayOrderExpiresAtMidnightForCrypto) {
    Fixture f(singleInstrument(fixedConfig(1), "BTCUSDT"));
    f.advanceBy(kNsPerMinute);
    f.exchange->submit(
        order("d1", "BTCUSDT", Side::Buy, OrderType::Limit, TimeInForce::Day, "0.01", "1000.00"));
    ASSERT_EQ(f.execution.all<OrderAccepted>().size(), 1u);
    const TimestampNs midnight = kWednesdayNoon + 12 * kNsPerHour;
    while (f.exchange->now() < midnight + kNsPerHour)
        f.advanceBy(10 * kNsPerMinute);
    const auto expired = f.execution.all<OrderExpired>();
    ASSERT_EQ(expired.size(), 1u);
    EXPECT_EQ(expired[0].venueTime, midnight);
    EXPECT_TRUE(f.exchange->paperState().orders.empty());
}

TEST(SimulatedExchange, executionEventsWaitUntilEnabled) {
    RecordingExecutionSink execution;
    auto exchange =
        *SimulatedExchange::create(singleInstrument(fixedConfig(1), "BTCUSDT"), &execution);
    ASSERT_TRUE(exchange->startMarket().hasValue());
    exchange->submit(
        order("q1", "BTCUSDT", Side::Buy, OrderType::Limit, TimeInForce::Gtc, "0.01", "1000.00"));
    EXPECT_TRUE(execution.events().empty());             // no session: the broker says nothing
    EXPECT_EQ(exchange->paperState().orders.size(), 1u); // but the order works
}

TEST(PaperAccountFile, formatAndParseRoundTripExactly) {
    RecordingExecutionSink sink;
    PaperMatchingEngine engine(SimulatedInstrumentSpec::builtIn(), PaperBrokerConfig{}, sink);
    engine.setLastTrade(*engine.indexOf(simKey("BTCUSDT")), px("60000.00"));
    engine.onQuote(quote("BTCUSDT", kWednesdayNoon, "59999.90", "0.1", "60000.10", "0.1"));
    engine.submit(order("m1", "BTCUSDT", Side::Buy, OrderType::Market, TimeInForce::Gtc, "0.15"),
                  kWednesdayNoon);
    engine.submit(
        order("l1", "BTCUSDT", Side::Sell, OrderType::Limit, TimeInForce::Day, "0.05", "61000.00"),
        kWednesdayNoon);
    const PaperAccountState state = engine.state(kWednesdayNoon);
    const std::string text = PaperAccountFile::format(state);
    auto parsed = PaperAccountFile::parse(text, "test");
    ASSERT_TRUE(parsed.hasValue()) << parsed.error().message;
    EXPECT_EQ(PaperAccountFile::format(*parsed), text);
    ASSERT_EQ(parsed->orders.size(), 1u);
    EXPECT_EQ(parsed->orders[0].expiryTime, kWednesdayNoon + 12 * kNsPerHour);
    EXPECT_EQ(parsed->recentFills.size(), 2u);
    EXPECT_EQ(parsed->balances.at(*Currency::parse("BTC")), *Decimal::parse("0.15"));
}

TEST(PaperAccountFile, refusesGarbageTruncatedAndMalformedFiles) {
    EXPECT_EQ(PaperAccountFile::parse("", "x").error().code, ErrorCode::ParseError);
    EXPECT_EQ(PaperAccountFile::parse("hello\n", "x").error().code, ErrorCode::ParseError);
    const std::string header = std::string(PaperAccountFile::kHeader) + "\n";
    // no end line: truncated
    auto truncated = PaperAccountFile::parse(header + "balance\tUSD\t5\n", "x");
    ASSERT_FALSE(truncated.hasValue());
    EXPECT_NE(truncated.error().message.find("truncated"), std::string::npos);
    // a balance that is not a number, named by its line
    auto nan = PaperAccountFile::parse(header + "balance\tUSD\tNaN\nend\n", "x");
    ASSERT_FALSE(nan.hasValue());
    EXPECT_NE(nan.error().message.find("line 2"), std::string::npos) << nan.error().message;
    // an extra field
    EXPECT_FALSE(PaperAccountFile::parse(header + "balance\tUSD\t5\t6\nend\n", "x").hasValue());
    // an unknown record
    EXPECT_FALSE(PaperAccountFile::parse(header + "bonus\t5\nend\n", "x").hasValue());
    // a well-formed file
    EXPECT_TRUE(PaperAccountFile::parse(header + "balance\tUSD\t5\nend\n", "x").hasValue());
}

TEST(SimulatedExchange, paperAccountSurvivesARestartThroughItsFile) {
    const std::string path = tempPath("roundtrip");
    SimulationConfig config = singleInstrument(fixedConfig(1), "BTCUSDT");
    config.paper.accountFile = path;
    PaperAccountState before;
    {
        Fixture f(config);
        f.advanceBy(kNsPerMinute);
        f.exchange->submit(
            order("m1", "BTCUSDT", Side::Buy, OrderType::Market, TimeInForce::Gtc, "0.01"));
        f.exchange->submit(order("l1", "BTCUSDT", Side::Buy, OrderType::Limit, TimeInForce::Gtc,
                                 "0.01", "1000.00"));
        ASSERT_EQ(f.execution.all<OrderFilled>().size(), 1u);
        before = f.exchange->paperState();
        EXPECT_TRUE(f.exchange->lastSaveError().empty());
    }
    ASSERT_TRUE(std::filesystem::exists(path));
    EXPECT_FALSE(std::filesystem::exists(path + ".tmp"));
    RecordingExecutionSink execution;
    auto again = SimulatedExchange::create(config, &execution);
    ASSERT_TRUE(again.hasValue()) << again.error().message;
    const PaperAccountState after = (*again)->paperState();
    EXPECT_EQ(after.balances, before.balances);
    ASSERT_EQ(after.orders.size(), 1u);
    EXPECT_EQ(after.orders[0].clientOrderId, "l1");
    ASSERT_EQ(after.recentFills.size(), 1u);
    EXPECT_EQ(after.recentFills[0].price, before.recentFills[0].price);
    EXPECT_EQ(after.nextOrderNumber, before.nextOrderNumber);
    // The resent order is known after the restart: no second order.
    (*again)->setExecutionEventsEnabled(true);
    ASSERT_TRUE((*again)->startMarket().hasValue());
    (*again)->submit(
        order("l1", "BTCUSDT", Side::Buy, OrderType::Limit, TimeInForce::Gtc, "0.01", "1000.00"));
    EXPECT_EQ(execution.all<OrderAccepted>().size(), 1u);
    EXPECT_EQ((*again)->paperState().orders.size(), 1u);
    std::filesystem::remove_all(std::filesystem::path(path).parent_path());
}

TEST(SimulatedExchange, corruptAccountFileIsRefusedAndNeverOverwritten) {
    const std::string path = tempPath("corrupt");
    {
        std::ofstream out(path);
        out << "candlewick-paper-account\t1\nbalance\tUSD\tlots\nend\n";
    }
    SimulationConfig config = singleInstrument(fixedConfig(1), "BTCUSDT");
    config.paper.accountFile = path;
    RecordingExecutionSink execution;
    auto created = SimulatedExchange::create(config, &execution);
    ASSERT_FALSE(created.hasValue());
    EXPECT_EQ(created.error().code, ErrorCode::ParseError);
    EXPECT_NE(created.error().message.find(path), std::string::npos) << created.error().message;

    RecordingSink market;
    auto venue =
        SimulatedVenue::create({{"accountFile", path}, {"historyDays", "1"}}, market, &execution);
    ASSERT_FALSE(venue.hasValue());
    EXPECT_EQ(venue.error().code, ErrorCode::ParseError);

    std::ifstream in(path);
    std::stringstream content;
    content << in.rdbuf();
    EXPECT_EQ(content.str(), "candlewick-paper-account\t1\nbalance\tUSD\tlots\nend\n");
    std::filesystem::remove_all(std::filesystem::path(path).parent_path());
}

TEST(SimulatedExchange, accountFileForOtherInstrumentsIsInvalidArgument) {
    const std::string path = tempPath("foreign");
    {
        std::ofstream out(path);
        out << "candlewick-paper-account\t1\nposition\tDOGEUSDT\t5\t1\tUSDT\t0\nend\n";
    }
    SimulationConfig config = singleInstrument(fixedConfig(1), "BTCUSDT");
    config.paper.accountFile = path;
    RecordingExecutionSink execution;
    auto created = SimulatedExchange::create(config, &execution);
    ASSERT_FALSE(created.hasValue());
    EXPECT_EQ(created.error().code, ErrorCode::InvalidArgument);
    std::filesystem::remove_all(std::filesystem::path(path).parent_path());
}

} // namespace
} // namespace cw::adapters::sim
