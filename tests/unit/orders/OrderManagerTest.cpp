// SPDX-License-Identifier: MIT
#include "core/orders/OrderManager.hpp"

#include <gtest/gtest.h>
#include <string>

namespace cw::orders {
namespace {

using adapters::ExecutionEvent;

const adapters::InstrumentKey kBtc = *adapters::InstrumentKey::make("SIM", "BTCUSDT");
const adapters::InstrumentKey kEth = *adapters::InstrumentKey::make("SIM", "ETHUSDT");
const adapters::InstrumentKey kOther = *adapters::InstrumentKey::make("BINANCE", "BTCUSDT");
const OrderOrigin kTicket{OrderOriginKind::Ticket, {}, {}};
const Currency kUsdt = *Currency::parse("USDT");

Quantity qty(std::string_view text) {
    return *Quantity::parse(text, 3);
}
Price px(std::string_view text) {
    return *Price::parse(text, 2);
}

adapters::SubmitOrder limitBuy(std::string id, std::string_view quantity = "2",
                               std::string_view price = "100.00",
                               adapters::InstrumentKey instrument = kBtc) {
    adapters::SubmitOrder command;
    command.clientOrderId = std::move(id);
    command.instrument = instrument;
    command.side = Side::Buy;
    command.type = OrderType::Limit;
    command.timeInForce = TimeInForce::Gtc;
    command.quantity = qty(quantity);
    command.limitPrice = px(price);
    return command;
}

adapters::OrderAccepted accepted(std::string id) {
    return adapters::OrderAccepted{std::move(id), "V-1", kBtc, 10, 11};
}

adapters::OrderFilled fill(std::string id, std::string tradeId, std::string_view quantity,
                           std::string_view price, std::string_view cumulative,
                           std::string_view leaves) {
    adapters::OrderFilled f;
    f.clientOrderId = std::move(id);
    f.venueOrderId = "V-1";
    f.instrument = kBtc;
    f.tradeId = std::move(tradeId);
    f.side = Side::Buy;
    f.quantity = qty(quantity);
    f.price = px(price);
    f.fee = *Money::parse("0.01", kUsdt);
    f.liquidity = adapters::Liquidity::Maker;
    f.cumulativeQuantity = qty(cumulative);
    f.leavesQuantity = qty(leaves);
    f.venueTime = 20;
    return f;
}

class OrderManagerTest : public ::testing::Test {
protected:
    void submitAndAccept(const std::string& id) {
        ASSERT_TRUE(book.submit(limitBuy(id), kTicket, 1).hasValue());
        book.apply(accepted(id));
        ASSERT_EQ(book.find(id)->status, OrderStatus::New);
    }

    OrderManager book;
};

TEST_F(OrderManagerTest, submitRegistersPendingNewAndReturnsTheCommand) {
    const auto sent =
        book.submit(limitBuy("A1"), OrderOrigin{OrderOriginKind::Strategy, "s1", {}}, 1000);
    ASSERT_TRUE(sent.hasValue());
    EXPECT_EQ(sent->clientOrderId, "A1");
    const Order* order = book.find("A1");
    ASSERT_NE(order, nullptr);
    EXPECT_EQ(order->status, OrderStatus::PendingNew);
    EXPECT_EQ(order->origin.strategyId, "s1");
    EXPECT_EQ(order->createdTime, 1000);
    EXPECT_EQ(book.openOrderCount(kBtc), 1U);
    EXPECT_EQ(book.openOrderCount("SIM"), 1U);
    EXPECT_EQ(book.openOrderCount("BINANCE"), 0U);
}

TEST_F(OrderManagerTest, submitRejectsMalformedCommandsWithoutRegisteringThem) {
    auto expectInvalid = [&](adapters::SubmitOrder command, OrderOrigin origin = kTicket) {
        const auto r = book.submit(command, origin, 1);
        ASSERT_FALSE(r.hasValue()) << command.clientOrderId;
        EXPECT_EQ(r.error().code, ErrorCode::InvalidArgument);
    };
    expectInvalid(limitBuy(""));
    expectInvalid(limitBuy("has space"));
    expectInvalid(limitBuy(std::string(37, 'X')));
    auto noSide = limitBuy("B1");
    noSide.side = Side::Invalid;
    expectInvalid(noSide);
    expectInvalid(limitBuy("B2", "0"));
    expectInvalid(limitBuy("B3", "-1"));
    expectInvalid(limitBuy("B4", "1", "0"));
    auto noInstrument = limitBuy("B5");
    noInstrument.instrument = {};
    expectInvalid(noInstrument);
    auto stopWithoutTrigger = limitBuy("B6");
    stopWithoutTrigger.type = OrderType::StopLimit;
    expectInvalid(stopWithoutTrigger);
    expectInvalid(limitBuy("B7"), OrderOrigin{});
    expectInvalid(limitBuy("B8"), OrderOrigin{OrderOriginKind::External, {}, {}});
    EXPECT_TRUE(book.openOrders().empty());

    ASSERT_TRUE(book.submit(limitBuy("B9"), kTicket, 1).hasValue());
    expectInvalid(limitBuy("B9")); // duplicate id
    EXPECT_EQ(book.openOrders().size(), 1U);
}

TEST_F(OrderManagerTest, fillsAccumulateWithExactAveragePriceAndFees) {
    submitAndAccept("A1");
    EXPECT_EQ(book.find("A1")->venueOrderId, "V-1");

    auto changes = book.apply(fill("A1", "T1", "0.5", "100.10", "0.5", "1.5"));
    ASSERT_EQ(changes.size(), 1U);
    EXPECT_EQ(changes[0].kind, OrderChangeKind::Updated);
    EXPECT_EQ(changes[0].previousStatus, OrderStatus::New);
    EXPECT_EQ(changes[0].status, OrderStatus::PartiallyFilled);
    ASSERT_TRUE(changes[0].fill.has_value());
    EXPECT_EQ(changes[0].fill->tradeId, "T1");

    changes = book.apply(fill("A1", "T2", "1.5", "100.30", "2", "0"));
    ASSERT_EQ(changes.size(), 1U);
    EXPECT_EQ(changes[0].status, OrderStatus::Filled);
    const Order* order = book.find("A1");
    ASSERT_NE(order, nullptr);
    EXPECT_EQ(order->filledQuantity, qty("2"));
    // (0.5 x 100.10 + 1.5 x 100.30) / 2 = (50.05 + 150.45) / 2 = 100.25
    EXPECT_EQ(order->averageFillPrice.toString(), "100.250000");
    ASSERT_EQ(order->fees.size(), 1U);
    EXPECT_EQ(order->fees[0], *Money::parse("0.02", kUsdt));
    EXPECT_TRUE(book.openOrders().empty());
    ASSERT_EQ(book.history().size(), 1U);
    EXPECT_EQ(book.history().front().clientOrderId, "A1");
}

TEST_F(OrderManagerTest, averagePriceThatIsNotExactIsRoundedHalfEvenAtFourExtraDecimals) {
    submitAndAccept("A1");
    book.apply(fill("A1", "T1", "1", "100.00", "1", "1"));
    book.apply(fill("A1", "T2", "0.5", "100.01", "1.5", "0.5"));
    // 150.005 / 1.5 = 100.003333... -> 100.003333
    EXPECT_EQ(book.find("A1")->averageFillPrice.toString(), "100.003333");
}

TEST_F(OrderManagerTest, duplicateFillIsIgnored) {
    submitAndAccept("A1");
    book.apply(fill("A1", "T1", "0.5", "100.00", "0.5", "1.5"));
    const auto again = book.apply(fill("A1", "T1", "0.5", "100.00", "0.5", "1.5"));
    ASSERT_EQ(again.size(), 1U);
    EXPECT_EQ(again[0].kind, OrderChangeKind::DuplicateFill);
    EXPECT_FALSE(again[0].fill.has_value()); // nothing for the positions
    EXPECT_EQ(book.find("A1")->filledQuantity, qty("0.5"));
    EXPECT_EQ(book.find("A1")->seenFillQuantity, qty("0.5"));
    EXPECT_TRUE(book.hasSeenTrade("SIM", "T1"));
    EXPECT_FALSE(book.hasSeenTrade("BINANCE", "T1"));
}

TEST_F(OrderManagerTest, sameTradeIdOnAnotherVenueIsNotADuplicate) {
    ASSERT_TRUE(book.submit(limitBuy("A1", "2", "100.00", kOther), kTicket, 1).hasValue());
    submitAndAccept("A2");
    book.apply(fill("A2", "T1", "0.5", "100.00", "0.5", "1.5"));
    auto other = fill("A1", "T1", "0.5", "100.00", "0.5", "1.5");
    other.instrument = kOther;
    const auto changes = book.apply(other);
    ASSERT_EQ(changes.size(), 1U);
    EXPECT_EQ(changes[0].kind, OrderChangeKind::Updated);
    EXPECT_TRUE(changes[0].fill.has_value());
}

TEST_F(OrderManagerTest, fillWithoutQuantityIsReportedAndIgnored) {
    submitAndAccept("A1");
    const auto changes = book.apply(fill("A1", "T1", "0", "100.00", "0", "2"));
    ASSERT_EQ(changes.size(), 1U);
    EXPECT_EQ(changes[0].kind, OrderChangeKind::InvalidTransition);
    EXPECT_FALSE(changes[0].fill.has_value());
    EXPECT_EQ(book.find("A1")->status, OrderStatus::New);
    EXPECT_FALSE(book.hasSeenTrade("SIM", "T1")); // a corrected resend may still come
}

TEST_F(OrderManagerTest, eventsForUnknownOrdersAreReportedAndKept) {
    const auto changes = book.apply(accepted("GHOST"));
    ASSERT_EQ(changes.size(), 1U);
    EXPECT_EQ(changes[0].kind, OrderChangeKind::UnknownOrder);
    EXPECT_FALSE(changes[0].order.has_value());

    // A fill for an unknown order still moves the position.
    const auto filled = book.apply(fill("GHOST", "T9", "1", "100.00", "1", "0"));
    ASSERT_EQ(filled.size(), 1U);
    EXPECT_EQ(filled[0].kind, OrderChangeKind::UnknownOrder);
    ASSERT_TRUE(filled[0].fill.has_value());
    EXPECT_EQ(book.unknownOrderEvents().size(), 2U);
    EXPECT_TRUE(book.openOrders().empty());
    // And it is deduplicated like any other.
    EXPECT_EQ(book.apply(fill("GHOST", "T9", "1", "100.00", "1", "0"))[0].kind,
              OrderChangeKind::DuplicateFill);
}

TEST_F(OrderManagerTest, invalidTransitionIsReportedAndLeavesTheOrderAsItWas) {
    submitAndAccept("A1");
    book.apply(fill("A1", "T1", "2", "100.00", "2", "0"));
    ASSERT_EQ(book.find("A1")->status, OrderStatus::Filled);
    const auto changes = book.apply(adapters::OrderCanceled{"A1", kBtc, "requested", 30, 31});
    ASSERT_EQ(changes.size(), 1U);
    EXPECT_EQ(changes[0].kind, OrderChangeKind::InvalidTransition);
    EXPECT_NE(changes[0].message.find("Canceled is not allowed in Filled"), std::string::npos);
    EXPECT_EQ(book.find("A1")->status, OrderStatus::Filled);
    EXPECT_EQ(book.apply(accepted("A1"))[0].kind, OrderChangeKind::InvalidTransition);
    EXPECT_EQ(book.find("A1")->status, OrderStatus::Filled);
}

TEST_F(OrderManagerTest, lateFillOnCanceledOrderCountsButKeepsTheStatus) {
    submitAndAccept("A1");
    book.apply(adapters::OrderCanceled{"A1", kBtc, "requested", 30, 31});
    const auto changes = book.apply(fill("A1", "T1", "0.5", "100.00", "0.5", "0"));
    ASSERT_EQ(changes.size(), 2U);
    EXPECT_EQ(changes[0].kind, OrderChangeKind::InvalidTransition);
    EXPECT_EQ(changes[1].kind, OrderChangeKind::Updated);
    ASSERT_TRUE(changes[1].fill.has_value());
    EXPECT_EQ(book.find("A1")->status, OrderStatus::Canceled);
    EXPECT_EQ(book.find("A1")->filledQuantity, qty("0.5"));
}

TEST_F(OrderManagerTest, cancelFlowWithAFillRacingTheCancel) {
    submitAndAccept("A1");
    const auto cancel = book.requestCancel("A1", 5);
    ASSERT_TRUE(cancel.hasValue());
    EXPECT_EQ(cancel->clientOrderId, "A1");
    EXPECT_EQ(cancel->instrument, kBtc);
    EXPECT_EQ(book.find("A1")->status, OrderStatus::PendingCancel);

    const auto twice = book.requestCancel("A1", 6);
    ASSERT_FALSE(twice.hasValue());
    EXPECT_EQ(twice.error().code, ErrorCode::InvalidArgument);

    book.apply(fill("A1", "T1", "0.5", "100.00", "0.5", "1.5"));
    EXPECT_EQ(book.find("A1")->status, OrderStatus::PendingCancel); // the cancel is still out

    const auto refused = book.apply(
        adapters::RequestRejected{adapters::RequestKind::Cancel, "A1", kBtc,
                                  adapters::RejectReason::RateLimited, "slow down", 40, 41});
    ASSERT_EQ(refused.size(), 1U);
    EXPECT_EQ(refused[0].kind, OrderChangeKind::Updated);
    EXPECT_EQ(book.find("A1")->status, OrderStatus::PartiallyFilled);

    ASSERT_TRUE(book.requestCancel("A1", 7).hasValue());
    book.apply(adapters::OrderCanceled{"A1", kBtc, "requested", 50, 51});
    EXPECT_EQ(book.find("A1")->status, OrderStatus::Canceled);
    EXPECT_EQ(book.find("A1")->statusMessage, "requested");

    EXPECT_EQ(book.requestCancel("A1", 8).error().code, ErrorCode::NotFound);
    EXPECT_EQ(book.requestCancel("NOPE", 8).error().code, ErrorCode::NotFound);
}

TEST_F(OrderManagerTest, fillCompletingDuringPendingCancelEndsFilled) {
    submitAndAccept("A1");
    ASSERT_TRUE(book.requestCancel("A1", 5).hasValue());
    book.apply(fill("A1", "T1", "2", "100.00", "2", "0"));
    EXPECT_EQ(book.find("A1")->status, OrderStatus::Filled);
    // The venue's answer to the cancel then refers to an ended order: no change.
    const auto late = book.apply(adapters::RequestRejected{
        adapters::RequestKind::Cancel, "A1", kBtc, adapters::RejectReason::UnknownOrder, "", 0, 0});
    EXPECT_EQ(late[0].kind, OrderChangeKind::RequestRejected);
    EXPECT_EQ(book.find("A1")->status, OrderStatus::Filled);
}

TEST_F(OrderManagerTest, replaceContinuesUnderTheNewIdWithFillsCarriedOver) {
    submitAndAccept("A1");
    book.apply(fill("A1", "T1", "0.5", "100.00", "0.5", "1.5"));
    adapters::ModifyOrder modify{"A1", "A1-2", {}, qty("3"), px("99.50"), Price()};
    const auto sent = book.requestModify(modify, 5);
    ASSERT_TRUE(sent.hasValue());
    EXPECT_EQ(sent->instrument, kBtc);
    EXPECT_EQ(book.find("A1")->status, OrderStatus::PendingReplace);

    const auto changes = book.apply(
        adapters::OrderReplaced{"A1", "A1-2", "V-2", kBtc, qty("3"), px("99.50"), Price(), 60, 61});
    ASSERT_EQ(changes.size(), 2U);
    EXPECT_EQ(changes[0].status, OrderStatus::Replaced);
    EXPECT_EQ(changes[1].clientOrderId, "A1-2");
    const Order* old = book.find("A1");
    const Order* next = book.find("A1-2");
    ASSERT_NE(old, nullptr);
    ASSERT_NE(next, nullptr);
    EXPECT_EQ(old->status, OrderStatus::Replaced);
    EXPECT_EQ(old->replacedByClientOrderId, "A1-2");
    EXPECT_EQ(next->status, OrderStatus::PartiallyFilled);
    EXPECT_EQ(next->replacesClientOrderId, "A1");
    EXPECT_EQ(next->filledQuantity, qty("0.5"));
    EXPECT_EQ(next->quantity, qty("3"));
    EXPECT_EQ(next->limitPrice, px("99.50"));
    EXPECT_EQ(next->venueOrderId, "V-2");
    EXPECT_FALSE(next->pendingModify.has_value());
    EXPECT_EQ(book.openOrderCount(kBtc), 1U);

    // Fills go on under the new id, up to the new quantity.
    book.apply(fill("A1-2", "T2", "2.5", "99.50", "3", "0"));
    EXPECT_EQ(book.find("A1-2")->status, OrderStatus::Filled);
}

TEST_F(OrderManagerTest, modifyRefusedReturnsToWorkingAndValidatesInput) {
    submitAndAccept("A1");
    book.apply(fill("A1", "T1", "1", "100.00", "1", "1"));
    auto modify = adapters::ModifyOrder{"A1", "A1-2", {}, qty("0.5"), px("99"), Price()};
    EXPECT_EQ(book.requestModify(modify, 5).error().code, ErrorCode::InvalidArgument); // < filled
    modify.quantity = qty("3");
    modify.newClientOrderId = "A1"; // already used
    EXPECT_EQ(book.requestModify(modify, 5).error().code, ErrorCode::InvalidArgument);
    modify.newClientOrderId = "A1-2";
    modify.instrument = kEth;
    EXPECT_EQ(book.requestModify(modify, 5).error().code, ErrorCode::InvalidArgument);
    modify.instrument = {};
    ASSERT_TRUE(book.requestModify(modify, 5).hasValue());
    // A second modify while one is pending is refused.
    auto second = modify;
    second.newClientOrderId = "A1-3";
    EXPECT_EQ(book.requestModify(second, 5).error().code, ErrorCode::InvalidArgument);

    book.apply(adapters::RequestRejected{adapters::RequestKind::Modify, "A1", kBtc,
                                         adapters::RejectReason::InvalidPrice, "no", 0, 0});
    EXPECT_EQ(book.find("A1")->status, OrderStatus::PartiallyFilled);
    EXPECT_FALSE(book.find("A1")->pendingModify.has_value());
    EXPECT_EQ(book.find("A1")->quantity, qty("2")); // unchanged
}

TEST_F(OrderManagerTest, iocCanceledBeforeAckEndsCanceledAndRejectKeepsTheReason) {
    auto ioc = limitBuy("A1");
    ioc.timeInForce = TimeInForce::Ioc;
    ASSERT_TRUE(book.submit(ioc, kTicket, 1).hasValue());
    book.apply(adapters::OrderCanceled{"A1", kBtc, "IOC remainder", 0, 0});
    EXPECT_EQ(book.find("A1")->status, OrderStatus::Canceled);

    ASSERT_TRUE(book.submit(limitBuy("A2"), kTicket, 1).hasValue());
    book.apply(adapters::OrderRejected{"A2", kBtc, adapters::RejectReason::BadTickSize,
                                       "price 100.005", 0, 0});
    EXPECT_EQ(book.find("A2")->status, OrderStatus::Rejected);
    EXPECT_EQ(book.find("A2")->rejectReason, adapters::RejectReason::BadTickSize);
    EXPECT_EQ(book.find("A2")->statusMessage, "price 100.005");

    submitAndAccept("A3");
    book.apply(adapters::OrderExpired{"A3", kBtc, 0, 0});
    EXPECT_EQ(book.find("A3")->status, OrderStatus::Expired);
    EXPECT_EQ(book.history().size(), 3U);
}

TEST_F(OrderManagerTest, stopTriggerIsRecorded) {
    auto stop = limitBuy("A1");
    stop.type = OrderType::Stop;
    stop.limitPrice = Price();
    stop.stopPrice = px("105");
    ASSERT_TRUE(book.submit(stop, kTicket, 1).hasValue());
    book.apply(accepted("A1"));
    const auto changes = book.apply(adapters::OrderTriggered{"A1", kBtc, 0, 0});
    EXPECT_EQ(changes[0].kind, OrderChangeKind::Updated);
    EXPECT_TRUE(book.find("A1")->triggered);
    EXPECT_EQ(book.find("A1")->status, OrderStatus::New);
}

TEST_F(OrderManagerTest, pendingResendsListsUnansweredRequestsWithTheSameIds) {
    ASSERT_TRUE(book.submit(limitBuy("P1"), kTicket, 1).hasValue()); // PendingNew
    submitAndAccept("P2");
    ASSERT_TRUE(book.requestCancel("P2", 2).hasValue()); // PendingCancel, acknowledged
    ASSERT_TRUE(book.submit(limitBuy("P3"), kTicket, 3).hasValue());
    ASSERT_TRUE(book.requestCancel("P3", 4).hasValue()); // PendingCancel before any ack
    submitAndAccept("P4");
    ASSERT_TRUE(book.requestModify({"P4", "P4-2", {}, qty("1"), px("90"), Price()}, 5).hasValue());
    submitAndAccept("P5"); // New: nothing to resend
    ASSERT_TRUE(book.submit(limitBuy("P6", "1", "10", kOther), kTicket, 6).hasValue());

    const auto requests = book.pendingResends("SIM");
    ASSERT_EQ(requests.size(), 5U);
    EXPECT_EQ(std::get<adapters::SubmitOrder>(requests[0]).clientOrderId, "P1");
    EXPECT_EQ(std::get<adapters::SubmitOrder>(requests[0]).limitPrice, px("100"));
    EXPECT_EQ(std::get<adapters::CancelOrder>(requests[1]).clientOrderId, "P2");
    EXPECT_EQ(std::get<adapters::SubmitOrder>(requests[2]).clientOrderId, "P3");
    EXPECT_EQ(std::get<adapters::CancelOrder>(requests[3]).clientOrderId, "P3");
    EXPECT_EQ(std::get<adapters::ModifyOrder>(requests[4]).newClientOrderId, "P4-2");
    EXPECT_EQ(book.pendingResends().size(), 6U);
    EXPECT_EQ(book.pendingResends("BINANCE").size(), 1U);
}

TEST_F(OrderManagerTest, resentSubmitAnsweredWithDuplicateIdDoesNotCreateASecondOrder) {
    ASSERT_TRUE(book.submit(limitBuy("R1"), kTicket, 1).hasValue());
    // The connection drops before the ack; after the reconnect the request is sent again.
    const auto resend = book.pendingResends();
    ASSERT_EQ(resend.size(), 1U);
    EXPECT_EQ(std::get<adapters::SubmitOrder>(resend[0]).clientOrderId, "R1");

    // The venue already had it: it refuses the copy as a duplicate id...
    const auto duplicate = book.apply(adapters::OrderRejected{
        "R1", kBtc, adapters::RejectReason::DuplicateClientOrderId, "duplicate order", 0, 0});
    ASSERT_EQ(duplicate.size(), 1U);
    EXPECT_EQ(duplicate[0].kind, OrderChangeKind::DuplicateSubmit);
    EXPECT_EQ(book.find("R1")->status, OrderStatus::PendingNew); // not rejected
    // ...and the first copy's ack arrives (twice, once per copy): still one order.
    book.apply(accepted("R1"));
    const auto again = book.apply(accepted("R1"));
    EXPECT_EQ(again[0].kind, OrderChangeKind::Updated);
    EXPECT_EQ(book.find("R1")->status, OrderStatus::New);
    EXPECT_EQ(book.openOrders().size(), 1U);
    EXPECT_EQ(book.openOrderCount(kBtc), 1U);
    EXPECT_TRUE(book.history().empty());
    EXPECT_TRUE(book.pendingResends().empty());

    // A duplicate-id answer after the ack changes nothing either.
    book.apply(adapters::OrderRejected{"R1", kBtc, adapters::RejectReason::DuplicateClientOrderId,
                                       "", 0, 0});
    EXPECT_EQ(book.find("R1")->status, OrderStatus::New);
}

TEST_F(OrderManagerTest, historyIsBounded) {
    OrderManager small(OrderManager::Config{2, 100, 10});
    for (const char* id : {"H1", "H2", "H3"}) {
        ASSERT_TRUE(small.submit(limitBuy(id), kTicket, 1).hasValue());
        small.apply(adapters::OrderRejected{id, kBtc, adapters::RejectReason::Other, "", 0, 0});
    }
    ASSERT_EQ(small.history().size(), 2U);
    EXPECT_EQ(small.history().front().clientOrderId, "H2");
    EXPECT_EQ(small.find("H1"), nullptr);
}

TEST_F(OrderManagerTest, tradeIdMemoryIsBoundedOldestFirst) {
    OrderManager small(OrderManager::Config{10, 2, 10});
    for (const char* trade : {"T1", "T2", "T3"})
        small.apply(fill("X", trade, "1", "1", "1", "0"));
    EXPECT_FALSE(small.hasSeenTrade("SIM", "T1"));
    EXPECT_TRUE(small.hasSeenTrade("SIM", "T3"));
    EXPECT_EQ(small.unknownOrderEvents().size(), 3U);
}

TEST_F(OrderManagerTest, nonOrderEventsChangeNothing) {
    EXPECT_TRUE(book.apply(adapters::ExecutionStatusChanged{}).empty());
    EXPECT_TRUE(book.apply(adapters::AccountUpdated{}).empty());
    EXPECT_TRUE(book.apply(adapters::ReconciliationReport{}).empty());
    EXPECT_EQ(
        book.apply(adapters::RequestRejected{
            adapters::RequestKind::CancelAll, "", {}, adapters::RejectReason::Other, "x", 0, 0})[0]
            .kind,
        OrderChangeKind::RequestRejected);
}

TEST_F(OrderManagerTest, replaceInPlaceKeepsTheId) {
    submitAndAccept("A1");
    ASSERT_TRUE(book.requestModify({"A1", "A1-2", {}, qty("4"), px("98"), Price()}, 5).hasValue());
    const auto changes = book.apply(
        adapters::OrderReplaced{"A1", "", "V-1", kBtc, qty("4"), px("98"), Price(), 0, 0});
    ASSERT_EQ(changes.size(), 1U);
    EXPECT_EQ(book.find("A1")->status, OrderStatus::New);
    EXPECT_EQ(book.find("A1")->quantity, qty("4"));
    EXPECT_EQ(book.find("A1-2"), nullptr);
}

TEST_F(OrderManagerTest, fillsAccountComesFromTheFillElseFromTheOrder) {
    adapters::SubmitOrder order = limitBuy("A1");
    order.account = "main";
    ASSERT_TRUE(book.submit(order, kTicket, 1).hasValue());
    book.apply(accepted("A1"));
    // A venue that names no account: the order's.
    auto silent = book.apply(fill("A1", "T1", "0.5", "100.00", "0.5", "1.5"));
    ASSERT_EQ(silent.size(), 1U);
    EXPECT_EQ(silent[0].account, "main");
    // A venue that names it: the fill's word wins.
    auto named = fill("A1", "T2", "0.5", "100.00", "1.0", "1.0");
    named.account = "sub-1";
    auto told = book.apply(named);
    ASSERT_EQ(told.size(), 1U);
    EXPECT_EQ(told[0].account, "sub-1");
    // A fill of an order we do not hold keeps its named account for the positions.
    auto stray = fill("ZZ", "T3", "0.1", "100.00", "0.1", "0");
    stray.account = "other";
    auto unknown = book.apply(stray);
    ASSERT_EQ(unknown.size(), 1U);
    EXPECT_EQ(unknown[0].kind, OrderChangeKind::UnknownOrder);
    EXPECT_EQ(unknown[0].account, "other");
}

TEST_F(OrderManagerTest, tradeMarkedSeenFromAnEarlierRunIsADuplicate) {
    EXPECT_TRUE(book.markTradeSeen("SIM", "T7"));
    EXPECT_FALSE(book.markTradeSeen("SIM", "T7")) << "known already";
    EXPECT_FALSE(book.markTradeSeen("SIM", "")) << "no trade id: nothing to remember";
    submitAndAccept("A1");
    const auto again = book.apply(fill("A1", "T7", "0.5", "100.00", "0.5", "1.5"));
    ASSERT_EQ(again.size(), 1U);
    EXPECT_EQ(again[0].kind, OrderChangeKind::DuplicateFill);
    EXPECT_FALSE(again[0].fill.has_value());
}

} // namespace
} // namespace cw::orders
