// SPDX-License-Identifier: MIT
#include "core/engine/TrailingStopEmulator.hpp"

#include <gtest/gtest.h>

namespace cw::engine {
namespace {

Price px(std::string_view text) {
    return *Price::parse(text);
}

adapters::InstrumentKey key() {
    return *adapters::InstrumentKey::make("SIM", "BTCUSDT");
}

adapters::SubmitOrder stopOrder(Side side, std::string_view stop, std::string id = "S1") {
    adapters::SubmitOrder o;
    o.clientOrderId = std::move(id);
    o.instrument = key();
    o.side = side;
    o.type = OrderType::Stop;
    o.timeInForce = TimeInForce::Gtc;
    o.quantity = *Quantity::parse("1");
    o.stopPrice = px(stop);
    return o;
}

orders::Order order(std::string id, OrderStatus status, std::string_view stop,
                    std::string replaces = {}) {
    orders::Order o;
    o.clientOrderId = std::move(id);
    o.status = status;
    o.stopPrice = px(stop);
    o.replacesClientOrderId = std::move(replaces);
    return o;
}

TEST(TrailingStopEmulator, rejectsWhatCannotTrail) {
    TrailingStopEmulator t;
    adapters::SubmitOrder limit = stopOrder(Side::Sell, "90");
    limit.type = OrderType::Limit;
    EXPECT_FALSE(t.add(limit, px("5"), px("0.01")).hasValue());
    EXPECT_FALSE(t.add(stopOrder(Side::Sell, "90"), px("0"), px("0.01")).hasValue());
    EXPECT_FALSE(t.add(stopOrder(Side::Sell, "90"), px("-5"), px("0.01")).hasValue());
    EXPECT_FALSE(t.add(stopOrder(Side::Sell, "90"), px("5"), px("0")).hasValue()) << "no tick";
    EXPECT_FALSE(t.add(stopOrder(Side::Sell, "0"), px("5"), px("0.01")).hasValue());
    EXPECT_EQ(t.size(), 0u);
}

TEST(TrailingStopEmulator, sellStopFollowsTheHighAndNeverMovesBack) {
    TrailingStopEmulator t;
    ASSERT_TRUE(t.add(stopOrder(Side::Sell, "90.00"), px("5.00"), px("0.25")).hasValue());
    // Not yet acknowledged: no amend, but the best price is tracked.
    EXPECT_TRUE(t.onPrice(key(), px("100.00")).empty());
    t.onOrder(order("S1", OrderStatus::New, "90.00"));
    auto up = t.onPrice(key(), px("100.10"));
    ASSERT_EQ(up.size(), 1u);
    EXPECT_EQ(up[0].kind, EmulationAction::Kind::Modify);
    // 100.10 - 5.00 = 95.10, rounded down to the 0.25 tick.
    EXPECT_EQ(up[0].stopPrice, px("95.00"));
    // One amend in flight at a time.
    EXPECT_TRUE(t.onPrice(key(), px("103.00")).empty());
    t.onOrder(order("S1", OrderStatus::Replaced, "90.00"));
    t.onOrder(order("S2", OrderStatus::New, "95.00", "S1"));
    EXPECT_TRUE(t.isTrailing("S2"));
    // The best price seen during the amend (103.00) moves it on at once.
    auto caughtUp = t.onPrice(key(), px("99.00"));
    ASSERT_EQ(caughtUp.size(), 1u);
    EXPECT_EQ(caughtUp[0].clientOrderId, "S2");
    EXPECT_EQ(caughtUp[0].stopPrice, px("98.00"));
    t.onOrder(order("S3", OrderStatus::New, "98.00", "S2"));
    // A fall never moves it back; a rise of less than one tick does not move it either.
    EXPECT_TRUE(t.onPrice(key(), px("97.00")).empty());
    EXPECT_TRUE(t.onPrice(key(), px("103.20")).empty());
    auto again = t.onPrice(key(), px("103.30"));
    ASSERT_EQ(again.size(), 1u);
    EXPECT_EQ(again[0].stopPrice, px("98.25"));
}

TEST(TrailingStopEmulator, buyStopFollowsTheLowRoundedUp) {
    TrailingStopEmulator t;
    ASSERT_TRUE(t.add(stopOrder(Side::Buy, "110.00"), px("5.00"), px("0.25")).hasValue());
    t.onOrder(order("S1", OrderStatus::New, "110.00"));
    auto down = t.onPrice(key(), px("99.90"));
    ASSERT_EQ(down.size(), 1u);
    EXPECT_EQ(down[0].stopPrice, px("105.00")); // 104.90 up to the tick
    EXPECT_TRUE(t.onPrice(*adapters::InstrumentKey::make("SIM", "ETHUSDT"), px("1")).empty());
}

TEST(TrailingStopEmulator, refusedAmendWaitsForABetterPrice) {
    TrailingStopEmulator t;
    ASSERT_TRUE(t.add(stopOrder(Side::Sell, "90.00"), px("5.00"), px("0.01")).hasValue());
    t.onOrder(order("S1", OrderStatus::New, "90.00"));
    ASSERT_EQ(t.onPrice(key(), px("100.00")).size(), 1u);
    t.onOrder(order("S1", OrderStatus::New, "90.00")); // refused: still working as it was
    EXPECT_TRUE(t.onPrice(key(), px("100.00")).empty()) << "same target: not asked again";
    EXPECT_EQ(t.onPrice(key(), px("100.50")).size(), 1u);
}

TEST(TrailingStopEmulator, endsWhenTheOrderTriggersOrEnds) {
    TrailingStopEmulator t;
    ASSERT_TRUE(t.add(stopOrder(Side::Sell, "90.00"), px("5.00"), px("0.01")).hasValue());
    ASSERT_TRUE(t.add(stopOrder(Side::Sell, "90.00", "S9"), px("5.00"), px("0.01")).hasValue());
    orders::Order triggered = order("S1", OrderStatus::New, "90.00");
    triggered.triggered = true;
    t.onOrder(triggered);
    t.onOrder(order("S9", OrderStatus::Canceled, "90.00"));
    EXPECT_EQ(t.size(), 0u);
    EXPECT_TRUE(t.onPrice(key(), px("200.00")).empty());
    // Garbage prices are ignored.
    EXPECT_TRUE(t.onPrice(key(), px("-1")).empty());
}

} // namespace
} // namespace cw::engine
