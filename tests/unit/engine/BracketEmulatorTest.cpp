// SPDX-License-Identifier: MIT
#include "core/engine/BracketEmulator.hpp"

#include <gtest/gtest.h>

namespace cw::engine {
namespace {

Price px(std::string_view text) {
    return *Price::parse(text);
}
Quantity qty(std::string_view text) {
    return *Quantity::parse(text);
}

adapters::SubmitOrder entryOrder(Side side = Side::Buy) {
    adapters::SubmitOrder o;
    o.clientOrderId = "E1";
    o.instrument = *adapters::InstrumentKey::make("SIM", "BTCUSDT");
    o.side = side;
    o.type = OrderType::Limit;
    o.timeInForce = TimeInForce::Gtc;
    o.quantity = qty("2");
    o.limitPrice = px("100.00");
    return o;
}

/// An order as the OrderManager would report it.
orders::Order order(std::string id, OrderStatus status, std::string_view quantity,
                    std::string_view filled, std::string replaces = {}) {
    orders::Order o;
    o.clientOrderId = std::move(id);
    o.status = status;
    o.quantity = qty(quantity);
    o.filledQuantity = qty(filled);
    o.replacesClientOrderId = std::move(replaces);
    return o;
}

struct Fixture {
    BracketEmulator emulator{[this] { return "L" + std::to_string(++next); }};
    int next = 0;
};

TEST(BracketEmulator, rejectsBadBrackets) {
    Fixture f;
    EXPECT_FALSE(f.emulator.add(entryOrder(), {}, {}).hasValue()) << "no legs at all";
    EXPECT_FALSE(f.emulator.add(entryOrder(), px("-1"), px("110")).hasValue()) << "negative";
    EXPECT_FALSE(f.emulator.add(entryOrder(), px("110"), px("90")).hasValue())
        << "a buy's stop-loss above its take-profit";
    EXPECT_FALSE(f.emulator.add(entryOrder(Side::Sell), px("90"), px("110")).hasValue())
        << "a sell's stop-loss below its take-profit";
    adapters::SubmitOrder noId = entryOrder();
    noId.clientOrderId.clear();
    EXPECT_FALSE(f.emulator.add(noId, px("90"), px("110")).hasValue());
    EXPECT_EQ(f.emulator.size(), 0u);
    ASSERT_TRUE(f.emulator.add(entryOrder(), px("90"), px("110")).hasValue());
    EXPECT_FALSE(f.emulator.add(entryOrder(), px("90"), px("110")).hasValue()) << "twice";
}

TEST(BracketEmulator, sendsBothLegsForThePartialFillThenResizesThem) {
    Fixture f;
    ASSERT_TRUE(f.emulator.add(entryOrder(), px("90.00"), px("110.00")).hasValue());
    EXPECT_TRUE(f.emulator.onOrder(order("E1", OrderStatus::New, "2", "0")).empty());

    auto first = f.emulator.onOrder(order("E1", OrderStatus::PartiallyFilled, "2", "0.5"));
    ASSERT_EQ(first.size(), 2u);
    EXPECT_EQ(first[0].kind, EmulationAction::Kind::Submit);
    EXPECT_EQ(first[0].submit.type, OrderType::Stop);
    EXPECT_EQ(first[0].submit.stopPrice, px("90.00"));
    EXPECT_EQ(first[0].submit.side, Side::Sell);
    EXPECT_EQ(first[0].submit.quantity, qty("0.5"));
    EXPECT_EQ(first[0].parentClientOrderId, "E1");
    EXPECT_EQ(first[1].submit.type, OrderType::Limit);
    EXPECT_EQ(first[1].submit.limitPrice, px("110.00"));
    EXPECT_EQ(first[1].submit.quantity, qty("0.5"));
    EXPECT_TRUE(f.emulator.isLeg("L1"));
    EXPECT_EQ(*f.emulator.note("L1"), "SL of E1, OCO with L2");

    // More fills while the legs wait for their ack: nothing yet.
    EXPECT_TRUE(f.emulator.onOrder(order("E1", OrderStatus::Filled, "2", "2")).empty());
    // The acks: each leg is resized to the whole 2.
    auto resizeSl = f.emulator.onOrder(order("L1", OrderStatus::New, "0.5", "0"));
    ASSERT_EQ(resizeSl.size(), 1u) << "the TP still waits for its ack";
    EXPECT_EQ(resizeSl[0].kind, EmulationAction::Kind::Modify);
    EXPECT_EQ(resizeSl[0].clientOrderId, "L1");
    EXPECT_EQ(resizeSl[0].quantity, qty("2"));
    auto resizeTp = f.emulator.onOrder(order("L2", OrderStatus::New, "0.5", "0"));
    ASSERT_EQ(resizeTp.size(), 1u);
    EXPECT_EQ(resizeTp[0].clientOrderId, "L2");
    EXPECT_EQ(resizeTp[0].quantity, qty("2"));
}

TEST(BracketEmulator, ocoCancelsTheOtherLegWhenOneFillsCompletely) {
    Fixture f;
    ASSERT_TRUE(f.emulator.add(entryOrder(), px("90.00"), px("110.00")).hasValue());
    ASSERT_EQ(f.emulator.onOrder(order("E1", OrderStatus::Filled, "2", "2")).size(), 2u);
    EXPECT_TRUE(f.emulator.onOrder(order("L1", OrderStatus::New, "2", "0")).empty());
    EXPECT_TRUE(f.emulator.onOrder(order("L2", OrderStatus::New, "2", "0")).empty());
    // The take-profit fills half: the stop-loss shrinks to what is left open.
    auto shrink = f.emulator.onOrder(order("L2", OrderStatus::PartiallyFilled, "2", "1"));
    ASSERT_EQ(shrink.size(), 1u);
    EXPECT_EQ(shrink[0].kind, EmulationAction::Kind::Modify);
    EXPECT_EQ(shrink[0].clientOrderId, "L1");
    EXPECT_EQ(shrink[0].quantity, qty("1"));
    // The venue replaces L1 by L3 (quantity 1).
    EXPECT_TRUE(f.emulator.onOrder(order("L1", OrderStatus::Replaced, "2", "0")).empty());
    EXPECT_TRUE(f.emulator.onOrder(order("L3", OrderStatus::New, "1", "0", "L1")).empty());
    EXPECT_TRUE(f.emulator.isLeg("L3"));
    // The take-profit completes: the stop-loss is canceled.
    auto oco = f.emulator.onOrder(order("L2", OrderStatus::Filled, "2", "2"));
    ASSERT_EQ(oco.size(), 1u);
    EXPECT_EQ(oco[0].kind, EmulationAction::Kind::Cancel);
    EXPECT_EQ(oco[0].clientOrderId, "L3");
    EXPECT_EQ(f.emulator.size(), 1u);
    EXPECT_TRUE(f.emulator.onOrder(order("L3", OrderStatus::Canceled, "1", "0")).empty());
    EXPECT_EQ(f.emulator.size(), 0u) << "done: everything the entry bought was sold";
}

TEST(BracketEmulator, entryEndingUnfilledDropsTheUnsentLegs) {
    Fixture f;
    ASSERT_TRUE(f.emulator.add(entryOrder(), px("90.00"), {}).hasValue());
    EXPECT_TRUE(f.emulator.onOrder(order("E1", OrderStatus::Canceled, "2", "0")).empty());
    EXPECT_EQ(f.emulator.size(), 0u);
    EXPECT_EQ(f.next, 0) << "no leg id was ever taken";
}

TEST(BracketEmulator, legCanceledByTheUserIsNotSentAgain) {
    Fixture f;
    ASSERT_TRUE(f.emulator.add(entryOrder(), px("90.00"), px("110.00")).hasValue());
    ASSERT_EQ(f.emulator.onOrder(order("E1", OrderStatus::PartiallyFilled, "2", "1")).size(), 2u);
    EXPECT_TRUE(f.emulator.onOrder(order("L1", OrderStatus::New, "1", "0")).empty());
    EXPECT_TRUE(f.emulator.onOrder(order("L2", OrderStatus::New, "1", "0")).empty());
    EXPECT_TRUE(f.emulator.onOrder(order("L1", OrderStatus::Canceled, "1", "0")).empty());
    // The entry fills on: only the take-profit grows, no new stop-loss.
    auto more = f.emulator.onOrder(order("E1", OrderStatus::Filled, "2", "2"));
    ASSERT_EQ(more.size(), 1u);
    EXPECT_EQ(more[0].kind, EmulationAction::Kind::Modify);
    EXPECT_EQ(more[0].clientOrderId, "L2");
    EXPECT_EQ(more[0].quantity, qty("2"));
}

TEST(BracketEmulator, refusedResizeIsNotRetriedUntilTheQuantityChanges) {
    Fixture f;
    ASSERT_TRUE(f.emulator.add(entryOrder(), px("90.00"), {}).hasValue());
    ASSERT_EQ(f.emulator.onOrder(order("E1", OrderStatus::PartiallyFilled, "2", "1")).size(), 1u);
    EXPECT_TRUE(f.emulator.onOrder(order("L1", OrderStatus::New, "1", "0")).empty());
    auto resize = f.emulator.onOrder(order("E1", OrderStatus::PartiallyFilled, "2", "1.5"));
    ASSERT_EQ(resize.size(), 1u);
    // Refused: L1 comes back working with its old quantity.
    EXPECT_TRUE(f.emulator.onOrder(order("L1", OrderStatus::New, "1", "0")).empty());
    EXPECT_TRUE(f.emulator.onOrder(order("L1", OrderStatus::New, "1", "0")).empty());
    // A new fill changes the target: asked again.
    auto again = f.emulator.onOrder(order("E1", OrderStatus::Filled, "2", "2"));
    ASSERT_EQ(again.size(), 1u);
    EXPECT_EQ(again[0].quantity, qty("2"));
}

TEST(BracketEmulator, followsAModifiedEntry) {
    Fixture f;
    ASSERT_TRUE(f.emulator.add(entryOrder(), {}, px("110.00")).hasValue());
    EXPECT_TRUE(f.emulator.onOrder(order("E1", OrderStatus::Replaced, "2", "0")).empty());
    EXPECT_TRUE(f.emulator.onOrder(order("E2", OrderStatus::New, "3", "0", "E1")).empty());
    EXPECT_TRUE(f.emulator.isEntry("E2"));
    auto legs = f.emulator.onOrder(order("E2", OrderStatus::Filled, "3", "3"));
    ASSERT_EQ(legs.size(), 1u);
    EXPECT_EQ(legs[0].submit.quantity, qty("3"));
    EXPECT_EQ(legs[0].parentClientOrderId, "E2");
}

TEST(BracketEmulator, ignoresOrdersOfNoBracketAndForgetsAllOnClear) {
    Fixture f;
    EXPECT_TRUE(f.emulator.onOrder(order("X", OrderStatus::Filled, "1", "1")).empty());
    ASSERT_TRUE(f.emulator.add(entryOrder(), px("90.00"), {}).hasValue());
    f.emulator.clear();
    EXPECT_TRUE(f.emulator.onOrder(order("E1", OrderStatus::Filled, "2", "2")).empty());
    EXPECT_FALSE(f.emulator.note("E1").has_value());
}

TEST(BracketEmulator, pricesOfAnUnsentBracketMoveAndItsLegsGoOutThere) {
    Fixture f;
    ASSERT_TRUE(f.emulator.add(entryOrder(), px("90.00"), px("110.00")).hasValue());
    ASSERT_TRUE(f.emulator.prices("E1").has_value());
    EXPECT_EQ(f.emulator.prices("E1")->stopLoss, px("90.00"));
    EXPECT_FALSE(f.emulator.prices("E2").has_value()) << "no bracket on E2";

    ASSERT_TRUE(f.emulator.setPrices("E1", px("92.00"), px("0")).hasValue()) << "TP dropped";
    EXPECT_EQ(f.emulator.prices("E1")->stopLoss, px("92.00"));
    EXPECT_TRUE(f.emulator.prices("E1")->takeProfit.isZero());
    EXPECT_FALSE(f.emulator.setPrices("E1", px("0"), px("0")).hasValue()) << "no legs left";
    EXPECT_FALSE(f.emulator.setPrices("E1", px("-1"), px("110")).hasValue()) << "negative";
    EXPECT_FALSE(f.emulator.setPrices("E1", px("111"), px("110")).hasValue()) << "SL above TP";
    EXPECT_FALSE(f.emulator.setPrices("E9", px("90"), px("110")).hasValue()) << "unknown entry";
    EXPECT_EQ(f.emulator.prices("E1")->stopLoss, px("92.00")) << "refusals change nothing";

    // The entry fills: only the SL goes out, at the moved price.
    auto legs = f.emulator.onOrder(order("E1", OrderStatus::Filled, "2", "2"));
    ASSERT_EQ(legs.size(), 1u);
    EXPECT_EQ(legs[0].submit.type, OrderType::Stop);
    EXPECT_EQ(legs[0].submit.stopPrice, px("92.00"));
    EXPECT_EQ(f.emulator.legOrder("E1", true), "L1");
    EXPECT_EQ(f.emulator.legOrder("E1", false), "");
    // A working leg cannot be removed by new prices (it is canceled instead).
    EXPECT_FALSE(f.emulator.setPrices("E1", px("0"), px("110")).hasValue());
}

TEST(BracketEmulator, legModifiedAtTheVenueMovesTheBracketsPrice) {
    Fixture f;
    ASSERT_TRUE(f.emulator.add(entryOrder(), px("90.00"), px("110.00")).hasValue());
    (void)f.emulator.onOrder(order("E1", OrderStatus::Filled, "2", "2"));
    (void)f.emulator.onOrder(order("L1", OrderStatus::New, "2", "0"));
    // The SL was dragged to 95: replaced under a new id at the new trigger.
    orders::Order replaced = order("L1", OrderStatus::Replaced, "2", "0");
    EXPECT_TRUE(f.emulator.onOrder(replaced).empty());
    orders::Order moved = order("L3", OrderStatus::New, "2", "0", "L1");
    moved.type = OrderType::Stop;
    moved.stopPrice = px("95.00");
    EXPECT_TRUE(f.emulator.onOrder(moved).empty()) << "same quantity: nothing to resize";
    EXPECT_EQ(f.emulator.prices("E1")->stopLoss, px("95.00"));
    EXPECT_EQ(f.emulator.legOrder("E1", true), "L3");
}

} // namespace
} // namespace cw::engine
