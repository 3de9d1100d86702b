// SPDX-License-Identifier: MIT
// Every parser on thousands of damaged copies of every fixture: each parse either succeeds or
// returns an error with a kind; nothing crashes, hangs or trips the sanitizers.
#include "core/adapters/binance/BinanceMarketDataParser.hpp"
#include "core/adapters/binance/BinanceRestParser.hpp"
#include "core/adapters/binance/BinanceUserDataParser.hpp"
#include "tests/unit/adapters/binance/BinanceTestSupport.hpp"

#include <cstdlib>
#include <gtest/gtest.h>
#include <random>
#include <string>
#include <vector>

using namespace cw;
using namespace cw::adapters::binance;
using namespace cw::adapters::binance::testing;

namespace {

const char* const kFixtures[] = {
    "stream-trade.json",
    "stream-aggtrade.json",
    "stream-kline.json",
    "stream-bookticker.json",
    "stream-partial-depth.json",
    "stream-depth-update.json",
    "stream-combined-trade.json",
    "stream-subscribe-reply.json",
    "rest-exchange-info.json",
    "rest-depth.json",
    "rest-klines.json",
    "rest-order-full.json",
    "rest-open-orders.json",
    "rest-account.json",
    "rest-my-trades.json",
    "user-execution-report-new.json",
    "user-outbound-account-position.json",
    "ws-api-order-reply.json",
    "ws-api-error-reply.json",
};

std::string mutate(const std::string& text, std::mt19937_64& random) {
    std::string out = text;
    const int edits = 1 + static_cast<int>(random() % 4);
    static const char kBytes[] = "{}[]\":,.-0123456789eEnNtf \\\x00\xff";
    for (int e = 0; e < edits && !out.empty(); ++e) {
        const std::size_t at = random() % out.size();
        switch (random() % 4) {
        case 0: // overwrite
            out[at] = kBytes[random() % (sizeof kBytes - 1)];
            break;
        case 1: // delete
            out.erase(at, 1 + random() % 8);
            break;
        case 2: // insert
            out.insert(at, 1, kBytes[random() % (sizeof kBytes - 1)]);
            break;
        default: // truncate
            out.resize(at);
            break;
        }
    }
    return out;
}

} // namespace

TEST(BinanceParsers, surviveDamagedCopiesOfEveryFixture) {
    const auto symbols = exampleSymbols();
    BinanceMarketDataParser market(symbols);
    BinanceRestParser rest;
    BinanceUserDataParser user(symbols);
    const BinanceSymbolInfo info = *symbols.find("ETHBTC");
    // A fixed seed keeps the test deterministic; CW_MUTATION_SEED explores other inputs.
    const char* seedText = std::getenv("CW_MUTATION_SEED");
    std::mt19937_64 random(seedText != nullptr ? std::strtoull(seedText, nullptr, 10) : 2024);
    std::size_t failures = 0;
    std::size_t runs = 0;
    for (const char* name : kFixtures) {
        const std::string original = fixture(name);
        for (int i = 0; i < 400; ++i) {
            const std::string damaged = mutate(original, random);
            auto a = market.parse(damaged, 1, "bnbbtc@depth5");
            auto b = user.parseWsApiFrame(damaged, 1);
            auto c = user.parseEvent(damaged, 1);
            auto d = rest.parseExchangeInfo(damaged);
            auto e = rest.parseOrder(damaged, symbols);
            auto f = rest.parseKlines(damaged, info, Timeframe::weeks(1));
            auto g = rest.parseDepth(damaged, info);
            for (bool ok : {a.hasValue(), b.hasValue(), c.hasValue(), d.hasValue(), e.hasValue(),
                            f.hasValue(), g.hasValue()}) {
                ++runs;
                failures += ok ? 0 : 1;
            }
            if (!a) {
                ASSERT_NE(market.lastErrorKind(), BinanceParseErrorKind::Invalid) << damaged;
            }
            if (!c) {
                ASSERT_NE(user.lastErrorKind(), BinanceParseErrorKind::Invalid) << damaged;
            }
            if (!d) {
                ASSERT_EQ(d.error().message.front(), '[') << d.error().message;
            }
        }
    }
    EXPECT_GT(failures, runs / 2) << "most damaged inputs must be refused";
    EXPECT_EQ(market.stats().totalFailures() + market.stats().parsed(),
              std::size(kFixtures) * 400U);
}
