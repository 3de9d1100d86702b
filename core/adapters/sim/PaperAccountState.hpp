// SPDX-License-Identifier: MIT
#pragma once

#include "core/adapters/ExecutionEvents.hpp"
#include "core/adapters/InstrumentKey.hpp"
#include "core/domain/Currency.hpp"
#include "core/domain/Decimal.hpp"
#include "core/domain/Money.hpp"
#include "core/domain/OrderType.hpp"
#include "core/domain/Price.hpp"
#include "core/domain/Quantity.hpp"
#include "core/domain/Side.hpp"
#include "core/domain/TimeInForce.hpp"
#include "core/domain/Timestamp.hpp"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace cw::adapters::sim {

/// The value types of the paper broker's account: what it keeps, what it saves to its
/// account file and restores from it. Plain values.

/// One working order of the paper broker.
struct PaperOrder {
    std::string clientOrderId;
    std::string venueOrderId;
    InstrumentKey instrument;
    Side side = Side::Invalid;
    OrderType type = OrderType::Invalid;
    TimeInForce timeInForce = TimeInForce::Invalid;
    Quantity quantity; ///< the total, filled part included
    Quantity filled;
    Price limitPrice;            ///< Limit and StopLimit
    Price stopPrice;             ///< Stop and StopLimit
    bool triggered = false;      ///< a stop whose trigger was reached (then it works as
                                 ///< Market or Limit)
    TimestampNs createdTime = 0; ///< when it was accepted
    TimestampNs expiryTime = 0;  ///< DAY: the end of its trading day; 0 otherwise
    std::uint64_t priority = 0;  ///< time priority among our orders (smaller = earlier)
    std::string account;         ///< SubmitOrder::account as given (empty: the default)

    /// What is still working.
    Quantity remaining() const { return *quantity.subtract(filled); }
    /// True while a Stop or StopLimit waits for its trigger.
    bool waitsForTrigger() const { return hasStopPrice(type) && !triggered; }
    /// True when the order works as a market order now (Market, or a triggered Stop).
    bool worksAsMarket() const {
        return type == OrderType::Market || (type == OrderType::Stop && triggered);
    }
};

/// The position of one instrument, from the paper broker's own fills.
struct PaperPosition {
    Quantity quantity; ///< signed: > 0 long, < 0 short
    Money cost;        ///< signed cost of the open quantity: the sum of quantity x price
    Money realized;    ///< realized profit and loss so far, fees excluded (quote currency)
};

/// Everything the paper broker keeps between runs.
struct PaperAccountState {
    std::map<Currency, Decimal> balances;
    std::map<std::string, PaperPosition> positions; ///< by symbol; flat ones may be left out
    std::vector<PaperOrder> orders;                 ///< working orders
    std::vector<OrderFilled> recentFills;           ///< oldest first
    std::uint64_t nextOrderNumber = 1;              ///< venue order ids "P<n>"
    std::uint64_t nextTradeNumber = 1;              ///< execution ids "PT<n>"
    std::uint64_t nextPriority = 1;
    TimestampNs savedTime = 0; ///< simulated time when it was saved
};

} // namespace cw::adapters::sim
