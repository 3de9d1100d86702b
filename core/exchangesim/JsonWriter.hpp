// SPDX-License-Identifier: MIT
#pragma once

#include "core/domain/Decimal.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace cw::exchangesim {

/// Writes compact JSON text in the order the calls are made (the venue's key order, which a
/// map-based document would sort away). Strings are escaped; numbers are written exactly.
///
///     JsonWriter w;
///     w.beginObject().field("code", -1121).field("msg", "Invalid symbol.").endObject();
///
/// Misuse (a value where a key is due, unbalanced ends) is a programmer error (CW_ASSERT).
///
/// Thread: a plain value.
class JsonWriter {
public:
    JsonWriter& beginObject();
    JsonWriter& endObject();
    JsonWriter& beginArray();
    JsonWriter& endArray();
    /// The next member's name (inside an object).
    JsonWriter& key(std::string_view name);

    JsonWriter& string(std::string_view text);
    JsonWriter& integer(std::int64_t number);
    JsonWriter& boolean(bool flag);
    JsonWriter& null();
    /// A decimal as a JSON string with exactly `places` decimals ("0.10000000"), as the venue
    /// writes prices and quantities.
    JsonWriter& decimal(const Decimal& value, int places = 8);
    /// Already-encoded JSON, inserted as one value.
    JsonWriter& raw(std::string_view json);

    /// key + value in one call.
    JsonWriter& field(std::string_view name, std::string_view text) {
        return key(name).string(text);
    }
    JsonWriter& field(std::string_view name, const char* text) { return key(name).string(text); }
    JsonWriter& field(std::string_view name, std::int64_t number) {
        return key(name).integer(number);
    }
    JsonWriter& field(std::string_view name, int number) { return key(name).integer(number); }
    JsonWriter& field(std::string_view name, bool flag) { return key(name).boolean(flag); }
    JsonWriter& field(std::string_view name, const Decimal& value, int places = 8) {
        return key(name).decimal(value, places);
    }

    const std::string& text() const { return m_out; }
    std::string take() { return std::move(m_out); }

    /// `value` with exactly `places` decimals (rounded half-even when it has more).
    static std::string fixed(const Decimal& value, int places = 8);

private:
    void beforeValue();

    std::string m_out;
    std::vector<bool> m_hasMember; ///< per open container: a member was written already
    bool m_afterKey = false;
};

} // namespace cw::exchangesim
