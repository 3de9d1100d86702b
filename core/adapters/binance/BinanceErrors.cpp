// SPDX-License-Identifier: MIT
#include "core/adapters/binance/BinanceErrors.hpp"

#include <algorithm>
#include <cctype>

namespace cw::adapters::binance {

namespace {

bool containsNoCase(std::string_view haystack, std::string_view needle) {
    const auto it = std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end(),
                                [](char a, char b) {
                                    return std::tolower(static_cast<unsigned char>(a)) ==
                                           std::tolower(static_cast<unsigned char>(b));
                                });
    return it != haystack.end();
}

BinanceErrorInfo make(BinanceErrorKind kind, RejectReason reason) {
    BinanceErrorInfo info;
    info.kind = kind;
    info.reason = reason;
    return info;
}

RejectReason reasonForFilter(std::string_view filter) {
    if (filter == "PRICE_FILTER")
        return RejectReason::BadTickSize;
    if (filter == "LOT_SIZE" || filter == "MARKET_LOT_SIZE")
        return RejectReason::BadLotSize;
    if (filter == "NOTIONAL" || filter == "MIN_NOTIONAL")
        return RejectReason::BelowMinNotional;
    if (filter == "PERCENT_PRICE" || filter == "PERCENT_PRICE_BY_SIDE")
        return RejectReason::InvalidPrice;
    return RejectReason::Other;
}

BinanceErrorInfo classifyNewOrderRejection(std::string_view message) {
    if (containsNoCase(message, "insufficient balance"))
        return make(BinanceErrorKind::InsufficientBalance, RejectReason::InsufficientBalance);
    if (containsNoCase(message, "market is closed"))
        return make(BinanceErrorKind::MarketClosed, RejectReason::MarketClosed);
    if (containsNoCase(message, "would immediately match"))
        return make(BinanceErrorKind::WouldMatch, RejectReason::InvalidPrice);
    if (containsNoCase(message, "duplicate order"))
        return make(BinanceErrorKind::DuplicateOrder, RejectReason::DuplicateClientOrderId);
    return make(BinanceErrorKind::OrderRejected, RejectReason::Other);
}

} // namespace

std::string BinanceErrors::filterName(std::string_view message) {
    constexpr std::string_view kPrefix = "Filter failure:";
    const auto at = message.find(kPrefix);
    if (at == std::string_view::npos)
        return {};
    std::string_view rest = message.substr(at + kPrefix.size());
    while (!rest.empty() && rest.front() == ' ')
        rest.remove_prefix(1);
    std::size_t end = 0;
    while (end < rest.size() &&
           (std::isupper(static_cast<unsigned char>(rest[end])) ||
            std::isdigit(static_cast<unsigned char>(rest[end])) || rest[end] == '_'))
        ++end;
    return std::string(rest.substr(0, end));
}

BinanceErrorInfo BinanceErrors::classify(int httpStatus, int code, std::string_view message) {
    if (httpStatus == 418) {
        auto info = make(BinanceErrorKind::IpBanned, RejectReason::RateLimited);
        info.throttle = true;
        return info;
    }
    if (httpStatus >= 500 || code == -1007) {
        auto info = make(BinanceErrorKind::StatusUnknown, RejectReason::Other);
        info.statusUnknown = true;
        return info;
    }
    switch (code) {
    case -1003: {
        auto info = make(BinanceErrorKind::RateLimited, RejectReason::RateLimited);
        info.throttle = true;
        return info;
    }
    case -1015: {
        auto info = make(BinanceErrorKind::TooManyOrders, RejectReason::RateLimited);
        info.throttle = true;
        return info;
    }
    case -1013: {
        auto info = make(BinanceErrorKind::FilterFailure, RejectReason::Other);
        info.filter = filterName(message);
        info.reason = reasonForFilter(info.filter);
        return info;
    }
    case -1021: {
        auto info = make(BinanceErrorKind::TimestampOutsideWindow, RejectReason::Other);
        info.retryAfterResync = true;
        return info;
    }
    case -1022:
        return make(BinanceErrorKind::BadSignature, RejectReason::Other);
    case -1121:
        return make(BinanceErrorKind::UnknownSymbol, RejectReason::UnknownInstrument);
    case -2010:
        return classifyNewOrderRejection(message);
    case -2011:
        if (containsNoCase(message, "unknown order"))
            return make(BinanceErrorKind::UnknownOrder, RejectReason::UnknownOrder);
        return make(BinanceErrorKind::CancelRejected, RejectReason::Other);
    case -2013:
        return make(BinanceErrorKind::UnknownOrder, RejectReason::UnknownOrder);
    case -2014:
    case -2015:
        return make(BinanceErrorKind::BadApiKey, RejectReason::Other);
    case -1111:
        return make(BinanceErrorKind::BadRequest, RejectReason::InvalidPrice);
    default:
        break;
    }
    if (httpStatus == 429) {
        auto info = make(BinanceErrorKind::RateLimited, RejectReason::RateLimited);
        info.throttle = true;
        return info;
    }
    if (httpStatus == 401)
        return make(BinanceErrorKind::BadApiKey, RejectReason::Other);
    if (code <= -1100 && code >= -1199)
        return make(BinanceErrorKind::BadRequest, RejectReason::Other);
    return make(BinanceErrorKind::Other, RejectReason::Other);
}

std::string_view BinanceErrors::kindName(BinanceErrorKind kind) {
    switch (kind) {
    case BinanceErrorKind::FilterFailure:
        return "FilterFailure";
    case BinanceErrorKind::InsufficientBalance:
        return "InsufficientBalance";
    case BinanceErrorKind::MarketClosed:
        return "MarketClosed";
    case BinanceErrorKind::WouldMatch:
        return "WouldMatch";
    case BinanceErrorKind::DuplicateOrder:
        return "DuplicateOrder";
    case BinanceErrorKind::OrderRejected:
        return "OrderRejected";
    case BinanceErrorKind::UnknownSymbol:
        return "UnknownSymbol";
    case BinanceErrorKind::UnknownOrder:
        return "UnknownOrder";
    case BinanceErrorKind::CancelRejected:
        return "CancelRejected";
    case BinanceErrorKind::TimestampOutsideWindow:
        return "TimestampOutsideWindow";
    case BinanceErrorKind::BadSignature:
        return "BadSignature";
    case BinanceErrorKind::BadApiKey:
        return "BadApiKey";
    case BinanceErrorKind::RateLimited:
        return "RateLimited";
    case BinanceErrorKind::TooManyOrders:
        return "TooManyOrders";
    case BinanceErrorKind::IpBanned:
        return "IpBanned";
    case BinanceErrorKind::StatusUnknown:
        return "StatusUnknown";
    case BinanceErrorKind::BadRequest:
        return "BadRequest";
    case BinanceErrorKind::Other:
        return "Other";
    case BinanceErrorKind::Invalid:
        break;
    }
    return "Invalid";
}

} // namespace cw::adapters::binance
