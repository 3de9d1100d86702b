// SPDX-License-Identifier: MIT
// The paper broker's matching, fees, balances and rejections, driven by hand-made quotes and
// trades so that every price, size and fee is known exactly.
#include "core/adapters/sim/PaperMatchingEngine.hpp"

#include "core/adapters/sim/PaperAccountFile.hpp"
#include "tests/unit/adapters/sim/ExecutionTestSupport.hpp"
#include "tests/unit/adapters/sim/SimTestSupport.hpp"

#include <gtest/gtest.h>
#include <memory>

namespace cw::adapters::sim {
namespace {

using namespace testing;

constexpr TimestampNs kNoon = kWednesdayNoon;                         // AAPL closed, crypto open
constexpr TimestampNs kUsAfternoon = kWednesdayNoon + 3 * kNsPerHour; // 15:00 UTC: AAPL open
constexpr TimestampNs kSecond = kNsPerSecond;

class PaperMatchingEngineTest : public ::testing::Test {
protected:
    void SetUp() override { build(PaperBrokerConfig{}); }

    void build(const PaperBrokerConfig& config) {
        engine =
            std::make_unique<PaperMatchingEngine>(SimulatedInstrumentSpec::builtIn(), config, sink);
        engine->setLastTrade(index("BTCUSDT"), px("60000.00"));
        engine->setLastTrade(index("AAPL"), px("190.00"));
        engine->setLastTrade(index("EURUSD"), px("1.08000"));
        engine->setLastTrade(index("ES"), px("5000.00"));
    }
    std::size_t index(std::string_view symbol) const { return *engine->indexOf(simKey(symbol)); }
    void btcBook(TimestampNs time = kNoon) {
        // bid 59999.90 x 0.10000, ask 60000.10 x 0.10000: spread 0.20
        engine->onQuote(quote("BTCUSDT", time, "59999.90", "0.10000", "60000.10", "0.10000"));
    }
    Decimal balance(std::string_view currency) const {
        return engine->account().balance(*Currency::parse(currency));
    }
    std::vector<OrderFilled> fills() const { return sink.all<OrderFilled>(); }

    RecordingExecutionSink sink;
    std::unique_ptr<PaperMatchingEngine> engine;
};

// ---- taker ---------------------------------------------------------------------------------

TEST_F(PaperMatchingEngineTest, marketBuyWalksTheSyntheticBookLevelByLevelWithExactFees) {
    btcBook();
    engine->submit(order("m1", "BTCUSDT", Side::Buy, OrderType::Market, TimeInForce::Gtc, "0.25"),
                   kNoon + kSecond);
    ASSERT_EQ(sink.all<OrderAccepted>().size(), 1u);
    const auto f = fills();
    ASSERT_EQ(f.size(), 2u);
    // level 0: the touch, 0.1 at 60000.10; level 1: one spread worse, twice the size
    EXPECT_EQ(f[0].price, px("60000.10"));
    EXPECT_EQ(f[0].quantity, qty("0.1"));
    EXPECT_EQ(f[1].price, px("60000.30"));
    EXPECT_EQ(f[1].quantity, qty("0.15"));
    EXPECT_EQ(f[1].cumulativeQuantity, qty("0.25"));
    EXPECT_TRUE(f[1].leavesQuantity.isZero());
    EXPECT_EQ(f[0].liquidity, Liquidity::Taker);
    // taker 5 bps, rounded up to the cent: 6000.01 x 0.0005 = 3.000005 -> 3.01;
    // 9000.045 x 0.0005 = 4.5000225 -> 4.51
    EXPECT_EQ(f[0].fee, Money(*Decimal::parse("3.01"), *Currency::parse("USDT")));
    EXPECT_EQ(f[1].fee.amount(), *Decimal::parse("4.51"));
    EXPECT_EQ(balance("USDT"), *Decimal::parse("84992.425")); // 100000 - 15000.055 - 7.52
    EXPECT_EQ(balance("BTC"), *Decimal::parse("0.25"));
    EXPECT_TRUE(engine->workingOrders().empty());
    EXPECT_FALSE(sink.all<AccountUpdated>().empty());
    ASSERT_FALSE(sink.all<PositionUpdated>().empty());
    EXPECT_EQ(sink.all<PositionUpdated>().back().position.quantity, qty("0.25"));
}

TEST_F(PaperMatchingEngineTest, marketOrderBeyondTheBookCancelsWhatIsLeft) {
    PaperBrokerConfig config;
    config.bookLevels = 2; // 0.1 + 0.2 available
    build(config);
    btcBook();
    engine->submit(order("m1", "BTCUSDT", Side::Buy, OrderType::Market, TimeInForce::Gtc, "1"),
                   kNoon);
    EXPECT_EQ(fills().size(), 2u);
    const auto canceled = sink.all<OrderCanceled>();
    ASSERT_EQ(canceled.size(), 1u);
    EXPECT_EQ(canceled[0].reason, "no more liquidity");
    EXPECT_EQ(balance("BTC"), *Decimal::parse("0.3"));
}

TEST_F(PaperMatchingEngineTest, marketOrderBeforeTheFirstQuoteWaitsForIt) {
    engine->submit(order("m1", "BTCUSDT", Side::Sell, OrderType::Market, TimeInForce::Gtc, "0"),
                   kNoon);
    EXPECT_EQ(sink.all<OrderRejected>().at(0).reason, RejectReason::BadLotSize); // zero quantity
    build(PaperBrokerConfig{});
    engine->submit(order("m2", "BTCUSDT", Side::Buy, OrderType::Market, TimeInForce::Ioc, "0.05"),
                   kNoon);
    EXPECT_TRUE(fills().empty());
    btcBook(kNoon + kSecond);
    ASSERT_EQ(fills().size(), 1u);
    EXPECT_EQ(fills()[0].price, px("60000.10"));
    EXPECT_EQ(fills()[0].venueTime, kNoon + kSecond);
}

TEST_F(PaperMatchingEngineTest, iocLimitFillsWhatItCanAndCancelsTheRemainder) {
    btcBook();
    engine->submit(
        order("i1", "BTCUSDT", Side::Buy, OrderType::Limit, TimeInForce::Ioc, "0.25", "60000.10"),
        kNoon);
    ASSERT_EQ(fills().size(), 1u); // only the touch is at or below the limit
    EXPECT_EQ(fills()[0].quantity, qty("0.1"));
    const auto canceled = sink.all<OrderCanceled>();
    ASSERT_EQ(canceled.size(), 1u);
    EXPECT_EQ(canceled[0].reason, "IOC remainder");
    EXPECT_TRUE(engine->workingOrders().empty());
}

TEST_F(PaperMatchingEngineTest, fokThatCannotFillCompletelyIsRejectedAndNothingFills) {
    btcBook();
    engine->submit(
        order("f1", "BTCUSDT", Side::Buy, OrderType::Limit, TimeInForce::Fok, "0.25", "60000.10"),
        kNoon);
    const auto rejected = sink.all<OrderRejected>();
    ASSERT_EQ(rejected.size(), 1u);
    EXPECT_EQ(rejected[0].reason, RejectReason::WouldNotFill);
    EXPECT_NE(rejected[0].message.find("only 0.10000 available"), std::string::npos)
        << rejected[0].message;
    EXPECT_TRUE(fills().empty());
    EXPECT_EQ(balance("USDT"), *Decimal::parse("100000"));
}

TEST_F(PaperMatchingEngineTest, fokThatCanFillFillsCompletelyAtOnce) {
    btcBook();
    engine->submit(order("f1", "BTCUSDT", Side::Buy, OrderType::Market, TimeInForce::Fok, "0.3"),
                   kNoon);
    EXPECT_EQ(fills().size(), 2u);
    EXPECT_TRUE(sink.all<OrderCanceled>().empty());
    EXPECT_EQ(balance("BTC"), *Decimal::parse("0.3"));
}

// ---- maker ---------------------------------------------------------------------------------

TEST_F(PaperMatchingEngineTest, restingLimitFillsAsMakerOnlyWhenATradePrintsThroughIt) {
    btcBook();
    engine->submit(
        order("l1", "BTCUSDT", Side::Buy, OrderType::Limit, TimeInForce::Gtc, "0.3", "59990.00"),
        kNoon);
    EXPECT_TRUE(fills().empty());
    engine->onTrade(trade("BTCUSDT", kNoon + 1 * kSecond, "59990.00", "1")); // at, not through
    EXPECT_TRUE(fills().empty());
    engine->onTrade(trade("BTCUSDT", kNoon + 2 * kSecond, "59989.99", "0.1"));
    ASSERT_EQ(fills().size(), 1u);
    EXPECT_EQ(fills()[0].price, px("59990.00")); // our price, not the trade's
    EXPECT_EQ(fills()[0].quantity, qty("0.1"));  // up to the trade's size
    EXPECT_EQ(fills()[0].liquidity, Liquidity::Maker);
    EXPECT_EQ(fills()[0].venueTime, kNoon + 2 * kSecond);
    // maker 2 bps: 5999.0 x 0.0002 = 1.1998 -> 1.20
    EXPECT_EQ(fills()[0].fee.amount(), *Decimal::parse("1.20"));
    engine->onTrade(trade("BTCUSDT", kNoon + 3 * kSecond, "59980.00", "5"));
    ASSERT_EQ(fills().size(), 2u);
    EXPECT_EQ(fills()[1].quantity, qty("0.2"));
    EXPECT_TRUE(fills()[1].leavesQuantity.isZero());
    EXPECT_TRUE(engine->workingOrders().empty());
}

TEST_F(PaperMatchingEngineTest, oneTradeIsSharedAmongOurOrdersInPriceTimePriority) {
    btcBook();
    for (const auto& [id, limit] : std::vector<std::pair<std::string, std::string>>{
             {"a", "59990.00"}, {"b", "59990.00"}, {"c", "59995.00"}})
        engine->submit(
            order(id, "BTCUSDT", Side::Buy, OrderType::Limit, TimeInForce::Gtc, "0.1", limit),
            kNoon);
    engine->onTrade(trade("BTCUSDT", kNoon + kSecond, "59980.00", "0.15"));
    const auto f = fills();
    ASSERT_EQ(f.size(), 2u);
    EXPECT_EQ(f[0].clientOrderId, "c"); // best price first
    EXPECT_EQ(f[0].quantity, qty("0.1"));
    EXPECT_EQ(f[1].clientOrderId, "a"); // then the earlier of the two at 59990
    EXPECT_EQ(f[1].quantity, qty("0.05"));
    EXPECT_EQ(engine->workingOrders().size(), 2u);
}

TEST_F(PaperMatchingEngineTest, restingLimitFillsWhenTheOppositeTouchReachesIt) {
    btcBook();
    engine->submit(
        order("l1", "BTCUSDT", Side::Buy, OrderType::Limit, TimeInForce::Gtc, "0.1", "59990.00"),
        kNoon);
    engine->onQuote(quote("BTCUSDT", kNoon + kSecond, "59989.80", "1", "59990.00", "0.04"));
    ASSERT_EQ(fills().size(), 1u);
    EXPECT_EQ(fills()[0].quantity, qty("0.04")); // up to the touch size
    EXPECT_EQ(fills()[0].liquidity, Liquidity::Maker);
    EXPECT_EQ(engine->workingOrders().at(0).filled, qty("0.04"));
}

// ---- stops ---------------------------------------------------------------------------------

TEST_F(PaperMatchingEngineTest, stopTriggersOnTheLastTradeThenFillsAsMarket) {
    btcBook();
    engine->submit(order("s1", "BTCUSDT", Side::Buy, OrderType::Stop, TimeInForce::Gtc, "0.05", "0",
                         "60100.00"),
                   kNoon);
    engine->onTrade(trade("BTCUSDT", kNoon + kSecond, "60099.99", "1"));
    EXPECT_TRUE(sink.all<OrderTriggered>().empty());
    engine->onQuote(quote("BTCUSDT", kNoon + 2 * kSecond, "60099.90", "1", "60100.10", "1"));
    engine->onTrade(trade("BTCUSDT", kNoon + 2 * kSecond, "60100.10", "0.01", Side::Buy));
    ASSERT_EQ(sink.all<OrderTriggered>().size(), 1u);
    ASSERT_EQ(fills().size(), 1u);
    EXPECT_EQ(fills()[0].price, px("60100.10"));
    EXPECT_EQ(fills()[0].liquidity, Liquidity::Taker);
}

TEST_F(PaperMatchingEngineTest, stopLimitBecomesARestingLimitAfterTheTrigger) {
    btcBook();
    engine->submit(order("s1", "BTCUSDT", Side::Buy, OrderType::StopLimit, TimeInForce::Gtc, "0.05",
                         "60050.00", "60100.00"),
                   kNoon);
    engine->onQuote(quote("BTCUSDT", kNoon + kSecond, "60099.90", "1", "60100.10", "1"));
    engine->onTrade(trade("BTCUSDT", kNoon + kSecond, "60100.10", "0.01", Side::Buy));
    EXPECT_EQ(sink.all<OrderTriggered>().size(), 1u);
    EXPECT_TRUE(fills().empty()); // the ask is above the limit: it rests
    engine->onTrade(trade("BTCUSDT", kNoon + 2 * kSecond, "60049.00", "1"));
    ASSERT_EQ(fills().size(), 1u);
    EXPECT_EQ(fills()[0].price, px("60050.00"));
    EXPECT_EQ(fills()[0].liquidity, Liquidity::Maker);
}

// ---- DAY -----------------------------------------------------------------------------------

TEST_F(PaperMatchingEngineTest, dayOrdersExpireAtTheEndOfTheirTradingDay) {
    btcBook();
    engine->submit(
        order("d1", "BTCUSDT", Side::Buy, OrderType::Limit, TimeInForce::Day, "0.1", "50000.00"),
        kNoon);
    engine->onQuote(quote("AAPL", kUsAfternoon, "189.99", "100", "190.01", "100"));
    engine->submit(
        order("d2", "AAPL", Side::Buy, OrderType::Limit, TimeInForce::Day, "10", "150.00"),
        kUsAfternoon);
    ASSERT_EQ(engine->workingOrders().size(), 2u);
    const TimestampNs usClose = kWednesdayNoon + 9 * kNsPerHour;   // 21:00 UTC
    const TimestampNs midnight = kWednesdayNoon + 12 * kNsPerHour; // Thursday 00:00 UTC
    engine->advanceTime(usClose - 1);
    EXPECT_TRUE(sink.all<OrderExpired>().empty());
    engine->advanceTime(usClose);
    ASSERT_EQ(sink.all<OrderExpired>().size(), 1u);
    EXPECT_EQ(sink.all<OrderExpired>()[0].clientOrderId, "d2");
    engine->advanceTime(midnight + kNsPerHour); // expiry is stamped at midnight, not later
    ASSERT_EQ(sink.all<OrderExpired>().size(), 2u);
    EXPECT_EQ(sink.all<OrderExpired>()[1].clientOrderId, "d1");
    EXPECT_EQ(sink.all<OrderExpired>()[1].venueTime, midnight);
    EXPECT_TRUE(engine->workingOrders().empty());
}

// ---- rejections ----------------------------------------------------------------------------

struct RejectCase {
    const char* name;
    SubmitOrder command;
    TimestampNs time;
    RejectReason reason;
    const char* messagePart;
};

TEST_F(PaperMatchingEngineTest, rejectsEachInvalidOrderWithItsReasonAndNumbers) {
    btcBook();
    const std::vector<RejectCase> cases = {
        {"unknown symbol",
         order("r1", "DOGEUSDT", Side::Buy, OrderType::Market, TimeInForce::Gtc, "1"), kNoon,
         RejectReason::UnknownInstrument, "SIM:DOGEUSDT"},
        {"off tick",
         order("r2", "BTCUSDT", Side::Buy, OrderType::Limit, TimeInForce::Gtc, "0.1", "60000.005"),
         kNoon, RejectReason::BadTickSize, "tick size 0.01"},
        {"off lot",
         order("r3", "BTCUSDT", Side::Buy, OrderType::Limit, TimeInForce::Gtc, "0.000015",
               "60000.00"),
         kNoon, RejectReason::BadLotSize, "lot size 0.00001"},
        {"below min notional",
         order("r4", "BTCUSDT", Side::Buy, OrderType::Limit, TimeInForce::Gtc, "0.00005",
               "60000.00"),
         kNoon, RejectReason::BelowMinNotional, "below the minimum 5.00"},
        {"no money",
         order("r5", "BTCUSDT", Side::Buy, OrderType::Limit, TimeInForce::Gtc, "2", "60000.00"),
         kNoon, RejectReason::InsufficientBalance, "120060.00 USDT"},
        {"closed", order("r6", "AAPL", Side::Buy, OrderType::Market, TimeInForce::Gtc, "1"), kNoon,
         RejectReason::MarketClosed, "AAPL"},
        {"market with a limit",
         order("r7", "BTCUSDT", Side::Buy, OrderType::Market, TimeInForce::Gtc, "0.1", "60000.00"),
         kNoon, RejectReason::InvalidPrice, "takes no limit price"},
        {"limit without price",
         order("r8", "BTCUSDT", Side::Buy, OrderType::Limit, TimeInForce::Gtc, "0.1"), kNoon,
         RejectReason::InvalidPrice, "needs a positive limit price"},
        {"stop without stop",
         order("r9", "BTCUSDT", Side::Sell, OrderType::Stop, TimeInForce::Gtc, "0.1"), kNoon,
         RejectReason::InvalidPrice, "needs a positive stop price"},
        {"negative price",
         order("r10", "BTCUSDT", Side::Buy, OrderType::Limit, TimeInForce::Gtc, "0.1", "-1.00"),
         kNoon, RejectReason::InvalidPrice, "-1.00"},
        {"no time in force",
         order("r11", "BTCUSDT", Side::Buy, OrderType::Limit, TimeInForce::Invalid, "0.1",
               "60000.00"),
         kNoon, RejectReason::UnsupportedTimeInForce, "Invalid"},
        {"spot sell without base",
         order("r12", "BTCUSDT", Side::Sell, OrderType::Market, TimeInForce::Gtc, "0.1"), kNoon,
         RejectReason::InsufficientBalance, "cannot go short"},
    };
    for (const RejectCase& c : cases) {
        sink.clear();
        engine->submit(c.command, c.time);
        const auto rejected = sink.all<OrderRejected>();
        ASSERT_EQ(rejected.size(), 1u) << c.name;
        EXPECT_EQ(rejected[0].reason, c.reason) << c.name << ": " << rejected[0].message;
        EXPECT_NE(rejected[0].message.find(c.messagePart), std::string::npos)
            << c.name << ": " << rejected[0].message;
        EXPECT_EQ(rejected[0].clientOrderId, c.command.clientOrderId);
        EXPECT_TRUE(sink.all<OrderAccepted>().empty()) << c.name;
    }
    EXPECT_TRUE(engine->workingOrders().empty());
    EXPECT_EQ(balance("USDT"), *Decimal::parse("100000"));
}

TEST_F(PaperMatchingEngineTest, resendOfTheSameOrderIsIdempotentAndADifferentOneIsADuplicate) {
    btcBook();
    const SubmitOrder first =
        order("x1", "BTCUSDT", Side::Buy, OrderType::Limit, TimeInForce::Gtc, "0.1", "59000.00");
    engine->submit(first, kNoon);
    engine->submit(first, kNoon + kSecond);
    const auto accepted = sink.all<OrderAccepted>();
    ASSERT_EQ(accepted.size(), 2u); // acknowledged again...
    EXPECT_EQ(accepted[0].venueOrderId, accepted[1].venueOrderId);
    EXPECT_EQ(engine->workingOrders().size(), 1u); // ...but only one order
    SubmitOrder other = first;
    other.quantity = qty("0.2");
    engine->submit(other, kNoon + 2 * kSecond);
    ASSERT_EQ(sink.all<OrderRejected>().size(), 1u);
    EXPECT_EQ(sink.all<OrderRejected>()[0].reason, RejectReason::DuplicateClientOrderId);
    EXPECT_EQ(engine->workingOrders().size(), 1u);
}

// ---- margin --------------------------------------------------------------------------------

TEST_F(PaperMatchingEngineTest, marginOrderNeedingMoreThanAvailableIsRejectedWithTheNumbers) {
    engine->onQuote(quote("EURUSD", kNoon, "1.07999", "1000000", "1.08001", "1000000"));
    // 5,000,000 EUR at 1.08: 5,400,050 USD notional / 30 = 180,001.67 margin > 100,000
    engine->submit(order("e1", "EURUSD", Side::Buy, OrderType::Market, TimeInForce::Gtc, "5000000"),
                   kNoon);
    const auto rejected = sink.all<OrderRejected>();
    ASSERT_EQ(rejected.size(), 1u);
    EXPECT_EQ(rejected[0].reason, RejectReason::InsufficientBalance);
    EXPECT_NE(rejected[0].message.find("100000.00 USD available"), std::string::npos)
        << rejected[0].message;
    // 1,000,000 EUR needs 36,000.34 of margin: accepted, and then it is held
    engine->submit(order("e2", "EURUSD", Side::Buy, OrderType::Market, TimeInForce::Gtc, "1000000"),
                   kNoon);
    ASSERT_EQ(fills().size(), 1u);
    const AccountReport account = sink.all<AccountUpdated>().back().account;
    EXPECT_EQ(account.marginUsed.amount(), *Decimal::parse("36000.00")); // at the mark 1.08000
    EXPECT_EQ(engine->account().position(index("EURUSD")).quantity, qty("1000000"));
}

TEST_F(PaperMatchingEngineTest, marginPositionsAverageInAndRealizeProfitOnClose) {
    const std::size_t aapl = index("AAPL");
    engine->onQuote(quote("AAPL", kUsAfternoon, "189.99", "1000", "190.00", "1000"));
    engine->submit(order("a1", "AAPL", Side::Buy, OrderType::Market, TimeInForce::Gtc, "100"),
                   kUsAfternoon);
    engine->onQuote(quote("AAPL", kUsAfternoon + kSecond, "191.99", "1000", "192.00", "1000"));
    engine->submit(order("a2", "AAPL", Side::Buy, OrderType::Market, TimeInForce::Gtc, "100"),
                   kUsAfternoon + kSecond);
    EXPECT_EQ(engine->account().positionReport(aapl, 0).averagePrice, px("191.00"));
    engine->onQuote(quote("AAPL", kUsAfternoon + 2 * kSecond, "195.00", "1000", "195.02", "1000"));
    engine->submit(order("a3", "AAPL", Side::Sell, OrderType::Market, TimeInForce::Gtc, "150"),
                   kUsAfternoon + 2 * kSecond);
    // realized 150 x (195 - 191) = 600; fees 1 bp: 1.90 + 1.92 + 2.925 -> 2.93
    EXPECT_EQ(balance("USD"), *Decimal::parse("100593.25"));
    EXPECT_EQ(engine->account().position(aapl).quantity, qty("50"));
    EXPECT_EQ(engine->account().positionReport(aapl, 0).averagePrice, px("191.00"));
    // shorting is allowed on margin: sell 80 more -> short 30 opened at 195.00
    engine->submit(order("a4", "AAPL", Side::Sell, OrderType::Market, TimeInForce::Gtc, "80"),
                   kUsAfternoon + 3 * kSecond);
    EXPECT_EQ(engine->account().position(aapl).quantity, qty("-30"));
    EXPECT_EQ(engine->account().positionReport(aapl, 0).averagePrice, px("195.00"));
}

// ---- cancel, modify, cancel all ------------------------------------------------------------

TEST_F(PaperMatchingEngineTest, cancelsWorkingOrdersAndRejectsUnknownOnes) {
    btcBook();
    engine->submit(
        order("c1", "BTCUSDT", Side::Buy, OrderType::Limit, TimeInForce::Gtc, "0.1", "59000.00"),
        kNoon);
    engine->cancel(CancelOrder{"c1", simKey("BTCUSDT")}, kNoon + kSecond);
    ASSERT_EQ(sink.all<OrderCanceled>().size(), 1u);
    EXPECT_EQ(sink.all<OrderCanceled>()[0].reason, "requested");
    engine->cancel(CancelOrder{"c1", simKey("BTCUSDT")}, kNoon + 2 * kSecond);
    ASSERT_EQ(sink.all<RequestRejected>().size(), 1u);
    EXPECT_EQ(sink.all<RequestRejected>()[0].reason, RejectReason::UnknownOrder);
    EXPECT_EQ(sink.all<RequestRejected>()[0].kind, RequestKind::Cancel);
    // the lock is released: all 100,000 USDT are free again
    const AccountReport account = sink.all<AccountUpdated>().back().account;
    for (const BalanceReport& b : account.balances) {
        if (b.currency.code() == "USDT") {
            EXPECT_EQ(b.free.amount(), *Decimal::parse("100000"));
        }
    }
}

TEST_F(PaperMatchingEngineTest, modifyReplacesTheOrderAndMatchesItWhenItBecomesMarketable) {
    btcBook();
    engine->submit(
        order("m1", "BTCUSDT", Side::Buy, OrderType::Limit, TimeInForce::Gtc, "0.1", "59000.00"),
        kNoon);
    ModifyOrder modify{"m1", "m1-2", simKey("BTCUSDT"), qty("0.05"), px("60000.10"), px("0")};
    engine->modify(modify, kNoon + kSecond);
    const auto replaced = sink.all<OrderReplaced>();
    ASSERT_EQ(replaced.size(), 1u);
    EXPECT_EQ(replaced[0].newClientOrderId, "m1-2");
    ASSERT_EQ(fills().size(), 1u); // now marketable: takes the touch
    EXPECT_EQ(fills()[0].clientOrderId, "m1-2");
    EXPECT_EQ(fills()[0].price, px("60000.10"));
    engine->modify(ModifyOrder{"m1", "m1-3", simKey("BTCUSDT"), qty("0.1"), px("1.00"), px("0")},
                   kNoon + 2 * kSecond);
    ASSERT_EQ(sink.all<RequestRejected>().size(), 1u);
    EXPECT_EQ(sink.all<RequestRejected>()[0].reason, RejectReason::UnknownOrder);
}

TEST_F(PaperMatchingEngineTest, modifyRejectsOffTickPricesAndKeepsTheOrder) {
    btcBook();
    engine->submit(
        order("m1", "BTCUSDT", Side::Buy, OrderType::Limit, TimeInForce::Gtc, "0.1", "59000.00"),
        kNoon);
    engine->modify(
        ModifyOrder{"m1", "m1-2", simKey("BTCUSDT"), qty("0.1"), px("59000.001"), px("0")}, kNoon);
    ASSERT_EQ(sink.all<RequestRejected>().size(), 1u);
    EXPECT_EQ(sink.all<RequestRejected>()[0].reason, RejectReason::BadTickSize);
    ASSERT_EQ(engine->workingOrders().size(), 1u);
    EXPECT_EQ(engine->workingOrders()[0].limitPrice, px("59000.00"));
}

TEST_F(PaperMatchingEngineTest, modifyCarriesCompleteValuesAndAZeroIsNotUnchanged) {
    btcBook();
    engine->submit(
        order("m1", "BTCUSDT", Side::Buy, OrderType::Limit, TimeInForce::Gtc, "0.1", "59000.00"),
        kNoon);
    // Only the price moves: the quantity is sent as it is, and kept.
    engine->modify(
        ModifyOrder{"m1", "m1-2", simKey("BTCUSDT"), qty("0.1"), px("59100.00"), px("0")}, kNoon);
    ASSERT_EQ(sink.all<OrderReplaced>().size(), 1u);
    EXPECT_EQ(sink.all<OrderReplaced>()[0].quantity, qty("0.1"));
    ASSERT_EQ(engine->workingOrders().size(), 1u);
    EXPECT_EQ(engine->workingOrders()[0].quantity, qty("0.1"));
    EXPECT_EQ(engine->workingOrders()[0].limitPrice, px("59100.00"));
    // A zero quantity or a zero limit is malformed, never "keep the old value".
    engine->modify(
        ModifyOrder{"m1-2", "m1-3", simKey("BTCUSDT"), qty("0"), px("59200.00"), px("0")}, kNoon);
    engine->modify(ModifyOrder{"m1-2", "m1-4", simKey("BTCUSDT"), qty("0.1"), px("0"), px("0")},
                   kNoon);
    ASSERT_EQ(sink.all<RequestRejected>().size(), 2u);
    EXPECT_EQ(engine->workingOrders()[0].clientOrderId, "m1-2");
    EXPECT_EQ(engine->workingOrders()[0].quantity, qty("0.1"));
    EXPECT_EQ(engine->workingOrders()[0].limitPrice, px("59100.00"));
}

TEST_F(PaperMatchingEngineTest, fillsNameTheAccountTheOrderNamed) {
    btcBook();
    SubmitOrder named =
        order("a1", "BTCUSDT", Side::Buy, OrderType::Market, TimeInForce::Gtc, "0.05");
    named.account = "desk-2";
    engine->submit(named, kNoon);
    engine->submit(order("a2", "BTCUSDT", Side::Buy, OrderType::Market, TimeInForce::Gtc, "0.05"),
                   kNoon);
    const auto f = fills();
    ASSERT_EQ(f.size(), 2u);
    EXPECT_EQ(f[0].account, "desk-2");
    EXPECT_EQ(f[1].account, ""); // the default account, as the order said
    // Kept through the account file, which older files without accounts still read.
    const PaperAccountState state = engine->state(kNoon);
    const std::string text = PaperAccountFile::format(state);
    auto parsed = PaperAccountFile::parse(text, "test");
    ASSERT_TRUE(parsed.hasValue()) << parsed.error().message;
    ASSERT_EQ(parsed->recentFills.size(), 2u);
    EXPECT_EQ(parsed->recentFills[0].account, "desk-2");
    EXPECT_EQ(parsed->recentFills[1].account, "");
    const std::string header = std::string(PaperAccountFile::kHeader) + "\n";
    auto old = PaperAccountFile::parse(
        header + "fill\ta9\tP9\tSIM:BTCUSDT\tPT9\tBuy\t0.1\t60000.10\t1.2\tUSDT\tTaker\t0.1\t0\t5\n"
                 "end\n",
        "old");
    ASSERT_TRUE(old.hasValue()) << old.error().message;
    EXPECT_EQ(old->recentFills.at(0).account, "");
}

TEST_F(PaperMatchingEngineTest, cancelAllCancelsOneInstrumentOrEverything) {
    btcBook();
    engine->onQuote(quote("EURUSD", kNoon, "1.07999", "1000000", "1.08001", "1000000"));
    engine->submit(
        order("b1", "BTCUSDT", Side::Buy, OrderType::Limit, TimeInForce::Gtc, "0.1", "59000.00"),
        kNoon);
    engine->submit(
        order("e1", "EURUSD", Side::Buy, OrderType::Limit, TimeInForce::Gtc, "1000", "1.07000"),
        kNoon);
    engine->cancelAll(CancelAllOrders{simKey("BTCUSDT"), ""}, kNoon);
    ASSERT_EQ(sink.all<OrderCanceled>().size(), 1u);
    EXPECT_EQ(sink.all<OrderCanceled>()[0].clientOrderId, "b1");
    engine->cancelAll(CancelAllOrders{std::nullopt, ""}, kNoon);
    EXPECT_EQ(sink.all<OrderCanceled>().size(), 2u);
    engine->cancelAll(CancelAllOrders{std::nullopt, ""}, kNoon); // nothing left: no events
    EXPECT_EQ(sink.all<OrderCanceled>().size(), 2u);
    EXPECT_TRUE(engine->workingOrders().empty());
}

TEST_F(PaperMatchingEngineTest, reconciliationReportsOrdersPositionsFillsAndAccount) {
    btcBook();
    engine->submit(order("m1", "BTCUSDT", Side::Buy, OrderType::Market, TimeInForce::Gtc, "0.1"),
                   kNoon);
    engine->submit(
        order("l1", "BTCUSDT", Side::Buy, OrderType::Limit, TimeInForce::Gtc, "0.1", "59000.00"),
        kNoon);
    engine->reconcile(7, kNoon + kSecond);
    const auto reports = sink.all<ReconciliationReport>();
    ASSERT_EQ(reports.size(), 1u);
    const ReconciliationReport& r = reports[0];
    EXPECT_EQ(r.requestId, 7u);
    ASSERT_EQ(r.openOrders.size(), 1u);
    EXPECT_EQ(r.openOrders[0].clientOrderId, "l1");
    EXPECT_EQ(r.openOrders[0].status, OrderStatus::New);
    ASSERT_EQ(r.positions.size(), 1u);
    EXPECT_EQ(r.positions[0].quantity, qty("0.1"));
    ASSERT_EQ(r.recentFills.size(), 1u);
    EXPECT_EQ(r.recentFills[0].clientOrderId, "m1");
    // 5,900 USDT + 2.95 fee are locked for l1
    bool sawUsdt = false;
    for (const BalanceReport& b : r.accountState.balances)
        if (b.currency.code() == "USDT") {
            sawUsdt = true;
            EXPECT_EQ(b.locked.amount(), *Decimal::parse("5902.95"));
        }
    EXPECT_TRUE(sawUsdt);
}

TEST(PaperBrokerConfig, readsItsSettingsAndRejectsGarbage) {
    PaperBrokerConfig config;
    EXPECT_TRUE(*config.applySetting("balance.BTC", "1.5"));
    EXPECT_TRUE(*config.applySetting("takerFeeBps", "7"));
    EXPECT_TRUE(*config.applySetting("cryptoTakerFeeBps", "4.5"));
    EXPECT_TRUE(*config.applySetting("forexLeverage", "50"));
    EXPECT_FALSE(*config.applySetting("speed", "10")); // not a paper key
    EXPECT_EQ(config.initialBalances.at(*Currency::parse("BTC")), *Decimal::parse("1.5"));
    EXPECT_EQ(config.feesFor(AssetClass::Crypto).takerBps, *Decimal::parse("4.5"));
    EXPECT_EQ(config.feesFor(AssetClass::Equity).takerBps, *Decimal::parse("7"));
    EXPECT_TRUE(config.validate().hasValue());

    EXPECT_FALSE(config.applySetting("balance.BTC", "NaN").hasValue());
    EXPECT_FALSE(config.applySetting("balance.btc", "1").hasValue()); // lower-case code
    EXPECT_FALSE(config.applySetting("forexLeverage", "").hasValue());
    EXPECT_FALSE(config.applySetting("makerFeeBps", "1e3").hasValue());
    PaperBrokerConfig bad;
    ASSERT_TRUE(*bad.applySetting("equityLeverage", "0"));
    EXPECT_FALSE(bad.validate().hasValue());
    PaperBrokerConfig negative;
    ASSERT_TRUE(*negative.applySetting("balance.USD", "-5"));
    EXPECT_FALSE(negative.validate().hasValue());
}

} // namespace
} // namespace cw::adapters::sim
