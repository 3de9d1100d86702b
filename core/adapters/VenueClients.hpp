// SPDX-License-Identifier: MIT
#pragma once

#include "core/adapters/IExecutionClient.hpp"
#include "core/adapters/IInstrumentProvider.hpp"
#include "core/adapters/IMarketDataClient.hpp"

#include <memory>

namespace cw::adapters {

/// The clients of one venue, created together by an AdapterRegistry factory. They post into
/// the sinks the factory was given, which must outlive them. `execution` is null when the
/// venue has no execution role or no execution sink was given (market data only).
struct VenueClients {
    std::unique_ptr<IInstrumentProvider> instruments;
    std::unique_ptr<IMarketDataClient> marketData;
    std::unique_ptr<IExecutionClient> execution;
};

} // namespace cw::adapters
