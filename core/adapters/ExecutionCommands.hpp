// SPDX-License-Identifier: MIT
#pragma once

#include "core/adapters/InstrumentKey.hpp"
#include "core/domain/OrderType.hpp"
#include "core/domain/Price.hpp"
#include "core/domain/Quantity.hpp"
#include "core/domain/Side.hpp"
#include "core/domain/TimeInForce.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace cw::adapters {

/// Commands to an execution client (IExecutionClient). Plain values; the client answers
/// through ExecutionEvents.
///
/// Client order ids are chosen by the caller (the order manager), unique across restarts, at
/// most 36 characters of A-Z, a-z, 0-9, '.', ':', '/', '_' and '-' (what every supported venue
/// accepts). They make requests idempotent: a SubmitOrder resent with an id the venue already
/// knows for the same order never creates a second order.

/// A new order. Prices are exact, at the instrument's precision; the unused ones stay zero.
struct SubmitOrder {
    std::string clientOrderId;
    InstrumentKey instrument;
    Side side = Side::Invalid;
    OrderType type = OrderType::Invalid;
    TimeInForce timeInForce = TimeInForce::Gtc;
    Quantity quantity;   ///< > 0, a multiple of the lot size
    Price limitPrice;    ///< Limit and StopLimit only
    Price stopPrice;     ///< Stop and StopLimit only: the trigger
    std::string account; ///< venue account id; empty = the client's default account
};

/// Cancel one working order.
struct CancelOrder {
    std::string clientOrderId; ///< the order to cancel
    InstrumentKey instrument;
};

/// Change quantity and/or prices of a working order (cancel/replace). On success the venue
/// reports OrderReplaced, and the order continues under `newClientOrderId`.
///
/// A ModifyOrder carries the order's complete new values, never a delta: a field that does
/// not change is sent with the order's current value, and zero is not "unchanged". To move
/// only the limit price of a Limit order for 2 (0.5 filled), send quantity 2 and the new limit;
/// a quantity of 0 there is malformed. The quantity is the new total (filled part included) and
/// must stay above what is already filled. Prices the order type does not use stay zero.
struct ModifyOrder {
    std::string clientOrderId;    ///< the order to change
    std::string newClientOrderId; ///< its id after the change
    InstrumentKey instrument;
    Quantity quantity; ///< the new total quantity, > the filled quantity
    Price limitPrice;  ///< the new limit (Limit, StopLimit); zero for other types
    Price stopPrice;   ///< the new trigger (Stop, StopLimit); zero for other types
};

/// Cancel every working order of the account, or of one instrument.
struct CancelAllOrders {
    std::optional<InstrumentKey> instrument; ///< nullopt: all instruments
    std::string account;
};

/// Ask for the venue's view of the account: open orders, positions, balances and recent
/// fills; answered by one ReconciliationReport with the same requestId. Clients also send one
/// unasked (requestId 0) after every (re)connect.
struct RequestReconciliation {
    std::uint64_t requestId = 0;
    std::string account;
};

} // namespace cw::adapters
