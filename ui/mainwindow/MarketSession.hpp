// SPDX-License-Identifier: MIT
#pragma once

#include "core/adapters/AdapterRegistry.hpp"
#include "core/common/Result.hpp"
#include "core/domain/Instrument.hpp"
#include "core/engine/Engine.hpp"
#include "ui/bridge/EngineBridge.hpp"

#include <memory>
#include <vector>

namespace cw::ui {

/// The market side of the workstation: the EngineBridge (engine thread and the venues' clients)
/// and the instrument lists the venues offered when they were added.
///
/// Widgets never touch a venue's live objects: the instrument list is copied once, when the
/// venue's factory creates its clients inside `addVenue` (the provider's queries are
/// thread-safe), and kept here as plain values for the watchlist's and charts' pickers.
/// Thread: GUI.
class MarketSession {
public:
    /// 30 days of 1m history per chart, so 4h and 1D charts have bars to show.
    static engine::Engine::Config defaultEngineConfig();

    explicit MarketSession(engine::Engine::Config config = defaultEngineConfig());
    ~MarketSession();
    MarketSession(const MarketSession&) = delete;
    MarketSession& operator=(const MarketSession&) = delete;

    /// Adds the built-in simulated exchange ("sim") with `settings` (seed, speed, startTime,
    /// historyDays, stepMs). Errors: InvalidArgument for bad settings, Unsupported once started.
    Result<void> addSimulatedVenue(const adapters::AdapterSettings& settings);
    /// Adds venue `name` from `registry` (which must outlive this call only).
    Result<void> addVenue(const adapters::AdapterRegistry& registry, std::string_view name,
                          const adapters::AdapterSettings& settings);

    void start() { m_bridge->start(); }
    bool stop(int joinTimeoutMs = 2000) { return m_bridge->stop(joinTimeoutMs); }

    EngineBridge& bridge() { return *m_bridge; }
    /// Every instrument of every added venue, venue by venue in the venues' order.
    const std::vector<Instrument>& instruments() const { return m_instruments; }

private:
    std::unique_ptr<EngineBridge> m_bridge;
    std::vector<Instrument> m_instruments;
};

} // namespace cw::ui
