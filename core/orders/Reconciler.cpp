// SPDX-License-Identifier: MIT
#include "core/orders/Reconciler.hpp"

#include <algorithm>
#include <set>
#include <utility>

namespace cw::orders {

namespace {

std::string describeOrder(OrderStatus status, const Quantity& filled, const Quantity& quantity) {
    return std::string(orderStatusName(status)) + " filled " + filled.toString() + "/" +
           quantity.toString();
}

std::string describeDetails(const Quantity& quantity, const Price& limit, const Price& stop) {
    std::string text = "qty " + quantity.toString();
    if (!limit.isZero())
        text += " limit " + limit.toString();
    if (!stop.isZero())
        text += " stop " + stop.toString();
    return text;
}

std::string describePosition(const Quantity& quantity, const Price& averagePrice) {
    if (quantity.isZero())
        return "flat";
    const auto size = quantity.abs();
    return std::string(quantity.isNegative() ? "short " : "long ") +
           (size ? size->toString() : quantity.toString()) + " @ " + averagePrice.toString();
}

bool sameAccount(std::string_view ours, std::string_view theirs) {
    return ours.empty() || theirs.empty() || ours == theirs;
}

} // namespace

Reconciler::Reconciler(OrderManager& orders, PositionTracker& positions)
    : m_orders(orders), m_positions(positions) {}

Reconciler::Outcome Reconciler::reconcile(const adapters::ReconciliationReport& report,
                                          TimestampNs now) {
    Outcome outcome;
    if (report.error) {
        ReconciliationDifference difference;
        difference.kind = DifferenceKind::ReportFailed;
        difference.account = report.account;
        difference.action = ReconciliationAction::None;
        difference.message = report.venue + ": " + report.error->toString();
        outcome.differences.push_back(std::move(difference));
        return outcome;
    }
    applyMissedFills(report, outcome);
    compareVenueOrders(report, now, outcome);
    endUnlistedOrders(report, now, outcome);
    comparePositions(report, outcome);
    return outcome;
}

void Reconciler::applyMissedFills(const adapters::ReconciliationReport& report, Outcome& outcome) {
    std::vector<const adapters::OrderFilled*> fills;
    fills.reserve(report.recentFills.size());
    for (const auto& fill : report.recentFills)
        fills.push_back(&fill);
    std::stable_sort(fills.begin(), fills.end(),
                     [](const auto* a, const auto* b) { return a->venueTime < b->venueTime; });

    for (const adapters::OrderFilled* fill : fills) {
        ReconciliationDifference difference;
        difference.kind = DifferenceKind::MissedFill;
        difference.clientOrderId = fill->clientOrderId;
        difference.instrument = fill->instrument;
        difference.account = report.account;
        difference.theirs = std::string(sideName(fill->side)) + " " + fill->quantity.toString() +
                            " @ " + fill->price.toString() + " trade " + fill->tradeId;
        difference.ours = "absent";
        if (fill->tradeId.empty()) {
            difference.action = ReconciliationAction::None;
            difference.message = "a fill without trade id cannot be deduplicated; not applied";
            outcome.differences.push_back(std::move(difference));
            continue;
        }
        if (m_orders.hasSeenTrade(fill->instrument.venue(), fill->tradeId))
            continue;

        std::vector<OrderChange> changes = m_orders.apply(adapters::ExecutionEvent(*fill));
        bool applied = false;
        for (OrderChange& change : changes) {
            if (change.fill) {
                const auto result = m_positions.applyFill(change.account, *change.fill);
                applied = result.hasValue();
                if (!result)
                    difference.message = "position not updated: " + result.error().message;
            } else if (!change.message.empty() && difference.message.empty()) {
                difference.message = change.message;
            }
            outcome.orderChanges.push_back(std::move(change));
        }
        difference.action =
            applied ? ReconciliationAction::FillApplied : ReconciliationAction::None;
        outcome.differences.push_back(std::move(difference));
    }
}

void Reconciler::compareVenueOrders(const adapters::ReconciliationReport& report, TimestampNs now,
                                    Outcome& outcome) {
    for (const adapters::OrderReport& theirs : report.openOrders) {
        ReconciliationDifference base;
        base.clientOrderId = theirs.clientOrderId;
        base.instrument = theirs.instrument;
        base.account = report.account;
        base.theirs = describeOrder(theirs.status, theirs.filledQuantity, theirs.quantity);

        const Order* ours = m_orders.find(theirs.clientOrderId);
        std::vector<ReconciliationDifference> found;
        if (ours == nullptr) {
            ReconciliationDifference difference = base;
            difference.kind = DifferenceKind::ExternalOrder;
            difference.ours = "absent";
            found.push_back(std::move(difference));
        } else {
            const std::string oursText =
                describeOrder(ours->status, ours->filledQuantity, ours->quantity);
            if (!ours->isOpen() || ours->status == OrderStatus::PendingNew) {
                ReconciliationDifference difference = base;
                difference.kind = DifferenceKind::StatusMismatch;
                difference.ours = oursText;
                found.push_back(std::move(difference));
            }
            if (ours->filledQuantity != theirs.filledQuantity) {
                ReconciliationDifference difference = base;
                difference.kind = DifferenceKind::FilledMismatch;
                difference.ours = oursText;
                found.push_back(std::move(difference));
            }
            const bool quantityDiffers =
                theirs.quantity.isPositive() && theirs.quantity != ours->quantity;
            const bool limitDiffers = hasLimitPrice(ours->type) && theirs.limitPrice.isPositive() &&
                                      theirs.limitPrice != ours->limitPrice;
            const bool stopDiffers = hasStopPrice(ours->type) && theirs.stopPrice.isPositive() &&
                                     theirs.stopPrice != ours->stopPrice;
            if (ours->status != OrderStatus::PendingReplace &&
                (quantityDiffers || limitDiffers || stopDiffers)) {
                ReconciliationDifference difference = base;
                difference.kind = DifferenceKind::DetailsMismatch;
                difference.ours =
                    describeDetails(ours->quantity, ours->limitPrice, ours->stopPrice);
                difference.theirs =
                    describeDetails(theirs.quantity, theirs.limitPrice, theirs.stopPrice);
                found.push_back(std::move(difference));
            }
        }
        if (found.empty())
            continue;

        auto change = m_orders.applyVenueView(theirs, report.account, now);
        const ReconciliationAction action =
            !change ? ReconciliationAction::None
                    : (ours == nullptr ? ReconciliationAction::Adopted
                                       : ReconciliationAction::UpdatedFromVenue);
        for (auto& difference : found) {
            difference.action = action;
            if (!change)
                difference.message = change.error().message;
            outcome.differences.push_back(std::move(difference));
        }
        if (change)
            outcome.orderChanges.push_back(std::move(*change));
    }
}

void Reconciler::endUnlistedOrders(const adapters::ReconciliationReport& report, TimestampNs now,
                                   Outcome& outcome) {
    std::set<std::string, std::less<>> listed;
    for (const auto& theirs : report.openOrders)
        listed.insert(theirs.clientOrderId);

    // Copy what is needed first: ending orders changes the book under the pointers.
    struct Candidate {
        std::string clientOrderId;
        adapters::InstrumentKey instrument;
        std::string account;
        OrderStatus status;
        TimeInForce timeInForce;
        Quantity filled;
        Quantity quantity;
        TimestampNs createdTime;
    };
    std::vector<Candidate> candidates;
    for (const Order* order : m_orders.openOrders()) {
        if (order->instrument.venue() != report.venue ||
            !sameAccount(order->account, report.account) || listed.contains(order->clientOrderId))
            continue;
        candidates.push_back(Candidate{order->clientOrderId, order->instrument, order->account,
                                       order->status, order->timeInForce, order->filledQuantity,
                                       order->quantity, order->createdTime});
    }

    for (const Candidate& order : candidates) {
        ReconciliationDifference difference;
        difference.kind = DifferenceKind::MissingOrder;
        difference.clientOrderId = order.clientOrderId;
        difference.instrument = order.instrument;
        difference.account = order.account.empty() ? report.account : order.account;
        difference.ours = describeOrder(order.status, order.filled, order.quantity);
        difference.theirs = "not listed";

        OrderStatus ending = OrderStatus::Invalid;
        if (order.filled >= order.quantity) {
            ending = OrderStatus::Filled;
            difference.action = ReconciliationAction::MarkedFilled;
            difference.message = "the fills explain it";
        } else if (order.status == OrderStatus::PendingNew) {
            if (report.venueTime != 0 && order.createdTime > report.venueTime)
                continue; // sent after the venue took its snapshot: still on its way
            if (order.timeInForce == TimeInForce::Ioc || order.timeInForce == TimeInForce::Fok) {
                ending = OrderStatus::Canceled;
                difference.action = ReconciliationAction::MarkedCanceled;
                difference.message = "an IOC/FOK order the venue does not list has ended there";
            } else {
                difference.action = ReconciliationAction::KeptForResend;
                difference.message = "the submit may not have arrived; pendingResends lists it";
            }
        } else {
            ending = OrderStatus::Canceled;
            difference.action = ReconciliationAction::MarkedCanceled;
            difference.message = "not listed by the venue and not explained by fills";
        }
        if (ending != OrderStatus::Invalid) {
            auto change = m_orders.forceTerminal(order.clientOrderId, ending,
                                                 "reconciliation: " + difference.message, now);
            if (change) {
                outcome.orderChanges.push_back(std::move(*change));
            } else {
                difference.action = ReconciliationAction::None;
                difference.message = change.error().message;
            }
        }
        outcome.differences.push_back(std::move(difference));
    }
}

std::string Reconciler::positionAccount(std::string_view account,
                                        const adapters::InstrumentKey& instrument) const {
    if (account.empty() || m_positions.position(account, instrument).hasValue())
        return std::string(account);
    if (m_positions.position("", instrument).hasValue())
        return {};
    return std::string(account);
}

void Reconciler::comparePositions(const adapters::ReconciliationReport& report, Outcome& outcome) {
    std::set<std::pair<std::string, adapters::InstrumentKey>> seen;
    auto correct = [&](const std::string& key, const adapters::InstrumentKey& instrument,
                       const Quantity& quantity, const Price& averagePrice,
                       const std::string& oursText) {
        ReconciliationDifference difference;
        difference.kind = DifferenceKind::PositionMismatch;
        difference.instrument = instrument;
        difference.account = key.empty() ? report.account : key;
        difference.ours = oursText;
        difference.theirs = describePosition(quantity, averagePrice);
        const auto result = m_positions.setPosition(key, instrument, quantity, averagePrice);
        difference.action =
            result ? ReconciliationAction::PositionCorrected : ReconciliationAction::None;
        if (!result)
            difference.message = result.error().message;
        outcome.differences.push_back(std::move(difference));
    };

    for (const adapters::PositionReport& theirs : report.positions) {
        const std::string account = theirs.account.empty() ? report.account : theirs.account;
        const std::string key = positionAccount(account, theirs.instrument);
        seen.emplace(key, theirs.instrument);
        const auto ours = m_positions.position(key, theirs.instrument);
        const Quantity oursQuantity = ours ? ours->quantity : Quantity();
        if (oursQuantity == theirs.quantity)
            continue;
        correct(key, theirs.instrument, theirs.quantity, theirs.averagePrice,
                ours ? describePosition(ours->quantity, ours->averagePrice) : "absent");
    }

    const auto all = m_positions.positions();
    if (!all)
        return;
    for (const Position& ours : *all) {
        if (ours.instrument.venue() != report.venue || ours.quantity.isZero() ||
            !sameAccount(ours.account, report.account) ||
            seen.contains({ours.account, ours.instrument}))
            continue;
        correct(ours.account, ours.instrument, Quantity(), Price(),
                describePosition(ours.quantity, ours.averagePrice));
    }
}

} // namespace cw::orders
