// SPDX-License-Identifier: MIT
#include "core/marketdata/BarCsvReader.hpp"

#include "core/marketdata/CsvRecord.hpp"
#include "core/marketdata/CsvText.hpp"
#include "core/marketdata/CsvValue.hpp"

#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <optional>

namespace cw::marketdata {

namespace {

enum class Column { Time = 0, Open, High, Low, Close, Volume, Count };

constexpr std::array<std::string_view, static_cast<std::size_t>(Column::Count)> kColumnNames{
    "time", "open", "high", "low", "close", "volume"};

std::string lowerCase(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// Shortest text that reads back as `value`, for messages.
std::string shortest(double value) {
    std::array<char, 32> buffer{};
    const auto [end, ec] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
    return ec == std::errc() ? std::string(buffer.data(), end) : std::string("?");
}

class Located {
public:
    Located(std::string_view source, std::size_t line) : m_source(source), m_line(line) {}
    Error operator()(ErrorCode code, const std::string& what) const {
        return fail(code, std::string(m_source) + ":" + std::to_string(m_line) + ": " + what);
    }

private:
    std::string_view m_source;
    std::size_t m_line;
};

} // namespace

Result<BarCsvData> BarCsvReader::parse(std::string_view text, std::string_view sourceName) {
    CsvText lines(text);
    std::string_view line;
    std::size_t lineNumber = 0;

    // Header: the first non-blank line.
    bool haveHeader = false;
    while (lines.nextLine(line, lineNumber)) {
        if (line.find_first_not_of(" \t") != std::string_view::npos) {
            haveHeader = true;
            break;
        }
    }
    if (!haveHeader)
        return fail(ErrorCode::ParseError,
                    std::string(sourceName) +
                        ":1: empty file: expected a header with time,open,high,low,close,volume");
    const Located atHeader(sourceName, lineNumber);
    auto header = CsvRecord::parse(line);
    if (!header)
        return atHeader(ErrorCode::ParseError, "header: " + header.error().message);

    std::array<std::optional<std::size_t>, kColumnNames.size()> index{};
    for (std::size_t i = 0; i < header->size(); ++i) {
        const std::string name = lowerCase(header->field(i));
        for (std::size_t c = 0; c < kColumnNames.size(); ++c) {
            if (name != kColumnNames[c])
                continue;
            if (index[c])
                return atHeader(ErrorCode::ParseError, "column '" + std::string(kColumnNames[c]) +
                                                           "' appears twice (fields " +
                                                           std::to_string(*index[c] + 1) + " and " +
                                                           std::to_string(i + 1) + ")");
            index[c] = i;
        }
    }
    for (std::size_t c = 0; c < kColumnNames.size(); ++c) {
        if (!index[c])
            return atHeader(ErrorCode::ParseError,
                            "missing column '" + std::string(kColumnNames[c]) +
                                "' (the header must name time,open,high,low,close,volume)");
    }

    BarCsvData data;
    data.headerLine = std::string(line);
    const std::size_t fieldCount = header->size();
    std::optional<TimestampNs> previousTime;
    std::size_t previousLine = 0;
    while (lines.nextLine(line, lineNumber)) {
        if (line.find_first_not_of(" \t") == std::string_view::npos)
            continue;
        const Located at(sourceName, lineNumber);
        auto record = CsvRecord::parse(line);
        if (!record)
            return at(ErrorCode::ParseError, record.error().message);
        if (record->size() != fieldCount)
            return at(ErrorCode::ParseError, "expected " + std::to_string(fieldCount) +
                                                 " fields as in the header, found " +
                                                 std::to_string(record->size()));

        const auto field = [&](Column c) -> const std::string& {
            return record->field(*index[static_cast<std::size_t>(c)]);
        };
        auto time = parseCsvTime(field(Column::Time));
        if (!time)
            return at(ErrorCode::ParseError, "column 'time': " + time.error().message);

        std::array<double, kColumnNames.size()> values{};
        for (std::size_t c = 1; c < kColumnNames.size(); ++c) {
            const std::string& raw = field(static_cast<Column>(c));
            const std::string prefix = "column '" + std::string(kColumnNames[c]) + "': ";
            auto number = parseCsvNumber(raw);
            if (!number)
                return at(ErrorCode::ParseError, prefix + number.error().message);
            if (!std::isfinite(*number))
                return at(ErrorCode::ParseError, prefix + "'" + raw + "' is not a finite number");
            values[c] = *number;
        }
        OhlcvRow bar{*time,
                     values[static_cast<std::size_t>(Column::Open)],
                     values[static_cast<std::size_t>(Column::High)],
                     values[static_cast<std::size_t>(Column::Low)],
                     values[static_cast<std::size_t>(Column::Close)],
                     values[static_cast<std::size_t>(Column::Volume)]};
        if (bar.high < bar.low)
            return at(ErrorCode::ParseError,
                      "high " + shortest(bar.high) + " is below low " + shortest(bar.low));
        if (bar.volume < 0.0)
            return at(ErrorCode::ParseError,
                      "column 'volume': " + shortest(bar.volume) + " is negative");
        if (previousTime && bar.time == *previousTime)
            return at(ErrorCode::ParseError, "duplicate time '" + field(Column::Time) +
                                                 "': same as line " + std::to_string(previousLine));
        if (previousTime && bar.time < *previousTime)
            return at(ErrorCode::ParseError,
                      "time '" + field(Column::Time) + "' is earlier than line " +
                          std::to_string(previousLine) + " (rows must be sorted by time)");
        previousTime = bar.time;
        previousLine = lineNumber;

        data.bars.append(bar);
        data.rowLines.emplace_back(line);
        data.rowLineNumbers.push_back(lineNumber);
    }
    if (data.bars.empty())
        return atHeader(ErrorCode::ParseError, "no data rows after the header");
    return data;
}

Result<BarCsvData> BarCsvReader::readFile(const std::string& path) {
    auto text = CsvText::readFile(path);
    if (!text)
        return text.error();
    return parse(*text, path);
}

} // namespace cw::marketdata
