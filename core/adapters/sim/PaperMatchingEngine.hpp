// SPDX-License-Identifier: MIT
#pragma once

#include "core/adapters/ExecutionCapabilities.hpp"
#include "core/adapters/ExecutionCommands.hpp"
#include "core/adapters/IExecutionSink.hpp"
#include "core/adapters/MarketDataEvents.hpp"
#include "core/adapters/sim/PaperAccount.hpp"
#include "core/adapters/sim/PaperAccountState.hpp"
#include "core/adapters/sim/PaperBrokerConfig.hpp"
#include "core/adapters/sim/SessionSchedule.hpp"
#include "core/adapters/sim/SimulatedInstrumentSpec.hpp"
#include "core/common/Result.hpp"

#include <cstddef>
#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace cw::adapters::sim {

/// The paper broker of the simulated exchange without threads or clocks: orders, the
/// synthetic book and the account. It learns the market from the same quotes and trades the
/// simulated market produces (`onQuote`, `onTrade`, in time order), takes commands stamped
/// with the simulated time and answers with ExecutionEvents posted to the sink, in order.
/// Matching rules, fees and margin: docs/simulated-exchange.md, "Paper broker".
///
/// - Taker: market orders and the marketable part of limit orders walk a synthetic book built
///   from the last quote: level k (0 = the touch) is k spreads away from the touch and holds
///   (k + 1) x the touch size; `bookLevels` levels per side. Each level is one fill.
/// - Maker: a resting limit order fills at its own price when a later trade prints strictly
///   through it (up to that trade's size, shared among our orders in price-time priority) or
///   when the opposite touch reaches it (up to the touch size).
/// - Stops trigger when a trade reaches the stop price (at once when the last trade already
///   has), then work as market or limit orders.
/// - DAY orders expire at SessionSchedule::tradingDayEnd of the day they were accepted.
///
/// Thread: not thread-safe; one owner (SimulatedExchange, under its lock, or a test).
class PaperMatchingEngine {
public:
    /// Fills kept for reconciliation (and in the account file).
    static constexpr std::size_t kMaxRecentFills = 1000;

    /// Precondition: every spec is valid and config.validate() succeeded. `sink` must outlive
    /// the engine.
    PaperMatchingEngine(const std::vector<SimulatedInstrumentSpec>& instruments,
                        PaperBrokerConfig config, IExecutionSink& sink);

    /// Market, Limit, Stop, StopLimit; GTC, IOC, FOK, DAY; modify and cancel-all; no native
    /// brackets or trailing stops.
    static ExecutionCapabilities capabilities();

    /// Replaces the account with a saved one. InvalidArgument for orders or positions of
    /// symbols this exchange does not list or orders that are not valid (nothing changes).
    Result<void> restore(const PaperAccountState& state);
    /// Everything worth saving.
    PaperAccountState state(TimestampNs now) const;
    /// True once after anything in the account or the orders changed (then it resets).
    bool takeChanged();

    /// The last trade price of an instrument before the first trade is seen (marks for P&L
    /// and the reference price of market orders).
    void setLastTrade(std::size_t index, const Price& price);

    /// The market, in time order. Also expires DAY orders whose time has come.
    void onQuote(const QuoteReceived& event);
    void onTrade(const TradeReceived& event);
    /// Simulated time reached `now` without a quote or trade: expires DAY orders.
    void advanceTime(TimestampNs now);

    /// Commands at simulated time `now`; every outcome is an event (OrderAccepted,
    /// OrderRejected, OrderFilled...). The caller has checked the command's form (ids, venue,
    /// side and type set).
    void submit(const SubmitOrder& command, TimestampNs now);
    void modify(const ModifyOrder& command, TimestampNs now);
    void cancel(const CancelOrder& command, TimestampNs now);
    void cancelAll(const CancelAllOrders& command, TimestampNs now);
    void reconcile(std::uint64_t requestId, TimestampNs now);

    const std::vector<PaperOrder>& workingOrders() const { return m_orders; }
    const PaperAccount& account() const { return m_account; }
    /// The last quote seen of an instrument (nullopt before the first).
    const std::optional<Quote>& lastQuote(std::size_t index) const { return m_quotes[index]; }
    /// The index of `instrument` (venue "SIM"); nullopt when it is not listed.
    std::optional<std::size_t> indexOf(const InstrumentKey& instrument) const;

private:
    struct Level {
        Price price;
        Quantity quantity;
    };
    struct Holdings {
        std::map<Currency, Decimal> cash; ///< held by working spot orders
        Decimal margin;                   ///< held by working margin orders (USD)
    };
    struct KnownOrder {
        SubmitOrder command; ///< as first submitted (empty instrument when restored)
        std::string venueOrderId;
    };

    void reject(const SubmitOrder& command, RejectReason reason, std::string message,
                TimestampNs now);
    void rejectRequest(RequestKind kind, const std::string& clientOrderId,
                       const InstrumentKey& instrument, RejectReason reason, std::string message,
                       TimestampNs now);
    /// Empty when the order's prices and quantity are valid for its instrument, otherwise
    /// the reason and a message.
    std::optional<std::pair<RejectReason, std::string>> checkForm(std::size_t index, OrderType type,
                                                                  const Quantity& quantity,
                                                                  const Price& limit,
                                                                  const Price& stop) const;
    std::optional<std::string> checkFunds(std::size_t index, const PaperOrder& order,
                                          const std::vector<Level>* plan) const;

    std::vector<Level> book(std::size_t index, Side takerSide) const;
    std::vector<Level> takerPlan(const PaperOrder& order) const;
    Price referencePrice(const PaperOrder& order) const;
    Holdings holdings(const std::string* excludedOrder) const;

    /// Works a live (not waiting for a trigger) order now: takes what it may, then rests,
    /// cancels the rest or completes. Returns false when the order is gone.
    bool work(std::size_t orderIndex, TimestampNs now);
    void trigger(std::size_t orderIndex, TimestampNs now);
    void fill(PaperOrder& order, const Price& price, const Quantity& quantity, Liquidity liquidity,
              TimestampNs now);
    void removeOrder(std::size_t orderIndex);
    void removeFinished();
    std::optional<std::size_t> findOrder(const std::string& clientOrderId) const;
    void expireUpTo(TimestampNs now);
    void publishUpdates(TimestampNs now);

    std::vector<SimulatedInstrumentSpec> m_specs;
    std::vector<SessionSchedule> m_schedules;
    std::vector<InstrumentKey> m_keys;
    PaperAccount m_account;
    IExecutionSink& m_sink;

    std::vector<std::optional<Quote>> m_quotes;
    std::vector<Price> m_lastTrades;
    std::vector<PaperOrder> m_orders; ///< working orders, in acceptance order
    std::unordered_map<std::string, KnownOrder> m_known;
    std::deque<OrderFilled> m_recentFills;
    std::uint64_t m_nextOrderNumber = 1;
    std::uint64_t m_nextTradeNumber = 1;
    std::uint64_t m_nextPriority = 1;

    bool m_accountChanged = false;
    std::set<std::size_t> m_positionsChanged;
    bool m_changed = false;
};

} // namespace cw::adapters::sim
