// SPDX-License-Identifier: MIT
#include "core/adapters/binance/BinanceErrors.hpp"

#include <gtest/gtest.h>

using namespace cw::adapters;
using namespace cw::adapters::binance;

TEST(BinanceErrors, filterFailuresNameTheFilterAndMapToTheMatchingReason) {
    struct Row {
        const char* message;
        const char* filter;
        RejectReason reason;
    };
    const Row rows[] = {
        {"Filter failure: LOT_SIZE", "LOT_SIZE", RejectReason::BadLotSize},
        {"Filter failure: MARKET_LOT_SIZE", "MARKET_LOT_SIZE", RejectReason::BadLotSize},
        {"Filter failure: PRICE_FILTER", "PRICE_FILTER", RejectReason::BadTickSize},
        {"Filter failure: NOTIONAL", "NOTIONAL", RejectReason::BelowMinNotional},
        {"Filter failure: MIN_NOTIONAL", "MIN_NOTIONAL", RejectReason::BelowMinNotional},
        {"Filter failure: PERCENT_PRICE_BY_SIDE", "PERCENT_PRICE_BY_SIDE",
         RejectReason::InvalidPrice},
        {"Filter failure: MAX_NUM_ORDERS", "MAX_NUM_ORDERS", RejectReason::Other},
        {"Illegal characters found in parameter", "", RejectReason::Other},
    };
    for (const auto& row : rows) {
        const auto info = BinanceErrors::classify(400, -1013, row.message);
        EXPECT_EQ(info.kind, BinanceErrorKind::FilterFailure) << row.message;
        EXPECT_EQ(info.filter, row.filter) << row.message;
        EXPECT_EQ(info.reason, row.reason) << row.message;
        EXPECT_FALSE(info.statusUnknown);
    }
}

TEST(BinanceErrors, mapsDocumentedCodesToKindsAndReasons) {
    struct Row {
        int http;
        int code;
        const char* message;
        BinanceErrorKind kind;
        RejectReason reason;
    };
    const Row rows[] = {
        {400, -2010, "Account has insufficient balance for requested action.",
         BinanceErrorKind::InsufficientBalance, RejectReason::InsufficientBalance},
        {400, -2010, "Market is closed.", BinanceErrorKind::MarketClosed,
         RejectReason::MarketClosed},
        {400, -2010, "Order would immediately match and take.", BinanceErrorKind::WouldMatch,
         RejectReason::InvalidPrice},
        {400, -2010, "Duplicate order sent.", BinanceErrorKind::DuplicateOrder,
         RejectReason::DuplicateClientOrderId},
        {400, -2010, "Something new.", BinanceErrorKind::OrderRejected, RejectReason::Other},
        {400, -1121, "Invalid symbol.", BinanceErrorKind::UnknownSymbol,
         RejectReason::UnknownInstrument},
        {400, -2011, "Unknown order sent.", BinanceErrorKind::UnknownOrder,
         RejectReason::UnknownOrder},
        {400, -2013, "Order does not exist.", BinanceErrorKind::UnknownOrder,
         RejectReason::UnknownOrder},
        {400, -1021, "Timestamp for this request is outside of the recvWindow.",
         BinanceErrorKind::TimestampOutsideWindow, RejectReason::Other},
        {400, -1022, "Signature for this request is not valid.", BinanceErrorKind::BadSignature,
         RejectReason::Other},
        {401, -2015, "Invalid API-key, IP, or permissions for action.", BinanceErrorKind::BadApiKey,
         RejectReason::Other},
        {429, -1003, "Too much request weight used", BinanceErrorKind::RateLimited,
         RejectReason::RateLimited},
        {429, 0, "", BinanceErrorKind::RateLimited, RejectReason::RateLimited},
        {400, -1015, "Too many new orders", BinanceErrorKind::TooManyOrders,
         RejectReason::RateLimited},
        {418, -1003, "Way too much request weight used; IP banned until 1",
         BinanceErrorKind::IpBanned, RejectReason::RateLimited},
        {400, -1102, "Mandatory parameter was not sent", BinanceErrorKind::BadRequest,
         RejectReason::Other},
        {400, -9999, "?", BinanceErrorKind::Other, RejectReason::Other},
    };
    for (const auto& row : rows) {
        const auto info = BinanceErrors::classify(row.http, row.code, row.message);
        EXPECT_EQ(info.kind, row.kind) << row.code << " " << row.message;
        EXPECT_EQ(info.reason, row.reason) << row.code << " " << row.message;
    }
}

TEST(BinanceErrors, timeoutsAndServerErrorsMeanStatusUnknownNotRejected) {
    for (const auto& [http, code] :
         {std::pair{400, -1007}, std::pair{500, 0}, std::pair{503, -1000}, std::pair{504, 0},
          std::pair{0, -1007}}) {
        const auto info = BinanceErrors::classify(http, code, "Timeout waiting for response");
        EXPECT_EQ(info.kind, BinanceErrorKind::StatusUnknown) << http << " " << code;
        EXPECT_TRUE(info.statusUnknown);
        EXPECT_NE(info.reason, RejectReason::Invalid);
    }
}

TEST(BinanceErrors, flagsActionsForClockAndThrottling) {
    EXPECT_TRUE(BinanceErrors::classify(400, -1021, "").retryAfterResync);
    EXPECT_TRUE(BinanceErrors::classify(429, -1003, "").throttle);
    EXPECT_TRUE(BinanceErrors::classify(418, 0, "").throttle);
    EXPECT_FALSE(BinanceErrors::classify(400, -1121, "").throttle);
}

TEST(BinanceErrors, filterNameIgnoresGarbage) {
    EXPECT_EQ(BinanceErrors::filterName("Filter failure:LOT_SIZE"), "LOT_SIZE");
    EXPECT_EQ(BinanceErrors::filterName("Filter failure: "), "");
    EXPECT_EQ(BinanceErrors::filterName(""), "");
    EXPECT_EQ(BinanceErrors::filterName("Filter failure: lot size"), "");
    EXPECT_EQ(BinanceErrors::kindName(BinanceErrorKind::StatusUnknown), "StatusUnknown");
}
