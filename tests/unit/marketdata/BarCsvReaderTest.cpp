// SPDX-License-Identifier: MIT
#include "core/marketdata/BarCsvReader.hpp"

#include <cstdio>
#include <fstream>
#include <gtest/gtest.h>
#include <string>

using namespace cw;
using namespace cw::marketdata;

namespace {

const std::string kHeader = "time,open,high,low,close,volume\n";

// Parses and expects failure; returns the message.
std::string errorOf(const std::string& text) {
    auto r = BarCsvReader::parse(text, "bars.csv");
    EXPECT_FALSE(r.hasValue()) << "parsed unexpectedly:\n" << text;
    return r.hasValue() ? std::string() : r.error().message;
}

} // namespace

TEST(BarCsvReader, readsBarsAndKeepsTheOriginalLines) {
    const std::string text = kHeader + "2024-01-02,10,12,9,11,1000\n"
                                       "2024-01-03,11,13.5,10.5,13,1500.5\n";
    auto r = BarCsvReader::parse(text, "bars.csv");
    ASSERT_TRUE(r.hasValue()) << r.error().message;
    ASSERT_EQ(r->bars.size(), 2U);
    const OhlcvRow second = r->bars.row(1);
    EXPECT_EQ(second.time, 19725 * kNsPerDay);
    EXPECT_EQ(second.open, 11.0);
    EXPECT_EQ(second.high, 13.5);
    EXPECT_EQ(second.low, 10.5);
    EXPECT_EQ(second.close, 13.0);
    EXPECT_EQ(second.volume, 1500.5);
    EXPECT_EQ(r->headerLine, "time,open,high,low,close,volume");
    EXPECT_EQ(r->rowLines[1], "2024-01-03,11,13.5,10.5,13,1500.5");
    EXPECT_EQ(r->rowLineNumbers, (std::vector<std::size_t>{2, 3}));
}

TEST(BarCsvReader, acceptsAnyColumnOrderAnyCaseAndExtraColumns) {
    const std::string text = "Symbol, VOLUME ,Close,low,High,open,Time\r\n"
                             "ABC,5,2,1,3,1.5,1704164645000\r\n"
                             "\r\n"
                             "ABC,6,2.5,1.5,3,2,1704164705000\r\n";
    auto r = BarCsvReader::parse("\xEF\xBB\xBF" + text, "x.csv");
    ASSERT_TRUE(r.hasValue()) << r.error().message;
    ASSERT_EQ(r->bars.size(), 2U);
    EXPECT_EQ(r->bars.row(0).open, 1.5);
    EXPECT_EQ(r->bars.row(0).volume, 5.0);
    EXPECT_EQ(r->bars.row(1).time - r->bars.row(0).time, kNsPerMinute);
    EXPECT_EQ(r->rowLines[1], "ABC,6,2.5,1.5,3,2,1704164705000"); // no '\r'
    EXPECT_EQ(r->rowLineNumbers[1], 4U);                          // the blank line still counts
    EXPECT_EQ(r->headerLine, "Symbol, VOLUME ,Close,low,High,open,Time");
}

TEST(BarCsvReader, rejectsEmptyFile) {
    EXPECT_EQ(errorOf(""), "bars.csv:1: empty file: expected a header with "
                           "time,open,high,low,close,volume");
    EXPECT_NE(errorOf("\n \n").find("empty file"), std::string::npos);
}

TEST(BarCsvReader, rejectsHeaderWithoutRows) {
    EXPECT_EQ(errorOf(kHeader), "bars.csv:1: no data rows after the header");
}

TEST(BarCsvReader, rejectsMissingColumnOnTheHeaderLine) {
    const std::string message = errorOf("time,open,high,low,close\n2024-01-02,1,2,1,2\n");
    EXPECT_EQ(message.rfind("bars.csv:1: missing column 'volume'", 0), 0U) << message;
}

TEST(BarCsvReader, rejectsRepeatedColumn) {
    const std::string message = errorOf("time,open,high,low,close,volume,Close\n");
    EXPECT_EQ(message.rfind("bars.csv:1: column 'close' appears twice", 0), 0U) << message;
}

TEST(BarCsvReader, rejectsNonNumericValueWithLineAndColumn) {
    const std::string message = errorOf(kHeader + "2024-01-02,1,2,1,2,10\n"
                                                  "2024-01-03,1,2,1,abc,10\n");
    EXPECT_EQ(message, "bars.csv:3: column 'close': 'abc' is not a number");
}

TEST(BarCsvReader, rejectsEmptyValue) {
    EXPECT_EQ(errorOf(kHeader + "2024-01-02,1,,1,2,10\n"),
              "bars.csv:2: column 'high': empty value");
}

TEST(BarCsvReader, rejectsNanAndInfinity) {
    EXPECT_EQ(errorOf(kHeader + "2024-01-02,nan,2,1,2,10\n"),
              "bars.csv:2: column 'open': 'nan' is not a finite number");
    EXPECT_EQ(errorOf(kHeader + "2024-01-02,1,2,1,2,10\n2024-01-03,1,inf,1,2,10\n"),
              "bars.csv:3: column 'high': 'inf' is not a finite number");
}

TEST(BarCsvReader, rejectsWrongNumberOfFields) {
    EXPECT_EQ(errorOf(kHeader + "2024-01-02,1,2,1,2,10\n2024-01-03,1,2,1,2\n"),
              "bars.csv:3: expected 6 fields as in the header, found 5");
    EXPECT_EQ(errorOf(kHeader + "2024-01-02,1,2,1,2,10,7\n"),
              "bars.csv:2: expected 6 fields as in the header, found 7");
}

TEST(BarCsvReader, rejectsBadTime) {
    const std::string message = errorOf(kHeader + "2024-02-30,1,2,1,2,10\n");
    EXPECT_EQ(message.rfind("bars.csv:2: column 'time': '2024-02-30' is not a valid time", 0), 0U)
        << message;
}

TEST(BarCsvReader, rejectsUnsortedTime) {
    const std::string message = errorOf(kHeader + "2024-01-02,1,2,1,2,10\n"
                                                  "2024-01-04,1,2,1,2,10\n"
                                                  "2024-01-03,1,2,1,2,10\n");
    EXPECT_EQ(message, "bars.csv:4: time '2024-01-03' is earlier than line 3 (rows must be "
                       "sorted by time)");
}

TEST(BarCsvReader, rejectsDuplicateTimeEvenWrittenDifferently) {
    const std::string message = errorOf(kHeader + "2024-01-02,1,2,1,2,10\n"
                                                  "2024-01-02T00:00:00Z,1,2,1,2,10\n");
    EXPECT_EQ(message, "bars.csv:3: duplicate time '2024-01-02T00:00:00Z': same as line 2");
}

TEST(BarCsvReader, rejectsHighBelowLow) {
    EXPECT_EQ(errorOf(kHeader + "2024-01-02,1,2,3,2,10\n"), "bars.csv:2: high 2 is below low 3");
}

TEST(BarCsvReader, rejectsNegativeVolume) {
    EXPECT_EQ(errorOf(kHeader + "2024-01-02,1,2,1,2,-5\n"),
              "bars.csv:2: column 'volume': -5 is negative");
}

TEST(BarCsvReader, rejectsUnterminatedQuote) {
    EXPECT_EQ(errorOf(kHeader + "\"2024-01-02,1,2,1,2,10\n"),
              "bars.csv:2: unterminated quoted field");
}

TEST(BarCsvReader, readFileReportsMissingFile) {
    auto r = BarCsvReader::readFile("/nonexistent/dir/bars.csv");
    ASSERT_FALSE(r.hasValue());
    EXPECT_EQ(r.error().code, ErrorCode::IoError);
    EXPECT_NE(r.error().message.find("cannot open '/nonexistent/dir/bars.csv'"), std::string::npos);
}

TEST(BarCsvReader, readFileNamesThePathInParseErrors) {
    const std::string path = ::testing::TempDir() + "cw_bar_csv_reader_test.csv";
    {
        std::ofstream out(path);
        out << kHeader << "2024-01-02,1,2,1,x,10\n";
    }
    auto r = BarCsvReader::readFile(path);
    std::remove(path.c_str());
    ASSERT_FALSE(r.hasValue());
    EXPECT_EQ(r.error().message, path + ":2: column 'close': 'x' is not a number");
}
