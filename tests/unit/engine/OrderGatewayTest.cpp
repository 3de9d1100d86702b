// SPDX-License-Identifier: MIT
// The order path against the simulated exchange's real paper broker and a real journal file,
// stepped deterministically (the market advances only when the test says so).
#include "core/engine/OrderGateway.hpp"

#include "core/journal/JournalReader.hpp"
#include "tests/unit/engine/OrderGatewayTestSupport.hpp"

#include <algorithm>
#include <gtest/gtest.h>

namespace cw::engine {
namespace {

using namespace testing;

const OrderRow* findRow(const std::vector<OrderRow>& rows, std::string_view id) {
    for (const auto& row : rows)
        if (row.order.clientOrderId == id)
            return &row;
    return nullptr;
}

const OrderRow* anyRow(const TradingSnapshot& s, std::string_view id) {
    if (const OrderRow* row = findRow(s.workingOrders, id))
        return row;
    return findRow(s.orderHistory, id);
}

std::optional<orders::Position> positionOf(const TradingSnapshot& s) {
    for (const auto& p : s.positions)
        if (p.instrument == btc())
            return p;
    return std::nullopt;
}

/// The id of the last order placed (the gateway names orders itself).
std::string lastPlacedId(const PaperHarness& h) {
    const auto open = h.gateway.orders().openOrders();
    std::string id;
    std::uint64_t best = 0;
    for (const auto* o : open)
        if (o->sequence > best) {
            best = o->sequence;
            id = o->clientOrderId;
        }
    for (const auto& o : h.gateway.orders().history())
        if (o.sequence > best) {
            best = o.sequence;
            id = o.clientOrderId;
        }
    return id;
}

TEST(OrderGateway, marketOrderIsAcceptedFilledAndShownWithPositionAndJournal) {
    PaperHarness h;
    h.apply(place(marketOrder(Side::Buy, "0.010"), 7));
    const std::string id = lastPlacedId(h);
    ASSERT_FALSE(id.empty());
    auto s = h.snapshot();
    ASSERT_TRUE(s);
    const OrderRow* row = anyRow(*s, id);
    ASSERT_NE(row, nullptr);
    EXPECT_EQ(row->order.status, OrderStatus::Filled);
    EXPECT_EQ(row->order.filledQuantity, qty("0.01"));
    EXPECT_EQ(row->order.origin.kind, orders::OrderOriginKind::Ticket);
    ASSERT_EQ(s->fills.size(), 1u);
    EXPECT_EQ(s->fills[0].fill.clientOrderId, id);
    const auto position = positionOf(*s);
    ASSERT_TRUE(position);
    EXPECT_EQ(position->quantity, qty("0.01"));
    EXPECT_EQ(position->averagePrice, s->fills[0].fill.price);
    // The venue holds the same position.
    EXPECT_EQ(h.exchange->paperState().positions.at("BTCUSDT").quantity, qty("0.01"));
    // The placed notice answers the ticket's tag.
    const auto info = h.noticesOf(TradingNotice::Kind::Info);
    EXPECT_TRUE(std::any_of(info.begin(), info.end(), [&](const TradingNotice& n) {
        return n.requestTag == 7 && n.clientOrderId == id;
    }));

    // The journal holds the request (with its origin), the risk decision, the venue's answer,
    // the fill and the position change, in that order.
    auto reader = journal::JournalReader::open(h.dir.file("journal.sqlite"));
    ASSERT_TRUE(reader.hasValue()) << reader.error().message;
    auto entries = reader->orderHistory(id);
    ASSERT_TRUE(entries.hasValue());
    std::vector<journal::JournalKind> kinds;
    for (const auto& e : *entries)
        kinds.push_back(e.record.kind);
    ASSERT_GE(kinds.size(), 3u);
    EXPECT_EQ(kinds[0], journal::JournalKind::OrderRequest);
    EXPECT_EQ((*entries)[0].record.origin, "user");
    EXPECT_EQ(kinds[1], journal::JournalKind::RiskDecision);
    EXPECT_EQ((*entries)[1].record.status, "Passed");
    EXPECT_NE(std::find(kinds.begin(), kinds.end(), journal::JournalKind::Fill), kinds.end());
    journal::JournalQuery positions;
    positions.kind = journal::JournalKind::PositionChange;
    auto changes = reader->events(positions);
    ASSERT_TRUE(changes.hasValue());
    std::vector<journal::JournalRecord> ours; // the venue's PositionUpdated is journaled too
    for (const auto& e : *changes)
        if (e.record.origin == "engine")
            ours.push_back(e.record);
    ASSERT_EQ(ours.size(), 1u);
    EXPECT_EQ(*Quantity::parse(ours.front().quantity), qty("0.01"));
    // Every row shown was committed before it was shown.
    EXPECT_LE(row->journalId, s->journalCommittedId);
}

TEST(OrderGateway, snapshotShowsNothingTheJournalHasNotCommitted) {
    // A writer that gathers records for half a second before it commits.
    PaperHarness h(true, std::chrono::microseconds(500'000));
    (void)h.snapshot(); // the connection, committed
    h.apply(place(marketOrder(Side::Buy, "0.010")));
    const std::string id = lastPlacedId(h);
    ASSERT_GT(h.gateway.lastJournalId(), h.writer->committedId());
    // Nothing of the order yet: it is not committed.
    auto early = h.gateway.takeSnapshot();
    if (early) {
        EXPECT_EQ(anyRow(*early, id), nullptr);
        EXPECT_TRUE(early->fills.empty());
        for (const auto& row : early->workingOrders)
            EXPECT_LE(row.journalId, early->journalCommittedId);
    }
    EXPECT_TRUE(h.gateway.hasUncommitted());
    ASSERT_TRUE(h.writer->flush(std::chrono::seconds(10)).hasValue());
    auto s = h.gateway.takeSnapshot();
    ASSERT_TRUE(s);
    const OrderRow* row = anyRow(*s, id);
    ASSERT_NE(row, nullptr);
    EXPECT_EQ(row->order.status, OrderStatus::Filled);
    EXPECT_LE(row->journalId, s->journalCommittedId);
    for (const auto& fill : s->fills)
        EXPECT_LE(fill.journalId, s->journalCommittedId);
    for (const auto& notice : s->notices)
        EXPECT_LE(notice.journalId, s->journalCommittedId);
}

TEST(OrderGateway, riskRejectionShowsTheRuleAndTheNumbersAndSendsNothing) {
    PaperHarness h;
    h.apply(SetRiskLimits{"", {{"maxOrderQuantity", "0.005"}}});
    h.apply(place(marketOrder(Side::Buy, "0.010"), 11));
    const std::string id = lastPlacedId(h);
    auto s = h.snapshot();
    ASSERT_TRUE(s);
    const auto rejected = h.noticesOf(TradingNotice::Kind::RiskRejected);
    ASSERT_EQ(rejected.size(), 1u);
    EXPECT_EQ(rejected[0].rule, risk::RiskRule::MaxOrderQuantity);
    EXPECT_EQ(rejected[0].requestTag, 11u);
    EXPECT_NE(rejected[0].message.find("0.01"), std::string::npos) << rejected[0].message;
    EXPECT_NE(rejected[0].message.find("0.005"), std::string::npos) << rejected[0].message;
    const OrderRow* row = anyRow(*s, id);
    ASSERT_NE(row, nullptr);
    EXPECT_EQ(row->order.status, OrderStatus::Rejected);
    EXPECT_NE(row->order.statusMessage.find("MaxOrderQuantity"), std::string::npos);
    EXPECT_EQ(h.lossy->submits, 0);
    EXPECT_TRUE(h.exchange->paperState().recentFills.empty());
    EXPECT_EQ(s->riskLimits.at("").at("maxOrderQuantity"), "0.005");
}

TEST(OrderGateway, malformedCommandsBecomeNotices) {
    PaperHarness h(false);
    // Quantity zero: refused by the gate's InvalidOrder rule, nothing sent.
    h.apply(place(marketOrder(Side::Buy, "0")));
    // Garbage risk settings: the limits stay as they were.
    h.apply(SetRiskLimits{"", {{"maxOrderQuantity", "NaN"}}});
    h.apply(SetRiskLimits{"", {{"noSuchLimit", "1"}}});
    // Unknown order ids.
    h.apply(CancelWorkingOrder{"NOPE-1"});
    h.apply(AmendOrder{"", qty("1"), {}, {}});
    // A trailing stop that is not a Stop, a bracket with the legs the wrong way round.
    PlaceOrder trailing = place(marketOrder(Side::Sell, "0.010"));
    trailing.trailingStop = TrailingStop{px("100")};
    h.apply(trailing);
    PlaceOrder bracket = place(marketOrder(Side::Buy, "0.010"));
    bracket.bracket = Bracket{px("70000"), px("60000")};
    h.apply(bracket);
    h.apply(ClosePosition{"", btc(), false, {}});
    auto s = h.snapshot();
    ASSERT_TRUE(s);
    const auto risk = h.noticesOf(TradingNotice::Kind::RiskRejected);
    ASSERT_EQ(risk.size(), 1u);
    EXPECT_EQ(risk[0].rule, risk::RiskRule::InvalidOrder);
    EXPECT_EQ(h.noticesOf(TradingNotice::Kind::CommandError).size(), 7u);
    EXPECT_EQ(h.lossy->submits, 0);
    EXPECT_EQ(s->riskLimits.at("").at("maxOrderQuantity"), "off");
    EXPECT_EQ(h.gateway.brackets().size(), 0u);
    EXPECT_EQ(h.gateway.trailingStops().size(), 0u);
}

TEST(OrderGateway, unknownOrderIdInACommandIsACommandError) {
    PaperHarness h;
    h.apply(CancelWorkingOrder{"CWUNKNOWN-9"});
    (void)h.snapshot();
    const auto errors = h.noticesOf(TradingNotice::Kind::CommandError);
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0].clientOrderId, "CWUNKNOWN-9");
    EXPECT_NE(errors[0].message.find("CWUNKNOWN-9"), std::string::npos);
}

TEST(OrderGateway, submitRefusedByTheClientShowsAsRejected) {
    PaperHarness h;
    h.client->disconnect(); // the paper broker refuses locally: not connected
    h.pump();
    h.apply(place(marketOrder(Side::Buy, "0.010"), 3));
    const std::string id = lastPlacedId(h);
    auto s = h.snapshot();
    ASSERT_TRUE(s);
    const OrderRow* row = anyRow(*s, id);
    ASSERT_NE(row, nullptr);
    EXPECT_EQ(row->order.status, OrderStatus::Rejected);
    EXPECT_EQ(row->order.rejectReason, adapters::RejectReason::NotConnected);
    const auto venue = h.noticesOf(TradingNotice::Kind::VenueRejected);
    ASSERT_EQ(venue.size(), 1u);
    EXPECT_EQ(venue[0].requestTag, 3u);
}

TEST(OrderGateway, killSwitchCancelsFlattensBlocksAndRearms) {
    PaperHarness h;
    h.apply(place(marketOrder(Side::Buy, "0.020")));
    h.apply(place(limitOrder(Side::Buy, "0.010", px("1000.00"))));
    const std::string resting = lastPlacedId(h);
    (void)h.snapshot();
    ASSERT_EQ(h.exchange->paperState().orders.size(), 1u);

    h.apply(TriggerKillSwitch{true, "toolbar"});
    auto s = h.snapshot();
    ASSERT_TRUE(s);
    EXPECT_TRUE(s->killSwitch.triggered);
    EXPECT_TRUE(s->workingOrders.empty());
    const OrderRow* canceled = anyRow(*s, resting);
    ASSERT_NE(canceled, nullptr);
    EXPECT_EQ(canceled->order.status, OrderStatus::Canceled);
    EXPECT_TRUE(h.exchange->paperState().orders.empty());
    const auto position = positionOf(*s);
    ASSERT_TRUE(position);
    EXPECT_TRUE(position->quantity.isZero()); // flattened by a market sell of 0.02
    EXPECT_TRUE(h.exchange->paperState().positions.at("BTCUSDT").quantity.isZero());
    EXPECT_FALSE(h.noticesOf(TradingNotice::Kind::KillSwitch).empty());

    // Blocked until re-armed.
    h.apply(place(marketOrder(Side::Buy, "0.010")));
    (void)h.snapshot();
    auto blocked = h.noticesOf(TradingNotice::Kind::RiskRejected);
    ASSERT_EQ(blocked.size(), 1u);
    EXPECT_EQ(blocked[0].rule, risk::RiskRule::KillSwitch);

    h.apply(RearmKillSwitch{});
    h.apply(place(marketOrder(Side::Buy, "0.010")));
    s = h.snapshot();
    ASSERT_TRUE(s);
    EXPECT_FALSE(s->killSwitch.triggered);
    EXPECT_EQ(h.noticesOf(TradingNotice::Kind::RiskRejected).size(), 1u);
    EXPECT_EQ(positionOf(*s)->quantity, qty("0.01"));

    // Every step is in the journal.
    auto reader = journal::JournalReader::open(h.dir.file("journal.sqlite"));
    ASSERT_TRUE(reader.hasValue());
    journal::JournalQuery kill;
    kill.kind = journal::JournalKind::KillSwitch;
    auto entries = reader->events(kill);
    ASSERT_TRUE(entries.hasValue());
    ASSERT_EQ(entries->size(), 2u);
    EXPECT_EQ(entries->at(0).record.status, "Engaged");
    EXPECT_EQ(entries->at(1).record.status, "Released");
}

TEST(OrderGateway, dailyLossLimitTriggersTheKillSwitch) {
    PaperHarness h;
    // Any loss beyond 0.01 USDT: the taker fee of the first fill already is one.
    h.apply(SetRiskLimits{"", {{"dailyLossLimit", "0.01 USDT"}}});
    h.apply(place(marketOrder(Side::Buy, "0.010")));
    auto s = h.snapshot();
    ASSERT_TRUE(s);
    EXPECT_TRUE(h.gateway.riskGate().killSwitch().isTriggered());
    EXPECT_TRUE(s->killSwitch.triggered);
    EXPECT_NE(s->killSwitch.reason.find("daily loss"), std::string::npos) << s->killSwitch.reason;
    // A normal re-arm is refused while still beyond the limit; the override works.
    h.apply(RearmKillSwitch{false});
    EXPECT_TRUE(h.gateway.riskGate().killSwitch().isTriggered());
    h.apply(RearmKillSwitch{true});
    EXPECT_FALSE(h.gateway.riskGate().killSwitch().isTriggered());
}

TEST(OrderGateway, bracketLegsFollowTheEntryAndCancelEachOtherOco) {
    PaperHarness h;
    PlaceOrder entry = place(marketOrder(Side::Buy, "0.010"));
    h.apply(entry); // fills at once; no bracket on this one
    // A take-profit just above the market and a far stop-loss: the TP fills first.
    auto s1 = h.snapshot();
    ASSERT_TRUE(s1);
    const Price fillPrice = s1->fills.back().fill.price;
    PlaceOrder bracket = place(marketOrder(Side::Buy, "0.010"), 21);
    bracket.order.clientOrderId = "ENTRY-1";
    bracket.bracket = Bracket{*fillPrice.subtract(px("2000.00")), *fillPrice.add(px("20.00"))};
    h.apply(bracket);
    const std::string parent = "ENTRY-1";
    (void)h.snapshot();
    // Two legs went out for the filled 0.01, on the venue, marked emulated.
    std::vector<std::string> legs;
    for (const auto* o : h.gateway.orders().openOrders())
        if (o->origin.kind == orders::OrderOriginKind::Emulation &&
            o->origin.parentClientOrderId != "")
            legs.push_back(o->clientOrderId);
    ASSERT_EQ(legs.size(), 2u);
    ASSERT_TRUE(h.last);
    for (const auto& id : legs) {
        const OrderRow* row = findRow(h.last->workingOrders, id);
        ASSERT_NE(row, nullptr);
        EXPECT_TRUE(row->emulated);
        EXPECT_NE(row->emulationNote.find(parent), std::string::npos) << row->emulationNote;
        EXPECT_EQ(row->order.quantity, qty("0.01"));
        EXPECT_EQ(row->order.side, Side::Sell);
    }
    EXPECT_EQ(h.exchange->paperState().orders.size(), 2u);
    // Run the market until one leg fills; the other must then be canceled (OCO).
    for (int i = 0; i < 24 * 60 && !h.gateway.orders().openOrders().empty(); ++i)
        h.advance(kNsPerMinute);
    auto s = h.snapshot();
    ASSERT_TRUE(s);
    EXPECT_TRUE(s->workingOrders.empty());
    EXPECT_TRUE(h.exchange->paperState().orders.empty());
    int filled = 0;
    int canceled = 0;
    for (const auto& id : legs) {
        const orders::Order* o = h.gateway.orders().find(id);
        ASSERT_NE(o, nullptr);
        while (o && o->status == OrderStatus::Replaced) // resized legs go on under a new id
            o = h.gateway.orders().find(o->replacedByClientOrderId);
        ASSERT_NE(o, nullptr);
        filled += o->status == OrderStatus::Filled;
        canceled += o->status == OrderStatus::Canceled;
    }
    EXPECT_EQ(filled, 1);
    EXPECT_EQ(canceled, 1);
    // Back to the first entry's 0.01: the bracket closed exactly what its entry bought.
    EXPECT_EQ(h.exchange->paperState().positions.at("BTCUSDT").quantity, qty("0.01"));
    EXPECT_FALSE(h.noticesOf(TradingNotice::Kind::Emulation).empty());
    EXPECT_EQ(h.gateway.brackets().size(), 0u);
}

TEST(OrderGateway, bracketOfAnEntryCanceledUnfilledNeverSendsItsLegs) {
    PaperHarness h;
    PlaceOrder bracket = place(limitOrder(Side::Buy, "0.010", px("1000.00")));
    bracket.bracket = Bracket{px("900.00"), px("1100.00")};
    h.apply(bracket);
    const std::string parent = lastPlacedId(h);
    EXPECT_EQ(h.gateway.brackets().size(), 1u);
    h.apply(CancelWorkingOrder{parent});
    (void)h.snapshot();
    EXPECT_EQ(h.gateway.orders().find(parent)->status, OrderStatus::Canceled);
    EXPECT_EQ(h.gateway.brackets().size(), 0u);
    EXPECT_EQ(h.lossy->submits, 1); // the entry only
}

TEST(OrderGateway, trailingStopMovesUpWithThePriceAndNeverBack) {
    PaperHarness h;
    h.apply(place(marketOrder(Side::Buy, "0.010")));
    auto s = h.snapshot();
    ASSERT_TRUE(s);
    const Price entry = s->fills.back().fill.price;
    adapters::SubmitOrder stop = marketOrder(Side::Sell, "0.010");
    stop.type = OrderType::Stop;
    stop.stopPrice = *entry.subtract(px("300.00"));
    PlaceOrder trailing = place(stop, 5);
    trailing.trailingStop = TrailingStop{px("150.00")};
    h.apply(trailing);
    ASSERT_EQ(h.gateway.trailingStops().size(), 1u);
    Price previous = stop.stopPrice;
    int moves = 0;
    for (int i = 0; i < 12 * 60 && h.gateway.trailingStops().size() == 1; ++i) {
        h.advance(kNsPerMinute);
        const auto state = h.exchange->paperState();
        if (state.orders.empty())
            break;
        const Price now = state.orders.front().stopPrice;
        EXPECT_GE(now, previous) << "the stop moved back at minute " << i;
        if (now > previous)
            ++moves;
        previous = now;
    }
    EXPECT_GT(moves, 0) << "the price never rose 150 above the entry within 12 hours";
    (void)h.snapshot();
    // The working trigger trails the best price seen by at least the distance.
    EXPECT_FALSE(h.noticesOf(TradingNotice::Kind::Emulation).empty());
    auto rows = h.last->workingOrders;
    for (const auto& row : rows)
        if (row.order.type == OrderType::Stop) {
            EXPECT_TRUE(row.emulated);
            EXPECT_NE(row.emulationNote.find("trailing 150.00"), std::string::npos);
        }
}

TEST(OrderGateway, reconnectReconcilesAndResendsALostSubmitOnce) {
    PaperHarness h;
    h.lossy->loseNextSubmit = true;
    h.apply(place(limitOrder(Side::Buy, "0.010", px("1000.00"))));
    const std::string id = lastPlacedId(h);
    EXPECT_EQ(h.gateway.orders().find(id)->status, OrderStatus::PendingNew);
    EXPECT_TRUE(h.exchange->paperState().orders.empty()); // the venue never saw it

    h.reconnect();
    auto s = h.snapshot();
    ASSERT_TRUE(s);
    const auto recon = h.noticesOf(TradingNotice::Kind::Reconciliation);
    EXPECT_TRUE(std::any_of(recon.begin(), recon.end(), [&](const TradingNotice& n) {
        return n.clientOrderId == id && n.message.find("MissingOrder") != std::string::npos &&
               n.message.find("KeptForResend") != std::string::npos;
    }));
    // Resent with the same id, accepted once.
    const auto venueOrders = h.exchange->paperState().orders;
    ASSERT_EQ(venueOrders.size(), 1u);
    EXPECT_EQ(venueOrders[0].clientOrderId, id);
    EXPECT_EQ(h.gateway.orders().find(id)->status, OrderStatus::New);

    // Another reconnect finds nothing to resend and no second order appears.
    const int submits = h.lossy->submits;
    h.reconnect();
    (void)h.snapshot();
    EXPECT_EQ(h.lossy->submits, submits);
    EXPECT_EQ(h.exchange->paperState().orders.size(), 1u);

    auto reader = journal::JournalReader::open(h.dir.file("journal.sqlite"));
    ASSERT_TRUE(reader.hasValue());
    journal::JournalQuery differences;
    differences.kind = journal::JournalKind::Reconciliation;
    differences.clientOrderId = id;
    auto entries = reader->events(differences);
    ASSERT_TRUE(entries.hasValue());
    EXPECT_FALSE(entries->empty());
}

TEST(OrderGateway, lostAcknowledgementIsTakenFromTheVenueWithoutASecondOrder) {
    PaperHarness h;
    h.apply(place(limitOrder(Side::Buy, "0.010", px("1000.00"))));
    // apply() pumped the ack; take it back as if it was lost: a fresh order lost on the wire.
    h.lossy->loseNextSubmit = false;
    adapters::SubmitOrder second = limitOrder(Side::Buy, "0.010", px("1001.00"));
    h.gateway.apply(place(second), h.now());
    const std::string id = lastPlacedId(h);
    h.lose(); // the OrderAccepted never arrives
    EXPECT_EQ(h.gateway.orders().find(id)->status, OrderStatus::PendingNew);
    ASSERT_EQ(h.exchange->paperState().orders.size(), 2u);

    h.reconnect();
    (void)h.snapshot();
    // The report lists it: our order takes the venue's status; resending is harmless anyway.
    EXPECT_EQ(h.gateway.orders().find(id)->status, OrderStatus::New);
    EXPECT_EQ(h.exchange->paperState().orders.size(), 2u);
    const auto recon = h.noticesOf(TradingNotice::Kind::Reconciliation);
    EXPECT_TRUE(std::any_of(recon.begin(), recon.end(), [&](const TradingNotice& n) {
        return n.clientOrderId == id && n.message.find("StatusMismatch") != std::string::npos;
    }));
}

TEST(OrderGateway, previewValuesTheOrderAndGivesTheGatesVerdict) {
    PaperHarness h(false);
    h.gateway.setFeeRates("SIM", FeeRates{*Decimal::parse("2"), *Decimal::parse("10")});
    PreviewOrder preview;
    preview.requestTag = 99;
    preview.order = limitOrder(Side::Buy, "0.500", px("60000.00"));
    h.apply(preview);
    h.apply(SetRiskLimits{"", {{"maxOrderNotional", "1000 USDT"}}});
    h.apply(preview);
    auto s = h.snapshot();
    ASSERT_TRUE(s);
    ASSERT_EQ(s->previews.size(), 2u);
    const OrderPreview& fits = s->previews[0];
    EXPECT_EQ(fits.requestTag, 99u);
    ASSERT_TRUE(fits.notional);
    EXPECT_EQ(fits.notional->amount(), *Decimal::parse("30000"));
    ASSERT_TRUE(fits.estimatedFee); // maker rate for a limit: 2 bp of 30,000
    EXPECT_EQ(fits.estimatedFee->amount(), *Decimal::parse("6"));
    ASSERT_TRUE(fits.requiredFunds);
    EXPECT_EQ(fits.requiredFunds->amount(), *Decimal::parse("30006"));
    EXPECT_TRUE(fits.allowed);
    const OrderPreview& refused = s->previews[1];
    EXPECT_FALSE(refused.allowed);
    EXPECT_EQ(refused.rule, risk::RiskRule::MaxOrderNotional);
    EXPECT_EQ(h.lossy->submits, 0); // a preview sends nothing
}

TEST(OrderGateway, closePositionSendsAMarketOrderForTheWholePosition) {
    PaperHarness h;
    h.apply(place(marketOrder(Side::Buy, "0.030")));
    h.apply(ClosePosition{"", btc(), false, {}});
    auto s = h.snapshot();
    ASSERT_TRUE(s);
    EXPECT_TRUE(positionOf(*s)->quantity.isZero());
    // Reverse: twice the position on the other side (the spot paper account then refuses
    // to go short, which is the venue's call, not the gateway's).
    h.apply(place(marketOrder(Side::Buy, "0.010")));
    h.apply(ClosePosition{"", btc(), true, {}});
    const orders::Order* reverse = h.gateway.orders().find(lastPlacedId(h));
    ASSERT_NE(reverse, nullptr);
    EXPECT_EQ(reverse->side, Side::Sell);
    EXPECT_EQ(reverse->type, OrderType::Market);
    EXPECT_EQ(reverse->quantity, qty("0.02"));
    EXPECT_EQ(reverse->origin.kind, orders::OrderOriginKind::Ticket);
}

TEST(OrderGateway, withoutAJournalEverythingShowsAtOnce) {
    PaperHarness h(false);
    h.apply(place(marketOrder(Side::Buy, "0.010")));
    auto s = h.gateway.takeSnapshot();
    ASSERT_TRUE(s);
    EXPECT_EQ(s->journalCommittedId, 0);
    EXPECT_EQ(s->fills.size(), 1u);
    EXPECT_FALSE(h.gateway.takeSnapshot()); // nothing changed since
}

} // namespace
} // namespace cw::engine
