// SPDX-License-Identifier: MIT
#pragma once

#include "core/common/Result.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace cw::marketdata {

/// The fields of one CSV line: comma-separated, each field trimmed of spaces and tabs;
/// a field may be double-quoted ("a,b" is one field, "" inside quotes is a literal quote).
/// Records never span lines. Thread: value type.
class CsvRecord {
public:
    /// Splits one line (without its line ending). Errors: ParseError for an unterminated
    /// quote or text after a closing quote; the message has no location (callers add it).
    static Result<CsvRecord> parse(std::string_view line);

    std::size_t size() const { return m_fields.size(); }
    const std::string& field(std::size_t i) const { return m_fields[i]; }
    const std::vector<std::string>& fields() const { return m_fields; }

private:
    std::vector<std::string> m_fields;
};

} // namespace cw::marketdata
