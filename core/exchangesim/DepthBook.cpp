// SPDX-License-Identifier: MIT
#include "core/exchangesim/DepthBook.hpp"

#include <map>

namespace cw::exchangesim {

DepthBook::DepthBook(Price tickSize, int levels, std::int64_t firstUpdateId)
    : m_tickSize(tickSize), m_levels(levels), m_updateId(firstUpdateId) {}

std::vector<DepthBook::Level> DepthBook::levelsFrom(const Quote& quote, const Price& tickSize,
                                                    int levels, Side side) {
    std::vector<Level> out;
    Price spread = quote.askPrice.subtract(quote.bidPrice).valueOr(tickSize);
    if (spread < tickSize)
        spread = tickSize;
    const bool asks = side == Side::Sell;
    Price price = asks ? quote.askPrice : quote.bidPrice;
    const Quantity touch = asks ? quote.askSize : quote.bidSize;
    if (!touch.isPositive())
        return out;
    Quantity size = touch;
    for (int k = 0; k < levels; ++k) {
        if (!price.isPositive())
            break;
        out.push_back(Level{price, size});
        auto nextPrice = asks ? price.add(spread) : price.subtract(spread);
        auto nextSize = size.add(touch);
        if (!nextPrice || !nextSize)
            break;
        price = *nextPrice;
        size = *nextSize;
    }
    return out;
}

bool DepthBook::update(const Quote& quote) {
    std::vector<Level> bids = levelsFrom(quote, m_tickSize, m_levels, Side::Buy);
    std::vector<Level> asks = levelsFrom(quote, m_tickSize, m_levels, Side::Sell);
    m_changes.clear();
    auto diff = [this](Side side, const std::vector<Level>& before,
                       const std::vector<Level>& after) {
        std::map<Price, Quantity> old;
        for (const Level& level : before)
            old.emplace(level.price, level.quantity);
        for (const Level& level : after) {
            auto it = old.find(level.price);
            if (it == old.end() || it->second != level.quantity)
                m_changes.push_back(Change{side, level.price});
            if (it != old.end())
                old.erase(it);
        }
        for (const auto& [price, quantity] : old)
            m_changes.push_back(Change{side, price});
    };
    diff(Side::Buy, m_bids, bids);
    diff(Side::Sell, m_asks, asks);
    m_bids = std::move(bids);
    m_asks = std::move(asks);
    if (m_changes.empty())
        return false;
    ++m_updateId;
    return true;
}

Quantity DepthBook::quantityAt(Side side, const Price& price) const {
    for (const Level& level : side == Side::Buy ? m_bids : m_asks)
        if (level.price == price)
            return level.quantity;
    return Quantity();
}

} // namespace cw::exchangesim
