// SPDX-License-Identifier: MIT
#pragma once

#include "core/common/Result.hpp"
#include "core/domain/BarSeries.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace cw::marketdata {

/// Bars read from an OHLCV CSV file, with the original text of every line so that a tool
/// can write the input back verbatim next to computed columns.
struct BarCsvData {
    BarSeries bars;
    std::string headerLine;                  ///< the header as written (no line ending, no BOM)
    std::vector<std::string> rowLines;       ///< row i of `bars`, as written
    std::vector<std::size_t> rowLineNumbers; ///< 1-based line number of row i in the file
};

/// Reads OHLCV bars from CSV text (docs/cli.md has the user-facing description).
///
/// Format: a header line naming at least the columns time, open, high, low, close and volume
/// (case-insensitive, any order, surrounding spaces ignored; other columns are ignored but
/// kept in the row text), then one bar per line with the same number of fields as the
/// header. Fields may be double-quoted. Line endings LF or CRLF; a UTF-8 byte order mark and
/// blank lines are skipped. `time` is epoch milliseconds or ISO-8601 (see parseCsvTime).
/// Numbers must be finite; volume must be >= 0; high must be >= low (open and close are not
/// checked against the range); times must strictly increase.
///
/// Errors (ErrorCode::ParseError unless noted), each message starting with
/// "<source>:<line>: ": an empty file or a header without rows; a missing or repeated
/// column ("missing column 'volume'"); a line with the wrong number of fields; a value that
/// is not a number ("column 'close': 'abc' is not a number") or not finite; a bad time;
/// high below low; negative volume; a time equal to (duplicate) or earlier than (unsorted)
/// the previous row's. `readFile` adds IoError for a file that cannot be read.
/// Thread: stateless; safe from any thread.
class BarCsvReader {
public:
    /// `sourceName` is used in error messages only (typically the path as the user gave it).
    static Result<BarCsvData> parse(std::string_view text, std::string_view sourceName);
    /// Reads the whole file and parses it; messages name `path` as given.
    static Result<BarCsvData> readFile(const std::string& path);
};

} // namespace cw::marketdata
