// SPDX-License-Identifier: MIT
// Public market data over REST: klines paging over the stored history, depth, trades,
// tickers and exchangeInfo's rules.

#include "core/exchangesim/KlineInterval.hpp"
#include "tests/integration/exchangesim/ExchangeSimClient.hpp"

using namespace cw::exchangesim;
using namespace cw::exchangesim::testing;

namespace {
constexpr qint64 kMinuteMs = 60'000;
}

TEST(KlineInterval, alignsBucketsLikeTheVenue) {
    const auto hour = KlineInterval::parse("1h");
    ASSERT_TRUE(hour.has_value());
    EXPECT_EQ(hour->bucketStart(3'600'000 + 59'999), 3'600'000);
    // 1970-01-08 12:00 lies in the week starting Monday 1970-01-05.
    const auto week = KlineInterval::parse("1w");
    ASSERT_TRUE(week.has_value());
    EXPECT_EQ(week->bucketStart(7 * 86'400'000LL + 43'200'000LL), 4 * 86'400'000LL);
    const auto month = KlineInterval::parse("1M");
    ASSERT_TRUE(month.has_value());
    // 1970-02-15 -> 1970-02-01 (day 31); the next month starts on day 59.
    EXPECT_EQ(month->bucketStart(45 * 86'400'000LL), 31 * 86'400'000LL);
    EXPECT_EQ(month->nextBucket(31 * 86'400'000LL), 59 * 86'400'000LL);
    EXPECT_FALSE(KlineInterval::parse("1s").has_value());
    EXPECT_FALSE(KlineInterval::parse("1H").has_value());
    EXPECT_FALSE(KlineInterval::parse("").has_value());
}

TEST(ExchangeSimMarketData, klinesPageForwardFromStartTimeWithoutGapsOrOverlap) {
    ExchangeSimHarness sim;
    ASSERT_TRUE(sim.ok());
    // The oldest minutes of the one-day history.
    auto first =
        sim.get("/api/v3/klines", "symbol=BTCUSDT&interval=1m&startTime=0&limit=500").array();
    ASSERT_EQ(first.size(), 500);
    qint64 expected = first[0].toArray()[0].toInteger();
    const qint64 historyStart = expected;
    std::size_t total = 0;
    qint64 next = 0;
    for (int page = 0; page < 10; ++page) {
        auto klines = sim.get("/api/v3/klines", "symbol=BTCUSDT&interval=1m&limit=1000&startTime=" +
                                                    QString::number(next))
                          .array();
        if (klines.isEmpty())
            break;
        for (const QJsonValue& k : klines) {
            const QJsonArray row = k.toArray();
            ASSERT_EQ(row.size(), 12);
            EXPECT_EQ(row[0].toInteger(), expected) << "page " << page;
            EXPECT_EQ(row[6].toInteger(), expected + kMinuteMs - 1);
            EXPECT_TRUE(row[1].isString() && row[5].isString());
            expected += kMinuteMs;
            ++total;
        }
        next = klines.last().toArray()[0].toInteger() + 1;
    }
    // One day of history plus the live minutes so far.
    EXPECT_GE(total, 1440u);
    EXPECT_LE(total, 1440u + 10u);
    // endTime bounds a page: the newest 3 with openTime <= endTime.
    const qint64 end = historyStart + 100 * kMinuteMs;
    auto bounded = sim.get("/api/v3/klines",
                           "symbol=BTCUSDT&interval=1m&limit=3&endTime=" + QString::number(end))
                       .array();
    ASSERT_EQ(bounded.size(), 3);
    EXPECT_EQ(bounded[2].toArray()[0].toInteger(), end);
    EXPECT_EQ(bounded[0].toArray()[0].toInteger(), end - 2 * kMinuteMs);
}

TEST(ExchangeSimMarketData, hourKlinesAggregateTheMinutes) {
    ExchangeSimHarness sim;
    ASSERT_TRUE(sim.ok());
    auto hours = sim.get("/api/v3/klines", "symbol=ETHUSDT&interval=1h&limit=3").array();
    ASSERT_EQ(hours.size(), 3);
    const QJsonArray hour = hours[0].toArray();
    const qint64 open = hour[0].toInteger();
    EXPECT_EQ(open % (60 * kMinuteMs), 0);
    auto minutes = sim.get("/api/v3/klines",
                           "symbol=ETHUSDT&interval=1m&limit=60&startTime=" + QString::number(open))
                       .array();
    ASSERT_EQ(minutes.size(), 60);
    EXPECT_EQ(minutes[0].toArray()[1], hour[1]);  // open
    EXPECT_EQ(minutes[59].toArray()[4], hour[4]); // close
    double high = 0;
    double low = 1e18;
    qint64 trades = 0;
    for (const QJsonValue& m : minutes) {
        high = std::max(high, m.toArray()[2].toString().toDouble());
        low = std::min(low, m.toArray()[3].toString().toDouble());
        trades += m.toArray()[8].toInteger();
    }
    EXPECT_DOUBLE_EQ(high, hour[2].toString().toDouble());
    EXPECT_DOUBLE_EQ(low, hour[3].toString().toDouble());
    EXPECT_EQ(trades, hour[8].toInteger());
}

TEST(ExchangeSimMarketData, depthIsSortedOnTickAndLimited) {
    ExchangeSimHarness sim;
    ASSERT_TRUE(sim.ok());
    auto depth = sim.get("/api/v3/depth", "symbol=BTCUSDT&limit=5");
    EXPECT_EQ(depth.status, 200);
    EXPECT_EQ(depth.headers.value("x-mbx-used-weight-1m"), "5");
    const auto book = depth.object();
    EXPECT_GT(book["lastUpdateId"].toInteger(), 0);
    const auto bids = book["bids"].toArray();
    const auto asks = book["asks"].toArray();
    ASSERT_EQ(bids.size(), 5);
    ASSERT_EQ(asks.size(), 5);
    EXPECT_LT(bids[0].toArray()[0].toString().toDouble(),
              asks[0].toArray()[0].toString().toDouble());
    for (int i = 1; i < 5; ++i) {
        EXPECT_LT(bids[i].toArray()[0].toString().toDouble(),
                  bids[i - 1].toArray()[0].toString().toDouble());
        EXPECT_GT(asks[i].toArray()[0].toString().toDouble(),
                  asks[i - 1].toArray()[0].toString().toDouble());
    }
    EXPECT_EQ(sim.get("/api/v3/depth", "symbol=BTCUSDT&limit=5001").code(), -1100);
    EXPECT_EQ(
        sim.get("/api/v3/depth", "symbol=BTCUSDT&limit=1000").headers.value("x-mbx-used-weight-1m"),
        "305");
}

TEST(ExchangeSimMarketData, recentTradesHaveIncreasingIds) {
    ExchangeSimHarness sim;
    ASSERT_TRUE(sim.ok());
    auto trades = sim.get("/api/v3/trades", "symbol=BTCUSDT&limit=50").array();
    ASSERT_GE(trades.size(), 2);
    for (int i = 1; i < trades.size(); ++i) {
        EXPECT_GT(trades[i].toObject()["id"].toInteger(),
                  trades[i - 1].toObject()["id"].toInteger());
        EXPECT_GE(trades[i].toObject()["time"].toInteger(),
                  trades[i - 1].toObject()["time"].toInteger());
    }
}

TEST(ExchangeSimMarketData, exchangeInfoPublishesFiltersAndLimits) {
    ExchangeSimHarness sim;
    ASSERT_TRUE(sim.ok());
    auto info = sim.get("/api/v3/exchangeInfo").object();
    EXPECT_EQ(info["timezone"].toString(), "UTC");
    QStringList symbols;
    QSet<QString> quotes;
    for (const QJsonValue& s : info["symbols"].toArray()) {
        symbols << s["symbol"].toString();
        quotes.insert(s["quoteAsset"].toString());
        QStringList filters;
        for (const QJsonValue& f : s["filters"].toArray())
            filters << f["filterType"].toString();
        EXPECT_TRUE(filters.contains("PRICE_FILTER") && filters.contains("LOT_SIZE") &&
                    filters.contains("NOTIONAL"))
            << s["symbol"].toString().toStdString();
    }
    EXPECT_TRUE(symbols.contains("BTCUSDT") && symbols.contains("ETHUSDT") &&
                symbols.contains("ETHBTC"));
    EXPECT_GE(quotes.size(), 2);
    EXPECT_EQ(info["rateLimits"].toArray()[0].toObject()["rateLimitType"].toString(),
              "REQUEST_WEIGHT");
    auto two = sim.get("/api/v3/exchangeInfo", "symbols=%5B%22ETHBTC%22,%22BTCUSDT%22%5D").object();
    EXPECT_EQ(two["symbols"].toArray().size(), 2);
}

TEST(ExchangeSimMarketData, tickersAnswerOneOrAllSymbols) {
    ExchangeSimHarness sim;
    ASSERT_TRUE(sim.ok());
    auto one = sim.get("/api/v3/ticker/24hr", "symbol=ETHBTC").object();
    EXPECT_EQ(one["symbol"].toString(), "ETHBTC");
    EXPECT_GT(one["count"].toInteger(), 0);
    EXPECT_GE(one["highPrice"].toString().toDouble(), one["lowPrice"].toString().toDouble());
    EXPECT_EQ(sim.get("/api/v3/ticker/price").array().size(), 4);
    auto book = sim.get("/api/v3/ticker/bookTicker", "symbol=BTCUSDT").object();
    EXPECT_LT(book["bidPrice"].toString().toDouble(), book["askPrice"].toString().toDouble());
    auto average = sim.get("/api/v3/avgPrice", "symbol=BTCUSDT").object();
    EXPECT_EQ(average["mins"].toInt(), 5);
    EXPECT_GT(average["price"].toString().toDouble(), 0.0);
}
