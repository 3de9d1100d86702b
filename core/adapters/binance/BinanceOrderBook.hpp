// SPDX-License-Identifier: MIT
#pragma once

#include "core/adapters/InstrumentKey.hpp"
#include "core/adapters/binance/BinanceMessages.hpp"
#include "core/domain/Price.hpp"
#include "core/domain/Quantity.hpp"
#include "core/domain/Quote.hpp"

#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <optional>
#include <vector>

namespace cw::adapters::binance {

/// What BinanceOrderBook did with one diff or snapshot.
enum class BinanceBookOutcome {
    Invalid = 0,
    Buffered,        ///< no usable snapshot yet: the diff was kept for later
    Applied,         ///< the diff changed the book
    Stale,           ///< the diff ended at or before the book's update id: ignored
    GapDetected,     ///< an update was missed: book discarded, now NeedsSnapshot
    SnapshotApplied, ///< the snapshot and the buffered diffs after it form the book
    SnapshotTooOld,  ///< the snapshot ends before the first buffered diff: fetch again
    Rejected,        ///< not for this book, or a level that does not fit its precisions
};

/// A local order book of one symbol kept by Binance's documented procedure (docs/binance.md,
/// "Local order book"):
///
/// 1. Until a snapshot is applied the book is `NeedsSnapshot` and diffs are buffered.
/// 2. `applySnapshot` (GET /api/v3/depth): if its lastUpdateId + 1 is below the first
///    buffered diff's U, updates are missing in between: SnapshotTooOld, fetch again.
///    Otherwise the book is the snapshot, buffered diffs with u <= lastUpdateId are
///    dropped and the rest applied as below.
/// 3. Every diff applied must satisfy U <= id + 1 <= u, id being the book's update id (the
///    snapshot's lastUpdateId, then the previous diff's u): the first after a snapshot
///    straddles it, each later one normally starts at previous u + 1. A diff with u <= id
///    is stale and ignored. U > id + 1 is a gap (an update was missed, or diffs arrived out
///    of order): the book is discarded (NeedsSnapshot, the diff kept as the first of a new
///    buffer) and must be rebuilt from a new snapshot, never left silently wrong. A diff
///    that overlaps (U <= id < u) is applied, as the venue's procedure says: its levels
///    carry absolute quantities as of u.
/// 4. A level with quantity 0 is removed; any other sets the level.
///
/// Prices and quantities are kept as raw integers at the book's precisions; levels given
/// at other precisions are rescaled exactly or the message is Rejected (and, for a diff
/// on a live book, the book goes to NeedsSnapshot: it would otherwise be wrong).
///
/// Thread: one owner thread.
class BinanceOrderBook {
public:
    enum class State { Invalid = 0, NeedsSnapshot, Synced };

    /// `maxBufferedDiffs`: diffs kept while waiting for a snapshot; older ones are dropped
    /// (a snapshot then looks too old and is fetched again).
    /// Precondition (CW_ASSERT): precisions in 0..18, maxBufferedDiffs >= 1.
    BinanceOrderBook(InstrumentKey instrument, int pricePrecision, int quantityPrecision,
                     std::size_t maxBufferedDiffs = 10'000);

    BinanceBookOutcome applyDiff(const BinanceDepthUpdate& diff);
    BinanceBookOutcome applySnapshot(const BinanceDepthSnapshot& snapshot);
    /// Discards the book and the buffer: NeedsSnapshot.
    void reset();

    State state() const { return m_state; }
    bool needsSnapshot() const { return m_state != State::Synced; }
    /// The update id the book reflects (0 before a snapshot).
    std::uint64_t lastUpdateId() const { return m_lastUpdateId; }
    std::size_t bufferedDiffs() const { return m_buffer.size(); }
    const InstrumentKey& instrument() const { return m_instrument; }

    /// Best levels, best first, at most `depth` (all when 0). Empty unless Synced.
    std::vector<BinanceBookLevel> bids(std::size_t depth = 0) const;
    std::vector<BinanceBookLevel> asks(std::size_t depth = 0) const;
    std::size_t bidLevels() const { return m_bids.size(); }
    std::size_t askLevels() const { return m_asks.size(); }
    /// The top of the book at `time`; nullopt unless Synced with both sides present.
    std::optional<Quote> topOfBook(TimestampNs time) const;

private:
    bool toRaw(const BinanceBookLevel& level, std::int64_t& price, std::int64_t& quantity) const;
    bool setLevels(std::map<std::int64_t, std::int64_t, std::greater<>>* bids,
                   std::map<std::int64_t, std::int64_t>* asks,
                   const std::vector<BinanceBookLevel>& bidLevels,
                   const std::vector<BinanceBookLevel>& askLevels);
    BinanceBookOutcome applyInSequence(const BinanceDepthUpdate& diff);
    void discard();

    InstrumentKey m_instrument;
    int m_pricePrecision;
    int m_quantityPrecision;
    std::size_t m_maxBuffered;
    State m_state = State::NeedsSnapshot;
    std::uint64_t m_lastUpdateId = 0;
    std::map<std::int64_t, std::int64_t, std::greater<>> m_bids; ///< raw price -> raw quantity
    std::map<std::int64_t, std::int64_t> m_asks;
    std::deque<BinanceDepthUpdate> m_buffer;
};

} // namespace cw::adapters::binance
