// SPDX-License-Identifier: MIT
#pragma once

#include "core/common/Result.hpp"
#include "core/domain/AssetClass.hpp"
#include "core/domain/Currency.hpp"
#include "core/domain/Decimal.hpp"

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace cw::adapters::sim {

/// Maker and taker fee rates in basis points of the notional (2 = 0.02 %). A negative rate is
/// a rebate.
struct PaperFeeRates {
    Decimal makerBps;
    Decimal takerBps;
};

/// The paper broker of the simulated exchange: starting balances, fees, margin and where the
/// account is kept between runs. See docs/simulated-exchange.md, "Paper broker".
///
/// Thread: a plain value.
struct PaperBrokerConfig {
    static constexpr int kMaxLeverage = 1000;
    static constexpr int kMaxBookLevels = 100;

    /// Balances of a new account (ignored when `accountFile` exists): 100,000 USDT and
    /// 100,000 USD by default; every other currency starts at zero.
    std::map<Currency, Decimal> initialBalances = defaultBalances();
    /// Fee rates by asset class; classes not listed use `defaultFees`.
    std::map<AssetClass, PaperFeeRates> fees = defaultFeeTable();
    PaperFeeRates defaultFees = {Decimal::fromRaw(0, 0), Decimal::fromRaw(1, 0)};
    int forexLeverage = 30;                                     ///< margin = notional / 30
    int cfdLeverage = 20;                                       ///< CFDs and commodities (gold)
    int equityLeverage = 4;                                     ///< shares
    Decimal futureMarginPerContract = Decimal::fromRaw(500, 0); ///< USD per contract
    int bookLevels = 10;     ///< synthetic depth: levels per side, the touch included
    std::string accountFile; ///< empty: the account lives in memory only

    /// The fee rates that apply to an instrument of `assetClass`.
    PaperFeeRates feesFor(AssetClass assetClass) const;

    /// InvalidArgument naming the first problem: a negative balance, a fee rate outside
    /// -100..1000 bps, a leverage outside 1..kMaxLeverage, a non-positive futures margin or
    /// book levels outside 1..kMaxBookLevels.
    Result<void> validate() const;

    /// Applies one text setting when `key` belongs to the paper broker and returns true;
    /// returns false for keys it does not know (so the caller can try its own).
    /// Keys: "balance.<CCY>" (decimal >= 0), "makerFeeBps"/"takerFeeBps" (every asset class),
    /// "<class>MakerFeeBps"/"<class>TakerFeeBps" with class crypto, forex, cfd, equity or
    /// future (wins over the plain key), "forexLeverage", "cfdLeverage", "equityLeverage"
    /// (integers), "futureMarginPerContract" (decimal USD), "bookLevels", "accountFile".
    /// InvalidArgument for a value that does not parse.
    Result<bool> applySetting(std::string_view key, std::string_view value);

    static std::map<Currency, Decimal> defaultBalances();
    static std::map<AssetClass, PaperFeeRates> defaultFeeTable();

private:
    std::optional<Decimal> m_allMakerBps;
    std::optional<Decimal> m_allTakerBps;
    std::map<AssetClass, Decimal> m_makerOverrides;
    std::map<AssetClass, Decimal> m_takerOverrides;
};

} // namespace cw::adapters::sim
