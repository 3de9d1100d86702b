// SPDX-License-Identifier: MIT
#pragma once

#include "core/adapters/InstrumentKey.hpp"
#include "core/domain/Instrument.hpp"
#include "core/engine/TradingSnapshot.hpp"

#include <string>

/// Trading values for the UI tests, built from parsed text like a venue's (never doubles).
namespace cw::ui::test {

inline Price px(const char* text) {
    return *Price::parse(text);
}

inline Quantity qty(const char* text) {
    return *Quantity::parse(text);
}

inline Money usdt(const char* text) {
    return *Money::parse(text, *Currency::parse("USDT"));
}

inline adapters::InstrumentKey key(const char* text) {
    return *adapters::InstrumentKey::parse(text);
}

/// SIM:BTCUSDT with a 0.50 tick (2 decimals) and a 0.001 lot.
inline Instrument btc() {
    Instrument in;
    in.symbol = "BTCUSDT";
    in.venue = "SIM";
    in.assetClass = AssetClass::Crypto;
    in.baseCurrency = *Currency::parse("BTC");
    in.quoteCurrency = *Currency::parse("USDT");
    in.pricePrecision = 2;
    in.quantityPrecision = 3;
    in.tickSize = px("0.50");
    in.lotSize = qty("0.001");
    return in;
}

inline engine::OrderRow order(const std::string& id, Side side, OrderType type,
                              const char* quantity, const char* price,
                              OrderStatus status = OrderStatus::New) {
    engine::OrderRow row;
    orders::Order& o = row.order;
    o.clientOrderId = id;
    o.instrument = key("SIM:BTCUSDT");
    o.side = side;
    o.type = type;
    o.timeInForce = TimeInForce::Gtc;
    o.quantity = qty(quantity);
    o.filledQuantity = Quantity::fromRaw(0, 3);
    if (type == OrderType::Limit)
        o.limitPrice = px(price);
    else
        o.stopPrice = px(price);
    o.status = status;
    o.origin.kind = orders::OrderOriginKind::Ticket;
    o.createdTime = 1'717'416'000'000'000'000;
    return row;
}

inline orders::Position position(const char* quantity, const char* average) {
    orders::Position p;
    p.account = "paper";
    p.instrument = key("SIM:BTCUSDT");
    p.currency = *Currency::parse("USDT");
    p.quantity = qty(quantity);
    p.averagePrice = px(average);
    p.realizedPnl = usdt("12.50");
    p.unrealizedPnl = usdt("-3.25");
    p.netRealizedPnl = usdt("11.00");
    p.fees = {usdt("1.50")};
    p.markPrice = px("35000.00");
    return p;
}

} // namespace cw::ui::test
