// SPDX-License-Identifier: MIT
#pragma once

#include "core/domain/Decimal.hpp"
#include "core/domain/Money.hpp"
#include "core/domain/OrderType.hpp"
#include "core/domain/Price.hpp"
#include "core/domain/Quantity.hpp"
#include "core/domain/Side.hpp"
#include "core/domain/Timestamp.hpp"
#include "core/engine/TradingCommand.hpp"
#include "core/engine/TradingSnapshot.hpp"
#include "core/orders/Order.hpp"
#include "ui/mainwindow/LogPane.hpp"

#include <QString>

namespace cw::ui {

/// How the trading views write prices, quantities, money, orders and notices for people.
/// Every number is printed exactly from its fixed-point value (never through a double), with
/// the thousands grouped by ',' and the value's own decimals kept: 35120 at precision 2 is
/// "35,120.00".
/// Thread: any (pure functions).
class TradingFormat {
public:
    /// "35,120.00", "-1,234.5", "0.001"; exact.
    static QString grouped(const Decimal& value);
    static QString price(const Price& value) { return grouped(value.decimal()); }
    static QString quantity(const Quantity& value) { return grouped(value.decimal()); }
    /// "1,234.50 USDT" (no currency: just the amount).
    static QString money(const Money& value);
    /// Local time "yyyy-MM-dd HH:mm:ss.zzz"; empty for 0.
    static QString time(TimestampNs time);

    /// "BUY" / "SELL" / "".
    static QString side(Side side);
    /// "MKT", "LMT", "STP", "STP LMT".
    static QString typeShort(OrderType type);
    /// "Market", "Limit", "Stop", "Stop limit".
    static QString typeName(OrderType type);

    /// What is still open of an order (quantity minus filled; the quantity if that fails).
    static Quantity openQuantity(const orders::Order& order);
    /// The price a chart line shows for the order: the limit for Limit, the stop for Stop and
    /// StopLimit (the trigger), zero for Market.
    static Price linePrice(const orders::Order& order);
    /// The chart line's label: "BUY LMT 0.50 @ 35,120.00", "SELL STP 1 @ 34,000.00".
    static QString orderLabel(const orders::Order& order);

    /// A multi-line summary of an order for the confirmation dialog: side, quantity,
    /// instrument, type and prices, time in force, attached stop-loss / take-profit / trailing.
    static QString orderSummary(const engine::PlaceOrder& order);

    /// The log line of a notice: "Risk rejected (MaxOrderNotional) SIM:BTCUSDT CW-1: notional
    /// ...". Kind, rule, instrument and order id where known, then the message.
    static QString noticeText(const engine::TradingNotice& notice);
    /// Error for rejections and command errors; Warning for the kill switch and
    /// reconciliation differences; Info for the rest.
    static LogPane::Level noticeLevel(engine::TradingNotice::Kind kind);
};

} // namespace cw::ui
