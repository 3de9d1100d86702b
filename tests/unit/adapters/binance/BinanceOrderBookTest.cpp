// SPDX-License-Identifier: MIT
#include "core/adapters/binance/BinanceOrderBook.hpp"

#include <gtest/gtest.h>
#include <string>
#include <vector>

using namespace cw;
using namespace cw::adapters;
using namespace cw::adapters::binance;

namespace {

using Outcome = BinanceBookOutcome;

InstrumentKey btc() {
    return *InstrumentKey::make("BINANCE", "BTCUSDT");
}

BinanceBookLevel level(const char* price, const char* qty) {
    return {*Price::parse(price), *Quantity::parse(qty)};
}

BinanceDepthUpdate diff(std::uint64_t first, std::uint64_t last,
                        std::vector<BinanceBookLevel> bids = {},
                        std::vector<BinanceBookLevel> asks = {}) {
    BinanceDepthUpdate d;
    d.instrument = btc();
    d.firstUpdateId = first;
    d.finalUpdateId = last;
    d.bids = std::move(bids);
    d.asks = std::move(asks);
    return d;
}

BinanceDepthSnapshot snapshot(std::uint64_t id) {
    BinanceDepthSnapshot s;
    s.instrument = btc();
    s.lastUpdateId = id;
    s.bids = {level("100.00", "1.000"), level("99.50", "2.000")};
    s.asks = {level("100.50", "1.500"), level("101.00", "3.000")};
    return s;
}

std::string describe(const std::vector<BinanceBookLevel>& levels) {
    std::string out;
    for (const auto& l : levels)
        out += l.price.toString() + "x" + l.quantity.toString() + " ";
    return out;
}

} // namespace

TEST(BinanceOrderBook, buffersDiffsUntilASnapshotThenAppliesThoseAfterIt) {
    BinanceOrderBook book(btc(), 2, 3);
    EXPECT_TRUE(book.needsSnapshot());
    EXPECT_EQ(book.applyDiff(diff(95, 100)), Outcome::Buffered); // before the snapshot
    EXPECT_EQ(book.applyDiff(diff(101, 104, {level("100.00", "0")})), Outcome::Buffered);
    EXPECT_EQ(book.applyDiff(diff(105, 106, {level("99.75", "4")})), Outcome::Buffered);
    EXPECT_EQ(book.bidLevels(), 0U);
    EXPECT_EQ(book.applySnapshot(snapshot(102)), Outcome::SnapshotApplied);
    EXPECT_EQ(book.state(), BinanceOrderBook::State::Synced);
    EXPECT_EQ(book.lastUpdateId(), 106U);
    EXPECT_EQ(book.bufferedDiffs(), 0U);
    // 101-104 straddles 102 and removes 100.00; 105-106 adds 99.75.
    EXPECT_EQ(describe(book.bids()), "99.75x4.000 99.50x2.000 ");
    EXPECT_EQ(describe(book.asks()), "100.50x1.500 101.00x3.000 ");
}

TEST(BinanceOrderBook, appliesLiveDiffsInSequence) {
    BinanceOrderBook book(btc(), 2, 3);
    ASSERT_EQ(book.applySnapshot(snapshot(200)), Outcome::SnapshotApplied);
    EXPECT_EQ(book.applyDiff(diff(199, 201, {}, {level("100.50", "0.5")})), Outcome::Applied);
    EXPECT_EQ(book.applyDiff(diff(202, 202, {level("100.25", "1")}, {level("101.00", "0")})),
              Outcome::Applied);
    EXPECT_EQ(book.lastUpdateId(), 202U);
    auto top = book.topOfBook(5);
    ASSERT_TRUE(top.has_value());
    EXPECT_EQ(top->bidPrice.toString(), "100.25");
    EXPECT_EQ(top->askPrice.toString(), "100.50");
    EXPECT_EQ(top->askSize.toString(), "0.500");
    EXPECT_EQ(describe(book.asks()), "100.50x0.500 ");
    EXPECT_EQ(describe(book.bids(1)), "100.25x1.000 ");
}

TEST(BinanceOrderBook, sequenceRulesTable) {
    struct Row {
        const char* name;
        std::uint64_t snapshotId;
        std::vector<std::pair<std::uint64_t, std::uint64_t>> diffs; // after the snapshot
        std::vector<Outcome> expected;
        std::uint64_t finalId;
        bool synced;
    };
    const Row rows[] = {
        {"contiguous",
         10,
         {{11, 12}, {13, 15}, {16, 16}},
         {Outcome::Applied, Outcome::Applied, Outcome::Applied},
         16,
         true},
        {"first straddles the snapshot",
         10,
         {{8, 12}, {13, 13}},
         {Outcome::Applied, Outcome::Applied},
         13,
         true},
        {"stale diffs are ignored",
         10,
         {{5, 9}, {9, 10}, {11, 11}},
         {Outcome::Stale, Outcome::Stale, Outcome::Applied},
         11,
         true},
        {"gap after the snapshot", 10, {{12, 13}}, {Outcome::GapDetected}, 0, false},
        {"gap later on",
         10,
         {{11, 12}, {14, 15}},
         {Outcome::Applied, Outcome::GapDetected},
         0,
         false},
        {"out of order",
         10,
         {{11, 12}, {16, 18}, {13, 15}},
         {Outcome::Applied, Outcome::GapDetected, Outcome::Buffered},
         0,
         false},
        {"duplicate resent",
         10,
         {{11, 12}, {11, 12}, {13, 13}},
         {Outcome::Applied, Outcome::Stale, Outcome::Applied},
         13,
         true},
        {"overlap is applied (absolute quantities)",
         10,
         {{11, 14}, {13, 16}},
         {Outcome::Applied, Outcome::Applied},
         16,
         true},
    };
    for (const auto& row : rows) {
        BinanceOrderBook book(btc(), 2, 3);
        ASSERT_EQ(book.applySnapshot(snapshot(row.snapshotId)), Outcome::SnapshotApplied)
            << row.name;
        for (std::size_t i = 0; i < row.diffs.size(); ++i)
            EXPECT_EQ(book.applyDiff(diff(row.diffs[i].first, row.diffs[i].second)),
                      row.expected[i])
                << row.name << " diff " << i;
        EXPECT_EQ(book.lastUpdateId(), row.finalId) << row.name;
        EXPECT_EQ(!book.needsSnapshot(), row.synced) << row.name;
    }
}

TEST(BinanceOrderBook, aGapDiscardsTheBookAndRebuildsFromTheNextSnapshot) {
    BinanceOrderBook book(btc(), 2, 3);
    ASSERT_EQ(book.applySnapshot(snapshot(10)), Outcome::SnapshotApplied);
    EXPECT_EQ(book.applyDiff(diff(12, 13, {level("98.00", "1")})), Outcome::GapDetected);
    EXPECT_TRUE(book.bids().empty()) << "never a silently wrong book";
    EXPECT_FALSE(book.topOfBook(0).has_value());
    EXPECT_EQ(book.bufferedDiffs(), 1U) << "the diff that revealed the gap starts the new buffer";
    EXPECT_EQ(book.applyDiff(diff(14, 14)), Outcome::Buffered);
    EXPECT_EQ(book.applySnapshot(snapshot(12)), Outcome::SnapshotApplied);
    EXPECT_EQ(book.lastUpdateId(), 14U);
    EXPECT_EQ(describe(book.bids()), "100.00x1.000 99.50x2.000 98.00x1.000 ");
}

TEST(BinanceOrderBook, aSnapshotOlderThanTheBufferIsRefused) {
    BinanceOrderBook book(btc(), 2, 3);
    EXPECT_EQ(book.applyDiff(diff(50, 55)), Outcome::Buffered);
    EXPECT_EQ(book.applySnapshot(snapshot(40)), Outcome::SnapshotTooOld);
    EXPECT_TRUE(book.needsSnapshot());
    EXPECT_EQ(book.bufferedDiffs(), 1U);
    EXPECT_EQ(book.applySnapshot(snapshot(49)), Outcome::SnapshotApplied)
        << "49 + 1 == U is enough";
    EXPECT_EQ(book.lastUpdateId(), 55U);
}

TEST(BinanceOrderBook, aGapInsideTheBufferIsFoundWhenTheSnapshotArrives) {
    BinanceOrderBook book(btc(), 2, 3);
    EXPECT_EQ(book.applyDiff(diff(50, 55)), Outcome::Buffered);
    EXPECT_EQ(book.applyDiff(diff(60, 61)), Outcome::Buffered);
    EXPECT_EQ(book.applyDiff(diff(62, 62)), Outcome::Buffered);
    EXPECT_EQ(book.applySnapshot(snapshot(52)), Outcome::GapDetected);
    EXPECT_TRUE(book.needsSnapshot());
    EXPECT_EQ(book.bufferedDiffs(), 2U);
    EXPECT_EQ(book.applySnapshot(snapshot(60)), Outcome::SnapshotApplied);
    EXPECT_EQ(book.lastUpdateId(), 62U);
}

TEST(BinanceOrderBook, rejectsForeignPartialAndUnrepresentableInput) {
    BinanceOrderBook book(btc(), 2, 3);
    auto partial = snapshot(10);
    partial.partial = true;
    EXPECT_EQ(book.applySnapshot(partial), Outcome::Rejected);
    auto foreign = snapshot(10);
    foreign.instrument = *InstrumentKey::make("BINANCE", "ETHUSDT");
    EXPECT_EQ(book.applySnapshot(foreign), Outcome::Rejected);
    auto tooPrecise = snapshot(10);
    tooPrecise.bids.push_back(level("99.001", "1"));
    EXPECT_EQ(book.applySnapshot(tooPrecise), Outcome::Rejected);
    EXPECT_TRUE(book.needsSnapshot());

    ASSERT_EQ(book.applySnapshot(snapshot(10)), Outcome::SnapshotApplied);
    auto other = diff(11, 11);
    other.instrument = *InstrumentKey::make("BINANCE", "ETHUSDT");
    EXPECT_EQ(book.applyDiff(other), Outcome::Rejected);
    EXPECT_FALSE(book.needsSnapshot()) << "a foreign diff does not touch the book";
    EXPECT_EQ(book.applyDiff(diff(12, 11)), Outcome::Rejected) << "u < U";
    EXPECT_EQ(book.applyDiff(diff(11, 11, {level("99.00", "-1")})), Outcome::Rejected);
    EXPECT_TRUE(book.needsSnapshot()) << "a diff it cannot apply leaves the book unusable";
}

TEST(BinanceOrderBook, boundedBufferDropsTheOldestDiffs) {
    BinanceOrderBook book(btc(), 2, 3, 2);
    EXPECT_EQ(book.applyDiff(diff(1, 1)), Outcome::Buffered);
    EXPECT_EQ(book.applyDiff(diff(2, 2)), Outcome::Buffered);
    EXPECT_EQ(book.applyDiff(diff(3, 3)), Outcome::Buffered);
    EXPECT_EQ(book.bufferedDiffs(), 2U);
    EXPECT_EQ(book.applySnapshot(snapshot(0)), Outcome::SnapshotTooOld);
    book.reset();
    EXPECT_EQ(book.bufferedDiffs(), 0U);
}
