// SPDX-License-Identifier: MIT
#pragma once

#include "core/adapters/IMarketDataClient.hpp"
#include "core/adapters/IMarketDataSink.hpp"
#include "core/adapters/sim/SimulatedExchange.hpp"
#include "core/adapters/sim/SimulatedMarket.hpp"
#include "core/adapters/sim/SimulationConfig.hpp"

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace cw::adapters::sim {

/// The market-data client of the built-in simulated exchange (venue "SIM").
///
/// `connect()` starts a driver thread that reports Connecting, builds the SimulatedMarket
/// (history generation, well under a second), reports Connected and then, every
/// `driverStepMs`, advances the market to the simulated clock (speed x wall time since
/// Connected) and posts the subscribed trades and quotes. RequestBars are answered by the
/// driver thread from the market's bar store. `disconnect()` (and the destructor) stops and
/// joins the thread within about one step and reports Disconnected.
///
/// Thread: member functions from one owner thread (the engine), except `simulatedTime`,
/// `speed` and `state`, which any thread may call. Events are posted from the driver thread.
class SimulatedMarketDataClient final : public IMarketDataClient {
public:
    static constexpr std::string_view kVenue = "SIM";
    static constexpr int kMaxBarsPerRequest = 50'000;

    /// InvalidArgument when `config` is invalid (SimulationConfig::validate).
    static Result<std::unique_ptr<SimulatedMarketDataClient>> create(SimulationConfig config,
                                                                     IMarketDataSink& sink);
    /// A client of a shared exchange (SimulatedVenue): its driver advances that exchange's
    /// market, so the paper broker matches on the same quotes and trades. Precondition:
    /// exchange is not null.
    static std::unique_ptr<SimulatedMarketDataClient>
    create(std::shared_ptr<SimulatedExchange> exchange, IMarketDataSink& sink);
    ~SimulatedMarketDataClient() override;

    SimulatedMarketDataClient(const SimulatedMarketDataClient&) = delete;
    SimulatedMarketDataClient& operator=(const SimulatedMarketDataClient&) = delete;

    std::string_view venue() const override { return kVenue; }
    const MarketDataCapabilities& capabilities() const override { return m_capabilities; }
    Result<void> connect() override;
    void disconnect() override;
    Result<void> subscribe(const SubscribeMarketData& command) override;
    Result<void> unsubscribe(const UnsubscribeMarketData& command) override;
    Result<void> requestBars(const RequestBars& command) override;
    /// The same as `setSpeed`.
    Result<void> setPlaybackSpeed(double speed) override { return setSpeed(speed); }

    /// Changes the speed from now on (simulated time never jumps). InvalidArgument outside
    /// SimulationConfig::kMinSpeed..kMaxSpeed or NaN.
    Result<void> setSpeed(double speed);
    double speed() const { return m_speed.load(); }
    /// The simulated time the market has reached (0 before Connected).
    TimestampNs simulatedTime() const { return m_simulatedTime.load(); }
    /// The feed state as last reported.
    FeedState state() const { return m_state.load(); }

private:
    struct Streams {
        bool trades = false;
        bool quotes = false;
    };

    SimulatedMarketDataClient(std::shared_ptr<SimulatedExchange> exchange, IMarketDataSink& sink);

    void run();
    void postStatus(FeedState state, std::string message, TimestampNs time);
    Result<std::size_t> checkInstrument(const InstrumentKey& instrument) const;
    BarsReceived answer(const SimulatedMarket& market, const RequestBars& request) const;

    std::shared_ptr<SimulatedExchange> m_exchange; ///< owns the market the driver advances
    SimulationConfig m_config;
    IMarketDataSink& m_sink;
    MarketDataCapabilities m_capabilities;

    std::atomic<double> m_speed;
    std::atomic<TimestampNs> m_simulatedTime{0};
    std::atomic<FeedState> m_state{FeedState::Disconnected};

    std::mutex m_mutex; ///< guards everything below
    std::condition_variable m_wake;
    bool m_stopRequested = false;
    bool m_speedChanged = false;
    std::vector<Streams> m_streams;
    std::vector<RequestBars> m_pendingRequests;
    std::thread m_driver;
};

} // namespace cw::adapters::sim
