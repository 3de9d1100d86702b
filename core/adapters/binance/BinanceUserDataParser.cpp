// SPDX-License-Identifier: MIT
#include "core/adapters/binance/BinanceUserDataParser.hpp"

#include "core/adapters/binance/BinanceEnums.hpp"
#include "core/adapters/binance/BinanceJsonReader.hpp"

namespace cw::adapters::binance {

namespace {

namespace od = simdjson::ondemand;
using Kind = BinanceParseErrorKind;

RejectReason rejectReasonOf(std::string_view r) {
    if (r == "INSUFFICIENT_BALANCES")
        return RejectReason::InsufficientBalance;
    if (r == "STOP_PRICE_WOULD_TRIGGER_IMMEDIATELY" || r == "WOULD_MATCH_IMMEDIATELY" ||
        r == "OCO_BAD_PRICES")
        return RejectReason::InvalidPrice;
    return RejectReason::Other;
}

// Built field by field, so fields added to the events later keep their defaults.
OrderCanceled canceled(std::string clientOrderId, const InstrumentKey& key, std::string reason,
                       TimestampNs venueTime, TimestampNs receivedTime) {
    OrderCanceled event;
    event.clientOrderId = std::move(clientOrderId);
    event.instrument = key;
    event.reason = std::move(reason);
    event.venueTime = venueTime;
    event.receivedTime = receivedTime;
    return event;
}

} // namespace

struct BinanceUserDataParser::Impl {
    Impl(const BinanceSymbolTable& table, Options options)
        : symbols(table), reader(options.microsecondTimestamps) {}

    const BinanceSymbolTable& symbols;
    BinanceJsonReader reader;
    BinanceParseStats stats;
    BinanceParseErrorKind lastKind = BinanceParseErrorKind::Invalid;

    bool event(od::object& o, TimestampNs receivedTime, BinanceUserDataEvent& out);
    bool executionReport(od::object& o, TimestampNs receivedTime, BinanceUserDataEvent& out);
    bool accountPosition(od::object& o, BinanceUserDataEvent& out);
    bool balanceUpdate(od::object& o, BinanceUserDataEvent& out);
    bool wrapped(od::object& root, TimestampNs receivedTime, BinanceUserDataMessage& out);
    bool reply(od::object& root, BinanceWsApiResponse& out);

    template <class T, class Body>
    Result<T> run(std::string_view bytes, Body&& body) {
        T out{};
        od::document doc;
        const bool ok = reader.begin(bytes, doc, "userData") && body(doc, out);
        if (!ok || !reader.finish(doc)) {
            lastKind = reader.errorKind();
            return reader.takeError(stats);
        }
        lastKind = BinanceParseErrorKind::Invalid;
        stats.recordParsed();
        return out;
    }
};

bool BinanceUserDataParser::Impl::executionReport(od::object& o, TimestampNs receivedTime,
                                                  BinanceUserDataEvent& out) {
    std::string_view symbol, clientId, origClientId, side, type, tif, execType, status, reason;
    if (!reader.stringField(o, "s", symbol))
        return false;
    const BinanceSymbolInfo* info = symbols.find(symbol);
    if (info == nullptr)
        return reader.fail(Kind::UnknownSymbol, "s",
                           "symbol '" + std::string(symbol) + "' is not known");
    const int pp = info->pricePrecision;
    const int qp = info->quantityPrecision;
    std::int64_t orderId = 0;
    TimestampNs time = 0;
    Quantity orderQty;
    if (!reader.stringField(o, "c", clientId) || !reader.stringField(o, "S", side) ||
        !reader.stringField(o, "o", type) || !reader.stringField(o, "f", tif) ||
        !reader.quantityField(o, "q", qp, orderQty) || !reader.stringField(o, "x", execType) ||
        !reader.stringField(o, "X", status) || !reader.int64Field(o, "i", orderId) ||
        !reader.timeField(o, "T", time) || !reader.optionalStringField(o, "C", origClientId) ||
        !reader.optionalStringField(o, "r", reason))
        return false;
    if (clientId.empty())
        return reader.fail(Kind::BadValue, "c", "empty client order id");
    if (BinanceEnums::side(side) == Side::Invalid ||
        BinanceEnums::orderType(type) == OrderType::Invalid ||
        BinanceEnums::orderStatus(status) == OrderStatus::Invalid)
        return reader.fail(Kind::BadValue, "S",
                           "unknown side, order type or status: " + std::string(side) + " " +
                               std::string(type) + " " + std::string(status));
    // A cancel (or replace) request gets its own client id `c`; the order is `C`.
    const std::string orderClientId(origClientId.empty() ? clientId : origClientId);
    const std::string venueOrderId = std::to_string(orderId);

    if (execType == "NEW") {
        OrderAccepted accepted;
        accepted.clientOrderId = std::string(clientId);
        accepted.venueOrderId = venueOrderId;
        accepted.instrument = info->key;
        accepted.venueTime = time;
        accepted.receivedTime = receivedTime;
        out = std::move(accepted);
        return true;
    }
    if (execType == "TRADE") {
        OrderFilled fill;
        std::int64_t tradeId = 0;
        bool maker = false;
        Quantity cumulative;
        od::value value;
        bool present = false;
        if (!reader.quantityField(o, "l", qp, fill.quantity) ||
            !reader.priceField(o, "L", pp, fill.price) ||
            !reader.quantityField(o, "z", qp, cumulative) || !reader.int64Field(o, "t", tradeId) ||
            !reader.boolField(o, "m", maker))
            return false;
        std::string_view feeAsset;
        if (!reader.optionalStringField(o, "N", feeAsset))
            return false;
        if (!feeAsset.empty()) {
            auto currency = Currency::parse(feeAsset);
            if (!currency)
                return reader.fail(Kind::BadValue, "N", currency.error().message);
            if (!reader.field(o, "n", value) || !reader.money(value, *currency, fill.fee, "n"))
                return false;
        } else if (!reader.optionalField(o, "n", value, present)) {
            return false;
        }
        if (!fill.quantity.isPositive() || !fill.price.isPositive() || tradeId < 0)
            return reader.fail(Kind::BadValue, "l",
                               "a fill needs a positive quantity and price and a trade id");
        fill.clientOrderId = std::string(clientId);
        fill.venueOrderId = venueOrderId;
        fill.instrument = info->key;
        fill.tradeId = std::to_string(tradeId);
        fill.side = BinanceEnums::side(side);
        fill.liquidity = maker ? Liquidity::Maker : Liquidity::Taker;
        fill.cumulativeQuantity = cumulative;
        fill.venueTime = time;
        fill.receivedTime = receivedTime;
        // Orders by quote quantity have q = 0: only the status tells when they are done.
        auto leaves = orderQty.subtract(cumulative);
        if (status == "FILLED" || !leaves || leaves->isNegative())
            fill.leavesQuantity = Quantity::fromRaw(0, qp);
        else
            fill.leavesQuantity = *leaves;
        out = std::move(fill);
        return true;
    }
    if (execType == "CANCELED") {
        out = canceled(orderClientId, info->key, "requested", time, receivedTime);
        return true;
    }
    if (execType == "REJECTED") {
        OrderRejected rejected;
        rejected.clientOrderId = std::string(clientId);
        rejected.instrument = info->key;
        rejected.reason = rejectReasonOf(reason);
        rejected.message = "rejected by the venue: " + std::string(reason);
        rejected.venueTime = time;
        rejected.receivedTime = receivedTime;
        out = std::move(rejected);
        return true;
    }
    if (execType == "EXPIRED") {
        std::string_view expiry;
        if (!reader.optionalStringField(o, "eR", expiry))
            return false;
        const char* why = nullptr;
        if (tif == "IOC" || expiry == "UNFILLED_IOC_QUANTITY_EXPIRED")
            why = "IOC remainder";
        else if (tif == "FOK" || expiry == "UNFILLED_FOK_ORDER_EXPIRED")
            why = "FOK not fillable";
        else if (expiry == "INSUFFICIENT_LIQUIDITY")
            why = "insufficient liquidity";
        else if (expiry == "EXCHANGE_CANCELED")
            why = "canceled by the venue";
        if (why != nullptr)
            out = canceled(orderClientId, info->key, why, time, receivedTime);
        else {
            OrderExpired expired;
            expired.clientOrderId = orderClientId;
            expired.instrument = info->key;
            expired.venueTime = time;
            expired.receivedTime = receivedTime;
            out = std::move(expired);
        }
        return true;
    }
    if (execType == "REPLACED") {
        OrderReplaced replaced;
        if (!reader.priceField(o, "p", pp, replaced.limitPrice) ||
            !reader.optionalPriceField(o, "P", pp, replaced.stopPrice))
            return false;
        replaced.clientOrderId = orderClientId;
        replaced.newClientOrderId = std::string(clientId);
        replaced.venueOrderId = venueOrderId;
        replaced.instrument = info->key;
        replaced.quantity = orderQty;
        replaced.venueTime = time;
        replaced.receivedTime = receivedTime;
        out = std::move(replaced);
        return true;
    }
    if (execType == "TRADE_PREVENTION") {
        if (status == "EXPIRED_IN_MATCH")
            out = canceled(orderClientId, info->key, "self-trade prevention", time, receivedTime);
        else
            out = BinanceIgnoredEvent{"executionReport",
                                      "TRADE_PREVENTION with order status " + std::string(status)};
        return true;
    }
    return reader.fail(Kind::BadValue, "x",
                       "unknown execution type '" + std::string(execType) + "'");
}

bool BinanceUserDataParser::Impl::accountPosition(od::object& o, BinanceUserDataEvent& out) {
    AccountReport report;
    report.venue = std::string(kBinanceVenue);
    od::value value;
    od::array balances;
    if (!reader.timeField(o, "u", report.venueTime) || !reader.field(o, "B", value) ||
        !reader.array(value, balances, "B"))
        return false;
    for (auto itemResult : balances) {
        od::value item;
        od::object b;
        if (auto error = itemResult.get(item))
            return reader.failJson(error, "B");
        if (!reader.object(item, b, "B"))
            return false;
        std::string_view asset;
        if (!reader.stringField(b, "a", asset))
            return false;
        auto currency = Currency::parse(asset);
        if (!currency)
            return reader.fail(Kind::BadValue, "B.a", currency.error().message);
        BalanceReport balance;
        balance.currency = *currency;
        if (!reader.field(b, "f", value) || !reader.money(value, *currency, balance.free, "B.f") ||
            !reader.field(b, "l", value) || !reader.money(value, *currency, balance.locked, "B.l"))
            return false;
        auto total = balance.free.add(balance.locked);
        if (!total)
            return reader.failDecimal(total.error(), "B");
        balance.total = *total;
        report.balances.push_back(balance);
    }
    out = AccountUpdated{std::move(report)};
    return true;
}

bool BinanceUserDataParser::Impl::balanceUpdate(od::object& o, BinanceUserDataEvent& out) {
    BinanceBalanceDelta delta;
    std::string_view asset;
    od::value value;
    if (!reader.timeField(o, "E", delta.eventTime) || !reader.stringField(o, "a", asset))
        return false;
    auto currency = Currency::parse(asset);
    if (!currency)
        return reader.fail(Kind::BadValue, "a", currency.error().message);
    delta.asset = *currency;
    if (!reader.field(o, "d", value) || !reader.money(value, *currency, delta.delta, "d") ||
        !reader.timeField(o, "T", delta.clearTime))
        return false;
    out = delta;
    return true;
}

bool BinanceUserDataParser::Impl::event(od::object& o, TimestampNs receivedTime,
                                        BinanceUserDataEvent& out) {
    std::string_view type;
    if (!reader.stringField(o, "e", type))
        return false;
    if (auto error = o.reset().error())
        return reader.failJson(error, {});
    reader.setContext(type);
    if (type == "executionReport")
        return executionReport(o, receivedTime, out);
    if (type == "outboundAccountPosition")
        return accountPosition(o, out);
    if (type == "balanceUpdate")
        return balanceUpdate(o, out);
    if (type == "eventStreamTerminated" || type == "listenKeyExpired") {
        BinanceStreamTerminated terminated;
        terminated.eventType.assign(type);
        if (!reader.timeField(o, "E", terminated.eventTime))
            return false;
        out = std::move(terminated);
        return true;
    }
    if (type == "listStatus" || type == "externalLockUpdate") {
        out = BinanceIgnoredEvent{std::string(type), {}};
        return true;
    }
    reader.setContext("userData");
    return reader.fail(Kind::UnknownEvent, "e",
                       "event type '" + std::string(type) + "' is not handled");
}

bool BinanceUserDataParser::Impl::wrapped(od::object& root, TimestampNs receivedTime,
                                          BinanceUserDataMessage& out) {
    od::value value;
    bool present = false;
    if (!reader.optionalField(root, "subscriptionId", value, present))
        return false;
    if (present) {
        std::int64_t id = 0;
        if (!reader.int64(value, id, "subscriptionId"))
            return false;
        out.subscriptionId = id;
    }
    if (auto error = root.reset().error())
        return reader.failJson(error, {});
    od::object event;
    if (!reader.field(root, "event", value) || !reader.object(value, event, "event"))
        return false;
    return this->event(event, receivedTime, out.event);
}

bool BinanceUserDataParser::Impl::reply(od::object& root, BinanceWsApiResponse& out) {
    reader.setContext("wsApiReply");
    od::value value;
    bool present = false;
    std::int64_t status = 0;
    if (!reader.field(root, "id", value) || !reader.idText(value, out.id, "id") ||
        !reader.int64Field(root, "status", status))
        return false;
    if (status < 100 || status > 999)
        return reader.fail(Kind::BadValue, "status", "not an HTTP-like status");
    out.status = static_cast<int>(status);
    if (!reader.optionalField(root, "result", value, present))
        return false;
    if (present && !reader.rawJson(value, out.resultJson, "result"))
        return false;
    if (!reader.optionalField(root, "error", value, present))
        return false;
    if (present) {
        od::object error;
        if (!reader.object(value, error, "error"))
            return false;
        BinanceVenueError venueError;
        venueError.httpStatus = out.status;
        if (!reader.venueError(error, venueError))
            return false;
        if (auto resetError = error.reset().error())
            return reader.failJson(resetError, "error");
        bool hasData = false;
        od::value data;
        if (!reader.optionalField(error, "data", data, hasData))
            return false;
        if (hasData) {
            od::object dataObject;
            bool hasRetry = false;
            od::value retry;
            if (!reader.object(data, dataObject, "error.data") ||
                !reader.optionalField(dataObject, "retryAfter", retry, hasRetry) ||
                (hasRetry && !reader.time(retry, venueError.retryAfter, "error.data.retryAfter")))
                return false;
        }
        out.error = std::move(venueError);
    }
    if (out.status == 200 && out.error)
        return reader.fail(Kind::BadValue, "status", "status 200 with an error");
    if (out.status != 200 && !out.error)
        return reader.fail(Kind::MissingField, "error", "a failed reply without its error");
    if (!reader.optionalField(root, "rateLimits", value, present))
        return false;
    return !present || reader.rateLimits(value, out.rateLimits);
}

BinanceUserDataParser::BinanceUserDataParser(const BinanceSymbolTable& symbols)
    : BinanceUserDataParser(symbols, Options{}) {}
BinanceUserDataParser::BinanceUserDataParser(const BinanceSymbolTable& symbols, Options options)
    : m_impl(std::make_unique<Impl>(symbols, options)) {}
BinanceUserDataParser::~BinanceUserDataParser() = default;

const BinanceParseStats& BinanceUserDataParser::stats() const {
    return m_impl->stats;
}

BinanceParseErrorKind BinanceUserDataParser::lastErrorKind() const {
    return m_impl->lastKind;
}

Result<BinanceUserDataMessage> BinanceUserDataParser::parseEvent(std::string_view frame,
                                                                 TimestampNs receivedTime) {
    Impl& impl = *m_impl;
    return impl.run<BinanceUserDataMessage>(frame,
                                            [&](od::document& doc, BinanceUserDataMessage& out) {
                                                od::object root;
                                                if (!impl.reader.rootObject(doc, root))
                                                    return false;
                                                bool isWrapped = false;
                                                if (!impl.reader.hasField(root, "event", isWrapped))
                                                    return false;
                                                if (isWrapped)
                                                    return impl.wrapped(root, receivedTime, out);
                                                return impl.event(root, receivedTime, out.event);
                                            });
}

Result<BinanceWsApiFrame> BinanceUserDataParser::parseWsApiFrame(std::string_view frame,
                                                                 TimestampNs receivedTime) {
    Impl& impl = *m_impl;
    return impl.run<BinanceWsApiFrame>(frame, [&](od::document& doc, BinanceWsApiFrame& out) {
        od::object root;
        if (!impl.reader.rootObject(doc, root))
            return false;
        bool isEvent = false;
        if (!impl.reader.hasField(root, "event", isEvent))
            return false;
        if (isEvent) {
            BinanceUserDataMessage message;
            if (!impl.wrapped(root, receivedTime, message))
                return false;
            out = std::move(message);
            return true;
        }
        bool isReply = false;
        if (!impl.reader.hasField(root, "id", isReply))
            return false;
        if (!isReply)
            return impl.reader.fail(Kind::UnknownEvent, {},
                                    "neither a reply (id) nor an event (event)");
        BinanceWsApiResponse response;
        if (!impl.reply(root, response))
            return false;
        out = std::move(response);
        return true;
    });
}

} // namespace cw::adapters::binance
