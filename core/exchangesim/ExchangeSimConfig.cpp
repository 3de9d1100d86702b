// SPDX-License-Identifier: MIT
#include "core/exchangesim/ExchangeSimConfig.hpp"

#include <cmath>
#include <set>

namespace cw::exchangesim {

std::map<Currency, Decimal> ExchangeSimConfig::defaultBalances() {
    return {{*Currency::parse("USDT"), Decimal::fromRaw(100'000, 0)},
            {*Currency::parse("BTC"), Decimal::fromRaw(1, 0)},
            {*Currency::parse("ETH"), Decimal::fromRaw(10, 0)},
            {*Currency::parse("BNB"), Decimal::fromRaw(100, 0)}};
}

Result<void> ExchangeSimConfig::validate() const {
    auto invalid = [](std::string why) { return fail(ErrorCode::InvalidArgument, std::move(why)); };
    if (apiKeys.empty())
        return invalid("at least one API key is needed");
    std::set<std::string> keys;
    for (const ApiKey& k : apiKeys) {
        if (k.key.empty() || k.key.size() > 128)
            return invalid("an API key must be 1..128 characters");
        if (k.secret.empty())
            return invalid("the secret of API key '" + k.key + "' is empty");
        if (!keys.insert(k.key).second)
            return invalid("API key '" + k.key + "' is listed twice");
    }
    if (symbols.empty())
        return invalid("no symbols");
    std::set<std::string> names;
    for (const ExchangeSymbol& s : symbols) {
        if (!names.insert(s.symbol).second)
            return invalid("symbol '" + s.symbol + "' is listed twice");
        if (auto valid = s.spec.validate(); !valid)
            return valid.error();
    }
    if (!std::isfinite(speed) || speed < 0.1 || speed > 1000.0)
        return invalid("speed must be in 0.1 .. 1000");
    if (historyDays < 0 || historyDays > 3650)
        return invalid("history days must be in 0 .. 3650");
    if (driverStepMs < 1 || driverStepMs > 1000)
        return invalid("driver step must be in 1 .. 1000 ms");
    if (bookLevels < 1 || bookLevels > 100)
        return invalid("book levels must be in 1 .. 100");
    if (requestWeightPerMinute < 1 || banAfterRefusals < 0 || banMs < 0)
        return invalid("request weight limit must be >= 1, ban settings >= 0");
    if (ordersPer10s < 1 || ordersPerDay < 1)
        return invalid("order count limits must be >= 1");
    if (recvWindowMaxMs < 1)
        return invalid("maximum recvWindow must be >= 1 ms");
    if (pingIntervalMs < 10 || klineIntervalMs < 10)
        return invalid("ping and kline intervals must be >= 10 ms");
    if (makerFeeBps < -100 || makerFeeBps > 1000 || takerFeeBps < -100 || takerFeeBps > 1000)
        return invalid("fees must be in -100 .. 1000 bps");
    for (const auto& [currency, amount] : startingBalances)
        if (amount.isNegative())
            return invalid("starting balance of " + currency.toString() + " is negative");
    return {};
}

} // namespace cw::exchangesim
