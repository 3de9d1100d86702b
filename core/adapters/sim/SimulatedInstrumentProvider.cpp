// SPDX-License-Identifier: MIT
#include "core/adapters/sim/SimulatedInstrumentProvider.hpp"

#include "core/adapters/sim/SimulatedMarketDataClient.hpp"

#include <algorithm>
#include <string>

namespace cw::adapters::sim {

namespace {

std::string lowerAscii(std::string_view text) {
    std::string lower(text);
    std::transform(lower.begin(), lower.end(), lower.begin(), [](char c) {
        return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    });
    return lower;
}

} // namespace

SimulatedInstrumentProvider::SimulatedInstrumentProvider(const SimulationConfig& config,
                                                         IMarketDataSink& sink)
    : m_sink(sink) {
    m_instruments.reserve(config.instruments.size());
    for (const SimulatedInstrumentSpec& spec : config.instruments)
        m_instruments.push_back(spec.instrument);
}

std::string_view SimulatedInstrumentProvider::venue() const {
    return SimulatedMarketDataClient::kVenue;
}

Result<Instrument> SimulatedInstrumentProvider::find(std::string_view symbol) const {
    for (const Instrument& instrument : m_instruments)
        if (instrument.symbol == symbol)
            return instrument;
    return fail(ErrorCode::NotFound,
                "the simulated exchange lists no '" + std::string(symbol) + "'");
}

std::vector<Instrument> SimulatedInstrumentProvider::search(std::string_view text,
                                                            std::size_t maxResults) const {
    const std::string needle = lowerAscii(text);
    // Rank: 0 exact symbol, 1 symbol prefix, 2 contained in symbol or currencies.
    std::vector<std::pair<int, std::size_t>> ranked;
    for (std::size_t i = 0; i < m_instruments.size(); ++i) {
        const Instrument& instrument = m_instruments[i];
        const std::string symbol = lowerAscii(instrument.symbol);
        int rank = -1;
        if (symbol == needle)
            rank = 0;
        else if (symbol.starts_with(needle))
            rank = 1;
        else if (symbol.find(needle) != std::string::npos ||
                 lowerAscii(instrument.baseCurrency.code()).find(needle) != std::string::npos ||
                 lowerAscii(instrument.quoteCurrency.code()).find(needle) != std::string::npos)
            rank = 2;
        if (rank >= 0)
            ranked.emplace_back(rank, i);
    }
    std::stable_sort(ranked.begin(), ranked.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<Instrument> result;
    for (const auto& [rank, i] : ranked) {
        if (result.size() >= maxResults)
            break;
        result.push_back(m_instruments[i]);
    }
    return result;
}

Result<void> SimulatedInstrumentProvider::requestInstruments(const RequestInstruments& command) {
    m_sink.post(InstrumentsReceived{command.requestId, std::string(venue()), m_instruments, {}});
    return {};
}

} // namespace cw::adapters::sim
