// SPDX-License-Identifier: MIT
#include "core/exchangesim/ExchangeAccount.hpp"

#include "core/exchangesim/DepthBook.hpp"

#include <algorithm>

namespace cw::exchangesim {

namespace {

std::vector<adapters::sim::SimulatedInstrumentSpec>
specsOf(const std::vector<ExchangeSymbol>& symbols) {
    std::vector<adapters::sim::SimulatedInstrumentSpec> specs;
    for (const ExchangeSymbol& s : symbols)
        specs.push_back(s.spec);
    return specs;
}

std::int64_t toMs(TimestampNs t) {
    return t / kNsPerMillisecond;
}

VenueError filterFailure(const std::string& filter) {
    return VenueError{400, -1013, "Filter failure: " + filter};
}

VenueError newOrderRejected(std::string message) {
    return VenueError{400, -2010, std::move(message)};
}

} // namespace

ExchangeAccount::ExchangeAccount(const std::vector<ExchangeSymbol>& symbols,
                                 adapters::sim::PaperBrokerConfig config, int bookLevels,
                                 TradeIdSource tradeIds)
    : m_symbols(symbols), m_bookLevels(bookLevels), m_tradeIds(std::move(tradeIds)),
      m_engine(specsOf(symbols), std::move(config), *this), m_lastTrades(symbols.size()) {}

void ExchangeAccount::setLastTrade(std::size_t symbolIndex, const Price& price) {
    m_lastTrades[symbolIndex] = price;
    m_engine.setLastTrade(symbolIndex, price);
}

void ExchangeAccount::onQuote(const adapters::QuoteReceived& event) {
    m_engine.onQuote(event);
}

void ExchangeAccount::onTrade(const adapters::TradeReceived& event) {
    m_engine.onTrade(event);
    const auto index = m_engine.indexOf(event.instrument);
    if (!index)
        return;
    const Price price = event.tick.price;
    m_lastTrades[*index] = price;
    // Take-profit orders whose trigger this trade reached go to the paper broker now.
    std::vector<std::int64_t> due;
    for (const auto& [id, record] : m_orders)
        if (record.waitsForTrigger && record.symbolIndex == *index &&
            (record.side == Side::Buy ? price <= record.stopPrice : price >= record.stopPrice))
            due.push_back(id);
    for (const std::int64_t id : due) {
        OrderRecord& record = m_orders.at(id);
        record.waitsForTrigger = false;
        record.updateTimeMs = toMs(event.tick.time);
        if (!sendToBroker(record, event.tick.time)) {
            // The venue would have held the funds since placement; here they were missing
            // when the trigger came.
            record.status = VenueOrderStatus::Expired;
        }
    }
}

OrderRecord* ExchangeAccount::byBrokerId(const std::string& brokerId) {
    auto it = m_brokerIds.find(brokerId);
    if (it == m_brokerIds.end())
        return nullptr;
    auto order = m_orders.find(it->second);
    return order == m_orders.end() ? nullptr : &order->second;
}

void ExchangeAccount::post(adapters::ExecutionEvent&& event) {
    if (auto* accepted = std::get_if<adapters::OrderAccepted>(&event)) {
        if (OrderRecord* record = byBrokerId(accepted->clientOrderId)) {
            if (record->status == VenueOrderStatus::Invalid)
                record->status = VenueOrderStatus::New;
            const bool stopWaits = record->type == VenueOrderType::StopLoss ||
                                   record->type == VenueOrderType::StopLossLimit;
            if (!stopWaits && record->workingTimeMs < 0)
                record->workingTimeMs = toMs(accepted->venueTime);
        }
    } else if (auto* rejected = std::get_if<adapters::OrderRejected>(&event)) {
        m_lastReject = *rejected;
    } else if (auto* triggered = std::get_if<adapters::OrderTriggered>(&event)) {
        if (OrderRecord* record = byBrokerId(triggered->clientOrderId)) {
            record->workingTimeMs = toMs(triggered->venueTime);
            record->updateTimeMs = toMs(triggered->venueTime);
        }
    } else if (auto* filled = std::get_if<adapters::OrderFilled>(&event)) {
        OrderRecord* record = byBrokerId(filled->clientOrderId);
        if (!record)
            return;
        FillRecord fill;
        fill.tradeId = m_tradeIds(record->symbolIndex);
        fill.orderId = record->orderId;
        fill.symbolIndex = record->symbolIndex;
        fill.side = record->side;
        fill.price = filled->price;
        fill.quantity = filled->quantity;
        fill.quoteQuantity =
            filled->quantity.decimal().multiply(filled->price.decimal()).valueOr(Decimal());
        fill.commission = filled->fee.amount();
        fill.commissionAsset = filled->fee.currency().toString();
        fill.maker = filled->liquidity == adapters::Liquidity::Maker;
        fill.timeMs = toMs(filled->venueTime);
        record->executedQty = filled->cumulativeQuantity;
        record->cumulativeQuoteQty =
            record->cumulativeQuoteQty.add(fill.quoteQuantity).valueOr(record->cumulativeQuoteQty);
        record->status = filled->leavesQuantity.isZero() ? VenueOrderStatus::Filled
                                                         : VenueOrderStatus::PartiallyFilled;
        record->updateTimeMs = fill.timeMs;
        if (record->workingTimeMs < 0)
            record->workingTimeMs = fill.timeMs;
        record->fills.push_back(fill);
        m_fills.push_back(std::move(fill));
    } else if (auto* canceled = std::get_if<adapters::OrderCanceled>(&event)) {
        if (OrderRecord* record = byBrokerId(canceled->clientOrderId)) {
            // The venue's words: a cancel on request is CANCELED; what the book could not
            // fill of an IOC or market order EXPIRES.
            record->status = canceled->reason == "requested" ? VenueOrderStatus::Canceled
                                                             : VenueOrderStatus::Expired;
            record->updateTimeMs = toMs(canceled->venueTime);
        }
    } else if (auto* expired = std::get_if<adapters::OrderExpired>(&event)) {
        if (OrderRecord* record = byBrokerId(expired->clientOrderId)) {
            record->status = VenueOrderStatus::Expired;
            record->updateTimeMs = toMs(expired->venueTime);
        }
    } else if (auto* account = std::get_if<adapters::AccountUpdated>(&event)) {
        m_lastAccount = account->account;
    } else if (auto* report = std::get_if<adapters::ReconciliationReport>(&event)) {
        m_lastAccount = report->accountState;
    }
}

std::optional<Price> ExchangeAccount::bestOpposite(std::size_t symbolIndex, Side side) const {
    const auto& quote = m_engine.lastQuote(symbolIndex);
    if (!quote)
        return std::nullopt;
    return side == Side::Buy ? quote->askPrice : quote->bidPrice;
}

Quantity ExchangeAccount::quantityForQuote(const NewOrder& order) const {
    const ExchangeSymbol& symbol = m_symbols[order.symbolIndex];
    const int qtyPrecision = symbol.stepSize.precision();
    Quantity total = Quantity::fromRaw(0, qtyPrecision);
    const auto& quote = m_engine.lastQuote(order.symbolIndex);
    if (!quote)
        return total;
    // Buyers take the asks, sellers the bids: the same levels the paper broker walks.
    const auto levels = DepthBook::levelsFrom(*quote, symbol.tickSize, m_bookLevels,
                                              order.side == Side::Buy ? Side::Sell : Side::Buy);
    Decimal left = order.quoteOrderQty;
    for (const DepthBook::Level& level : levels) {
        if (!left.isPositive())
            break;
        const auto levelCost = level.quantity.decimal().multiply(level.price.decimal());
        if (levelCost && *levelCost <= left) {
            total = total.add(level.quantity).valueOr(total);
            left = left.subtract(*levelCost).valueOr(Decimal());
            continue;
        }
        // Part of this level: the most whole steps that left still pays for.
        std::int64_t steps = 0;
        const double approx = left.toDouble() / level.price.toDouble() / symbol.stepSize.toDouble();
        steps = static_cast<std::int64_t>(approx) + 1;
        while (steps > 0) {
            const Quantity q = Quantity::fromRaw(steps * symbol.stepSize.raw(), qtyPrecision);
            const auto cost = q.decimal().multiply(level.price.decimal());
            if (cost && *cost <= left)
                break;
            --steps;
        }
        total = total.add(Quantity::fromRaw(steps * symbol.stepSize.raw(), qtyPrecision))
                    .valueOr(total);
        break;
    }
    return total;
}

std::optional<VenueError> ExchangeAccount::checkFilters(const NewOrder& order,
                                                        const Quantity& quantity) const {
    const ExchangeSymbol& symbol = m_symbols[order.symbolIndex];
    const bool hasPrice = order.type == VenueOrderType::Limit ||
                          order.type == VenueOrderType::LimitMaker ||
                          order.type == VenueOrderType::StopLossLimit ||
                          order.type == VenueOrderType::TakeProfitLimit;
    const bool hasStop =
        order.type == VenueOrderType::StopLoss || order.type == VenueOrderType::StopLossLimit ||
        order.type == VenueOrderType::TakeProfit || order.type == VenueOrderType::TakeProfitLimit;
    const bool market = !hasPrice;
    if (hasPrice)
        if (auto failed = symbol.checkPrice(order.price))
            return filterFailure(*failed);
    if (hasStop)
        if (auto failed = symbol.checkPrice(order.stopPrice))
            return filterFailure(*failed);
    if (auto failed = symbol.checkQuantity(quantity, false))
        return filterFailure(*failed);
    if (market)
        if (auto failed = symbol.checkQuantity(quantity, true))
            return filterFailure(*failed);
    Price reference = hasPrice ? order.price : (hasStop ? order.stopPrice : Price());
    if (!hasPrice && !hasStop) {
        const auto touch = bestOpposite(order.symbolIndex, order.side);
        reference = touch ? *touch : m_lastTrades[order.symbolIndex];
    }
    if (!reference.isZero())
        if (auto failed = symbol.checkNotional(quantity, reference))
            return filterFailure(*failed);
    int open = 0;
    int algo = 0;
    for (const auto& [id, record] : m_orders)
        if (record.symbolIndex == order.symbolIndex && record.isOpen()) {
            ++open;
            algo += record.isAlgo() ? 1 : 0;
        }
    if (open >= symbol.maxNumOrders)
        return filterFailure("MAX_NUM_ORDERS");
    if (hasStop && algo >= symbol.maxNumAlgoOrders)
        return filterFailure("MAX_NUM_ALGO_ORDERS");
    return std::nullopt;
}

bool ExchangeAccount::sendToBroker(OrderRecord& record, TimestampNs now) {
    adapters::SubmitOrder command;
    command.clientOrderId = record.brokerId;
    command.instrument =
        *adapters::InstrumentKey::of(m_symbols[record.symbolIndex].spec.instrument);
    command.side = record.side;
    command.quantity = record.origQty;
    switch (record.type) {
    case VenueOrderType::Limit:
    case VenueOrderType::LimitMaker:
    case VenueOrderType::TakeProfitLimit: // triggered: now a limit order
        command.type = OrderType::Limit;
        command.limitPrice = record.price;
        command.timeInForce =
            record.timeInForce == TimeInForce::Invalid ? TimeInForce::Gtc : record.timeInForce;
        break;
    case VenueOrderType::Market:
    case VenueOrderType::TakeProfit:
        command.type = OrderType::Market;
        command.timeInForce = TimeInForce::Gtc;
        break;
    case VenueOrderType::StopLoss:
        command.type = OrderType::Stop;
        command.stopPrice = record.stopPrice;
        command.timeInForce = TimeInForce::Gtc;
        break;
    case VenueOrderType::StopLossLimit:
        command.type = OrderType::StopLimit;
        command.limitPrice = record.price;
        command.stopPrice = record.stopPrice;
        command.timeInForce = record.timeInForce;
        break;
    case VenueOrderType::Invalid:
        return false;
    }
    m_lastReject.reset();
    m_engine.submit(command, now);
    return !m_lastReject.has_value();
}

std::variant<OrderRecord, VenueError> ExchangeAccount::place(const NewOrder& order, TimestampNs now,
                                                             bool testOnly) {
    const ExchangeSymbol& symbol = m_symbols[order.symbolIndex];
    Quantity quantity = order.quantity;
    if (order.type == VenueOrderType::Market && order.quoteOrderQty.isPositive()) {
        if (!symbol.minNotional.isZero() && order.quoteOrderQty < symbol.minNotional)
            return filterFailure("NOTIONAL");
        quantity = quantityForQuote(order);
        if (!quantity.isPositive())
            return filterFailure("LOT_SIZE");
    }
    if (auto failed = checkFilters(order, quantity))
        return *failed;

    if (order.type == VenueOrderType::LimitMaker) {
        const auto touch = bestOpposite(order.symbolIndex, order.side);
        if (touch && (order.side == Side::Buy ? order.price >= *touch : order.price <= *touch))
            return newOrderRejected("Order would immediately match and take.");
    }
    const Price& last = m_lastTrades[order.symbolIndex];
    if (!last.isZero()) {
        const bool stopLoss =
            order.type == VenueOrderType::StopLoss || order.type == VenueOrderType::StopLossLimit;
        const bool takeProfit = order.type == VenueOrderType::TakeProfit ||
                                order.type == VenueOrderType::TakeProfitLimit;
        const bool buy = order.side == Side::Buy;
        if ((stopLoss && (buy ? last >= order.stopPrice : last <= order.stopPrice)) ||
            (takeProfit && (buy ? last <= order.stopPrice : last >= order.stopPrice)))
            return newOrderRejected("Order would trigger immediately.");
    }
    for (const auto& [id, record] : m_orders)
        if (record.isOpen() && record.clientOrderId == order.clientOrderId)
            return newOrderRejected("Duplicate order sent.");
    if (testOnly)
        return OrderRecord{};

    OrderRecord record;
    record.orderId = m_nextOrderId++;
    record.symbolIndex = order.symbolIndex;
    record.clientOrderId = order.clientOrderId;
    record.brokerId = "x" + std::to_string(record.orderId);
    record.side = order.side;
    record.type = order.type;
    record.timeInForce = order.timeInForce;
    record.price = order.price;
    record.stopPrice = order.stopPrice;
    record.origQty = quantity;
    record.executedQty = Quantity::fromRaw(0, symbol.stepSize.precision());
    record.cumulativeQuoteQty = Decimal::fromRaw(0, 8);
    record.origQuoteOrderQty = order.quoteOrderQty;
    record.timeMs = toMs(now);
    record.updateTimeMs = record.timeMs;
    const std::int64_t id = record.orderId;
    m_brokerIds[record.brokerId] = id;
    OrderRecord& stored = m_orders.emplace(id, std::move(record)).first->second;

    if (stored.type == VenueOrderType::TakeProfit ||
        stored.type == VenueOrderType::TakeProfitLimit) {
        stored.waitsForTrigger = true;
        stored.status = VenueOrderStatus::New;
        return stored;
    }
    if (sendToBroker(stored, now))
        return m_orders.at(id);

    const adapters::OrderRejected rejected = *m_lastReject;
    if (rejected.reason == adapters::RejectReason::WouldNotFill) {
        // A fill-or-kill that cannot fill is accepted and expires at once.
        OrderRecord& expired = m_orders.at(id);
        expired.status = VenueOrderStatus::Expired;
        return expired;
    }
    m_orders.erase(id);
    m_brokerIds.erase("x" + std::to_string(id));
    switch (rejected.reason) {
    case adapters::RejectReason::InsufficientBalance:
        return newOrderRejected("Account has insufficient balance for requested action.");
    case adapters::RejectReason::MarketClosed:
        return newOrderRejected("Market is closed.");
    case adapters::RejectReason::BadTickSize:
    case adapters::RejectReason::InvalidPrice:
        return filterFailure("PRICE_FILTER");
    case adapters::RejectReason::BadLotSize:
        return filterFailure("LOT_SIZE");
    case adapters::RejectReason::BelowMinNotional:
        return filterFailure("NOTIONAL");
    default:
        return newOrderRejected(rejected.message);
    }
}

std::variant<OrderRecord, VenueError>
ExchangeAccount::cancel(std::size_t symbolIndex, std::optional<std::int64_t> orderId,
                        const std::optional<std::string>& clientOrderId, TimestampNs now) {
    const OrderRecord* found = find(symbolIndex, orderId, clientOrderId);
    if (!found || !found->isOpen())
        return VenueError{400, -2011, "Unknown order sent."};
    OrderRecord& record = m_orders.at(found->orderId);
    if (record.waitsForTrigger) {
        record.waitsForTrigger = false;
        record.status = VenueOrderStatus::Canceled;
        record.updateTimeMs = toMs(now);
        return record;
    }
    adapters::CancelOrder command;
    command.clientOrderId = record.brokerId;
    command.instrument = *adapters::InstrumentKey::of(m_symbols[symbolIndex].spec.instrument);
    m_engine.cancel(command, now);
    if (record.isOpen()) // the paper broker no longer knew it: it finished meanwhile
        return VenueError{400, -2011, "Unknown order sent."};
    return record;
}

std::vector<OrderRecord> ExchangeAccount::cancelAll(std::size_t symbolIndex, TimestampNs now) {
    std::vector<OrderRecord> canceled;
    for (const OrderRecord* open : orders(symbolIndex, true)) {
        auto result = cancel(symbolIndex, open->orderId, std::nullopt, now);
        if (auto* record = std::get_if<OrderRecord>(&result))
            canceled.push_back(*record);
    }
    return canceled;
}

const OrderRecord* ExchangeAccount::find(std::size_t symbolIndex,
                                         std::optional<std::int64_t> orderId,
                                         const std::optional<std::string>& clientOrderId) const {
    if (orderId) {
        auto it = m_orders.find(*orderId);
        if (it == m_orders.end() || it->second.symbolIndex != symbolIndex)
            return nullptr;
        if (clientOrderId && it->second.clientOrderId != *clientOrderId)
            return nullptr;
        return &it->second;
    }
    if (!clientOrderId)
        return nullptr;
    for (auto it = m_orders.rbegin(); it != m_orders.rend(); ++it)
        if (it->second.symbolIndex == symbolIndex && it->second.clientOrderId == *clientOrderId)
            return &it->second;
    return nullptr;
}

std::vector<const OrderRecord*> ExchangeAccount::orders(std::optional<std::size_t> symbolIndex,
                                                        bool openOnly) const {
    std::vector<const OrderRecord*> out;
    for (const auto& [id, record] : m_orders) {
        if (symbolIndex && record.symbolIndex != *symbolIndex)
            continue;
        if (openOnly && !record.isOpen())
            continue;
        out.push_back(&record);
    }
    return out;
}

adapters::AccountReport ExchangeAccount::balances(TimestampNs now) {
    m_engine.reconcile(0, now);
    return m_lastAccount.value_or(adapters::AccountReport{});
}

} // namespace cw::exchangesim
