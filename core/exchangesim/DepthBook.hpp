// SPDX-License-Identifier: MIT
#pragma once

#include "core/domain/Price.hpp"
#include "core/domain/Quantity.hpp"
#include "core/domain/Quote.hpp"
#include "core/domain/Side.hpp"

#include <cstdint>
#include <vector>

namespace cw::exchangesim {

/// The order book of one symbol as the exchange publishes it: the paper broker's synthetic
/// book (docs/simulated-exchange.md, "The book"): level k (0 = the touch) lies k spreads
/// away from the touch (the spread at least one tick) and holds (k + 1) x the touch size,
/// `levels` levels per side. Market and limit orders walk exactly this book, so what the
/// depth endpoint and streams show is what an order can take.
///
/// Every update that changes a level increases the update id by one (depth diff streams
/// carry first and last ids, snapshots the last), and `changes()` names the levels it
/// touched.
///
/// Thread: not thread-safe; one owner.
class DepthBook {
public:
    struct Level {
        Price price;
        Quantity quantity;
    };
    struct Change {
        Side side = Side::Invalid; ///< Buy: a bid level, Sell: an ask level
        Price price;
    };

    DepthBook(Price tickSize, int levels, std::int64_t firstUpdateId);

    /// Rebuilds the book from a new top of book. Returns true when a level changed (then
    /// the update id grew by one).
    bool update(const Quote& quote);

    std::int64_t updateId() const { return m_updateId; }
    const std::vector<Level>& bids() const { return m_bids; } ///< best (highest) first
    const std::vector<Level>& asks() const { return m_asks; } ///< best (lowest) first
    /// The levels the last update changed, removed or added.
    const std::vector<Change>& changes() const { return m_changes; }
    /// The quantity at one price of one side (zero when there is no such level).
    Quantity quantityAt(Side side, const Price& price) const;
    bool hasQuote() const { return !m_bids.empty() || !m_asks.empty(); }

    /// The levels of one side built from `quote`: `side` Buy gives the bids, Sell the asks.
    static std::vector<Level> levelsFrom(const Quote& quote, const Price& tickSize, int levels,
                                         Side side);

private:
    Price m_tickSize;
    int m_levels;
    std::int64_t m_updateId;
    std::vector<Level> m_bids;
    std::vector<Level> m_asks;
    std::vector<Change> m_changes;
};

} // namespace cw::exchangesim
