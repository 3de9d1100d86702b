// SPDX-License-Identifier: MIT
#include "core/adapters/binance/Sha256.hpp"

#include "core/adapters/binance/HmacSha256.hpp"

#include <gtest/gtest.h>
#include <string>

using cw::adapters::binance::HmacSha256;
using cw::adapters::binance::Sha256;

namespace {

std::string hexOf(const Sha256::Digest& d) {
    return HmacSha256::toHex(d);
}

} // namespace

// FIPS 180-2 appendix B examples and the empty message.
TEST(Sha256, matchesFipsVectors) {
    EXPECT_EQ(hexOf(Sha256::hash("abc")),
              "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    EXPECT_EQ(hexOf(Sha256::hash("")),
              "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    EXPECT_EQ(hexOf(Sha256::hash("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")),
              "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    EXPECT_EQ(hexOf(Sha256::hash(std::string(1'000'000, 'a'))),
              "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST(Sha256, incrementalUpdatesEqualOneShotAcrossBlockBoundaries) {
    const std::string message(200, 'x');
    const auto expected = Sha256::hash(message);
    for (std::size_t split = 0; split <= message.size(); split += 7) {
        Sha256 sha;
        sha.update(std::string_view(message).substr(0, split));
        sha.update(std::string_view(message).substr(split));
        EXPECT_EQ(sha.finish(), expected) << "split at " << split;
    }
}

TEST(Sha256, finishResetsForTheNextMessage) {
    Sha256 sha;
    sha.update("garbage");
    (void)sha.finish();
    sha.update("abc");
    EXPECT_EQ(sha.finish(), Sha256::hash("abc"));
}

// RFC 4231 test cases 1, 2, 3, 4, 6 and 7 (case 5 truncates the output).
TEST(HmacSha256, matchesRfc4231Vectors) {
    EXPECT_EQ(HmacSha256(std::string(20, '\x0b')).macHex("Hi There"),
              "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
    EXPECT_EQ(HmacSha256("Jefe").macHex("what do ya want for nothing?"),
              "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    EXPECT_EQ(HmacSha256(std::string(20, '\xaa')).macHex(std::string(50, '\xdd')),
              "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe");
    std::string key4;
    for (char c = 1; c <= 25; ++c)
        key4 += c;
    EXPECT_EQ(HmacSha256(key4).macHex(std::string(50, '\xcd')),
              "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b");
    const std::string longKey(131, '\xaa');
    EXPECT_EQ(HmacSha256(longKey).macHex("Test Using Larger Than Block-Size Key - Hash Key First"),
              "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
    EXPECT_EQ(HmacSha256(longKey).macHex(
                  "This is a test using a larger than block-size key and a larger than block-size "
                  "data. The key needs to be hashed before being used by the HMAC algorithm."),
              "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2");
}

TEST(HmacSha256, partsAreConcatenatedWithoutSeparator) {
    const HmacSha256 hmac("key");
    EXPECT_EQ(hmac.macHex({"ab", "", "cd"}), hmac.macHex("abcd"));
    EXPECT_NE(hmac.macHex({"ab", "cd"}), hmac.macHex("ab&cd"));
}

TEST(HmacSha256, isReusableAndDependsOnTheKey) {
    const HmacSha256 hmac("secret");
    const auto first = hmac.macHex("message");
    EXPECT_EQ(hmac.macHex("message"), first);
    EXPECT_NE(HmacSha256("Secret").macHex("message"), first);
    EXPECT_EQ(first.size(), 64U);
}
