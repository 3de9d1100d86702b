// SPDX-License-Identifier: MIT
#pragma once

#include "core/common/Result.hpp"
#include "core/domain/AssetClass.hpp"
#include "core/domain/Currency.hpp"
#include "core/domain/Money.hpp"
#include "core/domain/Price.hpp"
#include "core/domain/Quantity.hpp"
#include "core/domain/RoundingMode.hpp"

#include <string>
#include <string_view>

namespace cw {

/// A tradable (or quoted) instrument as one venue defines it, with the trading rules that
/// every order is checked against. Filled in by an adapter's instrument provider.
///
/// Thread: a plain value; safe to copy between threads.
struct Instrument {
    std::string symbol; ///< the venue's symbol: "BTCUSDT", "EURUSD", "AAPL"
    std::string venue;  ///< "BINANCE", "IB", "MT5", "SIM"
    AssetClass assetClass = AssetClass::Invalid;
    Currency baseCurrency;     ///< what is bought (BTC); for equities the share's listing
    Currency quoteCurrency;    ///< what prices and notionals are in (USDT, USD)
    int pricePrecision = 0;    ///< decimals of prices on this venue, 0..18
    int quantityPrecision = 0; ///< decimals of quantities on this venue, 0..18
    Price tickSize;            ///< smallest price increment, > 0
    Quantity lotSize;          ///< smallest quantity increment, > 0
    Money minNotional;         ///< smallest quantity x price accepted; zero means no minimum

    /// Checks the definition itself: non-empty symbol and venue, an asset class, a quote
    /// currency, precisions in 0..18, positive tick and lot sizes that fit those precisions,
    /// and a non-negative minimum notional in the quote currency. InvalidArgument with the
    /// first problem found.
    Result<void> validate() const;

    /// Exact parse of a venue price or quantity string at this instrument's precision.
    Result<Price> parsePrice(std::string_view text) const;
    Result<Quantity> parseQuantity(std::string_view text) const;

    /// True when `price` is an exact multiple of the tick size.
    bool isPriceOnTick(const Price& price) const { return price.isMultipleOf(tickSize); }
    /// True when `quantity` is an exact multiple of the lot size.
    bool isQuantityOnLot(const Quantity& quantity) const { return quantity.isMultipleOf(lotSize); }
    /// The nearest valid price under `mode` (at the tick's precision).
    Result<Price> roundPriceToTick(const Price& price, RoundingMode mode) const {
        return price.roundToTick(tickSize, mode);
    }
    /// The nearest valid quantity under `mode`; TowardZero never exceeds what was asked.
    Result<Quantity> roundQuantityToLot(const Quantity& quantity, RoundingMode mode) const {
        return quantity.roundToTick(lotSize, mode);
    }

    /// quantity x price, exactly, in the quote currency (see Money::notional).
    Result<Money> notional(const Quantity& quantity, const Price& price) const {
        return Money::notional(quantity, price, quoteCurrency);
    }
    /// True when quantity x price >= minNotional (always when there is no minimum). Exact,
    /// even when the full product would not fit a Money.
    bool meetsMinNotional(const Quantity& quantity, const Price& price) const;
};

} // namespace cw
