// SPDX-License-Identifier: MIT
#pragma once

#include "core/adapters/binance/BinanceMessages.hpp"
#include "core/adapters/binance/BinanceParseStats.hpp"
#include "core/common/Result.hpp"
#include "core/domain/Money.hpp"
#include "core/domain/Price.hpp"
#include "core/domain/Quantity.hpp"
#include "core/domain/Timestamp.hpp"

#include <cstdint>
#include <simdjson.h>
#include <string>
#include <string_view>
#include <vector>

namespace cw::adapters::binance {

/// The simdjson (On-Demand) plumbing shared by the Binance parsers: one reused parser and
/// padded input buffer, typed reads of fields that record the first failure (kind, field
/// and detail), and the venue's conventions (times in ms or µs, decimals as strings).
/// Internal to the Binance parsers; its header is not part of their public interface.
///
/// Reads return false after recording a failure; the parser then stops and turns the
/// failure into an Error (`takeError`). Nothing allocates on success once the buffer has
/// grown to the largest message.
///
/// Thread: one owner thread.
class BinanceJsonReader {
public:
    using Object = simdjson::ondemand::object;
    using Array = simdjson::ondemand::array;
    using Value = simdjson::ondemand::value;
    using Document = simdjson::ondemand::document;

    explicit BinanceJsonReader(bool microsecondTimestamps = false)
        : m_microseconds(microsecondTimestamps) {}

    /// Starts a document over a padded copy of `bytes`; `doc` stays valid until the next
    /// call. The context names the message in failure texts ("trade", "exchangeInfo").
    bool begin(std::string_view bytes, Document& doc, std::string_view context);
    void setContext(std::string_view context) { m_context = context; }
    /// The document's root as an object.
    bool rootObject(Document& doc, Object& out);
    bool rootArray(Document& doc, Array& out);
    /// After a successful read through unordered lookups: the rest of the document is
    /// well formed and nothing follows it (catches truncated and trailing bytes).
    bool finish(Document& doc);

    // --- failures
    bool fail(BinanceParseErrorKind kind, std::string_view field, std::string_view detail);
    bool failJson(simdjson::error_code error, std::string_view field);
    bool failDecimal(const Error& error, std::string_view field);
    bool failed() const { return m_kind != BinanceParseErrorKind::Invalid; }
    BinanceParseErrorKind errorKind() const { return m_kind; }
    /// The recorded failure as an Error (code by kind, "[Kind] context.field: detail"),
    /// counted in `stats`; clears it.
    Error takeError(BinanceParseStats& stats);

    // --- values
    bool object(Value& value, Object& out, std::string_view field);
    bool array(Value& value, Array& out, std::string_view field);
    bool string(Value& value, std::string_view& out, std::string_view field);
    bool int64(Value& value, std::int64_t& out, std::string_view field);
    bool uint64(Value& value, std::uint64_t& out, std::string_view field);
    bool boolean(Value& value, bool& out, std::string_view field);
    /// A venue time (ms, or µs when configured) as ns since the epoch; negative or beyond
    /// the TimestampNs range is BadNumber.
    bool time(Value& value, TimestampNs& out, std::string_view field);
    bool price(Value& value, int precision, Price& out, std::string_view field);
    bool quantity(Value& value, int precision, Quantity& out, std::string_view field);
    /// A decimal string at the precision its text gives.
    bool money(Value& value, const Currency& currency, Money& out, std::string_view field);
    /// A string or an integer id as text ("1", "abc"); "" for null.
    bool idText(Value& value, std::string& out, std::string_view field);

    // --- fields by name (any order)
    /// Finds `key`; MissingField when absent.
    bool field(Object& object, std::string_view key, Value& out);
    /// Finds `key`; `present` false when absent or null (no failure).
    bool optionalField(Object& object, std::string_view key, Value& out, bool& present);

    /// Whether `object` has `key` (null counts); the object is rewound afterwards. A
    /// document error while looking is a failure (and the object is then unusable).
    bool hasField(Object& object, std::string_view key, bool& present);

    bool stringField(Object& o, std::string_view key, std::string_view& out);
    bool int64Field(Object& o, std::string_view key, std::int64_t& out);
    bool uint64Field(Object& o, std::string_view key, std::uint64_t& out);
    bool boolField(Object& o, std::string_view key, bool& out);
    bool timeField(Object& o, std::string_view key, TimestampNs& out);
    bool priceField(Object& o, std::string_view key, int precision, Price& out);
    bool quantityField(Object& o, std::string_view key, int precision, Quantity& out);
    /// Absent or null: `out` unchanged, true.
    bool optionalStringField(Object& o, std::string_view key, std::string_view& out);
    bool optionalPriceField(Object& o, std::string_view key, int precision, Price& out);

    /// `[[price, qty], ...]` at the given precisions, appended to `out` (cleared first).
    /// Each entry must be an array of exactly two decimal strings; quantities >= 0.
    bool levels(Value& value, int pricePrecision, int quantityPrecision,
                std::vector<BinanceBookLevel>& out, std::string_view field);
    /// The raw JSON text of any value ("null", "[\"a\"]", "{...}").
    bool rawJson(Value& value, std::string& out, std::string_view field);
    /// `{"code": <int>, "msg": <string>}` (code optional, 0 when absent).
    bool venueError(Object& object, BinanceVenueError& out);

    /// A `rateLimits` array (exchangeInfo, WebSocket API replies), appended to `out`.
    bool rateLimits(Value& value, std::vector<BinanceRateLimitUsage>& out);

    /// Converts venue time units to ns; false when out of range.
    bool toNs(std::int64_t venueTime, TimestampNs& out) const;

private:
    bool failRoot(Document& doc, simdjson::error_code error);
    bool failValue(Value& value, simdjson::error_code error, std::string_view field);
    bool failNumber(Value& value, simdjson::error_code error, std::string_view field);

    simdjson::ondemand::parser m_parser;
    std::string m_buffer;
    std::size_t m_length = 0; ///< bytes of the current document in m_buffer
    std::string_view m_context;
    bool m_microseconds = false;
    BinanceParseErrorKind m_kind = BinanceParseErrorKind::Invalid;
    std::string m_message;
    ErrorCode m_code = ErrorCode::Invalid;
};

} // namespace cw::adapters::binance
