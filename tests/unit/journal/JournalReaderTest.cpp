// SPDX-License-Identifier: MIT
#include "core/journal/JournalReader.hpp"

#include "core/journal/JournalWriter.hpp"
#include "tests/unit/journal/TempJournalDir.hpp"

#include <gtest/gtest.h>

using namespace cw;
using namespace cw::journal;
using cw::journal::test::TempJournalDir;

namespace {

adapters::InstrumentKey key(std::string_view symbol) {
    return *adapters::InstrumentKey::make("SIM", symbol);
}

adapters::OrderFilled fill(std::string_view coid, std::string_view symbol, Side side,
                           std::string_view qty, std::string_view px, std::string_view fee,
                           std::string_view feeCcy) {
    adapters::OrderFilled f;
    f.clientOrderId = std::string(coid);
    f.instrument = key(symbol);
    f.tradeId = "T-" + std::string(coid) + "-" + std::string(qty);
    f.side = side;
    f.quantity = *Quantity::parse(qty);
    f.price = *Price::parse(px);
    f.fee = *Money::parse(fee, *Currency::parse(feeCcy));
    f.cumulativeQuantity = f.quantity;
    f.leavesQuantity = *Quantity::parse("0");
    return f;
}

adapters::SubmitOrder order(std::string_view coid, std::string_view symbol, Side side) {
    adapters::SubmitOrder o;
    o.clientOrderId = std::string(coid);
    o.instrument = key(symbol);
    o.side = side;
    o.type = OrderType::Market;
    o.quantity = *Quantity::parse("1");
    return o;
}

/// A small trading day: times 100, 200, ... so ranges are easy to state.
class JournalReaderTest : public ::testing::Test {
protected:
    void SetUp() override {
        JournalWriterOptions options;
        options.path = m_dir.file("day.cwjournal");
        options.clock = [] { return TimestampNs{1}; }; // session markers at t = 1
        auto writer = JournalWriter::open(options);
        ASSERT_TRUE(writer.hasValue()) << writer.error().toString();
        auto& w = **writer;
        w.append(JournalRecord::fromRequest(order("a-1", "BTCUSDT", Side::Buy), "user", 100));
        adapters::OrderAccepted accepted;
        accepted.clientOrderId = "a-1";
        accepted.instrument = key("BTCUSDT");
        w.append(JournalRecord::fromEvent(accepted, 200));
        w.append(JournalRecord::fromEvent(
            fill("a-1", "BTCUSDT", Side::Buy, "0.1", "100.0", "0.01", "USDT"), 300));
        w.append(JournalRecord::fromEvent(
            fill("a-1", "BTCUSDT", Side::Buy, "0.2", "101.0", "0.02", "USDT"), 400));
        w.append(JournalRecord::fromRequest(order("b-1", "ETHUSDT", Side::Sell), "chart", 500));
        w.append(JournalRecord::fromEvent(
            fill("b-1", "ETHUSDT", Side::Sell, "3", "2000.50", "-0.5", "BNB"), 600));
        // a-2 is modified twice: a-2 -> a-2.1 -> a-2.2.
        w.append(JournalRecord::fromRequest(order("a-2", "BTCUSDT", Side::Sell), "oneclick", 700));
        adapters::OrderReplaced first;
        first.clientOrderId = "a-2";
        first.newClientOrderId = "a-2.1";
        first.instrument = key("BTCUSDT");
        w.append(JournalRecord::fromEvent(first, 800));
        adapters::OrderReplaced second = first;
        second.clientOrderId = "a-2.1";
        second.newClientOrderId = "a-2.2";
        w.append(JournalRecord::fromEvent(second, 900));
        adapters::OrderCanceled canceled;
        canceled.clientOrderId = "a-2.2";
        canceled.instrument = key("BTCUSDT");
        canceled.reason = "requested";
        w.append(JournalRecord::fromEvent(canceled, 1000));
        ASSERT_TRUE(w.close().hasValue());
        auto reader = JournalReader::open(options.path);
        ASSERT_TRUE(reader.hasValue()) << reader.error().toString();
        m_reader.emplace(std::move(*reader));
    }

    static std::vector<TimestampNs> times(const Result<std::vector<JournalEntry>>& entries) {
        EXPECT_TRUE(entries.hasValue());
        std::vector<TimestampNs> out;
        if (entries)
            for (const auto& e : *entries)
                out.push_back(e.record.localTimeNs);
        return out;
    }

    TempJournalDir m_dir;
    std::optional<JournalReader> m_reader;
};

} // namespace

TEST_F(JournalReaderTest, timeRangeIsHalfOpen) {
    const auto found = m_reader->events(JournalQuery{.fromNs = 300, .toNs = 600});
    EXPECT_EQ(times(found), (std::vector<TimestampNs>{300, 400, 500}));
}

TEST_F(JournalReaderTest, byInstrumentAndByKind) {
    EXPECT_EQ(times(m_reader->events(JournalQuery{.instrument = "SIM:ETHUSDT"})),
              (std::vector<TimestampNs>{500, 600}));
    EXPECT_EQ(times(m_reader->events(JournalQuery{.kind = JournalKind::Fill})),
              (std::vector<TimestampNs>{300, 400, 600}));
    EXPECT_EQ(times(m_reader->events(
                  JournalQuery{.instrument = "SIM:BTCUSDT", .kind = JournalKind::Fill})),
              (std::vector<TimestampNs>{300, 400}));
    // Unknown values match nothing rather than failing.
    EXPECT_TRUE(times(m_reader->events(JournalQuery{.instrument = "nonsense"})).empty());
}

TEST_F(JournalReaderTest, byClientOrderIdGivesTheOrdersLife) {
    const auto found = m_reader->events(JournalQuery{.clientOrderId = "a-1"});
    ASSERT_TRUE(found.hasValue());
    ASSERT_EQ(found->size(), 4u);
    EXPECT_EQ((*found)[0].record.action, "SubmitOrder");
    EXPECT_EQ((*found)[0].record.origin, "user");
    EXPECT_EQ((*found)[1].record.action, "OrderAccepted");
    EXPECT_EQ((*found)[3].record.status, "Filled");
}

TEST_F(JournalReaderTest, orderHistoryFollowsReplacementsBothWays) {
    for (const char* anyId : {"a-2", "a-2.1", "a-2.2"}) {
        const auto history = m_reader->orderHistory(anyId);
        EXPECT_EQ(times(history), (std::vector<TimestampNs>{700, 800, 900, 1000})) << anyId;
    }
    EXPECT_TRUE(times(m_reader->orderHistory("")).empty());
    EXPECT_TRUE(times(m_reader->orderHistory("no-such-order")).empty());
}

TEST_F(JournalReaderTest, keysetPagingVisitsEveryEntryOnce) {
    const auto total = m_reader->count(JournalQuery{});
    ASSERT_TRUE(total.hasValue());
    EXPECT_EQ(*total, 12); // ten records and two session markers

    std::vector<std::int64_t> ids;
    JournalQuery page{.limit = 5};
    for (;;) {
        auto entries = m_reader->events(page);
        ASSERT_TRUE(entries.hasValue());
        if (entries->empty())
            break;
        EXPECT_LE(entries->size(), 5u);
        for (const auto& e : *entries)
            ids.push_back(e.id);
        page.afterId = entries->back().id;
    }
    ASSERT_EQ(ids.size(), 12u);
    for (std::size_t i = 1; i < ids.size(); ++i)
        EXPECT_EQ(ids[i], ids[i - 1] + 1);

    JournalQuery newest{.newestFirst = true, .limit = 3};
    auto latest = m_reader->events(newest);
    ASSERT_TRUE(latest.hasValue());
    ASSERT_EQ(latest->size(), 3u);
    EXPECT_EQ((*latest)[0].id, ids.back());
    newest.beforeId = latest->back().id;
    auto older = m_reader->events(newest);
    ASSERT_TRUE(older.hasValue());
    ASSERT_FALSE(older->empty());
    EXPECT_EQ(older->front().id, latest->back().id - 1);
}

TEST_F(JournalReaderTest, fillTotalsAreExact) {
    const auto totals = m_reader->fillTotals(JournalQuery{});
    ASSERT_TRUE(totals.hasValue()) << totals.error().toString();
    EXPECT_EQ(totals->fillCount, 3);
    EXPECT_EQ(totals->buyCount, 2);
    EXPECT_EQ(totals->sellCount, 1);
    // 0.1 + 0.2 is exactly 0.3 here (it would not be in binary floating point).
    EXPECT_EQ(totals->boughtQuantity, *Decimal::parse("0.3"));
    // 0.1 x 100.0 + 0.2 x 101.0 = 30.2
    EXPECT_EQ(totals->boughtNotional, *Decimal::parse("30.2"));
    EXPECT_EQ(totals->soldQuantity, *Decimal::parse("3"));
    EXPECT_EQ(totals->soldNotional, *Decimal::parse("6001.5"));
    ASSERT_EQ(totals->fees.size(), 2u);
    EXPECT_EQ(totals->fees[0], *Money::parse("0.03", *Currency::parse("USDT")));
    EXPECT_EQ(totals->fees[1], *Money::parse("-0.5", *Currency::parse("BNB")));

    const auto eth = m_reader->fillTotals(JournalQuery{.instrument = "SIM:ETHUSDT"});
    ASSERT_TRUE(eth.hasValue());
    EXPECT_EQ(eth->fillCount, 1);
    EXPECT_TRUE(eth->boughtQuantity.isZero());

    const auto fills = m_reader->fills(JournalQuery{.kind = JournalKind::Note}); // kind forced
    ASSERT_TRUE(fills.hasValue());
    EXPECT_EQ(fills->size(), 3u);
}

TEST_F(JournalReaderTest, sessionsAreListed) {
    const auto sessions = m_reader->sessions();
    ASSERT_TRUE(sessions.hasValue());
    ASSERT_EQ(sessions->size(), 1u);
    EXPECT_TRUE(sessions->front().cleanShutdown);
    EXPECT_EQ(sessions->front().startNs, 1);
    const auto max = m_reader->maxEventId();
    ASSERT_TRUE(max.hasValue());
    EXPECT_EQ(*max, 12);
}

TEST(JournalReader, readsWhileTheWriterWrites) {
    TempJournalDir dir;
    JournalWriterOptions options;
    options.path = dir.file("live.cwjournal");
    auto writer = JournalWriter::open(options);
    ASSERT_TRUE(writer.hasValue());
    auto reader = JournalReader::open(options.path);
    ASSERT_TRUE(reader.hasValue()) << reader.error().toString();
    std::int64_t lastSeen = 0;
    for (int round = 0; round < 5; ++round) {
        for (int i = 0; i < 100; ++i)
            (*writer)->append(JournalRecord::note("x", "user", 1 + i));
        ASSERT_TRUE((*writer)->flush().hasValue());
        auto max = reader->maxEventId();
        ASSERT_TRUE(max.hasValue());
        EXPECT_EQ(*max, (*writer)->committedId());
        EXPECT_GT(*max, lastSeen);
        lastSeen = *max;
    }
}

TEST(JournalReader, badStoredAmountIsAParseErrorNotACrash) {
    TempJournalDir dir;
    const auto path = dir.file("bad.cwjournal");
    {
        auto writer = JournalWriter::open(JournalWriterOptions{.path = path});
        ASSERT_TRUE(writer.hasValue());
        JournalRecord garbage;
        garbage.kind = JournalKind::Fill;
        garbage.localTimeNs = 5;
        garbage.side = "Buy";
        garbage.fillQuantity = "NaN";
        garbage.fillPrice = "1.0";
        (*writer)->append(garbage);
    }
    auto reader = JournalReader::open(path);
    ASSERT_TRUE(reader.hasValue());
    const auto totals = reader->fillTotals(JournalQuery{});
    ASSERT_FALSE(totals.hasValue());
    EXPECT_EQ(totals.error().code, ErrorCode::ParseError);
    EXPECT_NE(totals.error().message.find("NaN"), std::string::npos);
}
