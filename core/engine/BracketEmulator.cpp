// SPDX-License-Identifier: MIT
#include "core/engine/BracketEmulator.hpp"

#include <algorithm>
#include <utility>

namespace cw::engine {

namespace {

constexpr std::string_view kLegNames[2] = {"SL", "TP"};

bool isPending(OrderStatus status) {
    return status == OrderStatus::PendingNew || status == OrderStatus::PendingCancel ||
           status == OrderStatus::PendingReplace;
}

bool isWorking(OrderStatus status) {
    return status == OrderStatus::New || status == OrderStatus::PartiallyFilled;
}

Quantity sum(const Quantity& a, const Quantity& b) {
    auto total = a.add(b);
    return total ? *total : a; // quantities of one order never leave int64
}

Result<void> checkPrices(Side side, const Price& stopLoss, const Price& takeProfit) {
    if (stopLoss.isNegative() || takeProfit.isNegative())
        return fail(ErrorCode::InvalidArgument, "bracket: a negative stop-loss or take-profit");
    if (stopLoss.isZero() && takeProfit.isZero())
        return fail(ErrorCode::InvalidArgument, "bracket: neither a stop-loss nor a take-profit");
    if (stopLoss.isPositive() && takeProfit.isPositive()) {
        const bool ordered = side == Side::Buy ? stopLoss < takeProfit : stopLoss > takeProfit;
        if (!ordered)
            return fail(ErrorCode::InvalidArgument,
                        "bracket: stop-loss " + stopLoss.toString() + " must be " +
                            (side == Side::Buy ? "below" : "above") + " take-profit " +
                            takeProfit.toString() + " for a " + std::string(sideName(side)) +
                            " entry");
    }
    return {};
}

} // namespace

BracketEmulator::BracketEmulator(IdSource ids) : m_ids(std::move(ids)) {}

Result<void> BracketEmulator::add(const adapters::SubmitOrder& entry, const Price& stopLoss,
                                  const Price& takeProfit) {
    if (entry.clientOrderId.empty() || entry.instrument.isEmpty() || entry.side == Side::Invalid)
        return fail(ErrorCode::InvalidArgument, "bracket: the entry order has no id, instrument "
                                                "or side");
    if (auto valid = checkPrices(entry.side, stopLoss, takeProfit); !valid)
        return valid;
    if (isEntry(entry.clientOrderId))
        return fail(ErrorCode::InvalidArgument,
                    "bracket: order " + entry.clientOrderId + " already has one");
    Entry added;
    added.entry = entry;
    added.legs[kStopLoss].price = stopLoss;
    added.legs[kStopLoss].enabled = stopLoss.isPositive();
    added.legs[kTakeProfit].price = takeProfit;
    added.legs[kTakeProfit].enabled = takeProfit.isPositive();
    m_entries.push_back(std::move(added));
    return {};
}

void BracketEmulator::remove(std::string_view entryClientOrderId) {
    m_entries.erase(
        std::remove_if(m_entries.begin(), m_entries.end(),
                       [&](const Entry& e) { return e.entry.clientOrderId == entryClientOrderId; }),
        m_entries.end());
}

std::optional<BracketEmulator::Prices>
BracketEmulator::prices(std::string_view entryClientOrderId) const {
    for (const Entry& e : m_entries)
        if (e.entry.clientOrderId == entryClientOrderId)
            return Prices{e.legs[kStopLoss].price, e.legs[kTakeProfit].price};
    return std::nullopt;
}

std::string BracketEmulator::legOrder(std::string_view entryClientOrderId, bool stopLoss) const {
    for (const Entry& e : m_entries)
        if (e.entry.clientOrderId == entryClientOrderId)
            return e.legs[stopLoss ? kStopLoss : kTakeProfit].clientOrderId;
    return {};
}

Result<void> BracketEmulator::setPrices(std::string_view entryClientOrderId, const Price& stopLoss,
                                        const Price& takeProfit) {
    auto it = std::find_if(m_entries.begin(), m_entries.end(), [&](const Entry& e) {
        return e.entry.clientOrderId == entryClientOrderId;
    });
    if (it == m_entries.end())
        return fail(ErrorCode::InvalidArgument,
                    "bracket: order " + std::string(entryClientOrderId) + " has none");
    if (auto valid = checkPrices(it->entry.side, stopLoss, takeProfit); !valid)
        return valid;
    const Price wanted[2] = {stopLoss, takeProfit};
    for (std::size_t i = 0; i < it->legs.size(); ++i)
        if (wanted[i].isZero() && !it->legs[i].clientOrderId.empty())
            return fail(ErrorCode::InvalidArgument, "bracket: the " + std::string(kLegNames[i]) +
                                                        " " + it->legs[i].clientOrderId +
                                                        " is working; cancel it to remove it");
    for (std::size_t i = 0; i < it->legs.size(); ++i) {
        Leg& leg = it->legs[i];
        if (leg.price.isZero() && wanted[i].isPositive())
            leg.enabled = true; // a leg added now
        leg.price = wanted[i];
        if (wanted[i].isZero())
            leg.enabled = false;
    }
    return {};
}

bool BracketEmulator::isEntry(std::string_view clientOrderId) const {
    return std::any_of(m_entries.begin(), m_entries.end(),
                       [&](const Entry& e) { return e.entry.clientOrderId == clientOrderId; });
}

bool BracketEmulator::isLeg(std::string_view clientOrderId) const {
    return std::any_of(m_entries.begin(), m_entries.end(), [&](const Entry& e) {
        return std::any_of(e.legs.begin(), e.legs.end(), [&](const Leg& leg) {
            return !leg.clientOrderId.empty() && leg.clientOrderId == clientOrderId;
        });
    });
}

std::optional<std::string> BracketEmulator::note(std::string_view clientOrderId) const {
    for (const Entry& e : m_entries) {
        if (e.entry.clientOrderId == clientOrderId) {
            std::string text = "bracket";
            if (e.legs[kStopLoss].price.isPositive())
                text += " SL " + e.legs[kStopLoss].price.toString();
            if (e.legs[kStopLoss].price.isPositive() && e.legs[kTakeProfit].price.isPositive())
                text += " /";
            if (e.legs[kTakeProfit].price.isPositive())
                text += " TP " + e.legs[kTakeProfit].price.toString();
            return text;
        }
        for (std::size_t i = 0; i < e.legs.size(); ++i) {
            if (e.legs[i].clientOrderId.empty() || e.legs[i].clientOrderId != clientOrderId)
                continue;
            std::string text = std::string(kLegNames[i]) + " of " + e.entry.clientOrderId;
            const Leg& other = e.legs[1 - i];
            if (!other.clientOrderId.empty())
                text += ", OCO with " + other.clientOrderId;
            return text;
        }
    }
    return std::nullopt;
}

BracketEmulator::Entry* BracketEmulator::findByOrder(const orders::Order& order, Leg** leg) {
    *leg = nullptr;
    for (Entry& e : m_entries) {
        if (e.entry.clientOrderId == order.clientOrderId ||
            (!order.replacesClientOrderId.empty() &&
             e.entry.clientOrderId == order.replacesClientOrderId))
            return &e;
        for (Leg& l : e.legs) {
            if (l.clientOrderId.empty())
                continue;
            if (l.clientOrderId == order.clientOrderId ||
                (!order.replacesClientOrderId.empty() &&
                 l.clientOrderId == order.replacesClientOrderId)) {
                *leg = &l;
                return &e;
            }
        }
    }
    return nullptr;
}

std::vector<EmulationAction> BracketEmulator::onOrder(const orders::Order& order) {
    Leg* leg = nullptr;
    Entry* entry = findByOrder(order, &leg);
    if (!entry)
        return {};
    if (order.status == OrderStatus::Replaced)
        return {}; // the order goes on under its new id, reported next
    if (leg) {
        updateLeg(*entry, *leg, order);
    } else {
        entry->entry.clientOrderId = order.clientOrderId; // follows a modify of the entry
        entry->entry.quantity = order.quantity;
        entry->entryFilled = order.filledQuantity;
        entry->entryEnded = isTerminal(order.status);
    }
    std::vector<EmulationAction> actions = plan(*entry);
    m_entries.erase(std::remove_if(m_entries.begin(), m_entries.end(), isDone), m_entries.end());
    return actions;
}

void BracketEmulator::updateLeg(Entry& entry, Leg& leg, const orders::Order& order) {
    const bool renamed = order.clientOrderId != leg.clientOrderId;
    leg.clientOrderId = order.clientOrderId;
    leg.quantity = order.quantity;
    leg.filled = order.filledQuantity;
    leg.status = order.status;
    if (renamed) {
        leg.request = Request::None; // our resize (or a move of its price) went through
        leg.refusedQuantity.reset();
        // The leg's price follows its order: later legs of this bracket go out there too.
        const Price& moved = order.type == OrderType::Limit ? order.limitPrice : order.stopPrice;
        if (moved.isPositive())
            leg.price = moved;
    } else if (leg.request != Request::None && isWorking(order.status)) {
        // Working under the same id while our request was out: the venue (or the client)
        // refused it, or modified in place. A resize keeps its target in refusedQuantity.
        if (leg.request == Request::Cancel)
            leg.refusedQuantity = leg.filled;
        leg.request = Request::None;
    }
    if (!isTerminal(order.status))
        return;
    entry.closedByEndedLegs = sum(entry.closedByEndedLegs, leg.filled);
    const bool asked = leg.request == Request::Cancel;
    if (order.status != OrderStatus::Filled && !asked)
        leg.enabled = false; // ended by the user or the venue: not sent again
    leg.clientOrderId.clear();
    leg.status = OrderStatus::Invalid;
    leg.quantity = Quantity{};
    leg.filled = Quantity{};
    leg.request = Request::None;
    leg.refusedQuantity.reset();
}

std::vector<EmulationAction> BracketEmulator::plan(Entry& entry) {
    std::vector<EmulationAction> actions;
    Quantity closed = entry.closedByEndedLegs;
    for (const Leg& leg : entry.legs)
        if (!leg.clientOrderId.empty())
            closed = sum(closed, leg.filled);
    // Both legs close the same position, so the open quantity is what the entry filled minus
    // what either leg closed (legs of one pair never both fill: the other is resized first).
    Quantity open;
    if (entry.entryFilled > closed)
        open = *entry.entryFilled.subtract(closed);

    for (std::size_t i = 0; i < entry.legs.size(); ++i) {
        Leg& leg = entry.legs[i];
        if (leg.price.isZero())
            continue;
        const std::string name(kLegNames[i]);
        if (!leg.clientOrderId.empty()) {
            if (isPending(leg.status) || leg.request != Request::None)
                continue; // wait for the answer to what is in flight
            if (open.isZero()) {
                if (leg.refusedQuantity && *leg.refusedQuantity == leg.filled)
                    continue;
                EmulationAction cancel;
                cancel.kind = EmulationAction::Kind::Cancel;
                cancel.clientOrderId = leg.clientOrderId;
                cancel.parentClientOrderId = entry.entry.clientOrderId;
                cancel.note = "OCO: cancel " + name + " " + leg.clientOrderId + " of " +
                              entry.entry.clientOrderId + ", nothing left to protect";
                leg.request = Request::Cancel;
                actions.push_back(std::move(cancel));
                continue;
            }
            const Quantity wanted = sum(leg.filled, open);
            if (wanted == leg.quantity || (leg.refusedQuantity && *leg.refusedQuantity == wanted))
                continue;
            EmulationAction resize;
            resize.kind = EmulationAction::Kind::Modify;
            resize.clientOrderId = leg.clientOrderId;
            resize.quantity = wanted;
            resize.parentClientOrderId = entry.entry.clientOrderId;
            resize.note = "resize " + name + " " + leg.clientOrderId + " of " +
                          entry.entry.clientOrderId + " to " + wanted.toString();
            leg.request = Request::Modify;
            leg.refusedQuantity = wanted; // cleared when the resize goes through
            actions.push_back(std::move(resize));
            continue;
        }
        if (!leg.enabled || open.isZero())
            continue;
        EmulationAction send;
        send.kind = EmulationAction::Kind::Submit;
        send.parentClientOrderId = entry.entry.clientOrderId;
        adapters::SubmitOrder& order = send.submit;
        order.clientOrderId = m_ids();
        order.instrument = entry.entry.instrument;
        order.account = entry.entry.account;
        order.side = oppositeSide(entry.entry.side);
        order.timeInForce = TimeInForce::Gtc;
        order.quantity = open;
        if (i == kStopLoss) {
            order.type = OrderType::Stop;
            order.stopPrice = leg.price;
        } else {
            order.type = OrderType::Limit;
            order.limitPrice = leg.price;
        }
        send.note = name + " of " + entry.entry.clientOrderId + " for " + open.toString() + " @ " +
                    leg.price.toString();
        leg.clientOrderId = order.clientOrderId;
        leg.status = OrderStatus::PendingNew;
        leg.quantity = open;
        leg.filled = Quantity{};
        actions.push_back(std::move(send));
    }
    return actions;
}

bool BracketEmulator::isDone(const Entry& entry) {
    if (!entry.entryEnded)
        return false;
    const bool legsWorking = std::any_of(entry.legs.begin(), entry.legs.end(),
                                         [](const Leg& leg) { return !leg.clientOrderId.empty(); });
    if (legsWorking)
        return false;
    // Ended: nothing filled (unsent legs die with it), or everything filled was closed, or
    // no leg may be sent any more.
    const bool anyEnabled = std::any_of(entry.legs.begin(), entry.legs.end(),
                                        [](const Leg& leg) { return leg.enabled; });
    return entry.entryFilled.isZero() || !(entry.entryFilled > entry.closedByEndedLegs) ||
           !anyEnabled;
}

} // namespace cw::engine
