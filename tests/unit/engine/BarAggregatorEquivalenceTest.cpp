// SPDX-License-Identifier: MIT
// A seeded random trade stream (a week across a month end, with quiet gaps, out-of-order
// arrivals, equal timestamps, duplicates and late trades) aggregated two ways: directly into
// a coarse timeframe, and into 1m bars that are then resampled. Both must give exactly the
// same bars; and the daily bars must match a brute-force grouping of the accepted trades.
#include "core/engine/BarAggregator.hpp"

#include <algorithm>
#include <gtest/gtest.h>
#include <map>
#include <random>
#include <vector>

using namespace cw;
using namespace cw::engine;

namespace {

// 2024-02-27 21:00 UTC: the stream crosses the leap day, a month end and a Monday.
constexpr TimestampNs kStart = 1'709'067'600'000'000'000;
constexpr TimestampNs kEnd = kStart + 7 * kNsPerDay;

struct Stream {
    std::vector<Tick> arrivals; ///< what the feed delivers, in order
    std::vector<Tick> genuine;  ///< the distinct, in-time trades, in arrival order
};

Stream makeStream(std::uint64_t seed) {
    std::mt19937_64 rng(seed);
    std::exponential_distribution<double> gapSeconds(1.0 / 10.0);
    std::uniform_int_distribution<int> percent(0, 99);
    std::normal_distribution<double> step(0.0, 3.0);

    // Distinct trades in time order, with quiet periods of minutes to most of a day.
    std::vector<Tick> trades;
    TimestampNs t = kStart;
    std::int64_t priceRaw = 4'200'000; // 42000.00 at precision 2
    std::int64_t id = 1'000;
    while (true) {
        t += static_cast<TimestampNs>(gapSeconds(rng) * 1e9);
        if (percent(rng) == 0) // 1%: a pause of up to ten minutes
            t += static_cast<TimestampNs>(rng() % (10 * kNsPerMinute));
        if (rng() % 2000 == 0) // now and then: a quiet period of up to 20 hours
            t += static_cast<TimestampNs>(rng() % (20 * kNsPerHour));
        if (t >= kEnd)
            break;
        priceRaw = std::max<std::int64_t>(1, priceRaw + static_cast<std::int64_t>(step(rng)));
        Tick tick;
        tick.time = t;
        // Mix precisions: the same kind of price sometimes arrives with four decimals.
        tick.price =
            percent(rng) < 10
                ? Price::fromRaw(priceRaw * 100 + static_cast<std::int64_t>(rng() % 100), 4)
                : Price::fromRaw(priceRaw, 2);
        tick.size = Quantity::fromRaw(1 + static_cast<std::int64_t>(rng() % 500'000), 5);
        tick.aggressor = percent(rng) < 50 ? Side::Buy : Side::Sell;
        tick.tradeId = id++;
        trades.push_back(tick);
        if (percent(rng) < 5) { // 5%: another trade at exactly the same time
            Tick same = tick;
            same.tradeId = id++;
            same.price = Price::fromRaw(priceRaw + 1, 2);
            trades.push_back(same);
        }
    }

    // Out of order within one minute: swap neighbours that share a 1m bucket.
    const Timeframe minute = Timeframe::minutes(1);
    for (std::size_t i = 1; i < trades.size(); ++i)
        if (percent(rng) < 8 &&
            minute.bucketStart(trades[i].time) == minute.bucketStart(trades[i - 1].time))
            std::swap(trades[i], trades[i - 1]);

    Stream stream;
    stream.genuine = trades;
    for (std::size_t i = 0; i < trades.size(); ++i) {
        stream.arrivals.push_back(trades[i]);
        if (i > 0 && percent(rng) < 3) // 3%: a re-sent recent trade
            stream.arrivals.push_back(trades[i - 1 - rng() % std::min<std::size_t>(i, 5)]);
        if (i > 100 && percent(rng) == 0) { // 1%: a trade far older than every open bucket
            Tick late = trades[i];
            late.time = kStart - 40 * kNsPerDay - static_cast<TimestampNs>(rng() % kNsPerDay);
            late.tradeId = id++;
            stream.arrivals.push_back(late);
        }
    }
    return stream;
}

std::vector<Bar> aggregate(const std::vector<Tick>& arrivals, const Timeframe& timeframe,
                           EmptyBucketPolicy policy) {
    BarAggregator agg(timeframe, policy);
    std::vector<Bar> bars;
    for (const Tick& tick : arrivals)
        (void)agg.addTrade(tick, bars);
    agg.flush(bars);
    return bars;
}

} // namespace

class BarAggregatorEquivalence : public ::testing::TestWithParam<EmptyBucketPolicy> {};

TEST_P(BarAggregatorEquivalence, directAggregationEqualsResampledMinuteBars) {
    const Stream stream = makeStream(0xC0FFEE);
    ASSERT_GT(stream.genuine.size(), 10'000u);
    const auto minuteBars = aggregate(stream.arrivals, Timeframe::minutes(1), GetParam());

    for (const char* name : {"5m", "15m", "1h", "4h", "1D", "1W", "1M"}) {
        SCOPED_TRACE(name);
        const Timeframe target = *Timeframe::parse(name);
        const auto direct = aggregate(stream.arrivals, target, GetParam());
        auto resampled = BarAggregator::resample(minuteBars, target);
        ASSERT_TRUE(resampled) << resampled.error().toString();
        ASSERT_EQ(direct.size(), resampled->size());
        std::int64_t trades = 0;
        std::int64_t flat = 0;
        for (std::size_t i = 0; i < direct.size(); ++i) {
            ASSERT_EQ(direct[i], (*resampled)[i]) << "bar " << i;
            ASSERT_TRUE(direct[i].isConsistent()) << "bar " << i;
            if (i > 0 && GetParam() == EmptyBucketPolicy::FlatBar) {
                ASSERT_EQ(direct[i].openTime, direct[i - 1].closeTime()) << "bar " << i;
            }
            trades += direct[i].tradeCount;
            flat += direct[i].isEmpty() ? 1 : 0;
        }
        EXPECT_EQ(trades, static_cast<std::int64_t>(stream.genuine.size()));
        if (GetParam() == EmptyBucketPolicy::Skip) {
            EXPECT_EQ(flat, 0);
        } else if (target.isFixedLength() && target.durationNs() <= kNsPerHour) {
            EXPECT_GT(flat, 0) << "the stream should have quiet buckets";
        }
    }
}

INSTANTIATE_TEST_SUITE_P(Policies, BarAggregatorEquivalence,
                         ::testing::Values(EmptyBucketPolicy::FlatBar, EmptyBucketPolicy::Skip),
                         [](const ::testing::TestParamInfo<EmptyBucketPolicy>& info) {
                             return info.param == EmptyBucketPolicy::FlatBar ? "FlatBar" : "Skip";
                         });

TEST(BarAggregatorStream, dailyBarsMatchABruteForceGroupingOfTheTrades) {
    const Stream stream = makeStream(0xBEEF);
    const Timeframe day = Timeframe::days(1);

    struct Expected {
        Tick first, last;
        Price high, low;
        Quantity volume;
        std::int64_t count = 0;
    };
    std::map<TimestampNs, Expected> groups;
    for (const Tick& t : stream.genuine) {
        const TimestampNs key = (t.time / kNsPerDay) * kNsPerDay; // all times are after 1970
        auto [it, inserted] = groups.try_emplace(key);
        Expected& e = it->second;
        if (inserted) {
            e = Expected{t, t, t.price, t.price, t.size, 1};
            continue;
        }
        if (t.time < e.first.time)
            e.first = t;
        if (t.time >= e.last.time)
            e.last = t;
        e.high = std::max(e.high, t.price);
        e.low = std::min(e.low, t.price);
        e.volume = *e.volume.add(t.size);
        ++e.count;
    }

    const auto bars = aggregate(stream.arrivals, day, EmptyBucketPolicy::Skip);
    ASSERT_EQ(bars.size(), groups.size());
    std::size_t i = 0;
    for (const auto& [open, e] : groups) {
        const Bar& b = bars[i++];
        EXPECT_EQ(b.openTime, open);
        EXPECT_EQ(b.open, e.first.price);
        EXPECT_EQ(b.close, e.last.price);
        EXPECT_EQ(b.high, e.high);
        EXPECT_EQ(b.low, e.low);
        EXPECT_EQ(b.volume, e.volume);
        EXPECT_EQ(b.tradeCount, e.count);
    }
}

TEST(BarAggregatorStream, countsEveryDuplicateAndLateTrade) {
    const Stream stream = makeStream(0xFACE);
    BarAggregator agg(Timeframe::minutes(1));
    std::vector<Bar> bars;
    for (const Tick& tick : stream.arrivals)
        (void)agg.addTrade(tick, bars);
    EXPECT_EQ(agg.tradesMerged(), static_cast<std::int64_t>(stream.genuine.size()));
    EXPECT_EQ(agg.tradesMerged() + agg.duplicateTradesIgnored() + agg.lateTradesDropped(),
              static_cast<std::int64_t>(stream.arrivals.size()));
    EXPECT_GT(agg.duplicateTradesIgnored(), 0);
    EXPECT_GT(agg.lateTradesDropped(), 0);
    std::size_t outOfOrder = 0;
    for (std::size_t i = 1; i < stream.genuine.size(); ++i)
        outOfOrder += stream.genuine[i].time < stream.genuine[i - 1].time ? 1 : 0;
    EXPECT_GT(outOfOrder, 100u) << "the stream should exercise out-of-order arrivals";
    EXPECT_EQ(agg.rejectedTrades(), 0);
}
