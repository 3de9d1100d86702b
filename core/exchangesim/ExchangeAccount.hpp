// SPDX-License-Identifier: MIT
#pragma once

#include "core/adapters/ExecutionEvents.hpp"
#include "core/adapters/IExecutionSink.hpp"
#include "core/adapters/MarketDataEvents.hpp"
#include "core/adapters/sim/PaperBrokerConfig.hpp"
#include "core/adapters/sim/PaperMatchingEngine.hpp"
#include "core/domain/Timestamp.hpp"
#include "core/exchangesim/ExchangeSymbol.hpp"
#include "core/exchangesim/OrderRecord.hpp"
#include "core/exchangesim/VenueError.hpp"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <variant>
#include <vector>

namespace cw::exchangesim {

/// One trading account of the exchange (one API key): the venue's view of its orders and
/// trades on top of the paper broker's PaperMatchingEngine, which does the matching, the
/// balances and the fees exactly as for the built-in simulated exchange.
///
/// What is added here for the venue's semantics: its filters (-1013), LIMIT_MAKER (rejected
/// when it would take), quoteOrderQty (turned into a quantity by walking the book), stop
/// orders that would trigger at once (rejected), take-profit orders (held here and sent to
/// the paper broker when their trigger is reached), FOK orders that cannot fill (EXPIRED),
/// numeric order ids and client order ids unique among open orders.
///
/// Thread: not thread-safe; one owner (the server's thread).
class ExchangeAccount final : public adapters::IExecutionSink {
public:
    /// The next trade id of a symbol (shared with the public tape).
    using TradeIdSource = std::function<std::int64_t(std::size_t symbolIndex)>;

    struct NewOrder {
        std::size_t symbolIndex = 0;
        Side side = Side::Invalid;
        VenueOrderType type = VenueOrderType::Invalid;
        TimeInForce timeInForce = TimeInForce::Invalid; ///< limit types only
        Quantity quantity;     ///< zero when quoteOrderQty is given (market orders)
        Decimal quoteOrderQty; ///< market orders: spend (buy) or receive (sell) this much
        Price price;
        Price stopPrice;
        std::string clientOrderId; ///< already checked for form; never empty
    };

    ExchangeAccount(const std::vector<ExchangeSymbol>& symbols,
                    adapters::sim::PaperBrokerConfig config, int bookLevels,
                    TradeIdSource tradeIds);
    ExchangeAccount(const ExchangeAccount&) = delete;
    ExchangeAccount& operator=(const ExchangeAccount&) = delete;

    /// The market, in time order (every quote and trade of every symbol).
    void onQuote(const adapters::QuoteReceived& event);
    void onTrade(const adapters::TradeReceived& event);
    /// The last trade price before the first live trade.
    void setLastTrade(std::size_t symbolIndex, const Price& price);

    /// Places (or with `testOnly` only validates) an order at simulated time `now`. The
    /// order as it stands after matching, or the venue's error: -1013 filter failures,
    /// -2010 insufficient balance / would take (LIMIT_MAKER) / would trigger immediately /
    /// duplicate client order id, -1015 too many orders is the caller's.
    std::variant<OrderRecord, VenueError> place(const NewOrder& order, TimestampNs now,
                                                bool testOnly);
    /// Cancels an open order found by id or client order id (-2011 when there is none).
    std::variant<OrderRecord, VenueError> cancel(std::size_t symbolIndex,
                                                 std::optional<std::int64_t> orderId,
                                                 const std::optional<std::string>& clientOrderId,
                                                 TimestampNs now);
    /// Cancels every open order of a symbol; the canceled orders.
    std::vector<OrderRecord> cancelAll(std::size_t symbolIndex, TimestampNs now);

    /// An order of the symbol by id, or the newest one with that client order id.
    const OrderRecord* find(std::size_t symbolIndex, std::optional<std::int64_t> orderId,
                            const std::optional<std::string>& clientOrderId) const;
    /// Orders, oldest first; one symbol or all; only the open ones or all.
    std::vector<const OrderRecord*> orders(std::optional<std::size_t> symbolIndex,
                                           bool openOnly) const;
    /// Every fill, oldest first.
    const std::vector<FillRecord>& fills() const { return m_fills; }
    /// Balances (free and locked per asset) at `now`.
    adapters::AccountReport balances(TimestampNs now);

    /// ExecutionEvents of the paper broker (it calls this synchronously).
    void post(adapters::ExecutionEvent&& event) override;

private:
    OrderRecord* byBrokerId(const std::string& brokerId);
    std::optional<VenueError> checkFilters(const NewOrder& order, const Quantity& quantity) const;
    /// The quantity a quoteOrderQty market order gets by walking the book.
    Quantity quantityForQuote(const NewOrder& order) const;
    /// Sends an order to the paper broker; false when it rejected it (then `m_lastReject`).
    bool sendToBroker(OrderRecord& record, TimestampNs now);
    std::optional<Price> bestOpposite(std::size_t symbolIndex, Side side) const;

    std::vector<ExchangeSymbol> m_symbols;
    int m_bookLevels;
    TradeIdSource m_tradeIds;
    adapters::sim::PaperMatchingEngine m_engine;
    std::vector<Price> m_lastTrades;
    std::map<std::int64_t, OrderRecord> m_orders; ///< by order id
    std::unordered_map<std::string, std::int64_t> m_brokerIds;
    std::vector<FillRecord> m_fills;
    std::optional<adapters::OrderRejected> m_lastReject;
    std::optional<adapters::AccountReport> m_lastAccount;
    std::int64_t m_nextOrderId = 1;
};

} // namespace cw::exchangesim
