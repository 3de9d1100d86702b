// SPDX-License-Identifier: MIT
#include "core/journal/JournalRecord.hpp"

#include <gtest/gtest.h>

using namespace cw;
using namespace cw::journal;

namespace {

adapters::InstrumentKey btc() {
    return *adapters::InstrumentKey::make("SIM", "BTCUSDT");
}
Price price(std::string_view text) {
    return *Price::parse(text);
}
Quantity quantity(std::string_view text) {
    return *Quantity::parse(text);
}
Currency usdt() {
    return *Currency::parse("USDT");
}

adapters::SubmitOrder limitBuy() {
    adapters::SubmitOrder order;
    order.clientOrderId = "cw-42";
    order.instrument = btc();
    order.side = Side::Buy;
    order.type = OrderType::Limit;
    order.timeInForce = TimeInForce::Ioc;
    order.quantity = quantity("0.00100000");
    order.limitPrice = price("43000.10");
    order.account = "main";
    return order;
}

} // namespace

TEST(JournalKind, namesRoundTripAndGarbageIsRejected) {
    for (int i = 1; i <= static_cast<int>(JournalKind::Note); ++i) {
        const auto kind = static_cast<JournalKind>(i);
        ASSERT_NE(journalKindName(kind), "Invalid");
        EXPECT_EQ(journalKindFromName(journalKindName(kind)), kind);
    }
    EXPECT_FALSE(journalKindFromName("Invalid").has_value());
    EXPECT_FALSE(journalKindFromName("").has_value());
    EXPECT_FALSE(journalKindFromName("fill").has_value()); // case-sensitive
    EXPECT_FALSE(journalKindFromName("Fill ").has_value());
}

TEST(JournalRecord, submitOrderKeepsExactDecimalTextAndTheActor) {
    const auto record = JournalRecord::fromRequest(limitBuy(), JournalRecord::kOriginChart, 77);
    EXPECT_EQ(record.kind, JournalKind::OrderRequest);
    EXPECT_EQ(record.action, "SubmitOrder");
    EXPECT_EQ(record.localTimeNs, 77);
    EXPECT_EQ(record.venueTimeNs, 0);
    EXPECT_EQ(record.venue, "SIM");
    EXPECT_EQ(record.instrument, "SIM:BTCUSDT");
    EXPECT_EQ(record.account, "main");
    EXPECT_EQ(record.clientOrderId, "cw-42");
    EXPECT_EQ(record.origin, "chart");
    EXPECT_EQ(record.side, "Buy");
    EXPECT_EQ(record.orderType, "Limit");
    EXPECT_EQ(record.timeInForce, "IOC");
    EXPECT_EQ(record.quantity, "0.00100000"); // trailing zeros kept: the precision is data
    EXPECT_EQ(record.price, "43000.10");
    EXPECT_EQ(record.stopPrice, ""); // a limit order has no trigger
    EXPECT_EQ(record.status, "PendingNew");
}

TEST(JournalRecord, strategyOriginNamesTheStrategy) {
    const auto record =
        JournalRecord::fromRequest(limitBuy(), JournalRecord::strategyOrigin("mean-revert"), 1);
    EXPECT_EQ(record.origin, "strategy:mean-revert");
}

TEST(JournalRecord, stopLimitKeepsBothPricesAndMarketNone) {
    auto order = limitBuy();
    order.type = OrderType::StopLimit;
    order.stopPrice = price("42950.00");
    auto record = JournalRecord::fromRequest(order, "user", 1);
    EXPECT_EQ(record.price, "43000.10");
    EXPECT_EQ(record.stopPrice, "42950.00");

    order.type = OrderType::Market;
    order.limitPrice = Price();
    order.stopPrice = Price();
    record = JournalRecord::fromRequest(order, "oneclick", 1);
    EXPECT_EQ(record.orderType, "Market");
    EXPECT_EQ(record.price, "");
    EXPECT_EQ(record.stopPrice, "");
}

TEST(JournalRecord, fillCarriesFeeCurrencyStatusAndVenueTime) {
    adapters::OrderFilled fill;
    fill.clientOrderId = "cw-42";
    fill.venueOrderId = "V-9";
    fill.instrument = btc();
    fill.tradeId = "T-1";
    fill.side = Side::Sell;
    fill.quantity = quantity("0.40");
    fill.price = price("43000.5");
    fill.fee = *Money::parse("-0.0125", usdt()); // a maker rebate
    fill.liquidity = adapters::Liquidity::Maker;
    fill.cumulativeQuantity = quantity("0.40");
    fill.leavesQuantity = quantity("0.60");
    fill.venueTime = 1000;
    fill.receivedTime = 1100;

    auto record = JournalRecord::fromEvent(fill, 1200);
    EXPECT_EQ(record.kind, JournalKind::Fill);
    EXPECT_EQ(record.origin, "venue");
    EXPECT_EQ(record.localTimeNs, 1200);
    EXPECT_EQ(record.venueTimeNs, 1000);
    EXPECT_EQ(record.side, "Sell");
    EXPECT_EQ(record.fillQuantity, "0.40");
    EXPECT_EQ(record.fillPrice, "43000.5");
    EXPECT_EQ(record.fee, "-0.0125");
    EXPECT_EQ(record.feeCurrency, "USDT");
    EXPECT_EQ(record.tradeId, "T-1");
    EXPECT_EQ(record.venueOrderId, "V-9");
    EXPECT_EQ(record.status, "PartiallyFilled");
    EXPECT_EQ(record.details,
              R"({"liquidity":"Maker","leavesQuantity":"0.60","receivedTimeNs":1100})");

    fill.cumulativeQuantity = quantity("1.00");
    fill.leavesQuantity = quantity("0.00");
    record = JournalRecord::fromEvent(fill, 1300);
    EXPECT_EQ(record.status, "Filled");
    EXPECT_EQ(record.quantity, "1.00");
    EXPECT_EQ(record.account, ""); // the venue did not say

    fill.account = "sub-2";
    EXPECT_EQ(JournalRecord::fromEvent(fill, 1400).account, "sub-2");
}

TEST(JournalRecord, rejectionNamesTheReasonAndKeepsTheMessage) {
    adapters::OrderRejected rejected;
    rejected.clientOrderId = "cw-7";
    rejected.instrument = btc();
    rejected.reason = adapters::RejectReason::BadTickSize;
    rejected.message = "price 101.005 is not a multiple of the tick size 0.01";
    const auto record = JournalRecord::fromEvent(adapters::ExecutionEvent(rejected), 5);
    EXPECT_EQ(record.kind, JournalKind::OrderEvent);
    EXPECT_EQ(record.action, "OrderRejected");
    EXPECT_EQ(record.status, "Rejected");
    EXPECT_EQ(record.reason, "BadTickSize");
    EXPECT_EQ(record.message, rejected.message);
    EXPECT_EQ(record.details, ""); // no receive time given: nothing to add
}

TEST(JournalRecord, replacementLinksTheNewOrderId) {
    adapters::OrderReplaced replaced;
    replaced.clientOrderId = "cw-1";
    replaced.newClientOrderId = "cw-1.1";
    replaced.instrument = btc();
    replaced.quantity = quantity("2");
    replaced.limitPrice = price("99.5");
    const auto record = JournalRecord::fromEvent(replaced, 5);
    EXPECT_EQ(record.clientOrderId, "cw-1");
    EXPECT_EQ(record.linkedOrderId, "cw-1.1");
    EXPECT_EQ(record.status, "Replaced");
    EXPECT_EQ(record.quantity, "2");
    EXPECT_EQ(record.price, "99.5");

    adapters::ModifyOrder modify;
    modify.clientOrderId = "cw-1";
    modify.newClientOrderId = "cw-1.1";
    modify.instrument = btc();
    modify.quantity = quantity("2");
    const auto request = JournalRecord::fromRequest(modify, "user", 4);
    EXPECT_EQ(request.linkedOrderId, "cw-1.1");
    EXPECT_EQ(request.status, "PendingReplace");
}

TEST(JournalRecord, everyExecutionEventGetsARecordOfItsKind) {
    const std::vector<std::pair<adapters::ExecutionEvent, JournalKind>> cases = {
        {adapters::ExecutionStatusChanged{}, JournalKind::Connection},
        {adapters::OrderAccepted{}, JournalKind::OrderEvent},
        {adapters::OrderRejected{}, JournalKind::OrderEvent},
        {adapters::OrderTriggered{}, JournalKind::OrderEvent},
        {adapters::OrderFilled{}, JournalKind::Fill},
        {adapters::OrderCanceled{}, JournalKind::OrderEvent},
        {adapters::OrderExpired{}, JournalKind::OrderEvent},
        {adapters::OrderReplaced{}, JournalKind::OrderEvent},
        {adapters::RequestRejected{}, JournalKind::OrderEvent},
        {adapters::AccountUpdated{}, JournalKind::AccountChange},
        {adapters::PositionUpdated{}, JournalKind::PositionChange},
        {adapters::ReconciliationReport{}, JournalKind::Reconciliation},
    };
    ASSERT_EQ(cases.size(), std::variant_size_v<adapters::ExecutionEvent>);
    for (const auto& [event, kind] : cases) {
        const auto record = JournalRecord::fromEvent(event, 9);
        EXPECT_EQ(record.kind, kind) << record.action;
        EXPECT_FALSE(record.action.empty());
        EXPECT_EQ(record.localTimeNs, 9);
        // Default (empty) events must not invent an instrument.
        EXPECT_EQ(record.instrument, "") << record.action;
    }
}

TEST(JournalRecord, detailsEscapeQuotesAndControlCharacters) {
    adapters::ReconciliationReport report;
    report.venue = "SIM";
    report.account = "main";
    report.error = Error{ErrorCode::Unavailable, "venue said \"busy\"\n\ttry later\x01"};
    adapters::PositionReport position;
    position.account = "a\"b";
    position.instrument = btc();
    position.quantity = quantity("-1.5");
    report.positions.push_back(position);
    const auto record = JournalRecord::fromEvent(report, 3);
    EXPECT_EQ(record.status, "Failed");
    EXPECT_NE(record.message.find("busy"), std::string::npos);
    EXPECT_NE(record.details.find(R"("account":"a\"b")"), std::string::npos) << record.details;
    EXPECT_NE(record.details.find(R"("quantity":"-1.5")"), std::string::npos);
    EXPECT_EQ(record.details.find('\n'), std::string::npos);
    EXPECT_EQ(record.details.front(), '{');
    EXPECT_EQ(record.details.back(), '}');
}

TEST(JournalRecord, riskKillSwitchReconciliationAndNotes) {
    const auto refused =
        JournalRecord::riskDecision(limitBuy(), false, "maxNotional", "43.00 > 40.00", 8);
    EXPECT_EQ(refused.kind, JournalKind::RiskDecision);
    EXPECT_EQ(refused.status, "Refused");
    EXPECT_EQ(refused.reason, "maxNotional");
    EXPECT_EQ(refused.origin, "risk");
    EXPECT_EQ(refused.clientOrderId, "cw-42");
    EXPECT_EQ(refused.price, "43000.10");
    EXPECT_EQ(JournalRecord::riskDecision(limitBuy(), true, "", "", 8).status, "Passed");

    const auto halt = JournalRecord::killSwitch(true, "user", "daily loss limit", 9);
    EXPECT_EQ(halt.kind, JournalKind::KillSwitch);
    EXPECT_EQ(halt.status, "Engaged");
    EXPECT_EQ(halt.reason, "daily loss limit");
    EXPECT_EQ(JournalRecord::killSwitch(false, "user", "", 9).status, "Released");

    const auto diff = JournalRecord::reconciliationDifference(
        "main", btc(), "", "position", "1.00", "0.50", "adopted the venue's position", 10);
    EXPECT_EQ(diff.kind, JournalKind::Reconciliation);
    EXPECT_EQ(diff.details, R"({"ours":"1.00","venue":"0.50"})");

    const auto position = JournalRecord::positionChange("main", btc(), quantity("-0.25"),
                                                        price("43010.00"), "engine", 11);
    EXPECT_EQ(position.quantity, "-0.25");
    EXPECT_EQ(position.price, "43010.00");

    const auto note = JournalRecord::note("", "user", 12); // an empty note is still a note
    EXPECT_EQ(note.kind, JournalKind::Note);
    EXPECT_EQ(note.message, "");
}
