// SPDX-License-Identifier: MIT
#include "core/adapters/binance/BinanceRestParser.hpp"

#include "core/adapters/binance/BinanceEnums.hpp"
#include "core/adapters/binance/BinanceJsonReader.hpp"

#include <algorithm>
#include <optional>

namespace cw::adapters::binance {

namespace {

namespace od = simdjson::ondemand;
using Kind = BinanceParseErrorKind;

// The value with trailing zero decimals dropped: "0.01000000" -> 0.01 (precision 2).
Decimal significant(const Decimal& value) {
    std::int64_t raw = value.raw();
    int precision = value.precision();
    while (precision > 0 && raw % 10 == 0) {
        raw /= 10;
        --precision;
    }
    return Decimal::fromRaw(raw, precision);
}

// What one exchangeInfo symbol says, before it becomes an Instrument.
struct SymbolRules {
    std::string_view symbol, status, baseAsset, quoteAsset;
    std::int64_t baseAssetPrecision = 8;
    std::int64_t quoteAssetPrecision = 8;
    std::optional<Decimal> tickSize, stepSize, minNotional;
};

} // namespace

struct BinanceRestParser::Impl {
    explicit Impl(Options opts) : options(opts), reader(opts.microsecondTimestamps) {}

    Options options;
    BinanceJsonReader reader;
    BinanceParseStats stats;
    BinanceParseErrorKind lastKind = BinanceParseErrorKind::Invalid;

    template <class T, class Body>
    Result<T> run(std::string_view bytes, std::string_view context, Body&& body) {
        T out{};
        od::document doc;
        const bool ok = reader.begin(bytes, doc, context) && body(doc, out);
        if (!ok || !reader.finish(doc)) {
            lastKind = reader.errorKind();
            return reader.takeError(stats);
        }
        lastKind = BinanceParseErrorKind::Invalid;
        stats.recordParsed();
        return out;
    }

    /// A root array of objects, each read by `item(object, element)` into one element of `out`.
    template <class T, class Item>
    Result<std::vector<T>> runList(std::string_view bytes, std::string_view context, Item&& item) {
        return run<std::vector<T>>(bytes, context, [&](od::document& doc, std::vector<T>& out) {
            od::array list;
            if (!reader.rootArray(doc, list))
                return false;
            for (auto itemResult : list) {
                od::value value;
                od::object o;
                if (auto error = itemResult.get(value))
                    return reader.failJson(error, {});
                T element{};
                if (!reader.object(value, o, {}) || !item(o, element))
                    return false;
                out.push_back(std::move(element));
            }
            return true;
        });
    }

    bool decimalField(od::object& o, std::string_view key, std::optional<Decimal>& out) {
        std::string_view text;
        if (!reader.stringField(o, key, text))
            return false;
        auto value = Decimal::parse(text);
        if (!value)
            return reader.failDecimal(value.error(), key);
        out = significant(*value);
        return true;
    }
    bool filters(od::value& value, SymbolRules& rules);
    bool symbolRules(od::object& o, SymbolRules& rules);
    std::optional<Instrument> instrument(const SymbolRules& rules, std::string& whySkipped);
    bool order(od::object& o, const BinanceSymbolTable& symbols, BinanceOrder& out);
    bool trade(od::object& o, const BinanceSymbolTable& symbols, OrderFilled& out);
    const BinanceSymbolInfo* lookup(const BinanceSymbolTable& symbols, std::string_view symbol) {
        const BinanceSymbolInfo* info = symbols.find(symbol);
        if (info == nullptr)
            reader.fail(Kind::UnknownSymbol, "symbol",
                        "symbol '" + std::string(symbol) + "' is not known");
        return info;
    }
};

bool BinanceRestParser::Impl::filters(od::value& value, SymbolRules& rules) {
    od::array list;
    if (!reader.array(value, list, "filters"))
        return false;
    for (auto itemResult : list) {
        od::value item;
        od::object filter;
        if (auto error = itemResult.get(item))
            return reader.failJson(error, "filters");
        if (!reader.object(item, filter, "filters"))
            return false;
        std::string_view type;
        if (!reader.stringField(filter, "filterType", type))
            return false;
        if (type == "PRICE_FILTER") {
            if (!decimalField(filter, "tickSize", rules.tickSize))
                return false;
        } else if (type == "LOT_SIZE") {
            if (!decimalField(filter, "stepSize", rules.stepSize))
                return false;
        } else if (type == "NOTIONAL" || (type == "MIN_NOTIONAL" && !rules.minNotional)) {
            // NOTIONAL replaced MIN_NOTIONAL; when both appear NOTIONAL wins.
            if (!decimalField(filter, "minNotional", rules.minNotional))
                return false;
        }
    }
    return true;
}

bool BinanceRestParser::Impl::symbolRules(od::object& o, SymbolRules& rules) {
    od::value value;
    bool present = false;
    if (!reader.stringField(o, "symbol", rules.symbol) ||
        !reader.stringField(o, "status", rules.status) ||
        !reader.stringField(o, "baseAsset", rules.baseAsset) ||
        !reader.stringField(o, "quoteAsset", rules.quoteAsset))
        return false;
    if (!reader.optionalField(o, "baseAssetPrecision", value, present) ||
        (present && !reader.int64(value, rules.baseAssetPrecision, "baseAssetPrecision")))
        return false;
    if (!reader.optionalField(o, "quoteAssetPrecision", value, present) ||
        (present && !reader.int64(value, rules.quoteAssetPrecision, "quoteAssetPrecision")))
        return false;
    if (!reader.optionalField(o, "filters", value, present))
        return false;
    return !present || filters(value, rules);
}

std::optional<Instrument> BinanceRestParser::Impl::instrument(const SymbolRules& rules,
                                                              std::string& whySkipped) {
    const std::string symbol(rules.symbol);
    if (rules.status != "TRADING" && !options.includeNonTrading) {
        whySkipped = symbol + ": status " + std::string(rules.status);
        return std::nullopt;
    }
    auto base = Currency::parse(rules.baseAsset);
    auto quote = Currency::parse(rules.quoteAsset);
    if (!base || !quote) {
        whySkipped = symbol + ": asset code not supported";
        return std::nullopt;
    }
    auto clampPrecision = [](std::int64_t p) {
        return static_cast<int>(std::clamp<std::int64_t>(p, 0, 18));
    };
    Instrument instrument;
    instrument.symbol = symbol;
    instrument.venue = std::string(kBinanceVenue);
    instrument.assetClass = AssetClass::Crypto;
    instrument.baseCurrency = *base;
    instrument.quoteCurrency = *quote;
    // A rule of 0 disables the filter; then the asset precision is the only constraint.
    if (rules.tickSize && rules.tickSize->isPositive()) {
        instrument.pricePrecision = rules.tickSize->precision();
        instrument.tickSize = Price(*rules.tickSize);
    } else {
        instrument.pricePrecision = clampPrecision(rules.quoteAssetPrecision);
        instrument.tickSize = Price::fromRaw(1, instrument.pricePrecision);
    }
    if (rules.stepSize && rules.stepSize->isPositive()) {
        instrument.quantityPrecision = rules.stepSize->precision();
        instrument.lotSize = Quantity(*rules.stepSize);
    } else {
        instrument.quantityPrecision = clampPrecision(rules.baseAssetPrecision);
        instrument.lotSize = Quantity::fromRaw(1, instrument.quantityPrecision);
    }
    instrument.minNotional =
        Money(rules.minNotional ? *rules.minNotional : Decimal(), instrument.quoteCurrency);
    if (auto valid = instrument.validate(); !valid) {
        whySkipped = symbol + ": " + valid.error().message;
        return std::nullopt;
    }
    return instrument;
}

bool BinanceRestParser::Impl::order(od::object& o, const BinanceSymbolTable& symbols,
                                    BinanceOrder& out) {
    std::string_view symbol, text;
    if (!reader.stringField(o, "symbol", symbol))
        return false;
    const BinanceSymbolInfo* info = lookup(symbols, symbol);
    if (info == nullptr)
        return false;
    out.instrument = info->key;
    const int pp = info->pricePrecision;
    const int qp = info->quantityPrecision;
    od::value value;
    bool present = false;
    if (!reader.int64Field(o, "orderId", out.orderId) ||
        !reader.stringField(o, "clientOrderId", text))
        return false;
    out.clientOrderId.assign(text);
    if (!reader.optionalField(o, "orderListId", value, present) ||
        (present && !reader.int64(value, out.orderListId, "orderListId")))
        return false;
    text = {};
    if (!reader.optionalStringField(o, "origClientOrderId", text))
        return false;
    out.origClientOrderId.assign(text);
    if (!reader.optionalField(o, "transactTime", value, present) ||
        (present && !reader.time(value, out.transactTime, "transactTime")))
        return false;
    if (!reader.optionalField(o, "time", value, present) ||
        (present && !reader.time(value, out.createdTime, "time")))
        return false;
    // RESULT / FULL / query: the order's details.
    if (!reader.optionalField(o, "status", value, present))
        return false;
    if (!present)
        return true; // ACK
    out.hasDetails = true;
    if (!reader.string(value, text, "status"))
        return false;
    out.venueStatus.assign(text);
    out.status = BinanceEnums::orderStatus(text);
    if (out.status == OrderStatus::Invalid)
        return reader.fail(Kind::BadValue, "status",
                           "unknown order status '" + out.venueStatus + "'");
    std::string_view side, type, tif;
    if (!reader.stringField(o, "side", side) || !reader.stringField(o, "type", type) ||
        !reader.stringField(o, "timeInForce", tif))
        return false;
    out.side = BinanceEnums::side(side);
    out.type = BinanceEnums::orderType(type);
    out.venueType.assign(type);
    out.timeInForce = BinanceEnums::timeInForce(tif);
    if (out.side == Side::Invalid || out.type == OrderType::Invalid ||
        out.timeInForce == TimeInForce::Invalid)
        return reader.fail(Kind::BadValue, "type",
                           "unknown side, type or time in force: " + std::string(side) + " " +
                               std::string(type) + " " + std::string(tif));
    if (!reader.priceField(o, "price", pp, out.price) ||
        !reader.quantityField(o, "origQty", qp, out.originalQuantity) ||
        !reader.quantityField(o, "executedQty", qp, out.executedQuantity) ||
        !reader.optionalPriceField(o, "stopPrice", pp, out.stopPrice))
        return false;
    text = {};
    if (!reader.optionalStringField(o, "cummulativeQuoteQty", text))
        return false;
    out.cumulativeQuoteQuantity.assign(text);
    if (!reader.optionalField(o, "fills", value, present))
        return false;
    if (!present)
        return true;
    od::array fills;
    if (!reader.array(value, fills, "fills"))
        return false;
    for (auto itemResult : fills) {
        od::value item;
        od::object f;
        if (auto error = itemResult.get(item))
            return reader.failJson(error, "fills");
        if (!reader.object(item, f, "fills"))
            return false;
        BinanceOrderFill fill;
        std::string_view asset;
        if (!reader.priceField(f, "price", pp, fill.price) ||
            !reader.quantityField(f, "qty", qp, fill.quantity) ||
            !reader.stringField(f, "commissionAsset", asset))
            return false;
        auto currency = Currency::parse(asset);
        if (!currency)
            return reader.fail(Kind::BadValue, "commissionAsset", currency.error().message);
        if (!reader.field(f, "commission", value) ||
            !reader.money(value, *currency, fill.commission, "commission") ||
            !reader.int64Field(f, "tradeId", fill.tradeId))
            return false;
        if (!fill.quantity.isPositive())
            return reader.fail(Kind::BadValue, "fills.qty", "a fill of no quantity");
        out.fills.push_back(fill);
    }
    return true;
}

bool BinanceRestParser::Impl::trade(od::object& o, const BinanceSymbolTable& symbols,
                                    OrderFilled& out) {
    std::string_view symbol, asset;
    if (!reader.stringField(o, "symbol", symbol))
        return false;
    const BinanceSymbolInfo* info = lookup(symbols, symbol);
    if (info == nullptr)
        return false;
    out.instrument = info->key;
    std::int64_t id = 0;
    std::int64_t orderId = 0;
    bool isBuyer = false;
    bool isMaker = false;
    od::value value;
    if (!reader.int64Field(o, "id", id) || !reader.int64Field(o, "orderId", orderId) ||
        !reader.priceField(o, "price", info->pricePrecision, out.price) ||
        !reader.quantityField(o, "qty", info->quantityPrecision, out.quantity) ||
        !reader.stringField(o, "commissionAsset", asset))
        return false;
    auto currency = Currency::parse(asset);
    if (!currency)
        return reader.fail(Kind::BadValue, "commissionAsset", currency.error().message);
    if (!reader.field(o, "commission", value) ||
        !reader.money(value, *currency, out.fee, "commission") ||
        !reader.timeField(o, "time", out.venueTime) || !reader.boolField(o, "isBuyer", isBuyer) ||
        !reader.boolField(o, "isMaker", isMaker))
        return false;
    if (!out.quantity.isPositive())
        return reader.fail(Kind::BadValue, "qty", "a trade of no quantity");
    out.tradeId = std::to_string(id);
    out.venueOrderId = std::to_string(orderId);
    out.side = isBuyer ? Side::Buy : Side::Sell;
    out.liquidity = isMaker ? Liquidity::Maker : Liquidity::Taker;
    out.cumulativeQuantity = Quantity::fromRaw(0, info->quantityPrecision);
    out.leavesQuantity = Quantity::fromRaw(0, info->quantityPrecision);
    return true;
}

BinanceRestParser::BinanceRestParser() : BinanceRestParser(Options{}) {}
BinanceRestParser::BinanceRestParser(Options options) : m_impl(std::make_unique<Impl>(options)) {}
BinanceRestParser::~BinanceRestParser() = default;

const BinanceParseStats& BinanceRestParser::stats() const {
    return m_impl->stats;
}

BinanceParseErrorKind BinanceRestParser::lastErrorKind() const {
    return m_impl->lastKind;
}

Result<std::int64_t> BinanceRestParser::parseServerTime(std::string_view body) {
    Impl& impl = *m_impl;
    return impl.run<std::int64_t>(body, "time", [&](od::document& doc, std::int64_t& out) {
        od::object root;
        if (!impl.reader.rootObject(doc, root) || !impl.reader.int64Field(root, "serverTime", out))
            return false;
        TimestampNs ns = 0;
        if (out <= 0 || !impl.reader.toNs(out, ns))
            return impl.reader.fail(Kind::BadNumber, "serverTime", "not a plausible time");
        return true;
    });
}

Result<BinanceExchangeInfo> BinanceRestParser::parseExchangeInfo(std::string_view body) {
    Impl& impl = *m_impl;
    auto& reader = impl.reader;
    return impl.run<BinanceExchangeInfo>(
        body, "exchangeInfo", [&](od::document& doc, BinanceExchangeInfo& out) {
            od::object root;
            od::value value;
            bool present = false;
            if (!reader.rootObject(doc, root))
                return false;
            if (!reader.optionalField(root, "serverTime", value, present) ||
                (present && !reader.time(value, out.serverTime, "serverTime")))
                return false;
            if (!reader.optionalField(root, "rateLimits", value, present) ||
                (present && !reader.rateLimits(value, out.rateLimits)))
                return false;
            od::array symbols;
            if (!reader.field(root, "symbols", value) || !reader.array(value, symbols, "symbols"))
                return false;
            for (auto itemResult : symbols) {
                od::value item;
                od::object o;
                if (auto error = itemResult.get(item))
                    return reader.failJson(error, "symbols");
                if (!reader.object(item, o, "symbols"))
                    return false;
                SymbolRules rules;
                if (!impl.symbolRules(o, rules))
                    return false;
                std::string whySkipped;
                if (auto instrument = impl.instrument(rules, whySkipped))
                    out.instruments.push_back(std::move(*instrument));
                else
                    out.skipped.push_back(std::move(whySkipped));
            }
            return true;
        });
}

Result<std::vector<Bar>> BinanceRestParser::parseKlines(std::string_view body,
                                                        const BinanceSymbolInfo& symbol,
                                                        const Timeframe& timeframe) {
    Impl& impl = *m_impl;
    auto& reader = impl.reader;
    if (!timeframe.isValid())
        return fail(ErrorCode::InvalidArgument, "klines: invalid timeframe");
    return impl.run<std::vector<Bar>>(
        body, "klines", [&](od::document& doc, std::vector<Bar>& out) {
            od::array rows;
            if (!reader.rootArray(doc, rows))
                return false;
            for (auto rowResult : rows) {
                od::value rowValue;
                od::array row;
                if (auto error = rowResult.get(rowValue))
                    return reader.failJson(error, "row");
                if (!reader.array(rowValue, row, "row"))
                    return false;
                Bar bar;
                bar.timeframe = timeframe;
                int index = 0;
                for (auto cellResult : row) {
                    od::value cell;
                    if (auto error = cellResult.get(cell))
                        return reader.failJson(error, "row");
                    bool ok = true;
                    switch (index) {
                    case 0:
                        ok = reader.time(cell, bar.openTime, "openTime");
                        break;
                    case 1:
                        ok = reader.price(cell, symbol.pricePrecision, bar.open, "open");
                        break;
                    case 2:
                        ok = reader.price(cell, symbol.pricePrecision, bar.high, "high");
                        break;
                    case 3:
                        ok = reader.price(cell, symbol.pricePrecision, bar.low, "low");
                        break;
                    case 4:
                        ok = reader.price(cell, symbol.pricePrecision, bar.close, "close");
                        break;
                    case 5:
                        ok = reader.quantity(cell, symbol.quantityPrecision, bar.volume, "volume");
                        break;
                    case 8:
                        ok = reader.int64(cell, bar.tradeCount, "numberOfTrades");
                        break;
                    default:
                        break; // close time, quote volume, taker volumes, ignore
                    }
                    if (!ok)
                        return false;
                    ++index;
                }
                if (index < 9)
                    return reader.fail(Kind::MissingField, "row",
                                       "a kline has " + std::to_string(index) +
                                           " fields, expected 12");
                if (timeframe.bucketStart(bar.openTime) != bar.openTime)
                    return reader.fail(Kind::BadValue, "openTime",
                                       "not a UTC bucket start of " + timeframe.toString());
                if (!out.empty() && bar.openTime <= out.back().openTime)
                    return reader.fail(Kind::BadValue, "openTime", "open times not increasing");
                if (bar.tradeCount < 0 || !bar.isConsistent())
                    return reader.fail(Kind::BadValue, "row", "inconsistent bar");
                out.push_back(bar);
            }
            return true;
        });
}

Result<BinanceDepthSnapshot> BinanceRestParser::parseDepth(std::string_view body,
                                                           const BinanceSymbolInfo& symbol) {
    Impl& impl = *m_impl;
    auto& reader = impl.reader;
    return impl.run<BinanceDepthSnapshot>(
        body, "depth", [&](od::document& doc, BinanceDepthSnapshot& out) {
            od::object root;
            od::value bids, asks;
            out.instrument = symbol.key;
            return reader.rootObject(doc, root) &&
                   reader.uint64Field(root, "lastUpdateId", out.lastUpdateId) &&
                   reader.field(root, "bids", bids) &&
                   reader.levels(bids, symbol.pricePrecision, symbol.quantityPrecision, out.bids,
                                 "bids") &&
                   reader.field(root, "asks", asks) &&
                   reader.levels(asks, symbol.pricePrecision, symbol.quantityPrecision, out.asks,
                                 "asks");
        });
}

Result<AccountReport> BinanceRestParser::parseAccount(std::string_view body) {
    Impl& impl = *m_impl;
    auto& reader = impl.reader;
    return impl.run<AccountReport>(body, "account", [&](od::document& doc, AccountReport& out) {
        od::object root;
        od::value value;
        bool present = false;
        if (!reader.rootObject(doc, root))
            return false;
        out.venue = std::string(kBinanceVenue);
        if (!reader.optionalField(root, "uid", value, present) ||
            (present && !reader.idText(value, out.account, "uid")))
            return false;
        if (!reader.optionalField(root, "updateTime", value, present) ||
            (present && !reader.time(value, out.venueTime, "updateTime")))
            return false;
        od::array balances;
        if (!reader.field(root, "balances", value) || !reader.array(value, balances, "balances"))
            return false;
        for (auto itemResult : balances) {
            od::value item;
            od::object o;
            if (auto error = itemResult.get(item))
                return reader.failJson(error, "balances");
            if (!reader.object(item, o, "balances"))
                return false;
            std::string_view asset;
            if (!reader.stringField(o, "asset", asset))
                return false;
            auto currency = Currency::parse(asset);
            if (!currency)
                return reader.fail(Kind::BadValue, "balances.asset", currency.error().message);
            BalanceReport balance;
            balance.currency = *currency;
            if (!reader.field(o, "free", value) ||
                !reader.money(value, *currency, balance.free, "balances.free") ||
                !reader.field(o, "locked", value) ||
                !reader.money(value, *currency, balance.locked, "balances.locked"))
                return false;
            auto total = balance.free.add(balance.locked);
            if (!total)
                return reader.failDecimal(total.error(), "balances");
            balance.total = *total;
            out.balances.push_back(balance);
        }
        return true;
    });
}

Result<BinanceOrder> BinanceRestParser::parseOrder(std::string_view body,
                                                   const BinanceSymbolTable& symbols) {
    Impl& impl = *m_impl;
    return impl.run<BinanceOrder>(body, "order", [&](od::document& doc, BinanceOrder& out) {
        od::object root;
        return impl.reader.rootObject(doc, root) && impl.order(root, symbols, out);
    });
}

Result<std::vector<BinanceOrder>>
BinanceRestParser::parseOrders(std::string_view body, const BinanceSymbolTable& symbols) {
    Impl& impl = *m_impl;
    return impl.runList<BinanceOrder>(body, "orders", [&](od::object& o, BinanceOrder& order) {
        return impl.order(o, symbols, order);
    });
}

Result<std::vector<OrderFilled>>
BinanceRestParser::parseMyTrades(std::string_view body, const BinanceSymbolTable& symbols) {
    Impl& impl = *m_impl;
    return impl.runList<OrderFilled>(body, "myTrades", [&](od::object& o, OrderFilled& fill) {
        return impl.trade(o, symbols, fill);
    });
}

Result<BinanceVenueError> BinanceRestParser::parseError(std::string_view body, int httpStatus) {
    Impl& impl = *m_impl;
    return impl.run<BinanceVenueError>(body, "error",
                                       [&](od::document& doc, BinanceVenueError& out) {
                                           od::object root;
                                           out.httpStatus = httpStatus;
                                           if (!impl.reader.rootObject(doc, root))
                                               return false;
                                           od::value code;
                                           if (!impl.reader.field(root, "code", code))
                                               return false;
                                           if (auto error = root.reset().error())
                                               return impl.reader.failJson(error, {});
                                           return impl.reader.venueError(root, out);
                                       });
}

} // namespace cw::adapters::binance
