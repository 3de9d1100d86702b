// SPDX-License-Identifier: MIT
#include "ui/mainwindow/MarketSession.hpp"

#include "core/adapters/sim/SimulatedVenue.hpp"

namespace cw::ui {

engine::Engine::Config MarketSession::defaultEngineConfig() {
    engine::Engine::Config config;
    config.historyBars = 30 * 24 * 60;
    return config;
}

MarketSession::MarketSession(engine::Engine::Config config)
    : m_bridge(std::make_unique<EngineBridge>(config)) {}

MarketSession::~MarketSession() = default;

Result<void> MarketSession::addSimulatedVenue(const adapters::AdapterSettings& settings) {
    adapters::AdapterRegistry registry;
    if (auto added = adapters::sim::SimulatedVenue::registerIn(registry); !added)
        return added;
    return addVenue(registry, adapters::sim::SimulatedVenue::kName, settings);
}

Result<void> MarketSession::addVenue(const adapters::AdapterRegistry& registry,
                                     std::string_view name,
                                     const adapters::AdapterSettings& settings) {
    auto entry = registry.find(name);
    if (!entry)
        return entry.error();
    // The same factory, wrapped so the instrument list is copied while the clients are made.
    adapters::AdapterRegistry capturing;
    std::vector<Instrument> offered;
    auto added =
        capturing.add((*entry)->name, (*entry)->description,
                      [factory = (*entry)->factory, &offered](const adapters::AdapterSettings& s,
                                                              adapters::IMarketDataSink& sink,
                                                              adapters::IExecutionSink* execution) {
                          auto clients = factory(s, sink, execution);
                          if (clients && clients->instruments)
                              offered = clients->instruments->instruments();
                          return clients;
                      });
    if (!added)
        return added;
    if (auto result = m_bridge->addVenue(capturing, name, settings); !result)
        return result;
    m_instruments.insert(m_instruments.end(), offered.begin(), offered.end());
    return {};
}

} // namespace cw::ui
