// SPDX-License-Identifier: MIT
#include "core/journal/JournalRecord.hpp"

#include "core/adapters/RejectReason.hpp"
#include "core/domain/OrderStatus.hpp"
#include "core/domain/OrderType.hpp"
#include "core/domain/Side.hpp"
#include "core/domain/TimeInForce.hpp"

#include <cstdint>
#include <cstdio>
#include <type_traits>
#include <utility>

namespace cw::journal {
namespace {

/// Builds the `details` JSON object: keys in insertion order, every value a JSON string or
/// integer (amounts stay decimal text, as everywhere in the journal).
class DetailsJson {
public:
    DetailsJson& add(std::string_view key, std::string_view value) {
        addKey(key);
        appendString(value);
        return *this;
    }
    DetailsJson& add(std::string_view key, std::int64_t value) {
        addKey(key);
        m_text += std::to_string(value);
        return *this;
    }
    /// Adds a key whose value is raw JSON already (an array or an object).
    DetailsJson& addRaw(std::string_view key, std::string_view json) {
        addKey(key);
        m_text += json;
        return *this;
    }
    /// "{}" when nothing was added.
    std::string take() {
        m_text += m_text.empty() ? "{}" : "}";
        return std::move(m_text);
    }

private:
    void addKey(std::string_view key) {
        m_text += m_text.empty() ? '{' : ',';
        appendString(key);
        m_text += ':';
    }
    void appendString(std::string_view value) {
        m_text += '"';
        for (const char c : value) {
            switch (c) {
            case '"':
                m_text += "\\\"";
                break;
            case '\\':
                m_text += "\\\\";
                break;
            case '\n':
                m_text += "\\n";
                break;
            case '\r':
                m_text += "\\r";
                break;
            case '\t':
                m_text += "\\t";
                break;
            default:
                if (static_cast<unsigned char>(c) < 0x20) {
                    char escaped[8];
                    std::snprintf(escaped, sizeof escaped, "\\u%04x",
                                  static_cast<unsigned>(static_cast<unsigned char>(c)));
                    m_text += escaped;
                } else {
                    m_text += c;
                }
            }
        }
        m_text += '"';
    }

    std::string m_text;
};

std::string_view liquidityName(adapters::Liquidity liquidity) {
    switch (liquidity) {
    case adapters::Liquidity::Maker:
        return "Maker";
    case adapters::Liquidity::Taker:
        return "Taker";
    case adapters::Liquidity::Invalid:
        break;
    }
    return "Invalid";
}

std::string_view requestKindName(adapters::RequestKind kind) {
    switch (kind) {
    case adapters::RequestKind::Cancel:
        return "Cancel";
    case adapters::RequestKind::Modify:
        return "Modify";
    case adapters::RequestKind::CancelAll:
        return "CancelAll";
    case adapters::RequestKind::Invalid:
        break;
    }
    return "Invalid";
}

/// The decimal text of a price or quantity, or "" for zero when zero means "not given".
template <class T>
std::string textUnlessZero(const T& value) {
    return value.isZero() ? std::string() : value.toString();
}

/// Fills one record: kind, action and local time first, then whichever columns the event
/// has, each named once. `details` keys stay in the order they are added; the adapter's
/// receive time (`receivedAt`) always comes last. No details: `details` stays empty.
class RecordBuilder {
public:
    using Field = std::string JournalRecord::*;

    RecordBuilder(JournalKind kind, std::string_view action, TimestampNs localTimeNs) {
        m_record.kind = kind;
        m_record.action = std::string(action);
        m_record.localTimeNs = localTimeNs;
    }

    /// Any text column; an empty value leaves it empty ("not applicable").
    RecordBuilder& set(Field field, std::string_view value) {
        m_record.*field = std::string(value);
        return *this;
    }
    RecordBuilder& set(Field field, std::string&& value) {
        m_record.*field = std::move(value);
        return *this;
    }
    RecordBuilder& set(Field field, const char* value) {
        return set(field, std::string_view(value));
    }
    /// `venue` and `instrument` from the key (nothing for an empty key).
    RecordBuilder& instrument(const adapters::InstrumentKey& key) {
        if (!key.isEmpty()) {
            m_record.venue = std::string(key.venue());
            m_record.instrument = key.toString();
        }
        return *this;
    }
    RecordBuilder& status(OrderStatus status) {
        return set(&JournalRecord::status, orderStatusName(status));
    }
    /// Something the venue said, at the venue's time.
    RecordBuilder& fromVenue(TimestampNs venueTimeNs) {
        m_record.venueTimeNs = venueTimeNs;
        return set(&JournalRecord::origin, JournalRecord::kOriginVenue);
    }
    /// When the adapter received it (0: unknown, not journaled).
    RecordBuilder& receivedAt(TimestampNs receivedTimeNs) {
        m_receivedTimeNs = receivedTimeNs;
        return *this;
    }
    RecordBuilder& detail(std::string_view key, std::string_view value) {
        m_details.add(key, value);
        m_hasDetails = true;
        return *this;
    }
    RecordBuilder& detail(std::string_view key, std::int64_t value) {
        m_details.add(key, value);
        m_hasDetails = true;
        return *this;
    }
    /// A value that is JSON already (an array or an object).
    RecordBuilder& rawDetail(std::string_view key, std::string_view json) {
        m_details.addRaw(key, json);
        m_hasDetails = true;
        return *this;
    }
    JournalRecord take() {
        if (m_receivedTimeNs != 0)
            detail("receivedTimeNs", m_receivedTimeNs);
        if (m_hasDetails)
            m_record.details = m_details.take();
        return std::move(m_record);
    }

private:
    JournalRecord m_record;
    DetailsJson m_details;
    bool m_hasDetails = false;
    TimestampNs m_receivedTimeNs = 0;
};

/// An order event from the venue: each names the order, its instrument, the venue's time and
/// the adapter's receive time.
template <class Event>
RecordBuilder venueOrderEvent(JournalKind kind, std::string_view action, const Event& event,
                              TimestampNs localTimeNs) {
    RecordBuilder builder(kind, action, localTimeNs);
    builder.instrument(event.instrument)
        .set(&JournalRecord::clientOrderId, event.clientOrderId)
        .fromVenue(event.venueTime)
        .receivedAt(event.receivedTime);
    return builder;
}

/// An order request we send: the instrument, the order and who sent it.
RecordBuilder orderRequest(std::string_view action, const adapters::InstrumentKey& instrument,
                           std::string_view clientOrderId, std::string_view origin,
                           TimestampNs localTimeNs) {
    RecordBuilder builder(JournalKind::OrderRequest, action, localTimeNs);
    builder.instrument(instrument)
        .set(&JournalRecord::clientOrderId, clientOrderId)
        .set(&JournalRecord::origin, origin);
    return builder;
}

std::string balancesJson(const std::vector<adapters::BalanceReport>& balances) {
    std::string json = "[";
    for (const auto& balance : balances) {
        if (json.size() > 1)
            json += ',';
        json += DetailsJson()
                    .add("currency", balance.currency.code())
                    .add("total", balance.total.toString())
                    .add("free", balance.free.toString())
                    .add("locked", balance.locked.toString())
                    .take();
    }
    return json + "]";
}

std::string accountJson(const adapters::AccountReport& account) {
    return DetailsJson()
        .add("baseCurrency", account.baseCurrency.code())
        .add("equity", account.equity.toString())
        .add("marginUsed", account.marginUsed.toString())
        .add("marginAvailable", account.marginAvailable.toString())
        .addRaw("balances", balancesJson(account.balances))
        .take();
}

std::string positionJson(const adapters::PositionReport& position) {
    return DetailsJson()
        .add("account", position.account)
        .add("instrument", position.instrument.toString())
        .add("quantity", position.quantity.toString())
        .add("averagePrice", position.averagePrice.toString())
        .add("venueTimeNs", position.venueTime)
        .take();
}

std::string orderJson(const adapters::OrderReport& order) {
    return DetailsJson()
        .add("clientOrderId", order.clientOrderId)
        .add("venueOrderId", order.venueOrderId)
        .add("instrument", order.instrument.toString())
        .add("side", sideName(order.side))
        .add("type", orderTypeName(order.type))
        .add("timeInForce", timeInForceName(order.timeInForce))
        .add("quantity", order.quantity.toString())
        .add("filledQuantity", order.filledQuantity.toString())
        .add("limitPrice", order.limitPrice.toString())
        .add("stopPrice", order.stopPrice.toString())
        .add("status", orderStatusName(order.status))
        .add("createdTimeNs", order.createdTime)
        .take();
}

template <class T, class F>
std::string arrayJson(const std::vector<T>& items, F&& toJson) {
    std::string json = "[";
    for (const auto& item : items) {
        if (json.size() > 1)
            json += ',';
        json += toJson(item);
    }
    return json + "]";
}

} // namespace

std::string JournalRecord::strategyOrigin(std::string_view strategyId) {
    return "strategy:" + std::string(strategyId);
}

// ---- requests ------------------------------------------------------------------------------

JournalRecord JournalRecord::fromRequest(const adapters::SubmitOrder& request,
                                         std::string_view origin, TimestampNs localTimeNs) {
    // A price the order type uses is journaled even when zero; one it does not use only when
    // it was (wrongly) given.
    const bool limit = hasLimitPrice(request.type) || !request.limitPrice.isZero();
    const bool stop = hasStopPrice(request.type) || !request.stopPrice.isZero();
    return orderRequest("SubmitOrder", request.instrument, request.clientOrderId, origin,
                        localTimeNs)
        .set(&JournalRecord::account, request.account)
        .set(&JournalRecord::side, sideName(request.side))
        .set(&JournalRecord::orderType, orderTypeName(request.type))
        .set(&JournalRecord::timeInForce, timeInForceName(request.timeInForce))
        .set(&JournalRecord::quantity, request.quantity.toString())
        .set(&JournalRecord::price, limit ? request.limitPrice.toString() : std::string())
        .set(&JournalRecord::stopPrice, stop ? request.stopPrice.toString() : std::string())
        .status(OrderStatus::PendingNew)
        .take();
}

JournalRecord JournalRecord::fromRequest(const adapters::ModifyOrder& request,
                                         std::string_view origin, TimestampNs localTimeNs) {
    return orderRequest("ModifyOrder", request.instrument, request.clientOrderId, origin,
                        localTimeNs)
        .set(&JournalRecord::linkedOrderId, request.newClientOrderId)
        .set(&JournalRecord::quantity, request.quantity.toString())
        .set(&JournalRecord::price, textUnlessZero(request.limitPrice))
        .set(&JournalRecord::stopPrice, textUnlessZero(request.stopPrice))
        .status(OrderStatus::PendingReplace)
        .take();
}

JournalRecord JournalRecord::fromRequest(const adapters::CancelOrder& request,
                                         std::string_view origin, TimestampNs localTimeNs) {
    return orderRequest("CancelOrder", request.instrument, request.clientOrderId, origin,
                        localTimeNs)
        .status(OrderStatus::PendingCancel)
        .take();
}

JournalRecord JournalRecord::fromRequest(const adapters::CancelAllOrders& request,
                                         std::string_view origin, TimestampNs localTimeNs) {
    const adapters::InstrumentKey instrument =
        request.instrument.value_or(adapters::InstrumentKey());
    return orderRequest("CancelAllOrders", instrument, {}, origin, localTimeNs)
        .set(&JournalRecord::account, request.account)
        .set(&JournalRecord::message, request.instrument
                                          ? "cancel all orders of " + instrument.toString()
                                          : std::string("cancel all orders of all instruments"))
        .take();
}

JournalRecord JournalRecord::fromRequest(const adapters::RequestReconciliation& request,
                                         std::string_view origin, TimestampNs localTimeNs) {
    return RecordBuilder(JournalKind::Reconciliation, "RequestReconciliation", localTimeNs)
        .set(&JournalRecord::account, request.account)
        .set(&JournalRecord::origin, origin)
        .detail("requestId", static_cast<std::int64_t>(request.requestId))
        .take();
}

// ---- venue events --------------------------------------------------------------------------

JournalRecord JournalRecord::fromEvent(const adapters::ExecutionStatusChanged& event,
                                       TimestampNs localTimeNs) {
    RecordBuilder builder(JournalKind::Connection, "ExecutionStatusChanged", localTimeNs);
    builder.set(&JournalRecord::venue, event.venue)
        .set(&JournalRecord::origin, kOriginVenue)
        .set(&JournalRecord::status, adapters::feedStateName(event.state))
        .set(&JournalRecord::message, event.message);
    if (event.time != 0)
        builder.detail("timeNs", event.time);
    return builder.take();
}

JournalRecord JournalRecord::fromEvent(const adapters::OrderAccepted& event,
                                       TimestampNs localTimeNs) {
    return venueOrderEvent(JournalKind::OrderEvent, "OrderAccepted", event, localTimeNs)
        .set(&JournalRecord::venueOrderId, event.venueOrderId)
        .status(OrderStatus::New)
        .take();
}

JournalRecord JournalRecord::fromEvent(const adapters::OrderRejected& event,
                                       TimestampNs localTimeNs) {
    return venueOrderEvent(JournalKind::OrderEvent, "OrderRejected", event, localTimeNs)
        .status(OrderStatus::Rejected)
        .set(&JournalRecord::reason, adapters::rejectReasonName(event.reason))
        .set(&JournalRecord::message, event.message)
        .take();
}

JournalRecord JournalRecord::fromEvent(const adapters::OrderTriggered& event,
                                       TimestampNs localTimeNs) {
    return venueOrderEvent(JournalKind::OrderEvent, "OrderTriggered", event, localTimeNs).take();
}

JournalRecord JournalRecord::fromEvent(const adapters::OrderFilled& event,
                                       TimestampNs localTimeNs) {
    return venueOrderEvent(JournalKind::Fill, "OrderFilled", event, localTimeNs)
        .set(&JournalRecord::account, event.account)
        .set(&JournalRecord::venueOrderId, event.venueOrderId)
        .set(&JournalRecord::side, sideName(event.side))
        .set(&JournalRecord::quantity, event.cumulativeQuantity.toString())
        .set(&JournalRecord::fillQuantity, event.quantity.toString())
        .set(&JournalRecord::fillPrice, event.price.toString())
        .set(&JournalRecord::fee, event.fee.toString())
        .set(&JournalRecord::feeCurrency, event.fee.currency().code())
        .set(&JournalRecord::tradeId, event.tradeId)
        .status(event.leavesQuantity.isZero() ? OrderStatus::Filled : OrderStatus::PartiallyFilled)
        .detail("liquidity", liquidityName(event.liquidity))
        .detail("leavesQuantity", event.leavesQuantity.toString())
        .take();
}

JournalRecord JournalRecord::fromEvent(const adapters::OrderCanceled& event,
                                       TimestampNs localTimeNs) {
    return venueOrderEvent(JournalKind::OrderEvent, "OrderCanceled", event, localTimeNs)
        .status(OrderStatus::Canceled)
        .set(&JournalRecord::reason, event.reason)
        .take();
}

JournalRecord JournalRecord::fromEvent(const adapters::OrderExpired& event,
                                       TimestampNs localTimeNs) {
    return venueOrderEvent(JournalKind::OrderEvent, "OrderExpired", event, localTimeNs)
        .status(OrderStatus::Expired)
        .take();
}

JournalRecord JournalRecord::fromEvent(const adapters::OrderReplaced& event,
                                       TimestampNs localTimeNs) {
    return venueOrderEvent(JournalKind::OrderEvent, "OrderReplaced", event, localTimeNs)
        .set(&JournalRecord::venueOrderId, event.venueOrderId)
        .set(&JournalRecord::linkedOrderId, event.newClientOrderId)
        .set(&JournalRecord::quantity, event.quantity.toString())
        .set(&JournalRecord::price, textUnlessZero(event.limitPrice))
        .set(&JournalRecord::stopPrice, textUnlessZero(event.stopPrice))
        .status(OrderStatus::Replaced)
        .take();
}

JournalRecord JournalRecord::fromEvent(const adapters::RequestRejected& event,
                                       TimestampNs localTimeNs) {
    return venueOrderEvent(JournalKind::OrderEvent, "RequestRejected", event, localTimeNs)
        .set(&JournalRecord::reason, adapters::rejectReasonName(event.reason))
        .set(&JournalRecord::message, event.message)
        .detail("request", requestKindName(event.kind))
        .take();
}

JournalRecord JournalRecord::fromEvent(const adapters::AccountUpdated& event,
                                       TimestampNs localTimeNs) {
    const adapters::AccountReport& account = event.account;
    return RecordBuilder(JournalKind::AccountChange, "AccountUpdated", localTimeNs)
        .set(&JournalRecord::venue, account.venue)
        .set(&JournalRecord::account, account.account)
        .fromVenue(account.venueTime)
        .set(&JournalRecord::message, "equity " + account.equity.toDisplayString())
        .set(&JournalRecord::details, accountJson(account))
        .take();
}

JournalRecord JournalRecord::fromEvent(const adapters::PositionUpdated& event,
                                       TimestampNs localTimeNs) {
    const adapters::PositionReport& position = event.position;
    return RecordBuilder(JournalKind::PositionChange, "PositionUpdated", localTimeNs)
        .instrument(position.instrument)
        .set(&JournalRecord::account, position.account)
        .fromVenue(position.venueTime)
        .set(&JournalRecord::quantity, position.quantity.toString())
        .set(&JournalRecord::price, position.averagePrice.toString())
        .take();
}

JournalRecord JournalRecord::fromEvent(const adapters::ReconciliationReport& event,
                                       TimestampNs localTimeNs) {
    const std::string summary =
        event.error ? event.error->toString()
                    : std::to_string(event.openOrders.size()) + " open orders, " +
                          std::to_string(event.positions.size()) + " positions, " +
                          std::to_string(event.recentFills.size()) + " recent fills";
    return RecordBuilder(JournalKind::Reconciliation, "ReconciliationReport", localTimeNs)
        .set(&JournalRecord::venue, event.venue)
        .set(&JournalRecord::account, event.account)
        .fromVenue(event.venueTime)
        .set(&JournalRecord::status, event.error ? "Failed" : "Received")
        .set(&JournalRecord::message, summary)
        .detail("requestId", static_cast<std::int64_t>(event.requestId))
        .rawDetail("openOrders", arrayJson(event.openOrders, orderJson))
        .rawDetail("positions", arrayJson(event.positions, positionJson))
        .detail("recentFills", static_cast<std::int64_t>(event.recentFills.size()))
        .rawDetail("account", accountJson(event.accountState))
        .take();
}

JournalRecord JournalRecord::fromEvent(const adapters::ExecutionEvent& event,
                                       TimestampNs localTimeNs) {
    return std::visit(
        [localTimeNs](const auto& alternative) { return fromEvent(alternative, localTimeNs); },
        event);
}

// ---- the engine's own records --------------------------------------------------------------

JournalRecord JournalRecord::riskDecision(const adapters::SubmitOrder& request, bool passed,
                                          std::string_view rule, std::string_view message,
                                          TimestampNs localTimeNs) {
    JournalRecord record = fromRequest(request, kOriginRisk, localTimeNs);
    record.kind = JournalKind::RiskDecision;
    record.action = "RiskCheck";
    record.status = passed ? "Passed" : "Refused";
    record.reason = std::string(rule);
    record.message = std::string(message);
    return record;
}

JournalRecord JournalRecord::killSwitch(bool engaged, std::string_view actor,
                                        std::string_view reason, TimestampNs localTimeNs) {
    return RecordBuilder(JournalKind::KillSwitch,
                         engaged ? "KillSwitchEngaged" : "KillSwitchReleased", localTimeNs)
        .set(&JournalRecord::origin, actor)
        .set(&JournalRecord::status, engaged ? "Engaged" : "Released")
        .set(&JournalRecord::reason, reason)
        .take();
}

JournalRecord JournalRecord::reconciliationDifference(
    std::string_view account, const adapters::InstrumentKey& instrument,
    std::string_view clientOrderId, std::string_view what, std::string_view ours,
    std::string_view venues, std::string_view message, TimestampNs localTimeNs) {
    return RecordBuilder(JournalKind::Reconciliation, "ReconciliationDifference", localTimeNs)
        .instrument(instrument)
        .set(&JournalRecord::account, account)
        .set(&JournalRecord::clientOrderId, clientOrderId)
        .set(&JournalRecord::origin, kOriginEngine)
        .set(&JournalRecord::reason, what)
        .set(&JournalRecord::message, message)
        .detail("ours", ours)
        .detail("venue", venues)
        .take();
}

JournalRecord JournalRecord::positionChange(std::string_view account,
                                            const adapters::InstrumentKey& instrument,
                                            const Quantity& quantity, const Price& averagePrice,
                                            std::string_view origin, TimestampNs localTimeNs) {
    return RecordBuilder(JournalKind::PositionChange, "PositionChanged", localTimeNs)
        .instrument(instrument)
        .set(&JournalRecord::account, account)
        .set(&JournalRecord::origin, origin)
        .set(&JournalRecord::quantity, quantity.toString())
        .set(&JournalRecord::price, averagePrice.toString())
        .take();
}

JournalRecord JournalRecord::note(std::string_view text, std::string_view actor,
                                  TimestampNs localTimeNs) {
    return RecordBuilder(JournalKind::Note, "Note", localTimeNs)
        .set(&JournalRecord::origin, actor)
        .set(&JournalRecord::message, text)
        .take();
}

} // namespace cw::journal
