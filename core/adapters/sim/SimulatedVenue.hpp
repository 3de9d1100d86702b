// SPDX-License-Identifier: MIT
#pragma once

#include "core/adapters/AdapterRegistry.hpp"
#include "core/adapters/IMarketDataSink.hpp"
#include "core/adapters/VenueClients.hpp"
#include "core/common/Result.hpp"

#include <string_view>

namespace cw::adapters::sim {

/// The built-in simulated exchange as a venue of the AdapterRegistry (name "sim").
///
///     AdapterRegistry registry;
///     SimulatedVenue::registerIn(registry);
///     auto clients = registry.create("sim", {{"speed", "100"}}, engineQueue);
///
/// Settings: see SimulationConfig::fromSettings.
class SimulatedVenue {
public:
    static constexpr std::string_view kName = "sim";

    /// The clients for `settings` (InvalidArgument for bad settings): instruments and market
    /// data post into `sink`; with an execution sink also the paper broker
    /// (SimulatedExecutionClient), which shares the market-data client's exchange. A corrupt
    /// paper account file is a ParseError.
    static Result<VenueClients> create(const AdapterSettings& settings, IMarketDataSink& sink,
                                       IExecutionSink* execution = nullptr);
    /// Adds "sim" to `registry`; InvalidArgument when it is already there.
    static Result<void> registerIn(AdapterRegistry& registry);
};

} // namespace cw::adapters::sim
