// SPDX-License-Identifier: MIT
// History paging (LoadOlderBars), lost-answer retries, the quote board's previous close and the
// playback-speed command, against a scripted venue whose answers the test writes by hand.
#include "core/adapters/IMarketDataClient.hpp"
#include "core/engine/BarAggregator.hpp"
#include "core/engine/ChartReplica.hpp"
#include "core/engine/Engine.hpp"
#include "core/indicators/IndicatorRegistry.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <gtest/gtest.h>
#include <limits>
#include <span>
#include <vector>

using namespace cw;
using namespace cw::engine;

namespace {

using Clock = std::chrono::steady_clock;

adapters::InstrumentKey btc() {
    return *adapters::InstrumentKey::make("SIM", "BTCUSDT");
}

adapters::InstrumentKey aapl() {
    return *adapters::InstrumentKey::make("SIM", "AAPL");
}

constexpr TimestampNs kStart = 1'700'000'000LL * kNsPerSecond / kNsPerDay * kNsPerDay; // 00:00 UTC

/// A venue that records what it is asked and answers only what the test posts.
class ScriptedClient final : public adapters::IMarketDataClient {
public:
    explicit ScriptedClient(bool replay = true, int maxBarsPerRequest = 50'000) : m_replay(replay) {
        m_caps.historyTimeframes = {Timeframe::minutes(1), Timeframe::days(1)};
        m_caps.maxBarsPerRequest = maxBarsPerRequest;
        m_caps.streamsTrades = true;
        m_caps.streamsQuotes = true;
    }

    std::string_view venue() const override { return "SIM"; }
    const adapters::MarketDataCapabilities& capabilities() const override { return m_caps; }
    Result<void> connect() override { return {}; }
    void disconnect() override {}
    Result<void> subscribe(const adapters::SubscribeMarketData&) override { return {}; }
    Result<void> unsubscribe(const adapters::UnsubscribeMarketData&) override { return {}; }
    Result<void> requestBars(const adapters::RequestBars& command) override {
        requests.push_back(command);
        return {};
    }
    Result<void> setPlaybackSpeed(double speed) override {
        if (!m_replay)
            return IMarketDataClient::setPlaybackSpeed(speed);
        if (!std::isfinite(speed) || speed <= 0.0)
            return fail(ErrorCode::InvalidArgument, "bad speed");
        speeds.push_back(speed);
        return {};
    }

    std::vector<adapters::RequestBars> requests;
    std::vector<double> speeds;

private:
    bool m_replay;
    adapters::MarketDataCapabilities m_caps;
};

/// `count` consecutive 1m bars from `first` (a minute index after kStart), each with its own
/// prices so that a misplaced bar changes the chart.
std::vector<Bar> minuteBars(int first, int count) {
    std::vector<Bar> bars;
    for (int m = first; m < first + count; ++m) {
        const std::int64_t base = 3'000'000 + (m * 7919) % 5000;
        Bar bar;
        bar.openTime = kStart + m * kNsPerMinute;
        bar.timeframe = Timeframe::minutes(1);
        bar.open = Price::fromRaw(base, 2);
        bar.high = Price::fromRaw(base + 150, 2);
        bar.low = Price::fromRaw(base - 120, 2);
        bar.close = Price::fromRaw(base + 30 - (m % 3) * 20, 2);
        bar.volume = Quantity::fromRaw(1000 + m, 3);
        bar.tradeCount = 3;
        bars.push_back(bar);
    }
    return bars;
}

adapters::BarsReceived answerTo(const adapters::RequestBars& request, std::vector<Bar> bars,
                                bool hasOlder) {
    adapters::BarsReceived answer;
    answer.requestId = request.requestId;
    answer.instrument = request.instrument;
    answer.timeframe = request.timeframe;
    answer.bars = std::move(bars);
    answer.hasOlder = hasOlder;
    return answer;
}

void drain(Engine& engine) {
    while (engine.processPending() > 0) {
    }
}

ChartSnapshotPtr snapshotOf(const SnapshotBatch& batch, ChartId id) {
    for (const ChartSnapshotPtr& s : batch.charts)
        if (s->chartId == id)
            return s;
    return nullptr;
}

bool sameBars(std::span<const Bar> a, std::span<const Bar> b) {
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (!(a[i] == b[i]))
            return false;
    return true;
}

Engine::Config smallPages() {
    Engine::Config config;
    config.historyBars = 100;
    config.historyPageBars = 60;
    config.historyPageChartBars = 12; // a 5m chart: 60 minutes, one page
    config.historyTimeout = std::chrono::milliseconds(500);
    config.historyRetries = 2;
    return config;
}

/// Answers `request` like a venue whose 1m history starts at minute `oldestMinute`: the
/// `limit` bars before its end time, fewer at the start of the history (then nothing older).
adapters::BarsReceived pageBefore(const adapters::RequestBars& request, int oldestMinute) {
    const auto end = static_cast<int>((request.endTime - kStart) / kNsPerMinute);
    const int first = std::max(oldestMinute, end - request.limit);
    return answerTo(request, minuteBars(first, end - first), first > oldestMinute);
}

/// Days of 1D chart bars whose minutes are in `minutes` (distinct UTC days).
std::size_t daysCovered(std::span<const Bar> minutes) {
    std::size_t days = 0;
    TimestampNs last = std::numeric_limits<TimestampNs>::min();
    for (const Bar& bar : minutes) {
        const TimestampNs day = Timeframe::days(1).bucketStart(bar.openTime);
        days += day != last ? 1 : 0;
        last = day;
    }
    return days;
}

/// 40 days a scroll, 1m pages of at most 10,000 bars: a daily chart needs six of them.
Engine::Config dailyPages() {
    Engine::Config config = smallPages();
    config.historyPageChartBars = 40;
    return config;
}

constexpr int kDailyPageLimit = 10'000;
constexpr int kToday = 150 * 24 * 60; // minute index of day 150, 00:00

/// Opens a 1D chart whose first history is 600 minutes of day 150.
void openDailyChart(Engine& engine, ScriptedClient& venue) {
    ASSERT_TRUE(engine.postCommand(OpenChart{1, btc(), Timeframe::days(1)}).hasValue());
    drain(engine);
    ASSERT_EQ(venue.requests.size(), 1u);
    engine.post(answerTo(venue.requests[0], minuteBars(kToday, 600), true));
    drain(engine);
    (void)engine.takeSnapshots();
}

} // namespace

TEST(EngineHistory, aDailyChartGetsItsPageOfDaysFromOneScroll) {
    ScriptedClient venue(true, kDailyPageLimit);
    Engine engine(dailyPages());
    engine.attachMarketData(venue);
    openDailyChart(engine, venue);
    EXPECT_EQ(engine.chart(1)->closedBarCount(), 0u); // only today, still forming

    ASSERT_TRUE(engine.postCommand(LoadOlderBars{1}).hasValue());
    drain(engine);
    // The venue answers every page in full; the engine asks the next one before the oldest
    // minute it holds until the chart has 40 more days. The chart changes once, at the end.
    std::size_t answered = 1;
    while (answered < venue.requests.size()) {
        const adapters::RequestBars page = venue.requests[answered++];
        EXPECT_EQ(page.timeframe, Timeframe::minutes(1));
        EXPECT_EQ(page.endTime, engine.minuteStore(btc())->openTime(0));
        EXPECT_GE(page.limit, 1);
        EXPECT_LE(page.limit, kDailyPageLimit);
        if (answered < venue.requests.size()) {
            EXPECT_EQ(page.limit, kDailyPageLimit);
        }
        EXPECT_EQ(engine.chart(1)->closedBarCount(), 0u) << "rebuilt before the last page";
        engine.post(pageBefore(page, -1'000'000));
        drain(engine);
        ASSERT_LT(answered, 20u) << "the pages never end";
    }
    const std::size_t pages = answered - 1;
    EXPECT_EQ(pages, 6u); // 40 days = 57,600 minutes in pages of 10,000
    EXPECT_EQ(engine.pendingHistoryRequests(), 0u);

    // 40 whole days before today, and no more than the last page beyond them.
    const std::size_t closed = engine.chart(1)->closedBarCount();
    EXPECT_GE(closed, 40u);
    EXPECT_LE(closed, 40u + 1u);
    const std::span<const Bar> minutes = engine.minuteBars(btc());
    EXPECT_EQ(daysCovered(minutes), closed + 1);
    EXPECT_EQ(minutes.back().openTime, kStart + (kToday + 599) * kNsPerMinute);
    // The chart's days are the 1m bars resampled, and its snapshot is a Full one.
    const ChartSnapshotPtr full = snapshotOf(engine.takeSnapshots(), 1);
    ASSERT_TRUE(full);
    EXPECT_EQ(full->kind, ChartSnapshot::Kind::Full);
    EXPECT_FALSE(full->historyStart);
    auto resampled = BarAggregator::resample(minutes, Timeframe::days(1));
    ASSERT_TRUE(resampled.hasValue());
    const std::vector<Bar> days = engine.chart(1)->closedBars();
    ASSERT_EQ(days.size() + 1, resampled->size());
    for (std::size_t i = 0; i < days.size(); ++i)
        EXPECT_EQ(days[i], (*resampled)[i]) << i;

    // The next scroll asks for the 40 days before those.
    ASSERT_TRUE(engine.postCommand(LoadOlderBars{1}).hasValue());
    drain(engine);
    ASSERT_EQ(venue.requests.size(), answered + 1);
    EXPECT_EQ(venue.requests.back().endTime, minutes.front().openTime);
    EXPECT_EQ(venue.requests.back().limit, kDailyPageLimit);
}

TEST(EngineHistory, aOneMinuteChartChainsSmallVenuePagesUpToItsPage) {
    ScriptedClient venue(true, 25); // a venue that gives 25 bars per request
    Engine engine(smallPages());
    engine.attachMarketData(venue);
    ASSERT_TRUE(engine.postCommand(OpenChart{1, btc(), Timeframe::minutes(1)}).hasValue());
    drain(engine);
    engine.post(answerTo(venue.requests[0], minuteBars(1000, 25), true));
    drain(engine);
    ASSERT_TRUE(engine.postCommand(LoadOlderBars{1}).hasValue());
    drain(engine);
    for (std::size_t k = 1; k < venue.requests.size() && k < 10; ++k) {
        engine.post(pageBefore(venue.requests[k], 0));
        drain(engine);
    }
    // 60 minutes a page: 25 + 25 + 10, then nothing more is asked.
    ASSERT_EQ(venue.requests.size(), 4u);
    EXPECT_EQ(venue.requests[1].limit, 25);
    EXPECT_EQ(venue.requests[2].limit, 25);
    EXPECT_EQ(venue.requests[3].limit, 10);
    EXPECT_TRUE(sameBars(engine.minuteBars(btc()), minuteBars(940, 85)));
    EXPECT_EQ(engine.chart(1)->closedBarCount(), 85u);
}

TEST(EngineHistory, aScrollStopsWhereTheVenuesHistoryStarts) {
    ScriptedClient venue(true, kDailyPageLimit);
    Engine engine(dailyPages());
    engine.attachMarketData(venue);
    openDailyChart(engine, venue);
    ASSERT_TRUE(engine.postCommand(LoadOlderBars{1}).hasValue());
    drain(engine);
    // The venue's history starts 15,000 minutes before today: the second page is short and
    // says nothing is older, so the load ends with 10 whole days and the start of history.
    const int oldest = kToday - 15'000;
    for (std::size_t k = 1; k < venue.requests.size() && k < 10; ++k) {
        engine.post(pageBefore(venue.requests[k], oldest));
        drain(engine);
    }
    EXPECT_EQ(venue.requests.size(), 3u);
    EXPECT_EQ(engine.minuteStore(btc())->openTime(0), kStart + oldest * kNsPerMinute);
    EXPECT_EQ(engine.chart(1)->closedBarCount(), 11u); // days 139 (from 14:00) .. 149
    const ChartSnapshotPtr s = snapshotOf(engine.takeSnapshots(), 1);
    ASSERT_TRUE(s);
    EXPECT_EQ(s->kind, ChartSnapshot::Kind::Full);
    EXPECT_TRUE(s->historyStart);
    ASSERT_TRUE(engine.postCommand(LoadOlderBars{1}).hasValue());
    drain(engine);
    EXPECT_EQ(venue.requests.size(), 3u);
}

TEST(EngineHistory, aFailedOrLostPageShowsWhatCameBeforeIt) {
    ScriptedClient venue(true, kDailyPageLimit);
    Engine engine(dailyPages());
    engine.attachMarketData(venue);
    openDailyChart(engine, venue);
    ASSERT_TRUE(engine.postCommand(LoadOlderBars{1}).hasValue());
    drain(engine);
    ASSERT_EQ(venue.requests.size(), 2u);
    engine.post(pageBefore(venue.requests[1], -1'000'000));
    drain(engine);
    ASSERT_EQ(venue.requests.size(), 3u);
    EXPECT_EQ(engine.chart(1)->closedBarCount(), 0u);
    // The second page fails: the error is reported, the first page's days are shown, and the
    // history has not started there.
    adapters::BarsReceived failed = answerTo(venue.requests[2], {}, false);
    failed.error = fail(ErrorCode::IoError, "venue busy");
    engine.post(std::move(failed));
    drain(engine);
    SnapshotBatch batch = engine.takeSnapshots();
    ASSERT_EQ(batch.errors.size(), 1u);
    EXPECT_EQ(batch.errors[0].code, ErrorCode::IoError);
    EXPECT_EQ(engine.chart(1)->closedBarCount(),
              7u); // 10,000 minutes: days 143 (from 01:20) .. 149
    ASSERT_TRUE(snapshotOf(batch, 1));
    EXPECT_FALSE(snapshotOf(batch, 1)->historyStart);
    EXPECT_EQ(engine.pendingHistoryRequests(), 0u);

    // The next scroll starts a new load; this time its second page is never answered.
    ASSERT_TRUE(engine.postCommand(LoadOlderBars{1}).hasValue());
    drain(engine);
    ASSERT_EQ(venue.requests.size(), 4u);
    engine.post(pageBefore(venue.requests[3], -1'000'000));
    drain(engine);
    ASSERT_EQ(venue.requests.size(), 5u);
    EXPECT_EQ(engine.chart(1)->closedBarCount(), 7u);
    auto now = Clock::now();
    for (int i = 0; i < 10; ++i) {
        now += std::chrono::seconds(1);
        engine.retryOverdueHistory(now);
    }
    EXPECT_EQ(engine.pendingHistoryRequests(), 0u);
    batch = engine.takeSnapshots();
    ASSERT_EQ(batch.errors.size(), 1u);
    EXPECT_EQ(batch.errors[0].code, ErrorCode::Unavailable);
    EXPECT_EQ(engine.chart(1)->closedBarCount(), 14u); // 20,000 minutes: days 136 (from 02:40) ..
}

TEST(EngineHistory, oneScrollBringsAtMostTheConfiguredNumberOfMinutes) {
    ScriptedClient venue(true, kDailyPageLimit);
    Engine::Config config = dailyPages();
    config.historyLoadMaxBars = 25'000;
    Engine engine(config);
    engine.attachMarketData(venue);
    openDailyChart(engine, venue);
    ASSERT_TRUE(engine.postCommand(LoadOlderBars{1}).hasValue());
    drain(engine);
    for (std::size_t k = 1; k < venue.requests.size() && k < 10; ++k) {
        engine.post(pageBefore(venue.requests[k], -1'000'000));
        drain(engine);
    }
    ASSERT_EQ(venue.requests.size(), 4u);
    EXPECT_EQ(venue.requests[3].limit, 5'000); // the rest of the 25,000
    EXPECT_EQ(engine.minuteBars(btc()).size(), 25'600u);
    EXPECT_EQ(engine.chart(1)->closedBarCount(), 18u); // 25,000 minutes: days 132 (from 15:20) ..
}

TEST(EngineHistory, loadOlderBarsPrependsAPageBeforeTheOldestMinute) {
    ScriptedClient venue;
    Engine engine(smallPages());
    engine.attachMarketData(venue);
    ASSERT_TRUE(engine.postCommand(OpenChart{1, btc(), Timeframe::minutes(5)}).hasValue());
    ASSERT_TRUE(engine.postCommand(AddIndicator{1, 7, "ema:10"}).hasValue());
    drain(engine);
    ASSERT_EQ(venue.requests.size(), 1u);
    EXPECT_EQ(venue.requests[0].endTime, adapters::RequestBars::kLatest);
    EXPECT_EQ(venue.requests[0].limit, 100);
    engine.post(answerTo(venue.requests[0], minuteBars(1000, 100), true));
    drain(engine);
    ChartReplica replica;
    ASSERT_TRUE(replica.apply(*snapshotOf(engine.takeSnapshots(), 1)).hasValue());

    ASSERT_TRUE(engine.postCommand(LoadOlderBars{1}).hasValue());
    drain(engine);
    ASSERT_EQ(venue.requests.size(), 2u);
    const adapters::RequestBars& page = venue.requests[1];
    EXPECT_EQ(page.endTime, kStart + 1000 * kNsPerMinute); // the oldest minute held
    EXPECT_EQ(page.limit, 60);
    EXPECT_EQ(page.timeframe, Timeframe::minutes(1));
    EXPECT_EQ(page.instrument, btc());

    engine.post(answerTo(page, minuteBars(940, 60), true));
    drain(engine);
    const std::vector<Bar> expected = minuteBars(940, 160);
    EXPECT_TRUE(sameBars(engine.minuteBars(btc()), expected));

    // The chart equals 5m bars resampled from all 160 minutes; its snapshot is a Full one.
    const SnapshotBatch batch = engine.takeSnapshots();
    const ChartSnapshotPtr full = snapshotOf(batch, 1);
    ASSERT_TRUE(full);
    EXPECT_EQ(full->kind, ChartSnapshot::Kind::Full);
    EXPECT_FALSE(full->historyStart);
    ASSERT_TRUE(replica.apply(*full).hasValue());
    auto resampled = BarAggregator::resample(expected, Timeframe::minutes(5));
    ASSERT_TRUE(resampled.hasValue());
    ASSERT_EQ(replica.bars().size(), resampled->size()); // 32 buckets, all closed
    EXPECT_EQ(replica.bars().time().front(), kStart + 940 * kNsPerMinute);
    for (std::size_t i = 0; i < resampled->size(); ++i)
        EXPECT_DOUBLE_EQ(replica.bars().close()[i], (*resampled)[i].close.toDouble()) << i;
    // The indicator was recomputed over the longer series: the batch kernel agrees.
    auto ema = indicators::IndicatorRegistry::builtin().parse("ema:10");
    ASSERT_TRUE(ema.hasValue());
    std::vector<double> column(replica.bars().size());
    std::vector<std::span<double>> spans{column};
    ema->computeBatch(replica.bars().view(), spans);
    const std::vector<double>& streamed = replica.indicatorColumn(0, 0);
    ASSERT_EQ(streamed.size(), column.size());
    for (std::size_t i = 0; i < column.size(); ++i)
        if (std::isnan(column[i]))
            EXPECT_TRUE(std::isnan(streamed[i])) << i;
        else
            EXPECT_NEAR(streamed[i], column[i], 1e-9 * std::abs(column[i])) << i;
}

TEST(EngineHistory, chartsOfOneInstrumentShareTheRequestInFlight) {
    ScriptedClient venue;
    Engine engine(smallPages());
    engine.attachMarketData(venue);
    ASSERT_TRUE(engine.postCommand(OpenChart{1, btc(), Timeframe::minutes(1)}).hasValue());
    ASSERT_TRUE(engine.postCommand(OpenChart{2, btc(), Timeframe::hours(1)}).hasValue());
    drain(engine);
    ASSERT_EQ(venue.requests.size(), 1u); // one latest history for both charts
    // Scrolling back before the latest history arrived asks nothing: it is on its way.
    ASSERT_TRUE(engine.postCommand(LoadOlderBars{1}).hasValue());
    drain(engine);
    EXPECT_EQ(venue.requests.size(), 1u);
    engine.post(answerTo(venue.requests[0], minuteBars(500, 100), true));
    drain(engine);

    for (int i = 0; i < 3; ++i) {
        ASSERT_TRUE(engine.postCommand(LoadOlderBars{1}).hasValue());
        ASSERT_TRUE(engine.postCommand(LoadOlderBars{2}).hasValue());
    }
    drain(engine);
    ASSERT_EQ(venue.requests.size(), 2u);
    (void)engine.takeSnapshots();
    engine.post(answerTo(venue.requests[1], minuteBars(440, 60), true));
    drain(engine);
    const SnapshotBatch batch = engine.takeSnapshots();
    for (ChartId id : {ChartId{1}, ChartId{2}}) {
        const ChartSnapshotPtr s = snapshotOf(batch, id);
        ASSERT_TRUE(s) << id;
        EXPECT_EQ(s->kind, ChartSnapshot::Kind::Full) << id;
    }
    EXPECT_EQ(engine.chart(1)->closedBars().front().openTime, kStart + 440 * kNsPerMinute);
    // Once that page is in, the next one is asked before the new oldest minute.
    ASSERT_TRUE(engine.postCommand(LoadOlderBars{2}).hasValue());
    drain(engine);
    ASSERT_EQ(venue.requests.size(), 3u);
    EXPECT_EQ(venue.requests[2].endTime, kStart + 440 * kNsPerMinute);
}

TEST(EngineHistory, theStartOfHistoryIsShownAndNothingMoreIsAsked) {
    ScriptedClient venue;
    Engine engine(smallPages());
    engine.attachMarketData(venue);
    ASSERT_TRUE(engine.postCommand(OpenChart{1, btc(), Timeframe::minutes(1)}).hasValue());
    drain(engine);
    engine.post(answerTo(venue.requests[0], minuteBars(100, 100), true));
    drain(engine);
    EXPECT_FALSE(snapshotOf(engine.takeSnapshots(), 1)->historyStart);

    ASSERT_TRUE(engine.postCommand(LoadOlderBars{1}).hasValue());
    drain(engine);
    ASSERT_EQ(venue.requests.size(), 2u);
    // The venue's last page: fewer bars than asked, nothing older.
    engine.post(answerTo(venue.requests[1], minuteBars(80, 20), false));
    drain(engine);
    const ChartSnapshotPtr s = snapshotOf(engine.takeSnapshots(), 1);
    ASSERT_TRUE(s);
    EXPECT_EQ(s->kind, ChartSnapshot::Kind::Full);
    EXPECT_TRUE(s->historyStart);
    EXPECT_EQ(s->bars->size(), 120u); // 1m bars: the newest one ends its bucket
    ASSERT_TRUE(engine.postCommand(LoadOlderBars{1}).hasValue());
    drain(engine);
    EXPECT_EQ(venue.requests.size(), 2u);

    // A chart opened later on the same instrument knows it from its first snapshot.
    ASSERT_TRUE(engine.postCommand(OpenChart{2, btc(), Timeframe::minutes(15)}).hasValue());
    drain(engine);
    EXPECT_TRUE(snapshotOf(engine.takeSnapshots(), 2)->historyStart);
    EXPECT_EQ(venue.requests.size(), 2u);
}

TEST(EngineHistory, anEmptyOlderPageEndsTheHistoryWithoutChangingTheBars) {
    ScriptedClient venue;
    Engine engine(smallPages());
    engine.attachMarketData(venue);
    ASSERT_TRUE(engine.postCommand(OpenChart{1, btc(), Timeframe::minutes(1)}).hasValue());
    drain(engine);
    engine.post(answerTo(venue.requests[0], minuteBars(0, 50), true)); // claims older bars
    drain(engine);
    (void)engine.takeSnapshots();
    ASSERT_TRUE(engine.postCommand(LoadOlderBars{1}).hasValue());
    drain(engine);
    ASSERT_EQ(venue.requests.size(), 2u);
    // An answer of nothing (even one that still claims more) ends the paging: asking with
    // the same end time would bring the same nothing.
    engine.post(answerTo(venue.requests[1], {}, true));
    drain(engine);
    EXPECT_TRUE(sameBars(engine.minuteBars(btc()), minuteBars(0, 50)));
    const ChartSnapshotPtr s = snapshotOf(engine.takeSnapshots(), 1);
    ASSERT_TRUE(s);
    EXPECT_TRUE(s->historyStart);
    EXPECT_EQ(s->bars->size(), 50u);
}

TEST(EngineHistory, aMalformedOrFailedPageIsReportedAndCanBeAskedAgain) {
    ScriptedClient venue;
    Engine engine(smallPages());
    engine.attachMarketData(venue);
    ASSERT_TRUE(engine.postCommand(OpenChart{1, btc(), Timeframe::minutes(1)}).hasValue());
    drain(engine);
    engine.post(answerTo(venue.requests[0], minuteBars(200, 100), true));
    drain(engine);
    (void)engine.takeSnapshots();

    ASSERT_TRUE(engine.postCommand(LoadOlderBars{1}).hasValue());
    drain(engine);
    std::vector<Bar> garbage = minuteBars(140, 60);
    garbage[10].high = Price::fromRaw(1, 2); // high below the open: not a bar
    engine.post(answerTo(venue.requests[1], garbage, true));
    drain(engine);
    SnapshotBatch batch = engine.takeSnapshots();
    ASSERT_EQ(batch.errors.size(), 1u);
    EXPECT_EQ(batch.errors[0].code, ErrorCode::InvalidArgument);
    EXPECT_NE(batch.errors[0].message.find("bar 10"), std::string::npos);
    EXPECT_TRUE(sameBars(engine.minuteBars(btc()), minuteBars(200, 100)));

    ASSERT_TRUE(engine.postCommand(LoadOlderBars{1}).hasValue());
    drain(engine);
    ASSERT_EQ(venue.requests.size(), 3u);
    adapters::BarsReceived failed = answerTo(venue.requests[2], {}, false);
    failed.error = fail(ErrorCode::IoError, "venue busy");
    engine.post(std::move(failed));
    drain(engine);
    batch = engine.takeSnapshots();
    ASSERT_EQ(batch.errors.size(), 1u);
    EXPECT_EQ(batch.errors[0].code, ErrorCode::IoError);
    // A failure is not the start of history: the next scroll asks again.
    EXPECT_FALSE(engine.chart(1)->historyStart());
    ASSERT_TRUE(engine.postCommand(LoadOlderBars{1}).hasValue());
    drain(engine);
    EXPECT_EQ(venue.requests.size(), 4u);

    // Unknown chart.
    ASSERT_TRUE(engine.postCommand(LoadOlderBars{99}).hasValue());
    drain(engine);
    batch = engine.takeSnapshots();
    ASSERT_EQ(batch.errors.size(), 1u);
    EXPECT_EQ(batch.errors[0].code, ErrorCode::NotFound);
}

TEST(EngineHistory, aLostAnswerIsAskedForAgainAfterTheTimeout) {
    ScriptedClient venue;
    Engine engine(smallPages());
    engine.attachMarketData(venue);
    const auto opened = Clock::now();
    ASSERT_TRUE(engine.postCommand(OpenChart{1, btc(), Timeframe::minutes(1)}).hasValue());
    drain(engine);
    ASSERT_EQ(venue.requests.size(), 1u);
    EXPECT_EQ(engine.pendingHistoryRequests(), 1u);
    // The answer was dropped (say, the queue was full). Not yet overdue: nothing happens.
    EXPECT_EQ(engine.retryOverdueHistory(opened), 0u);
    EXPECT_EQ(venue.requests.size(), 1u);
    const auto overdue = Clock::now() + std::chrono::milliseconds(501);
    EXPECT_EQ(engine.retryOverdueHistory(overdue), 1u);
    ASSERT_EQ(venue.requests.size(), 2u);
    EXPECT_NE(venue.requests[1].requestId, venue.requests[0].requestId);
    EXPECT_EQ(venue.requests[1].endTime, venue.requests[0].endTime);
    EXPECT_EQ(venue.requests[1].limit, venue.requests[0].limit);

    // A late answer to the lost request is ignored; the one to the new request is taken.
    engine.post(answerTo(venue.requests[0], minuteBars(0, 5), true));
    drain(engine);
    EXPECT_TRUE(engine.minuteBars(btc()).empty());
    engine.post(answerTo(venue.requests[1], minuteBars(0, 100), true));
    drain(engine);
    EXPECT_EQ(engine.minuteBars(btc()).size(), 100u);
    EXPECT_EQ(engine.pendingHistoryRequests(), 0u);
    EXPECT_EQ(engine.retryOverdueHistory(overdue + std::chrono::hours(1)), 0u);
    EXPECT_TRUE(engine.takeSnapshots().errors.empty());
}

TEST(EngineHistory, anUnansweredRequestIsGivenUpAfterBoundedRetriesAndReported) {
    ScriptedClient venue;
    Engine engine(smallPages());
    engine.attachMarketData(venue);
    ASSERT_TRUE(engine.postCommand(OpenChart{1, btc(), Timeframe::minutes(1)}).hasValue());
    drain(engine);
    auto now = Clock::now();
    for (int i = 0; i < 10; ++i) {
        now += std::chrono::seconds(1);
        engine.retryOverdueHistory(now);
    }
    EXPECT_EQ(venue.requests.size(), 3u); // the first request and two retries
    EXPECT_EQ(engine.pendingHistoryRequests(), 0u);
    const SnapshotBatch batch = engine.takeSnapshots();
    ASSERT_EQ(batch.errors.size(), 1u);
    EXPECT_EQ(batch.errors[0].code, ErrorCode::Unavailable);
    EXPECT_NE(batch.errors[0].message.find("SIM:BTCUSDT"), std::string::npos);

    // Scrolling an empty chart cannot ask (no bars to scroll), but live trades give it bars;
    // then the lost history is asked as a page before them.
    engine.post(
        adapters::TradeReceived{btc(),
                                Tick{kStart + 5 * kNsPerMinute + 1, Price::fromRaw(3'000'000, 2),
                                     Quantity::fromRaw(1, 0), Side::Buy, 1},
                                1});
    ASSERT_TRUE(engine.postCommand(LoadOlderBars{1}).hasValue());
    drain(engine);
    ASSERT_EQ(venue.requests.size(), 4u);
    EXPECT_EQ(venue.requests[3].endTime, adapters::RequestBars::kLatest); // no closed minute yet
}

TEST(EngineHistory, closingTheChartDropsItsPendingRequests) {
    ScriptedClient venue;
    Engine engine(smallPages());
    engine.attachMarketData(venue);
    ASSERT_TRUE(engine.postCommand(OpenChart{1, btc(), Timeframe::minutes(1)}).hasValue());
    drain(engine);
    ASSERT_TRUE(engine.postCommand(CloseChart{1}).hasValue());
    drain(engine);
    EXPECT_EQ(engine.pendingHistoryRequests(), 0u);
    EXPECT_EQ(engine.retryOverdueHistory(Clock::now() + std::chrono::hours(1)), 0u);
    EXPECT_EQ(venue.requests.size(), 1u);
    engine.post(answerTo(venue.requests[0], minuteBars(0, 10), true)); // arrives anyway
    drain(engine);
    EXPECT_TRUE(engine.minuteBars(btc()).empty());
    EXPECT_TRUE(engine.takeSnapshots().errors.empty());
}

TEST(EngineHistory, aClosedMarketsRowShowsTheLastCloseAgainstThePreviousSession) {
    ScriptedClient venue;
    Engine engine;
    engine.attachMarketData(venue);
    ASSERT_TRUE(engine.postCommand(SubscribeQuotes{aapl()}).hasValue());
    drain(engine);
    ASSERT_EQ(venue.requests.size(), 1u);
    EXPECT_EQ(venue.requests[0].timeframe, Timeframe::days(1));
    EXPECT_EQ(venue.requests[0].limit, 2);
    SnapshotBatch batch = engine.takeSnapshots();
    ASSERT_TRUE(batch.quotes);
    EXPECT_FALSE(batch.quotes->rows.at(0).hasLast); // nothing known yet

    // The last two trading days the venue has (then the weekend: no trade).
    auto day = [](int d, std::int64_t close) {
        Bar bar;
        bar.openTime = kStart + d * kNsPerDay;
        bar.timeframe = Timeframe::days(1);
        bar.open = Price::fromRaw(18'000, 2);
        bar.high = Price::fromRaw(20'000, 2);
        bar.low = Price::fromRaw(17'500, 2);
        bar.close = Price::fromRaw(close, 2);
        bar.volume = Quantity::fromRaw(5000, 0);
        bar.tradeCount = 100;
        return bar;
    };
    engine.post(answerTo(venue.requests[0], {day(0, 19'000), day(1, 19'570)}, true));
    drain(engine);
    batch = engine.takeSnapshots();
    ASSERT_TRUE(batch.quotes);
    const QuoteBoardRow& row = batch.quotes->rows.at(0);
    EXPECT_TRUE(row.hasLast);
    EXPECT_EQ(row.last, Price::fromRaw(19'570, 2));
    EXPECT_NEAR(row.changePercent, 3.0, 1e-9); // 195.70 against 190.00
    EXPECT_TRUE(row.dayVolume.isZero());       // no trade today
    EXPECT_EQ(row.direction, TickDirection::Unchanged);

    // The market opens days later: the change is against the last close shown.
    engine.post(adapters::TradeReceived{aapl(),
                                        Tick{kStart + 4 * kNsPerDay + 14 * kNsPerHour,
                                             Price::fromRaw(19'179, 2), Quantity::fromRaw(100, 0),
                                             Side::Sell, 1},
                                        1});
    drain(engine);
    batch = engine.takeSnapshots();
    ASSERT_TRUE(batch.quotes);
    const QuoteBoardRow& open = batch.quotes->rows.at(0);
    EXPECT_EQ(open.last, Price::fromRaw(19'179, 2));
    EXPECT_NEAR(open.changePercent, (191.79 / 195.70 - 1.0) * 100.0, 1e-9);
    EXPECT_EQ(open.dayVolume, Quantity::fromRaw(100, 0));
    EXPECT_EQ(open.direction, TickDirection::Down);
}

TEST(EngineHistory, aPreviousCloseArrivingAfterTheFirstTradeFixesTheReference) {
    ScriptedClient venue;
    Engine engine;
    engine.attachMarketData(venue);
    ASSERT_TRUE(engine.postCommand(SubscribeQuotes{aapl()}).hasValue());
    drain(engine);
    ASSERT_EQ(venue.requests.size(), 1u);
    // The first trade of the day comes before the answer: its price is the only reference.
    engine.post(adapters::TradeReceived{aapl(),
                                        Tick{kStart + kNsPerDay + 15 * kNsPerHour,
                                             Price::fromRaw(20'000, 2), Quantity::fromRaw(10, 0),
                                             Side::Buy, 1},
                                        1});
    drain(engine);
    EXPECT_NEAR(engine.takeSnapshots().quotes->rows.at(0).changePercent, 0.0, 1e-12);
    Bar yesterday;
    yesterday.openTime = kStart;
    yesterday.timeframe = Timeframe::days(1);
    yesterday.open = yesterday.low = Price::fromRaw(19'000, 2);
    yesterday.high = yesterday.close = Price::fromRaw(19'500, 2);
    yesterday.volume = Quantity::fromRaw(1, 0);
    yesterday.tradeCount = 1;
    Bar today = yesterday;
    today.openTime = kStart + kNsPerDay;
    today.close = today.high = Price::fromRaw(20'000, 2);
    engine.post(answerTo(venue.requests[0], {yesterday, today}, true));
    drain(engine);
    const QuoteBoardRow row = engine.takeSnapshots().quotes->rows.at(0);
    EXPECT_EQ(row.last, Price::fromRaw(20'000, 2)); // the live price stays
    EXPECT_EQ(row.dayVolume, Quantity::fromRaw(10, 0));
    EXPECT_NEAR(row.changePercent, (200.0 / 195.0 - 1.0) * 100.0, 1e-9);
}

TEST(EngineHistory, aChartsHistorySeedsTheRowWithoutAnotherRequest) {
    ScriptedClient venue;
    Engine engine(smallPages());
    engine.attachMarketData(venue);
    ASSERT_TRUE(engine.postCommand(OpenChart{1, btc(), Timeframe::minutes(1)}).hasValue());
    ASSERT_TRUE(engine.postCommand(SubscribeQuotes{btc()}).hasValue());
    drain(engine);
    ASSERT_EQ(venue.requests.size(), 1u); // the chart's history serves the row too
    // 100 minutes ending 20 minutes into day 1: the reference is the last close of day 0.
    const std::vector<Bar> bars = minuteBars(24 * 60 - 80, 100);
    engine.post(answerTo(venue.requests[0], bars, true));
    drain(engine);
    const QuoteBoardRow row = engine.takeSnapshots().quotes->rows.at(0);
    ASSERT_TRUE(row.hasLast);
    EXPECT_EQ(row.last, bars.back().close);
    const double reference = bars[79].close.toDouble(); // 23:59 of day 0
    EXPECT_NEAR(row.changePercent, (bars.back().close.toDouble() / reference - 1.0) * 100.0, 1e-9);
}

TEST(EngineHistory, playbackSpeedGoesToTheNamedVenueOrIsRejected) {
    ScriptedClient replay;
    Engine engine;
    engine.attachMarketData(replay);
    ASSERT_TRUE(engine.postCommand(SetPlaybackSpeed{"SIM", 100.0}).hasValue());
    ASSERT_TRUE(engine.postCommand(SetPlaybackSpeed{"SIM", std::nan("")}).hasValue());
    ASSERT_TRUE(engine.postCommand(SetPlaybackSpeed{"BINANCE", 10.0}).hasValue());
    ASSERT_TRUE(engine.postCommand(SetPlaybackSpeed{"", 10.0}).hasValue());
    drain(engine);
    EXPECT_EQ(replay.speeds, std::vector<double>{100.0});
    const SnapshotBatch batch = engine.takeSnapshots();
    ASSERT_EQ(batch.errors.size(), 3u);
    EXPECT_EQ(batch.errors[0].code, ErrorCode::InvalidArgument); // NaN, said by the venue
    EXPECT_EQ(batch.errors[1].code, ErrorCode::NotFound);
    EXPECT_EQ(batch.errors[2].code, ErrorCode::NotFound);
}

TEST(EngineHistory, aLiveVenueRejectsPlaybackSpeedAsUnsupported) {
    ScriptedClient live(false);
    Engine engine;
    engine.attachMarketData(live);
    ASSERT_TRUE(engine.postCommand(SetPlaybackSpeed{"SIM", 2.0}).hasValue());
    drain(engine);
    const SnapshotBatch batch = engine.takeSnapshots();
    ASSERT_EQ(batch.errors.size(), 1u);
    EXPECT_EQ(batch.errors[0].code, ErrorCode::Unsupported);
    EXPECT_TRUE(live.speeds.empty());
}
