// SPDX-License-Identifier: MIT
#include "core/marketdata/CsvRecord.hpp"

namespace cw::marketdata {

namespace {

bool isBlank(char c) {
    return c == ' ' || c == '\t';
}

} // namespace

Result<CsvRecord> CsvRecord::parse(std::string_view line) {
    CsvRecord record;
    std::size_t pos = 0;
    for (;;) {
        while (pos < line.size() && isBlank(line[pos]))
            ++pos;
        std::string field;
        if (pos < line.size() && line[pos] == '"') {
            ++pos;
            bool closed = false;
            while (pos < line.size()) {
                const char c = line[pos++];
                if (c != '"') {
                    field += c;
                } else if (pos < line.size() && line[pos] == '"') {
                    field += '"';
                    ++pos;
                } else {
                    closed = true;
                    break;
                }
            }
            if (!closed)
                return fail(ErrorCode::ParseError, "unterminated quoted field");
            while (pos < line.size() && isBlank(line[pos]))
                ++pos;
            if (pos < line.size() && line[pos] != ',')
                return fail(ErrorCode::ParseError, "unexpected text after a closing quote");
        } else {
            const std::size_t end = line.find(',', pos);
            std::string_view raw =
                line.substr(pos, end == std::string_view::npos ? end : end - pos);
            while (!raw.empty() && isBlank(raw.back()))
                raw.remove_suffix(1);
            field.assign(raw);
            pos = end == std::string_view::npos ? line.size() : end;
        }
        record.m_fields.push_back(std::move(field));
        if (pos >= line.size())
            break;
        ++pos; // the comma; a trailing comma yields one more, empty field
    }
    return record;
}

} // namespace cw::marketdata
