// SPDX-License-Identifier: MIT
#pragma once

#include "core/adapters/ExecutionCommands.hpp"
#include "core/adapters/IExecutionSink.hpp"
#include "core/adapters/IMarketDataSink.hpp"
#include "core/adapters/sim/PaperMatchingEngine.hpp"
#include "core/adapters/sim/SimulatedMarket.hpp"
#include "core/adapters/sim/SimulationConfig.hpp"
#include "core/common/Result.hpp"

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace cw::adapters::sim {

/// The simulated exchange as one object that its clients share: the SimulatedMarket (prices,
/// bars, simulated clock) and the paper broker (PaperMatchingEngine) that matches orders
/// against the very quotes and trades the market produces. The market-data client's driver
/// thread advances it (`advanceTo`); the execution client sends commands, which are matched
/// at once at the simulated time the market has reached. Every execution event, whichever
/// thread causes it, is posted under the exchange's lock, so they arrive in order.
///
/// Simulated time stands still while no driver advances the market (the market-data client
/// is not connected): working orders then wait, and commands see the market as it was.
///
/// Thread: every member function is safe from any thread (one internal lock).
class SimulatedExchange {
public:
    /// Which streams of one instrument the market-data client wants.
    struct StreamSelection {
        bool trades = false;
        bool quotes = false;
    };

    /// Validates `config`. With an execution sink it also builds the paper broker and loads
    /// `config.paper.accountFile` when that file exists: ParseError for a corrupt file,
    /// InvalidArgument for one that does not fit the instruments (the file is left as it is).
    /// The market itself is built by the first `startMarket`.
    static Result<std::shared_ptr<SimulatedExchange>> create(SimulationConfig config,
                                                             IExecutionSink* execution = nullptr);

    const SimulationConfig& config() const { return m_config; }
    bool hasPaperBroker() const { return m_broker != nullptr; }

    /// Builds the market on the first call (history generation, well under a second) and
    /// returns the simulated time it has reached (its start time the first time).
    Result<TimestampNs> startMarket();
    /// The simulated time the market has reached; before startMarket, the configured start.
    TimestampNs now() const;

    /// Advances the market to `now` with `streams` (one per instrument) switched on: every
    /// quote and trade goes to the paper broker, the wanted ones are posted to `marketData`,
    /// then the execution events they caused are posted. Does nothing before startMarket.
    void advanceTo(TimestampNs now, const std::vector<StreamSelection>& streams,
                   IMarketDataSink& marketData);
    /// Runs `f(const SimulatedMarket&)` under the lock; nullopt before startMarket.
    template <class F>
    auto withMarket(F&& f) const
        -> std::optional<decltype(f(std::declval<const SimulatedMarket&>()))> {
        std::lock_guard lock(m_mutex);
        if (!m_market)
            return std::nullopt;
        return f(*m_market);
    }

    /// The paper broker's commands at the current simulated time. Precondition:
    /// hasPaperBroker().
    void submit(const SubmitOrder& command);
    void modify(const ModifyOrder& command);
    void cancel(const CancelOrder& command);
    void cancelAll(const CancelAllOrders& command);
    void reconcile(std::uint64_t requestId);
    /// Whether execution events reach the sink: on while the execution client's session is
    /// open. Off after create: the broker keeps matching (working orders stay working, as at
    /// a real venue) but says nothing until a client connects and reconciles.
    void setExecutionEventsEnabled(bool enabled);
    /// Posts a session status through the same ordered path as the order events.
    void postStatus(ExecutionStatusChanged status);
    /// The broker's state (tests and diagnostics). Precondition: hasPaperBroker().
    PaperAccountState paperState() const;
    /// The last error saving the account file (empty when none).
    std::string lastSaveError() const;

private:
    /// Posts to the execution sink, or holds the events while the market advances so that
    /// they follow the market data that caused them.
    class OrderedSink final : public IExecutionSink {
    public:
        explicit OrderedSink(IExecutionSink& target) : m_target(target) {}
        void post(ExecutionEvent&& event) override;
        void hold(bool holding) { m_holding = holding; }
        void enable(bool enabled) { m_enabled = enabled; }
        void release();

    private:
        IExecutionSink& m_target;
        bool m_holding = false;
        bool m_enabled = false;
        std::vector<ExecutionEvent> m_held;
    };

    explicit SimulatedExchange(SimulationConfig config);
    void saveIfChanged();

    SimulationConfig m_config;
    mutable std::mutex m_mutex; ///< guards everything below
    std::optional<SimulatedMarket> m_market;
    std::unique_ptr<OrderedSink> m_sink;
    std::unique_ptr<PaperMatchingEngine> m_broker;
    std::vector<MarketDataEvent> m_events;
    std::string m_lastSaveError;
};

} // namespace cw::adapters::sim
