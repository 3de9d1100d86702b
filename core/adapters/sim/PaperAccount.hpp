// SPDX-License-Identifier: MIT
#pragma once

#include "core/adapters/ExecutionEvents.hpp"
#include "core/adapters/sim/PaperAccountState.hpp"
#include "core/adapters/sim/PaperBrokerConfig.hpp"
#include "core/common/Result.hpp"
#include "core/domain/Instrument.hpp"

#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace cw::adapters::sim {

/// The money side of the paper broker: cash balances per currency, positions with their cost,
/// fees and the margin model. Exact throughout (Decimal/Money); no orders here (the matching
/// engine passes in what its working orders hold).
///
/// Two kinds of instruments (docs/simulated-exchange.md, "Paper broker"):
/// - crypto spot (AssetClass::Crypto): buying pays the quote currency, selling needs the base
///   currency; no shorting, no margin;
/// - everything else that is quoted in USD: a margin account in USD. A fill changes the
///   position; realized P&L and fees settle in the USD balance. Margin is notional / leverage
///   (forex 30, CFDs and commodities 20, equities 4 by default) or a fixed amount per
///   futures contract.
///
/// Thread: not thread-safe; one owner (the matching engine).
class PaperAccount {
public:
    /// Precondition: config.validate() succeeded; every instrument is valid.
    PaperAccount(PaperBrokerConfig config, std::vector<Instrument> instruments);

    /// The currency of the margin account (USD).
    static Currency marginCurrency();

    const Instrument& instrument(std::size_t index) const { return m_instruments[index]; }
    std::size_t instrumentCount() const { return m_instruments.size(); }
    const PaperBrokerConfig& config() const { return m_config; }

    /// True for crypto spot instruments (cash), false for margin instruments.
    bool isSpot(std::size_t index) const;
    /// Empty when the broker can trade the instrument, otherwise why not (a spot pair without
    /// a base currency, a margin instrument not quoted in USD, an asset class it has no
    /// margin rule for).
    std::string whyNotTradable(std::size_t index) const;

    /// The fee of one fill: notional x rate / 10,000, rounded up (toward +infinity) to the
    /// instrument's price precision, in its quote currency. Errors: Overflow.
    Result<Money> fee(std::size_t index, Liquidity liquidity, const Quantity& quantity,
                      const Price& price) const;
    /// The margin `quantity` (unsigned) needs at `price`, in USD: the notional divided by the
    /// leverage, rounded up at the notional's precision, or quantity x the futures margin per
    /// contract. Zero for spot instruments. Errors: Overflow.
    Result<Money> margin(std::size_t index, const Quantity& quantity, const Price& price) const;
    /// The part of an order of `quantity` on `side` that would increase the absolute position
    /// (what needs margin); the rest closes the current position.
    Quantity exposureIncrease(std::size_t index, Side side, const Quantity& quantity) const;

    /// Total balance of one currency (zero when never seen).
    Decimal balance(const Currency& currency) const;
    const PaperPosition& position(std::size_t index) const { return m_positions[index]; }

    /// Books one fill: balances (spot: quote and base; margin: realized P&L and fee in USD)
    /// and the position. Errors: Overflow (the account is left unchanged).
    Result<void> applyFill(std::size_t index, Side side, const Quantity& quantity,
                           const Price& price, const Money& fee);

    /// Unrealized P&L of one position at `mark`, in its quote currency.
    Money unrealized(std::size_t index, const Price& mark) const;
    /// Margin held by the open positions at the marks (USD).
    Money positionMargin(const std::vector<Price>& marks) const;
    /// USD balance plus the unrealized P&L of the margin positions.
    Money equity(const std::vector<Price>& marks) const;

    /// The position as the venue reports it; the average price is cost / quantity rounded
    /// half-even to the price precision + 2 decimals (at most 18).
    PositionReport positionReport(std::size_t index, TimestampNs time) const;
    /// The account: every currency's balance with `lockedCash` (what working orders hold)
    /// locked; the USD line also locks the position margin and `orderMargin`. Equity, margin
    /// used and available are those of the USD margin account.
    AccountReport report(const std::map<Currency, Decimal>& lockedCash, const Money& orderMargin,
                         const std::vector<Price>& marks, TimestampNs time) const;

    /// Restores balances and positions (from an account file) / writes them out.
    void restore(const PaperAccountState& state);
    void save(PaperAccountState& state) const;

private:
    PaperBrokerConfig m_config;
    std::vector<Instrument> m_instruments;
    std::map<Currency, Decimal> m_balances;
    std::vector<PaperPosition> m_positions;
};

} // namespace cw::adapters::sim
