// SPDX-License-Identifier: MIT
#include "core/adapters/sim/PaperBrokerConfig.hpp"

#include <array>
#include <charconv>
#include <utility>

namespace cw::adapters::sim {

namespace {

struct ClassName {
    std::string_view prefix;
    AssetClass assetClass;
};

constexpr std::array<ClassName, 5> kClassNames = {{
    {"crypto", AssetClass::Crypto},
    {"forex", AssetClass::Forex},
    {"cfd", AssetClass::Cfd},
    {"equity", AssetClass::Equity},
    {"future", AssetClass::Future},
}};

Error badValue(std::string_view key, std::string_view value, std::string_view expected) {
    return fail(ErrorCode::InvalidArgument, "sim setting '" + std::string(key) + "' = '" +
                                                std::string(value) + "' is not " +
                                                std::string(expected));
}

Decimal bps(std::int64_t raw, int precision) {
    return Decimal::fromRaw(raw, precision);
}

bool parseInt(std::string_view text, int& out) {
    const char* end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), end, out);
    return !text.empty() && ec == std::errc() && ptr == end;
}

} // namespace

std::map<Currency, Decimal> PaperBrokerConfig::defaultBalances() {
    std::map<Currency, Decimal> balances;
    balances[*Currency::parse("USDT")] = Decimal::fromRaw(100'000, 0);
    balances[*Currency::parse("USD")] = Decimal::fromRaw(100'000, 0);
    return balances;
}

std::map<AssetClass, PaperFeeRates> PaperBrokerConfig::defaultFeeTable() {
    return {
        {AssetClass::Crypto, {bps(2, 0), bps(5, 0)}},
        {AssetClass::Forex, {bps(0, 0), bps(1, 0)}},
        {AssetClass::Cfd, {bps(0, 0), bps(1, 0)}},
        {AssetClass::Commodity, {bps(0, 0), bps(1, 0)}},
        {AssetClass::Equity, {bps(0, 0), bps(1, 0)}},
        {AssetClass::Future, {bps(0, 0), bps(5, 1)}},
    };
}

PaperFeeRates PaperBrokerConfig::feesFor(AssetClass assetClass) const {
    PaperFeeRates rates = defaultFees;
    if (auto it = fees.find(assetClass); it != fees.end())
        rates = it->second;
    if (m_allMakerBps)
        rates.makerBps = *m_allMakerBps;
    if (m_allTakerBps)
        rates.takerBps = *m_allTakerBps;
    if (auto it = m_makerOverrides.find(assetClass); it != m_makerOverrides.end())
        rates.makerBps = it->second;
    if (auto it = m_takerOverrides.find(assetClass); it != m_takerOverrides.end())
        rates.takerBps = it->second;
    return rates;
}

Result<void> PaperBrokerConfig::validate() const {
    for (const auto& [currency, amount] : initialBalances)
        if (amount.isNegative())
            return fail(ErrorCode::InvalidArgument, "paper balance of " + currency.toString() +
                                                        " is negative (" + amount.toString() + ")");
    const Decimal minBps = Decimal::fromRaw(-100, 0);
    const Decimal maxBps = Decimal::fromRaw(1000, 0);
    auto checkRate = [&](const Decimal& rate) { return rate >= minBps && rate <= maxBps; };
    for (const AssetClass assetClass :
         {AssetClass::Crypto, AssetClass::Forex, AssetClass::Cfd, AssetClass::Commodity,
          AssetClass::Equity, AssetClass::Future, AssetClass::Invalid}) {
        const PaperFeeRates rates = feesFor(assetClass);
        if (!checkRate(rates.makerBps) || !checkRate(rates.takerBps))
            return fail(ErrorCode::InvalidArgument,
                        "paper fee rates must be between -100 and 1000 bps (" +
                            std::string(assetClassName(assetClass)) + ": maker " +
                            rates.makerBps.toString() + ", taker " + rates.takerBps.toString() +
                            ")");
    }
    for (const int leverage : {forexLeverage, cfdLeverage, equityLeverage})
        if (leverage < 1 || leverage > kMaxLeverage)
            return fail(ErrorCode::InvalidArgument,
                        "paper leverage must be between 1 and 1000 (got " +
                            std::to_string(leverage) + ")");
    if (!futureMarginPerContract.isPositive())
        return fail(ErrorCode::InvalidArgument, "paper futures margin per contract must be > 0");
    if (bookLevels < 1 || bookLevels > kMaxBookLevels)
        return fail(ErrorCode::InvalidArgument, "paper book levels must be between 1 and 100");
    return {};
}

Result<bool> PaperBrokerConfig::applySetting(std::string_view key, std::string_view value) {
    auto parseDecimal = [&](Decimal& out) -> Result<void> {
        auto parsed = Decimal::parse(value);
        if (!parsed)
            return badValue(key, value, "a decimal number");
        out = *parsed;
        return {};
    };
    auto parseLeverage = [&](int& out) -> Result<void> {
        if (!parseInt(value, out))
            return badValue(key, value, "an integer");
        return {};
    };

    if (key.starts_with("balance.")) {
        auto currency = Currency::parse(key.substr(8));
        if (!currency)
            return fail(ErrorCode::InvalidArgument,
                        "sim setting '" + std::string(key) + "' names no currency code");
        Decimal amount;
        if (auto ok = parseDecimal(amount); !ok)
            return ok.error();
        initialBalances[*currency] = amount;
        return true;
    }
    if (key == "makerFeeBps" || key == "takerFeeBps") {
        Decimal rate;
        if (auto ok = parseDecimal(rate); !ok)
            return ok.error();
        (key == "makerFeeBps" ? m_allMakerBps : m_allTakerBps) = rate;
        return true;
    }
    for (const ClassName& name : kClassNames) {
        if (!key.starts_with(name.prefix))
            continue;
        const std::string_view rest = key.substr(name.prefix.size());
        if (rest != "MakerFeeBps" && rest != "TakerFeeBps")
            continue;
        Decimal rate;
        if (auto ok = parseDecimal(rate); !ok)
            return ok.error();
        auto& overrides = rest == "MakerFeeBps" ? m_makerOverrides : m_takerOverrides;
        overrides[name.assetClass] = rate;
        if (name.assetClass == AssetClass::Cfd) // gold and other commodities trade as CFDs here
            overrides[AssetClass::Commodity] = rate;
        return true;
    }
    if (key == "forexLeverage" || key == "cfdLeverage" || key == "equityLeverage") {
        int& target = key == "forexLeverage" ? forexLeverage
                      : key == "cfdLeverage" ? cfdLeverage
                                             : equityLeverage;
        if (auto ok = parseLeverage(target); !ok)
            return ok.error();
        return true;
    }
    if (key == "futureMarginPerContract") {
        if (auto ok = parseDecimal(futureMarginPerContract); !ok)
            return ok.error();
        return true;
    }
    if (key == "bookLevels") {
        if (!parseInt(value, bookLevels))
            return badValue(key, value, "an integer");
        return true;
    }
    if (key == "accountFile") {
        accountFile = std::string(value);
        return true;
    }
    return false;
}

} // namespace cw::adapters::sim
