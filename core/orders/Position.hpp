// SPDX-License-Identifier: MIT
#pragma once

#include "core/adapters/InstrumentKey.hpp"
#include "core/domain/Currency.hpp"
#include "core/domain/Money.hpp"
#include "core/domain/Price.hpp"
#include "core/domain/Quantity.hpp"
#include "core/domain/Timestamp.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cw::orders {

/// One position (account + instrument) as the PositionTracker computed it. Amounts are in
/// `currency`, the instrument's quote currency (empty when the instrument was never
/// registered with PositionTracker::setInstrument). See docs/orders.md for the maths.
///
/// Thread: a plain value; safe to copy between threads.
struct Position {
    std::string account; ///< empty = the venue's default account
    adapters::InstrumentKey instrument;
    Currency currency;
    Quantity quantity; ///< signed: > 0 long, < 0 short, 0 flat
    /// Average entry price of the open quantity: costBasis / quantity rounded half to even at
    /// the fill prices' precision plus PositionTracker::kAveragePriceExtraDecimals (at most
    /// 18). Zero when flat. For display: P&L uses the exact costBasis.
    Price averagePrice;
    Money costBasis;   ///< exact sum of signed quantity x entry price of the open quantity
    Money realizedPnl; ///< closed quantity's P&L, before fees
    /// Fees of every fill, one entry per currency (positive = paid, negative = rebate).
    std::vector<Money> fees;
    Money netRealizedPnl;           ///< realizedPnl minus the fees paid in `currency`
    std::optional<Price> markPrice; ///< the last mark (PositionTracker::updateMark)
    Money unrealizedPnl;            ///< quantity x markPrice - costBasis; zero without a mark
    std::uint64_t fillCount = 0;
    TimestampNs lastFillTime = 0;
};

} // namespace cw::orders
