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

JournalRecord base(JournalKind kind, std::string_view action, TimestampNs localTimeNs) {
    JournalRecord record;
    record.kind = kind;
    record.action = std::string(action);
    record.localTimeNs = localTimeNs;
    return record;
}

void setInstrument(JournalRecord& record, const adapters::InstrumentKey& instrument) {
    if (instrument.isEmpty())
        return;
    record.venue = std::string(instrument.venue());
    record.instrument = instrument.toString();
}

JournalRecord venueEvent(JournalKind kind, std::string_view action,
                         const adapters::InstrumentKey& instrument,
                         const std::string& clientOrderId, TimestampNs venueTimeNs,
                         TimestampNs receivedTimeNs, TimestampNs localTimeNs) {
    JournalRecord record = base(kind, action, localTimeNs);
    setInstrument(record, instrument);
    record.clientOrderId = clientOrderId;
    record.venueTimeNs = venueTimeNs;
    record.origin = std::string(JournalRecord::kOriginVenue);
    if (receivedTimeNs != 0)
        record.details = DetailsJson().add("receivedTimeNs", receivedTimeNs).take();
    return record;
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

JournalRecord JournalRecord::fromRequest(const adapters::SubmitOrder& request,
                                         std::string_view origin, TimestampNs localTimeNs) {
    JournalRecord record = base(JournalKind::OrderRequest, "SubmitOrder", localTimeNs);
    setInstrument(record, request.instrument);
    record.account = request.account;
    record.clientOrderId = request.clientOrderId;
    record.origin = std::string(origin);
    record.side = std::string(sideName(request.side));
    record.orderType = std::string(orderTypeName(request.type));
    record.timeInForce = std::string(timeInForceName(request.timeInForce));
    record.quantity = request.quantity.toString();
    if (hasLimitPrice(request.type) || !request.limitPrice.isZero())
        record.price = request.limitPrice.toString();
    if (hasStopPrice(request.type) || !request.stopPrice.isZero())
        record.stopPrice = request.stopPrice.toString();
    record.status = std::string(orderStatusName(OrderStatus::PendingNew));
    return record;
}

JournalRecord JournalRecord::fromRequest(const adapters::ModifyOrder& request,
                                         std::string_view origin, TimestampNs localTimeNs) {
    JournalRecord record = base(JournalKind::OrderRequest, "ModifyOrder", localTimeNs);
    setInstrument(record, request.instrument);
    record.clientOrderId = request.clientOrderId;
    record.linkedOrderId = request.newClientOrderId;
    record.origin = std::string(origin);
    record.quantity = request.quantity.toString();
    record.price = textUnlessZero(request.limitPrice);
    record.stopPrice = textUnlessZero(request.stopPrice);
    record.status = std::string(orderStatusName(OrderStatus::PendingReplace));
    return record;
}

JournalRecord JournalRecord::fromRequest(const adapters::CancelOrder& request,
                                         std::string_view origin, TimestampNs localTimeNs) {
    JournalRecord record = base(JournalKind::OrderRequest, "CancelOrder", localTimeNs);
    setInstrument(record, request.instrument);
    record.clientOrderId = request.clientOrderId;
    record.origin = std::string(origin);
    record.status = std::string(orderStatusName(OrderStatus::PendingCancel));
    return record;
}

JournalRecord JournalRecord::fromRequest(const adapters::CancelAllOrders& request,
                                         std::string_view origin, TimestampNs localTimeNs) {
    JournalRecord record = base(JournalKind::OrderRequest, "CancelAllOrders", localTimeNs);
    if (request.instrument)
        setInstrument(record, *request.instrument);
    record.account = request.account;
    record.origin = std::string(origin);
    record.message = request.instrument ? "cancel all orders of " + record.instrument
                                        : std::string("cancel all orders of all instruments");
    return record;
}

JournalRecord JournalRecord::fromRequest(const adapters::RequestReconciliation& request,
                                         std::string_view origin, TimestampNs localTimeNs) {
    JournalRecord record = base(JournalKind::Reconciliation, "RequestReconciliation", localTimeNs);
    record.account = request.account;
    record.origin = std::string(origin);
    record.details =
        DetailsJson().add("requestId", static_cast<std::int64_t>(request.requestId)).take();
    return record;
}

JournalRecord JournalRecord::fromEvent(const adapters::ExecutionStatusChanged& event,
                                       TimestampNs localTimeNs) {
    JournalRecord record = base(JournalKind::Connection, "ExecutionStatusChanged", localTimeNs);
    record.venue = event.venue;
    record.origin = std::string(kOriginVenue);
    record.status = std::string(adapters::feedStateName(event.state));
    record.message = event.message;
    if (event.time != 0)
        record.details = DetailsJson().add("timeNs", event.time).take();
    return record;
}

JournalRecord JournalRecord::fromEvent(const adapters::OrderAccepted& event,
                                       TimestampNs localTimeNs) {
    JournalRecord record =
        venueEvent(JournalKind::OrderEvent, "OrderAccepted", event.instrument, event.clientOrderId,
                   event.venueTime, event.receivedTime, localTimeNs);
    record.venueOrderId = event.venueOrderId;
    record.status = std::string(orderStatusName(OrderStatus::New));
    return record;
}

JournalRecord JournalRecord::fromEvent(const adapters::OrderRejected& event,
                                       TimestampNs localTimeNs) {
    JournalRecord record =
        venueEvent(JournalKind::OrderEvent, "OrderRejected", event.instrument, event.clientOrderId,
                   event.venueTime, event.receivedTime, localTimeNs);
    record.status = std::string(orderStatusName(OrderStatus::Rejected));
    record.reason = std::string(adapters::rejectReasonName(event.reason));
    record.message = event.message;
    return record;
}

JournalRecord JournalRecord::fromEvent(const adapters::OrderTriggered& event,
                                       TimestampNs localTimeNs) {
    return venueEvent(JournalKind::OrderEvent, "OrderTriggered", event.instrument,
                      event.clientOrderId, event.venueTime, event.receivedTime, localTimeNs);
}

JournalRecord JournalRecord::fromEvent(const adapters::OrderFilled& event,
                                       TimestampNs localTimeNs) {
    JournalRecord record = base(JournalKind::Fill, "OrderFilled", localTimeNs);
    setInstrument(record, event.instrument);
    record.clientOrderId = event.clientOrderId;
    record.venueOrderId = event.venueOrderId;
    record.venueTimeNs = event.venueTime;
    record.origin = std::string(kOriginVenue);
    record.side = std::string(sideName(event.side));
    record.quantity = event.cumulativeQuantity.toString();
    record.fillQuantity = event.quantity.toString();
    record.fillPrice = event.price.toString();
    record.fee = event.fee.toString();
    record.feeCurrency = std::string(event.fee.currency().code());
    record.tradeId = event.tradeId;
    record.status = std::string(orderStatusName(
        event.leavesQuantity.isZero() ? OrderStatus::Filled : OrderStatus::PartiallyFilled));
    DetailsJson details;
    details.add("liquidity", liquidityName(event.liquidity))
        .add("leavesQuantity", event.leavesQuantity.toString());
    if (event.receivedTime != 0)
        details.add("receivedTimeNs", event.receivedTime);
    record.details = details.take();
    return record;
}

JournalRecord JournalRecord::fromEvent(const adapters::OrderCanceled& event,
                                       TimestampNs localTimeNs) {
    JournalRecord record =
        venueEvent(JournalKind::OrderEvent, "OrderCanceled", event.instrument, event.clientOrderId,
                   event.venueTime, event.receivedTime, localTimeNs);
    record.status = std::string(orderStatusName(OrderStatus::Canceled));
    record.reason = event.reason;
    return record;
}

JournalRecord JournalRecord::fromEvent(const adapters::OrderExpired& event,
                                       TimestampNs localTimeNs) {
    JournalRecord record =
        venueEvent(JournalKind::OrderEvent, "OrderExpired", event.instrument, event.clientOrderId,
                   event.venueTime, event.receivedTime, localTimeNs);
    record.status = std::string(orderStatusName(OrderStatus::Expired));
    return record;
}

JournalRecord JournalRecord::fromEvent(const adapters::OrderReplaced& event,
                                       TimestampNs localTimeNs) {
    JournalRecord record =
        venueEvent(JournalKind::OrderEvent, "OrderReplaced", event.instrument, event.clientOrderId,
                   event.venueTime, event.receivedTime, localTimeNs);
    record.venueOrderId = event.venueOrderId;
    record.linkedOrderId = event.newClientOrderId;
    record.quantity = event.quantity.toString();
    record.price = textUnlessZero(event.limitPrice);
    record.stopPrice = textUnlessZero(event.stopPrice);
    record.status = std::string(orderStatusName(OrderStatus::Replaced));
    return record;
}

JournalRecord JournalRecord::fromEvent(const adapters::RequestRejected& event,
                                       TimestampNs localTimeNs) {
    JournalRecord record =
        venueEvent(JournalKind::OrderEvent, "RequestRejected", event.instrument,
                   event.clientOrderId, event.venueTime, event.receivedTime, localTimeNs);
    record.reason = std::string(adapters::rejectReasonName(event.reason));
    record.message = event.message;
    DetailsJson details;
    details.add("request", requestKindName(event.kind));
    if (event.receivedTime != 0)
        details.add("receivedTimeNs", event.receivedTime);
    record.details = details.take();
    return record;
}

JournalRecord JournalRecord::fromEvent(const adapters::AccountUpdated& event,
                                       TimestampNs localTimeNs) {
    const adapters::AccountReport& account = event.account;
    JournalRecord record = base(JournalKind::AccountChange, "AccountUpdated", localTimeNs);
    record.venue = account.venue;
    record.account = account.account;
    record.venueTimeNs = account.venueTime;
    record.origin = std::string(kOriginVenue);
    record.message = "equity " + account.equity.toDisplayString();
    record.details = accountJson(account);
    return record;
}

JournalRecord JournalRecord::fromEvent(const adapters::PositionUpdated& event,
                                       TimestampNs localTimeNs) {
    const adapters::PositionReport& position = event.position;
    JournalRecord record = base(JournalKind::PositionChange, "PositionUpdated", localTimeNs);
    setInstrument(record, position.instrument);
    record.account = position.account;
    record.venueTimeNs = position.venueTime;
    record.origin = std::string(kOriginVenue);
    record.quantity = position.quantity.toString();
    record.price = position.averagePrice.toString();
    return record;
}

JournalRecord JournalRecord::fromEvent(const adapters::ReconciliationReport& event,
                                       TimestampNs localTimeNs) {
    JournalRecord record = base(JournalKind::Reconciliation, "ReconciliationReport", localTimeNs);
    record.venue = event.venue;
    record.account = event.account;
    record.venueTimeNs = event.venueTime;
    record.origin = std::string(kOriginVenue);
    if (event.error) {
        record.status = "Failed";
        record.message = event.error->toString();
    } else {
        record.status = "Received";
        record.message = std::to_string(event.openOrders.size()) + " open orders, " +
                         std::to_string(event.positions.size()) + " positions, " +
                         std::to_string(event.recentFills.size()) + " recent fills";
    }
    record.details = DetailsJson()
                         .add("requestId", static_cast<std::int64_t>(event.requestId))
                         .addRaw("openOrders", arrayJson(event.openOrders, orderJson))
                         .addRaw("positions", arrayJson(event.positions, positionJson))
                         .add("recentFills", static_cast<std::int64_t>(event.recentFills.size()))
                         .addRaw("account", accountJson(event.accountState))
                         .take();
    return record;
}

JournalRecord JournalRecord::fromEvent(const adapters::ExecutionEvent& event,
                                       TimestampNs localTimeNs) {
    return std::visit(
        [localTimeNs](const auto& alternative) { return fromEvent(alternative, localTimeNs); },
        event);
}

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
    JournalRecord record = base(JournalKind::KillSwitch,
                                engaged ? "KillSwitchEngaged" : "KillSwitchReleased", localTimeNs);
    record.origin = std::string(actor);
    record.status = engaged ? "Engaged" : "Released";
    record.reason = std::string(reason);
    return record;
}

JournalRecord JournalRecord::reconciliationDifference(
    std::string_view account, const adapters::InstrumentKey& instrument,
    std::string_view clientOrderId, std::string_view what, std::string_view ours,
    std::string_view venues, std::string_view message, TimestampNs localTimeNs) {
    JournalRecord record =
        base(JournalKind::Reconciliation, "ReconciliationDifference", localTimeNs);
    setInstrument(record, instrument);
    record.account = std::string(account);
    record.clientOrderId = std::string(clientOrderId);
    record.origin = std::string(kOriginEngine);
    record.reason = std::string(what);
    record.message = std::string(message);
    record.details = DetailsJson().add("ours", ours).add("venue", venues).take();
    return record;
}

JournalRecord JournalRecord::positionChange(std::string_view account,
                                            const adapters::InstrumentKey& instrument,
                                            const Quantity& quantity, const Price& averagePrice,
                                            std::string_view origin, TimestampNs localTimeNs) {
    JournalRecord record = base(JournalKind::PositionChange, "PositionChanged", localTimeNs);
    setInstrument(record, instrument);
    record.account = std::string(account);
    record.origin = std::string(origin);
    record.quantity = quantity.toString();
    record.price = averagePrice.toString();
    return record;
}

JournalRecord JournalRecord::note(std::string_view text, std::string_view actor,
                                  TimestampNs localTimeNs) {
    JournalRecord record = base(JournalKind::Note, "Note", localTimeNs);
    record.origin = std::string(actor);
    record.message = std::string(text);
    return record;
}

} // namespace cw::journal
