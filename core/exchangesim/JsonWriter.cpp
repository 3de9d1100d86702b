// SPDX-License-Identifier: MIT
#include "core/exchangesim/JsonWriter.hpp"

#include "core/common/Assert.hpp"

#include <cstdio>

namespace cw::exchangesim {

void JsonWriter::beforeValue() {
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (!m_hasMember.empty()) {
        if (m_hasMember.back())
            m_out.push_back(',');
        m_hasMember.back() = true;
    }
}

JsonWriter& JsonWriter::beginObject() {
    beforeValue();
    m_out.push_back('{');
    m_hasMember.push_back(false);
    return *this;
}

JsonWriter& JsonWriter::endObject() {
    CW_ASSERT(!m_hasMember.empty() && !m_afterKey);
    m_hasMember.pop_back();
    m_out.push_back('}');
    return *this;
}

JsonWriter& JsonWriter::beginArray() {
    beforeValue();
    m_out.push_back('[');
    m_hasMember.push_back(false);
    return *this;
}

JsonWriter& JsonWriter::endArray() {
    CW_ASSERT(!m_hasMember.empty() && !m_afterKey);
    m_hasMember.pop_back();
    m_out.push_back(']');
    return *this;
}

JsonWriter& JsonWriter::key(std::string_view name) {
    CW_ASSERT(!m_afterKey);
    string(name);
    m_out.push_back(':');
    m_afterKey = true;
    return *this;
}

JsonWriter& JsonWriter::string(std::string_view text) {
    beforeValue();
    m_out.push_back('"');
    for (const char c : text) {
        switch (c) {
        case '"':
            m_out += "\\\"";
            break;
        case '\\':
            m_out += "\\\\";
            break;
        case '\n':
            m_out += "\\n";
            break;
        case '\r':
            m_out += "\\r";
            break;
        case '\t':
            m_out += "\\t";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                char escaped[8];
                std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned>(c));
                m_out += escaped;
            } else {
                m_out.push_back(c);
            }
        }
    }
    m_out.push_back('"');
    return *this;
}

JsonWriter& JsonWriter::integer(std::int64_t number) {
    beforeValue();
    m_out += std::to_string(number);
    return *this;
}

JsonWriter& JsonWriter::boolean(bool flag) {
    beforeValue();
    m_out += flag ? "true" : "false";
    return *this;
}

JsonWriter& JsonWriter::null() {
    beforeValue();
    m_out += "null";
    return *this;
}

JsonWriter& JsonWriter::decimal(const Decimal& value, int places) {
    return string(fixed(value, places));
}

JsonWriter& JsonWriter::raw(std::string_view json) {
    beforeValue();
    m_out += json;
    return *this;
}

std::string JsonWriter::fixed(const Decimal& value, int places) {
    auto scaled = value.rounded(places, RoundingMode::HalfEven);
    if (!scaled)
        return value.toString();
    if (scaled->precision() < places)
        if (auto wider = scaled->rescaled(places))
            return wider->toString();
    return scaled->toString();
}

} // namespace cw::exchangesim
