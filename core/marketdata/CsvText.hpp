// SPDX-License-Identifier: MIT
#pragma once

#include "core/common/Result.hpp"

#include <cstddef>
#include <string>
#include <string_view>

namespace cw::marketdata {

/// Iterates over the lines of a CSV text: strips a leading UTF-8 byte order mark and the
/// '\r' of CRLF endings, and counts physical line numbers from 1.
/// Thread: value type; the text must outlive it.
class CsvText {
public:
    explicit CsvText(std::string_view text);

    /// The next line (without its ending) and its 1-based number; false at the end.
    bool nextLine(std::string_view& line, std::size_t& lineNumber);

    /// Reads a whole file into memory. Errors: IoError "cannot open 'x': <reason>".
    static Result<std::string> readFile(const std::string& path);

private:
    std::string_view m_text;
    std::size_t m_pos = 0;
    std::size_t m_lineNumber = 0;
};

} // namespace cw::marketdata
