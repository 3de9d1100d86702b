// SPDX-License-Identifier: MIT
#pragma once

#include "core/adapters/ExecutionEvents.hpp"
#include "core/adapters/InstrumentKey.hpp"
#include "core/common/Result.hpp"
#include "core/domain/Currency.hpp"
#include "core/domain/Instrument.hpp"
#include "core/domain/Money.hpp"
#include "core/domain/Price.hpp"
#include "core/domain/Quantity.hpp"
#include "core/orders/Position.hpp"
#include "core/orders/WideDecimal.hpp"

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cw::orders {

/// Positions and P&L per account and instrument, from fills, exactly: quantities, cost and
/// P&L are kept as WideDecimal sums of exact quantity x price products and only turned into
/// Money and Price for output.
///
/// - A fill in the position's direction (or from flat) adds quantity x price to the cost.
/// - A fill against it closes min(|fill|, |position|): the closed part's share of the cost,
///   cost x closed / position rounded half to even at the cost's own precision (the
///   quantity x price precision), leaves the cost and realized P&L gets closed x price minus
///   that share. Closing the whole position removes the whole cost, so over a round trip the
///   realized P&L is exactly the cash flow; rounding only moves a fraction of the last digit
///   between partial closes.
/// - The rest of a fill larger than the position opens the other side at the fill price
///   (a flip through zero in one fill).
/// - Fees accumulate per currency apart from realized P&L; net realized P&L = realized minus
///   the fees paid in the quote currency (fees in other currencies, e.g. BNB, are listed
///   separately, never converted).
/// - Unrealized P&L at a mark = quantity x mark - cost.
///
/// Fills are not deduplicated here: the OrderManager does that (forward only OrderChanges
/// that carry a fill). An empty account means the venue's default account.
///
/// Thread: engine thread only; not thread-safe. No I/O.
class PositionTracker {
public:
    static constexpr int kAveragePriceExtraDecimals = 4;

    /// Per-currency sums over one account's positions.
    struct CurrencyTotals {
        Currency currency;
        Money realizedPnl;
        Money fees; ///< paid in this currency
        Money netRealizedPnl;
        Money unrealizedPnl; ///< positions with a mark only
        Money totalPnl;      ///< netRealizedPnl + unrealizedPnl
    };

    /// Registers an instrument so its positions are expressed in its quote currency.
    /// InvalidArgument when its venue or symbol does not make an InstrumentKey.
    Result<void> setInstrument(const Instrument& instrument);

    /// Applies one fill to (account, fill.instrument). InvalidArgument for an empty
    /// instrument, a side that is not Buy or Sell, or a quantity that is not positive;
    /// Overflow / OutOfRange when the sums leave 128 bits or 36 decimals. On error nothing
    /// changes.
    Result<void> applyFill(std::string_view account, const adapters::OrderFilled& fill);

    /// Reconciliation: the venue's position wins. Sets the signed quantity and cost
    /// (quantity x averagePrice) and keeps realized P&L and fees. Returns nothing else; the
    /// caller records the difference.
    Result<void> setPosition(std::string_view account, const adapters::InstrumentKey& instrument,
                             const Quantity& quantity, const Price& averagePrice);

    /// The mark used for unrealized P&L of every account's position in `instrument`.
    void updateMark(const adapters::InstrumentKey& instrument, const Price& mark);

    /// The position, NotFound when this (account, instrument) never had a fill or a
    /// setPosition; Overflow when an amount does not fit Money (beyond int64).
    Result<Position> position(std::string_view account,
                              const adapters::InstrumentKey& instrument) const;
    /// Every position (flat ones included), ordered by account then instrument.
    Result<std::vector<Position>> positions() const;
    /// The signed quantity, zero when unknown.
    Quantity quantity(std::string_view account, const adapters::InstrumentKey& instrument) const;
    /// Unrealized P&L of one position at `mark` (not stored). NotFound as `position`.
    Result<Money> unrealizedPnl(std::string_view account, const adapters::InstrumentKey& instrument,
                                const Price& mark) const;
    /// Sums over one account's positions, one entry per currency, ordered by currency.
    Result<std::vector<CurrencyTotals>> totals(std::string_view account) const;

private:
    struct Book {
        WideDecimal quantity; ///< signed
        WideDecimal cost;     ///< signed
        WideDecimal realized;
        std::vector<Money> fees;
        int pricePrecision = 0; ///< largest precision of prices seen
        std::uint64_t fillCount = 0;
        TimestampNs lastFillTime = 0;
    };
    using Key = std::pair<std::string, adapters::InstrumentKey>;

    Result<Position> makePosition(const Key& key, const Book& book) const;
    Currency currencyOf(const adapters::InstrumentKey& instrument) const;

    std::map<Key, Book> m_books;
    std::map<adapters::InstrumentKey, Currency> m_currencies;
    std::map<adapters::InstrumentKey, Price> m_marks;
};

} // namespace cw::orders
