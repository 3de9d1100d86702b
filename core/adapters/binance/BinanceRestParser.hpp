// SPDX-License-Identifier: MIT
#pragma once

#include "core/adapters/ExecutionEvents.hpp"
#include "core/adapters/binance/BinanceMessages.hpp"
#include "core/adapters/binance/BinanceParseStats.hpp"
#include "core/adapters/binance/BinanceSymbolTable.hpp"
#include "core/common/Result.hpp"
#include "core/domain/Bar.hpp"
#include "core/domain/Timeframe.hpp"

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

namespace cw::adapters::binance {

/// Parses Binance REST reply bodies (the same JSON is the `result` of WebSocket API
/// replies) into values (docs/binance.md, "Parsers"). Decimals are parsed exactly from the
/// venue's strings at the symbol's precisions, never through double; unknown keys are
/// ignored, conditional keys may be absent. Every failure is an Error whose message starts
/// with its BinanceParseErrorKind in brackets, also `lastErrorKind()` and counted in
/// `stats()`.
///
/// Thread: one owner thread (one reused simdjson parser).
class BinanceRestParser {
public:
    struct Options {
        /// Replies use µs times (header X-MBX-TIME-UNIT: MICROSECOND was sent).
        bool microsecondTimestamps = false;
        /// exchangeInfo: keep symbols whose status is not TRADING (HALT, BREAK...).
        bool includeNonTrading = false;
    };

    BinanceRestParser();
    explicit BinanceRestParser(Options options);
    ~BinanceRestParser();
    BinanceRestParser(const BinanceRestParser&) = delete;
    BinanceRestParser& operator=(const BinanceRestParser&) = delete;

    /// GET /api/v3/time -> serverTime in ms.
    Result<std::int64_t> parseServerTime(std::string_view body);

    /// GET /api/v3/exchangeInfo -> instruments of venue BINANCE: precisions from the
    /// PRICE_FILTER tickSize and LOT_SIZE stepSize (their significant decimals; the asset
    /// precisions when a filter is absent or disabled), minNotional from NOTIONAL or the
    /// legacy MIN_NOTIONAL (zero when neither). Symbols that are not TRADING (unless
    /// Options::includeNonTrading), have asset codes Currency rejects, or fail
    /// Instrument::validate are listed in `skipped`, not failures.
    Result<BinanceExchangeInfo> parseExchangeInfo(std::string_view body);

    /// GET /api/v3/klines of `symbol` at `timeframe`: bars oldest first. Open times must be
    /// UTC bucket starts of `timeframe` and strictly increasing; bars must be consistent.
    Result<std::vector<Bar>> parseKlines(std::string_view body, const BinanceSymbolInfo& symbol,
                                         const Timeframe& timeframe);

    /// GET /api/v3/depth of `symbol` -> a full snapshot (partial = false).
    Result<BinanceDepthSnapshot> parseDepth(std::string_view body, const BinanceSymbolInfo& symbol);

    /// GET /api/v3/account -> balances (total = free + locked, each at the precision the
    /// venue wrote), venueTime = updateTime, account = uid. Equity and margin stay zero:
    /// a spot account reports no valuation.
    Result<AccountReport> parseAccount(std::string_view body);

    /// One order: POST /api/v3/order (ACK, RESULT or FULL), DELETE /api/v3/order, GET
    /// /api/v3/order. The symbol must be in `symbols`.
    Result<BinanceOrder> parseOrder(std::string_view body, const BinanceSymbolTable& symbols);
    /// An array of orders: GET /api/v3/openOrders, GET /api/v3/allOrders,
    /// DELETE /api/v3/openOrders (plain orders only).
    Result<std::vector<BinanceOrder>> parseOrders(std::string_view body,
                                                  const BinanceSymbolTable& symbols);

    /// GET /api/v3/myTrades -> fills. The reply names the order by venue id only, so
    /// `clientOrderId` is empty and cumulative/leaves quantities are zero (unknown): the
    /// reconciler matches them by venueOrderId.
    Result<std::vector<OrderFilled>> parseMyTrades(std::string_view body,
                                                   const BinanceSymbolTable& symbols);

    /// An error body `{"code":-1121,"msg":"Invalid symbol."}` of an answer with
    /// `httpStatus`.
    Result<BinanceVenueError> parseError(std::string_view body, int httpStatus);

    const BinanceParseStats& stats() const;
    BinanceParseErrorKind lastErrorKind() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace cw::adapters::binance
