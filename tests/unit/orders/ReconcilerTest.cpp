// SPDX-License-Identifier: MIT
#include "core/orders/Reconciler.hpp"

#include <algorithm>
#include <gtest/gtest.h>
#include <string>

namespace cw::orders {
namespace {

const adapters::InstrumentKey kBtc = *adapters::InstrumentKey::make("SIM", "BTCUSDT");
const adapters::InstrumentKey kEth = *adapters::InstrumentKey::make("SIM", "ETHUSDT");
const adapters::InstrumentKey kElsewhere = *adapters::InstrumentKey::make("BINANCE", "BTCUSDT");
const OrderOrigin kTicket{OrderOriginKind::Ticket, {}, {}};
constexpr TimestampNs kNow = 1'000'000;

Quantity qty(std::string_view text) {
    return *Quantity::parse(text, 3);
}
Price px(std::string_view text) {
    return *Price::parse(text, 2);
}

adapters::SubmitOrder limitBuy(std::string id, TimeInForce tif = TimeInForce::Gtc,
                               adapters::InstrumentKey instrument = kBtc) {
    adapters::SubmitOrder command;
    command.clientOrderId = std::move(id);
    command.instrument = instrument;
    command.side = Side::Buy;
    command.type = OrderType::Limit;
    command.timeInForce = tif;
    command.quantity = qty("2");
    command.limitPrice = px("100");
    return command;
}

adapters::OrderReport venueOrder(std::string id, std::string_view filled = "0",
                                 std::string_view quantity = "2") {
    adapters::OrderReport r;
    r.clientOrderId = std::move(id);
    r.venueOrderId = "V-" + r.clientOrderId;
    r.instrument = kBtc;
    r.side = Side::Buy;
    r.type = OrderType::Limit;
    r.timeInForce = TimeInForce::Gtc;
    r.quantity = qty(quantity);
    r.filledQuantity = qty(filled);
    r.limitPrice = px("100");
    r.status = qty(filled).isZero() ? OrderStatus::New : OrderStatus::PartiallyFilled;
    return r;
}

adapters::OrderFilled venueFill(std::string id, std::string tradeId, std::string_view quantity,
                                std::string_view cumulative, std::string_view leaves,
                                TimestampNs time = 10) {
    adapters::OrderFilled f;
    f.clientOrderId = std::move(id);
    f.instrument = kBtc;
    f.tradeId = std::move(tradeId);
    f.side = Side::Buy;
    f.quantity = qty(quantity);
    f.price = px("100");
    f.cumulativeQuantity = qty(cumulative);
    f.leavesQuantity = qty(leaves);
    f.venueTime = time;
    return f;
}

adapters::PositionReport venuePosition(std::string_view quantity, std::string_view average,
                                       adapters::InstrumentKey instrument = kBtc) {
    adapters::PositionReport p;
    p.account = "ACC";
    p.instrument = instrument;
    p.quantity = qty(quantity);
    p.averagePrice = px(average);
    return p;
}

class ReconcilerTest : public ::testing::Test {
protected:
    ReconcilerTest() : reconciler(book, positions) {
        report.venue = "SIM";
        report.account = "ACC";
        report.venueTime = 500;
    }

    void submitAndAccept(const std::string& id, TimeInForce tif = TimeInForce::Gtc) {
        ASSERT_TRUE(book.submit(limitBuy(id, tif), kTicket, 100).hasValue());
        book.apply(adapters::OrderAccepted{id, "V-" + id, kBtc, 0, 0});
    }
    // Feeds an event the normal way: book first, then positions for new fills.
    void feed(const adapters::ExecutionEvent& event) {
        for (const auto& change : book.apply(event)) {
            if (change.fill) {
                ASSERT_TRUE(positions.applyFill(change.account, *change.fill).hasValue());
            }
        }
    }
    static std::vector<ReconciliationDifference> ofKind(const Reconciler::Outcome& outcome,
                                                        DifferenceKind kind) {
        std::vector<ReconciliationDifference> found;
        std::copy_if(outcome.differences.begin(), outcome.differences.end(),
                     std::back_inserter(found), [&](const auto& d) { return d.kind == kind; });
        return found;
    }

    OrderManager book;
    PositionTracker positions;
    Reconciler reconciler;
    adapters::ReconciliationReport report;
};

TEST_F(ReconcilerTest, agreeingViewsGiveNoDifferences) {
    submitAndAccept("A1");
    feed(venueFill("A1", "T1", "1", "1", "1"));
    report.openOrders.push_back(venueOrder("A1", "1"));
    report.recentFills.push_back(venueFill("A1", "T1", "1", "1", "1"));
    report.positions.push_back(venuePosition("1", "100"));
    const auto outcome = reconciler.reconcile(report, kNow);
    EXPECT_TRUE(outcome.differences.empty());
    EXPECT_TRUE(outcome.orderChanges.empty());
}

TEST_F(ReconcilerTest, failedReportIsRecordedAndChangesNothing) {
    submitAndAccept("A1");
    report.error = Error{ErrorCode::Unavailable, "venue busy"};
    const auto outcome = reconciler.reconcile(report, kNow);
    ASSERT_EQ(outcome.differences.size(), 1U);
    EXPECT_EQ(outcome.differences[0].kind, DifferenceKind::ReportFailed);
    EXPECT_EQ(outcome.differences[0].action, ReconciliationAction::None);
    EXPECT_EQ(book.find("A1")->status, OrderStatus::New); // not canceled for being unlisted
}

TEST_F(ReconcilerTest, missedFillIsAppliedOnceToTheBookAndThePositions) {
    submitAndAccept("A1");
    report.openOrders.push_back(venueOrder("A1", "0.5"));
    report.recentFills.push_back(venueFill("A1", "T1", "0.5", "0.5", "1.5"));
    report.positions.push_back(venuePosition("0.5", "100"));

    const auto outcome = reconciler.reconcile(report, kNow);
    const auto missed = ofKind(outcome, DifferenceKind::MissedFill);
    ASSERT_EQ(missed.size(), 1U);
    EXPECT_EQ(missed[0].action, ReconciliationAction::FillApplied);
    EXPECT_EQ(missed[0].clientOrderId, "A1");
    EXPECT_EQ(book.find("A1")->status, OrderStatus::PartiallyFilled);
    EXPECT_EQ(positions.quantity("", kBtc), qty("0.5"));
    // After the fill, order and position agree with the venue: nothing else to report.
    EXPECT_EQ(outcome.differences.size(), 1U);

    // The same report again: the fill is known now.
    const auto again = reconciler.reconcile(report, kNow);
    EXPECT_TRUE(again.differences.empty());
    EXPECT_EQ(positions.quantity("", kBtc), qty("0.5"));
}

TEST_F(ReconcilerTest, externalOrderIsAdopted) {
    report.openOrders.push_back(venueOrder("WEB-7", "0.25"));
    const auto outcome = reconciler.reconcile(report, kNow);
    const auto external = ofKind(outcome, DifferenceKind::ExternalOrder);
    ASSERT_EQ(external.size(), 1U);
    EXPECT_EQ(external[0].action, ReconciliationAction::Adopted);
    EXPECT_EQ(external[0].ours, "absent");
    const Order* order = book.find("WEB-7");
    ASSERT_NE(order, nullptr);
    EXPECT_TRUE(order->external);
    EXPECT_EQ(order->origin.kind, OrderOriginKind::External);
    EXPECT_EQ(order->status, OrderStatus::PartiallyFilled);
    EXPECT_EQ(order->account, "ACC");
    EXPECT_EQ(order->filledQuantity, qty("0.25"));
    ASSERT_EQ(outcome.orderChanges.size(), 1U);
    EXPECT_EQ(outcome.orderChanges[0].kind, OrderChangeKind::Adopted);
}

TEST_F(ReconcilerTest, workingOrderTheVenueDoesNotListIsCanceled) {
    submitAndAccept("A1");
    const auto outcome = reconciler.reconcile(report, kNow);
    const auto missing = ofKind(outcome, DifferenceKind::MissingOrder);
    ASSERT_EQ(missing.size(), 1U);
    EXPECT_EQ(missing[0].action, ReconciliationAction::MarkedCanceled);
    EXPECT_EQ(missing[0].theirs, "not listed");
    EXPECT_EQ(book.find("A1")->status, OrderStatus::Canceled);
    EXPECT_TRUE(book.openOrders().empty());
}

TEST_F(ReconcilerTest, unlistedOrderExplainedByRecentFillsEndsFilled) {
    submitAndAccept("A1");
    ASSERT_TRUE(book.requestCancel("A1", 200).hasValue()); // the fill raced our cancel
    report.recentFills.push_back(venueFill("A1", "T2", "1.5", "2", "0", 20));
    report.recentFills.push_back(venueFill("A1", "T1", "0.5", "0.5", "1.5", 10));
    report.positions.push_back(venuePosition("2", "100"));
    const auto outcome = reconciler.reconcile(report, kNow);
    EXPECT_EQ(ofKind(outcome, DifferenceKind::MissedFill).size(), 2U);
    EXPECT_TRUE(ofKind(outcome, DifferenceKind::PositionMismatch).empty());
    // Both fills, applied oldest first, complete it: nothing left to mark.
    EXPECT_EQ(book.find("A1")->status, OrderStatus::Filled);
    EXPECT_TRUE(ofKind(outcome, DifferenceKind::MissingOrder).empty());
}

TEST_F(ReconcilerTest, unlistedOrderWhoseFilledQuantityCoversItIsMarkedFilled) {
    submitAndAccept("A1");
    feed(venueFill("A1", "T1", "1", "1", "1"));
    // The venue cut the order down to what was filled (modified in place, no fill event):
    // it is complete, and the venue no longer lists it.
    feed(adapters::OrderReplaced{"A1", "", "V-A1", kBtc, qty("1"), px("100"), Price(), 0, 0});
    ASSERT_EQ(book.find("A1")->status, OrderStatus::PartiallyFilled);
    report.positions.push_back(venuePosition("1", "100"));
    const auto outcome = reconciler.reconcile(report, kNow);
    const auto missing = ofKind(outcome, DifferenceKind::MissingOrder);
    ASSERT_EQ(missing.size(), 1U);
    EXPECT_EQ(missing[0].action, ReconciliationAction::MarkedFilled);
    EXPECT_EQ(book.find("A1")->status, OrderStatus::Filled);
    EXPECT_EQ(outcome.differences.size(), 1U);
}

TEST_F(ReconcilerTest, unlistedPendingNewIsKeptForResendUnlessItIsImmediate) {
    ASSERT_TRUE(book.submit(limitBuy("GTC1"), kTicket, 100).hasValue());
    ASSERT_TRUE(book.submit(limitBuy("IOC1", TimeInForce::Ioc), kTicket, 100).hasValue());
    ASSERT_TRUE(book.submit(limitBuy("LATE", TimeInForce::Ioc), kTicket, 900).hasValue());
    const auto outcome = reconciler.reconcile(report, kNow);
    const auto missing = ofKind(outcome, DifferenceKind::MissingOrder);
    ASSERT_EQ(missing.size(), 2U); // LATE was sent after the venue's snapshot
    EXPECT_EQ(missing[0].clientOrderId, "GTC1");
    EXPECT_EQ(missing[0].action, ReconciliationAction::KeptForResend);
    EXPECT_EQ(missing[1].clientOrderId, "IOC1");
    EXPECT_EQ(missing[1].action, ReconciliationAction::MarkedCanceled);
    EXPECT_EQ(book.find("GTC1")->status, OrderStatus::PendingNew);
    EXPECT_EQ(book.find("IOC1")->status, OrderStatus::Canceled);
    EXPECT_EQ(book.find("LATE")->status, OrderStatus::PendingNew);
    const auto resends = book.pendingResends("SIM");
    ASSERT_EQ(resends.size(), 2U);
    EXPECT_EQ(std::get<adapters::SubmitOrder>(resends[0]).clientOrderId, "GTC1");
}

TEST_F(ReconcilerTest, ordersOfOtherVenuesAreLeftAlone) {
    ASSERT_TRUE(book.submit(limitBuy("B1", TimeInForce::Gtc, kElsewhere), kTicket, 100).hasValue());
    book.apply(adapters::OrderAccepted{"B1", "V", kElsewhere, 0, 0});
    const auto outcome = reconciler.reconcile(report, kNow);
    EXPECT_TRUE(outcome.differences.empty());
    EXPECT_EQ(book.find("B1")->status, OrderStatus::New);
}

TEST_F(ReconcilerTest, missedAckIsAStatusMismatchResolvedToTheVenuesView) {
    ASSERT_TRUE(book.submit(limitBuy("A1"), kTicket, 100).hasValue());
    report.openOrders.push_back(venueOrder("A1"));
    const auto outcome = reconciler.reconcile(report, kNow);
    const auto status = ofKind(outcome, DifferenceKind::StatusMismatch);
    ASSERT_EQ(status.size(), 1U);
    EXPECT_EQ(status[0].action, ReconciliationAction::UpdatedFromVenue);
    EXPECT_EQ(status[0].ours, "PendingNew filled 0.000/2.000");
    EXPECT_EQ(book.find("A1")->status, OrderStatus::New);
    EXPECT_EQ(book.find("A1")->venueOrderId, "V-A1");
    EXPECT_TRUE(book.pendingResends().empty());
}

TEST_F(ReconcilerTest, orderWeHadEndedButTheVenueStillWorksIsReopened) {
    submitAndAccept("A1");
    ASSERT_TRUE(book.forceTerminal("A1", OrderStatus::Canceled, "test", 50).hasValue());
    report.openOrders.push_back(venueOrder("A1"));
    const auto outcome = reconciler.reconcile(report, kNow);
    ASSERT_EQ(ofKind(outcome, DifferenceKind::StatusMismatch).size(), 1U);
    EXPECT_EQ(book.find("A1")->status, OrderStatus::New);
    EXPECT_EQ(book.openOrders().size(), 1U);
    EXPECT_TRUE(book.history().empty());
}

TEST_F(ReconcilerTest, filledQuantityMismatchTakesTheVenuesNumber) {
    submitAndAccept("A1");
    report.openOrders.push_back(venueOrder("A1", "0.75"));
    const auto outcome = reconciler.reconcile(report, kNow);
    const auto filled = ofKind(outcome, DifferenceKind::FilledMismatch);
    ASSERT_EQ(filled.size(), 1U);
    EXPECT_EQ(filled[0].ours, "New filled 0.000/2.000");
    EXPECT_EQ(filled[0].theirs, "PartiallyFilled filled 0.750/2.000");
    EXPECT_EQ(book.find("A1")->filledQuantity, qty("0.75"));
    EXPECT_EQ(book.find("A1")->status, OrderStatus::PartiallyFilled);
}

TEST_F(ReconcilerTest, detailsMismatchTakesTheVenuesQuantityAndPrice) {
    submitAndAccept("A1");
    auto theirs = venueOrder("A1", "0", "3");
    theirs.limitPrice = px("99.5");
    report.openOrders.push_back(theirs);
    const auto outcome = reconciler.reconcile(report, kNow);
    const auto details = ofKind(outcome, DifferenceKind::DetailsMismatch);
    ASSERT_EQ(details.size(), 1U);
    EXPECT_EQ(details[0].ours, "qty 2.000 limit 100.00");
    EXPECT_EQ(details[0].theirs, "qty 3.000 limit 99.50");
    EXPECT_EQ(book.find("A1")->quantity, qty("3"));
    EXPECT_EQ(book.find("A1")->limitPrice, px("99.5"));
}

TEST_F(ReconcilerTest, pendingModifyIsNotADetailsMismatch) {
    submitAndAccept("A1");
    ASSERT_TRUE(book.requestModify({"A1", "A1-2", {}, qty("3"), px("99"), Price()}, 5).hasValue());
    report.openOrders.push_back(venueOrder("A1"));
    const auto outcome = reconciler.reconcile(report, kNow);
    EXPECT_TRUE(outcome.differences.empty());
    EXPECT_EQ(book.find("A1")->status, OrderStatus::PendingReplace);
}

TEST_F(ReconcilerTest, positionMismatchLetsTheVenueWinAndRecordsBothSides) {
    submitAndAccept("A1");
    feed(venueFill("A1", "T1", "2", "2", "0"));
    report.recentFills.push_back(venueFill("A1", "T1", "2", "2", "0"));
    report.positions.push_back(venuePosition("3", "101"));
    report.positions.push_back(venuePosition("-1", "20", kEth));
    const auto outcome = reconciler.reconcile(report, kNow);
    const auto mismatches = ofKind(outcome, DifferenceKind::PositionMismatch);
    ASSERT_EQ(mismatches.size(), 2U);
    EXPECT_EQ(mismatches[0].instrument, kBtc);
    EXPECT_EQ(mismatches[0].ours, "long 2.000 @ 100.000000");
    EXPECT_EQ(mismatches[0].theirs, "long 3.000 @ 101.00");
    EXPECT_EQ(mismatches[0].action, ReconciliationAction::PositionCorrected);
    EXPECT_EQ(mismatches[1].ours, "absent");
    EXPECT_EQ(mismatches[1].theirs, "short 1.000 @ 20.00");
    // Our fills went to the default (empty) account; the venue's ACC is the same account.
    EXPECT_EQ(positions.quantity("", kBtc), qty("3"));
    EXPECT_EQ(positions.quantity("ACC", kEth), qty("-1"));
}

TEST_F(ReconcilerTest, positionTheVenueDoesNotListIsSetFlat) {
    ASSERT_TRUE(positions.applyFill("ACC", venueFill("X", "T1", "1", "1", "0")).hasValue());
    const auto outcome = reconciler.reconcile(report, kNow);
    const auto mismatches = ofKind(outcome, DifferenceKind::PositionMismatch);
    ASSERT_EQ(mismatches.size(), 1U);
    EXPECT_EQ(mismatches[0].theirs, "flat");
    EXPECT_TRUE(positions.quantity("ACC", kBtc).isZero());
}

TEST_F(ReconcilerTest, fillWithoutTradeIdIsReportedButNotApplied) {
    submitAndAccept("A1");
    report.openOrders.push_back(venueOrder("A1"));
    report.recentFills.push_back(venueFill("A1", "", "1", "1", "1"));
    const auto outcome = reconciler.reconcile(report, kNow);
    const auto missed = ofKind(outcome, DifferenceKind::MissedFill);
    ASSERT_EQ(missed.size(), 1U);
    EXPECT_EQ(missed[0].action, ReconciliationAction::None);
    EXPECT_TRUE(book.find("A1")->filledQuantity.isZero());
}

} // namespace
} // namespace cw::orders
