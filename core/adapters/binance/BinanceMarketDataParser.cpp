// SPDX-License-Identifier: MIT
#include "core/adapters/binance/BinanceMarketDataParser.hpp"

#include "core/adapters/binance/BinanceJsonReader.hpp"

namespace cw::adapters::binance {

namespace {

namespace od = simdjson::ondemand;
using Kind = BinanceParseErrorKind;

// A one-letter key, as Binance's stream payloads use: its letter, or '\0' for longer keys.
// Keys are compared raw (the venue never escapes them).
char singleLetterKey(const od::raw_json_string& key) {
    const char* raw = key.raw();
    return (raw[0] != '"' && raw[0] != '\\' && raw[1] == '"') ? raw[0] : '\0';
}

// "btcusdt@depth5@100ms" -> "btcusdt"; "btcusdt" -> "btcusdt".
std::string_view streamSymbol(std::string_view stream) {
    return stream.substr(0, stream.find('@'));
}

bool endsWithStreamType(std::string_view stream, std::string_view type) {
    const auto at = stream.find('@');
    if (at == std::string_view::npos)
        return false;
    return stream.substr(at + 1, type.size()) == type;
}

} // namespace

struct BinanceMarketDataParser::Impl {
    Impl(const BinanceSymbolTable& table, Options options)
        : symbols(table), reader(options.microsecondTimestamps) {}

    const BinanceSymbolTable& symbols;
    BinanceJsonReader reader;
    BinanceParseStats stats;
    BinanceParseErrorKind lastKind = BinanceParseErrorKind::Invalid;

    const BinanceSymbolInfo* lookup(std::string_view symbol, std::string_view field) {
        if (lastInfo != nullptr && symbol == lastSymbol)
            return lastInfo;
        const BinanceSymbolInfo* info = symbols.find(symbol);
        if (info != nullptr) {
            lastSymbol.assign(symbol);
            lastInfo = info;
        }
        if (info == nullptr)
            reader.fail(Kind::UnknownSymbol, field,
                        "symbol '" + std::string(symbol) + "' is not known");
        return info;
    }
    const BinanceSymbolInfo* lookupStream(std::string_view stream) {
        const std::string_view symbol = streamSymbol(stream);
        const BinanceSymbolInfo* info = symbols.findStreamSymbol(symbol);
        if (info == nullptr)
            reader.fail(Kind::UnknownSymbol, "stream",
                        "stream '" + std::string(stream) + "' names no known symbol");
        return info;
    }

    /// The first key of `object` when it is one that tells the payload's shape ("stream",
    /// "e", "u", "lastUpdateId"), else empty; for "e" also its value, the event type. The
    /// object is rewound afterwards.
    bool firstKey(od::object& object, std::string_view& key, std::string_view& eventType) {
        key = {};
        eventType = {};
        for (auto fieldResult : object) {
            od::field field;
            if (auto error = std::move(fieldResult).get(field))
                return reader.failJson(error, {});
            // Keys compared raw: the venue never escapes them.
            const char* raw = field.key().raw();
            if (raw[0] == 'e' && raw[1] == '"') {
                key = "e";
                if (!reader.string(field.value(), eventType, "e"))
                    return false;
            } else if (raw[0] == 'u' && raw[1] == '"') {
                key = "u";
            } else if (field.key() == "stream") {
                key = "stream";
            } else if (field.key() == "lastUpdateId") {
                key = "lastUpdateId";
            }
            break;
        }
        if (auto error = object.reset().error())
            return reader.failJson(error, {});
        return true;
    }
    /// Whether the last handler iterated the root object to its end (then the document
    /// only needs its end checked, not a second pass).
    bool rootConsumed = false;
    /// The object being handled is the document's root.
    bool handlingRoot = false;
    /// The last symbol looked up: streams repeat the same few symbols.
    std::string lastSymbol;
    const BinanceSymbolInfo* lastInfo = nullptr;
    bool byEventType(od::object& object, std::string_view type, TimestampNs receivedTime,
                     BinanceMarketDataMessage& out);
    bool dispatch(od::object& object, std::string_view stream, TimestampNs receivedTime,
                  BinanceMarketDataMessage& out);
    bool trade(od::object& object, char idKey, TimestampNs receivedTime,
               BinanceMarketDataMessage& out);
    bool kline(od::object& object, TimestampNs receivedTime, BinanceMarketDataMessage& out);
    bool bookTicker(od::object& object, TimestampNs receivedTime, BinanceMarketDataMessage& out);
    bool depthUpdate(od::object& object, BinanceMarketDataMessage& out);
    bool partialDepth(od::object& object, std::string_view stream, BinanceMarketDataMessage& out);
};

bool BinanceMarketDataParser::Impl::trade(od::object& object, char idKey, TimestampNs receivedTime,
                                          BinanceMarketDataMessage& out) {
    // One pass over the fields in whatever order they come; decimals are parsed once the
    // symbol (and so the precision) is known.
    enum : unsigned { kSymbol = 1, kId = 2, kPrice = 4, kQty = 8, kTime = 16, kMaker = 32 };
    unsigned seen = 0;
    std::string_view symbol, priceText, qtyText;
    std::int64_t tradeId = 0;
    std::int64_t tradeTime = 0;
    bool buyerIsMaker = false;
    for (auto fieldResult : object) {
        od::field field;
        if (auto error = std::move(fieldResult).get(field))
            return reader.failJson(error, {});
        const char key = singleLetterKey(field.key());
        if (key == 's') {
            if (!reader.string(field.value(), symbol, "s"))
                return false;
            seen |= kSymbol;
        } else if (key == idKey) {
            if (!reader.int64(field.value(), tradeId, std::string_view(&idKey, 1)))
                return false;
            seen |= kId;
        } else if (key == 'p') {
            if (!reader.string(field.value(), priceText, "p"))
                return false;
            seen |= kPrice;
        } else if (key == 'q') {
            if (!reader.string(field.value(), qtyText, "q"))
                return false;
            seen |= kQty;
        } else if (key == 'T') {
            if (!reader.int64(field.value(), tradeTime, "T"))
                return false;
            seen |= kTime;
        } else if (key == 'm') {
            if (!reader.boolean(field.value(), buyerIsMaker, "m"))
                return false;
            seen |= kMaker;
        }
    }
    rootConsumed = handlingRoot;
    static constexpr std::pair<unsigned, std::string_view> kRequired[] = {
        {kSymbol, "s"}, {kId, "id"}, {kPrice, "p"}, {kQty, "q"}, {kTime, "T"}, {kMaker, "m"}};
    for (const auto& [bit, name] : kRequired)
        if ((seen & bit) == 0)
            return reader.fail(Kind::MissingField, name, "required field missing");
    const BinanceSymbolInfo* info = lookup(symbol, "s");
    if (info == nullptr)
        return false;
    TradeReceived trade;
    trade.instrument = info->key;
    trade.receivedTime = receivedTime;
    auto price = Price::parse(priceText, info->pricePrecision);
    if (!price)
        return reader.failDecimal(price.error(), "p");
    auto size = Quantity::parse(qtyText, info->quantityPrecision);
    if (!size)
        return reader.failDecimal(size.error(), "q");
    if (!price->isPositive() || !size->isPositive())
        return reader.fail(Kind::BadValue, "p", "price and quantity of a trade must be positive");
    if (!reader.toNs(tradeTime, trade.tick.time))
        return reader.fail(Kind::BadNumber, "T", "trade time outside the supported range");
    if (tradeId < 0)
        return reader.fail(Kind::BadValue, "id", "negative trade id");
    trade.tick.price = *price;
    trade.tick.size = *size;
    // The buyer was the maker: the seller took liquidity.
    trade.tick.aggressor = buyerIsMaker ? Side::Sell : Side::Buy;
    trade.tick.tradeId = tradeId;
    out = trade;
    return true;
}

bool BinanceMarketDataParser::Impl::kline(od::object& object, TimestampNs receivedTime,
                                          BinanceMarketDataMessage& out) {
    BinanceKlineUpdate update;
    update.receivedTime = receivedTime;
    std::string_view symbol;
    if (!reader.timeField(object, "E", update.eventTime) ||
        !reader.stringField(object, "s", symbol))
        return false;
    const BinanceSymbolInfo* info = lookup(symbol, "s");
    if (info == nullptr)
        return false;
    update.instrument = info->key;
    od::value kValue;
    od::object k;
    if (!reader.field(object, "k", kValue) || !reader.object(kValue, k, "k"))
        return false;
    std::string_view interval;
    std::int64_t trades = 0;
    Bar& bar = update.bar;
    if (!reader.timeField(k, "t", bar.openTime) || !reader.stringField(k, "i", interval) ||
        !reader.priceField(k, "o", info->pricePrecision, bar.open) ||
        !reader.priceField(k, "c", info->pricePrecision, bar.close) ||
        !reader.priceField(k, "h", info->pricePrecision, bar.high) ||
        !reader.priceField(k, "l", info->pricePrecision, bar.low) ||
        !reader.quantityField(k, "v", info->quantityPrecision, bar.volume) ||
        !reader.int64Field(k, "n", trades) || !reader.boolField(k, "x", update.closed))
        return false;
    auto timeframe = Timeframe::parse(interval);
    if (!timeframe)
        return reader.fail(Kind::BadValue, "k.i",
                           "unknown interval '" + std::string(interval) + "'");
    bar.timeframe = *timeframe;
    bar.tradeCount = trades;
    if (bar.timeframe.bucketStart(bar.openTime) != bar.openTime)
        return reader.fail(Kind::BadValue, "k.t",
                           "open time is not a UTC bucket start of " + std::string(interval) +
                               " (time-zone offset klines are not supported)");
    if (trades < 0 || !bar.isConsistent())
        return reader.fail(Kind::BadValue, "k", "inconsistent bar (low/high/volume/count)");
    out = std::move(update);
    return true;
}

bool BinanceMarketDataParser::Impl::bookTicker(od::object& object, TimestampNs receivedTime,
                                               BinanceMarketDataMessage& out) {
    std::string_view symbol;
    if (!reader.stringField(object, "s", symbol))
        return false;
    const BinanceSymbolInfo* info = lookup(symbol, "s");
    if (info == nullptr)
        return false;
    QuoteReceived quote;
    quote.instrument = info->key;
    quote.receivedTime = receivedTime;
    quote.quote.time = receivedTime;
    const int pp = info->pricePrecision;
    const int qp = info->quantityPrecision;
    if (!reader.priceField(object, "b", pp, quote.quote.bidPrice) ||
        !reader.quantityField(object, "B", qp, quote.quote.bidSize) ||
        !reader.priceField(object, "a", pp, quote.quote.askPrice) ||
        !reader.quantityField(object, "A", qp, quote.quote.askSize))
        return false;
    if (quote.quote.bidPrice.isNegative() || quote.quote.askPrice.isNegative() ||
        quote.quote.bidSize.isNegative() || quote.quote.askSize.isNegative())
        return reader.fail(Kind::BadValue, {}, "negative price or size in a book ticker");
    out = quote;
    return true;
}

bool BinanceMarketDataParser::Impl::depthUpdate(od::object& object, BinanceMarketDataMessage& out) {
    BinanceDepthUpdate update;
    std::string_view symbol;
    if (!reader.timeField(object, "E", update.eventTime) ||
        !reader.stringField(object, "s", symbol))
        return false;
    const BinanceSymbolInfo* info = lookup(symbol, "s");
    if (info == nullptr)
        return false;
    update.instrument = info->key;
    od::value bids, asks;
    if (!reader.uint64Field(object, "U", update.firstUpdateId) ||
        !reader.uint64Field(object, "u", update.finalUpdateId) ||
        !reader.field(object, "b", bids) ||
        !reader.levels(bids, info->pricePrecision, info->quantityPrecision, update.bids, "b") ||
        !reader.field(object, "a", asks) ||
        !reader.levels(asks, info->pricePrecision, info->quantityPrecision, update.asks, "a"))
        return false;
    if (update.finalUpdateId < update.firstUpdateId)
        return reader.fail(Kind::BadValue, "u", "final update id below the first");
    out = std::move(update);
    return true;
}

bool BinanceMarketDataParser::Impl::partialDepth(od::object& object, std::string_view stream,
                                                 BinanceMarketDataMessage& out) {
    if (stream.empty())
        return reader.fail(Kind::MissingField, "stream",
                           "a partial depth payload needs its stream name for the symbol");
    const BinanceSymbolInfo* info = lookupStream(stream);
    if (info == nullptr)
        return false;
    BinanceDepthSnapshot snapshot;
    snapshot.instrument = info->key;
    snapshot.partial = true;
    od::value bids, asks;
    if (!reader.uint64Field(object, "lastUpdateId", snapshot.lastUpdateId) ||
        !reader.field(object, "bids", bids) ||
        !reader.levels(bids, info->pricePrecision, info->quantityPrecision, snapshot.bids,
                       "bids") ||
        !reader.field(object, "asks", asks) ||
        !reader.levels(asks, info->pricePrecision, info->quantityPrecision, snapshot.asks, "asks"))
        return false;
    out = std::move(snapshot);
    return true;
}

bool BinanceMarketDataParser::Impl::byEventType(od::object& object, std::string_view type,
                                                TimestampNs receivedTime,
                                                BinanceMarketDataMessage& out) {
    reader.setContext(type);
    if (type == "trade")
        return trade(object, 't', receivedTime, out);
    if (type == "aggTrade")
        return trade(object, 'a', receivedTime, out);
    if (type == "kline")
        return kline(object, receivedTime, out);
    if (type == "depthUpdate")
        return depthUpdate(object, out);
    if (type == "serverShutdown") {
        BinanceServerShutdown shutdown;
        if (!reader.timeField(object, "E", shutdown.eventTime))
            return false;
        out = shutdown;
        return true;
    }
    reader.setContext("stream");
    return reader.fail(Kind::UnknownEvent, "e",
                       "event type '" + std::string(type) + "' is not handled");
}

bool BinanceMarketDataParser::Impl::dispatch(od::object& object, std::string_view stream,
                                             TimestampNs receivedTime,
                                             BinanceMarketDataMessage& out) {
    std::string_view first, type;
    if (!firstKey(object, first, type))
        return false;
    if (first == "u") {
        reader.setContext("bookTicker");
        return bookTicker(object, receivedTime, out);
    }
    if (first == "e")
        return byEventType(object, type, receivedTime, out);
    od::value value;
    auto error = object.find_field_unordered("e").get(value);
    if (!error) {
        if (!reader.string(value, type, "e"))
            return false;
        if (auto resetError = object.reset().error())
            return reader.failJson(resetError, {});
        return byEventType(object, type, receivedTime, out);
    }
    if (error != simdjson::NO_SUCH_FIELD)
        return reader.failJson(error, "e");
    if (auto resetError = object.reset().error())
        return reader.failJson(resetError, {});

    // Payloads without an event type: partial depth and the book ticker.
    bool present = false;
    if (!reader.optionalField(object, "lastUpdateId", value, present))
        return false;
    if (present || endsWithStreamType(stream, "depth")) {
        if (auto resetError = object.reset().error())
            return reader.failJson(resetError, {});
        reader.setContext("depth");
        return partialDepth(object, stream, out);
    }
    if (auto resetError = object.reset().error())
        return reader.failJson(resetError, {});
    if (!reader.optionalField(object, "u", value, present))
        return false;
    if (present || endsWithStreamType(stream, "bookTicker")) {
        if (auto resetError = object.reset().error())
            return reader.failJson(resetError, {});
        reader.setContext("bookTicker");
        return bookTicker(object, receivedTime, out);
    }
    return reader.fail(Kind::UnknownEvent, {}, "a payload of no known stream type");
}

BinanceMarketDataParser::BinanceMarketDataParser(const BinanceSymbolTable& symbols)
    : BinanceMarketDataParser(symbols, Options{}) {}

BinanceMarketDataParser::BinanceMarketDataParser(const BinanceSymbolTable& symbols, Options options)
    : m_impl(std::make_unique<Impl>(symbols, options)) {}

BinanceMarketDataParser::~BinanceMarketDataParser() = default;

const BinanceParseStats& BinanceMarketDataParser::stats() const {
    return m_impl->stats;
}

BinanceParseErrorKind BinanceMarketDataParser::lastErrorKind() const {
    return m_impl->lastKind;
}

Result<BinanceMarketDataMessage> BinanceMarketDataParser::parse(std::string_view frame,
                                                                TimestampNs receivedTime,
                                                                std::string_view rawStreamName) {
    Impl& impl = *m_impl;
    BinanceJsonReader& reader = impl.reader;
    BinanceMarketDataMessage out;
    od::document doc;
    impl.rootConsumed = false;
    impl.handlingRoot = false;
    const bool ok = [&] {
        od::object root;
        if (!reader.begin(frame, doc, "stream") || !reader.rootObject(doc, root))
            return false;
        // The first key tells the shape: "stream" (combined), "e" (an event), anything
        // else is looked at more closely.
        std::string_view firstKey, eventType;
        if (!impl.firstKey(root, firstKey, eventType))
            return false;
        od::value value;
        if (firstKey == "e") {
            impl.handlingRoot = true;
            return impl.byEventType(root, eventType, receivedTime, out);
        }
        if (firstKey == "u") { // the book ticker, a high-rate stream without "e"
            reader.setContext("bookTicker");
            return impl.bookTicker(root, receivedTime, out);
        }
        if (firstKey == "lastUpdateId") {
            reader.setContext("depth");
            return impl.partialDepth(root, rawStreamName, out);
        }

        // Combined stream: {"stream": "...", "data": {...}}.
        auto error = root.find_field_unordered("stream").get(value);
        if (!error) {
            std::string_view stream;
            od::value dataValue;
            od::object data;
            if (!reader.string(value, stream, "stream") || !reader.field(root, "data", dataValue) ||
                !reader.object(dataValue, data, "data"))
                return false;
            return impl.dispatch(data, stream, receivedTime, out);
        }
        if (error != simdjson::NO_SUCH_FIELD)
            return reader.failJson(error, "stream");
        if (auto resetError = root.reset().error())
            return reader.failJson(resetError, {});

        // Control replies and errors: {"result":..,"id":..} / {"code":..,"msg":..}.
        error = root.find_field_unordered("id").get(value);
        if (!error) {
            reader.setContext("reply");
            BinanceControlReply reply;
            if (!reader.idText(value, reply.id, "id"))
                return false;
            if (auto resetError = root.reset().error())
                return reader.failJson(resetError, {});
            bool hasResult = false;
            if (!reader.optionalField(root, "result", value, hasResult))
                return false;
            if (hasResult) {
                if (!reader.rawJson(value, reply.resultJson, "result"))
                    return false;
            } else {
                reply.resultJson = "null";
            }
            out = std::move(reply);
            return true;
        }
        if (error != simdjson::NO_SUCH_FIELD)
            return reader.failJson(error, "id");
        if (auto resetError = root.reset().error())
            return reader.failJson(resetError, {});
        bool present = false;
        if (!reader.optionalField(root, "code", value, present))
            return false;
        if (present) {
            reader.setContext("error");
            if (auto resetError = root.reset().error())
                return reader.failJson(resetError, {});
            BinanceVenueError venueError;
            if (!reader.venueError(root, venueError))
                return false;
            out = std::move(venueError);
            return true;
        }
        if (auto resetError = root.reset().error())
            return reader.failJson(resetError, {});
        return impl.dispatch(root, rawStreamName, receivedTime, out);
    }();
    // A root object iterated to its end needs only its end checked (nothing may follow
    // it); otherwise the rest of the document is checked in a second pass.
    const bool complete =
        ok && (impl.rootConsumed
                   ? doc.current_location().error() == simdjson::OUT_OF_BOUNDS ||
                         reader.fail(Kind::MalformedJson, {}, "trailing bytes after the JSON value")
                   : reader.finish(doc));
    if (!complete) {
        impl.lastKind = reader.errorKind();
        return reader.takeError(impl.stats);
    }
    impl.lastKind = BinanceParseErrorKind::Invalid;
    impl.stats.recordParsed();
    return out;
}

} // namespace cw::adapters::binance
