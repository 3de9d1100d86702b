// SPDX-License-Identifier: MIT
#pragma once

#include "core/adapters/IInstrumentProvider.hpp"
#include "core/adapters/IMarketDataClient.hpp"

#include <memory>

namespace cw::adapters {

/// The clients of one venue, created together by an AdapterRegistry factory. They post into
/// the sink the factory was given, which must outlive them. Execution joins here later.
struct VenueClients {
    std::unique_ptr<IInstrumentProvider> instruments;
    std::unique_ptr<IMarketDataClient> marketData;
};

} // namespace cw::adapters
