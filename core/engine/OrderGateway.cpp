// SPDX-License-Identifier: MIT
#include "core/engine/OrderGateway.hpp"

#include "core/journal/JournalReader.hpp"
#include "core/journal/JournalWriter.hpp"

#include <algorithm>
#include <limits>
#include <set>
#include <type_traits>

namespace cw::engine {

namespace {

using journal::JournalRecord;

adapters::RejectReason reasonFor(const Error& error) {
    return error.code == ErrorCode::Unavailable ? adapters::RejectReason::NotConnected
                                                : adapters::RejectReason::Other;
}

std::string describe(const adapters::SubmitOrder& order) {
    std::string text = std::string(sideName(order.side)) + " " + order.quantity.toString() + " " +
                       order.instrument.toString() + " " + std::string(orderTypeName(order.type));
    if (order.limitPrice.isPositive())
        text += " limit " + order.limitPrice.toString();
    if (order.stopPrice.isPositive())
        text += " stop " + order.stopPrice.toString();
    return text;
}

/// The gate's view of a modify, as a SubmitOrder for the journal's risk record.
adapters::SubmitOrder asSubmit(const orders::Order& order, const adapters::ModifyOrder& modify) {
    adapters::SubmitOrder s;
    s.clientOrderId = modify.newClientOrderId;
    s.instrument = order.instrument;
    s.side = order.side;
    s.type = order.type;
    s.timeInForce = order.timeInForce;
    s.quantity = modify.quantity;
    s.limitPrice = modify.limitPrice;
    s.stopPrice = modify.stopPrice;
    s.account = order.account;
    return s;
}

} // namespace

OrderGateway::OrderGateway()
    : OrderGateway(Config{}, orders::ClientOrderIdGenerator::createForThisProcess()) {}

OrderGateway::OrderGateway(Config config, orders::ClientOrderIdGenerator ids)
    : m_config(std::move(config)), m_ids(std::move(ids)), m_orders(m_config.orders),
      m_reconciler(m_orders, m_positions), m_brackets([this] { return m_ids.next(); }) {
    if (auto set = m_gate.setDefaultLimits(m_config.defaultLimits); !set)
        (void)m_gate.setDefaultLimits(risk::RiskLimits::none());
    m_riskSettings[""] = m_gate.limitsFor("").toSettings();
    stage(RiskLimitsRow{"", m_riskSettings[""]});
    stage(KillSwitchStatus{});
}

// ---- wiring --------------------------------------------------------------------------------

void OrderGateway::attachExecution(adapters::IExecutionClient& client) {
    m_clients[std::string(client.venue())] = &client;
}

void OrderGateway::detachExecution(std::string_view venue) {
    if (auto it = m_clients.find(venue); it != m_clients.end())
        m_clients.erase(it);
}

std::vector<adapters::IExecutionClient*> OrderGateway::executionClients() const {
    std::vector<adapters::IExecutionClient*> clients;
    for (const auto& [venue, client] : m_clients)
        clients.push_back(client);
    return clients;
}

void OrderGateway::setFeeRates(std::string venue, FeeRates rates) {
    m_fees[std::move(venue)] = rates;
}

std::optional<FeeRates> OrderGateway::feeRates(const adapters::InstrumentKey& instrument) const {
    if (auto fees = m_fees.find(instrument.venue()); fees != m_fees.end())
        return fees->second;
    if (const adapters::IExecutionClient* client = clientFor(instrument.venue()))
        return client->feeRates(instrument);
    return std::nullopt;
}

void OrderGateway::onInstruments(const std::vector<Instrument>& instruments) {
    for (const Instrument& instrument : instruments) {
        auto key = adapters::InstrumentKey::of(instrument);
        if (!key || !instrument.validate())
            continue;
        m_instruments.insert_or_assign(*key, instrument);
        (void)m_positions.setInstrument(instrument);
    }
}

const Instrument* OrderGateway::instrument(const adapters::InstrumentKey& instrument) const {
    auto it = m_instruments.find(instrument);
    return it == m_instruments.end() ? nullptr : &it->second;
}

adapters::IExecutionClient* OrderGateway::clientFor(std::string_view venue) const {
    auto it = m_clients.find(venue);
    return it == m_clients.end() ? nullptr : it->second;
}

std::string OrderGateway::originName(const orders::OrderOrigin& origin) {
    switch (origin.kind) {
    case orders::OrderOriginKind::Ticket:
        return std::string(JournalRecord::kOriginUser);
    case orders::OrderOriginKind::OneClick:
        return std::string(JournalRecord::kOriginOneClick);
    case orders::OrderOriginKind::Chart:
        return std::string(JournalRecord::kOriginChart);
    case orders::OrderOriginKind::Strategy:
        return JournalRecord::strategyOrigin(origin.strategyId);
    case orders::OrderOriginKind::Emulation:
        return std::string(JournalRecord::kOriginEngine);
    case orders::OrderOriginKind::External:
        return std::string(JournalRecord::kOriginVenue);
    case orders::OrderOriginKind::Invalid:
        break;
    }
    return std::string(JournalRecord::kOriginEngine);
}

std::int64_t OrderGateway::journal(JournalRecord record) {
    if (!m_journal)
        return 0;
    const std::int64_t id = m_journal->append(std::move(record));
    m_lastJournalId = std::max(m_lastJournalId, id);
    return id;
}

// ---- staging: journal before display -------------------------------------------------------

void OrderGateway::stage(StagedValue value) {
    m_staged.push_back(Staged{m_lastJournalId, std::move(value)});
}

void OrderGateway::stageOrder(const orders::Order& order, std::int64_t journalId) {
    OrderRow row;
    row.order = order;
    row.journalId = journalId;
    if (auto note = m_brackets.note(order.clientOrderId)) {
        row.emulated = m_brackets.isLeg(order.clientOrderId);
        row.emulationNote = *note;
    } else if (auto trail = m_trailing.note(order.clientOrderId)) {
        row.emulated = true;
        row.emulationNote = *trail;
    } else if (auto it = m_rowNotes.find(order.clientOrderId); it != m_rowNotes.end()) {
        row.emulated = it->second.first;
        row.emulationNote = it->second.second;
    }
    if (auto bracket = m_brackets.prices(order.clientOrderId)) {
        row.bracketStopLoss = bracket->stopLoss;
        row.bracketTakeProfit = bracket->takeProfit;
    }
    if (!row.emulationNote.empty())
        m_rowNotes[order.clientOrderId] = {row.emulated, row.emulationNote};
    if (!order.isOpen()) {
        m_rowNotes.erase(order.clientOrderId);
        m_requestTags.erase(order.clientOrderId);
    }
    stage(std::move(row));
}

void OrderGateway::stagePosition(const std::string& account,
                                 const adapters::InstrumentKey& instrument) {
    if (auto position = m_positions.position(account, instrument))
        stage(std::move(*position));
}

void OrderGateway::notice(TradingNotice::Kind kind, std::string message, TimestampNs now,
                          std::uint64_t requestTag, std::string clientOrderId,
                          adapters::InstrumentKey instrument, risk::RiskRule rule) {
    TradingNotice n;
    n.kind = kind;
    n.time = now;
    n.requestTag = requestTag;
    if (n.requestTag == 0 && !clientOrderId.empty())
        if (auto it = m_requestTags.find(clientOrderId); it != m_requestTags.end())
            n.requestTag = it->second;
    n.clientOrderId = std::move(clientOrderId);
    n.instrument = instrument;
    n.rule = rule;
    n.message = std::move(message);
    n.journalId = m_lastJournalId;
    stage(std::move(n));
}

bool OrderGateway::hasPublishable() const {
    if (!m_markedInstruments.empty() || m_shownChanged)
        return true;
    if (m_staged.empty())
        return false;
    const std::int64_t committed =
        m_journal ? m_journal->committedId() : std::numeric_limits<std::int64_t>::max();
    return m_staged.front().journalId <= committed;
}

bool OrderGateway::hasUncommitted() const {
    if (m_staged.empty() || !m_journal)
        return false;
    return m_staged.front().journalId > m_journal->committedId();
}

void OrderGateway::applyStaged(Staged&& staged) {
    std::visit(
        [this](auto&& value) {
            using T = std::decay_t<decltype(value)>;
            if constexpr (std::is_same_v<T, OrderRow>) {
                const std::string id = value.order.clientOrderId;
                if (value.order.isOpen()) {
                    m_shownWorking.insert_or_assign(id, std::move(value));
                    return;
                }
                m_shownWorking.erase(id);
                auto same =
                    std::find_if(m_shownHistory.rbegin(), m_shownHistory.rend(),
                                 [&id](const OrderRow& r) { return r.order.clientOrderId == id; });
                if (same != m_shownHistory.rend()) {
                    *same = std::move(value); // a late fill on an ended order
                    return;
                }
                m_shownHistory.push_back(std::move(value));
                while (m_shownHistory.size() > m_config.historyRows)
                    m_shownHistory.pop_front();
            } else if constexpr (std::is_same_v<T, FillRow>) {
                m_shownFills.push_back(std::move(value));
                while (m_shownFills.size() > m_config.fillRows)
                    m_shownFills.pop_front();
            } else if constexpr (std::is_same_v<T, orders::Position>) {
                PositionKey key{value.account, value.instrument};
                m_shownPositions.insert_or_assign(std::move(key), std::move(value));
            } else if constexpr (std::is_same_v<T, adapters::AccountReport>) {
                std::pair<std::string, std::string> key{value.venue, value.account};
                m_shownAccounts.insert_or_assign(std::move(key), std::move(value));
            } else if constexpr (std::is_same_v<T, KillSwitchStatus>) {
                m_shownKillSwitch = std::move(value);
            } else if constexpr (std::is_same_v<T, ExecutionSessionRow>) {
                const std::string venue = value.venue;
                m_shownSessions.insert_or_assign(venue, std::move(value));
            } else if constexpr (std::is_same_v<T, TradingNotice>) {
                m_shownNotices.push_back(std::move(value));
            } else if constexpr (std::is_same_v<T, OrderPreview>) {
                m_shownPreviews.push_back(std::move(value));
            } else if constexpr (std::is_same_v<T, RiskLimitsRow>) {
                m_shownRiskLimits.insert_or_assign(value.first, std::move(value.second));
            }
        },
        std::move(staged.value));
    m_shownChanged = true;
}

std::shared_ptr<const TradingSnapshot> OrderGateway::takeSnapshot() {
    if (!m_markedInstruments.empty()) {
        for (const adapters::InstrumentKey& key : m_markedInstruments)
            for (const std::string& account : m_accounts)
                stagePosition(account, key);
        m_markedInstruments.clear();
    }
    const std::int64_t committed =
        m_journal ? m_journal->committedId() : std::numeric_limits<std::int64_t>::max();
    while (!m_staged.empty() && m_staged.front().journalId <= committed) {
        Staged next = std::move(m_staged.front());
        m_staged.pop_front();
        applyStaged(std::move(next));
    }
    if (!m_shownChanged)
        return nullptr;
    m_shownChanged = false;

    auto snapshot = std::make_shared<TradingSnapshot>();
    snapshot->version = ++m_version;
    snapshot->workingOrders.reserve(m_shownWorking.size());
    for (const auto& [id, row] : m_shownWorking)
        snapshot->workingOrders.push_back(row);
    std::sort(
        snapshot->workingOrders.begin(), snapshot->workingOrders.end(),
        [](const OrderRow& a, const OrderRow& b) { return a.order.sequence < b.order.sequence; });
    snapshot->orderHistory.assign(m_shownHistory.begin(), m_shownHistory.end());
    snapshot->fills.assign(m_shownFills.begin(), m_shownFills.end());
    for (const auto& [key, position] : m_shownPositions)
        snapshot->positions.push_back(position);
    for (const auto& [key, account] : m_shownAccounts)
        snapshot->accounts.push_back(account);
    snapshot->killSwitch = m_shownKillSwitch;
    for (const auto& [venue, row] : m_shownSessions)
        snapshot->sessions.push_back(row);
    snapshot->notices = std::move(m_shownNotices);
    m_shownNotices.clear();
    snapshot->previews = std::move(m_shownPreviews);
    m_shownPreviews.clear();
    snapshot->riskLimits = m_shownRiskLimits;
    snapshot->journalCommittedId = m_journal ? m_journal->committedId() : 0;
    return snapshot;
}

// ---- commands ------------------------------------------------------------------------------

void OrderGateway::apply(const TradingCommand& command, TimestampNs now) {
    rollTradingDay(now);
    std::visit([this, now](const auto& c) { onCommand(c, now); }, command);
}

void OrderGateway::onCommand(const PlaceOrder& command, TimestampNs now) {
    adapters::SubmitOrder order = command.order;
    if (order.clientOrderId.empty())
        order.clientOrderId = m_ids.next();
    if (command.bracket && command.trailingStop) {
        notice(TradingNotice::Kind::CommandError,
               "an order takes a bracket or a trailing stop, not both", now, command.requestTag,
               order.clientOrderId, order.instrument);
        return;
    }
    if (m_orders.find(order.clientOrderId)) {
        notice(TradingNotice::Kind::CommandError,
               "client order id " + order.clientOrderId + " is already used", now,
               command.requestTag, order.clientOrderId, order.instrument);
        return;
    }
    // The emulation is set up first (it validates), and undone if the order never registers.
    if (command.bracket) {
        auto added = m_brackets.add(order, command.bracket->stopLoss, command.bracket->takeProfit);
        if (!added) {
            notice(TradingNotice::Kind::CommandError, added.error().message, now,
                   command.requestTag, order.clientOrderId, order.instrument);
            return;
        }
    }
    if (command.trailingStop) {
        const Instrument* definition = instrument(order.instrument);
        auto added = m_trailing.add(order, command.trailingStop->distance,
                                    definition ? definition->tickSize : Price{});
        if (!added) {
            notice(TradingNotice::Kind::CommandError, added.error().message, now,
                   command.requestTag, order.clientOrderId, order.instrument);
            return;
        }
    }
    placeOrder(order, command.origin, command.requestTag, GateMode::Check, {}, now);
    if (!m_orders.find(order.clientOrderId)) {
        m_brackets.remove(order.clientOrderId);
        m_trailing.remove(order.clientOrderId);
    }
}

bool OrderGateway::placeOrder(adapters::SubmitOrder order, const orders::OrderOrigin& origin,
                              std::uint64_t requestTag, GateMode gate, std::string_view note,
                              TimestampNs now) {
    if (order.clientOrderId.empty())
        order.clientOrderId = m_ids.next();
    if (requestTag != 0)
        m_requestTags[order.clientOrderId] = requestTag;
    JournalRecord request = JournalRecord::fromRequest(order, originName(origin), now);
    if (!note.empty())
        request.message = std::string(note);
    const std::int64_t requestId = journal(std::move(request));

    if (gate == GateMode::Check) {
        const risk::RiskDecision decision =
            m_gate.check(order, riskContext(order.instrument, order.account), now);
        journal(JournalRecord::riskDecision(
            order, decision.allowed, decision.allowed ? "" : risk::riskRuleName(decision.rule),
            decision.message, now));
        if (!decision) {
            const std::string message =
                std::string(risk::riskRuleName(decision.rule)) + ": " + decision.message;
            // Our own refusal, told apart from a venue's: RiskLimit (KillSwitchActive for the
            // kill switch), with the rule and the numbers in the message.
            const adapters::RejectReason reason = decision.rule == risk::RiskRule::KillSwitch
                                                      ? adapters::RejectReason::KillSwitchActive
                                                      : adapters::RejectReason::RiskLimit;
            if (m_orders.submit(order, origin, now)) {
                rejectLocally(order, reason, message, TradingNotice::Kind::RiskRejected,
                              decision.rule, requestTag, now);
            } else {
                notice(TradingNotice::Kind::RiskRejected, message, now, requestTag,
                       order.clientOrderId, order.instrument, decision.rule);
                m_requestTags.erase(order.clientOrderId);
            }
            return false;
        }
    } else if (gate == GateMode::BypassUnlessKilled && m_gate.killSwitch().isTriggered()) {
        notice(TradingNotice::Kind::KillSwitch,
               "not sent while the kill switch is triggered: " + describe(order), now, requestTag,
               order.clientOrderId, order.instrument, risk::RiskRule::KillSwitch);
        return false;
    }

    auto registered = m_orders.submit(order, origin, now);
    if (!registered) {
        notice(TradingNotice::Kind::CommandError, registered.error().message, now, requestTag,
               order.clientOrderId, order.instrument);
        m_requestTags.erase(order.clientOrderId);
        return false;
    }
    if (!note.empty())
        m_rowNotes[order.clientOrderId] = {origin.kind == orders::OrderOriginKind::Emulation,
                                           std::string(note)};
    if (const orders::Order* held = m_orders.find(order.clientOrderId))
        stageOrder(*held, requestId);
    notice(TradingNotice::Kind::Info, "placed " + describe(order), now, requestTag,
           order.clientOrderId, order.instrument);
    return sendSubmit(*registered, requestTag, now);
}

bool OrderGateway::sendSubmit(const adapters::SubmitOrder& order, std::uint64_t requestTag,
                              TimestampNs now) {
    adapters::IExecutionClient* client = clientFor(order.instrument.venue());
    if (!client) {
        rejectLocally(order, adapters::RejectReason::NotConnected,
                      "no execution session for venue " + std::string(order.instrument.venue()),
                      TradingNotice::Kind::VenueRejected, risk::RiskRule::Invalid, requestTag, now);
        return false;
    }
    auto sent = client->submit(order);
    if (!sent) {
        rejectLocally(order, reasonFor(sent.error()), sent.error().message,
                      TradingNotice::Kind::VenueRejected, risk::RiskRule::Invalid, requestTag, now);
        return false;
    }
    m_gate.recordSent(order.instrument.venue(), now);
    return true;
}

void OrderGateway::rejectLocally(const adapters::SubmitOrder& order, adapters::RejectReason reason,
                                 std::string message, TradingNotice::Kind kind, risk::RiskRule rule,
                                 std::uint64_t requestTag, TimestampNs now) {
    adapters::OrderRejected rejected;
    rejected.clientOrderId = order.clientOrderId;
    rejected.instrument = order.instrument;
    rejected.reason = reason;
    rejected.message = message;
    rejected.venueTime = 0;
    rejected.receivedTime = now;
    JournalRecord record = JournalRecord::fromEvent(rejected, now);
    record.origin =
        std::string(kind == TradingNotice::Kind::RiskRejected ? JournalRecord::kOriginRisk
                                                              : JournalRecord::kOriginEngine);
    const std::int64_t id = journal(std::move(record));
    notice(kind, std::move(message), now, requestTag, order.clientOrderId, order.instrument, rule);
    applyOrderChanges(m_orders.apply(adapters::ExecutionEvent{std::move(rejected)}), id, now);
}

bool OrderGateway::cancelOrder(const std::string& clientOrderId, std::string_view origin,
                               TimestampNs now) {
    auto request = m_orders.requestCancel(clientOrderId, now);
    if (!request) {
        notice(TradingNotice::Kind::CommandError,
               "cancel " + clientOrderId + ": " + request.error().message, now, 0, clientOrderId);
        return false;
    }
    const std::int64_t id = journal(JournalRecord::fromRequest(*request, origin, now));
    if (const orders::Order* order = m_orders.find(clientOrderId))
        stageOrder(*order, id);
    adapters::IExecutionClient* client = clientFor(request->instrument.venue());
    auto sent = client ? client->cancel(*request)
                       : Result<void>(fail(ErrorCode::Unavailable,
                                           "no execution session for venue " +
                                               std::string(request->instrument.venue())));
    if (sent)
        return true;
    adapters::RequestRejected rejected;
    rejected.kind = adapters::RequestKind::Cancel;
    rejected.clientOrderId = clientOrderId;
    rejected.instrument = request->instrument;
    rejected.reason = reasonFor(sent.error());
    rejected.message = sent.error().message;
    rejected.receivedTime = now;
    JournalRecord record = JournalRecord::fromEvent(rejected, now);
    record.origin = std::string(JournalRecord::kOriginEngine);
    const std::int64_t rejectedId = journal(std::move(record));
    notice(TradingNotice::Kind::RequestRejected,
           "cancel " + clientOrderId + ": " + rejected.message, now, 0, clientOrderId,
           rejected.instrument);
    applyOrderChanges(m_orders.apply(adapters::ExecutionEvent{std::move(rejected)}), rejectedId,
                      now);
    return false;
}

bool OrderGateway::modifyOrder(const adapters::ModifyOrder& modify, std::string_view origin,
                               bool bypassGate, std::uint64_t requestTag, TimestampNs now) {
    const orders::Order* order = m_orders.find(modify.clientOrderId);
    if (!order || !order->isOpen()) {
        notice(TradingNotice::Kind::CommandError, "amend: no working order " + modify.clientOrderId,
               now, requestTag, modify.clientOrderId);
        return false;
    }
    const std::int64_t requestId = journal(JournalRecord::fromRequest(modify, origin, now));
    if (!bypassGate) {
        risk::WorkingOrderState current;
        current.account = order->account;
        current.side = order->side;
        current.type = order->type;
        current.quantity = order->quantity;
        current.filledQuantity = order->filledQuantity;
        current.limitPrice = order->limitPrice;
        current.stopPrice = order->stopPrice;
        const risk::RiskDecision decision =
            m_gate.check(modify, current, riskContext(order->instrument, order->account), now);
        journal(JournalRecord::riskDecision(
            asSubmit(*order, modify), decision.allowed,
            decision.allowed ? "" : risk::riskRuleName(decision.rule), decision.message, now));
        if (!decision) {
            notice(TradingNotice::Kind::RiskRejected,
                   "amend " + modify.clientOrderId + ": " +
                       std::string(risk::riskRuleName(decision.rule)) + ": " + decision.message,
                   now, requestTag, modify.clientOrderId, order->instrument, decision.rule);
            return false;
        }
    }
    auto request = m_orders.requestModify(modify, now);
    if (!request) {
        notice(TradingNotice::Kind::CommandError,
               "amend " + modify.clientOrderId + ": " + request.error().message, now, requestTag,
               modify.clientOrderId, modify.instrument);
        return false;
    }
    if (const orders::Order* held = m_orders.find(modify.clientOrderId))
        stageOrder(*held, requestId);
    adapters::IExecutionClient* client = clientFor(request->instrument.venue());
    auto sent = client ? client->modify(*request)
                       : Result<void>(fail(ErrorCode::Unavailable,
                                           "no execution session for venue " +
                                               std::string(request->instrument.venue())));
    if (sent) {
        m_gate.recordSent(request->instrument.venue(), now);
        return true;
    }
    adapters::RequestRejected rejected;
    rejected.kind = adapters::RequestKind::Modify;
    rejected.clientOrderId = modify.clientOrderId;
    rejected.instrument = request->instrument;
    rejected.reason = reasonFor(sent.error());
    rejected.message = sent.error().message;
    rejected.receivedTime = now;
    JournalRecord record = JournalRecord::fromEvent(rejected, now);
    record.origin = std::string(JournalRecord::kOriginEngine);
    const std::int64_t rejectedId = journal(std::move(record));
    notice(TradingNotice::Kind::RequestRejected,
           "amend " + modify.clientOrderId + ": " + rejected.message, now, requestTag,
           modify.clientOrderId, rejected.instrument);
    applyOrderChanges(m_orders.apply(adapters::ExecutionEvent{std::move(rejected)}), rejectedId,
                      now);
    return false;
}

void OrderGateway::onCommand(const PreviewOrder& command, TimestampNs now) {
    const adapters::SubmitOrder& order = command.order;
    OrderPreview preview;
    preview.requestTag = command.requestTag;
    const Instrument* definition = instrument(order.instrument);
    Price price;
    if (hasLimitPrice(order.type))
        price = order.limitPrice;
    else if (order.type == OrderType::Stop)
        price = order.stopPrice;
    else
        price = referencePrice(order.instrument);
    std::string note;
    if (definition && price.isPositive() && order.quantity.isPositive()) {
        if (auto notional = definition->notional(order.quantity, price))
            preview.notional = *notional;
    }
    if (preview.notional) {
        if (const auto fees = feeRates(order.instrument)) {
            // A resting limit adds liquidity; market and stop orders take it.
            const Decimal bps = order.type == OrderType::Limit ? fees->makerBps : fees->takerBps;
            auto rate = bps.multiply(Decimal::fromRaw(1, 4));
            if (rate) {
                auto fee = preview.notional->amount().multiplyRounded(
                    *rate, preview.notional->precision(), RoundingMode::HalfEven);
                if (fee)
                    preview.estimatedFee = Money(*fee, preview.notional->currency());
            }
        }
        Money funds = *preview.notional;
        if (preview.estimatedFee && preview.estimatedFee->amount().isPositive())
            if (auto total = funds.add(*preview.estimatedFee))
                funds = *total;
        preview.requiredFunds = funds;
        for (const auto& [key, account] : m_shownAccounts) {
            if (key.first != order.instrument.venue() || key.second != order.account)
                continue;
            for (const adapters::BalanceReport& balance : account.balances)
                if (balance.currency == funds.currency())
                    note = "; free " + balance.free.toString() + " " +
                           std::string(balance.currency.code());
        }
    } else if (!definition) {
        note = "; no instrument definition for " + order.instrument.toString();
    } else {
        note = "; no price to value the order";
    }
    const risk::RiskDecision decision =
        m_gate.check(order, riskContext(order.instrument, order.account), now);
    preview.allowed = decision.allowed;
    preview.rule = decision.rule;
    preview.message = decision.allowed ? "passes the risk limits" + note : decision.message;
    stage(std::move(preview));
}

void OrderGateway::onCommand(const AmendOrder& command, TimestampNs now) {
    const orders::Order* order = m_orders.find(command.clientOrderId);
    if (!order || !order->isOpen()) {
        notice(TradingNotice::Kind::CommandError,
               "amend: no working order with id '" + command.clientOrderId + "'", now, 0,
               command.clientOrderId);
        return;
    }
    adapters::ModifyOrder modify;
    modify.clientOrderId = order->clientOrderId;
    modify.newClientOrderId = m_ids.next();
    modify.instrument = order->instrument;
    modify.quantity = command.quantity.isZero() ? order->quantity : command.quantity;
    modify.limitPrice = command.limitPrice.isZero() ? order->limitPrice : command.limitPrice;
    modify.stopPrice = command.stopPrice.isZero() ? order->stopPrice : command.stopPrice;
    modifyOrder(modify, originName(order->origin), false, 0, now);
}

void OrderGateway::onCommand(const CancelWorkingOrder& command, TimestampNs now) {
    const orders::Order* order = m_orders.find(command.clientOrderId);
    if (!order || !order->isOpen()) {
        notice(TradingNotice::Kind::CommandError,
               "cancel: no working order with id '" + command.clientOrderId + "'", now, 0,
               command.clientOrderId);
        return;
    }
    cancelOrder(command.clientOrderId, JournalRecord::kOriginUser, now);
}

void OrderGateway::onCommand(const CancelAllWorkingOrders& command, TimestampNs now) {
    std::vector<std::string> ids;
    for (const orders::Order* order : m_orders.openOrders()) {
        if (command.instrument && order->instrument != *command.instrument)
            continue;
        if (order->status == OrderStatus::PendingCancel)
            continue;
        ids.push_back(order->clientOrderId);
    }
    for (const std::string& id : ids)
        cancelOrder(id, JournalRecord::kOriginUser, now);
    notice(TradingNotice::Kind::Info,
           "cancel all" +
               (command.instrument ? " of " + command.instrument->toString() : std::string()) +
               ": " + std::to_string(ids.size()) + " orders",
           now, 0, {}, command.instrument.value_or(adapters::InstrumentKey{}));
}

void OrderGateway::onCommand(const ClosePosition& command, TimestampNs now) {
    const Quantity position = m_positions.quantity(command.account, command.instrument);
    if (position.isZero()) {
        notice(TradingNotice::Kind::CommandError,
               "no position in " + command.instrument.toString() + " for account '" +
                   command.account + "'",
               now, 0, {}, command.instrument);
        return;
    }
    adapters::SubmitOrder order;
    order.instrument = command.instrument;
    order.account = command.account;
    order.side = position.isPositive() ? Side::Sell : Side::Buy;
    order.type = OrderType::Market;
    order.timeInForce = TimeInForce::Gtc;
    if (adapters::IExecutionClient* client = clientFor(command.instrument.venue());
        client && client->capabilities().supports(TimeInForce::Ioc))
        order.timeInForce = TimeInForce::Ioc;
    auto size = position.abs();
    if (size && command.reverse)
        size = size->add(*size);
    if (!size) {
        notice(TradingNotice::Kind::CommandError, "position too large to close in one order", now,
               0, {}, command.instrument);
        return;
    }
    order.quantity = *size;
    orders::OrderOrigin origin = command.origin;
    if (origin.kind == orders::OrderOriginKind::Invalid)
        origin.kind = orders::OrderOriginKind::Ticket; // the blotter's close button
    placeOrder(order, origin, 0, GateMode::Check,
               command.reverse ? "reverse position" : "close position", now);
}

void OrderGateway::onCommand(const TriggerKillSwitch& command, TimestampNs now) {
    const std::string reason = command.reason.empty() ? "user" : command.reason;
    m_gate.killSwitch().trigger(risk::KillSwitchReason::User, reason, now);
    runKillSwitch(command.flatten, JournalRecord::kOriginUser, reason, now);
}

void OrderGateway::runKillSwitch(bool flatten, std::string_view actor, std::string reason,
                                 TimestampNs now) {
    journal(JournalRecord::killSwitch(true, actor, reason, now));
    std::vector<risk::KillSwitchWorkingOrder> working;
    for (const orders::Order* order : m_orders.openOrders())
        if (order->status != OrderStatus::PendingCancel)
            working.push_back(
                risk::KillSwitchWorkingOrder{order->clientOrderId, order->instrument});
    std::vector<adapters::PositionReport> positions;
    if (flatten)
        if (auto all = m_positions.positions())
            for (const orders::Position& p : *all)
                if (!p.quantity.isZero())
                    positions.push_back(adapters::PositionReport{p.account, p.instrument,
                                                                 p.quantity, p.averagePrice, now});
    const risk::KillSwitchActions actions =
        risk::KillSwitch::planActions(working, positions, flatten);
    // Emulated orders die with their venue orders: nothing is sent for them any more.
    m_brackets.clear();
    m_trailing.clear();
    for (const adapters::CancelOrder& cancel : actions.cancels)
        cancelOrder(cancel.clientOrderId, JournalRecord::kOriginRisk, now);
    for (const adapters::SubmitOrder& order : actions.flattenOrders)
        placeOrder(order, orders::OrderOrigin{orders::OrderOriginKind::Emulation, {}, {}}, 0,
                   GateMode::Bypass, "kill switch flatten", now);
    KillSwitchStatus status;
    status.triggered = true;
    if (const auto& trigger = m_gate.killSwitch().lastTrigger()) {
        status.reason = trigger->message;
        status.since = trigger->time;
    } else {
        status.reason = reason;
        status.since = now;
    }
    stage(status);
    notice(TradingNotice::Kind::KillSwitch,
           "kill switch triggered (" + status.reason + "): canceling " +
               std::to_string(actions.cancels.size()) + " orders" +
               (flatten
                    ? ", flattening " + std::to_string(actions.flattenOrders.size()) + " positions"
                    : std::string()) +
               "; new orders are blocked until it is re-armed",
           now);
}

void OrderGateway::onCommand(const RearmKillSwitch& command, TimestampNs now) {
    auto rearmed = m_gate.killSwitch().rearm(command.overrideLossLimit
                                                 ? risk::KillSwitch::RearmMode::OverrideLossLimit
                                                 : risk::KillSwitch::RearmMode::Normal);
    if (!rearmed) {
        RearmRefusal refusal;
        refusal.breaches = m_gate.killSwitch().rearmBlockers();
        if (!refusal.breaches.empty()) {
            refusal.rule = risk::RiskRule::DailyLossLimit;
            refusal.overridable = !command.overrideLossLimit;
        }
        TradingNotice n;
        n.kind = TradingNotice::Kind::KillSwitch;
        n.time = now;
        n.rule = refusal.rule;
        n.message = "re-arm refused: " + rearmed.error().message;
        n.journalId = m_lastJournalId;
        n.rearmRefusal = std::move(refusal);
        stage(std::move(n));
        return;
    }
    const std::string why =
        command.overrideLossLimit ? "re-armed, loss limit overridden" : "re-armed";
    journal(JournalRecord::killSwitch(false, JournalRecord::kOriginUser, why, now));
    stage(KillSwitchStatus{});
    notice(TradingNotice::Kind::KillSwitch, "kill switch " + why + ": trading allowed", now);
}

void OrderGateway::onCommand(const SetRiskLimits& command, TimestampNs now) {
    auto limits = risk::RiskLimits::fromSettings(command.settings);
    if (!limits) {
        notice(TradingNotice::Kind::CommandError, "risk limits: " + limits.error().message, now);
        return;
    }
    auto set = command.account.empty() ? m_gate.setDefaultLimits(*limits)
                                       : m_gate.setLimits(command.account, *limits);
    if (!set) {
        notice(TradingNotice::Kind::CommandError, "risk limits: " + set.error().message, now);
        return;
    }
    auto settings = limits->toSettings();
    std::string text = "risk limits of " +
                       (command.account.empty() ? std::string("every account")
                                                : "account '" + command.account + "'") +
                       ":";
    for (const auto& [key, value] : settings)
        text += " " + key + "=" + value;
    journal(JournalRecord::note(text, JournalRecord::kOriginUser, now));
    m_riskSettings[command.account] = settings;
    stage(RiskLimitsRow{command.account, std::move(settings)});
    notice(TradingNotice::Kind::Info, std::move(text), now);
}

void OrderGateway::onCommand(const AmendBracket& command, TimestampNs now) {
    const std::string& id = command.entryClientOrderId;
    const orders::Order* entry = m_orders.find(id);
    if (!entry || !m_brackets.isEntry(id)) {
        notice(TradingNotice::Kind::CommandError,
               "bracket: order '" + id + "' has no emulated bracket", now, 0, id);
        return;
    }
    const adapters::InstrumentKey instrument = entry->instrument;
    if (auto set = m_brackets.setPrices(id, command.stopLoss, command.takeProfit); !set) {
        notice(TradingNotice::Kind::CommandError, set.error().message, now, 0, id, instrument);
        return;
    }
    std::string text = "bracket of " + id + " moved to";
    text += command.stopLoss.isPositive() ? " SL " + command.stopLoss.toString() : " no SL";
    text += command.takeProfit.isPositive() ? ", TP " + command.takeProfit.toString() : ", no TP";
    journal(JournalRecord::note(text, JournalRecord::kOriginUser, now));
    // Legs already working move to the new price: a modify with the leg's complete values.
    for (const bool stopLoss : {true, false}) {
        const std::string legId = m_brackets.legOrder(id, stopLoss);
        const orders::Order* leg = legId.empty() ? nullptr : m_orders.find(legId);
        if (!leg || !leg->isOpen())
            continue;
        const Price& wanted = stopLoss ? command.stopLoss : command.takeProfit;
        if ((stopLoss ? leg->stopPrice : leg->limitPrice) == wanted)
            continue;
        adapters::ModifyOrder modify;
        modify.clientOrderId = leg->clientOrderId;
        modify.newClientOrderId = m_ids.next();
        modify.instrument = leg->instrument;
        modify.quantity = leg->quantity;
        modify.limitPrice = stopLoss ? leg->limitPrice : wanted;
        modify.stopPrice = stopLoss ? wanted : leg->stopPrice;
        modifyOrder(modify, JournalRecord::kOriginUser, true, 0, now);
    }
    if (const orders::Order* held = m_orders.find(id); held && held->isOpen())
        stageOrder(*held, m_lastJournalId);
    notice(TradingNotice::Kind::Info, std::move(text), now, 0, id, instrument);
}

// ---- emulation -----------------------------------------------------------------------------

void OrderGateway::executeEmulation(std::vector<EmulationAction> actions, TimestampNs now) {
    for (EmulationAction& action : actions) {
        const orders::Order* parent = m_orders.find(action.parentClientOrderId);
        std::uint64_t tag = 0;
        if (auto it = m_requestTags.find(action.parentClientOrderId); it != m_requestTags.end())
            tag = it->second;
        switch (action.kind) {
        case EmulationAction::Kind::Submit: {
            notice(TradingNotice::Kind::Emulation, action.note, now, tag,
                   action.submit.clientOrderId, action.submit.instrument);
            orders::OrderOrigin origin{
                orders::OrderOriginKind::Emulation, {}, action.parentClientOrderId};
            if (parent && parent->origin.kind == orders::OrderOriginKind::Strategy)
                origin.strategyId = parent->origin.strategyId;
            placeOrder(action.submit, origin, 0, GateMode::BypassUnlessKilled, action.note, now);
            break;
        }
        case EmulationAction::Kind::Modify: {
            const orders::Order* order = m_orders.find(action.clientOrderId);
            if (!order || !order->isOpen())
                break;
            notice(TradingNotice::Kind::Emulation, action.note, now, tag, action.clientOrderId,
                   order->instrument);
            adapters::ModifyOrder modify;
            modify.clientOrderId = order->clientOrderId;
            modify.newClientOrderId = m_ids.next();
            modify.instrument = order->instrument;
            modify.quantity = action.quantity.isZero() ? order->quantity : action.quantity;
            modify.limitPrice = order->limitPrice;
            modify.stopPrice = action.stopPrice.isZero() ? order->stopPrice : action.stopPrice;
            modifyOrder(modify, JournalRecord::kOriginEngine, true, 0, now);
            break;
        }
        case EmulationAction::Kind::Cancel: {
            const orders::Order* order = m_orders.find(action.clientOrderId);
            if (!order || !order->isOpen())
                break;
            notice(TradingNotice::Kind::Emulation, action.note, now, tag, action.clientOrderId,
                   order->instrument);
            cancelOrder(action.clientOrderId, JournalRecord::kOriginEngine, now);
            break;
        }
        case EmulationAction::Kind::Invalid:
            break;
        }
    }
}

// ---- events --------------------------------------------------------------------------------

void OrderGateway::onExecutionEvent(const adapters::ExecutionEvent& event, TimestampNs now) {
    rollTradingDay(now);
    JournalRecord record = JournalRecord::fromEvent(event, now);
    if (const auto* fill = std::get_if<adapters::OrderFilled>(&event);
        fill && record.account.empty()) {
        // The fill names its account; a venue that does not is taken at the order's word.
        record.account = fill->account;
        if (record.account.empty())
            if (const orders::Order* order = m_orders.find(fill->clientOrderId))
                record.account = order->account;
    }
    const std::int64_t id = journal(std::move(record));
    std::visit(
        [&](const auto& e) {
            using E = std::decay_t<decltype(e)>;
            if constexpr (std::is_same_v<E, adapters::ExecutionStatusChanged>) {
                ExecutionSessionRow row{e.venue, e.state, e.message, e.time != 0 ? e.time : now};
                stage(row);
                if (e.state == adapters::FeedState::Connected)
                    m_awaitingReconciliation.insert(e.venue);
                notice(TradingNotice::Kind::Info,
                       e.venue + " execution " + std::string(adapters::feedStateName(e.state)) +
                           (e.message.empty() ? std::string() : ": " + e.message),
                       now);
            } else if constexpr (std::is_same_v<E, adapters::ReconciliationReport>) {
                onReconciliation(e, id, now);
            } else if constexpr (std::is_same_v<E, adapters::AccountUpdated>) {
                stage(e.account);
            } else if constexpr (std::is_same_v<E, adapters::PositionUpdated>) {
                // Journaled; our positions come from the fills (the report is reconciled on
                // reconnect).
            } else {
                const std::vector<orders::OrderChange> changes = m_orders.apply(event);
                const bool duplicate =
                    std::any_of(changes.begin(), changes.end(), [](const orders::OrderChange& c) {
                        return c.kind == orders::OrderChangeKind::DuplicateSubmit;
                    });
                if constexpr (std::is_same_v<E, adapters::OrderRejected>) {
                    if (!duplicate)
                        notice(TradingNotice::Kind::VenueRejected,
                               std::string(adapters::rejectReasonName(e.reason)) + ": " + e.message,
                               now, 0, e.clientOrderId, e.instrument);
                } else if constexpr (std::is_same_v<E, adapters::RequestRejected>) {
                    notice(TradingNotice::Kind::RequestRejected,
                           std::string(adapters::rejectReasonName(e.reason)) + ": " + e.message,
                           now, 0, e.clientOrderId, e.instrument);
                } else if constexpr (std::is_same_v<E, adapters::OrderFilled>) {
                    notice(TradingNotice::Kind::Info,
                           "filled " + std::string(sideName(e.side)) + " " + e.quantity.toString() +
                               " " + e.instrument.toString() + " @ " + e.price.toString() + " (" +
                               e.clientOrderId + ")",
                           now, 0, e.clientOrderId, e.instrument);
                } else if constexpr (std::is_same_v<E, adapters::OrderCanceled>) {
                    notice(TradingNotice::Kind::Info,
                           "canceled " + e.clientOrderId +
                               (e.reason.empty() ? std::string() : ": " + e.reason),
                           now, 0, e.clientOrderId, e.instrument);
                } else if constexpr (std::is_same_v<E, adapters::OrderExpired>) {
                    notice(TradingNotice::Kind::Info, "expired " + e.clientOrderId, now, 0,
                           e.clientOrderId, e.instrument);
                }
                applyOrderChanges(changes, id, now);
            }
        },
        event);
}

void OrderGateway::applyOrderChanges(const std::vector<orders::OrderChange>& changes,
                                     std::int64_t journalId, TimestampNs now, bool fillsApplied) {
    std::vector<EmulationAction> actions;
    bool filled = false;
    for (const orders::OrderChange& change : changes) {
        if (change.order) {
            auto emulated = m_brackets.onOrder(*change.order);
            std::move(emulated.begin(), emulated.end(), std::back_inserter(actions));
            m_trailing.onOrder(*change.order);
            stageOrder(*change.order, journalId);
        }
        if (change.kind == orders::OrderChangeKind::UnknownOrder)
            notice(TradingNotice::Kind::Info,
                   "event for unknown order " + change.clientOrderId + " kept for reconciliation",
                   now, 0, change.clientOrderId);
        if (!change.fill)
            continue;
        if (!fillsApplied) {
            auto applied = m_positions.applyFill(change.account, *change.fill);
            if (!applied)
                notice(TradingNotice::Kind::Info,
                       "position of " + change.fill->instrument.toString() +
                           " not updated: " + applied.error().message,
                       now, 0, change.clientOrderId, change.fill->instrument);
        }
        filled = true;
        m_accounts.insert(change.account);
        FillRow row;
        row.fill = *change.fill;
        row.account = change.account;
        if (change.order)
            row.origin = change.order->origin;
        row.journalId = journalId;
        stage(std::move(row));
        if (auto position = m_positions.position(change.account, change.fill->instrument)) {
            journal(JournalRecord::positionChange(change.account, change.fill->instrument,
                                                  position->quantity, position->averagePrice,
                                                  JournalRecord::kOriginEngine, now));
            stage(std::move(*position));
        }
    }
    executeEmulation(std::move(actions), now);
    if (filled)
        checkDailyLoss(now);
}

void OrderGateway::onReconciliation(const adapters::ReconciliationReport& report,
                                    std::int64_t journalId, TimestampNs now) {
    const orders::Reconciler::Outcome outcome = m_reconciler.reconcile(report, now);
    for (const orders::ReconciliationDifference& d : outcome.differences) {
        const std::string action(orders::reconciliationActionName(d.action));
        journal(JournalRecord::reconciliationDifference(
            d.account, d.instrument, d.clientOrderId, orders::differenceKindName(d.kind), d.ours,
            d.theirs, action + (d.message.empty() ? std::string() : ": " + d.message), now));
        std::string text =
            report.venue + " reconciliation: " + std::string(orders::differenceKindName(d.kind));
        if (!d.clientOrderId.empty())
            text += " " + d.clientOrderId;
        else if (!d.instrument.isEmpty())
            text += " " + d.instrument.toString();
        text += " (ours: " + (d.ours.empty() ? std::string("-") : d.ours) +
                ", venue: " + (d.theirs.empty() ? std::string("-") : d.theirs) + ") -> " + action;
        if (!d.message.empty())
            text += ": " + d.message;
        notice(TradingNotice::Kind::Reconciliation, std::move(text), now, 0, d.clientOrderId,
               d.instrument);
        if (d.kind == orders::DifferenceKind::PositionMismatch) {
            const std::string account = d.account;
            m_accounts.insert(account);
            if (auto position = m_positions.position(account, d.instrument)) {
                journal(JournalRecord::positionChange(account, d.instrument, position->quantity,
                                                      position->averagePrice,
                                                      JournalRecord::kOriginVenue, now));
                stage(std::move(*position));
            }
        }
    }
    applyOrderChanges(outcome.orderChanges, std::max(journalId, m_lastJournalId), now, true);
    if (!report.accountState.venue.empty() || !report.accountState.balances.empty()) {
        adapters::AccountReport account = report.accountState;
        if (account.venue.empty())
            account.venue = report.venue;
        stage(std::move(account));
    }
    const bool afterConnect = report.requestId == 0;
    m_awaitingReconciliation.erase(report.venue);
    if (afterConnect && !report.error)
        resendPending(report.venue, now);
}

void OrderGateway::resendPending(std::string_view venue, TimestampNs now) {
    adapters::IExecutionClient* client = clientFor(venue);
    const std::vector<orders::PendingRequest> pending = m_orders.pendingResends(venue);
    if (!client || pending.empty())
        return;
    std::size_t failed = 0;
    for (const orders::PendingRequest& request : pending) {
        std::visit(
            [&](const auto& r) {
                JournalRecord record =
                    JournalRecord::fromRequest(r, JournalRecord::kOriginEngine, now);
                record.message = "resent after reconnect";
                journal(std::move(record));
                using R = std::decay_t<decltype(r)>;
                Result<void> sent;
                if constexpr (std::is_same_v<R, adapters::SubmitOrder>)
                    sent = client->submit(r);
                else if constexpr (std::is_same_v<R, adapters::CancelOrder>)
                    sent = client->cancel(r);
                else
                    sent = client->modify(r);
                if (!sent)
                    ++failed; // still pending: sent again after the next reconnect
            },
            request);
    }
    notice(TradingNotice::Kind::Reconciliation,
           std::string(venue) + ": resent " + std::to_string(pending.size()) +
               " unanswered requests with their client order ids" +
               (failed ? " (" + std::to_string(failed) + " could not be sent)" : std::string()),
           now);
}

// ---- market prices, P&L --------------------------------------------------------------------

void OrderGateway::onMarketPrice(const adapters::InstrumentKey& key, const Price& last,
                                 const Price& bid, const Price& ask, TimestampNs now) {
    rollTradingDay(now);
    MarketPrices& prices = m_prices[key];
    if (last.isPositive())
        prices.last = last;
    if (bid.isPositive())
        prices.bid = bid;
    if (ask.isPositive())
        prices.ask = ask;
    const Price reference = referencePrice(key);
    if (!reference.isPositive())
        return;
    if (last.isPositive() || !prices.last.isPositive()) {
        m_positions.updateMark(key, reference);
        const bool held = std::any_of(m_accounts.begin(), m_accounts.end(), [&](const auto& a) {
            return !m_positions.quantity(a, key).isZero();
        });
        if (held) {
            m_markedInstruments.insert(key);
            checkDailyLoss(now);
        }
    }
    if (m_trailing.size() > 0)
        executeEmulation(m_trailing.onPrice(key, reference), now);
}

Price OrderGateway::referencePrice(const adapters::InstrumentKey& key) const {
    auto it = m_prices.find(key);
    if (it == m_prices.end())
        return Price{};
    const MarketPrices& p = it->second;
    if (p.last.isPositive())
        return p.last;
    if (!p.bid.isPositive() || !p.ask.isPositive())
        return Price{};
    // The mid, exact: one more decimal than the prices.
    auto sum = p.bid.add(p.ask);
    if (!sum)
        return Price{};
    auto mid =
        sum->multipliedBy(Decimal::fromRaw(5, 1), sum->precision() + 1, RoundingMode::HalfEven);
    return mid ? *mid : Price{};
}

std::optional<Money> OrderGateway::dailyPnl(std::string_view account) const {
    const auto& limit = m_gate.limitsFor(account).dailyLossLimit;
    if (!limit)
        return std::nullopt;
    auto totals = m_positions.totals(account);
    if (!totals)
        return std::nullopt;
    for (const auto& t : *totals) {
        if (t.currency != limit->currency())
            continue;
        auto base = m_dayBaseline.find({std::string(account), std::string(t.currency.code())});
        if (base == m_dayBaseline.end())
            return t.totalPnl;
        auto today = t.totalPnl.subtract(base->second);
        return today ? std::optional<Money>(*today) : std::nullopt;
    }
    return std::nullopt;
}

TimestampNs OrderGateway::tradingDayStart(TimestampNs time) const {
    const std::int64_t offset = ((m_config.tradingDayOffsetNs % kNsPerDay) + kNsPerDay) % kNsPerDay;
    const TimestampNs shifted = time - offset;
    TimestampNs day = shifted / kNsPerDay;
    if (shifted % kNsPerDay < 0)
        --day;
    return day * kNsPerDay + offset;
}

void OrderGateway::rollTradingDay(TimestampNs now) {
    const TimestampNs start = tradingDayStart(now);
    if (start <= m_dayStart)
        return;
    const bool first = m_dayStart == 0;
    m_dayStart = start;
    if (first)
        return; // the gateway's first day: its P&L starts at zero (or is restored)
    // A new day: what was realized so far belongs to the days before.
    m_dayBaseline.clear();
    for (const std::string& account : m_accounts) {
        auto totals = m_positions.totals(account);
        if (!totals)
            continue;
        for (const auto& t : *totals)
            m_dayBaseline.insert_or_assign({account, std::string(t.currency.code())},
                                           t.netRealizedPnl);
    }
    notice(TradingNotice::Kind::Info, "new trading day: the daily P&L starts again from zero", now);
    checkDailyLoss(now);
}

Error OrderGateway::restoreFailed(Error error, TimestampNs now) {
    notice(TradingNotice::Kind::Info,
           "today's P&L could not be restored from the journal (" + error.message +
               "); the daily loss limit counts from zero",
           now);
    return error;
}

Result<std::size_t> OrderGateway::restoreTradingDay(journal::JournalReader& reader,
                                                    TimestampNs now) {
    rollTradingDay(now);
    const TimestampNs dayStart = tradingDayStart(now);
    journal::JournalQuery query;
    query.fromNs = dayStart - kNsPerDay; // the venue's "recent fills" reach back 24 h
    query.limit = 0;
    auto recent = reader.fills(query);
    if (!recent)
        return restoreFailed(recent.error(), now);

    struct Replay {
        std::string account;
        adapters::OrderFilled fill;
    };
    std::vector<Replay> today;
    std::set<std::pair<std::string, adapters::InstrumentKey>> touched;
    for (const journal::JournalEntry& entry : *recent) {
        const JournalRecord& r = entry.record;
        auto instrument = adapters::InstrumentKey::parse(r.instrument);
        if (!instrument)
            continue;
        m_orders.markTradeSeen(instrument->venue(), r.tradeId);
        if (r.localTimeNs < dayStart)
            continue;
        adapters::OrderFilled fill;
        fill.clientOrderId = r.clientOrderId;
        fill.instrument = *instrument;
        fill.tradeId = r.tradeId;
        fill.side = r.side == sideName(Side::Buy)    ? Side::Buy
                    : r.side == sideName(Side::Sell) ? Side::Sell
                                                     : Side::Invalid;
        auto quantity = Quantity::parse(r.fillQuantity);
        auto price = Price::parse(r.fillPrice);
        if (!quantity || !price || fill.side == Side::Invalid)
            return restoreFailed(
                Error{ErrorCode::ParseError, "journal fill " + std::to_string(entry.id) +
                                                 " has no side, quantity or price"},
                now);
        fill.quantity = *quantity;
        fill.price = *price;
        if (!r.fee.empty()) {
            auto currency = Currency::parse(r.feeCurrency);
            auto fee = currency ? Money::parse(r.fee, *currency) : Result<Money>(currency.error());
            if (!fee)
                return restoreFailed(
                    Error{ErrorCode::ParseError, "journal fill " + std::to_string(entry.id) +
                                                     ": fee " + fee.error().message},
                    now);
            fill.fee = *fee;
        }
        fill.venueTime = r.venueTimeNs;
        fill.receivedTime = r.localTimeNs;
        fill.account = r.account;
        touched.insert({r.account, *instrument});
        today.push_back(Replay{r.account, std::move(fill)});
    }

    // Each position as it was when the day started: its last change journaled before then.
    for (const auto& [account, instrument] : touched) {
        journal::JournalQuery before;
        before.kind = journal::JournalKind::PositionChange;
        before.instrument = instrument.toString();
        before.toNs = dayStart;
        before.newestFirst = true;
        before.limit = 0;
        auto changes = reader.events(before);
        if (!changes)
            return restoreFailed(changes.error(), now);
        for (const journal::JournalEntry& entry : *changes) {
            if (entry.record.account != account)
                continue;
            auto quantity = Quantity::parse(entry.record.quantity);
            auto average = Price::parse(entry.record.price);
            if (quantity && average && !quantity->isZero())
                (void)m_positions.setPosition(account, instrument, *quantity, *average);
            break;
        }
    }
    std::size_t replayed = 0;
    for (const Replay& r : today) {
        if (!m_positions.applyFill(r.account, r.fill))
            continue;
        ++replayed;
        m_accounts.insert(r.account);
    }
    for (const auto& [account, instrument] : touched)
        stagePosition(account, instrument);
    if (replayed > 0)
        notice(TradingNotice::Kind::Info,
               "restored today's P&L from " + std::to_string(replayed) + " journaled fills", now);
    return replayed;
}

void OrderGateway::checkDailyLoss(TimestampNs now) {
    for (const std::string& account : m_accounts) {
        const auto pnl = dailyPnl(account);
        if (!pnl)
            continue;
        if (!m_gate.onPnlUpdate(account, *pnl, now))
            continue;
        const auto& trigger = m_gate.killSwitch().lastTrigger();
        runKillSwitch(m_gate.killSwitch().flattenOnTrigger(), JournalRecord::kOriginRisk,
                      trigger ? trigger->message : "daily loss limit", now);
        return;
    }
}

risk::RiskContext OrderGateway::riskContext(const adapters::InstrumentKey& key,
                                            std::string_view account) const {
    risk::RiskContext context;
    context.instrument = instrument(key);
    if (auto it = m_prices.find(key); it != m_prices.end()) {
        context.lastPrice = it->second.last;
        context.bidPrice = it->second.bid;
        context.askPrice = it->second.ask;
    }
    context.position = m_positions.quantity(account, key);
    for (const orders::Order* order : m_orders.openOrders()) {
        if (order->account != account)
            continue;
        ++context.openOrdersInAccount;
        if (order->instrument != key)
            continue;
        ++context.openOrdersInInstrument;
        auto open = order->quantity.subtract(order->filledQuantity);
        if (!open || !open->isPositive())
            continue;
        Quantity& side =
            order->side == Side::Buy ? context.workingBuyQuantity : context.workingSellQuantity;
        if (auto total = side.add(*open))
            side = *total;
    }
    context.dailyPnl = dailyPnl(account);
    return context;
}

} // namespace cw::engine
