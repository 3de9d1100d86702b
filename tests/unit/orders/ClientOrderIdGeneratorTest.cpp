// SPDX-License-Identifier: MIT
#include "core/orders/ClientOrderIdGenerator.hpp"

#include <gtest/gtest.h>
#include <set>
#include <string>

namespace cw::orders {
namespace {

constexpr TimestampNs kStart = 1'732'500'000'123'000'000; // 2024-11-25, ms resolution

TEST(ClientOrderIdGenerator, idsAreValidAndShortEnoughForEveryVenue) {
    ClientOrderIdGenerator generator(kStart, ClientOrderIdGenerator::kSaltModulus - 1);
    for (int i = 0; i < 1000; ++i) {
        const std::string id = generator.next();
        EXPECT_TRUE(ClientOrderIdGenerator::isValid(id)) << id;
        EXPECT_LE(id.size(), ClientOrderIdGenerator::kMaxLength);
    }
    // The largest values still fit: the year ~2100 and the last counter value.
    ClientOrderIdGenerator late(4'102'444'800'000'000'000, ClientOrderIdGenerator::kSaltModulus);
    EXPECT_LE(late.prefix().size() + 13, ClientOrderIdGenerator::kMaxLength);
}

TEST(ClientOrderIdGenerator, neverRepeatsWithinOneGenerator) {
    ClientOrderIdGenerator generator(kStart, 42);
    std::set<std::string> ids;
    for (int i = 0; i < 10'000; ++i)
        EXPECT_TRUE(ids.insert(generator.next()).second);
    EXPECT_EQ(generator.issued(), 10'000U);
}

TEST(ClientOrderIdGenerator, isDeterministicForTheSameInputs) {
    ClientOrderIdGenerator a(kStart, 7);
    ClientOrderIdGenerator b(kStart, 7);
    EXPECT_EQ(a.next(), b.next());
    EXPECT_EQ(a.prefix().substr(0, 2), "CW");
    EXPECT_EQ(a.prefix().back(), '-');
}

TEST(ClientOrderIdGenerator, sameMillisecondDifferentSaltGivesDisjointIds) {
    ClientOrderIdGenerator a(kStart, 1);
    ClientOrderIdGenerator b(kStart + 999, 2); // same millisecond
    EXPECT_NE(a.prefix(), b.prefix());
    std::set<std::string> ids;
    for (int i = 0; i < 100; ++i) {
        ids.insert(a.next());
        ids.insert(b.next());
    }
    EXPECT_EQ(ids.size(), 200U);
}

TEST(ClientOrderIdGenerator, restartsLaterGiveOtherIdsEvenWithTheSameSalt) {
    ClientOrderIdGenerator first(kStart, 5);
    ClientOrderIdGenerator restarted(kStart + 1'000'000, 5); // one millisecond later
    EXPECT_NE(first.next(), restarted.next());
}

TEST(ClientOrderIdGenerator, twoProcessGeneratorsMadeBackToBackDiffer) {
    // Made one after the other, almost surely within the same millisecond: the salt (pid,
    // random seed, per-process sequence) must still separate them.
    auto a = ClientOrderIdGenerator::createForThisProcess();
    auto b = ClientOrderIdGenerator::createForThisProcess();
    EXPECT_NE(a.prefix(), b.prefix());
    EXPECT_NE(a.next(), b.next());
    EXPECT_TRUE(ClientOrderIdGenerator::isValid(a.next()));
}

TEST(ClientOrderIdGenerator, negativeStartTimeCountsAsZero) {
    ClientOrderIdGenerator generator(-5, 0);
    EXPECT_EQ(generator.next(), "CW000000-1");
}

TEST(ClientOrderIdGenerator, isValidRejectsEmptyTooLongAndForeignCharacters) {
    EXPECT_FALSE(ClientOrderIdGenerator::isValid(""));
    EXPECT_FALSE(ClientOrderIdGenerator::isValid(std::string(37, 'A')));
    EXPECT_TRUE(ClientOrderIdGenerator::isValid(std::string(36, 'A')));
    EXPECT_FALSE(ClientOrderIdGenerator::isValid("with space"));
    EXPECT_FALSE(ClientOrderIdGenerator::isValid("emoji\xF0\x9F\x98\x80"));
    EXPECT_FALSE(ClientOrderIdGenerator::isValid("a+b"));
    EXPECT_TRUE(ClientOrderIdGenerator::isValid("a.b:c/d_e-F9"));
}

} // namespace
} // namespace cw::orders
