// SPDX-License-Identifier: MIT
#pragma once

#include "core/adapters/IExecutionClient.hpp"
#include "core/adapters/IExecutionSink.hpp"
#include "core/adapters/sim/SimulatedExchange.hpp"

#include <atomic>
#include <memory>
#include <mutex>
#include <optional>
#include <string_view>
#include <thread>

namespace cw::adapters::sim {

/// The execution client of the built-in simulated exchange (venue "SIM"): the paper broker.
/// Orders match in the SimulatedExchange it shares with the market-data client, against the
/// same quotes and trades that client streams, at the same simulated time (rules in
/// docs/simulated-exchange.md, "Paper broker").
///
/// `connect()` starts a short-lived thread that reports Connecting, builds the market if the
/// market-data client has not yet, then reports Connected and an unasked ReconciliationReport
/// (requestId 0). Commands are matched at once, from the calling thread, under the
/// exchange's lock; fills of resting orders come from the market-data driver thread.
///
/// Thread: member functions from one owner thread (the engine), `state` from any.
class SimulatedExecutionClient final : public IExecutionClient {
public:
    static constexpr std::string_view kVenue = "SIM";
    static constexpr std::size_t kMaxClientOrderIdLength = 36;

    /// Precondition: exchange->hasPaperBroker() (it posts into the sink it was created with).
    explicit SimulatedExecutionClient(std::shared_ptr<SimulatedExchange> exchange);
    ~SimulatedExecutionClient() override;

    SimulatedExecutionClient(const SimulatedExecutionClient&) = delete;
    SimulatedExecutionClient& operator=(const SimulatedExecutionClient&) = delete;

    std::string_view venue() const override { return kVenue; }
    const ExecutionCapabilities& capabilities() const override { return m_capabilities; }
    /// The paper broker's configured maker/taker rates for the instrument's asset class
    /// (PaperBrokerConfig::feesFor); nullopt for an instrument the exchange does not list.
    std::optional<FeeRates> feeRates(const InstrumentKey& instrument) const override;
    Result<void> connect() override;
    void disconnect() override;
    Result<void> submit(const SubmitOrder& command) override;
    Result<void> modify(const ModifyOrder& command) override;
    Result<void> cancel(const CancelOrder& command) override;
    Result<void> cancelAll(const CancelAllOrders& command) override;
    Result<void> requestReconciliation(const RequestReconciliation& command) override;

    /// The session state as last reported.
    FeedState state() const { return m_state.load(); }
    const std::shared_ptr<SimulatedExchange>& exchange() const { return m_exchange; }

    /// Empty when `id` is a valid client order id (1..36 of A-Z a-z 0-9 . : / _ -),
    /// otherwise why not.
    static std::string checkClientOrderId(std::string_view id);

private:
    Result<void> checkSession() const;
    Result<void> checkInstrument(const InstrumentKey& instrument) const;
    void postStatus(FeedState state, std::string message);

    std::shared_ptr<SimulatedExchange> m_exchange;
    ExecutionCapabilities m_capabilities;
    std::atomic<FeedState> m_state{FeedState::Disconnected};
    std::atomic<bool> m_stopRequested{false};
    std::thread m_connector;
};

} // namespace cw::adapters::sim
