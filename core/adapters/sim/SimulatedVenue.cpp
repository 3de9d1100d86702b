// SPDX-License-Identifier: MIT
#include "core/adapters/sim/SimulatedVenue.hpp"

#include "core/adapters/sim/SimulatedExchange.hpp"
#include "core/adapters/sim/SimulatedExecutionClient.hpp"
#include "core/adapters/sim/SimulatedInstrumentProvider.hpp"
#include "core/adapters/sim/SimulatedMarketDataClient.hpp"
#include "core/adapters/sim/SimulationConfig.hpp"

namespace cw::adapters::sim {

Result<VenueClients> SimulatedVenue::create(const AdapterSettings& settings, IMarketDataSink& sink,
                                            IExecutionSink* execution) {
    auto config = SimulationConfig::fromSettings(settings);
    if (!config)
        return config.error();
    auto exchange = SimulatedExchange::create(*config, execution);
    if (!exchange)
        return exchange.error();
    VenueClients clients;
    clients.instruments = std::make_unique<SimulatedInstrumentProvider>(*config, sink);
    clients.marketData = SimulatedMarketDataClient::create(*exchange, sink);
    if (execution)
        clients.execution = std::make_unique<SimulatedExecutionClient>(std::move(*exchange));
    return clients;
}

Result<void> SimulatedVenue::registerIn(AdapterRegistry& registry) {
    return registry.add(std::string(kName), "built-in simulated exchange (6 instruments)",
                        &SimulatedVenue::create);
}

} // namespace cw::adapters::sim
