// SPDX-License-Identifier: MIT
#pragma once

#include "core/adapters/binance/BinanceMessages.hpp"
#include "core/adapters/binance/BinanceParseStats.hpp"
#include "core/adapters/binance/BinanceSymbolTable.hpp"
#include "core/common/Result.hpp"
#include "core/domain/Timestamp.hpp"

#include <memory>
#include <string_view>

namespace cw::adapters::binance {

/// Parses the text frames of Binance's market-data WebSocket streams into values
/// (docs/binance.md, "Parsers"): raw connections (`/ws/<stream>`, bare payloads) and
/// combined ones (`/stream?streams=...`, `{"stream":"<name>","data":<payload>}`).
///
/// | payload                       | result                                   |
/// |-------------------------------|------------------------------------------|
/// | `trade`, `aggTrade`           | TradeReceived (aggressor from `m`; tradeId is the trade or
/// aggregate id) | | `kline`                       | BinanceKlineUpdate (forming or closed bar) |
/// | `bookTicker` (no `e`)         | QuoteReceived (quote.time = receivedTime: the payload has no
/// time) | | `depthUpdate`                 | BinanceDepthUpdate                        | | partial
/// depth (`@depthN`)     | BinanceDepthSnapshot with partial = true  | | `serverShutdown` |
/// BinanceServerShutdown                     | | `{"result":..,"id":..}`       |
/// BinanceControlReply                       | | `{"code":..,"msg":..}`        | BinanceVenueError
/// |
///
/// Prices and quantities are parsed exactly from the venue's strings at the precisions of
/// the symbol's BinanceSymbolTable entry (never through double); a symbol missing from the
/// table is UnknownSymbol. Prices and trade sizes must be positive.
///
/// Every failure is an Error whose message starts with its BinanceParseErrorKind in
/// brackets; the kind is also `lastErrorKind()` and counted in `stats()`. Malformed,
/// truncated or unexpected input never crashes and never yields a partial value.
///
/// Uses one simdjson On-Demand parser and one padded buffer, reused: a trade or quote
/// allocates nothing once the buffer has grown. Thread: one owner thread (the adapter's
/// I/O thread); `symbols` must outlive the parser, not change while it parses, and never
/// lose an entry (the parser remembers the last symbol it looked up).
class BinanceMarketDataParser {
public:
    struct Options {
        /// The connection was opened with `timeUnit=MICROSECOND`.
        bool microsecondTimestamps = false;
    };

    explicit BinanceMarketDataParser(const BinanceSymbolTable& symbols);
    BinanceMarketDataParser(const BinanceSymbolTable& symbols, Options options);
    ~BinanceMarketDataParser();
    BinanceMarketDataParser(const BinanceMarketDataParser&) = delete;
    BinanceMarketDataParser& operator=(const BinanceMarketDataParser&) = delete;

    /// One frame. `receivedTime` is stamped on trades, quotes and klines. `rawStreamName`
    /// ("btcusdt@depth5") names the stream of a raw connection: partial depth payloads do
    /// not name their symbol, so they need it (combined frames carry their stream name).
    Result<BinanceMarketDataMessage> parse(std::string_view frame, TimestampNs receivedTime,
                                           std::string_view rawStreamName = {});

    const BinanceParseStats& stats() const;
    /// The kind of the last failure (Invalid after a success).
    BinanceParseErrorKind lastErrorKind() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace cw::adapters::binance
