// SPDX-License-Identifier: MIT
#pragma once

#include "core/common/Result.hpp"
#include "core/domain/Currency.hpp"
#include "core/domain/Decimal.hpp"
#include "core/domain/Timestamp.hpp"
#include "core/exchangesim/ExchangeSymbol.hpp"

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace cw::exchangesim {

/// One API key of the exchange and the account it trades.
struct ApiKey {
    std::string key;    ///< sent in X-MBX-APIKEY
    std::string secret; ///< HMAC-SHA256 key of request signatures
};

/// Everything that shapes a candlewick-exchange-sim run. See docs/exchange-sim.md.
///
/// Thread: a plain value.
struct ExchangeSimConfig {
    /// The demo key pair used when none is given (printed at start).
    static constexpr const char* kDemoApiKey = "candlewick-demo-key";
    static constexpr const char* kDemoApiSecret = "candlewick-demo-secret";

    std::uint16_t port = 0; ///< 0: any free port (the server reports the one it got)
    std::vector<ApiKey> apiKeys = {{kDemoApiKey, kDemoApiSecret}};
    std::vector<ExchangeSymbol> symbols = ExchangeSymbol::builtIn();
    /// Balances every account starts with.
    std::map<Currency, Decimal> startingBalances = defaultBalances();
    /// Maker and taker fee, basis points (10 = 0.1 %, the venue's base rate).
    int makerFeeBps = 10;
    int takerFeeBps = 10;

    // The market (the simulated exchange's price process).
    std::uint64_t seed = 20240601;
    double speed = 1.0;    ///< simulated seconds per wall-clock second, 0.1 .. 1000
    int historyDays = 30;  ///< days of 1-minute history before the start, 0 .. 3650
    int driverStepMs = 20; ///< how often the market is advanced to the clock
    int bookLevels = 20;   ///< depth levels per side, 1 .. 100

    // Limits (the venue's defaults; tests make them small).
    int requestWeightPerMinute = 6000;
    int banAfterRefusals = 10; ///< the n-th refused request in a row is an IP ban (418)
    std::int64_t banMs = 120'000;
    int ordersPer10s = 100;
    int ordersPerDay = 200'000;
    int recvWindowMaxMs = 60'000;

    // WebSocket streams.
    int pingIntervalMs = 20'000;
    int klineIntervalMs = 2000;

    // HTTP.
    std::size_t maxHeadBytes = 16 * 1024;
    std::size_t maxBodyBytes = 1024 * 1024;

    /// Optional folder for state kept between runs (account balances). Empty: memory only.
    std::string dataDir;

    /// The server's wall clock in ms since the epoch (serverTime, timestamp/recvWindow
    /// checks, rate-limit windows). Empty: the system clock. Tests inject their own.
    std::function<std::int64_t()> clockMs;

    /// InvalidArgument naming the first problem: no API keys, an empty or duplicate key,
    /// an empty secret, no symbols, an out-of-range speed, history, step, levels, limit or
    /// interval, a negative balance.
    Result<void> validate() const;

    /// 100,000 USDT, 1 BTC, 10 ETH, 100 BNB.
    static std::map<Currency, Decimal> defaultBalances();
};

} // namespace cw::exchangesim
