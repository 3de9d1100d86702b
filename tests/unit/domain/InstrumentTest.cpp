// SPDX-License-Identifier: MIT
#include "core/domain/Instrument.hpp"

#include <gtest/gtest.h>

using namespace cw;

namespace {

Instrument btcusdt() {
    Instrument i;
    i.symbol = "BTCUSDT";
    i.venue = "BINANCE";
    i.assetClass = AssetClass::Crypto;
    i.baseCurrency = *Currency::parse("BTC");
    i.quoteCurrency = *Currency::parse("USDT");
    i.pricePrecision = 2;
    i.quantityPrecision = 5;
    i.tickSize = *Price::parse("0.01");
    i.lotSize = *Quantity::parse("0.00001");
    i.minNotional = *Money::parse("5.00", i.quoteCurrency);
    return i;
}

} // namespace

TEST(Instrument, validDefinitionPassesValidation) {
    const auto r = btcusdt().validate();
    EXPECT_TRUE(r) << (r ? "" : r.error().toString());
}

TEST(Instrument, validationNamesTheFirstProblem) {
    auto noSymbol = btcusdt();
    noSymbol.symbol.clear();
    ASSERT_FALSE(noSymbol.validate());
    EXPECT_EQ(noSymbol.validate().error().code, ErrorCode::InvalidArgument);

    auto noClass = btcusdt();
    noClass.assetClass = AssetClass::Invalid;
    EXPECT_FALSE(noClass.validate());

    auto zeroTick = btcusdt();
    zeroTick.tickSize = Price();
    ASSERT_FALSE(zeroTick.validate());
    EXPECT_NE(zeroTick.validate().error().message.find("tick size"), std::string::npos);

    auto tickTooPrecise = btcusdt();
    tickTooPrecise.tickSize = *Price::parse("0.001"); // finer than the 2-decimal prices
    EXPECT_FALSE(tickTooPrecise.validate());

    auto negativeLot = btcusdt();
    negativeLot.lotSize = *Quantity::parse("-1");
    EXPECT_FALSE(negativeLot.validate());

    auto wrongCurrency = btcusdt();
    wrongCurrency.minNotional = *Money::parse("5", *Currency::parse("EUR"));
    EXPECT_FALSE(wrongCurrency.validate());

    auto badPrecision = btcusdt();
    badPrecision.pricePrecision = 19;
    EXPECT_FALSE(badPrecision.validate());
}

TEST(Instrument, checksPricesAgainstTheTick) {
    const auto i = btcusdt();
    EXPECT_TRUE(i.isPriceOnTick(*Price::parse("42123.45")));
    EXPECT_TRUE(i.isPriceOnTick(*Price::parse("42123.4500")));
    EXPECT_FALSE(i.isPriceOnTick(*Price::parse("42123.455")));
    auto rounded = i.roundPriceToTick(*Price::parse("42123.455"), RoundingMode::HalfEven);
    ASSERT_TRUE(rounded);
    EXPECT_EQ(rounded->toString(), "42123.46");
}

TEST(Instrument, checksQuantitiesAgainstTheLot) {
    const auto i = btcusdt();
    EXPECT_TRUE(i.isQuantityOnLot(*Quantity::parse("0.00123")));
    EXPECT_FALSE(i.isQuantityOnLot(*Quantity::parse("0.000123")));
    auto down = i.roundQuantityToLot(*Quantity::parse("0.000129"), RoundingMode::TowardZero);
    ASSERT_TRUE(down);
    EXPECT_EQ(down->toString(), "0.00012");
}

TEST(Instrument, parsesAtItsOwnPrecision) {
    const auto i = btcusdt();
    auto p = i.parsePrice("42123.4");
    ASSERT_TRUE(p);
    EXPECT_EQ(p->toString(), "42123.40");
    auto tooPrecise = i.parsePrice("42123.456");
    ASSERT_FALSE(tooPrecise);
    EXPECT_EQ(tooPrecise.error().code, ErrorCode::OutOfRange);
    auto q = i.parseQuantity("0.001");
    ASSERT_TRUE(q);
    EXPECT_EQ(q->toString(), "0.00100");
}

TEST(Instrument, computesNotionalAndMinimumExactly) {
    const auto i = btcusdt();
    auto n = i.notional(*Quantity::parse("0.00012"), *Price::parse("41666.67"));
    ASSERT_TRUE(n);
    EXPECT_EQ(n->toDisplayString(), "5.0000004 USDT");
    EXPECT_TRUE(i.meetsMinNotional(*Quantity::parse("0.00012"), *Price::parse("41666.67")));
    // 0.00012 x 41666.66 = 4.9999992: just below 5.
    EXPECT_FALSE(i.meetsMinNotional(*Quantity::parse("0.00012"), *Price::parse("41666.66")));
    // Exactly the minimum is enough.
    EXPECT_TRUE(i.meetsMinNotional(*Quantity::parse("0.0001"), *Price::parse("50000")));
    // A product too large for Money still meets the minimum.
    EXPECT_TRUE(i.meetsMinNotional(Quantity::fromRaw(9'000'000'000'000'000'000, 5),
                                   Price::fromRaw(9'000'000'000'000'000'000, 2)));
    auto noMinimum = i;
    noMinimum.minNotional = Money();
    EXPECT_TRUE(noMinimum.meetsMinNotional(*Quantity::parse("0.00001"), *Price::parse("0.01")));
}

TEST(AssetClass, namesEveryClass) {
    EXPECT_EQ(assetClassName(AssetClass::Crypto), "Crypto");
    EXPECT_EQ(assetClassName(AssetClass::Cfd), "Cfd");
    EXPECT_EQ(assetClassName(AssetClass::Invalid), "Invalid");
    EXPECT_EQ(assetClassName(static_cast<AssetClass>(99)), "Invalid");
}
