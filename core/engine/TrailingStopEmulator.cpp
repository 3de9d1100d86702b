// SPDX-License-Identifier: MIT
#include "core/engine/TrailingStopEmulator.hpp"

#include <algorithm>

namespace cw::engine {

Result<void> TrailingStopEmulator::add(const adapters::SubmitOrder& order, const Price& distance,
                                       const Price& tickSize) {
    if (order.type != OrderType::Stop)
        return fail(ErrorCode::InvalidArgument, "trailing stop: the order must be a Stop");
    if (order.clientOrderId.empty() || order.instrument.isEmpty() || order.side == Side::Invalid)
        return fail(ErrorCode::InvalidArgument,
                    "trailing stop: the order has no id, instrument or side");
    if (!order.stopPrice.isPositive())
        return fail(ErrorCode::InvalidArgument,
                    "trailing stop: stop price " + order.stopPrice.toString() + " is not positive");
    if (!distance.isPositive())
        return fail(ErrorCode::InvalidArgument,
                    "trailing stop: distance " + distance.toString() + " is not positive");
    if (!tickSize.isPositive())
        return fail(ErrorCode::InvalidArgument,
                    "trailing stop: no tick size for " + order.instrument.toString());
    if (find(order.clientOrderId))
        return fail(ErrorCode::InvalidArgument,
                    "trailing stop: order " + order.clientOrderId + " is already trailed");
    Entry entry;
    entry.clientOrderId = order.clientOrderId;
    entry.instrument = order.instrument;
    entry.side = order.side;
    entry.distance = distance;
    entry.tickSize = tickSize;
    entry.stop = order.stopPrice;
    m_entries.push_back(std::move(entry));
    return {};
}

TrailingStopEmulator::Entry* TrailingStopEmulator::find(std::string_view clientOrderId) {
    auto it = std::find_if(m_entries.begin(), m_entries.end(),
                           [&](const Entry& e) { return e.clientOrderId == clientOrderId; });
    return it == m_entries.end() ? nullptr : &*it;
}

const TrailingStopEmulator::Entry*
TrailingStopEmulator::find(std::string_view clientOrderId) const {
    auto it = std::find_if(m_entries.begin(), m_entries.end(),
                           [&](const Entry& e) { return e.clientOrderId == clientOrderId; });
    return it == m_entries.end() ? nullptr : &*it;
}

void TrailingStopEmulator::remove(std::string_view clientOrderId) {
    m_entries.erase(
        std::remove_if(m_entries.begin(), m_entries.end(),
                       [&](const Entry& e) { return e.clientOrderId == clientOrderId; }),
        m_entries.end());
}

bool TrailingStopEmulator::isTrailing(std::string_view clientOrderId) const {
    return find(clientOrderId) != nullptr;
}

std::optional<std::string> TrailingStopEmulator::note(std::string_view clientOrderId) const {
    const Entry* entry = find(clientOrderId);
    if (!entry)
        return std::nullopt;
    std::string text = "trailing " + entry->distance.toString();
    if (entry->best)
        text += ", best " + entry->best->toString();
    return text;
}

std::optional<Price> TrailingStopEmulator::wantedStop(const Entry& entry) {
    if (!entry.best)
        return std::nullopt;
    const bool sell = entry.side == Side::Sell;
    auto raw = sell ? entry.best->subtract(entry.distance) : entry.best->add(entry.distance);
    if (!raw || !raw->isPositive())
        return std::nullopt;
    // Away from the market: a Sell stop never ends up closer than `distance` below the best.
    auto onTick =
        raw->roundToTick(entry.tickSize, sell ? RoundingMode::Floor : RoundingMode::Ceiling);
    if (!onTick || !onTick->isPositive())
        return std::nullopt;
    return *onTick;
}

std::vector<EmulationAction>
TrailingStopEmulator::onPrice(const adapters::InstrumentKey& instrument, const Price& reference) {
    std::vector<EmulationAction> actions;
    if (!reference.isPositive())
        return actions;
    for (Entry& entry : m_entries) {
        if (entry.instrument != instrument)
            continue;
        const bool sell = entry.side == Side::Sell;
        if (!entry.best || (sell ? reference > *entry.best : reference < *entry.best))
            entry.best = reference;
        const bool working =
            entry.status == OrderStatus::New || entry.status == OrderStatus::PartiallyFilled;
        if (!working || entry.amendInFlight)
            continue;
        const auto wanted = wantedStop(entry);
        if (!wanted)
            continue;
        // At least one tick better than the working stop (and than a refused one).
        auto limit = sell ? entry.stop.add(entry.tickSize) : entry.stop.subtract(entry.tickSize);
        if (!limit || (sell ? *wanted < *limit : *wanted > *limit))
            continue;
        if (entry.refusedStop &&
            (sell ? *wanted <= *entry.refusedStop : *wanted >= *entry.refusedStop))
            continue;
        EmulationAction amend;
        amend.kind = EmulationAction::Kind::Modify;
        amend.clientOrderId = entry.clientOrderId;
        amend.stopPrice = *wanted;
        amend.parentClientOrderId = entry.clientOrderId;
        amend.note = "trail stop " + entry.clientOrderId + " from " + entry.stop.toString() +
                     " to " + wanted->toString() + " (best " + entry.best->toString() + ")";
        entry.amendInFlight = true;
        entry.refusedStop = *wanted; // cleared when the amend goes through
        actions.push_back(std::move(amend));
    }
    return actions;
}

void TrailingStopEmulator::onOrder(const orders::Order& order) {
    Entry* entry = find(order.clientOrderId);
    const bool renamed = !entry && !order.replacesClientOrderId.empty() &&
                         (entry = find(order.replacesClientOrderId)) != nullptr;
    if (!entry || order.status == OrderStatus::Replaced)
        return; // not ours, or it goes on under the new id, reported next
    if (renamed) {
        entry->clientOrderId = order.clientOrderId;
        entry->amendInFlight = false;
        entry->refusedStop.reset();
    } else if (entry->amendInFlight &&
               (order.status == OrderStatus::New || order.status == OrderStatus::PartiallyFilled)) {
        entry->amendInFlight = false; // refused (refusedStop keeps its target) or in place
    }
    entry->status = order.status;
    if (order.stopPrice.isPositive())
        entry->stop = order.stopPrice;
    if (isTerminal(order.status) || order.triggered) {
        const std::string id = entry->clientOrderId;
        m_entries.erase(std::remove_if(m_entries.begin(), m_entries.end(),
                                       [&](const Entry& e) { return e.clientOrderId == id; }),
                        m_entries.end());
    }
}

} // namespace cw::engine
