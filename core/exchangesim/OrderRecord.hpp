// SPDX-License-Identifier: MIT
#pragma once

#include "core/domain/Decimal.hpp"
#include "core/domain/Price.hpp"
#include "core/domain/Quantity.hpp"
#include "core/domain/Side.hpp"
#include "core/domain/TimeInForce.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace cw::exchangesim {

/// The venue's order types (the "type" parameter).
enum class VenueOrderType {
    Invalid = 0,
    Limit,
    Market,
    StopLoss,
    StopLossLimit,
    TakeProfit,
    TakeProfitLimit,
    LimitMaker,
};

/// The venue's order states (the "status" field).
enum class VenueOrderStatus {
    Invalid = 0,
    New,
    PartiallyFilled,
    Filled,
    Canceled,
    Rejected,
    Expired,
};

/// "LIMIT", "MARKET", "STOP_LOSS"...; "" for Invalid.
std::string_view venueOrderTypeName(VenueOrderType type);
/// Parses the venue's spelling; Invalid when unknown.
VenueOrderType parseVenueOrderType(std::string_view text);
/// "NEW", "PARTIALLY_FILLED", "FILLED", "CANCELED", "REJECTED", "EXPIRED".
std::string_view venueOrderStatusName(VenueOrderStatus status);

/// One fill of one of the account's orders (myTrades, FULL responses).
struct FillRecord {
    std::int64_t tradeId = 0;
    std::int64_t orderId = 0;
    std::size_t symbolIndex = 0;
    Side side = Side::Invalid;
    Price price;
    Quantity quantity;
    Decimal quoteQuantity;
    Decimal commission;
    std::string commissionAsset;
    bool maker = false;
    std::int64_t timeMs = 0;
};

/// One order as the venue reports it (order, openOrders, allOrders).
struct OrderRecord {
    std::int64_t orderId = 0;
    std::size_t symbolIndex = 0;
    std::string clientOrderId;
    std::string brokerId; ///< the id the paper broker knows it by
    Side side = Side::Invalid;
    VenueOrderType type = VenueOrderType::Invalid;
    TimeInForce timeInForce = TimeInForce::Invalid; ///< Invalid for market orders
    Price price;                                    ///< limit price (zero for market orders)
    Price stopPrice;                                ///< zero unless a stop or take-profit order
    Quantity origQty;
    Quantity executedQty;
    Decimal cumulativeQuoteQty;
    Decimal origQuoteOrderQty;
    VenueOrderStatus status = VenueOrderStatus::Invalid;
    std::int64_t timeMs = 0;
    std::int64_t updateTimeMs = 0;
    std::int64_t workingTimeMs = -1; ///< -1 until the order works (a stop before its trigger)
    bool waitsForTrigger = false;    ///< a take-profit order the exchange triggers itself
    std::vector<FillRecord> fills;

    bool isOpen() const {
        return status == VenueOrderStatus::New || status == VenueOrderStatus::PartiallyFilled;
    }
    bool isAlgo() const {
        return type == VenueOrderType::StopLoss || type == VenueOrderType::StopLossLimit ||
               type == VenueOrderType::TakeProfit || type == VenueOrderType::TakeProfitLimit;
    }
};

} // namespace cw::exchangesim
