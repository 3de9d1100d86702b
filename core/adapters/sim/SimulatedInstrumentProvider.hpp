// SPDX-License-Identifier: MIT
#pragma once

#include "core/adapters/IInstrumentProvider.hpp"
#include "core/adapters/IMarketDataSink.hpp"
#include "core/adapters/sim/SimulationConfig.hpp"

#include <vector>

namespace cw::adapters::sim {

/// The instruments of the simulated exchange (venue "SIM"): the instruments of the config,
/// known from construction. `requestInstruments` posts InstrumentsReceived at once from the
/// calling thread.
///
/// Thread: immutable after construction; every call is safe from any thread.
class SimulatedInstrumentProvider final : public IInstrumentProvider {
public:
    /// Precondition: config.validate() succeeded (SimulatedVenue checks it).
    SimulatedInstrumentProvider(const SimulationConfig& config, IMarketDataSink& sink);

    std::string_view venue() const override;
    std::vector<Instrument> instruments() const override { return m_instruments; }
    Result<Instrument> find(std::string_view symbol) const override;
    std::vector<Instrument> search(std::string_view text, std::size_t maxResults) const override;
    Result<void> requestInstruments(const RequestInstruments& command) override;

private:
    std::vector<Instrument> m_instruments;
    IMarketDataSink& m_sink;
};

} // namespace cw::adapters::sim
