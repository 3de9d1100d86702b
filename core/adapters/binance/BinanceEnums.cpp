// SPDX-License-Identifier: MIT
#include "core/adapters/binance/BinanceEnums.hpp"

namespace cw::adapters::binance {

Side BinanceEnums::side(std::string_view text) {
    if (text == "BUY")
        return Side::Buy;
    if (text == "SELL")
        return Side::Sell;
    return Side::Invalid;
}

OrderType BinanceEnums::orderType(std::string_view text) {
    if (text == "LIMIT" || text == "LIMIT_MAKER")
        return OrderType::Limit;
    if (text == "MARKET")
        return OrderType::Market;
    if (text == "STOP_LOSS" || text == "TAKE_PROFIT")
        return OrderType::Stop;
    if (text == "STOP_LOSS_LIMIT" || text == "TAKE_PROFIT_LIMIT")
        return OrderType::StopLimit;
    return OrderType::Invalid;
}

TimeInForce BinanceEnums::timeInForce(std::string_view text) {
    if (text == "GTC")
        return TimeInForce::Gtc;
    if (text == "IOC")
        return TimeInForce::Ioc;
    if (text == "FOK")
        return TimeInForce::Fok;
    return TimeInForce::Invalid;
}

OrderStatus BinanceEnums::orderStatus(std::string_view text) {
    if (text == "NEW")
        return OrderStatus::New;
    if (text == "PENDING_NEW")
        return OrderStatus::PendingNew;
    if (text == "PARTIALLY_FILLED")
        return OrderStatus::PartiallyFilled;
    if (text == "FILLED")
        return OrderStatus::Filled;
    if (text == "CANCELED" || text == "EXPIRED_IN_MATCH")
        return OrderStatus::Canceled;
    if (text == "PENDING_CANCEL")
        return OrderStatus::PendingCancel;
    if (text == "REJECTED")
        return OrderStatus::Rejected;
    if (text == "EXPIRED")
        return OrderStatus::Expired;
    return OrderStatus::Invalid;
}

} // namespace cw::adapters::binance
