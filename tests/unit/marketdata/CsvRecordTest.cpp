// SPDX-License-Identifier: MIT
#include "core/marketdata/CsvRecord.hpp"

#include <gtest/gtest.h>

using namespace cw::marketdata;

TEST(CsvRecord, splitsAndTrimsFields) {
    auto r = CsvRecord::parse(" a , b,c ,\t d");
    ASSERT_TRUE(r.hasValue());
    EXPECT_EQ(r->fields(), (std::vector<std::string>{"a", "b", "c", "d"}));
}

TEST(CsvRecord, keepsEmptyFieldsIncludingATrailingOne) {
    auto r = CsvRecord::parse("a,,b,");
    ASSERT_TRUE(r.hasValue());
    EXPECT_EQ(r->fields(), (std::vector<std::string>{"a", "", "b", ""}));
    auto empty = CsvRecord::parse("");
    ASSERT_TRUE(empty.hasValue());
    EXPECT_EQ(empty->size(), 1U);
}

TEST(CsvRecord, unquotesQuotedFieldsWithCommasAndEscapedQuotes) {
    auto r = CsvRecord::parse(R"("x,y", "say ""hi""" ,z)");
    ASSERT_TRUE(r.hasValue());
    EXPECT_EQ(r->fields(), (std::vector<std::string>{"x,y", "say \"hi\"", "z"}));
}

TEST(CsvRecord, rejectsUnterminatedQuoteAndTextAfterQuote) {
    auto open = CsvRecord::parse(R"(a,"b)");
    ASSERT_FALSE(open.hasValue());
    EXPECT_NE(open.error().message.find("unterminated"), std::string::npos);
    EXPECT_FALSE(CsvRecord::parse(R"("b"x,c)").hasValue());
}
