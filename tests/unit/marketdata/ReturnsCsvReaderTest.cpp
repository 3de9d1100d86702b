// SPDX-License-Identifier: MIT
#include "core/marketdata/ReturnsCsvReader.hpp"

#include <gtest/gtest.h>

using namespace cw;
using namespace cw::marketdata;

TEST(ReturnsCsvReader, readsSingleColumnWithHeader) {
    auto r = ReturnsCsvReader::parse("return\n0.01\n-0.02\n\n0.005\n", "r.csv");
    ASSERT_TRUE(r.hasValue()) << r.error().message;
    EXPECT_EQ(r->values, (std::vector<double>{0.01, -0.02, 0.005}));
    EXPECT_EQ(r->lineNumbers, (std::vector<std::size_t>{2, 3, 5}));
    EXPECT_EQ(r->column, "return");
}

TEST(ReturnsCsvReader, readsSingleColumnWithoutHeader) {
    auto r = ReturnsCsvReader::parse("0.01\r\n-0.02\r\n", "r.csv");
    ASSERT_TRUE(r.hasValue()) << r.error().message;
    EXPECT_EQ(r->values, (std::vector<double>{0.01, -0.02}));
}

TEST(ReturnsCsvReader, picksTheReturnColumnAmongSeveral) {
    auto r = ReturnsCsvReader::parse("date,Returns,note\n2024-01-02,0.01,a\n2024-01-03,-0.03,b\n",
                                     "r.csv");
    ASSERT_TRUE(r.hasValue()) << r.error().message;
    EXPECT_EQ(r->values, (std::vector<double>{0.01, -0.03}));
    EXPECT_EQ(r->column, "Returns");
}

TEST(ReturnsCsvReader, rejectsSeveralColumnsWithoutReturnColumn) {
    auto r = ReturnsCsvReader::parse("date,pnl\n2024-01-02,0.01\n", "r.csv");
    ASSERT_FALSE(r.hasValue());
    EXPECT_EQ(r.error().message.rfind("r.csv:1: missing column 'return'", 0), 0U);
}

TEST(ReturnsCsvReader, rejectsNonNumericAndNanWithLine) {
    auto text = ReturnsCsvReader::parse("return\n0.01\nabc\n", "r.csv");
    ASSERT_FALSE(text.hasValue());
    EXPECT_EQ(text.error().message, "r.csv:3: column 'return': 'abc' is not a number");
    auto nan = ReturnsCsvReader::parse("return\n0.01\n0.02\nNaN\n", "r.csv");
    ASSERT_FALSE(nan.hasValue());
    EXPECT_EQ(nan.error().message, "r.csv:4: column 'return': 'NaN' is not a finite number");
}

TEST(ReturnsCsvReader, rejectsWrongFieldCount) {
    auto r = ReturnsCsvReader::parse("date,return\n2024-01-02,0.01\n2024-01-03\n", "r.csv");
    ASSERT_FALSE(r.hasValue());
    EXPECT_EQ(r.error().message, "r.csv:3: expected 2 fields, found 1");
}

TEST(ReturnsCsvReader, rejectsEmptyFileAndHeaderOnly) {
    auto empty = ReturnsCsvReader::parse("", "r.csv");
    ASSERT_FALSE(empty.hasValue());
    EXPECT_NE(empty.error().message.find("empty file"), std::string::npos);
    auto headerOnly = ReturnsCsvReader::parse("return\n", "r.csv");
    ASSERT_FALSE(headerOnly.hasValue());
    EXPECT_EQ(headerOnly.error().message, "r.csv:1: no values after the header");
}

TEST(ReturnsCsvReader, readFileReportsMissingFile) {
    auto r = ReturnsCsvReader::readFile("/nonexistent/returns.csv");
    ASSERT_FALSE(r.hasValue());
    EXPECT_EQ(r.error().code, ErrorCode::IoError);
}
