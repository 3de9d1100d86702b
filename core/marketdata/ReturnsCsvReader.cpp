// SPDX-License-Identifier: MIT
#include "core/marketdata/ReturnsCsvReader.hpp"

#include "core/marketdata/CsvRecord.hpp"
#include "core/marketdata/CsvText.hpp"
#include "core/marketdata/CsvValue.hpp"

#include <cctype>
#include <cmath>
#include <optional>

namespace cw::marketdata {

namespace {

std::string lowerCase(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

Error located(std::string_view source, std::size_t line, const std::string& what) {
    return fail(ErrorCode::ParseError,
                std::string(source) + ":" + std::to_string(line) + ": " + what);
}

} // namespace

Result<ReturnSeries> ReturnsCsvReader::parse(std::string_view text, std::string_view sourceName) {
    CsvText lines(text);
    std::string_view line;
    std::size_t lineNumber = 0;
    ReturnSeries series;
    std::optional<std::size_t> fieldCount;
    std::size_t column = 0;
    std::size_t headerLine = 0;

    while (lines.nextLine(line, lineNumber)) {
        if (line.find_first_not_of(" \t") == std::string_view::npos)
            continue;
        auto record = CsvRecord::parse(line);
        if (!record)
            return located(sourceName, lineNumber, record.error().message);

        if (!fieldCount) {
            // The first line decides the layout.
            fieldCount = record->size();
            if (record->size() == 1) {
                if (parseCsvNumber(record->field(0)).hasValue()) {
                    series.column = "return";
                } else {
                    series.column = record->field(0);
                    headerLine = lineNumber;
                    continue;
                }
            } else {
                bool found = false;
                for (std::size_t i = 0; i < record->size() && !found; ++i) {
                    const std::string name = lowerCase(record->field(i));
                    if (name == "return" || name == "returns") {
                        column = i;
                        series.column = record->field(i);
                        found = true;
                    }
                }
                if (!found)
                    return located(sourceName, lineNumber,
                                   "missing column 'return': with several columns the header "
                                   "must name one 'return' or 'returns'");
                headerLine = lineNumber;
                continue;
            }
        }
        if (record->size() != *fieldCount)
            return located(sourceName, lineNumber,
                           "expected " + std::to_string(*fieldCount) + " fields, found " +
                               std::to_string(record->size()));
        const std::string& raw = record->field(column);
        const std::string prefix = "column '" + series.column + "': ";
        auto value = parseCsvNumber(raw);
        if (!value)
            return located(sourceName, lineNumber, prefix + value.error().message);
        if (!std::isfinite(*value))
            return located(sourceName, lineNumber, prefix + "'" + raw + "' is not a finite number");
        series.values.push_back(*value);
        series.lineNumbers.push_back(lineNumber);
    }
    if (!fieldCount)
        return fail(ErrorCode::ParseError,
                    std::string(sourceName) + ":1: empty file: expected returns, one per line");
    if (series.values.empty())
        return located(sourceName, headerLine, "no values after the header");
    return series;
}

Result<ReturnSeries> ReturnsCsvReader::readFile(const std::string& path) {
    auto text = CsvText::readFile(path);
    if (!text)
        return text.error();
    return parse(*text, path);
}

} // namespace cw::marketdata
