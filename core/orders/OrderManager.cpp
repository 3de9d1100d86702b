// SPDX-License-Identifier: MIT
#include "core/orders/OrderManager.hpp"

#include "core/orders/ClientOrderIdGenerator.hpp"
#include "core/orders/OrderStateMachine.hpp"

#include <algorithm>
#include <utility>

namespace cw::orders {

namespace {

TimestampNs eventTime(TimestampNs received, TimestampNs venue) {
    return received != 0 ? received : venue;
}

OrderChange changeFor(OrderChangeKind kind, const Order& order, OrderStatus previous,
                      std::string message) {
    OrderChange change;
    change.kind = kind;
    change.clientOrderId = order.clientOrderId;
    change.previousStatus = previous;
    change.status = order.status;
    change.order = order;
    change.account = order.account;
    change.message = std::move(message);
    return change;
}

OrderChange changeWithoutOrder(OrderChangeKind kind, std::string clientOrderId,
                               std::string message) {
    OrderChange change;
    change.kind = kind;
    change.clientOrderId = std::move(clientOrderId);
    change.message = std::move(message);
    return change;
}

void addFee(std::vector<Money>& fees, const Money& fee) {
    if (fee.isZero())
        return;
    for (auto& entry : fees) {
        if (entry.currency() == fee.currency()) {
            if (auto sum = entry.add(fee))
                entry = *sum;
            return;
        }
    }
    fees.push_back(fee);
}

std::string unknownMessage(std::string_view what, std::string_view clientOrderId) {
    return std::string(what) + " for unknown client order id '" + std::string(clientOrderId) + "'";
}

} // namespace

OrderManager::OrderManager() : OrderManager(Config{}) {}

OrderManager::OrderManager(Config config) : m_config(config) {}

// --- requests ------------------------------------------------------------------------------

Result<adapters::SubmitOrder> OrderManager::submit(const adapters::SubmitOrder& command,
                                                   const OrderOrigin& origin, TimestampNs now) {
    auto invalid = [](std::string message) { return fail(ErrorCode::InvalidArgument, message); };
    if (!ClientOrderIdGenerator::isValid(command.clientOrderId))
        return invalid("malformed client order id '" + command.clientOrderId + "'");
    if (isIdUsed(command.clientOrderId))
        return invalid("client order id '" + command.clientOrderId + "' is already used");
    if (command.instrument.isEmpty())
        return invalid("no instrument");
    if (command.side == Side::Invalid)
        return invalid("no side");
    if (command.type == OrderType::Invalid)
        return invalid("no order type");
    if (command.timeInForce == TimeInForce::Invalid)
        return invalid("no time in force");
    if (!command.quantity.isPositive())
        return invalid("quantity " + command.quantity.toString() + " is not positive");
    if (hasLimitPrice(command.type) && !command.limitPrice.isPositive())
        return invalid("a " + std::string(orderTypeName(command.type)) +
                       " order needs a positive limit price");
    if (hasStopPrice(command.type) && !command.stopPrice.isPositive())
        return invalid("a " + std::string(orderTypeName(command.type)) +
                       " order needs a positive stop price");
    if (origin.kind == OrderOriginKind::Invalid || origin.kind == OrderOriginKind::External)
        return invalid("origin must be Ticket, OneClick, Chart, Strategy or Emulation");

    Order order;
    order.clientOrderId = command.clientOrderId;
    order.instrument = command.instrument;
    order.account = command.account;
    order.side = command.side;
    order.type = command.type;
    order.timeInForce = command.timeInForce;
    order.quantity = command.quantity;
    order.limitPrice = command.limitPrice;
    order.stopPrice = command.stopPrice;
    // Zero at the order's precision, so "0.000/2.000" reads as the venue would print it.
    order.filledQuantity = Quantity::fromRaw(0, command.quantity.precision());
    order.seenFillQuantity = order.filledQuantity;
    order.status = OrderStatus::PendingNew;
    order.origin = origin;
    order.createdTime = now;
    order.updatedTime = now;
    order.sequence = m_nextSequence++;
    m_open.emplace(order.clientOrderId, std::move(order));
    return command;
}

Result<adapters::CancelOrder> OrderManager::requestCancel(std::string_view clientOrderId,
                                                          TimestampNs now) {
    const auto it = m_open.find(clientOrderId);
    if (it == m_open.end())
        return fail(ErrorCode::NotFound,
                    "no open order with client order id '" + std::string(clientOrderId) + "'");
    Order& order = it->second;
    const auto next =
        OrderStateMachine::next(order.status, OrderEventKind::CancelRequested, order.progress());
    if (!next)
        return fail(ErrorCode::InvalidArgument, "cannot cancel: " + next.error().message);
    order.status = *next;
    order.updatedTime = now;
    return adapters::CancelOrder{order.clientOrderId, order.instrument};
}

Result<adapters::ModifyOrder> OrderManager::requestModify(const adapters::ModifyOrder& command,
                                                          TimestampNs now) {
    const auto it = m_open.find(command.clientOrderId);
    if (it == m_open.end())
        return fail(ErrorCode::NotFound,
                    "no open order with client order id '" + command.clientOrderId + "'");
    Order& order = it->second;
    auto invalid = [](std::string message) { return fail(ErrorCode::InvalidArgument, message); };
    if (!ClientOrderIdGenerator::isValid(command.newClientOrderId))
        return invalid("malformed new client order id '" + command.newClientOrderId + "'");
    if (isIdUsed(command.newClientOrderId))
        return invalid("client order id '" + command.newClientOrderId + "' is already used");
    if (!command.instrument.isEmpty() && command.instrument != order.instrument)
        return invalid("the modify names " + command.instrument.toString() + ", the order " +
                       order.instrument.toString());
    if (!command.quantity.isPositive())
        return invalid("quantity " + command.quantity.toString() + " is not positive");
    if (command.quantity < order.filledQuantity)
        return invalid("quantity " + command.quantity.toString() + " is below the filled " +
                       order.filledQuantity.toString());
    if (hasLimitPrice(order.type) && !command.limitPrice.isPositive())
        return invalid("a " + std::string(orderTypeName(order.type)) +
                       " order needs a positive limit price");
    if (hasStopPrice(order.type) && !command.stopPrice.isPositive())
        return invalid("a " + std::string(orderTypeName(order.type)) +
                       " order needs a positive stop price");
    const auto next =
        OrderStateMachine::next(order.status, OrderEventKind::ReplaceRequested, order.progress());
    if (!next)
        return invalid("cannot modify: " + next.error().message);

    adapters::ModifyOrder sent = command;
    sent.instrument = order.instrument;
    order.status = *next;
    order.updatedTime = now;
    order.pendingModify = sent;
    return sent;
}

// --- events --------------------------------------------------------------------------------

std::vector<OrderChange> OrderManager::apply(const adapters::ExecutionEvent& event) {
    return std::visit(
        [this](const auto& e) -> std::vector<OrderChange> {
            using T = std::decay_t<decltype(e)>;
            if constexpr (std::is_same_v<T, adapters::OrderAccepted>)
                return onAccepted(e);
            else if constexpr (std::is_same_v<T, adapters::OrderRejected>)
                return onRejected(e);
            else if constexpr (std::is_same_v<T, adapters::OrderTriggered>)
                return onTriggered(e);
            else if constexpr (std::is_same_v<T, adapters::OrderFilled>)
                return onFilled(e);
            else if constexpr (std::is_same_v<T, adapters::OrderCanceled>)
                return onCanceled(e);
            else if constexpr (std::is_same_v<T, adapters::OrderExpired>)
                return onExpired(e);
            else if constexpr (std::is_same_v<T, adapters::OrderReplaced>)
                return onReplaced(e);
            else if constexpr (std::is_same_v<T, adapters::RequestRejected>)
                return onRequestRejected(e);
            else
                return {}; // connection, account, position and reconciliation events
        },
        event);
}

OrderChange OrderManager::transition(Order& order, OrderEventKind event, TimestampNs time,
                                     std::string message) {
    const OrderStatus previous = order.status;
    const auto next = OrderStateMachine::next(previous, event, order.progress());
    if (!next) {
        std::string text = next.error().message + " (order '" + order.clientOrderId + "')";
        if (!message.empty())
            text += ": " + message;
        return changeFor(OrderChangeKind::InvalidTransition, order, previous, std::move(text));
    }
    order.status = *next;
    if (time != 0)
        order.updatedTime = time;
    if (order.status != OrderStatus::PendingReplace)
        order.pendingModify.reset();
    return changeFor(OrderChangeKind::Updated, order, previous, std::move(message));
}

std::vector<OrderChange> OrderManager::onAccepted(const adapters::OrderAccepted& event) {
    Order* order = findMutable(event.clientOrderId);
    if (order == nullptr) {
        rememberUnknown(event);
        return {changeWithoutOrder(OrderChangeKind::UnknownOrder, event.clientOrderId,
                                   unknownMessage("OrderAccepted", event.clientOrderId))};
    }
    if (!event.venueOrderId.empty() && order->isOpen())
        order->venueOrderId = event.venueOrderId;
    if (order->isOpen())
        order->acknowledged = true;
    std::vector<OrderChange> changes{transition(
        *order, OrderEventKind::Accepted, eventTime(event.receivedTime, event.venueTime), {})};
    moveToHistoryIfTerminal(event.clientOrderId);
    return changes;
}

std::vector<OrderChange> OrderManager::onRejected(const adapters::OrderRejected& event) {
    Order* order = findMutable(event.clientOrderId);
    if (order == nullptr) {
        rememberUnknown(event);
        return {changeWithoutOrder(OrderChangeKind::UnknownOrder, event.clientOrderId,
                                   unknownMessage("OrderRejected", event.clientOrderId))};
    }
    if (event.reason == adapters::RejectReason::DuplicateClientOrderId) {
        // Our ids are unique (ClientOrderIdGenerator), so the venue already holds this very
        // order: a resent submit whose first copy got through. Reconciliation tells its state.
        return {changeFor(OrderChangeKind::DuplicateSubmit, *order, order->status,
                          "the venue already knows '" + order->clientOrderId +
                              "'; kept as it is until the venue reports it: " + event.message)};
    }
    std::string message =
        std::string(adapters::rejectReasonName(event.reason)) + ": " + event.message;
    std::vector<OrderChange> changes{transition(*order, OrderEventKind::Rejected,
                                                eventTime(event.receivedTime, event.venueTime),
                                                std::move(message))};
    if (changes.front().kind == OrderChangeKind::Updated) {
        order->rejectReason = event.reason;
        order->statusMessage = event.message;
        changes.front().order = *order;
    }
    moveToHistoryIfTerminal(event.clientOrderId);
    return changes;
}

std::vector<OrderChange> OrderManager::onTriggered(const adapters::OrderTriggered& event) {
    Order* order = findMutable(event.clientOrderId);
    if (order == nullptr) {
        rememberUnknown(event);
        return {changeWithoutOrder(OrderChangeKind::UnknownOrder, event.clientOrderId,
                                   unknownMessage("OrderTriggered", event.clientOrderId))};
    }
    if (order->isOpen()) {
        order->triggered = true;
        order->acknowledged = true;
    }
    std::vector<OrderChange> changes{transition(
        *order, OrderEventKind::Triggered, eventTime(event.receivedTime, event.venueTime), {})};
    moveToHistoryIfTerminal(event.clientOrderId);
    return changes;
}

std::vector<OrderChange> OrderManager::onFilled(const adapters::OrderFilled& event) {
    const std::string_view venue = event.instrument.venue();
    Order* order = findMutable(event.clientOrderId);
    if (!event.tradeId.empty() && hasSeenTrade(venue, event.tradeId)) {
        std::string message =
            "fill " + std::string(venue) + "/" + event.tradeId + " was applied before; ignored";
        if (order != nullptr)
            return {changeFor(OrderChangeKind::DuplicateFill, *order, order->status,
                              std::move(message))};
        return {changeWithoutOrder(OrderChangeKind::DuplicateFill, event.clientOrderId,
                                   std::move(message))};
    }
    if (!event.quantity.isPositive()) {
        OrderChange change = changeWithoutOrder(
            OrderChangeKind::InvalidTransition, event.clientOrderId,
            "fill " + event.tradeId + " has quantity " + event.quantity.toString() + "; ignored");
        if (order != nullptr)
            change = changeFor(OrderChangeKind::InvalidTransition, *order, order->status,
                               change.message);
        return {change};
    }
    rememberTrade(venue, event.tradeId);

    if (order == nullptr) {
        rememberUnknown(event);
        OrderChange change =
            changeWithoutOrder(OrderChangeKind::UnknownOrder, event.clientOrderId,
                               unknownMessage("OrderFilled " + event.tradeId, event.clientOrderId));
        change.fill = event;
        change.account = event.account;
        return {change};
    }

    // The amounts change even when the status cannot (a late fill on an ended order): the
    // fill happened, and the positions must see it.
    std::string amountProblem;
    if (auto seen = order->seenFillQuantity.add(event.quantity)) {
        const auto notional = WideDecimal::fromDecimal(event.quantity.decimal())
                                  .multiply(WideDecimal::fromDecimal(event.price.decimal()));
        const auto total = notional ? order->seenFillNotional.add(*notional) : notional;
        if (total) {
            order->seenFillQuantity = *seen;
            order->seenFillNotional = *total;
            const int precision =
                std::min(Decimal::kMaxPrecision, std::max(order->averageFillPrice.precision(),
                                                          event.price.precision() + 4));
            const auto average =
                total->divided(WideDecimal::fromDecimal(seen->decimal()), precision);
            const auto asDecimal =
                average ? average->toDecimalRounded(precision) : Result<Decimal>(average.error());
            if (asDecimal)
                order->averageFillPrice = Price(*asDecimal);
            else
                amountProblem = "average price: " + asDecimal.error().message;
        } else {
            amountProblem = "fill notional: " + total.error().message;
        }
        const auto ours = order->filledQuantity.add(event.quantity);
        Quantity filled = ours ? *ours : order->filledQuantity;
        if (event.cumulativeQuantity > filled)
            filled = event.cumulativeQuantity;
        order->filledQuantity = filled;
    } else {
        amountProblem = "filled quantity: " + seen.error().message;
    }
    addFee(order->fees, event.fee);
    if (order->venueOrderId.empty())
        order->venueOrderId = event.venueOrderId;
    order->acknowledged = true;

    const bool complete = event.leavesQuantity.isZero() || order->filledQuantity >= order->quantity;
    OrderChange change =
        transition(*order, complete ? OrderEventKind::Filled : OrderEventKind::PartiallyFilled,
                   eventTime(event.receivedTime, event.venueTime), amountProblem);
    std::vector<OrderChange> changes;
    if (change.kind == OrderChangeKind::InvalidTransition) {
        changes.push_back(change);
        change = changeFor(OrderChangeKind::Updated, *order, order->status,
                           "fill " + event.tradeId + " counted; status kept");
    }
    change.fill = event;
    // The venue names the fill's account; one that cannot leaves it to the order's.
    change.account = event.account.empty() ? order->account : event.account;
    changes.push_back(std::move(change));
    moveToHistoryIfTerminal(event.clientOrderId);
    return changes;
}

std::vector<OrderChange> OrderManager::onCanceled(const adapters::OrderCanceled& event) {
    Order* order = findMutable(event.clientOrderId);
    if (order == nullptr) {
        rememberUnknown(event);
        return {changeWithoutOrder(OrderChangeKind::UnknownOrder, event.clientOrderId,
                                   unknownMessage("OrderCanceled", event.clientOrderId))};
    }
    if (order->isOpen())
        order->statusMessage = event.reason;
    std::vector<OrderChange> changes{transition(*order, OrderEventKind::Canceled,
                                                eventTime(event.receivedTime, event.venueTime),
                                                event.reason)};
    moveToHistoryIfTerminal(event.clientOrderId);
    return changes;
}

std::vector<OrderChange> OrderManager::onExpired(const adapters::OrderExpired& event) {
    Order* order = findMutable(event.clientOrderId);
    if (order == nullptr) {
        rememberUnknown(event);
        return {changeWithoutOrder(OrderChangeKind::UnknownOrder, event.clientOrderId,
                                   unknownMessage("OrderExpired", event.clientOrderId))};
    }
    std::vector<OrderChange> changes{transition(
        *order, OrderEventKind::Expired, eventTime(event.receivedTime, event.venueTime), {})};
    moveToHistoryIfTerminal(event.clientOrderId);
    return changes;
}

std::vector<OrderChange> OrderManager::onReplaced(const adapters::OrderReplaced& event) {
    Order* old = findMutable(event.clientOrderId);
    if (old == nullptr) {
        rememberUnknown(event);
        return {changeWithoutOrder(OrderChangeKind::UnknownOrder, event.clientOrderId,
                                   unknownMessage("OrderReplaced", event.clientOrderId))};
    }
    const TimestampNs time = eventTime(event.receivedTime, event.venueTime);
    const bool inPlace =
        event.newClientOrderId.empty() || event.newClientOrderId == event.clientOrderId;

    if (inPlace) {
        // A venue that modifies in place keeps the id: the order works on with new values.
        if (!old->isOpen())
            return {changeFor(OrderChangeKind::InvalidTransition, *old, old->status,
                              "OrderReplaced for ended order '" + old->clientOrderId + "'")};
        const OrderStatus previous = old->status;
        if (event.quantity.isPositive())
            old->quantity = event.quantity;
        old->limitPrice = event.limitPrice;
        old->stopPrice = event.stopPrice;
        if (!event.venueOrderId.empty())
            old->venueOrderId = event.venueOrderId;
        old->acknowledged = true;
        old->pendingModify.reset();
        if (previous == OrderStatus::PendingReplace)
            old->status = OrderStateMachine::workingStatus(old->progress());
        if (time != 0)
            old->updatedTime = time;
        return {changeFor(OrderChangeKind::Updated, *old, previous, "modified in place")};
    }

    if (isIdUsed(event.newClientOrderId))
        return {changeFor(OrderChangeKind::InvalidTransition, *old, old->status,
                          "OrderReplaced names new id '" + event.newClientOrderId +
                              "', which is already in the book")};
    OrderChange ended = transition(*old, OrderEventKind::Replaced, time,
                                   "replaced by '" + event.newClientOrderId + "'");
    if (ended.kind == OrderChangeKind::InvalidTransition)
        return {ended};

    Order next = *old;
    next.clientOrderId = event.newClientOrderId;
    if (!event.venueOrderId.empty())
        next.venueOrderId = event.venueOrderId;
    if (event.quantity.isPositive())
        next.quantity = event.quantity;
    next.limitPrice = event.limitPrice;
    next.stopPrice = event.stopPrice;
    next.acknowledged = true;
    next.status = OrderStateMachine::workingStatus(next.progress());
    next.replacesClientOrderId = old->clientOrderId;
    next.replacedByClientOrderId.clear();
    next.pendingModify.reset();
    next.updatedTime = time != 0 ? time : old->updatedTime;
    next.sequence = m_nextSequence++;
    old->replacedByClientOrderId = event.newClientOrderId;
    ended.order = *old;

    OrderChange started = changeFor(OrderChangeKind::Updated, next, OrderStatus::Invalid,
                                    "replaces '" + old->clientOrderId + "'");
    const std::string oldId = old->clientOrderId;
    m_open.emplace(next.clientOrderId, std::move(next));
    moveToHistoryIfTerminal(oldId);
    return {std::move(ended), std::move(started)};
}

std::vector<OrderChange> OrderManager::onRequestRejected(const adapters::RequestRejected& event) {
    std::string message =
        std::string(adapters::rejectReasonName(event.reason)) + ": " + event.message;
    if (event.kind == adapters::RequestKind::CancelAll || event.clientOrderId.empty())
        return {changeWithoutOrder(OrderChangeKind::RequestRejected, event.clientOrderId,
                                   std::move(message))};
    Order* order = findMutable(event.clientOrderId);
    if (order == nullptr) {
        rememberUnknown(event);
        return {changeWithoutOrder(OrderChangeKind::UnknownOrder, event.clientOrderId,
                                   unknownMessage("RequestRejected", event.clientOrderId))};
    }
    // Only the answer to the request in flight restores the working status; a refusal of an
    // earlier request (or one for an ended order) changes nothing.
    const bool answersPending = (event.kind == adapters::RequestKind::Cancel &&
                                 order->status == OrderStatus::PendingCancel) ||
                                (event.kind == adapters::RequestKind::Modify &&
                                 order->status == OrderStatus::PendingReplace);
    if (!answersPending)
        return {
            changeFor(OrderChangeKind::RequestRejected, *order, order->status, std::move(message))};
    return {transition(*order, OrderEventKind::RequestRejected,
                       eventTime(event.receivedTime, event.venueTime), std::move(message))};
}

// --- resends and reconciliation ------------------------------------------------------------

std::vector<PendingRequest> OrderManager::pendingResends(std::string_view venue) const {
    std::vector<PendingRequest> requests;
    for (const Order* order : openOrders()) {
        if (!venue.empty() && order->instrument.venue() != venue)
            continue;
        auto submit = [&] {
            adapters::SubmitOrder command;
            command.clientOrderId = order->clientOrderId;
            command.instrument = order->instrument;
            command.side = order->side;
            command.type = order->type;
            command.timeInForce = order->timeInForce;
            command.quantity = order->quantity;
            command.limitPrice = order->limitPrice;
            command.stopPrice = order->stopPrice;
            command.account = order->account;
            return command;
        };
        switch (order->status) {
        case OrderStatus::PendingNew:
            requests.emplace_back(submit());
            break;
        case OrderStatus::PendingCancel:
            if (!order->acknowledged)
                requests.emplace_back(submit());
            requests.emplace_back(adapters::CancelOrder{order->clientOrderId, order->instrument});
            break;
        case OrderStatus::PendingReplace:
            if (order->pendingModify)
                requests.emplace_back(*order->pendingModify);
            break;
        default:
            break;
        }
    }
    return requests;
}

Result<OrderChange> OrderManager::applyVenueView(const adapters::OrderReport& report,
                                                 std::string_view account, TimestampNs now) {
    if (report.clientOrderId.empty() || report.instrument.isEmpty())
        return fail(ErrorCode::InvalidArgument, "an order report needs an id and an instrument");

    Order* order = findMutable(report.clientOrderId);
    if (order == nullptr) {
        Order adopted;
        adopted.clientOrderId = report.clientOrderId;
        adopted.venueOrderId = report.venueOrderId;
        adopted.instrument = report.instrument;
        adopted.account = std::string(account);
        adopted.side = report.side;
        adopted.type = report.type;
        adopted.timeInForce = report.timeInForce;
        adopted.quantity = report.quantity;
        adopted.limitPrice = report.limitPrice;
        adopted.stopPrice = report.stopPrice;
        adopted.origin = OrderOrigin{OrderOriginKind::External, {}, {}};
        adopted.external = true;
        adopted.acknowledged = true;
        adopted.filledQuantity = report.filledQuantity;
        adopted.status = OrderStateMachine::workingStatus(adopted.progress());
        adopted.createdTime = report.createdTime != 0 ? report.createdTime : now;
        adopted.updatedTime = now;
        adopted.sequence = m_nextSequence++;
        OrderChange change = changeFor(OrderChangeKind::Adopted, adopted, OrderStatus::Invalid,
                                       "working at the venue, unknown here: adopted");
        m_open.emplace(adopted.clientOrderId, std::move(adopted));
        return change;
    }

    const OrderStatus previous = order->status;
    const bool revive = !order->isOpen();
    if (!report.venueOrderId.empty())
        order->venueOrderId = report.venueOrderId;
    if (report.quantity.isPositive())
        order->quantity = report.quantity;
    if (hasLimitPrice(order->type) && report.limitPrice.isPositive())
        order->limitPrice = report.limitPrice;
    if (hasStopPrice(order->type) && report.stopPrice.isPositive())
        order->stopPrice = report.stopPrice;
    order->filledQuantity = report.filledQuantity;
    order->acknowledged = true;
    const bool requestInFlight =
        previous == OrderStatus::PendingCancel || previous == OrderStatus::PendingReplace;
    if (revive || !requestInFlight)
        order->status = OrderStateMachine::workingStatus(order->progress());
    if (order->status != OrderStatus::PendingReplace)
        order->pendingModify.reset();
    order->updatedTime = now;
    OrderChange change = changeFor(OrderChangeKind::Reconciled, *order, previous,
                                   revive ? "working at the venue: reopened" : "venue's view");
    if (revive) {
        const auto it = std::find_if(m_history.begin(), m_history.end(), [&](const Order& o) {
            return o.clientOrderId == report.clientOrderId;
        });
        Order reopened = std::move(*it);
        m_history.erase(it);
        m_historyIds.erase(m_historyIds.find(reopened.clientOrderId));
        m_open.emplace(reopened.clientOrderId, std::move(reopened));
    }
    return change;
}

Result<OrderChange> OrderManager::forceTerminal(std::string_view clientOrderId, OrderStatus status,
                                                std::string message, TimestampNs now) {
    if (!isTerminal(status))
        return fail(ErrorCode::InvalidArgument,
                    std::string(orderStatusName(status)) + " is not a terminal status");
    const auto it = m_open.find(clientOrderId);
    if (it == m_open.end())
        return fail(ErrorCode::NotFound,
                    "no open order with client order id '" + std::string(clientOrderId) + "'");
    Order& order = it->second;
    const OrderStatus previous = order.status;
    order.status = status;
    order.statusMessage = message;
    order.pendingModify.reset();
    order.updatedTime = now;
    OrderChange change =
        changeFor(OrderChangeKind::Reconciled, order, previous, std::move(message));
    moveToHistoryIfTerminal(std::string(clientOrderId));
    return change;
}

// --- queries and bookkeeping ---------------------------------------------------------------

const Order* OrderManager::find(std::string_view clientOrderId) const {
    return const_cast<OrderManager*>(this)->findMutable(clientOrderId);
}

Order* OrderManager::findMutable(std::string_view clientOrderId) {
    if (const auto it = m_open.find(clientOrderId); it != m_open.end())
        return &it->second;
    if (!m_historyIds.contains(clientOrderId))
        return nullptr;
    for (auto it = m_history.rbegin(); it != m_history.rend(); ++it) {
        if (it->clientOrderId == clientOrderId)
            return &*it;
    }
    return nullptr;
}

bool OrderManager::isIdUsed(std::string_view clientOrderId) const {
    return find(clientOrderId) != nullptr;
}

std::vector<const Order*> OrderManager::openOrders() const {
    std::vector<const Order*> orders;
    orders.reserve(m_open.size());
    for (const auto& [id, order] : m_open)
        orders.push_back(&order);
    std::sort(orders.begin(), orders.end(),
              [](const Order* a, const Order* b) { return a->sequence < b->sequence; });
    return orders;
}

std::size_t OrderManager::openOrderCount(const adapters::InstrumentKey& instrument) const {
    return static_cast<std::size_t>(
        std::count_if(m_open.begin(), m_open.end(),
                      [&](const auto& entry) { return entry.second.instrument == instrument; }));
}

std::size_t OrderManager::openOrderCount(std::string_view venue) const {
    return static_cast<std::size_t>(std::count_if(m_open.begin(), m_open.end(), [&](const auto& e) {
        return e.second.instrument.venue() == venue;
    }));
}

bool OrderManager::hasSeenTrade(std::string_view venue, std::string_view tradeId) const {
    if (tradeId.empty())
        return false;
    std::string key(venue);
    key += '\x1f';
    key += tradeId;
    return m_seenTrades.contains(key);
}

bool OrderManager::rememberTrade(std::string_view venue, std::string_view tradeId) {
    if (tradeId.empty())
        return true; // nothing to dedupe on; always applied
    std::string key(venue);
    key += '\x1f';
    key += tradeId;
    if (!m_seenTrades.insert(key).second)
        return false;
    m_seenTradeOrder.push_back(std::move(key));
    while (m_seenTradeOrder.size() > m_config.tradeIdCapacity) {
        m_seenTrades.erase(m_seenTradeOrder.front());
        m_seenTradeOrder.pop_front();
    }
    return true;
}

void OrderManager::rememberUnknown(const adapters::ExecutionEvent& event) {
    m_unknownEvents.push_back(event);
    while (m_unknownEvents.size() > m_config.unknownEventCapacity)
        m_unknownEvents.pop_front();
}

void OrderManager::moveToHistoryIfTerminal(const std::string& clientOrderId) {
    const auto it = m_open.find(clientOrderId);
    if (it == m_open.end() || it->second.isOpen())
        return;
    m_historyIds.insert(it->second.clientOrderId);
    m_history.push_back(std::move(it->second));
    m_open.erase(it);
    while (m_history.size() > m_config.historyCapacity) {
        m_historyIds.erase(m_historyIds.find(m_history.front().clientOrderId));
        m_history.pop_front();
    }
}

} // namespace cw::orders
