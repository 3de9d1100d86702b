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

/// Parses Binance user-data events and WebSocket API frames (docs/binance.md, "Parsers").
///
/// Events come bare on a legacy listenKey stream and wrapped as
/// `{"subscriptionId":0,"event":{...}}` on the WebSocket API:
///
/// | event                      | result |
/// |----------------------------|--------|
/// | executionReport x=NEW      | OrderAccepted |
/// | x=TRADE                    | OrderFilled (tradeId = `t`, fee = `n` in `N`, leaves = q - z, 0
/// once FILLED) | | x=CANCELED                 | OrderCanceled of the original client order id
/// (`C`, else `c`), reason "requested" | | x=REJECTED                 | OrderRejected (reason from
/// `r`) | | x=EXPIRED                  | OrderCanceled "IOC remainder" / "FOK not fillable" /
/// "insufficient liquidity" / "canceled by the venue" when the time in force or `eR` says so, else
/// OrderExpired | | x=REPLACED                 | OrderReplaced (old id `C`, new id `c`) | |
/// x=TRADE_PREVENTION         | OrderCanceled "self-trade prevention" when X=EXPIRED_IN_MATCH, else
/// BinanceIgnoredEvent | | outboundAccountPosition    | AccountUpdated with the changed balances
/// only | | balanceUpdate              | BinanceBalanceDelta | | eventStreamTerminated,
/// listenKeyExpired | BinanceStreamTerminated | | listStatus, externalLockUpdate |
/// BinanceIgnoredEvent |
///
/// Errors as the other Binance parsers: kind in brackets at the start of the message,
/// `lastErrorKind()`, `stats()`. Thread: one owner thread; `symbols` must outlive it.
class BinanceUserDataParser {
public:
    struct Options {
        bool microsecondTimestamps = false;
    };

    explicit BinanceUserDataParser(const BinanceSymbolTable& symbols);
    BinanceUserDataParser(const BinanceSymbolTable& symbols, Options options);
    ~BinanceUserDataParser();
    BinanceUserDataParser(const BinanceUserDataParser&) = delete;
    BinanceUserDataParser& operator=(const BinanceUserDataParser&) = delete;

    /// One user-data event, bare or wrapped; `receivedTime` is stamped on execution events.
    Result<BinanceUserDataMessage> parseEvent(std::string_view frame, TimestampNs receivedTime);

    /// Any frame of a WebSocket API connection: a reply (`{"id":..,"status":..,"result":..}`
    /// or `"error":{..}`, with `rateLimits`) or a wrapped user-data event.
    Result<BinanceWsApiFrame> parseWsApiFrame(std::string_view frame, TimestampNs receivedTime);

    const BinanceParseStats& stats() const;
    BinanceParseErrorKind lastErrorKind() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace cw::adapters::binance
