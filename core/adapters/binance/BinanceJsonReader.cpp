// SPDX-License-Identifier: MIT
#include "core/adapters/binance/BinanceJsonReader.hpp"

#include <cstring>
#include <limits>

namespace cw::adapters::binance {

namespace {

namespace od = simdjson::ondemand;

BinanceParseErrorKind kindOf(simdjson::error_code error) {
    switch (error) {
    case simdjson::INCORRECT_TYPE:
        return BinanceParseErrorKind::WrongType;
    case simdjson::NO_SUCH_FIELD:
        return BinanceParseErrorKind::MissingField;
    case simdjson::NUMBER_ERROR:
    case simdjson::NUMBER_OUT_OF_RANGE:
        return BinanceParseErrorKind::BadNumber;
    default:
        return BinanceParseErrorKind::MalformedJson;
    }
}

// Whether `token` can start a JSON value at all: when simdjson reports a wrong type for
// something that is not JSON (a bare word, NaN, '<html>'), the input is malformed.
bool startsJsonValue(std::string_view token) {
    if (token.empty())
        return false;
    const char c = token.front();
    if (c == '{' || c == '[' || c == '"' || c == '-' || (c >= '0' && c <= '9'))
        return true;
    for (std::string_view atom :
         {std::string_view("true"), std::string_view("false"), std::string_view("null")}) {
        if (token.substr(0, atom.size()) == atom) {
            const std::string_view rest = token.substr(atom.size());
            return rest.empty() || rest.front() == ',' || rest.front() == '}' ||
                   rest.front() == ']' || rest.front() == ' ' || rest.front() == '\n' ||
                   rest.front() == '\r' || rest.front() == '\t';
        }
    }
    return false;
}

bool isNumberToken(std::string_view token) {
    return !token.empty() &&
           (token.front() == '-' || (token.front() >= '0' && token.front() <= '9'));
}

ErrorCode codeOf(BinanceParseErrorKind kind) {
    switch (kind) {
    case BinanceParseErrorKind::UnknownEvent:
        return ErrorCode::Unsupported;
    case BinanceParseErrorKind::UnknownSymbol:
        return ErrorCode::NotFound;
    default:
        return ErrorCode::ParseError;
    }
}

} // namespace

bool BinanceJsonReader::begin(std::string_view bytes, Document& doc, std::string_view context) {
    m_context = context;
    if (bytes.empty())
        return fail(BinanceParseErrorKind::MalformedJson, {}, "empty message");
    const std::size_t needed = bytes.size() + simdjson::SIMDJSON_PADDING;
    if (m_buffer.size() < needed)
        m_buffer.resize(needed);
    std::memcpy(m_buffer.data(), bytes.data(), bytes.size());
    m_length = bytes.size();
    if (auto error = m_parser.iterate(m_buffer.data(), bytes.size(), m_buffer.size()).get(doc))
        return failJson(error, {});
    return true;
}

bool BinanceJsonReader::rootObject(Document& doc, Object& out) {
    if (auto error = doc.get_object().get(out))
        return failRoot(doc, error);
    return true;
}

bool BinanceJsonReader::rootArray(Document& doc, Array& out) {
    if (auto error = doc.get_array().get(out))
        return failRoot(doc, error);
    return true;
}

bool BinanceJsonReader::failRoot(Document& doc, simdjson::error_code error) {
    if (error == simdjson::INCORRECT_TYPE) {
        std::string_view token;
        if (doc.raw_json_token().get(token) || !startsJsonValue(token))
            return fail(BinanceParseErrorKind::MalformedJson, {}, "not a JSON document");
    }
    return failJson(error, {});
}

bool BinanceJsonReader::failValue(Value& value, simdjson::error_code error,
                                  std::string_view field) {
    if (error == simdjson::INCORRECT_TYPE) {
        const std::string_view token = value.raw_json_token();
        if (!startsJsonValue(token))
            return fail(BinanceParseErrorKind::MalformedJson, field, "not a JSON value");
    }
    return failJson(error, field);
}

bool BinanceJsonReader::failNumber(Value& value, simdjson::error_code error,
                                   std::string_view field) {
    if (error == simdjson::INCORRECT_TYPE && isNumberToken(value.raw_json_token()))
        return fail(BinanceParseErrorKind::BadNumber, field,
                    "number out of range or not an integer of the expected sign");
    return failValue(value, error, field);
}

bool BinanceJsonReader::finish(Document& doc) {
    doc.rewind();
    std::string_view whole;
    if (auto error = doc.raw_json().get(whole))
        return failJson(error, {});
    const auto end = static_cast<std::size_t>(whole.data() + whole.size() - m_buffer.data());
    for (std::size_t i = end; i < m_length; ++i) {
        const char c = m_buffer[i];
        if (c != ' ' && c != '\n' && c != '\r' && c != '\t')
            return fail(BinanceParseErrorKind::MalformedJson, {},
                        "trailing bytes after the JSON value");
    }
    return true;
}

bool BinanceJsonReader::fail(BinanceParseErrorKind kind, std::string_view field,
                             std::string_view detail) {
    if (failed())
        return false; // keep the first failure
    m_kind = kind;
    m_code = codeOf(kind);
    m_message.clear();
    m_message += '[';
    m_message += binanceParseErrorKindName(kind);
    m_message += "] ";
    m_message += m_context.empty() ? std::string_view("message") : m_context;
    if (!field.empty()) {
        m_message += '.';
        m_message += field;
    }
    m_message += ": ";
    m_message += detail;
    return false;
}

bool BinanceJsonReader::failJson(simdjson::error_code error, std::string_view field) {
    const auto kind = kindOf(error);
    std::string detail = simdjson::error_message(error);
    if (kind == BinanceParseErrorKind::MissingField)
        detail = "required field missing";
    return fail(kind, field, detail);
}

bool BinanceJsonReader::failDecimal(const Error& error, std::string_view field) {
    fail(BinanceParseErrorKind::BadNumber, field, error.message);
    if (error.code == ErrorCode::OutOfRange || error.code == ErrorCode::Overflow)
        m_code = error.code;
    return false;
}

Error BinanceJsonReader::takeError(BinanceParseStats& stats) {
    stats.recordFailure(m_kind);
    Error error{m_code, std::move(m_message)};
    m_kind = BinanceParseErrorKind::Invalid;
    m_code = ErrorCode::Invalid;
    m_message.clear();
    return error;
}

bool BinanceJsonReader::object(Value& value, Object& out, std::string_view field) {
    if (auto error = value.get_object().get(out))
        return failValue(value, error, field);
    return true;
}

bool BinanceJsonReader::array(Value& value, Array& out, std::string_view field) {
    if (auto error = value.get_array().get(out))
        return failValue(value, error, field);
    return true;
}

bool BinanceJsonReader::string(Value& value, std::string_view& out, std::string_view field) {
    if (auto error = value.get_string().get(out))
        return failValue(value, error, field);
    return true;
}

bool BinanceJsonReader::int64(Value& value, std::int64_t& out, std::string_view field) {
    if (auto error = value.get_int64().get(out))
        return failNumber(value, error, field);
    return true;
}

bool BinanceJsonReader::uint64(Value& value, std::uint64_t& out, std::string_view field) {
    if (auto error = value.get_uint64().get(out))
        return failNumber(value, error, field);
    return true;
}

bool BinanceJsonReader::boolean(Value& value, bool& out, std::string_view field) {
    if (auto error = value.get_bool().get(out))
        return failValue(value, error, field);
    return true;
}

bool BinanceJsonReader::toNs(std::int64_t venueTime, TimestampNs& out) const {
    const TimestampNs unit = m_microseconds ? kNsPerMicrosecond : kNsPerMillisecond;
    if (venueTime < 0 || venueTime > std::numeric_limits<TimestampNs>::max() / unit)
        return false;
    out = venueTime * unit;
    return true;
}

bool BinanceJsonReader::time(Value& value, TimestampNs& out, std::string_view field) {
    std::int64_t venueTime = 0;
    if (!int64(value, venueTime, field))
        return false;
    if (!toNs(venueTime, out))
        return fail(BinanceParseErrorKind::BadNumber, field,
                    "time " + std::to_string(venueTime) + " outside the supported range");
    return true;
}

bool BinanceJsonReader::price(Value& value, int precision, Price& out, std::string_view field) {
    std::string_view text;
    if (!string(value, text, field))
        return false;
    auto parsed = Price::parse(text, precision);
    if (!parsed)
        return failDecimal(parsed.error(), field);
    out = *parsed;
    return true;
}

bool BinanceJsonReader::quantity(Value& value, int precision, Quantity& out,
                                 std::string_view field) {
    std::string_view text;
    if (!string(value, text, field))
        return false;
    auto parsed = Quantity::parse(text, precision);
    if (!parsed)
        return failDecimal(parsed.error(), field);
    out = *parsed;
    return true;
}

bool BinanceJsonReader::money(Value& value, const Currency& currency, Money& out,
                              std::string_view field) {
    std::string_view text;
    if (!string(value, text, field))
        return false;
    auto parsed = Money::parse(text, currency);
    if (!parsed)
        return failDecimal(parsed.error(), field);
    out = *parsed;
    return true;
}

bool BinanceJsonReader::idText(Value& value, std::string& out, std::string_view field) {
    od::json_type type{};
    if (auto error = value.type().get(type))
        return failJson(error, field);
    switch (type) {
    case od::json_type::null:
        out.clear();
        return true;
    case od::json_type::string: {
        std::string_view text;
        if (!string(value, text, field))
            return false;
        out.assign(text);
        return true;
    }
    case od::json_type::number: {
        std::string_view token = value.raw_json_token();
        while (!token.empty() && (token.back() == ' ' || token.back() == '\n' ||
                                  token.back() == '\r' || token.back() == '\t'))
            token.remove_suffix(1);
        out.assign(token);
        return true;
    }
    default:
        return fail(BinanceParseErrorKind::WrongType, field, "expected a string or number id");
    }
}

bool BinanceJsonReader::field(Object& object, std::string_view key, Value& out) {
    if (auto error = object.find_field_unordered(key).get(out))
        return failJson(error, key);
    return true;
}

bool BinanceJsonReader::optionalField(Object& object, std::string_view key, Value& out,
                                      bool& present) {
    present = false;
    auto error = object.find_field_unordered(key).get(out);
    if (error == simdjson::NO_SUCH_FIELD)
        return true;
    if (error)
        return failJson(error, key);
    bool isNull = false;
    if (auto nullError = out.is_null().get(isNull))
        return failJson(nullError, key);
    present = !isNull;
    return true;
}

bool BinanceJsonReader::hasField(Object& object, std::string_view key, bool& present) {
    Value ignored;
    const auto error = object.find_field_unordered(key).get(ignored);
    if (error && error != simdjson::NO_SUCH_FIELD)
        return failJson(error, key); // the iterator is abandoned: no reset
    present = !error;
    if (auto resetError = object.reset().error())
        return failJson(resetError, {});
    return true;
}

bool BinanceJsonReader::stringField(Object& o, std::string_view key, std::string_view& out) {
    Value v;
    return field(o, key, v) && string(v, out, key);
}

bool BinanceJsonReader::int64Field(Object& o, std::string_view key, std::int64_t& out) {
    Value v;
    return field(o, key, v) && int64(v, out, key);
}

bool BinanceJsonReader::uint64Field(Object& o, std::string_view key, std::uint64_t& out) {
    Value v;
    return field(o, key, v) && uint64(v, out, key);
}

bool BinanceJsonReader::boolField(Object& o, std::string_view key, bool& out) {
    Value v;
    return field(o, key, v) && boolean(v, out, key);
}

bool BinanceJsonReader::timeField(Object& o, std::string_view key, TimestampNs& out) {
    Value v;
    return field(o, key, v) && time(v, out, key);
}

bool BinanceJsonReader::priceField(Object& o, std::string_view key, int precision, Price& out) {
    Value v;
    return field(o, key, v) && price(v, precision, out, key);
}

bool BinanceJsonReader::quantityField(Object& o, std::string_view key, int precision,
                                      Quantity& out) {
    Value v;
    return field(o, key, v) && quantity(v, precision, out, key);
}

bool BinanceJsonReader::optionalStringField(Object& o, std::string_view key,
                                            std::string_view& out) {
    Value v;
    bool present = false;
    if (!optionalField(o, key, v, present))
        return false;
    return !present || string(v, out, key);
}

bool BinanceJsonReader::optionalPriceField(Object& o, std::string_view key, int precision,
                                           Price& out) {
    Value v;
    bool present = false;
    if (!optionalField(o, key, v, present))
        return false;
    return !present || price(v, precision, out, key);
}

} // namespace cw::adapters::binance

namespace cw::adapters::binance {

bool BinanceJsonReader::levels(Value& value, int pricePrecision, int quantityPrecision,
                               std::vector<BinanceBookLevel>& out, std::string_view field) {
    out.clear();
    Array entries;
    if (!array(value, entries, field))
        return false;
    for (auto entryResult : entries) {
        Value entry;
        if (auto error = entryResult.get(entry))
            return failJson(error, field);
        Array pair;
        if (!array(entry, pair, field))
            return false;
        BinanceBookLevel level;
        int index = 0;
        for (auto itemResult : pair) {
            Value item;
            if (auto error = itemResult.get(item))
                return failJson(error, field);
            if (index == 0 && !price(item, pricePrecision, level.price, field))
                return false;
            if (index == 1 && !quantity(item, quantityPrecision, level.quantity, field))
                return false;
            if (index >= 2)
                return fail(BinanceParseErrorKind::BadValue, field,
                            "a level has more than [price, quantity]");
            ++index;
        }
        if (index != 2)
            return fail(BinanceParseErrorKind::MissingField, field,
                        "a level lacks its price or quantity");
        if (!level.price.isPositive() || level.quantity.isNegative())
            return fail(BinanceParseErrorKind::BadValue, field,
                        "level " + level.price.toString() + " x " + level.quantity.toString() +
                            " is not a positive price with a quantity >= 0");
        out.push_back(level);
    }
    return true;
}

bool BinanceJsonReader::rawJson(Value& value, std::string& out, std::string_view field) {
    simdjson::ondemand::json_type type{};
    if (auto error = value.type().get(type))
        return failJson(error, field);
    std::string_view text;
    if (type == simdjson::ondemand::json_type::object) {
        Object o;
        if (!object(value, o, field))
            return false;
        if (auto error = o.raw_json().get(text))
            return failJson(error, field);
    } else if (type == simdjson::ondemand::json_type::array) {
        Array a;
        if (!array(value, a, field))
            return false;
        if (auto error = a.raw_json().get(text))
            return failJson(error, field);
    } else {
        text = value.raw_json_token();
        // Consume the scalar so the iterator moves past it.
        if (type == simdjson::ondemand::json_type::string) {
            std::string_view ignored;
            if (!string(value, ignored, field))
                return false;
        } else if (type == simdjson::ondemand::json_type::null) {
            bool isNull = false;
            if (auto error = value.is_null().get(isNull))
                return failJson(error, field);
        }
    }
    // simdjson's raw text runs up to the next token: drop the whitespace before it.
    while (!text.empty() && (text.back() == ' ' || text.back() == '\n' || text.back() == '\r' ||
                             text.back() == '\t'))
        text.remove_suffix(1);
    out.assign(text);
    return true;
}

bool BinanceJsonReader::venueError(Object& object, BinanceVenueError& out) {
    Value v;
    bool present = false;
    if (!optionalField(object, "code", v, present))
        return false;
    if (present) {
        std::int64_t code = 0;
        if (!int64(v, code, "code"))
            return false;
        if (code < -1'000'000'000 || code > 1'000'000'000)
            return fail(BinanceParseErrorKind::BadNumber, "code", "error code out of range");
        out.code = static_cast<int>(code);
    }
    std::string_view message;
    if (!optionalStringField(object, "msg", message))
        return false;
    out.message.assign(message);
    return true;
}

bool BinanceJsonReader::rateLimits(Value& value, std::vector<BinanceRateLimitUsage>& out) {
    Array list;
    if (!array(value, list, "rateLimits"))
        return false;
    for (auto itemResult : list) {
        Value item;
        Object o;
        if (auto error = itemResult.get(item))
            return failJson(error, "rateLimits");
        if (!object(item, o, "rateLimits"))
            return false;
        BinanceRateLimitUsage usage;
        std::string_view type, interval;
        std::int64_t intervalNum = 0;
        if (!stringField(o, "rateLimitType", type) || !stringField(o, "interval", interval) ||
            !int64Field(o, "intervalNum", intervalNum) || !int64Field(o, "limit", usage.limit))
            return false;
        Value count;
        bool present = false;
        if (!optionalField(o, "count", count, present) ||
            (present && !int64(count, usage.count, "count")))
            return false;
        if (intervalNum <= 0 || intervalNum > 1'000'000)
            return fail(BinanceParseErrorKind::BadNumber, "intervalNum", "out of range");
        usage.rateLimitType.assign(type);
        usage.interval.assign(interval);
        usage.intervalNum = static_cast<int>(intervalNum);
        out.push_back(std::move(usage));
    }
    return true;
}

} // namespace cw::adapters::binance
