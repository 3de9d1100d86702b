// SPDX-License-Identifier: MIT
#pragma once

#include "core/domain/OrderStatus.hpp"
#include "core/domain/OrderType.hpp"
#include "core/domain/Side.hpp"
#include "core/domain/TimeInForce.hpp"

#include <string_view>

namespace cw::adapters::binance {

/// Binance's enum texts (enums.md) to domain enums. Each returns the Invalid value for a
/// text it does not know. Pure functions; thread: any.
class BinanceEnums {
public:
    /// "BUY", "SELL".
    static Side side(std::string_view text);
    /// LIMIT, LIMIT_MAKER -> Limit; MARKET -> Market; STOP_LOSS, TAKE_PROFIT -> Stop;
    /// STOP_LOSS_LIMIT, TAKE_PROFIT_LIMIT -> StopLimit (a take-profit is a stop that
    /// triggers on the other side; the venue's text is kept next to it where it matters).
    static OrderType orderType(std::string_view text);
    /// "GTC", "IOC", "FOK".
    static TimeInForce timeInForce(std::string_view text);
    /// NEW, PENDING_NEW, PARTIALLY_FILLED, FILLED, CANCELED, PENDING_CANCEL, REJECTED,
    /// EXPIRED; EXPIRED_IN_MATCH (self-trade prevention) -> Canceled.
    static OrderStatus orderStatus(std::string_view text);
};

} // namespace cw::adapters::binance
