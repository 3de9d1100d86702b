// SPDX-License-Identifier: MIT
#include "core/adapters/sim/PaperMatchingEngine.hpp"

#include <algorithm>
#include <tuple>
#include <utility>

namespace cw::adapters::sim {

namespace {

constexpr TimestampNs kRecentFillWindow = kNsPerDay;

bool sameOrder(const SubmitOrder& a, const SubmitOrder& b) {
    return a.instrument == b.instrument && a.side == b.side && a.type == b.type &&
           a.timeInForce == b.timeInForce && a.quantity == b.quantity &&
           a.limitPrice == b.limitPrice && a.stopPrice == b.stopPrice;
}

/// Rounded for a message (the exact value may carry more decimals than people want to read).
std::string shown(const Decimal& value, int precision, RoundingMode mode) {
    auto r = value.rounded(precision, mode);
    return r ? r->toString() : value.toString();
}

} // namespace

PaperMatchingEngine::PaperMatchingEngine(const std::vector<SimulatedInstrumentSpec>& instruments,
                                         PaperBrokerConfig config, IExecutionSink& sink)
    : m_specs(instruments), m_account(std::move(config),
                                      [&] {
                                          std::vector<Instrument> list;
                                          for (const auto& spec : instruments)
                                              list.push_back(spec.instrument);
                                          return list;
                                      }()),
      m_sink(sink) {
    for (const SimulatedInstrumentSpec& spec : m_specs) {
        m_schedules.emplace_back(spec.session);
        m_keys.push_back(*InstrumentKey::of(spec.instrument));
    }
    m_quotes.resize(m_specs.size());
    m_lastTrades.resize(m_specs.size());
}

ExecutionCapabilities PaperMatchingEngine::capabilities() {
    ExecutionCapabilities caps;
    caps.orderTypes = {OrderType::Market, OrderType::Limit, OrderType::Stop, OrderType::StopLimit};
    caps.timesInForce = {TimeInForce::Gtc, TimeInForce::Ioc, TimeInForce::Fok, TimeInForce::Day};
    caps.modify = true;
    caps.cancelAll = true;
    caps.nativeBrackets = false;
    caps.nativeTrailingStop = false;
    return caps;
}

std::optional<std::size_t> PaperMatchingEngine::indexOf(const InstrumentKey& instrument) const {
    for (std::size_t i = 0; i < m_keys.size(); ++i)
        if (m_keys[i] == instrument)
            return i;
    return std::nullopt;
}

Result<void> PaperMatchingEngine::restore(const PaperAccountState& state) {
    for (const auto& [symbol, position] : state.positions) {
        const bool listed = std::any_of(m_specs.begin(), m_specs.end(), [&](const auto& spec) {
            return spec.instrument.symbol == symbol;
        });
        if (!listed)
            return fail(ErrorCode::InvalidArgument,
                        "paper account has a position in '" + symbol +
                            "', which the simulated exchange does not list");
    }
    for (const PaperOrder& order : state.orders) {
        const auto index = indexOf(order.instrument);
        if (!index)
            return fail(ErrorCode::InvalidArgument,
                        "paper account has order '" + order.clientOrderId + "' for " +
                            order.instrument.toString() + ", which is not listed");
        if (checkForm(*index, order.type, order.quantity, order.limitPrice, order.stopPrice) ||
            order.filled.isNegative() || order.filled >= order.quantity ||
            order.side == Side::Invalid || order.timeInForce == TimeInForce::Invalid)
            return fail(ErrorCode::InvalidArgument,
                        "paper account order '" + order.clientOrderId + "' is not valid");
    }
    m_account.restore(state);
    m_orders = state.orders;
    m_known.clear();
    for (const PaperOrder& order : m_orders) {
        SubmitOrder command;
        command.clientOrderId = order.clientOrderId;
        command.instrument = order.instrument;
        command.side = order.side;
        command.type = order.type;
        command.timeInForce = order.timeInForce;
        command.quantity = order.quantity;
        command.limitPrice = order.limitPrice;
        command.stopPrice = order.stopPrice;
        m_known[order.clientOrderId] = KnownOrder{command, order.venueOrderId};
    }
    m_recentFills.assign(state.recentFills.begin(), state.recentFills.end());
    for (const OrderFilled& f : m_recentFills)
        m_known.try_emplace(f.clientOrderId, KnownOrder{SubmitOrder{}, f.venueOrderId});
    m_nextOrderNumber = state.nextOrderNumber;
    m_nextTradeNumber = state.nextTradeNumber;
    m_nextPriority = state.nextPriority;
    return {};
}

PaperAccountState PaperMatchingEngine::state(TimestampNs now) const {
    PaperAccountState s;
    m_account.save(s);
    s.orders = m_orders;
    s.recentFills.assign(m_recentFills.begin(), m_recentFills.end());
    s.nextOrderNumber = m_nextOrderNumber;
    s.nextTradeNumber = m_nextTradeNumber;
    s.nextPriority = m_nextPriority;
    s.savedTime = now;
    return s;
}

bool PaperMatchingEngine::takeChanged() {
    return std::exchange(m_changed, false);
}

void PaperMatchingEngine::setLastTrade(std::size_t index, const Price& price) {
    CW_ASSERT(index < m_lastTrades.size());
    m_lastTrades[index] = price;
}

// ---- commands ----------------------------------------------------------------------------

void PaperMatchingEngine::reject(const SubmitOrder& command, RejectReason reason,
                                 std::string message, TimestampNs now) {
    m_sink.post(OrderRejected{command.clientOrderId, command.instrument, reason, std::move(message),
                              now, now});
}

void PaperMatchingEngine::rejectRequest(RequestKind kind, const std::string& clientOrderId,
                                        const InstrumentKey& instrument, RejectReason reason,
                                        std::string message, TimestampNs now) {
    m_sink.post(
        RequestRejected{kind, clientOrderId, instrument, reason, std::move(message), now, now});
}

std::optional<std::pair<RejectReason, std::string>>
PaperMatchingEngine::checkForm(std::size_t index, OrderType type, const Quantity& quantity,
                               const Price& limit, const Price& stop) const {
    const Instrument& instrument = m_specs[index].instrument;
    const std::string typeName(orderTypeName(type));
    if (hasLimitPrice(type) && !limit.isPositive())
        return std::pair{RejectReason::InvalidPrice,
                         "a " + typeName + " order needs a positive limit price (got " +
                             limit.toString() + ")"};
    if (!hasLimitPrice(type) && !limit.isZero())
        return std::pair{RejectReason::InvalidPrice, "a " + typeName +
                                                         " order takes no limit price (got " +
                                                         limit.toString() + ")"};
    if (hasStopPrice(type) && !stop.isPositive())
        return std::pair{RejectReason::InvalidPrice,
                         "a " + typeName + " order needs a positive stop price (got " +
                             stop.toString() + ")"};
    if (!hasStopPrice(type) && !stop.isZero())
        return std::pair{RejectReason::InvalidPrice, "a " + typeName +
                                                         " order takes no stop price (got " +
                                                         stop.toString() + ")"};
    if (hasLimitPrice(type) && !instrument.isPriceOnTick(limit))
        return std::pair{RejectReason::BadTickSize, "limit price " + limit.toString() +
                                                        " is not a multiple of the tick size " +
                                                        instrument.tickSize.toString()};
    if (hasStopPrice(type) && !instrument.isPriceOnTick(stop))
        return std::pair{RejectReason::BadTickSize, "stop price " + stop.toString() +
                                                        " is not a multiple of the tick size " +
                                                        instrument.tickSize.toString()};
    if (!quantity.isPositive() || !instrument.isQuantityOnLot(quantity))
        return std::pair{RejectReason::BadLotSize,
                         "quantity " + quantity.toString() +
                             " is not a positive multiple of the lot size " +
                             instrument.lotSize.toString()};
    return std::nullopt;
}

void PaperMatchingEngine::submit(const SubmitOrder& command, TimestampNs now) {
    if (auto known = m_known.find(command.clientOrderId); known != m_known.end()) {
        const bool restoredFill = known->second.command.instrument.isEmpty();
        if (restoredFill || sameOrder(known->second.command, command)) {
            // The same order sent again: no second order; say again that it is known.
            m_sink.post(OrderAccepted{command.clientOrderId, known->second.venueOrderId,
                                      command.instrument, now, now});
        } else {
            reject(command, RejectReason::DuplicateClientOrderId,
                   "client order id '" + command.clientOrderId +
                       "' is already used by a different order",
                   now);
        }
        return;
    }
    const auto index = indexOf(command.instrument);
    if (!index) {
        reject(command, RejectReason::UnknownInstrument,
               "the simulated exchange lists no '" + command.instrument.toString() + "'", now);
        return;
    }
    const Instrument& instrument = m_specs[*index].instrument;
    if (const std::string why = m_account.whyNotTradable(*index); !why.empty()) {
        reject(command, RejectReason::Other, why, now);
        return;
    }
    const ExecutionCapabilities caps = capabilities();
    if (!caps.supports(command.type)) {
        reject(command, RejectReason::UnsupportedOrderType,
               "order type " + std::string(orderTypeName(command.type)) + " is not supported", now);
        return;
    }
    if (!caps.supports(command.timeInForce)) {
        reject(command, RejectReason::UnsupportedTimeInForce,
               "time in force " + std::string(timeInForceName(command.timeInForce)) +
                   " is not supported",
               now);
        return;
    }
    if (auto problem = checkForm(*index, command.type, command.quantity, command.limitPrice,
                                 command.stopPrice)) {
        reject(command, problem->first, std::move(problem->second), now);
        return;
    }
    if (!m_schedules[*index].isOpen(now)) {
        reject(command, RejectReason::MarketClosed,
               instrument.symbol + " is outside its trading session (" +
                   std::string(sessionKindName(m_specs[*index].session)) + ")",
               now);
        return;
    }

    PaperOrder order;
    order.clientOrderId = command.clientOrderId;
    order.account = command.account;
    order.instrument = command.instrument;
    order.side = command.side;
    order.type = command.type;
    order.timeInForce = command.timeInForce;
    // On-tick and on-lot values fit the instrument's precisions exactly.
    order.quantity =
        command.quantity.rescaled(instrument.quantityPrecision).valueOr(command.quantity);
    order.filled = Quantity::fromRaw(0, instrument.quantityPrecision);
    order.limitPrice =
        command.limitPrice.rescaled(instrument.pricePrecision).valueOr(command.limitPrice);
    order.stopPrice =
        command.stopPrice.rescaled(instrument.pricePrecision).valueOr(command.stopPrice);
    order.createdTime = now;

    const Price reference = referencePrice(order);
    if (!reference.isZero() && !instrument.meetsMinNotional(order.quantity, reference)) {
        const auto notional = instrument.notional(order.quantity, reference);
        reject(command, RejectReason::BelowMinNotional,
               "notional " + order.quantity.toString() + " x " + reference.toString() + " = " +
                   (notional ? notional->toString() : std::string("?")) + " " +
                   instrument.quoteCurrency.toString() + " is below the minimum " +
                   instrument.minNotional.toString(),
               now);
        return;
    }
    const bool takesNow = !order.waitsForTrigger() && m_quotes[*index].has_value();
    std::vector<Level> plan;
    if (takesNow)
        plan = takerPlan(order);
    if (auto why = checkFunds(*index, order, order.worksAsMarket() && takesNow ? &plan : nullptr)) {
        reject(command, RejectReason::InsufficientBalance, std::move(*why), now);
        return;
    }
    if (order.timeInForce == TimeInForce::Fok && !order.waitsForTrigger()) {
        Quantity available = Quantity::fromRaw(0, instrument.quantityPrecision);
        for (const Level& level : plan)
            available = available.add(level.quantity).valueOr(available);
        if (available < order.quantity) {
            reject(command, RejectReason::WouldNotFill,
                   "fill-or-kill " + order.quantity.toString() + " " + instrument.symbol +
                       ": only " + available.toString() + " available now" +
                       (hasLimitPrice(order.type)
                            ? " at " + order.limitPrice.toString() + " or better"
                            : std::string()),
                   now);
            return;
        }
    }

    order.venueOrderId = "P" + std::to_string(m_nextOrderNumber++);
    order.priority = m_nextPriority++;
    if (order.timeInForce == TimeInForce::Day)
        order.expiryTime = m_schedules[*index].tradingDayEnd(now);
    m_known[order.clientOrderId] = KnownOrder{command, order.venueOrderId};
    m_sink.post(OrderAccepted{order.clientOrderId, order.venueOrderId, order.instrument, now, now});
    m_orders.push_back(order);
    m_accountChanged = true;
    m_changed = true;

    const std::size_t at = m_orders.size() - 1;
    const Price& last = m_lastTrades[*index];
    if (order.waitsForTrigger()) {
        const bool reached = !last.isZero() && (order.side == Side::Buy ? last >= order.stopPrice
                                                                        : last <= order.stopPrice);
        if (reached)
            trigger(at, now);
    } else {
        work(at, now);
    }
    publishUpdates(now);
}

void PaperMatchingEngine::modify(const ModifyOrder& command, TimestampNs now) {
    const auto at = findOrder(command.clientOrderId);
    if (!at || m_orders[*at].instrument != command.instrument) {
        rejectRequest(RequestKind::Modify, command.clientOrderId, command.instrument,
                      RejectReason::UnknownOrder,
                      "no working order '" + command.clientOrderId + "' for " +
                          command.instrument.toString(),
                      now);
        return;
    }
    if (command.newClientOrderId != command.clientOrderId &&
        m_known.contains(command.newClientOrderId)) {
        rejectRequest(RequestKind::Modify, command.clientOrderId, command.instrument,
                      RejectReason::DuplicateClientOrderId,
                      "client order id '" + command.newClientOrderId + "' is already in use", now);
        return;
    }
    const std::size_t index = *indexOf(command.instrument);
    const Instrument& instrument = m_specs[index].instrument;
    PaperOrder changed = m_orders[*at];
    if (auto problem = checkForm(index, changed.type, command.quantity, command.limitPrice,
                                 command.stopPrice)) {
        rejectRequest(RequestKind::Modify, command.clientOrderId, command.instrument,
                      problem->first, std::move(problem->second), now);
        return;
    }
    if (command.quantity <= changed.filled) {
        rejectRequest(RequestKind::Modify, command.clientOrderId, command.instrument,
                      RejectReason::BadLotSize,
                      "new quantity " + command.quantity.toString() + " is not above the filled " +
                          changed.filled.toString(),
                      now);
        return;
    }
    changed.quantity =
        command.quantity.rescaled(instrument.quantityPrecision).valueOr(command.quantity);
    changed.limitPrice =
        command.limitPrice.rescaled(instrument.pricePrecision).valueOr(command.limitPrice);
    changed.stopPrice =
        command.stopPrice.rescaled(instrument.pricePrecision).valueOr(command.stopPrice);
    if (auto why = checkFunds(index, changed, nullptr)) {
        rejectRequest(RequestKind::Modify, command.clientOrderId, command.instrument,
                      RejectReason::InsufficientBalance, std::move(*why), now);
        return;
    }
    PaperOrder& order = m_orders[*at];
    // A new price or a larger quantity goes to the back of the queue.
    if (changed.limitPrice != order.limitPrice || changed.stopPrice != order.stopPrice ||
        changed.quantity > order.quantity)
        changed.priority = m_nextPriority++;
    changed.clientOrderId = command.newClientOrderId;
    KnownOrder known = m_known[order.clientOrderId];
    known.command.clientOrderId = command.newClientOrderId;
    known.command.quantity = changed.quantity;
    known.command.limitPrice = changed.limitPrice;
    known.command.stopPrice = changed.stopPrice;
    m_known[command.newClientOrderId] = known;
    order = changed;
    m_sink.post(OrderReplaced{command.clientOrderId, order.clientOrderId, order.venueOrderId,
                              order.instrument, order.quantity, order.limitPrice, order.stopPrice,
                              now, now});
    m_accountChanged = true;
    m_changed = true;
    if (order.waitsForTrigger()) {
        const Price& last = m_lastTrades[index];
        if (!last.isZero() &&
            (order.side == Side::Buy ? last >= order.stopPrice : last <= order.stopPrice))
            trigger(*at, now);
    } else if (hasLimitPrice(order.type)) {
        work(*at, now);
    }
    publishUpdates(now);
}

void PaperMatchingEngine::cancel(const CancelOrder& command, TimestampNs now) {
    const auto at = findOrder(command.clientOrderId);
    if (!at || m_orders[*at].instrument != command.instrument) {
        rejectRequest(RequestKind::Cancel, command.clientOrderId, command.instrument,
                      RejectReason::UnknownOrder,
                      "no working order '" + command.clientOrderId + "' for " +
                          command.instrument.toString(),
                      now);
        return;
    }
    m_sink.post(OrderCanceled{command.clientOrderId, command.instrument, "requested", now, now});
    removeOrder(*at);
    publishUpdates(now);
}

void PaperMatchingEngine::cancelAll(const CancelAllOrders& command, TimestampNs now) {
    std::vector<PaperOrder> kept;
    for (const PaperOrder& order : m_orders) {
        if (command.instrument && order.instrument != *command.instrument) {
            kept.push_back(order);
            continue;
        }
        m_sink.post(OrderCanceled{order.clientOrderId, order.instrument, "requested", now, now});
        m_accountChanged = true;
        m_changed = true;
    }
    m_orders = std::move(kept);
    publishUpdates(now);
}

void PaperMatchingEngine::reconcile(std::uint64_t requestId, TimestampNs now) {
    ReconciliationReport report;
    report.requestId = requestId;
    report.venue = "SIM";
    report.account = "paper";
    report.venueTime = now;
    for (const PaperOrder& order : m_orders) {
        OrderReport line;
        line.clientOrderId = order.clientOrderId;
        line.venueOrderId = order.venueOrderId;
        line.instrument = order.instrument;
        line.side = order.side;
        line.type = order.type;
        line.timeInForce = order.timeInForce;
        line.quantity = order.quantity;
        line.filledQuantity = order.filled;
        line.limitPrice = order.limitPrice;
        line.stopPrice = order.stopPrice;
        line.status = order.filled.isZero() ? OrderStatus::New : OrderStatus::PartiallyFilled;
        line.createdTime = order.createdTime;
        report.openOrders.push_back(std::move(line));
    }
    for (std::size_t i = 0; i < m_specs.size(); ++i)
        if (!m_account.position(i).quantity.isZero()) {
            PositionReport position = m_account.positionReport(i, now);
            position.account = "paper";
            report.positions.push_back(std::move(position));
        }
    for (const OrderFilled& f : m_recentFills)
        if (f.venueTime >= now - kRecentFillWindow)
            report.recentFills.push_back(f);
    const Holdings held = holdings(nullptr);
    report.accountState = m_account.report(
        held.cash, Money(held.margin, PaperAccount::marginCurrency()), m_lastTrades, now);
    m_sink.post(std::move(report));
}

// ---- the market --------------------------------------------------------------------------

void PaperMatchingEngine::onQuote(const QuoteReceived& event) {
    const auto index = indexOf(event.instrument);
    if (!index)
        return;
    const TimestampNs now = event.quote.time;
    expireUpTo(now);
    m_quotes[*index] = event.quote;

    // Resting limits the opposite touch reached fill at their own price, up to the touch size.
    for (const Side side : {Side::Buy, Side::Sell}) {
        Quantity available = side == Side::Buy ? event.quote.askSize : event.quote.bidSize;
        const Price touch = side == Side::Buy ? event.quote.askPrice : event.quote.bidPrice;
        std::vector<std::pair<Price, std::uint64_t>> queue; // (limit, priority)
        for (const PaperOrder& order : m_orders) {
            if (order.instrument != event.instrument || order.side != side ||
                !hasLimitPrice(order.type) || order.waitsForTrigger())
                continue;
            if (side == Side::Buy ? touch <= order.limitPrice : touch >= order.limitPrice)
                queue.emplace_back(order.limitPrice, order.priority);
        }
        std::sort(queue.begin(), queue.end(), [side](const auto& a, const auto& b) {
            if (a.first != b.first)
                return side == Side::Buy ? a.first > b.first : a.first < b.first;
            return a.second < b.second;
        });
        for (const auto& [limit, priority] : queue) {
            if (!available.isPositive())
                break;
            auto it = std::find_if(m_orders.begin(), m_orders.end(),
                                   [&](const PaperOrder& o) { return o.priority == priority; });
            if (it == m_orders.end())
                continue;
            const Quantity remaining = it->remaining();
            const Quantity quantity = remaining < available ? remaining : available;
            fill(*it, it->limitPrice, quantity, Liquidity::Maker, now);
            available = available.subtract(quantity).valueOr(available);
        }
        removeFinished();
    }

    // Market orders that waited for the first quote of their instrument.
    std::vector<std::uint64_t> waiting;
    for (const PaperOrder& order : m_orders)
        if (order.instrument == event.instrument && order.worksAsMarket())
            waiting.push_back(order.priority);
    for (const std::uint64_t priority : waiting) {
        auto it = std::find_if(m_orders.begin(), m_orders.end(),
                               [&](const PaperOrder& o) { return o.priority == priority; });
        if (it != m_orders.end())
            work(static_cast<std::size_t>(it - m_orders.begin()), now);
    }
    publishUpdates(now);
}

void PaperMatchingEngine::onTrade(const TradeReceived& event) {
    const auto index = indexOf(event.instrument);
    if (!index)
        return;
    const TimestampNs now = event.tick.time;
    const Price price = event.tick.price;
    expireUpTo(now);
    m_lastTrades[*index] = price;

    // Resting limits the trade printed strictly through fill at their own price, sharing the
    // trade's size in price-time priority.
    Quantity available = event.tick.size;
    std::vector<std::tuple<Side, Price, std::uint64_t>> queue;
    for (const PaperOrder& order : m_orders) {
        if (order.instrument != event.instrument || !hasLimitPrice(order.type) ||
            order.waitsForTrigger())
            continue;
        if (order.side == Side::Buy ? price < order.limitPrice : price > order.limitPrice)
            queue.emplace_back(order.side, order.limitPrice, order.priority);
    }
    // Only one side can be traded through by one print; sort by how aggressive the limit is.
    std::sort(queue.begin(), queue.end(), [](const auto& a, const auto& b) {
        const auto& [sideA, limitA, priorityA] = a;
        const auto& [sideB, limitB, priorityB] = b;
        if (limitA != limitB)
            return sideA == Side::Buy ? limitA > limitB : limitA < limitB;
        return priorityA < priorityB;
    });
    for (const auto& entry : queue) {
        if (!available.isPositive())
            break;
        const std::uint64_t priority = std::get<2>(entry);
        auto it = std::find_if(m_orders.begin(), m_orders.end(),
                               [&](const PaperOrder& o) { return o.priority == priority; });
        if (it == m_orders.end())
            continue;
        const Quantity remaining = it->remaining();
        const Quantity quantity = remaining < available ? remaining : available;
        fill(*it, it->limitPrice, quantity, Liquidity::Maker, now);
        available = available.subtract(quantity).valueOr(available);
    }
    removeFinished();

    // Stops whose trigger the trade reached, oldest first.
    std::vector<std::uint64_t> reached;
    for (const PaperOrder& order : m_orders)
        if (order.instrument == event.instrument && order.waitsForTrigger() &&
            (order.side == Side::Buy ? price >= order.stopPrice : price <= order.stopPrice))
            reached.push_back(order.priority);
    std::sort(reached.begin(), reached.end());
    for (const std::uint64_t priority : reached) {
        auto it = std::find_if(m_orders.begin(), m_orders.end(),
                               [&](const PaperOrder& o) { return o.priority == priority; });
        if (it != m_orders.end())
            trigger(static_cast<std::size_t>(it - m_orders.begin()), now);
    }
    publishUpdates(now);
}

void PaperMatchingEngine::advanceTime(TimestampNs now) {
    expireUpTo(now);
    publishUpdates(now);
}

void PaperMatchingEngine::expireUpTo(TimestampNs now) {
    std::vector<std::pair<TimestampNs, std::uint64_t>> due;
    for (const PaperOrder& order : m_orders)
        if (order.expiryTime != 0 && order.expiryTime <= now)
            due.emplace_back(order.expiryTime, order.priority);
    std::sort(due.begin(), due.end());
    for (const auto& [time, priority] : due) {
        auto it = std::find_if(m_orders.begin(), m_orders.end(),
                               [&](const PaperOrder& o) { return o.priority == priority; });
        m_sink.post(OrderExpired{it->clientOrderId, it->instrument, time, time});
        m_orders.erase(it);
        m_accountChanged = true;
        m_changed = true;
    }
}

// ---- matching ----------------------------------------------------------------------------

std::vector<PaperMatchingEngine::Level> PaperMatchingEngine::book(std::size_t index,
                                                                  Side takerSide) const {
    std::vector<Level> levels;
    const std::optional<Quote>& quote = m_quotes[index];
    if (!quote)
        return levels;
    const Instrument& instrument = m_specs[index].instrument;
    Price spread = quote->askPrice.subtract(quote->bidPrice).valueOr(instrument.tickSize);
    if (spread < instrument.tickSize)
        spread = instrument.tickSize;
    const bool buy = takerSide == Side::Buy;
    Price price = buy ? quote->askPrice : quote->bidPrice;
    const Quantity touchSize = buy ? quote->askSize : quote->bidSize;
    if (!touchSize.isPositive())
        return levels;
    Quantity size = touchSize;
    for (int k = 0; k < m_account.config().bookLevels; ++k) {
        if (!price.isPositive())
            break;
        levels.push_back(Level{price, size});
        auto nextPrice = buy ? price.add(spread) : price.subtract(spread);
        auto nextSize = size.add(touchSize);
        if (!nextPrice || !nextSize)
            break;
        price = *nextPrice;
        size = *nextSize;
    }
    return levels;
}

std::vector<PaperMatchingEngine::Level>
PaperMatchingEngine::takerPlan(const PaperOrder& order) const {
    const std::size_t index = *indexOf(order.instrument);
    std::vector<Level> plan;
    Quantity left = order.remaining();
    const bool limited = hasLimitPrice(order.type);
    for (const Level& level : book(index, order.side)) {
        if (!left.isPositive())
            break;
        if (limited && (order.side == Side::Buy ? level.price > order.limitPrice
                                                : level.price < order.limitPrice))
            break;
        const Quantity take = left < level.quantity ? left : level.quantity;
        plan.push_back(Level{level.price, take});
        left = left.subtract(take).valueOr(left);
    }
    return plan;
}

Price PaperMatchingEngine::referencePrice(const PaperOrder& order) const {
    if (hasLimitPrice(order.type))
        return order.limitPrice;
    if (order.type == OrderType::Stop && !order.triggered)
        return order.stopPrice;
    const std::size_t index = *indexOf(order.instrument);
    if (const auto& quote = m_quotes[index])
        return order.side == Side::Buy ? quote->askPrice : quote->bidPrice;
    return m_lastTrades[index];
}

PaperMatchingEngine::Holdings PaperMatchingEngine::holdings(const std::string* excluded) const {
    Holdings held;
    for (const PaperOrder& order : m_orders) {
        if (excluded && order.clientOrderId == *excluded)
            continue;
        const std::size_t index = *indexOf(order.instrument);
        const Instrument& instrument = m_specs[index].instrument;
        const Quantity remaining = order.remaining();
        const Price reference = referencePrice(order);
        if (m_account.isSpot(index)) {
            if (order.side == Side::Sell) {
                Decimal& base = held.cash[instrument.baseCurrency];
                base = base.add(remaining.decimal()).valueOr(base);
                continue;
            }
            auto cost = remaining.decimal().multiply(reference.decimal());
            auto fee = m_account.fee(index, Liquidity::Taker, remaining, reference);
            Decimal& quote = held.cash[instrument.quoteCurrency];
            if (cost && fee)
                quote = quote.add(*cost).valueOr(quote).add(fee->amount()).valueOr(quote);
            continue;
        }
        const Quantity increase = m_account.exposureIncrease(index, order.side, remaining);
        if (auto margin = m_account.margin(index, increase, reference))
            held.margin = held.margin.add(margin->amount()).valueOr(held.margin);
    }
    return held;
}

std::optional<std::string> PaperMatchingEngine::checkFunds(std::size_t index,
                                                           const PaperOrder& order,
                                                           const std::vector<Level>* plan) const {
    const Instrument& instrument = m_specs[index].instrument;
    const int shownPrecision = instrument.pricePrecision;
    const Holdings held = holdings(&order.clientOrderId);
    const Quantity remaining = order.remaining();
    const Price reference = referencePrice(order);

    if (m_account.isSpot(index)) {
        if (order.side == Side::Sell) {
            const Currency& base = instrument.baseCurrency;
            Decimal free = m_account.balance(base);
            if (auto it = held.cash.find(base); it != held.cash.end())
                free = free.subtract(it->second).valueOr(free);
            if (remaining.decimal() > free)
                return "selling " + remaining.toString() + " " + base.toString() +
                       " needs that much " + base.toString() + "; " + free.toString() + " " +
                       base.toString() + " free (spot accounts cannot go short)";
            return std::nullopt;
        }
        const Currency& quote = instrument.quoteCurrency;
        Decimal need;
        if (plan && !plan->empty()) {
            for (const Level& level : *plan) {
                auto cost = level.quantity.decimal().multiply(level.price.decimal());
                auto fee = m_account.fee(index, Liquidity::Taker, level.quantity, level.price);
                if (!cost || !fee)
                    return std::string("order value out of range");
                need = need.add(*cost).valueOr(need).add(fee->amount()).valueOr(need);
            }
        } else {
            auto cost = remaining.decimal().multiply(reference.decimal());
            auto fee = m_account.fee(index, Liquidity::Taker, remaining, reference);
            if (!cost || !fee)
                return std::string("order value out of range");
            need = cost->add(fee->amount()).valueOr(*cost);
        }
        Decimal free = m_account.balance(quote);
        if (auto it = held.cash.find(quote); it != held.cash.end())
            free = free.subtract(it->second).valueOr(free);
        if (need > free)
            return "order needs " + shown(need, shownPrecision, RoundingMode::Ceiling) + " " +
                   quote.toString() + " (fee included), " +
                   shown(free, shownPrecision, RoundingMode::Floor) + " " + quote.toString() +
                   " free";
        return std::nullopt;
    }

    Price worst = reference;
    if (plan && !plan->empty())
        worst = plan->back().price;
    const Quantity increase = m_account.exposureIncrease(index, order.side, remaining);
    auto margin = m_account.margin(index, increase, worst);
    auto fee = m_account.fee(index, Liquidity::Taker, remaining, worst);
    if (!margin || !fee)
        return std::string("order value out of range");
    const Decimal need = margin->amount().add(fee->amount()).valueOr(margin->amount());
    const Money equity = m_account.equity(m_lastTrades);
    const Money used = m_account.positionMargin(m_lastTrades);
    const Decimal available = equity.amount()
                                  .subtract(used.amount())
                                  .valueOr(Decimal())
                                  .subtract(held.margin)
                                  .valueOr(Decimal());
    if (need > available)
        return "order needs " + shown(need, 2, RoundingMode::Ceiling) +
               " USD of margin (fee included), " + shown(available, 2, RoundingMode::Floor) +
               " USD available (equity " + shown(equity.amount(), 2, RoundingMode::Floor) +
               ", margin in use " + shown(used.amount(), 2, RoundingMode::Ceiling) +
               ", held by orders " + shown(held.margin, 2, RoundingMode::Ceiling) + ")";
    return std::nullopt;
}

bool PaperMatchingEngine::work(std::size_t orderIndex, TimestampNs now) {
    PaperOrder* order = &m_orders[orderIndex];
    const std::size_t index = *indexOf(order->instrument);
    if (!m_quotes[index]) {
        if (order->worksAsMarket())
            return true; // waits for the instrument's first quote
    } else {
        const std::vector<Level> plan = takerPlan(*order);
        const bool marketLike = order->worksAsMarket();
        const bool wasAccepted = order->triggered || !order->filled.isZero() || marketLike;
        if (order->timeInForce == TimeInForce::Fok && wasAccepted) {
            Quantity available = Quantity::fromRaw(0, order->quantity.precision());
            for (const Level& level : plan)
                available = available.add(level.quantity).valueOr(available);
            if (available < order->remaining()) {
                m_sink.post(OrderCanceled{order->clientOrderId, order->instrument,
                                          "FOK not fillable", now, now});
                removeOrder(orderIndex);
                return false;
            }
        }
        if (marketLike && (order->triggered || order->type == OrderType::Market)) {
            if (auto why = checkFunds(index, *order, &plan)) {
                m_sink.post(OrderCanceled{order->clientOrderId, order->instrument,
                                          "insufficient balance: " + *why, now, now});
                removeOrder(orderIndex);
                return false;
            }
        }
        for (const Level& level : plan) {
            fill(*order, level.price, level.quantity, Liquidity::Taker, now);
            order = &m_orders[orderIndex];
        }
    }
    if (!order->remaining().isPositive()) {
        removeOrder(orderIndex);
        return false;
    }
    if (order->worksAsMarket() && m_quotes[index]) {
        m_sink.post(OrderCanceled{order->clientOrderId, order->instrument,
                                  order->timeInForce == TimeInForce::Ioc ? "IOC remainder"
                                                                         : "no more liquidity",
                                  now, now});
        removeOrder(orderIndex);
        return false;
    }
    if (order->timeInForce == TimeInForce::Ioc || order->timeInForce == TimeInForce::Fok) {
        m_sink.post(OrderCanceled{order->clientOrderId, order->instrument,
                                  order->timeInForce == TimeInForce::Ioc ? "IOC remainder"
                                                                         : "FOK not fillable",
                                  now, now});
        removeOrder(orderIndex);
        return false;
    }
    return true;
}

void PaperMatchingEngine::trigger(std::size_t orderIndex, TimestampNs now) {
    PaperOrder& order = m_orders[orderIndex];
    order.triggered = true;
    order.priority = m_nextPriority++; // a triggered stop-limit queues from now on
    m_changed = true;
    m_accountChanged = true;
    m_sink.post(OrderTriggered{order.clientOrderId, order.instrument, now, now});
    work(orderIndex, now);
}

void PaperMatchingEngine::fill(PaperOrder& order, const Price& price, const Quantity& quantity,
                               Liquidity liquidity, TimestampNs now) {
    const std::size_t index = *indexOf(order.instrument);
    auto fee = m_account.fee(index, liquidity, quantity, price);
    if (!fee)
        return;
    if (auto booked = m_account.applyFill(index, order.side, quantity, price, *fee); !booked)
        return;
    order.filled = order.filled.add(quantity).valueOr(order.filled);
    OrderFilled event;
    event.clientOrderId = order.clientOrderId;
    event.venueOrderId = order.venueOrderId;
    event.instrument = order.instrument;
    event.tradeId = "PT" + std::to_string(m_nextTradeNumber++);
    event.side = order.side;
    event.quantity = quantity;
    event.price = price;
    event.fee = *fee;
    event.liquidity = liquidity;
    event.cumulativeQuantity = order.filled;
    event.leavesQuantity = order.remaining();
    event.venueTime = now;
    event.receivedTime = now;
    event.account = order.account; // the account the order named (one paper account serves all)
    m_recentFills.push_back(event);
    while (m_recentFills.size() > kMaxRecentFills)
        m_recentFills.pop_front();
    m_sink.post(std::move(event));
    m_positionsChanged.insert(index);
    m_accountChanged = true;
    m_changed = true;
}

void PaperMatchingEngine::removeOrder(std::size_t orderIndex) {
    m_orders.erase(m_orders.begin() + static_cast<std::ptrdiff_t>(orderIndex));
    m_accountChanged = true;
    m_changed = true;
}

void PaperMatchingEngine::removeFinished() {
    const auto end = std::remove_if(m_orders.begin(), m_orders.end(), [](const PaperOrder& o) {
        return !o.remaining().isPositive();
    });
    if (end != m_orders.end()) {
        m_orders.erase(end, m_orders.end());
        m_accountChanged = true;
        m_changed = true;
    }
}

std::optional<std::size_t> PaperMatchingEngine::findOrder(const std::string& clientOrderId) const {
    for (std::size_t i = 0; i < m_orders.size(); ++i)
        if (m_orders[i].clientOrderId == clientOrderId)
            return i;
    return std::nullopt;
}

void PaperMatchingEngine::publishUpdates(TimestampNs now) {
    for (const std::size_t index : m_positionsChanged) {
        PositionReport position = m_account.positionReport(index, now);
        position.account = "paper";
        m_sink.post(PositionUpdated{std::move(position)});
    }
    m_positionsChanged.clear();
    if (!std::exchange(m_accountChanged, false))
        return;
    const Holdings held = holdings(nullptr);
    m_sink.post(AccountUpdated{m_account.report(
        held.cash, Money(held.margin, PaperAccount::marginCurrency()), m_lastTrades, now)});
}

} // namespace cw::adapters::sim
