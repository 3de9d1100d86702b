// SPDX-License-Identifier: MIT
#pragma once

#include "core/common/Result.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace cw::marketdata {

/// A series of per-period simple returns read from CSV.
struct ReturnSeries {
    std::vector<double> values;           ///< 0.01 = +1%
    std::vector<std::size_t> lineNumbers; ///< 1-based line of each value in the file
    std::string column;                   ///< the column read ("return", or the header text)
};

/// Reads simple returns from CSV text, one per line.
///
/// Format: either one column (with or without a header: a first line whose field is not a
/// number is taken as the header), or several columns with a header that names a column
/// `return` or `returns` (case-insensitive; other columns are ignored). Blank lines, a UTF-8
/// byte order mark and CRLF endings are tolerated.
///
/// Errors (ParseError, message "<source>:<line>: ..."): an empty file or no values; several
/// columns but none named return(s); a line with the wrong number of fields; a value that is
/// not a number or is NaN/infinite. `readFile` adds IoError for an unreadable file.
/// Thread: stateless; safe from any thread.
class ReturnsCsvReader {
public:
    static Result<ReturnSeries> parse(std::string_view text, std::string_view sourceName);
    static Result<ReturnSeries> readFile(const std::string& path);
};

} // namespace cw::marketdata
