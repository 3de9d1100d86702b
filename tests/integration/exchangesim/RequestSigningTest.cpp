// SPDX-License-Identifier: MIT
// Request signatures: the documented HMAC-SHA256 vectors, the bytes they cover, and the
// server accepting or refusing them over HTTP.

#include "core/exchangesim/HmacSigner.hpp"
#include "core/exchangesim/RequestParams.hpp"
#include "tests/integration/exchangesim/ExchangeSimClient.hpp"

using namespace cw::exchangesim;
using namespace cw::exchangesim::testing;

namespace {

// The venue documentation's example keys (illustrative, public).
constexpr const char* kDocKey = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";
constexpr const char* kDocSecret =
    "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";
constexpr std::int64_t kDocTimestamp = 1499827319559;

constexpr const char* kR1Payload = "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&"
                                   "price=0.1&recvWindow=5000&timestamp=1499827319559";
constexpr const char* kR1Signature =
    "c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71";
constexpr const char* kR2Payload =
    "symbol=%EF%BC%91%EF%BC%92%EF%BC%93%EF%BC%94%EF%BC%95%EF%BC%96&side=BUY&type=LIMIT&"
    "timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559";
constexpr const char* kR2Signature =
    "e1353ec6b14d888f1164ae9af8228a3dbd508bc82eb867db8ab6046442f33ef3";
constexpr const char* kR3Query = "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC";
constexpr const char* kR3Body = "quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559";
constexpr const char* kR3Signature =
    "0fd168b8ddb4876a0358a8d14d0c9f3da0e9b20c5d52b2a00fcf7d1c602f9a77";

/// A server whose clock stands 100 ms after the documented timestamp, with the doc's key.
ExchangeSimConfig docConfig() {
    ExchangeSimConfig config = ExchangeSimHarness::defaultConfig();
    config.apiKeys = {{kDocKey, kDocSecret}};
    config.clockMs = [] { return kDocTimestamp + 100; };
    return config;
}

} // namespace

TEST(HmacSigner, reproducesTheDocumentedVectors) {
    EXPECT_EQ(HmacSigner::sign(kDocSecret, kR1Payload), kR1Signature);
    EXPECT_EQ(HmacSigner::sign(kDocSecret, kR2Payload), kR2Signature);
    // Mixed query and body: the two are concatenated with no '&' between them.
    EXPECT_EQ(HmacSigner::sign(kDocSecret, std::string(kR3Query) + kR3Body), kR3Signature);
}

TEST(HmacSigner, verifiesCaseInsensitivelyAndRejectsAnyChange) {
    std::string upper = kR1Signature;
    for (char& c : upper)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    EXPECT_TRUE(HmacSigner::verify(kDocSecret, kR1Payload, upper));
    std::string flipped = kR1Signature;
    flipped.back() = flipped.back() == '1' ? '2' : '1';
    EXPECT_FALSE(HmacSigner::verify(kDocSecret, kR1Payload, flipped));
    EXPECT_FALSE(HmacSigner::verify(kDocSecret, kR1Payload, ""));
    EXPECT_FALSE(HmacSigner::verify(kDocSecret, kR1Payload, "not hex at all"));
    EXPECT_FALSE(HmacSigner::verify("another secret", kR1Payload, kR1Signature));
}

TEST(RequestParams, signedPayloadIsTheRawQueryThenTheRawBodyWithoutTheSignature) {
    auto params = RequestParams::parse(std::string(kR3Query),
                                       std::string(kR3Body) + "&signature=" + kR3Signature);
    ASSERT_TRUE(params.hasValue());
    EXPECT_EQ(params->signedPayload(), std::string(kR3Query) + kR3Body);
    EXPECT_EQ(params->signature(), std::string(kR3Signature));
    EXPECT_EQ(params->get("quantity"), std::string("1"));
    EXPECT_EQ(params->get("timeInForce"), std::string("GTC"));
}

TEST(RequestParams, keepsPercentEncodedBytesForTheSignatureButDecodesValues) {
    auto params = RequestParams::parse(std::string(kR2Payload) + "&signature=" + kR2Signature, "");
    ASSERT_TRUE(params.hasValue());
    EXPECT_EQ(params->signedPayload(), kR2Payload);
    EXPECT_EQ(params->get("symbol"), std::string("\xEF\xBC\x91\xEF\xBC\x92\xEF\xBC\x93\xEF\xBC"
                                                 "\x94\xEF\xBC\x95\xEF\xBC\x96"));
}

TEST(RequestParams, queryWinsOverBodyAndOrderIsFree) {
    auto params = RequestParams::parse("b=2&a=1", "a=3&c=%2B+x");
    ASSERT_TRUE(params.hasValue());
    EXPECT_EQ(params->get("a"), std::string("1"));
    EXPECT_EQ(params->get("c"), std::string("+ x"));
    EXPECT_FALSE(params->get("d").has_value());
}

TEST(RequestParams, rejectsBrokenPercentEscapesAndNamelessParameters) {
    EXPECT_FALSE(RequestParams::parse("a=%zz", "").hasValue());
    EXPECT_FALSE(RequestParams::parse("a=%4", "").hasValue());
    EXPECT_FALSE(RequestParams::parse("=5", "").hasValue());
    // Empty segments are skipped, not errors.
    EXPECT_TRUE(RequestParams::parse("a=1&&b=2&", "").hasValue());
}

TEST(ExchangeSimSigning, acceptsDocumentedQueryVectorAndRejectsATamperedOne) {
    ExchangeSimHarness sim(docConfig());
    ASSERT_TRUE(sim.ok());
    // The signature is right, so the request gets as far as the symbol check: the venue
    // does not list LTCBTC.
    auto accepted = sim.send(
        "POST", QString("/api/v3/order?") + kR1Payload + "&signature=" + kR1Signature, {}, kDocKey);
    EXPECT_EQ(accepted.status, 400);
    EXPECT_EQ(accepted.code(), -1121) << accepted.body.toStdString();

    std::string tampered = kR1Signature;
    tampered[0] = tampered[0] == 'c' ? 'd' : 'c';
    auto refused = sim.send("POST",
                            QString("/api/v3/order?") + kR1Payload +
                                "&signature=" + QString::fromStdString(tampered),
                            {}, kDocKey);
    EXPECT_EQ(refused.status, 400);
    EXPECT_EQ(refused.code(), -1022);
    EXPECT_EQ(refused.object().value("msg").toString(), "Signature for this request is not valid.");
}

TEST(ExchangeSimSigning, acceptsThePercentEncodedNonAsciiVector) {
    ExchangeSimHarness sim(docConfig());
    ASSERT_TRUE(sim.ok());
    auto accepted = sim.send(
        "POST", QString("/api/v3/order?") + kR2Payload + "&signature=" + kR2Signature, {}, kDocKey);
    EXPECT_EQ(accepted.code(), -1121) << accepted.body.toStdString();
}

TEST(ExchangeSimSigning, acceptsTheMixedQueryAndBodyVector) {
    ExchangeSimHarness sim(docConfig());
    ASSERT_TRUE(sim.ok());
    auto accepted = sim.send("POST", QString("/api/v3/order?") + kR3Query,
                             QByteArray(kR3Body) + "&signature=" + kR3Signature, kDocKey);
    EXPECT_EQ(accepted.code(), -1121) << accepted.body.toStdString();
    // The same bytes re-ordered are a different payload: refused.
    auto reordered = sim.send("POST", QString("/api/v3/order?") + kR3Query,
                              QByteArray("price=0.1&quantity=1&recvWindow=5000&timestamp="
                                         "1499827319559&signature=") +
                                  kR3Signature,
                              kDocKey);
    EXPECT_EQ(reordered.code(), -1022);
}

TEST(ExchangeSimSigning, refusesMissingOrUnknownApiKeysWith401) {
    ExchangeSimHarness sim(docConfig());
    ASSERT_TRUE(sim.ok());
    auto noKey =
        sim.send("POST", QString("/api/v3/order?") + kR1Payload + "&signature=" + kR1Signature, {},
                 QByteArray());
    EXPECT_EQ(noKey.status, 401);
    EXPECT_EQ(noKey.code(), -2014);
    auto unknown =
        sim.send("POST", QString("/api/v3/order?") + kR1Payload + "&signature=" + kR1Signature, {},
                 "someone-else");
    EXPECT_EQ(unknown.status, 401);
    EXPECT_EQ(unknown.code(), -2015);
}

TEST(ExchangeSimSigning, refusesTimestampsOutsideTheRecvWindow) {
    ExchangeSimConfig config = docConfig();
    // The server's clock is 6 s after the documented timestamp: outside the 5 s window.
    config.clockMs = [] { return kDocTimestamp + 6000; };
    ExchangeSimHarness sim(config);
    ASSERT_TRUE(sim.ok());
    auto late = sim.send(
        "POST", QString("/api/v3/order?") + kR1Payload + "&signature=" + kR1Signature, {}, kDocKey);
    EXPECT_EQ(late.status, 400);
    EXPECT_EQ(late.code(), -1021);
    EXPECT_EQ(late.object().value("msg").toString(),
              "Timestamp for this request is outside of the recvWindow.");

    // 1000 ms or more ahead of the server is refused too.
    ExchangeSimConfig behind = docConfig();
    behind.clockMs = [] { return kDocTimestamp - 1000; };
    ExchangeSimHarness early(behind);
    ASSERT_TRUE(early.ok());
    auto ahead = early.send(
        "POST", QString("/api/v3/order?") + kR1Payload + "&signature=" + kR1Signature, {}, kDocKey);
    EXPECT_EQ(ahead.code(), -1021);
    EXPECT_EQ(ahead.object().value("msg").toString(),
              "Timestamp for this request was 1000ms ahead of the server's time.");
}
