// SPDX-License-Identifier: MIT
#include "core/orders/PositionTracker.hpp"

#include <cmath>
#include <gtest/gtest.h>
#include <random>
#include <string>

namespace cw::orders {
namespace {

const adapters::InstrumentKey kBtc = *adapters::InstrumentKey::make("SIM", "BTCUSDT");
const adapters::InstrumentKey kEth = *adapters::InstrumentKey::make("SIM", "ETHUSDT");
const Currency kUsdt = *Currency::parse("USDT");
const Currency kBnb = *Currency::parse("BNB");

Instrument instrument(const std::string& symbol) {
    Instrument i;
    i.symbol = symbol;
    i.venue = "SIM";
    i.assetClass = AssetClass::Crypto;
    i.baseCurrency = *Currency::parse("BTC");
    i.quoteCurrency = kUsdt;
    i.pricePrecision = 2;
    i.quantityPrecision = 3;
    i.tickSize = *Price::parse("0.01");
    i.lotSize = *Quantity::parse("0.001");
    return i;
}

Money usdt(std::string_view text) {
    return *Money::parse(text, kUsdt);
}

adapters::OrderFilled fill(Side side, std::string_view quantity, std::string_view price,
                           Money fee = Money(), adapters::InstrumentKey key = kBtc) {
    adapters::OrderFilled f;
    f.clientOrderId = "C";
    f.instrument = key;
    f.tradeId = "T";
    f.side = side;
    f.quantity = *Quantity::parse(quantity, 3);
    f.price = *Price::parse(price, 2);
    f.fee = fee;
    return f;
}

class PositionTrackerTest : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(tracker.setInstrument(instrument("BTCUSDT")).hasValue());
        ASSERT_TRUE(tracker.setInstrument(instrument("ETHUSDT")).hasValue());
    }
    void apply(Side side, std::string_view quantity, std::string_view price, Money fee = Money()) {
        ASSERT_TRUE(tracker.applyFill("acc", fill(side, quantity, price, fee)).hasValue());
    }
    Position pos() { return *tracker.position("acc", kBtc); }

    PositionTracker tracker;
};

TEST_F(PositionTrackerTest, longPositionWithPartialClosesRealizesAgainstTheAverageCost) {
    apply(Side::Buy, "2", "100.00");
    apply(Side::Buy, "1", "103.00");
    EXPECT_EQ(pos().quantity, *Quantity::parse("3"));
    EXPECT_EQ(pos().averagePrice.toString(), "101.000000"); // (200 + 103) / 3
    EXPECT_EQ(pos().costBasis, usdt("303"));
    EXPECT_EQ(pos().currency, kUsdt);

    apply(Side::Sell, "1", "110.00"); // 110 - 101 = +9
    EXPECT_EQ(pos().realizedPnl, usdt("9"));
    EXPECT_EQ(pos().quantity, *Quantity::parse("2"));
    EXPECT_EQ(pos().averagePrice, *Price::parse("101")); // unchanged by a reduction

    apply(Side::Sell, "2", "95.00"); // 2 x (95 - 101) = -12
    EXPECT_EQ(pos().realizedPnl, usdt("-3"));
    EXPECT_TRUE(pos().quantity.isZero());
    EXPECT_TRUE(pos().costBasis.isZero());
    EXPECT_TRUE(pos().averagePrice.isZero());
    EXPECT_EQ(pos().fillCount, 4U);
}

TEST_F(PositionTrackerTest, shortPositionGainsWhenPriceFalls) {
    apply(Side::Sell, "2", "50.00");
    EXPECT_EQ(pos().quantity, *Quantity::parse("-2"));
    EXPECT_EQ(pos().costBasis, usdt("-100"));
    EXPECT_EQ(pos().averagePrice, *Price::parse("50"));
    apply(Side::Buy, "0.5", "45.00"); // 0.5 x (50 - 45) = +2.5
    EXPECT_EQ(pos().realizedPnl, usdt("2.5"));
    EXPECT_EQ(pos().quantity, *Quantity::parse("-1.5"));
    apply(Side::Sell, "0.5", "54.00"); // adds: cost -75 - 27 = -102 for -2
    EXPECT_EQ(pos().averagePrice, *Price::parse("51"));
}

TEST_F(PositionTrackerTest, flipThroughZeroRealizesTheClosedPartAndOpensTheRestAtTheFillPrice) {
    apply(Side::Buy, "1", "100.00");
    apply(Side::Sell, "3", "110.00"); // close 1: +10; open short 2 @ 110
    EXPECT_EQ(pos().realizedPnl, usdt("10"));
    EXPECT_EQ(pos().quantity, *Quantity::parse("-2"));
    EXPECT_EQ(pos().averagePrice, *Price::parse("110"));
    EXPECT_EQ(pos().costBasis, usdt("-220"));
    apply(Side::Buy, "4", "100.00"); // close 2 short: +20; open long 2 @ 100
    EXPECT_EQ(pos().realizedPnl, usdt("30"));
    EXPECT_EQ(pos().quantity, *Quantity::parse("2"));
    EXPECT_EQ(pos().averagePrice, *Price::parse("100"));
}

TEST_F(PositionTrackerTest, feesAccumulatePerCurrencyAndOnlyQuoteFeesAreNetted) {
    apply(Side::Buy, "1", "100.00", usdt("0.10"));
    apply(Side::Sell, "1", "101.00", usdt("0.10"));
    apply(Side::Buy, "1", "100.00", *Money::parse("0.001", kBnb));
    apply(Side::Sell, "1", "100.00", usdt("-0.02")); // a maker rebate
    const Position p = pos();
    EXPECT_EQ(p.realizedPnl, usdt("1"));
    ASSERT_EQ(p.fees.size(), 2U);
    EXPECT_EQ(p.fees[0], usdt("0.18"));
    EXPECT_EQ(p.fees[1], *Money::parse("0.001", kBnb));
    EXPECT_EQ(p.netRealizedPnl, usdt("0.82"));
}

TEST_F(PositionTrackerTest, roundingOfPartialClosesCancelsOutOverTheRoundTrip) {
    apply(Side::Buy, "1", "100.00");
    apply(Side::Buy, "1", "100.01");
    apply(Side::Buy, "1", "100.01");
    EXPECT_EQ(pos().averagePrice.toString(), "100.006667"); // 300.02 / 3
    apply(Side::Sell, "1", "100.00");
    // The closed third of the cost, 100.006666..., rounds half-even to 100.00667 at the cost's
    // 5 decimals (quantity 3 + price 2): realized -0.00667.
    EXPECT_EQ(pos().realizedPnl, usdt("-0.00667"));
    EXPECT_EQ(pos().costBasis, usdt("200.01333"));
    apply(Side::Sell, "2", "100.00");
    // Whole round trip: 300.00 received - 300.02 paid, exactly.
    EXPECT_EQ(pos().realizedPnl, usdt("-0.02"));
}

TEST_F(PositionTrackerTest, unrealizedPnlAtTheMarkAndTotalsPerCurrency) {
    apply(Side::Buy, "2", "100.00", usdt("0.2"));
    tracker.updateMark(kBtc, *Price::parse("105.50"));
    EXPECT_EQ(pos().unrealizedPnl, usdt("11")); // 2 x 105.5 - 200
    EXPECT_EQ(*tracker.unrealizedPnl("acc", kBtc, *Price::parse("99")), usdt("-2"));

    ASSERT_TRUE(
        tracker.applyFill("acc", fill(Side::Sell, "1", "20.00", usdt("0.1"), kEth)).hasValue());
    ASSERT_TRUE(tracker.applyFill("acc", fill(Side::Buy, "1", "18.00", Money(), kEth)).hasValue());
    ASSERT_TRUE(tracker.applyFill("other", fill(Side::Buy, "1", "1.00")).hasValue());

    const auto totals = tracker.totals("acc");
    ASSERT_TRUE(totals.hasValue());
    ASSERT_EQ(totals->size(), 1U);
    const auto& row = totals->front();
    EXPECT_EQ(row.currency, kUsdt);
    EXPECT_EQ(row.realizedPnl, usdt("2"));
    EXPECT_EQ(row.fees, usdt("0.3"));
    EXPECT_EQ(row.netRealizedPnl, usdt("1.7"));
    EXPECT_EQ(row.unrealizedPnl, usdt("11"));
    EXPECT_EQ(row.totalPnl, usdt("12.7"));
    EXPECT_TRUE(tracker.totals("nobody")->empty());
}

TEST_F(PositionTrackerTest, badFillsAreRefusedAndChangeNothing) {
    apply(Side::Buy, "1", "100.00");
    auto noSide = fill(Side::Invalid, "1", "100.00");
    EXPECT_EQ(tracker.applyFill("acc", noSide).error().code, ErrorCode::InvalidArgument);
    auto zero = fill(Side::Buy, "0", "100.00");
    EXPECT_EQ(tracker.applyFill("acc", zero).error().code, ErrorCode::InvalidArgument);
    auto negative = fill(Side::Buy, "-1", "100.00");
    EXPECT_EQ(tracker.applyFill("acc", negative).error().code, ErrorCode::InvalidArgument);
    auto noInstrument = fill(Side::Buy, "1", "100.00");
    noInstrument.instrument = {};
    EXPECT_EQ(tracker.applyFill("acc", noInstrument).error().code, ErrorCode::InvalidArgument);
    EXPECT_EQ(pos().quantity, *Quantity::parse("1"));
    EXPECT_EQ(pos().fillCount, 1U);
    EXPECT_EQ(tracker.position("acc", kEth).error().code, ErrorCode::NotFound);
    EXPECT_TRUE(tracker.quantity("acc", kEth).isZero());
}

TEST_F(PositionTrackerTest, setPositionLetsTheVenueWinAndKeepsRealizedPnl) {
    apply(Side::Buy, "1", "100.00");
    apply(Side::Sell, "0.5", "110.00"); // +5
    ASSERT_TRUE(tracker.setPosition("acc", kBtc, *Quantity::parse("2"), *Price::parse("101.25"))
                    .hasValue());
    EXPECT_EQ(pos().quantity, *Quantity::parse("2"));
    EXPECT_EQ(pos().averagePrice, *Price::parse("101.25"));
    EXPECT_EQ(pos().realizedPnl, usdt("5"));
}

TEST(PositionTracker, unregisteredInstrumentHasNoCurrencyButStillTracks) {
    PositionTracker tracker;
    ASSERT_TRUE(tracker.applyFill("", fill(Side::Buy, "1", "10.00")).hasValue());
    const auto p = tracker.position("", kBtc);
    ASSERT_TRUE(p.hasValue());
    EXPECT_TRUE(p->currency.isEmpty());
    EXPECT_EQ(p->quantity, *Quantity::parse("1"));
}

// Random fill sequences against an independent 128-bit integer reference: quantities at 3
// decimals, prices at 2, so every cash amount is an integer number of 10^-5.
TEST(PositionTracker, matchesAnExactCashFlowReferenceOnRandomFills) {
    __extension__ typedef __int128 I128;
    auto raw5 = [](const Money& m) -> I128 {
        const auto r = m.amount().rescaled(5);
        EXPECT_TRUE(r.hasValue()) << m.toString();
        return r ? static_cast<I128>(r->raw()) : 0;
    };
    std::mt19937_64 random(20241125);
    for (int sequence = 0; sequence < 300; ++sequence) {
        PositionTracker tracker;
        ASSERT_TRUE(tracker.setInstrument(instrument("BTCUSDT")).hasValue());
        I128 position = 0;      // 10^-3 units
        I128 cashFlow = 0;      // 10^-5 quote: -sum(signed qty x price)
        long double refAvg = 0; // classic average-cost reference in long double
        long double refRealized = 0;
        for (int i = 0; i < 40; ++i) {
            const bool buy = (random() % 2) == 0;
            const auto qRaw = static_cast<std::int64_t>(1 + random() % 5000);
            const auto pRaw = static_cast<std::int64_t>(1 + random() % 200'000);
            adapters::OrderFilled f;
            f.instrument = kBtc;
            f.side = buy ? Side::Buy : Side::Sell;
            f.quantity = Quantity::fromRaw(qRaw, 3);
            f.price = Price::fromRaw(pRaw, 2);
            ASSERT_TRUE(tracker.applyFill("a", f).hasValue());

            const I128 previous = position;
            const I128 d = buy ? qRaw : -qRaw;
            position += d;
            cashFlow -= d * pRaw;
            const auto held = static_cast<long double>(previous < 0 ? -previous : previous);
            const auto size = static_cast<long double>(qRaw);
            const long double p = static_cast<long double>(pRaw) / 100.0L;
            if (previous == 0 || (previous > 0) == (d > 0)) {
                refAvg = (refAvg * held + p * size) / (held + size);
            } else {
                const long double closed = std::min(size, held) / 1000.0L;
                refRealized += closed * (p - refAvg) * (previous > 0 ? 1 : -1);
                if (size > held)
                    refAvg = p;
            }

            const auto markRaw = static_cast<std::int64_t>(1 + random() % 200'000);
            const Position pos = *tracker.position("a", kBtc);
            ASSERT_EQ(pos.quantity, Quantity::fromRaw(static_cast<std::int64_t>(position), 3));
            // realized + unrealized = cash flow + position x mark, exactly, at every step.
            const Money unrealized = *tracker.unrealizedPnl("a", kBtc, Price::fromRaw(markRaw, 2));
            ASSERT_EQ(raw5(pos.realizedPnl) + raw5(unrealized), cashFlow + position * markRaw)
                << "sequence " << sequence << " fill " << i;
            if (position == 0) {
                ASSERT_EQ(raw5(pos.realizedPnl), cashFlow); // flat: P&L is the cash flow
            }
            // Rounding of partial closes stays within half a 10^-5 per fill.
            ASSERT_NEAR(pos.realizedPnl.toDouble(), static_cast<double>(refRealized),
                        1e-5 * (i + 1));
            // The average is the exact cost over the quantity; the cost carries those roundings.
            if (position != 0) {
                const double units = static_cast<double>(position < 0 ? -position : position) / 1e3;
                ASSERT_NEAR(pos.averagePrice.toDouble(), static_cast<double>(refAvg),
                            1e-4 + 1e-5 * (i + 1) / units);
            }
        }
    }
}

} // namespace
} // namespace cw::orders
