// SPDX-License-Identifier: MIT
// The paper broker's client with the real driver thread of the simulated exchange.
#include "core/adapters/sim/SimulatedExecutionClient.hpp"

#include "core/adapters/sim/SimulatedVenue.hpp"
#include "tests/unit/adapters/sim/ExecutionTestSupport.hpp"
#include "tests/unit/adapters/sim/SimTestSupport.hpp"

#include <chrono>
#include <gtest/gtest.h>
#include <thread>

namespace cw::adapters::sim {
namespace {

using namespace testing;

template <class Predicate>
bool waitFor(Predicate predicate, std::chrono::seconds limit = std::chrono::seconds(20)) {
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < deadline) {
        if (predicate())
            return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return predicate();
}

AdapterSettings fastSettings() {
    return {{"speed", "1000"},
            {"historyDays", "1"},
            {"startTime", std::to_string(kWednesdayNoon)},
            {"stepMs", "5"}};
}

TEST(SimulatedExecutionClient, marketOrderIsFilledWithTheRealDriver) {
    RecordingSink market;
    RecordingExecutionSink execution;
    auto clients = SimulatedVenue::create(fastSettings(), market, &execution);
    ASSERT_TRUE(clients.hasValue()) << clients.error().message;
    ASSERT_NE(clients->execution, nullptr);
    IExecutionClient& broker = *clients->execution;
    EXPECT_TRUE(broker.capabilities().supports(OrderType::StopLimit));
    EXPECT_TRUE(broker.capabilities().supports(TimeInForce::Day));
    EXPECT_TRUE(broker.capabilities().modify);
    EXPECT_FALSE(broker.capabilities().nativeBrackets);

    ASSERT_TRUE(clients->marketData->connect().hasValue());
    ASSERT_TRUE(broker.connect().hasValue());
    ASSERT_TRUE(waitFor([&] { return !execution.all<ReconciliationReport>().empty(); }))
        << "the paper broker never connected";
    const auto statuses = execution.all<ExecutionStatusChanged>();
    ASSERT_GE(statuses.size(), 2u);
    EXPECT_EQ(statuses[0].state, FeedState::Connecting);
    EXPECT_EQ(statuses[1].state, FeedState::Connected);
    EXPECT_EQ(execution.all<ReconciliationReport>()[0].requestId, 0u);

    ASSERT_TRUE(
        broker
            .submit(order("t1", "BTCUSDT", Side::Buy, OrderType::Market, TimeInForce::Gtc, "0.001"))
            .hasValue());
    ASSERT_TRUE(waitFor([&] { return !execution.all<OrderFilled>().empty(); }))
        << "no fill within the time limit";
    const auto fill = execution.all<OrderFilled>()[0];
    EXPECT_EQ(fill.clientOrderId, "t1");
    EXPECT_EQ(fill.cumulativeQuantity, qty("0.001"));
    EXPECT_GE(fill.venueTime, kWednesdayNoon);

    ASSERT_TRUE(broker.requestReconciliation(RequestReconciliation{42, ""}).hasValue());
    ASSERT_TRUE(waitFor([&] { return execution.all<ReconciliationReport>().size() >= 2; }));
    EXPECT_EQ(execution.all<ReconciliationReport>()[1].requestId, 42u);
    EXPECT_EQ(execution.all<ReconciliationReport>()[1].recentFills.size(), 1u);

    broker.disconnect();
    clients->marketData->disconnect();
    const std::size_t after = execution.events().size();
    EXPECT_EQ(execution.all<ExecutionStatusChanged>().back().state, FeedState::Disconnected);
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    EXPECT_EQ(execution.events().size(), after); // nothing after disconnect
}

TEST(SimulatedExecutionClient, rejectsMalformedCommandsLocally) {
    RecordingSink market;
    RecordingExecutionSink execution;
    auto clients = SimulatedVenue::create(fastSettings(), market, &execution);
    ASSERT_TRUE(clients.hasValue());
    IExecutionClient& broker = *clients->execution;
    const SubmitOrder good =
        order("ok-1", "BTCUSDT", Side::Buy, OrderType::Market, TimeInForce::Gtc, "0.001");
    // not connected yet
    EXPECT_EQ(broker.submit(good).error().code, ErrorCode::Unavailable);
    EXPECT_EQ(broker.cancel(CancelOrder{"ok-1", simKey("BTCUSDT")}).error().code,
              ErrorCode::Unavailable);
    ASSERT_TRUE(broker.connect().hasValue());
    ASSERT_TRUE(waitFor([&] { return !execution.all<ReconciliationReport>().empty(); }));

    SubmitOrder emptyId = good;
    emptyId.clientOrderId = "";
    EXPECT_EQ(broker.submit(emptyId).error().code, ErrorCode::InvalidArgument);
    SubmitOrder longId = good;
    longId.clientOrderId = std::string(37, 'a');
    EXPECT_EQ(broker.submit(longId).error().code, ErrorCode::InvalidArgument);
    SubmitOrder spaceId = good;
    spaceId.clientOrderId = "a b";
    EXPECT_EQ(broker.submit(spaceId).error().code, ErrorCode::InvalidArgument);
    SubmitOrder otherVenue = good;
    otherVenue.instrument = *InstrumentKey::make("BINANCE", "BTCUSDT");
    EXPECT_EQ(broker.submit(otherVenue).error().code, ErrorCode::InvalidArgument);
    SubmitOrder noSide = good;
    noSide.side = Side::Invalid;
    EXPECT_EQ(broker.submit(noSide).error().code, ErrorCode::InvalidArgument);
    SubmitOrder noType = good;
    noType.type = OrderType::Invalid;
    EXPECT_EQ(broker.submit(noType).error().code, ErrorCode::InvalidArgument);
    // a cancel of an unknown order is sent and answered by the venue
    EXPECT_TRUE(broker.cancel(CancelOrder{"nope", simKey("BTCUSDT")}).hasValue());
    ASSERT_EQ(execution.all<RequestRejected>().size(), 1u);
    EXPECT_EQ(execution.all<RequestRejected>()[0].reason, RejectReason::UnknownOrder);
    EXPECT_TRUE(execution.all<OrderAccepted>().empty());
}

TEST(SimulatedExecutionClient, publishesThePaperBrokersFeeRatesPerInstrument) {
    RecordingExecutionSink execution;
    SimulationConfig config;
    ASSERT_TRUE(config.paper.applySetting("forexTakerFeeBps", "0.7").hasValue());
    auto exchange = SimulatedExchange::create(config, &execution);
    ASSERT_TRUE(exchange.hasValue());
    SimulatedExecutionClient client(*exchange);
    const auto crypto = client.feeRates(simKey("BTCUSDT"));
    ASSERT_TRUE(crypto.has_value());
    EXPECT_EQ(crypto->makerBps, *Decimal::parse("2"));
    EXPECT_EQ(crypto->takerBps, *Decimal::parse("5"));
    const auto forex = client.feeRates(simKey("EURUSD"));
    ASSERT_TRUE(forex.has_value());
    EXPECT_EQ(forex->makerBps, *Decimal::parse("0"));
    EXPECT_EQ(forex->takerBps, *Decimal::parse("0.7")); // the configured override
    // Unknown symbol or another venue: unknown, not zero.
    EXPECT_FALSE(client.feeRates(simKey("NOSUCH")).has_value());
    EXPECT_FALSE(client.feeRates(*InstrumentKey::make("BINANCE", "BTCUSDT")).has_value());
}

TEST(SimulatedVenue, buildsNoExecutionClientWithoutAnExecutionSink) {
    RecordingSink market;
    auto clients = SimulatedVenue::create(fastSettings(), market, nullptr);
    ASSERT_TRUE(clients.hasValue());
    EXPECT_EQ(clients->execution, nullptr);
    EXPECT_NE(clients->marketData, nullptr);
}

TEST(SimulatedVenue, rejectsBadPaperSettings) {
    RecordingSink market;
    RecordingExecutionSink execution;
    for (const auto& [key, value] :
         std::vector<std::pair<std::string, std::string>>{{"makerFeeBps", "abc"},
                                                          {"balance.USD", "-1"},
                                                          {"forexLeverage", "0"},
                                                          {"bookLevels", "1000"},
                                                          {"takerFeeBps", "NaN"}}) {
        auto clients = SimulatedVenue::create({{key, value}}, market, &execution);
        ASSERT_FALSE(clients.hasValue()) << key << "=" << value;
        EXPECT_EQ(clients.error().code, ErrorCode::InvalidArgument) << key;
    }
}

} // namespace
} // namespace cw::adapters::sim
