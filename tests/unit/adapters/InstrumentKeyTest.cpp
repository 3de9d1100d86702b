// SPDX-License-Identifier: MIT
#include "core/adapters/InstrumentKey.hpp"

#include "core/adapters/MarketDataEvents.hpp"

#include <gtest/gtest.h>
#include <string>
#include <type_traits>
#include <unordered_set>

using cw::ErrorCode;
using cw::adapters::InstrumentKey;

TEST(InstrumentKey, keepsVenueAndSymbolInline) {
    auto key = InstrumentKey::make("SIM", "BTCUSDT");
    ASSERT_TRUE(key.hasValue());
    EXPECT_EQ(key->venue(), "SIM");
    EXPECT_EQ(key->symbol(), "BTCUSDT");
    EXPECT_EQ(key->toString(), "SIM:BTCUSDT");
    EXPECT_FALSE(key->isEmpty());
    // A trade event must not own heap memory: the key is a trivially copyable value.
    EXPECT_TRUE(std::is_trivially_copyable_v<InstrumentKey>);
    EXPECT_TRUE(std::is_trivially_copyable_v<cw::adapters::TradeReceived>);
    EXPECT_TRUE(std::is_trivially_copyable_v<cw::adapters::QuoteReceived>);
}

TEST(InstrumentKey, acceptsTheLongestNamesAndSpacesInside) {
    const std::string venue(InstrumentKey::kMaxVenueLength, 'V');
    const std::string symbol(InstrumentKey::kMaxSymbolLength, 'S');
    auto key = InstrumentKey::make(venue, symbol);
    ASSERT_TRUE(key.hasValue());
    EXPECT_EQ(key->venue(), venue);
    EXPECT_EQ(key->symbol(), symbol);
    EXPECT_TRUE(InstrumentKey::make("IB", "BRK B").hasValue());
}

TEST(InstrumentKey, rejectsEmptyTooLongAndGarbage) {
    EXPECT_EQ(InstrumentKey::make("", "BTCUSDT").error().code, ErrorCode::InvalidArgument);
    EXPECT_EQ(InstrumentKey::make("SIM", "").error().code, ErrorCode::InvalidArgument);
    EXPECT_FALSE(InstrumentKey::make(std::string(16, 'V'), "X").hasValue());
    EXPECT_FALSE(InstrumentKey::make("SIM", std::string(32, 'S')).hasValue());
    EXPECT_FALSE(InstrumentKey::make("sim", "BTCUSDT").hasValue()); // venue is upper case
    EXPECT_FALSE(InstrumentKey::make("SIM", "BTC\nUSDT").hasValue());
    EXPECT_FALSE(InstrumentKey::make("SIM", " BTC").hasValue());
    EXPECT_FALSE(InstrumentKey::make("SIM", std::string("BT\0C", 4)).hasValue());
    EXPECT_FALSE(InstrumentKey::make("SIM", "\xC3\xA9").hasValue()); // not ASCII
}

TEST(InstrumentKey, parsesWhatItPrints) {
    auto key = InstrumentKey::parse("BINANCE:ETHUSDT");
    ASSERT_TRUE(key.hasValue());
    EXPECT_EQ(key->venue(), "BINANCE");
    EXPECT_EQ(key->symbol(), "ETHUSDT");
    EXPECT_EQ(InstrumentKey::parse(key->toString())->toString(), "BINANCE:ETHUSDT");
    EXPECT_EQ(InstrumentKey::parse("ETHUSDT").error().code, ErrorCode::ParseError);
    EXPECT_FALSE(InstrumentKey::parse(":ETHUSDT").hasValue());
}

TEST(InstrumentKey, comparesAndHashesByVenueAndSymbol) {
    const auto a = *InstrumentKey::make("SIM", "AAPL");
    const auto b = *InstrumentKey::make("IB", "AAPL");
    const auto c = *InstrumentKey::make("SIM", "AAPL");
    EXPECT_EQ(a, c);
    EXPECT_NE(a, b);
    std::unordered_set<InstrumentKey> set{a, b, c};
    EXPECT_EQ(set.size(), 2u);
    EXPECT_TRUE(InstrumentKey{}.isEmpty());
}
