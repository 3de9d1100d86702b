// SPDX-License-Identifier: MIT
#include "core/exchangesim/MarketDataEndpoints.hpp"

#include "core/exchangesim/JsonWriter.hpp"
#include "core/exchangesim/KlineInterval.hpp"
#include "core/exchangesim/ParamReader.hpp"

#include <algorithm>

namespace cw::exchangesim {

namespace {

constexpr std::int64_t kDefaultDepth = 100;
constexpr std::int64_t kMaxDepth = 5000;

VenueError invalidSymbol() {
    return VenueError{400, -1121, "Invalid symbol."};
}

void writeRateLimits(JsonWriter& w, const ExchangeSimConfig& config) {
    w.key("rateLimits").beginArray();
    w.beginObject()
        .field("rateLimitType", "REQUEST_WEIGHT")
        .field("interval", "MINUTE")
        .field("intervalNum", 1)
        .field("limit", config.requestWeightPerMinute)
        .endObject();
    w.beginObject()
        .field("rateLimitType", "ORDERS")
        .field("interval", "SECOND")
        .field("intervalNum", 10)
        .field("limit", config.ordersPer10s)
        .endObject();
    w.beginObject()
        .field("rateLimitType", "ORDERS")
        .field("interval", "DAY")
        .field("intervalNum", 1)
        .field("limit", config.ordersPerDay)
        .endObject();
    w.beginObject()
        .field("rateLimitType", "RAW_REQUESTS")
        .field("interval", "MINUTE")
        .field("intervalNum", 5)
        .field("limit", 61000)
        .endObject();
    w.endArray();
}

void writeSymbol(JsonWriter& w, const ExchangeSymbol& s) {
    w.beginObject()
        .field("symbol", s.symbol)
        .field("status", "TRADING")
        .field("baseAsset", s.baseAsset)
        .field("baseAssetPrecision", s.baseAssetPrecision)
        .field("quoteAsset", s.quoteAsset)
        .field("quotePrecision", s.quoteAssetPrecision)
        .field("quoteAssetPrecision", s.quoteAssetPrecision)
        .field("baseCommissionPrecision", s.baseAssetPrecision)
        .field("quoteCommissionPrecision", s.quoteAssetPrecision);
    w.key("orderTypes").beginArray();
    for (const char* type : {"LIMIT", "LIMIT_MAKER", "MARKET", "STOP_LOSS", "STOP_LOSS_LIMIT",
                             "TAKE_PROFIT", "TAKE_PROFIT_LIMIT"})
        w.string(type);
    w.endArray();
    w.field("icebergAllowed", false)
        .field("ocoAllowed", false)
        .field("otoAllowed", false)
        .field("opoAllowed", false)
        .field("quoteOrderQtyMarketAllowed", true)
        .field("allowTrailingStop", false)
        .field("cancelReplaceAllowed", false)
        .field("amendAllowed", false)
        .field("pegInstructionsAllowed", false)
        .field("isSpotTradingAllowed", true)
        .field("isMarginTradingAllowed", false);
    w.key("filters").beginArray();
    w.beginObject()
        .field("filterType", "PRICE_FILTER")
        .field("minPrice", s.minPrice.decimal())
        .field("maxPrice", s.maxPrice.decimal())
        .field("tickSize", s.tickSize.decimal())
        .endObject();
    w.beginObject()
        .field("filterType", "LOT_SIZE")
        .field("minQty", s.minQty.decimal())
        .field("maxQty", s.maxQty.decimal())
        .field("stepSize", s.stepSize.decimal())
        .endObject();
    w.beginObject()
        .field("filterType", "MARKET_LOT_SIZE")
        .field("minQty", Decimal::fromRaw(0, 0))
        .field("maxQty", s.marketMaxQty.decimal())
        .field("stepSize", Decimal::fromRaw(0, 0))
        .endObject();
    w.beginObject()
        .field("filterType", "NOTIONAL")
        .field("minNotional", s.minNotional)
        .field("applyMinToMarket", true)
        .field("maxNotional", s.maxNotional)
        .field("applyMaxToMarket", false)
        .field("avgPriceMins", 5)
        .endObject();
    w.beginObject()
        .field("filterType", "MAX_NUM_ORDERS")
        .field("maxNumOrders", s.maxNumOrders)
        .endObject();
    w.beginObject()
        .field("filterType", "MAX_NUM_ALGO_ORDERS")
        .field("maxNumAlgoOrders", s.maxNumAlgoOrders)
        .endObject();
    w.endArray();
    w.key("permissions").beginArray().endArray();
    w.key("permissionSets").beginArray().beginArray().string("SPOT").endArray().endArray();
    w.field("defaultSelfTradePreventionMode", "EXPIRE_MAKER");
    w.key("allowedSelfTradePreventionModes")
        .beginArray()
        .string("NONE")
        .string("EXPIRE_TAKER")
        .string("EXPIRE_MAKER")
        .string("EXPIRE_BOTH")
        .endArray();
    w.endObject();
}

void writeLevels(JsonWriter& w, const std::vector<DepthBook::Level>& levels, std::size_t limit) {
    w.beginArray();
    for (std::size_t i = 0; i < levels.size() && i < limit; ++i)
        w.beginArray()
            .decimal(levels[i].price.decimal())
            .decimal(levels[i].quantity.decimal())
            .endArray();
    w.endArray();
}

} // namespace

int MarketDataEndpoints::depthWeight(std::int64_t limit) {
    if (limit <= 100)
        return 5;
    if (limit <= 500)
        return 25;
    if (limit <= 1000)
        return 50;
    return 250;
}

std::variant<std::size_t, VenueError>
MarketDataEndpoints::requireSymbol(const RequestParams& params) const {
    ParamReader p(params);
    const std::string symbol = p.text("symbol");
    if (p.error())
        return *p.error();
    const auto index = m_market.indexOf(symbol);
    if (!index)
        return invalidSymbol();
    return *index;
}

std::variant<std::optional<std::vector<std::size_t>>, VenueError>
MarketDataEndpoints::selectSymbols(const RequestParams& params) const {
    ParamReader p(params);
    const auto one = p.optionalText("symbol");
    const auto many = p.optionalText("symbols");
    if (one && many)
        return VenueError{400, -1101, "Too many parameters; expected 'symbol' or 'symbols'."};
    if (one) {
        const auto index = m_market.indexOf(*one);
        if (!index)
            return invalidSymbol();
        return std::optional<std::vector<std::size_t>>(std::vector<std::size_t>{*index});
    }
    if (!many)
        return std::optional<std::vector<std::size_t>>();
    std::string_view list = *many;
    if (list.size() < 2 || list.front() != '[' || list.back() != ']')
        return ParamReader::illegal(
            "symbols", "^\\[(\"[A-Z0-9-_.]{1,20}\"(,\"[A-Z0-9-_.]{1,20}\"){0,}){0,1}\\]$");
    list = list.substr(1, list.size() - 2);
    std::vector<std::size_t> indices;
    while (!list.empty()) {
        const auto comma = list.find(',');
        std::string_view item = list.substr(0, comma);
        list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
        while (!item.empty() && item.front() == ' ')
            item.remove_prefix(1);
        while (!item.empty() && item.back() == ' ')
            item.remove_suffix(1);
        if (item.size() < 2 || item.front() != '"' || item.back() != '"')
            return ParamReader::illegal(
                "symbols", "^\\[(\"[A-Z0-9-_.]{1,20}\"(,\"[A-Z0-9-_.]{1,20}\"){0,}){0,1}\\]$");
        const auto index = m_market.indexOf(item.substr(1, item.size() - 2));
        if (!index)
            return invalidSymbol();
        indices.push_back(*index);
    }
    return std::optional<std::vector<std::size_t>>(std::move(indices));
}

RestReply MarketDataEndpoints::ping(const RequestParams&) const {
    return std::string("{}");
}

RestReply MarketDataEndpoints::time(const RequestParams&, std::int64_t serverTimeMs) const {
    JsonWriter w;
    w.beginObject().field("serverTime", serverTimeMs).endObject();
    return w.take();
}

RestReply MarketDataEndpoints::exchangeInfo(const RequestParams& params,
                                            std::int64_t serverTimeMs) const {
    auto selected = selectSymbols(params);
    if (auto* error = std::get_if<VenueError>(&selected))
        return *error;
    const auto& which = std::get<0>(selected);
    JsonWriter w;
    w.beginObject().field("timezone", "UTC").field("serverTime", serverTimeMs);
    writeRateLimits(w, m_config);
    w.key("exchangeFilters").beginArray().endArray();
    w.key("symbols").beginArray();
    for (std::size_t i = 0; i < m_market.symbols().size(); ++i)
        if (!which || std::find(which->begin(), which->end(), i) != which->end())
            writeSymbol(w, m_market.symbols()[i]);
    w.endArray();
    w.endObject();
    return w.take();
}

RestReply MarketDataEndpoints::depth(const RequestParams& params) const {
    auto symbol = requireSymbol(params);
    if (auto* error = std::get_if<VenueError>(&symbol))
        return *error;
    ParamReader p(params);
    const std::int64_t limit = p.optionalInteger("limit").value_or(kDefaultDepth);
    if (p.error())
        return *p.error();
    if (limit < 1 || limit > kMaxDepth)
        return VenueError{400, -1100,
                          "Illegal characters found in parameter 'limit'; legal "
                          "range is '1 .. 5000'."};
    const DepthBook& book = m_market.book(std::get<std::size_t>(symbol));
    JsonWriter w;
    w.beginObject().field("lastUpdateId", book.updateId());
    w.key("bids");
    writeLevels(w, book.bids(), static_cast<std::size_t>(limit));
    w.key("asks");
    writeLevels(w, book.asks(), static_cast<std::size_t>(limit));
    w.endObject();
    return w.take();
}

RestReply MarketDataEndpoints::trades(const RequestParams& params) const {
    auto symbol = requireSymbol(params);
    if (auto* error = std::get_if<VenueError>(&symbol))
        return *error;
    ParamReader p(params);
    const std::int64_t limit =
        std::clamp<std::int64_t>(p.optionalInteger("limit").value_or(500), 1, 1000);
    if (p.error())
        return *p.error();
    const auto& tape = m_market.recentTrades(std::get<std::size_t>(symbol));
    const std::size_t count = std::min<std::size_t>(tape.size(), static_cast<std::size_t>(limit));
    JsonWriter w;
    w.beginArray();
    for (std::size_t i = tape.size() - count; i < tape.size(); ++i) {
        const auto& t = tape[i];
        w.beginObject()
            .field("id", t.id)
            .field("price", t.price.decimal())
            .field("qty", t.quantity.decimal())
            .field("quoteQty", t.price.decimal().multiply(t.quantity.decimal()).valueOr(Decimal()))
            .field("time", t.timeMs)
            .field("isBuyerMaker", t.buyerIsMaker)
            .field("isBestMatch", true)
            .endObject();
    }
    w.endArray();
    return w.take();
}

RestReply MarketDataEndpoints::aggTrades(const RequestParams& params) const {
    auto symbol = requireSymbol(params);
    if (auto* error = std::get_if<VenueError>(&symbol))
        return *error;
    ParamReader p(params);
    const std::int64_t limit =
        std::clamp<std::int64_t>(p.optionalInteger("limit").value_or(500), 1, 1000);
    const auto fromId = p.optionalInteger("fromId");
    const auto startTime = p.optionalInteger("startTime");
    const auto endTime = p.optionalInteger("endTime");
    if (p.error())
        return *p.error();
    // Every simulated trade is its own aggregate (one taker, one price).
    const auto& tape = m_market.recentTrades(std::get<std::size_t>(symbol));
    std::vector<const ExchangeMarket::TradePrint*> selected;
    for (const auto& t : tape) {
        if (fromId && t.id < *fromId)
            continue;
        if (startTime && t.timeMs < *startTime)
            continue;
        if (endTime && t.timeMs > *endTime)
            continue;
        selected.push_back(&t);
    }
    const bool newest = !fromId && !startTime && !endTime;
    std::size_t from = 0;
    std::size_t count = std::min<std::size_t>(selected.size(), static_cast<std::size_t>(limit));
    if (newest)
        from = selected.size() - count;
    JsonWriter w;
    w.beginArray();
    for (std::size_t i = from; i < from + count; ++i) {
        const auto& t = *selected[i];
        w.beginObject()
            .field("a", t.id)
            .field("p", t.price.decimal())
            .field("q", t.quantity.decimal())
            .field("f", t.id)
            .field("l", t.id)
            .field("T", t.timeMs)
            .field("m", t.buyerIsMaker)
            .field("M", true)
            .endObject();
    }
    w.endArray();
    return w.take();
}

RestReply MarketDataEndpoints::klines(const RequestParams& params) const {
    auto symbol = requireSymbol(params);
    if (auto* error = std::get_if<VenueError>(&symbol))
        return *error;
    ParamReader p(params);
    const std::string intervalName = p.text("interval");
    const auto startTime = p.optionalInteger("startTime");
    const auto endTime = p.optionalInteger("endTime");
    const auto limit = p.optionalInteger("limit");
    if (p.error())
        return *p.error();
    const auto interval = KlineInterval::parse(intervalName);
    if (!interval)
        return VenueError{400, -1120, "Invalid interval."};
    if (limit && (*limit < 1 || *limit > 1000))
        return VenueError{400, -1100,
                          "Illegal characters found in parameter 'limit'; legal "
                          "range is '1 .. 1000'."};
    if (startTime && endTime && *startTime > *endTime)
        return VenueError{400, -1128, "Combination of optional parameters invalid."};
    const auto klines = m_market.klines(std::get<std::size_t>(symbol), *interval, startTime,
                                        endTime, static_cast<std::size_t>(limit.value_or(500)));
    JsonWriter w;
    w.beginArray();
    for (const auto& k : klines)
        w.beginArray()
            .integer(k.openTimeMs)
            .decimal(k.open)
            .decimal(k.high)
            .decimal(k.low)
            .decimal(k.close)
            .decimal(k.volume)
            .integer(k.closeTimeMs)
            .decimal(k.quoteVolume)
            .integer(k.trades)
            .decimal(k.takerBuyBase)
            .decimal(k.takerBuyQuote)
            .string("0")
            .endArray();
    w.endArray();
    return w.take();
}

RestReply MarketDataEndpoints::ticker24hr(const RequestParams& params) const {
    return writePerSymbol(params, [&](JsonWriter& w, std::size_t i) {
        const auto s = m_market.stats24h(i);
        const DepthBook& book = m_market.book(i);
        const Decimal change = s.lastPrice.subtract(s.openPrice).valueOr(Decimal());
        const double percent =
            s.openPrice.isZero() ? 0.0 : 100.0 * change.toDouble() / s.openPrice.toDouble();
        w.beginObject()
            .field("symbol", m_market.symbols()[i].symbol)
            .field("priceChange", change)
            .field("priceChangePercent", Decimal::fromDouble(percent, 3).valueOr(Decimal()), 3)
            .field("weightedAvgPrice", s.weightedAvgPrice)
            .field("prevClosePrice", s.prevClosePrice)
            .field("lastPrice", s.lastPrice)
            .field("lastQty", s.lastQty)
            .field("bidPrice", book.bids().empty() ? Decimal() : book.bids()[0].price.decimal())
            .field("bidQty", book.bids().empty() ? Decimal() : book.bids()[0].quantity.decimal())
            .field("askPrice", book.asks().empty() ? Decimal() : book.asks()[0].price.decimal())
            .field("askQty", book.asks().empty() ? Decimal() : book.asks()[0].quantity.decimal())
            .field("openPrice", s.openPrice)
            .field("highPrice", s.highPrice)
            .field("lowPrice", s.lowPrice)
            .field("volume", s.volume)
            .field("quoteVolume", s.quoteVolume)
            .field("openTime", s.openTimeMs)
            .field("closeTime", s.closeTimeMs)
            .field("firstId", s.firstId)
            .field("lastId", s.lastId)
            .field("count", s.count)
            .endObject();
    });
}

RestReply MarketDataEndpoints::tickerPrice(const RequestParams& params) const {
    return writePerSymbol(params, [&](JsonWriter& w, std::size_t i) {
        w.beginObject()
            .field("symbol", m_market.symbols()[i].symbol)
            .field("price", m_market.lastPrice(i).decimal())
            .endObject();
    });
}

RestReply MarketDataEndpoints::bookTicker(const RequestParams& params) const {
    return writePerSymbol(params, [&](JsonWriter& w, std::size_t i) {
        const DepthBook& book = m_market.book(i);
        w.beginObject()
            .field("symbol", m_market.symbols()[i].symbol)
            .field("bidPrice", book.bids().empty() ? Decimal() : book.bids()[0].price.decimal())
            .field("bidQty", book.bids().empty() ? Decimal() : book.bids()[0].quantity.decimal())
            .field("askPrice", book.asks().empty() ? Decimal() : book.asks()[0].price.decimal())
            .field("askQty", book.asks().empty() ? Decimal() : book.asks()[0].quantity.decimal())
            .endObject();
    });
}

RestReply MarketDataEndpoints::writePerSymbol(
    const RequestParams& params,
    const std::function<void(JsonWriter&, std::size_t)>& writeOne) const {
    auto selected = selectSymbols(params);
    if (auto* error = std::get_if<VenueError>(&selected))
        return *error;
    const auto& which = std::get<0>(selected);
    const bool single = params.get("symbol").has_value();
    JsonWriter w;
    if (!single)
        w.beginArray();
    if (which) {
        for (const std::size_t i : *which)
            writeOne(w, i);
    } else {
        for (std::size_t i = 0; i < m_market.symbols().size(); ++i)
            writeOne(w, i);
    }
    if (!single)
        w.endArray();
    return w.take();
}

RestReply MarketDataEndpoints::avgPrice(const RequestParams& params) const {
    auto symbol = requireSymbol(params);
    if (auto* error = std::get_if<VenueError>(&symbol))
        return *error;
    const std::size_t index = std::get<std::size_t>(symbol);
    JsonWriter w;
    w.beginObject()
        .field("mins", 5)
        .field("price", m_market.averagePrice(index, 5))
        .field("closeTime", m_market.now() / kNsPerMillisecond)
        .endObject();
    return w.take();
}

} // namespace cw::exchangesim
