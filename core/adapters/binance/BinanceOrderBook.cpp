// SPDX-License-Identifier: MIT
#include "core/adapters/binance/BinanceOrderBook.hpp"

#include "core/common/Assert.hpp"

namespace cw::adapters::binance {

BinanceOrderBook::BinanceOrderBook(InstrumentKey instrument, int pricePrecision,
                                   int quantityPrecision, std::size_t maxBufferedDiffs)
    : m_instrument(instrument), m_pricePrecision(pricePrecision),
      m_quantityPrecision(quantityPrecision), m_maxBuffered(maxBufferedDiffs) {
    CW_ASSERT(pricePrecision >= 0 && pricePrecision <= 18);
    CW_ASSERT(quantityPrecision >= 0 && quantityPrecision <= 18);
    CW_ASSERT(maxBufferedDiffs >= 1);
}

void BinanceOrderBook::reset() {
    discard();
    m_buffer.clear();
}

void BinanceOrderBook::discard() {
    m_state = State::NeedsSnapshot;
    m_lastUpdateId = 0;
    m_bids.clear();
    m_asks.clear();
}

bool BinanceOrderBook::toRaw(const BinanceBookLevel& level, std::int64_t& price,
                             std::int64_t& quantity) const {
    auto p = level.price.rescaled(m_pricePrecision);
    auto q = level.quantity.rescaled(m_quantityPrecision);
    if (!p || !q || !p->isPositive() || q->isNegative())
        return false;
    price = p->raw();
    quantity = q->raw();
    return true;
}

bool BinanceOrderBook::setLevels(std::map<std::int64_t, std::int64_t, std::greater<>>* bids,
                                 std::map<std::int64_t, std::int64_t>* asks,
                                 const std::vector<BinanceBookLevel>& bidLevels,
                                 const std::vector<BinanceBookLevel>& askLevels) {
    // Checked in full before anything changes, so a bad level leaves the book as it was.
    std::int64_t price = 0;
    std::int64_t quantity = 0;
    for (const auto& level : bidLevels)
        if (!toRaw(level, price, quantity))
            return false;
    for (const auto& level : askLevels)
        if (!toRaw(level, price, quantity))
            return false;
    for (const auto& level : bidLevels) {
        toRaw(level, price, quantity);
        if (quantity == 0)
            bids->erase(price);
        else
            (*bids)[price] = quantity;
    }
    for (const auto& level : askLevels) {
        toRaw(level, price, quantity);
        if (quantity == 0)
            asks->erase(price);
        else
            (*asks)[price] = quantity;
    }
    return true;
}

BinanceBookOutcome BinanceOrderBook::applyInSequence(const BinanceDepthUpdate& diff) {
    if (diff.finalUpdateId <= m_lastUpdateId)
        return BinanceBookOutcome::Stale;
    if (diff.firstUpdateId > m_lastUpdateId + 1) {
        discard();
        m_buffer.push_back(diff);
        return BinanceBookOutcome::GapDetected;
    }
    if (!setLevels(&m_bids, &m_asks, diff.bids, diff.asks)) {
        // The venue's book has changed in a way this one cannot follow.
        discard();
        return BinanceBookOutcome::Rejected;
    }
    m_lastUpdateId = diff.finalUpdateId;
    return BinanceBookOutcome::Applied;
}

BinanceBookOutcome BinanceOrderBook::applyDiff(const BinanceDepthUpdate& diff) {
    if (diff.instrument != m_instrument || diff.finalUpdateId < diff.firstUpdateId)
        return BinanceBookOutcome::Rejected;
    if (m_state == State::Synced)
        return applyInSequence(diff);
    if (m_buffer.size() >= m_maxBuffered)
        m_buffer.pop_front();
    m_buffer.push_back(diff);
    return BinanceBookOutcome::Buffered;
}

BinanceBookOutcome BinanceOrderBook::applySnapshot(const BinanceDepthSnapshot& snapshot) {
    if (snapshot.partial || (!snapshot.instrument.isEmpty() && snapshot.instrument != m_instrument))
        return BinanceBookOutcome::Rejected;
    if (!m_buffer.empty() && snapshot.lastUpdateId + 1 < m_buffer.front().firstUpdateId)
        return BinanceBookOutcome::SnapshotTooOld;
    std::map<std::int64_t, std::int64_t, std::greater<>> bids;
    std::map<std::int64_t, std::int64_t> asks;
    if (!setLevels(&bids, &asks, snapshot.bids, snapshot.asks))
        return BinanceBookOutcome::Rejected;
    m_bids = std::move(bids);
    m_asks = std::move(asks);
    m_lastUpdateId = snapshot.lastUpdateId;
    m_state = State::Synced;

    std::deque<BinanceDepthUpdate> pending;
    pending.swap(m_buffer);
    while (!pending.empty()) {
        BinanceDepthUpdate diff = std::move(pending.front());
        pending.pop_front();
        const auto outcome = applyInSequence(diff);
        if (outcome == BinanceBookOutcome::GapDetected || outcome == BinanceBookOutcome::Rejected) {
            // The diffs after the failing one start the next buffer.
            for (auto& rest : pending)
                m_buffer.push_back(std::move(rest));
            while (m_buffer.size() > m_maxBuffered)
                m_buffer.pop_front();
            return outcome == BinanceBookOutcome::GapDetected ? outcome
                                                              : BinanceBookOutcome::Rejected;
        }
    }
    return BinanceBookOutcome::SnapshotApplied;
}

std::vector<BinanceBookLevel> BinanceOrderBook::bids(std::size_t depth) const {
    std::vector<BinanceBookLevel> out;
    if (m_state != State::Synced)
        return out;
    for (const auto& [price, quantity] : m_bids) {
        if (depth != 0 && out.size() >= depth)
            break;
        out.push_back({Price::fromRaw(price, m_pricePrecision),
                       Quantity::fromRaw(quantity, m_quantityPrecision)});
    }
    return out;
}

std::vector<BinanceBookLevel> BinanceOrderBook::asks(std::size_t depth) const {
    std::vector<BinanceBookLevel> out;
    if (m_state != State::Synced)
        return out;
    for (const auto& [price, quantity] : m_asks) {
        if (depth != 0 && out.size() >= depth)
            break;
        out.push_back({Price::fromRaw(price, m_pricePrecision),
                       Quantity::fromRaw(quantity, m_quantityPrecision)});
    }
    return out;
}

std::optional<Quote> BinanceOrderBook::topOfBook(TimestampNs time) const {
    if (m_state != State::Synced || m_bids.empty() || m_asks.empty())
        return std::nullopt;
    const auto& [bidPrice, bidQuantity] = *m_bids.begin();
    const auto& [askPrice, askQuantity] = *m_asks.begin();
    return Quote{time, Price::fromRaw(bidPrice, m_pricePrecision),
                 Quantity::fromRaw(bidQuantity, m_quantityPrecision),
                 Price::fromRaw(askPrice, m_pricePrecision),
                 Quantity::fromRaw(askQuantity, m_quantityPrecision)};
}

} // namespace cw::adapters::binance
