// SPDX-License-Identifier: MIT
#include "core/adapters/sim/SimulatedMarket.hpp"

#include "core/adapters/sim/SessionSchedule.hpp"
#include "tests/unit/adapters/sim/SimTestSupport.hpp"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <gtest/gtest.h>
#include <set>

using namespace cw;
using namespace cw::adapters;
using namespace cw::adapters::sim;
using namespace cw::adapters::sim::testing;

namespace {

SimulatedMarket makeMarket(const SimulationConfig& config) {
    auto market = SimulatedMarket::create(config);
    EXPECT_TRUE(market.hasValue()) << (market ? "" : market.error().message);
    return std::move(*market);
}

std::vector<std::string> describeAll(const std::vector<MarketDataEvent>& events) {
    std::vector<std::string> lines;
    lines.reserve(events.size());
    for (const auto& e : events)
        lines.push_back(describe(e));
    return lines;
}

/// Log returns between consecutive history bars (close to close).
std::vector<double> closeReturns(const SimulatedMarket& market, std::size_t index) {
    std::vector<double> returns;
    const auto bars = market.minuteBars(index);
    for (std::size_t i = 1; i < bars.size() && bars[i].openTime < market.liveStart(); ++i)
        returns.push_back(
            std::log(static_cast<double>(bars[i].close) / static_cast<double>(bars[i - 1].close)));
    return returns;
}

} // namespace

TEST(SimulatedMarket, sameSeedGivesIdenticalEvents) {
    auto a = makeMarket(fixedConfig(2));
    auto b = makeMarket(fixedConfig(2));
    std::vector<MarketDataEvent> ea;
    std::vector<MarketDataEvent> eb;
    a.advanceTo(a.liveStart() + 5 * kNsPerMinute, ea);
    b.advanceTo(b.liveStart() + 5 * kNsPerMinute, eb);
    ASSERT_GT(ea.size(), 1000u);
    EXPECT_EQ(describeAll(ea), describeAll(eb));

    auto c = makeMarket(fixedConfig(2, 8));
    std::vector<MarketDataEvent> ec;
    c.advanceTo(c.liveStart() + 5 * kNsPerMinute, ec);
    EXPECT_NE(describeAll(ea), describeAll(ec)); // another seed, another market
}

TEST(SimulatedMarket, eventsDoNotDependOnHowTimeIsCut) {
    auto once = makeMarket(fixedConfig(1));
    auto stepped = makeMarket(fixedConfig(1));
    std::vector<MarketDataEvent> a;
    std::vector<MarketDataEvent> b;
    const TimestampNs end = once.liveStart() + 3 * kNsPerMinute;
    once.advanceTo(end, a);
    for (TimestampNs t = stepped.liveStart(); t <= end; t += 7 * kNsPerMillisecond + 13)
        stepped.advanceTo(t, b);
    stepped.advanceTo(end, b);
    EXPECT_EQ(describeAll(a), describeAll(b));
}

TEST(SimulatedMarket, switchingStreamsOffDoesNotChangeThePath) {
    auto all = makeMarket(fixedConfig(1));
    auto some = makeMarket(fixedConfig(1));
    const std::size_t btc = *some.indexOf("BTCUSDT");
    some.setStreams(btc, false, false);
    std::vector<MarketDataEvent> a;
    std::vector<MarketDataEvent> b;
    all.advanceTo(all.liveStart() + 2 * kNsPerMinute, a);
    some.advanceTo(some.liveStart() + 2 * kNsPerMinute, b);
    std::vector<std::string> expected;
    for (const auto& line : describeAll(a))
        if (line.find("SIM:BTCUSDT") == std::string::npos)
            expected.push_back(line);
    EXPECT_EQ(describeAll(b), expected);
    EXPECT_EQ(all.lastTradePrice(btc), some.lastTradePrice(btc));
}

TEST(SimulatedMarket, tradesAndQuotesAreOnTickOnLotAndNeverCrossed) {
    auto market = makeMarket(fixedConfig(1));
    std::vector<MarketDataEvent> events;
    market.advanceTo(market.liveStart() + 10 * kNsPerMinute, events);
    std::vector<Quote> lastQuote(market.instrumentCount());
    std::vector<std::size_t> trades(market.instrumentCount());
    TimestampNs lastTime = market.liveStart();
    for (const auto& event : events) {
        if (const auto* q = std::get_if<QuoteReceived>(&event)) {
            const auto& instrument = market.instruments()[*market.indexOf(q->instrument.symbol())];
            ASSERT_TRUE(q->quote.bidPrice.isPositive());
            ASSERT_LT(q->quote.bidPrice, q->quote.askPrice) << instrument.symbol;
            ASSERT_GE(*q->quote.spread(), instrument.tickSize);
            ASSERT_TRUE(instrument.isPriceOnTick(q->quote.bidPrice));
            ASSERT_TRUE(instrument.isPriceOnTick(q->quote.askPrice));
            ASSERT_TRUE(q->quote.bidSize.isPositive() && q->quote.askSize.isPositive());
            ASSERT_GE(q->quote.time, lastTime);
            lastTime = q->quote.time;
            lastQuote[*market.indexOf(q->instrument.symbol())] = q->quote;
        } else if (const auto* t = std::get_if<TradeReceived>(&event)) {
            const std::size_t i = *market.indexOf(t->instrument.symbol());
            const auto& instrument = market.instruments()[i];
            ASSERT_TRUE(t->tick.price.isPositive());
            ASSERT_TRUE(instrument.isPriceOnTick(t->tick.price)) << t->tick.price.toString();
            ASSERT_TRUE(t->tick.size.isPositive());
            ASSERT_TRUE(instrument.isQuantityOnLot(t->tick.size)) << t->tick.size.toString();
            ASSERT_NE(t->tick.aggressor, Side::Invalid);
            // Buyers lift the ask, sellers hit the bid.
            const Price expected =
                t->tick.aggressor == Side::Buy ? lastQuote[i].askPrice : lastQuote[i].bidPrice;
            ASSERT_EQ(t->tick.price, expected);
            ASSERT_GE(t->tick.time, lastTime);
            lastTime = t->tick.time;
            ++trades[i];
        }
    }
    // Wednesday noon: every built-in instrument but AAPL trades (AAPL opens at 14:30 UTC).
    for (std::size_t i = 0; i < market.instrumentCount(); ++i) {
        if (market.instruments()[i].symbol == "AAPL") {
            EXPECT_EQ(trades[i], 0u);
        } else { // a few trades per second for 10 minutes
            EXPECT_GT(trades[i], 300u) << market.instruments()[i].symbol;
        }
    }
}

TEST(SimulatedMarket, pricesAreRealistic) {
    auto market = makeMarket(fixedConfig(0));
    const std::pair<const char*, double> expected[] = {{"BTCUSDT", 60'000.0}, {"ETHUSDT", 3'000.0},
                                                       {"EURUSD", 1.08},      {"XAUUSD", 2'300.0},
                                                       {"AAPL", 190.0},       {"ES", 5'000.0}};
    for (const auto& [symbol, price] : expected) {
        const auto index = market.indexOf(symbol);
        ASSERT_TRUE(index.has_value()) << symbol;
        EXPECT_NEAR(market.lastTradePrice(*index).toDouble(), price, price * 0.001) << symbol;
    }
}

TEST(SimulatedMarket, liveMinuteBarsCountTheTradesPosted) {
    auto market = makeMarket(singleInstrument(fixedConfig(1), "ETHUSDT"));
    std::vector<MarketDataEvent> events;
    market.advanceTo(market.liveStart() + 3 * kNsPerMinute + kNsPerSecond, events);
    std::int64_t trades[4] = {};
    double high[4] = {0, 0, 0, 0};
    for (const auto& e : events)
        if (const auto* t = std::get_if<TradeReceived>(&e)) {
            const auto m = (t->tick.time - market.liveStart()) / kNsPerMinute;
            ++trades[m];
            high[m] = std::max(high[m], t->tick.price.toDouble());
        }
    const auto bars = market.minuteBars(0);
    ASSERT_GE(bars.size(), 4u);
    for (int m = 0; m < 4; ++m) {
        const auto& bar = bars[bars.size() - 4 + m];
        EXPECT_EQ(bar.openTime, market.liveStart() + m * kNsPerMinute);
        EXPECT_EQ(bar.tradeCount, trades[m]);
        EXPECT_DOUBLE_EQ(market.toBar(0, bar).high.toDouble(), high[m]);
    }
}

TEST(SimulatedMarket, ninetyDaysOfHistoryHaveOneConsistentBarPerOpenMinute) {
    const auto started = std::chrono::steady_clock::now();
    auto market = makeMarket(fixedConfig(90));
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::printf("history: %zu instruments x 90 days of 1m bars in %.3f s\n",
                market.instrumentCount(), seconds);

    const TimestampNs historyStart = market.liveStart() - 90 * kNsPerDay;
    for (std::size_t i = 0; i < market.instrumentCount(); ++i) {
        const SimulatedInstrumentSpec spec = fixedConfig(0).instruments[i];
        const SessionSchedule schedule(spec.session);
        const auto bars = market.minuteBars(i);
        std::size_t historyBars = 0;
        TimestampNs previous = historyStart - kNsPerMinute;
        for (const auto& record : bars) {
            if (record.openTime >= market.liveStart())
                break;
            ++historyBars;
            ASSERT_EQ(record.openTime % kNsPerMinute, 0);
            ASSERT_GT(record.openTime, previous);
            ASSERT_TRUE(schedule.isOpen(record.openTime)) << spec.instrument.symbol;
            previous = record.openTime;
            const Bar bar = market.toBar(i, record);
            ASSERT_TRUE(bar.isConsistent()) << spec.instrument.symbol << " at " << record.openTime;
            ASSERT_TRUE(bar.low.isPositive());
            ASSERT_TRUE(spec.instrument.isPriceOnTick(bar.open));
            ASSERT_TRUE(spec.instrument.isPriceOnTick(bar.high));
            ASSERT_TRUE(spec.instrument.isQuantityOnLot(bar.volume));
            ASSERT_EQ(bar.tradeCount == 0, bar.volume.isZero());
        }
        std::size_t openMinutes = 0;
        for (TimestampNs t = historyStart; t < market.liveStart(); t += kNsPerMinute)
            openMinutes += schedule.isOpen(t) ? 1 : 0;
        EXPECT_EQ(historyBars, openMinutes) << spec.instrument.symbol;
        if (spec.session == SessionKind::AlwaysOpen) {
            EXPECT_EQ(historyBars, 90u * 1440u);
        }
        // The live process continues from the last history close.
        ASSERT_GT(historyBars, 0u);
        EXPECT_EQ(market.lastTradePrice(i), market.toBar(i, bars[historyBars - 1]).close);
    }
}

TEST(SimulatedMarket, firstLiveTradesStartNearTheLastHistoryClose) {
    auto market = makeMarket(singleInstrument(fixedConfig(5), "BTCUSDT"));
    const double lastClose = market.lastTradePrice(0).toDouble();
    std::vector<MarketDataEvent> events;
    market.advanceTo(market.liveStart() + 2 * kNsPerSecond, events);
    for (const auto& e : events)
        if (const auto* t = std::get_if<TradeReceived>(&e)) {
            // Two seconds at 3% daily volatility: far below 0.2%.
            EXPECT_NEAR(t->tick.price.toDouble(), lastClose, lastClose * 0.002);
            return;
        }
    FAIL() << "no trade in the first two seconds";
}

namespace {

/// Lag-1 autocorrelation of squared demeaned returns.
double squaredReturnAutocorrelation(const std::vector<double>& returns) {
    double mean = 0;
    for (double r : returns)
        mean += r;
    mean /= static_cast<double>(returns.size());
    std::vector<double> squared;
    double sqMean = 0;
    for (double r : returns) {
        squared.push_back((r - mean) * (r - mean));
        sqMean += squared.back();
    }
    sqMean /= static_cast<double>(squared.size());
    double cov = 0;
    double var = 0;
    for (std::size_t i = 0; i + 1 < squared.size(); ++i) {
        cov += (squared[i] - sqMean) * (squared[i + 1] - sqMean);
        var += (squared[i] - sqMean) * (squared[i] - sqMean);
    }
    return cov / var;
}

} // namespace

TEST(SimulatedMarket, minuteVolatilityMatchesTheConfiguration) {
    auto market = makeMarket(singleInstrument(fixedConfig(90), "BTCUSDT"));
    const auto returns = closeReturns(market, 0);
    ASSERT_GT(returns.size(), 100'000u);
    double sum = 0;
    double sumSq = 0;
    for (double r : returns) {
        sum += r;
        sumSq += r * r;
    }
    const double n = static_cast<double>(returns.size());
    const double mean = sum / n;
    const double sd = std::sqrt(sumSq / n - mean * mean);
    const double configured = std::sqrt(market.baseMinuteVariance(0));
    // Jumps, the spread and rounding add a little; the daily profile averages to 1.
    EXPECT_GT(sd / configured, 0.85);
    EXPECT_LT(sd / configured, 1.3);
}

TEST(SimulatedMarket, volatilityClusters) {
    // With jumps: rare i.i.d. outliers dilute the correlation, but it stays clearly positive
    // (the standard error of an autocorrelation of n independent values is 1/sqrt(n)).
    auto market = makeMarket(singleInstrument(fixedConfig(90), "BTCUSDT"));
    const auto returns = closeReturns(market, 0);
    const double noise = 1.0 / std::sqrt(static_cast<double>(returns.size()));
    EXPECT_GT(squaredReturnAutocorrelation(returns), 3.0 * noise);

    // Without jumps the GARCH variance shows plainly.
    auto config = singleInstrument(fixedConfig(90), "BTCUSDT");
    config.instruments[0].jumpsPerDay = 0.0;
    auto smooth = makeMarket(config);
    const double withGarch = squaredReturnAutocorrelation(closeReturns(smooth, 0));
    EXPECT_GT(withGarch, 0.05);

    // Without GARCH only the intraday activity profile remains, which clusters far less: the
    // test can tell the variance process from its absence.
    config.instruments[0].garchAlpha = 0.0;
    config.instruments[0].garchBeta = 0.0;
    auto flat = makeMarket(config);
    const double profileOnly = squaredReturnAutocorrelation(closeReturns(flat, 0));
    EXPECT_GT(withGarch, profileOnly + 0.03) << withGarch << " vs " << profileOnly;
}

TEST(SimulatedMarket, jumpsArriveAtTheConfiguredRate) {
    auto config = singleInstrument(fixedConfig(30), "BTCUSDT");
    config.instruments[0].jumpsPerDay = 20.0;
    config.instruments[0].jumpSizeSd = 0.05; // 5%: unmistakable in 1-minute returns
    config.instruments[0].dailyVolatility = 0.002;
    auto market = makeMarket(config);
    const double expected = 20.0 * 30.0;
    const double counted = static_cast<double>(market.jumpCount(0));
    EXPECT_NEAR(counted, expected, 5.0 * std::sqrt(expected)); // Poisson, 5 sigma

    // Seen in the data: a 5% jump exceeds 1% with probability 0.84; diffusion never does.
    std::size_t large = 0;
    for (double r : closeReturns(market, 0))
        large += std::fabs(r) > 0.01 ? 1 : 0;
    EXPECT_GT(static_cast<double>(large), 0.7 * counted);
    EXPECT_LE(static_cast<double>(large), counted);
}

TEST(SimulatedMarket, equityTradesOnlyInItsSession) {
    auto market = makeMarket(singleInstrument(fixedConfig(3), "AAPL"));
    const SessionSchedule schedule(SessionKind::UsEquity);
    std::vector<MarketDataEvent> events;
    std::size_t trades = 0;
    // Wednesday noon to Thursday noon: one full session 14:30-21:00.
    for (int hour = 1; hour <= 24; ++hour) {
        market.advanceTo(market.liveStart() + hour * kNsPerHour, events);
        for (const auto& e : events) {
            if (const auto* t = std::get_if<TradeReceived>(&e)) {
                ASSERT_TRUE(schedule.isOpen(t->tick.time)) << t->tick.time;
                ++trades;
            }
            if (const auto* q = std::get_if<QuoteReceived>(&e)) {
                ASSERT_TRUE(schedule.isOpen(q->quote.time));
            }
        }
        events.clear();
    }
    EXPECT_GT(trades, 6.5 * 3600 * 2); // about 4 per second over 6.5 hours
    for (const auto& bar : market.minuteBars(0))
        ASSERT_TRUE(schedule.isOpen(bar.openTime));
}

TEST(SimulatedMarket, pagingMinuteBarsHasNoGapsOrDuplicates) {
    auto market = makeMarket(singleInstrument(fixedConfig(10), "EURUSD"));
    std::vector<MarketDataEvent> events;
    market.advanceTo(market.liveStart() + 90 * kNsPerSecond, events);
    for (const Timeframe timeframe :
         {Timeframe::minutes(1), Timeframe::hours(1), Timeframe::days(1), Timeframe::minutes(15)}) {
        auto all = market.barsBefore(0, timeframe, RequestBars::kLatest, 1'000'000);
        ASSERT_TRUE(all.hasValue());
        EXPECT_FALSE(all->hasOlder);
        std::vector<Bar> paged;
        TimestampNs endTime = RequestBars::kLatest;
        for (int pages = 0; pages < 1000; ++pages) {
            auto page = market.barsBefore(0, timeframe, endTime, 997);
            ASSERT_TRUE(page.hasValue());
            ASSERT_FALSE(page->bars.empty());
            EXPECT_LE(page->bars.size(), 997u);
            paged.insert(paged.begin(), page->bars.begin(), page->bars.end());
            if (!page->hasOlder)
                break;
            endTime = page->bars.front().openTime;
        }
        ASSERT_EQ(paged.size(), all->bars.size()) << timeframe.toString();
        EXPECT_EQ(paged, all->bars) << timeframe.toString();
        for (std::size_t i = 1; i < paged.size(); ++i)
            ASSERT_LT(paged[i - 1].openTime, paged[i].openTime);
        // The newest bar is the one still forming.
        EXPECT_EQ(paged.back().openTime,
                  timeframe.bucketStart(market.liveStart() + 60 * kNsPerSecond));
    }
}

TEST(SimulatedMarket, resampledBarsSummariseTheirMinutes) {
    auto market = makeMarket(singleInstrument(fixedConfig(3), "ES"));
    auto hours = market.barsBefore(0, Timeframe::hours(1), market.liveStart(), 10);
    auto minutes = market.barsBefore(0, Timeframe::minutes(1), market.liveStart(), 10 * 60);
    ASSERT_TRUE(hours.hasValue() && minutes.hasValue());
    ASSERT_EQ(hours->bars.size(), 10u);
    for (const Bar& hour : hours->bars) {
        Price high = hour.low;
        std::int64_t trades = 0;
        for (const Bar& m : minutes->bars)
            if (Timeframe::hours(1).bucketStart(m.openTime) == hour.openTime) {
                high = std::max(high, m.high);
                trades += m.tradeCount;
            }
        EXPECT_EQ(hour.high, high);
        EXPECT_EQ(hour.tradeCount, trades);
    }
    // An endTime inside a bucket includes that bucket (its openTime is before endTime).
    auto inside =
        market.barsBefore(0, Timeframe::hours(1), market.liveStart() - 30 * kNsPerMinute, 1);
    ASSERT_TRUE(inside.hasValue());
    EXPECT_EQ(inside->bars.back().openTime, market.liveStart() - kNsPerHour);
}

TEST(SimulatedMarket, rejectsSecondBarsZeroLimitAndAnswersEmptyBeforeHistory) {
    auto market = makeMarket(singleInstrument(fixedConfig(1), "ES"));
    EXPECT_EQ(market.barsBefore(0, Timeframe::seconds(5), RequestBars::kLatest, 10).error().code,
              ErrorCode::Unsupported);
    EXPECT_EQ(market.barsBefore(0, Timeframe::minutes(1), RequestBars::kLatest, 0).error().code,
              ErrorCode::InvalidArgument);
    EXPECT_FALSE(market.barsBefore(0, Timeframe{}, RequestBars::kLatest, 1).hasValue());
    auto before = market.barsBefore(0, Timeframe::minutes(1), 0, 10);
    ASSERT_TRUE(before.hasValue());
    EXPECT_TRUE(before->bars.empty());
    EXPECT_FALSE(before->hasOlder);
}

TEST(SimulatedMarket, rejectsInvalidConfig) {
    auto config = fixedConfig(1);
    config.speed = std::nan("");
    EXPECT_EQ(SimulatedMarket::create(config).error().code, ErrorCode::InvalidArgument);
}
