// SPDX-License-Identifier: MIT
#include "core/adapters/binance/BinanceSigner.hpp"

#include "tests/unit/adapters/binance/BinanceTestSupport.hpp"

#include <algorithm>
#include <gtest/gtest.h>
#include <map>
#include <sstream>
#include <vector>

using namespace cw::adapters::binance;
using cw::adapters::binance::testing::fixture;

namespace {

struct Vector {
    std::string name, kind, query, body, signature;
};

struct Vectors {
    std::string secret;
    std::string apiKey;
    std::map<std::string, Vector> byName;
};

std::vector<std::string> splitTabs(const std::string& line) {
    std::vector<std::string> fields;
    std::string field;
    std::istringstream in(line);
    while (std::getline(in, field, '\t'))
        fields.push_back(field);
    return fields;
}

Vectors loadVectors() {
    Vectors v;
    std::istringstream in(fixture("signing-vectors.tsv"));
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#')
            continue;
        const auto f = splitTabs(line);
        if (f.size() == 2 && f[0] == "secret")
            v.secret = f[1];
        else if (f.size() == 2 && f[0] == "apikey")
            v.apiKey = f[1];
        else if (f.size() == 5)
            v.byName[f[0]] = {f[0], f[1], f[2], f[3] == "-" ? "" : f[3], f[4]};
    }
    return v;
}

std::vector<BinanceParam> paramsOf(const std::string& payload) {
    std::vector<BinanceParam> params;
    std::istringstream in(payload);
    std::string pair;
    while (std::getline(in, pair, '&')) {
        const auto eq = pair.find('=');
        params.push_back({pair.substr(0, eq), pair.substr(eq + 1)});
    }
    return params;
}

const std::vector<BinanceParam> kOrderParams = {{"symbol", "LTCBTC"}, {"side", "BUY"},
                                                {"type", "LIMIT"},    {"timeInForce", "GTC"},
                                                {"quantity", "1"},    {"price", "0.1"}};

} // namespace

TEST(BinanceSigner, fixtureHoldsEveryDocumentedVector) {
    const auto v = loadVectors();
    EXPECT_FALSE(v.secret.empty());
    for (const char* name : {"R1", "R2", "R3", "W1", "W2", "D1"})
        EXPECT_TRUE(v.byName.count(name)) << name;
}

TEST(BinanceSigner, signsEveryVectorPayloadToTheDocumentedSignature) {
    const auto v = loadVectors();
    const BinanceSigner signer(v.secret);
    for (const auto& [name, vec] : v.byName)
        EXPECT_EQ(signer.sign(vec.query, vec.body), vec.signature) << name;
}

TEST(BinanceSigner, buildsTheDocumentedSignedQueryFromParameters) {
    const auto v = loadVectors();
    const BinanceSigner signer(v.secret);
    auto request = signer.signRest(kOrderParams, 1499827319559, 5000, BinanceParamPlacement::Query);
    ASSERT_TRUE(request.hasValue()) << request.error().message;
    EXPECT_EQ(request->query,
              v.byName.at("R1").query + "&signature=" + v.byName.at("R1").signature);
    EXPECT_TRUE(request->body.empty());
    EXPECT_EQ(request->signature, v.byName.at("R1").signature);
}

TEST(BinanceSigner, percentEncodesNonAsciiSymbolsBeforeSigning) {
    const auto v = loadVectors();
    const BinanceSigner signer(v.secret);
    auto params = kOrderParams;
    params[0].value = "\xEF\xBC\x91\xEF\xBC\x92\xEF\xBC\x93\xEF\xBC\x94\xEF\xBC\x95\xEF\xBC\x96";
    auto request = signer.signRest(params, 1499827319559, 5000, BinanceParamPlacement::Query);
    ASSERT_TRUE(request.hasValue());
    EXPECT_EQ(request->signature, v.byName.at("R2").signature);
    EXPECT_EQ(request->query.substr(0, request->query.find("&signature=")),
              v.byName.at("R2").query);
}

TEST(BinanceSigner, signsQueryAndBodyConcatenatedWithoutSeparator) {
    const auto v = loadVectors();
    const BinanceSigner signer(v.secret);
    const std::vector<BinanceParam> query(kOrderParams.begin(), kOrderParams.begin() + 4);
    const std::vector<BinanceParam> body(kOrderParams.begin() + 4, kOrderParams.end());
    auto request = signer.signRestSplit(query, body, 1499827319559, 5000);
    ASSERT_TRUE(request.hasValue());
    EXPECT_EQ(request->query, v.byName.at("R3").query);
    EXPECT_EQ(request->body, v.byName.at("R3").body + "&signature=" + v.byName.at("R3").signature);
    EXPECT_EQ(request->signature, v.byName.at("R3").signature);
}

TEST(BinanceSigner, bodyPlacementSignsTheSameBytesAsTheQuery) {
    const auto v = loadVectors();
    const BinanceSigner signer(v.secret);
    auto request = signer.signRest(kOrderParams, 1499827319559, 5000, BinanceParamPlacement::Body);
    ASSERT_TRUE(request.hasValue());
    EXPECT_TRUE(request->query.empty());
    EXPECT_EQ(request->signature, v.byName.at("R1").signature);
}

TEST(BinanceSigner, omitsRecvWindowWhenNotGiven) {
    const BinanceSigner signer("k");
    auto request = signer.signRest({}, 42, std::nullopt, BinanceParamPlacement::Query);
    ASSERT_TRUE(request.hasValue());
    EXPECT_EQ(request->query, "timestamp=42&signature=" + signer.sign("timestamp=42"));
}

TEST(BinanceSigner, webSocketApiSortsParametersAndKeepsUtf8Raw) {
    const auto v = loadVectors();
    const BinanceSigner signer(v.secret);
    for (const char* name : {"W1", "W2", "D1"}) {
        const auto& vec = v.byName.at(name);
        auto params = paramsOf(vec.query);
        std::reverse(params.begin(), params.end());
        params.push_back({"signature", "ignored"});
        EXPECT_EQ(BinanceSigner::wsApiPayload(params), vec.query) << name;
        EXPECT_EQ(signer.signWsApi(params), vec.signature) << name;
    }
}

TEST(BinanceSigner, percentEncodingKeepsUnreservedAndEncodesTheRest) {
    EXPECT_EQ(BinanceSigner::percentEncode("AZaz09-._~"), "AZaz09-._~");
    EXPECT_EQ(BinanceSigner::percentEncode("[\"BTCUSDT\",\"BNBBTC\"]"),
              "%5B%22BTCUSDT%22%2C%22BNBBTC%22%5D");
    EXPECT_EQ(BinanceSigner::percentEncode("a b&c=d"), "a%20b%26c%3Dd");
    EXPECT_EQ(BinanceSigner::percentEncode(""), "");
}

TEST(BinanceSigner, rejectsParametersItAddsItselfAndBadTiming) {
    const BinanceSigner signer("k");
    const std::vector<BinanceParam> withTimestamp = {{"timestamp", "1"}};
    const std::vector<BinanceParam> withSignature = {{"signature", "x"}};
    const std::vector<BinanceParam> emptyName = {{"", "x"}};
    EXPECT_FALSE(signer.signRest(withTimestamp, 1, std::nullopt, BinanceParamPlacement::Query));
    EXPECT_FALSE(signer.signRest(withSignature, 1, std::nullopt, BinanceParamPlacement::Query));
    EXPECT_FALSE(signer.signRest(emptyName, 1, std::nullopt, BinanceParamPlacement::Query));
    EXPECT_FALSE(signer.signRest({}, 1, 0, BinanceParamPlacement::Query));
    EXPECT_FALSE(signer.signRest({}, 1, 60'001, BinanceParamPlacement::Query));
    EXPECT_FALSE(signer.signRest({}, -1, std::nullopt, BinanceParamPlacement::Query));
    EXPECT_FALSE(signer.signRest({}, 1, std::nullopt, BinanceParamPlacement::Invalid));
    EXPECT_FALSE(signer.signRestSplit(withSignature, {}, 1, std::nullopt));
    const auto error =
        signer.signRest(withTimestamp, 1, std::nullopt, BinanceParamPlacement::Query);
    EXPECT_EQ(error.error().code, cw::ErrorCode::InvalidArgument);
    EXPECT_TRUE(signer.signRest({}, 1, 60'000, BinanceParamPlacement::Query).hasValue());
}

TEST(BinanceSigner, signatureNeverContainsTheSecret) {
    const std::string secret = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";
    const BinanceSigner signer(secret);
    auto request = signer.signRest(kOrderParams, 1, 5000, BinanceParamPlacement::Query);
    ASSERT_TRUE(request.hasValue());
    EXPECT_EQ(request->query.find(secret), std::string::npos);
}
