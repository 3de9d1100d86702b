// SPDX-License-Identifier: MIT
#include "core/common/Result.hpp"

#include <gtest/gtest.h>
#include <memory>
#include <string>

using namespace cw;

namespace {
Result<int> half(int x) {
    if (x % 2 != 0)
        return fail(ErrorCode::InvalidArgument, "odd: " + std::to_string(x));
    return x / 2;
}
} // namespace

TEST(Result, carriesValue) {
    auto r = half(8);
    ASSERT_TRUE(r);
    EXPECT_EQ(*r, 4);
    EXPECT_EQ(r.valueOr(-1), 4);
}

TEST(Result, carriesErrorWithCodeAndMessage) {
    auto r = half(3);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::InvalidArgument);
    EXPECT_EQ(r.error().toString(), "InvalidArgument: odd: 3");
    EXPECT_EQ(r.valueOr(-1), -1);
}

TEST(Result, holdsMoveOnlyValues) {
    Result<std::unique_ptr<int>> r = std::make_unique<int>(7);
    ASSERT_TRUE(r);
    std::unique_ptr<int> p = std::move(r).value();
    EXPECT_EQ(*p, 7);
}

TEST(Result, voidResultReportsFailure) {
    Result<void> ok;
    EXPECT_TRUE(ok);
    Result<void> bad = fail(ErrorCode::IoError, "disk full");
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().code, ErrorCode::IoError);
}

TEST(ResultDeathTest, readingValueOfErrorAborts) {
    auto r = half(1);
    EXPECT_DEATH((void)r.value(), "assertion failed");
}
