// SPDX-License-Identifier: MIT
// The order path against the simulated exchange's real paper broker and a real journal file,
// stepped deterministically (the market advances only when the test says so).
#include "core/engine/OrderGateway.hpp"

#include "core/journal/JournalReader.hpp"
#include "tests/unit/engine/OrderGatewayTestSupport.hpp"

#include <algorithm>
#include <gtest/gtest.h>
#include <map>

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

const TradingNotice* rearmRefusalNotice(const PaperHarness& h) {
    for (const auto& n : h.notices)
        if (n.rearmRefusal)
            return &n;
    return nullptr;
}

std::vector<Instrument> instrumentsOf(const PaperHarness& h) {
    std::vector<Instrument> out;
    for (const auto& spec : h.exchange->config().instruments)
        out.push_back(spec.instrument);
    return out;
}

Money usdt(std::string_view amount) {
    return *Money::parse(amount, *Currency::parse("USDT"));
}

TEST(OrderGateway, fillsCarryTheirAccountIntoPositionsAndTheJournal) {
    PaperHarness h;
    adapters::SubmitOrder buy = marketOrder(Side::Buy, "0.010");
    buy.account = "alpha";
    h.apply(place(buy));
    auto s = h.snapshot();
    ASSERT_TRUE(s);
    ASSERT_EQ(s->fills.size(), 1u);
    EXPECT_EQ(s->fills[0].fill.account, "alpha"); // named by the paper broker
    EXPECT_EQ(s->fills[0].account, "alpha");
    EXPECT_EQ(h.gateway.positions().quantity("alpha", btc()), qty("0.01"));
    EXPECT_TRUE(h.gateway.positions().quantity("", btc()).isZero());

    // A venue that names no account: the fill is the order's account's.
    adapters::SubmitOrder rest = limitOrder(Side::Buy, "0.010", px("1000.00"));
    rest.account = "beta";
    h.apply(place(rest));
    const std::string id = lastPlacedId(h);
    adapters::OrderFilled silent;
    silent.clientOrderId = id;
    silent.instrument = btc();
    silent.tradeId = "EXT-1";
    silent.side = Side::Buy;
    silent.quantity = qty("0.004");
    silent.price = px("1000.00");
    silent.fee = usdt("0");
    silent.liquidity = adapters::Liquidity::Maker;
    silent.cumulativeQuantity = qty("0.004");
    silent.leavesQuantity = qty("0.006");
    h.gateway.onExecutionEvent(silent, h.now());
    (void)h.snapshot();
    EXPECT_EQ(h.gateway.positions().quantity("beta", btc()), qty("0.004"));

    auto reader = journal::JournalReader::open(h.dir.file("journal.sqlite"));
    ASSERT_TRUE(reader.hasValue());
    auto fills = reader->fills(journal::JournalQuery{});
    ASSERT_TRUE(fills.hasValue());
    ASSERT_EQ(fills->size(), 2u);
    EXPECT_EQ(fills->at(0).record.account, "alpha");
    EXPECT_EQ(fills->at(1).record.tradeId, "EXT-1");
    EXPECT_EQ(fills->at(1).record.account, "beta");
}

TEST(OrderGateway, riskRefusalsAreToldApartFromVenueRejections) {
    PaperHarness h;
    h.apply(SetRiskLimits{"", {{"maxOrderNotional", "100 USDT"}}});
    h.apply(place(marketOrder(Side::Buy, "0.010")));
    const std::string risky = lastPlacedId(h);
    h.apply(SetRiskLimits{"", {}});
    h.apply(place(limitOrder(Side::Buy, "0.010", px("1000.005")))); // off the tick: the venue
    const std::string offTick = lastPlacedId(h);
    h.apply(TriggerKillSwitch{false, "test"});
    h.apply(place(marketOrder(Side::Buy, "0.010")));
    const std::string blocked = lastPlacedId(h);
    auto s = h.snapshot();
    ASSERT_TRUE(s);

    const OrderRow* risk = anyRow(*s, risky);
    ASSERT_NE(risk, nullptr);
    EXPECT_EQ(risk->order.status, OrderStatus::Rejected);
    EXPECT_EQ(risk->order.rejectReason, adapters::RejectReason::RiskLimit);
    EXPECT_TRUE(adapters::isRiskRejection(risk->order.rejectReason));
    // The exact rule and numbers stay in the message.
    EXPECT_NE(risk->order.statusMessage.find("MaxOrderNotional: notional"), std::string::npos)
        << risk->order.statusMessage;
    EXPECT_NE(risk->order.statusMessage.find("exceeds the limit 100.00 USDT"), std::string::npos)
        << risk->order.statusMessage;
    const OrderRow* venue = anyRow(*s, offTick);
    ASSERT_NE(venue, nullptr);
    EXPECT_EQ(venue->order.status, OrderStatus::Rejected);
    EXPECT_EQ(venue->order.rejectReason, adapters::RejectReason::BadTickSize);
    EXPECT_FALSE(adapters::isRiskRejection(venue->order.rejectReason));
    const OrderRow* killed = anyRow(*s, blocked);
    ASSERT_NE(killed, nullptr);
    EXPECT_EQ(killed->order.rejectReason, adapters::RejectReason::KillSwitchActive);

    // The journal says who refused: origin risk and reason RiskLimit, or the venue's reason.
    auto reader = journal::JournalReader::open(h.dir.file("journal.sqlite"));
    ASSERT_TRUE(reader.hasValue());
    journal::JournalQuery events;
    events.kind = journal::JournalKind::OrderEvent;
    auto entries = reader->events(events);
    ASSERT_TRUE(entries.hasValue());
    std::map<std::string, journal::JournalRecord> rejected;
    for (const auto& e : *entries)
        if (e.record.action == "OrderRejected")
            rejected[e.record.clientOrderId] = e.record;
    ASSERT_EQ(rejected.count(risky), 1u);
    EXPECT_EQ(rejected[risky].reason, "RiskLimit");
    EXPECT_EQ(rejected[risky].origin, "risk");
    ASSERT_EQ(rejected.count(offTick), 1u);
    EXPECT_EQ(rejected[offTick].reason, "BadTickSize");
    EXPECT_EQ(rejected[offTick].origin, "venue");
    ASSERT_EQ(rejected.count(blocked), 1u);
    EXPECT_EQ(rejected[blocked].reason, "KillSwitchActive");
}

TEST(OrderGateway, amendThatChangesOnlyThePriceKeepsTheQuantity) {
    PaperHarness h;
    h.apply(place(limitOrder(Side::Buy, "0.020", px("1000.00"))));
    const std::string id = lastPlacedId(h);
    // Only the limit is given; the modify sent carries the order's quantity, complete.
    h.apply(AmendOrder{id, Quantity{}, px("1001.00"), Price{}});
    auto s = h.snapshot();
    ASSERT_TRUE(s);
    ASSERT_EQ(s->workingOrders.size(), 1u);
    const orders::Order& moved = s->workingOrders[0].order;
    EXPECT_NE(moved.clientOrderId, id); // a cancel/replace: the order goes on under a new id
    EXPECT_EQ(moved.replacesClientOrderId, id);
    EXPECT_EQ(moved.quantity, qty("0.02"));
    EXPECT_EQ(moved.limitPrice, px("1001.00"));
    const auto paper = h.exchange->paperState().orders;
    ASSERT_EQ(paper.size(), 1u);
    EXPECT_EQ(paper[0].quantity, qty("0.02"));
    EXPECT_EQ(paper[0].limitPrice, px("1001.00"));

    auto reader = journal::JournalReader::open(h.dir.file("journal.sqlite"));
    ASSERT_TRUE(reader.hasValue());
    auto life = reader->orderHistory(id);
    ASSERT_TRUE(life.hasValue());
    bool sawModify = false;
    for (const auto& e : *life)
        if (e.record.action == "ModifyOrder") {
            sawModify = true;
            EXPECT_EQ(*Quantity::parse(e.record.quantity), qty("0.02"));
            EXPECT_EQ(*Price::parse(e.record.price), px("1001.00"));
        }
    EXPECT_TRUE(sawModify);
}

TEST(OrderGateway, refusedRearmNamesTheRuleAndTheNumbers) {
    PaperHarness h;
    h.apply(SetRiskLimits{"", {{"dailyLossLimit", "0.01 USDT"}}});
    h.apply(place(marketOrder(Side::Buy, "0.010")));
    (void)h.snapshot();
    ASSERT_TRUE(h.gateway.riskGate().killSwitch().isTriggered());
    h.apply(RearmKillSwitch{false});
    (void)h.snapshot();
    const TradingNotice* n = rearmRefusalNotice(h);
    ASSERT_NE(n, nullptr);
    EXPECT_EQ(n->kind, TradingNotice::Kind::KillSwitch);
    EXPECT_EQ(n->rule, risk::RiskRule::DailyLossLimit);
    const RearmRefusal& refusal = *n->rearmRefusal;
    EXPECT_EQ(refusal.rule, risk::RiskRule::DailyLossLimit);
    EXPECT_TRUE(refusal.overridable);
    ASSERT_EQ(refusal.breaches.size(), 1u);
    EXPECT_EQ(refusal.breaches[0].account, "");
    EXPECT_EQ(refusal.breaches[0].limit, usdt("0.01"));
    EXPECT_TRUE(refusal.breaches[0].pnl < usdt("-0.01"));
    EXPECT_EQ(refusal.breaches[0].pnl, *h.gateway.dailyPnl(""));
    h.apply(RearmKillSwitch{true});
    EXPECT_FALSE(h.gateway.riskGate().killSwitch().isTriggered());
}

TEST(OrderGateway, workingEntryRowCarriesItsBracketAndAmendBracketMovesIt) {
    PaperHarness h;
    PlaceOrder entry = place(limitOrder(Side::Buy, "0.010", px("1000.00")));
    entry.bracket = Bracket{px("900.00"), px("1100.00")};
    h.apply(entry);
    const std::string id = lastPlacedId(h);
    auto s = h.snapshot();
    ASSERT_TRUE(s);
    const OrderRow* row = findRow(s->workingOrders, id);
    ASSERT_NE(row, nullptr);
    EXPECT_EQ(row->bracketStopLoss, px("900.00"));
    EXPECT_EQ(row->bracketTakeProfit, px("1100.00"));

    h.apply(AmendBracket{id, px("950.00"), px("1100.00")});
    s = h.snapshot();
    ASSERT_TRUE(s);
    row = findRow(s->workingOrders, id);
    ASSERT_NE(row, nullptr);
    EXPECT_EQ(row->bracketStopLoss, px("950.00"));
    EXPECT_EQ(row->bracketTakeProfit, px("1100.00"));
    EXPECT_EQ(h.lossy->submits, 1); // nothing sent for legs of an unfilled entry

    // Refused: SL above TP for a buy, an order without a bracket. Nothing changes.
    h.apply(AmendBracket{id, px("1200.00"), px("1100.00")});
    h.apply(AmendBracket{"NO-SUCH", px("900.00"), px("1100.00")});
    (void)h.snapshot();
    EXPECT_EQ(h.noticesOf(TradingNotice::Kind::CommandError).size(), 2u);
    EXPECT_EQ(h.gateway.brackets().prices(id)->stopLoss, px("950.00"));
    h.apply(CancelWorkingOrder{id});
    (void)h.snapshot();
    EXPECT_EQ(h.gateway.brackets().size(), 0u);
}

TEST(OrderGateway, amendBracketModifiesAWorkingLegToItsNewPrice) {
    PaperHarness h;
    PlaceOrder entry = place(marketOrder(Side::Buy, "0.010"));
    entry.order.clientOrderId = "ENTRY-2";
    h.apply(place(marketOrder(Side::Buy, "0.001"))); // a first fill tells the price
    auto s1 = h.snapshot();
    ASSERT_TRUE(s1);
    const Price last = s1->fills.back().fill.price;
    const Price stop = *last.subtract(px("2000.00"));
    const Price target = *last.add(px("2000.00"));
    entry.bracket = Bracket{stop, target};
    h.apply(entry);
    (void)h.snapshot();
    const std::string slId = h.gateway.brackets().legOrder("ENTRY-2", true);
    ASSERT_FALSE(slId.empty());
    const Price moved = *last.subtract(px("1500.00"));
    h.apply(AmendBracket{"ENTRY-2", moved, target});
    auto s = h.snapshot();
    ASSERT_TRUE(s);
    // The SL leg was replaced at the new trigger, same quantity; the bracket follows it.
    const orders::Order* old = h.gateway.orders().find(slId);
    ASSERT_NE(old, nullptr);
    EXPECT_EQ(old->status, OrderStatus::Replaced);
    const orders::Order* leg = h.gateway.orders().find(old->replacedByClientOrderId);
    ASSERT_NE(leg, nullptr);
    EXPECT_EQ(leg->stopPrice, moved);
    EXPECT_EQ(leg->quantity, qty("0.01"));
    EXPECT_EQ(h.gateway.brackets().prices("ENTRY-2")->stopLoss, moved);
    EXPECT_EQ(h.gateway.brackets().legOrder("ENTRY-2", true), leg->clientOrderId);
}

TEST(OrderGateway, tradingDayStartsAtUtcMidnightUnlessConfigured) {
    OrderGateway utc(OrderGateway::Config{}, orders::ClientOrderIdGenerator(kStart, 1));
    // kStart is 2024-06-05 12:00 UTC.
    EXPECT_EQ(utc.tradingDayStart(kStart), kStart - 12 * kNsPerHour);
    EXPECT_EQ(utc.tradingDayStart(kStart - 12 * kNsPerHour), kStart - 12 * kNsPerHour);
    EXPECT_EQ(utc.tradingDayStart(kStart - 12 * kNsPerHour - 1), kStart - 36 * kNsPerHour);
    OrderGateway::Config evening;
    evening.tradingDayOffsetNs = 22 * kNsPerHour; // days run 22:00-22:00 UTC
    OrderGateway fx(evening, orders::ClientOrderIdGenerator(kStart, 2));
    EXPECT_EQ(fx.tradingDayStart(kStart), kStart - 14 * kNsPerHour);
    EXPECT_EQ(fx.tradingDayStart(kStart + 10 * kNsPerHour), kStart + 10 * kNsPerHour);
}

TEST(OrderGateway, dailyPnlStartsAgainAtTheTradingDayBoundary) {
    PaperHarness h(false);
    h.apply(SetRiskLimits{"", {{"dailyLossLimit", "1000 USDT"}}});
    h.apply(place(marketOrder(Side::Buy, "0.010")));
    h.apply(place(marketOrder(Side::Sell, "0.010")));
    const auto today = h.gateway.dailyPnl("");
    ASSERT_TRUE(today);
    EXPECT_TRUE(today->isNegative()); // fees and the spread of a round trip
    const TimestampNs dayStart = h.gateway.tradingDayStart(h.now());
    const Price mark = h.exchange->paperState().recentFills.back().price;
    h.gateway.onMarketPrice(btc(), mark, {}, {}, dayStart + kNsPerDay - 1);
    EXPECT_EQ(*h.gateway.dailyPnl(""), *today); // still the same day
    h.gateway.onMarketPrice(btc(), mark, {}, {}, dayStart + kNsPerDay);
    const auto next = h.gateway.dailyPnl("");
    ASSERT_TRUE(next);
    EXPECT_TRUE(next->isZero()) << next->toString();
    // The position keeps its realized P&L; only the daily figure starts again.
    EXPECT_EQ(h.gateway.positions().position("", btc())->netRealizedPnl, *today);
}

TEST(OrderGateway, restartWithinTheDayRestoresTheDaysRealizedPnlFromTheJournal) {
    PaperHarness h;
    h.apply(SetRiskLimits{"", {{"dailyLossLimit", "1000 USDT"}}});
    h.apply(place(marketOrder(Side::Buy, "0.010")));
    h.apply(place(marketOrder(Side::Sell, "0.010")));
    h.apply(place(marketOrder(Side::Buy, "0.005"))); // still open at the "restart"
    (void)h.snapshot();
    const orders::Position before = *h.gateway.positions().position("", btc());
    ASSERT_TRUE(before.netRealizedPnl.isNegative());
    const auto fills = h.exchange->paperState().recentFills;
    ASSERT_EQ(fills.size(), 3u);

    // A new gateway (the application restarted) on the same journal, the same day.
    OrderGateway restarted(OrderGateway::Config{}, orders::ClientOrderIdGenerator(kStart + 1, 43));
    restarted.onInstruments(instrumentsOf(h));
    auto reader = journal::JournalReader::open(h.dir.file("journal.sqlite"));
    ASSERT_TRUE(reader.hasValue());
    auto restored = restarted.restoreTradingDay(*reader, h.now());
    ASSERT_TRUE(restored.hasValue()) << restored.error().message;
    EXPECT_EQ(*restored, 3u);
    restarted.apply(SetRiskLimits{"", {{"dailyLossLimit", "1000 USDT"}}}, h.now());
    const auto position = restarted.positions().position("", btc());
    ASSERT_TRUE(position.hasValue());
    EXPECT_EQ(position->netRealizedPnl, before.netRealizedPnl);
    EXPECT_EQ(position->quantity, qty("0.005"));
    ASSERT_TRUE(restarted.dailyPnl(""));
    EXPECT_EQ(*restarted.dailyPnl(""), before.netRealizedPnl); // no mark yet: realized only
    // The venue's copies of those fills (in its reconciliation report) are not applied again.
    for (const auto& f : fills)
        EXPECT_TRUE(restarted.orders().hasSeenTrade("SIM", f.tradeId)) << f.tradeId;

    // Restarted the next day: nothing of yesterday counts.
    OrderGateway tomorrow(OrderGateway::Config{}, orders::ClientOrderIdGenerator(kStart + 2, 44));
    tomorrow.onInstruments(instrumentsOf(h));
    auto next = tomorrow.restoreTradingDay(*reader, h.now() + kNsPerDay);
    ASSERT_TRUE(next.hasValue());
    EXPECT_EQ(*next, 0u);
    EXPECT_TRUE(tomorrow.positions().positions()->empty());
    // An empty journal restores nothing and is no error.
    PaperHarness empty;
    OrderGateway fresh(OrderGateway::Config{}, orders::ClientOrderIdGenerator(kStart + 3, 45));
    auto none = journal::JournalReader::open(empty.dir.file("journal.sqlite"));
    ASSERT_TRUE(none.hasValue());
    EXPECT_EQ(*fresh.restoreTradingDay(*none, empty.now()), 0u);
}

TEST(OrderGateway, previewUsesTheFeeRatesTheVenuePublishes) {
    PaperHarness h(false);
    // The paper broker publishes its configured crypto rates: maker 2 bp, taker 5 bp.
    const auto rates = h.gateway.feeRates(btc());
    ASSERT_TRUE(rates);
    EXPECT_EQ(rates->makerBps, *Decimal::parse("2"));
    EXPECT_EQ(rates->takerBps, *Decimal::parse("5"));
    EXPECT_FALSE(h.gateway.feeRates(*adapters::InstrumentKey::make("NOWHERE", "X")));
    PreviewOrder limit{31, limitOrder(Side::Buy, "0.500", px("60000.00"))};
    PreviewOrder stop{32, limitOrder(Side::Buy, "0.500", px("60000.00"))};
    stop.order.type = OrderType::Stop;
    stop.order.stopPrice = stop.order.limitPrice;
    stop.order.limitPrice = Price{};
    h.apply(limit);
    h.apply(stop);
    auto s = h.snapshot();
    ASSERT_TRUE(s);
    ASSERT_EQ(s->previews.size(), 2u);
    ASSERT_TRUE(s->previews[0].estimatedFee);
    EXPECT_EQ(s->previews[0].estimatedFee->amount(), *Decimal::parse("6")); // 2 bp of 30,000
    ASSERT_TRUE(s->previews[1].estimatedFee);
    EXPECT_EQ(s->previews[1].estimatedFee->amount(), *Decimal::parse("15")); // 5 bp of 30,000
    // The venue's settings win over what the client publishes.
    h.gateway.setFeeRates("SIM", FeeRates{*Decimal::parse("1"), *Decimal::parse("1")});
    EXPECT_EQ(h.gateway.feeRates(btc())->takerBps, *Decimal::parse("1"));
}

} // namespace
} // namespace cw::engine
