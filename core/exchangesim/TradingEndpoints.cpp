// SPDX-License-Identifier: MIT
#include "core/exchangesim/TradingEndpoints.hpp"

#include "core/exchangesim/JsonWriter.hpp"
#include "core/exchangesim/ParamReader.hpp"

#include <algorithm>
#include <cstdio>
#include <map>

namespace cw::exchangesim {

namespace {

constexpr std::string_view kClientOrderIdRange = "^[\\.A-Z\\:/a-z0-9_-]{1,36}$";

enum class ResponseType { Invalid = 0, Ack, Result, Full };

std::int64_t msOf(TimestampNs t) {
    return t / kNsPerMillisecond;
}

std::string_view venueSideName(Side side) {
    return side == Side::Buy ? "BUY" : "SELL";
}

std::string_view tifName(const OrderRecord& order) {
    switch (order.timeInForce) {
    case TimeInForce::Ioc:
        return "IOC";
    case TimeInForce::Fok:
        return "FOK";
    default:
        return "GTC";
    }
}

bool hasStop(VenueOrderType type) {
    return type == VenueOrderType::StopLoss || type == VenueOrderType::StopLossLimit ||
           type == VenueOrderType::TakeProfit || type == VenueOrderType::TakeProfitLimit;
}

bool hasLimit(VenueOrderType type) {
    return type == VenueOrderType::Limit || type == VenueOrderType::LimitMaker ||
           type == VenueOrderType::StopLossLimit || type == VenueOrderType::TakeProfitLimit;
}

/// The fields every order answer shares after clientOrderId.
void writeOrderBody(JsonWriter& w, const OrderRecord& o) {
    w.field("price", o.price.decimal())
        .field("origQty", o.origQty.decimal())
        .field("executedQty", o.executedQty.decimal())
        .field("origQuoteOrderQty", o.origQuoteOrderQty)
        .field("cummulativeQuoteQty", o.cumulativeQuoteQty)
        .field("status", venueOrderStatusName(o.status))
        .field("timeInForce", tifName(o))
        .field("type", venueOrderTypeName(o.type))
        .field("side", venueSideName(o.side));
    if (hasStop(o.type))
        w.field("stopPrice", o.stopPrice.decimal());
}

void writeOrder(JsonWriter& w, const std::string& symbol, const OrderRecord& o) {
    w.beginObject()
        .field("symbol", symbol)
        .field("orderId", o.orderId)
        .field("orderListId", -1)
        .field("clientOrderId", o.clientOrderId);
    writeOrderBody(w, o);
    if (!hasStop(o.type))
        w.field("stopPrice", Decimal());
    w.field("icebergQty", Decimal())
        .field("time", o.timeMs)
        .field("updateTime", o.updateTimeMs)
        .field("isWorking", o.workingTimeMs >= 0)
        .field("workingTime", o.workingTimeMs)
        .field("selfTradePreventionMode", "EXPIRE_MAKER")
        .endObject();
}

} // namespace

bool TradingEndpoints::isValidClientOrderId(std::string_view id) {
    return !id.empty() && id.size() <= 36 && std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
               c == '.' || c == ':' || c == '/' || c == '_' || c == '-';
    });
}

std::string TradingEndpoints::generateClientOrderId() {
    // 22 characters like the venue's, unique within this run.
    static constexpr char kAlphabet[] =
        "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    std::uint64_t x = (++m_idCounter) * 0x9E3779B97F4A7C15ull ^ 0xD1B54A32D192ED03ull;
    std::string id = "cw";
    for (int i = 0; i < 20; ++i) {
        id.push_back(kAlphabet[x % 62]);
        x = x / 62 + (i == 9 ? m_idCounter * 0x2545F4914F6CDD1Dull : 0);
    }
    return id;
}

RestReply TradingEndpoints::account(ExchangeAccount& account, const RequestParams& params) {
    ParamReader p(params);
    const bool omitZero = p.optionalText("omitZeroBalances").value_or("false") == "true";
    if (p.error())
        return *p.error();
    const auto report = account.balances(m_market.now());
    std::map<std::string, std::pair<Decimal, Decimal>> balances; // asset -> (free, locked)
    for (const ExchangeSymbol& s : m_market.symbols()) {
        balances.emplace(s.baseAsset, std::pair{Decimal(), Decimal()});
        balances.emplace(s.quoteAsset, std::pair{Decimal(), Decimal()});
    }
    for (const auto& b : report.balances)
        balances[b.currency.toString()] = {b.free.amount(), b.locked.amount()};
    const Decimal maker = Decimal::fromRaw(m_config.makerFeeBps, 4);
    const Decimal taker = Decimal::fromRaw(m_config.takerFeeBps, 4);
    JsonWriter w;
    w.beginObject()
        .field("makerCommission", m_config.makerFeeBps)
        .field("takerCommission", m_config.takerFeeBps)
        .field("buyerCommission", 0)
        .field("sellerCommission", 0);
    w.key("commissionRates")
        .beginObject()
        .field("maker", maker)
        .field("taker", taker)
        .field("buyer", Decimal())
        .field("seller", Decimal())
        .endObject();
    w.field("canTrade", true)
        .field("canWithdraw", true)
        .field("canDeposit", true)
        .field("brokered", false)
        .field("requireSelfTradePrevention", false)
        .field("preventSor", false)
        .field("updateTime", msOf(m_market.now()))
        .field("accountType", "SPOT");
    w.key("balances").beginArray();
    for (const auto& [asset, amounts] : balances) {
        if (omitZero && amounts.first.isZero() && amounts.second.isZero())
            continue;
        w.beginObject()
            .field("asset", asset)
            .field("free", amounts.first)
            .field("locked", amounts.second)
            .endObject();
    }
    w.endArray();
    w.key("permissions").beginArray().string("SPOT").endArray();
    w.field("uid", static_cast<std::int64_t>(354937868)).endObject();
    return w.take();
}

RestReply TradingEndpoints::newOrder(ExchangeAccount& account, const RequestParams& params,
                                     bool testOnly) {
    ParamReader p(params);
    const std::string symbolName = p.text("symbol");
    const std::string sideText = p.text("side");
    const std::string typeText = p.text("type");
    const auto tifText = p.optionalText("timeInForce");
    const auto quantity = p.optionalDecimal("quantity");
    const auto quoteOrderQty = p.optionalDecimal("quoteOrderQty");
    const auto price = p.optionalDecimal("price");
    const auto stopPrice = p.optionalDecimal("stopPrice");
    const auto clientOrderId = p.optionalText("newClientOrderId");
    const auto responseText = p.optionalText("newOrderRespType");
    if (p.error())
        return *p.error();
    const auto symbol = m_market.indexOf(symbolName);
    if (!symbol)
        return VenueError{400, -1121, "Invalid symbol."};
    if (sideText != "BUY" && sideText != "SELL")
        return VenueError{400, -1117, "Invalid side."};
    const VenueOrderType type = parseVenueOrderType(typeText);
    if (type == VenueOrderType::Invalid)
        return VenueError{400, -1116, "Invalid orderType."};
    TimeInForce tif = TimeInForce::Invalid;
    const bool needsTif = type == VenueOrderType::Limit || type == VenueOrderType::StopLossLimit ||
                          type == VenueOrderType::TakeProfitLimit;
    if (tifText) {
        if (*tifText == "GTC")
            tif = TimeInForce::Gtc;
        else if (*tifText == "IOC")
            tif = TimeInForce::Ioc;
        else if (*tifText == "FOK")
            tif = TimeInForce::Fok;
        else
            return VenueError{400, -1115, "Invalid timeInForce."};
        if (!needsTif && type != VenueOrderType::LimitMaker)
            return VenueError{400, -1106, "Parameter 'timeInForce' sent when not required."};
    } else if (needsTif) {
        return ParamReader::missing("timeInForce");
    }
    if (type == VenueOrderType::Market) {
        if (!quantity && !quoteOrderQty)
            return VenueError{400, -1102,
                              "Param 'quantity' or 'quoteOrderQty' must be sent, but both were "
                              "empty/null!"};
        if (quantity && quoteOrderQty)
            return VenueError{400, -1106, "Parameter 'quoteOrderQty' sent when not required."};
    } else {
        if (!quantity)
            return ParamReader::missing("quantity");
        if (quoteOrderQty)
            return VenueError{400, -1106, "Parameter 'quoteOrderQty' sent when not required."};
    }
    if (hasLimit(type) && !price)
        return ParamReader::missing("price");
    if (!hasLimit(type) && price)
        return VenueError{400, -1106, "Parameter 'price' sent when not required."};
    if (hasStop(type) && !stopPrice)
        return ParamReader::missing("stopPrice");
    if (!hasStop(type) && stopPrice)
        return VenueError{400, -1106, "Parameter 'stopPrice' sent when not required."};
    if (clientOrderId && !isValidClientOrderId(*clientOrderId))
        return ParamReader::illegal("newClientOrderId", kClientOrderIdRange);
    ResponseType responseType = (type == VenueOrderType::Market || type == VenueOrderType::Limit)
                                    ? ResponseType::Full
                                    : ResponseType::Ack;
    if (responseText) {
        if (*responseText == "ACK")
            responseType = ResponseType::Ack;
        else if (*responseText == "RESULT")
            responseType = ResponseType::Result;
        else if (*responseText == "FULL")
            responseType = ResponseType::Full;
        else
            return VenueError{400, -1100,
                              "Illegal characters found in parameter 'newOrderRespType'; legal "
                              "range is 'ACK, RESULT, FULL'."};
    }

    ExchangeAccount::NewOrder order;
    order.symbolIndex = *symbol;
    order.side = sideText == "BUY" ? Side::Buy : Side::Sell;
    order.type = type;
    order.timeInForce = tif;
    order.quantity = quantity ? Quantity(*quantity) : Quantity();
    order.quoteOrderQty = quoteOrderQty.value_or(Decimal());
    order.price = price ? Price(*price) : Price();
    order.stopPrice = stopPrice ? Price(*stopPrice) : Price();
    order.clientOrderId = clientOrderId ? *clientOrderId : generateClientOrderId();
    auto placed = account.place(order, m_market.now(), testOnly);
    if (auto* error = std::get_if<VenueError>(&placed))
        return *error;
    if (testOnly)
        return std::string("{}");
    const OrderRecord& o = std::get<OrderRecord>(placed);
    const std::string& symbolText = m_market.symbols()[o.symbolIndex].symbol;
    JsonWriter w;
    w.beginObject()
        .field("symbol", symbolText)
        .field("orderId", o.orderId)
        .field("orderListId", -1)
        .field("clientOrderId", o.clientOrderId)
        .field("transactTime", o.timeMs);
    if (responseType != ResponseType::Ack) {
        writeOrderBody(w, o);
        w.field("workingTime", o.workingTimeMs).field("selfTradePreventionMode", "EXPIRE_MAKER");
    }
    if (responseType == ResponseType::Full) {
        w.key("fills").beginArray();
        for (const FillRecord& f : o.fills)
            w.beginObject()
                .field("price", f.price.decimal())
                .field("qty", f.quantity.decimal())
                .field("commission", f.commission)
                .field("commissionAsset", f.commissionAsset)
                .field("tradeId", f.tradeId)
                .endObject();
        w.endArray();
    }
    w.endObject();
    return w.take();
}

RestReply TradingEndpoints::queryOrder(ExchangeAccount& account, const RequestParams& params) {
    ParamReader p(params);
    const std::string symbolName = p.text("symbol");
    const auto orderId = p.optionalInteger("orderId");
    const auto clientOrderId = p.optionalText("origClientOrderId");
    if (p.error())
        return *p.error();
    const auto symbol = m_market.indexOf(symbolName);
    if (!symbol)
        return VenueError{400, -1121, "Invalid symbol."};
    if (!orderId && !clientOrderId)
        return VenueError{400, -1102,
                          "Param 'origClientOrderId' or 'orderId' must be sent, but both were "
                          "empty/null!"};
    const OrderRecord* order = account.find(*symbol, orderId, clientOrderId);
    if (!order)
        return VenueError{400, -2013, "Order does not exist."};
    JsonWriter w;
    writeOrder(w, symbolName, *order);
    return w.take();
}

RestReply TradingEndpoints::cancelOrder(ExchangeAccount& account, const RequestParams& params) {
    ParamReader p(params);
    const std::string symbolName = p.text("symbol");
    const auto orderId = p.optionalInteger("orderId");
    const auto clientOrderId = p.optionalText("origClientOrderId");
    const auto newClientOrderId = p.optionalText("newClientOrderId");
    if (p.error())
        return *p.error();
    const auto symbol = m_market.indexOf(symbolName);
    if (!symbol)
        return VenueError{400, -1121, "Invalid symbol."};
    if (!orderId && !clientOrderId)
        return VenueError{400, -1102,
                          "Param 'origClientOrderId' or 'orderId' must be sent, but both were "
                          "empty/null!"};
    if (newClientOrderId && !isValidClientOrderId(*newClientOrderId))
        return ParamReader::illegal("newClientOrderId", kClientOrderIdRange);
    auto result = account.cancel(*symbol, orderId, clientOrderId, m_market.now());
    if (auto* error = std::get_if<VenueError>(&result))
        return *error;
    const OrderRecord& o = std::get<OrderRecord>(result);
    JsonWriter w;
    w.beginObject()
        .field("symbol", symbolName)
        .field("origClientOrderId", o.clientOrderId)
        .field("orderId", o.orderId)
        .field("orderListId", -1)
        .field("clientOrderId", newClientOrderId ? *newClientOrderId : generateClientOrderId())
        .field("transactTime", msOf(m_market.now()));
    writeOrderBody(w, o);
    w.field("selfTradePreventionMode", "EXPIRE_MAKER").endObject();
    return w.take();
}

RestReply TradingEndpoints::openOrders(ExchangeAccount& account, const RequestParams& params) {
    ParamReader p(params);
    const auto symbolName = p.optionalText("symbol");
    if (p.error())
        return *p.error();
    std::optional<std::size_t> symbol;
    if (symbolName) {
        symbol = m_market.indexOf(*symbolName);
        if (!symbol)
            return VenueError{400, -1121, "Invalid symbol."};
    }
    JsonWriter w;
    w.beginArray();
    for (const OrderRecord* o : account.orders(symbol, true))
        writeOrder(w, m_market.symbols()[o->symbolIndex].symbol, *o);
    w.endArray();
    return w.take();
}

RestReply TradingEndpoints::cancelOpenOrders(ExchangeAccount& account,
                                             const RequestParams& params) {
    ParamReader p(params);
    const std::string symbolName = p.text("symbol");
    if (p.error())
        return *p.error();
    const auto symbol = m_market.indexOf(symbolName);
    if (!symbol)
        return VenueError{400, -1121, "Invalid symbol."};
    const auto canceled = account.cancelAll(*symbol, m_market.now());
    if (canceled.empty())
        return VenueError{400, -2011, "Unknown order sent."};
    JsonWriter w;
    w.beginArray();
    for (const OrderRecord& o : canceled) {
        w.beginObject()
            .field("symbol", symbolName)
            .field("origClientOrderId", o.clientOrderId)
            .field("orderId", o.orderId)
            .field("orderListId", -1)
            .field("clientOrderId", generateClientOrderId())
            .field("transactTime", msOf(m_market.now()));
        writeOrderBody(w, o);
        w.field("selfTradePreventionMode", "EXPIRE_MAKER").endObject();
    }
    w.endArray();
    return w.take();
}

RestReply TradingEndpoints::allOrders(ExchangeAccount& account, const RequestParams& params) {
    ParamReader p(params);
    const std::string symbolName = p.text("symbol");
    const auto orderId = p.optionalInteger("orderId");
    const auto startTime = p.optionalInteger("startTime");
    const auto endTime = p.optionalInteger("endTime");
    const auto limit = std::clamp<std::int64_t>(p.optionalInteger("limit").value_or(500), 1, 1000);
    if (p.error())
        return *p.error();
    const auto symbol = m_market.indexOf(symbolName);
    if (!symbol)
        return VenueError{400, -1121, "Invalid symbol."};
    std::vector<const OrderRecord*> selected;
    for (const OrderRecord* o : account.orders(symbol, false)) {
        if (orderId && o->orderId < *orderId)
            continue;
        if (startTime && o->timeMs < *startTime)
            continue;
        if (endTime && o->timeMs > *endTime)
            continue;
        selected.push_back(o);
    }
    // Without a start the newest `limit`, otherwise the first `limit` from the start.
    std::size_t from = 0;
    const std::size_t count =
        std::min<std::size_t>(selected.size(), static_cast<std::size_t>(limit));
    if (!orderId && !startTime)
        from = selected.size() - count;
    JsonWriter w;
    w.beginArray();
    for (std::size_t i = from; i < from + count; ++i)
        writeOrder(w, symbolName, *selected[i]);
    w.endArray();
    return w.take();
}

RestReply TradingEndpoints::myTrades(ExchangeAccount& account, const RequestParams& params) {
    ParamReader p(params);
    const std::string symbolName = p.text("symbol");
    const auto orderId = p.optionalInteger("orderId");
    const auto startTime = p.optionalInteger("startTime");
    const auto endTime = p.optionalInteger("endTime");
    const auto fromId = p.optionalInteger("fromId");
    const auto limit = std::clamp<std::int64_t>(p.optionalInteger("limit").value_or(500), 1, 1000);
    if (p.error())
        return *p.error();
    const auto symbol = m_market.indexOf(symbolName);
    if (!symbol)
        return VenueError{400, -1121, "Invalid symbol."};
    if (startTime && endTime && *endTime - *startTime > 24 * 60 * 60 * 1000)
        return VenueError{400, -1127, "More than 24 hours between startTime and endTime."};
    std::vector<const FillRecord*> selected;
    for (const FillRecord& f : account.fills()) {
        if (f.symbolIndex != *symbol)
            continue;
        if (orderId && f.orderId != *orderId)
            continue;
        if (fromId && f.tradeId < *fromId)
            continue;
        if (startTime && f.timeMs < *startTime)
            continue;
        if (endTime && f.timeMs > *endTime)
            continue;
        selected.push_back(&f);
    }
    std::size_t from = 0;
    const std::size_t count =
        std::min<std::size_t>(selected.size(), static_cast<std::size_t>(limit));
    if (!fromId && !startTime)
        from = selected.size() - count;
    JsonWriter w;
    w.beginArray();
    for (std::size_t i = from; i < from + count; ++i) {
        const FillRecord& f = *selected[i];
        w.beginObject()
            .field("symbol", symbolName)
            .field("id", f.tradeId)
            .field("orderId", f.orderId)
            .field("orderListId", -1)
            .field("price", f.price.decimal())
            .field("qty", f.quantity.decimal())
            .field("quoteQty", f.quoteQuantity)
            .field("commission", f.commission)
            .field("commissionAsset", f.commissionAsset)
            .field("time", f.timeMs)
            .field("isBuyer", f.side == Side::Buy)
            .field("isMaker", f.maker)
            .field("isBestMatch", true)
            .endObject();
    }
    w.endArray();
    return w.take();
}

RestReply TradingEndpoints::newListenKey(const std::string& apiKey) {
    std::string key;
    std::uint64_t x = (++m_idCounter + apiKey.size()) * 0x9E3779B97F4A7C15ull;
    while (key.size() < 60) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        char chunk[17];
        std::snprintf(chunk, sizeof chunk, "%016llx", static_cast<unsigned long long>(x));
        key += chunk;
    }
    key.resize(60);
    m_listenKeys.insert(key);
    JsonWriter w;
    w.beginObject().field("listenKey", key).endObject();
    return w.take();
}

RestReply TradingEndpoints::keepListenKey(const RequestParams& params, bool close) {
    ParamReader p(params);
    const std::string key = p.text("listenKey");
    if (p.error())
        return *p.error();
    if (!m_listenKeys.contains(key))
        return VenueError{400, -1125, "This listenKey does not exist."};
    if (close)
        m_listenKeys.erase(key);
    return std::string("{}");
}

} // namespace cw::exchangesim
