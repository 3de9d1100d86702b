// SPDX-License-Identifier: MIT
#pragma once

#include "core/adapters/MarketDataCommands.hpp"
#include "core/common/Result.hpp"
#include "core/domain/Instrument.hpp"

#include <cstddef>
#include <string_view>
#include <vector>

namespace cw::adapters {

/// The instruments role of one venue: which instruments exist and their trading rules
/// (tick size, lot size, precisions). Keeps the last list it loaded; `requestInstruments`
/// refreshes it from the venue and reports the result as InstrumentsReceived through the sink
/// given at construction.
///
/// Thread: the const queries are thread-safe (any thread); `requestInstruments` is called from
/// one owner thread (the engine thread) and never blocks on the network.
class IInstrumentProvider {
public:
    virtual ~IInstrumentProvider() = default;

    /// The venue's name (Instrument::venue of its instruments).
    virtual std::string_view venue() const = 0;

    /// Every instrument known now, in the venue's order; empty before the first load.
    virtual std::vector<Instrument> instruments() const = 0;
    /// The instrument with exactly this symbol; NotFound otherwise.
    virtual Result<Instrument> find(std::string_view symbol) const = 0;
    /// Instruments whose symbol, base or quote currency contains `text` (ASCII
    /// case-insensitive), exact symbol matches first, then prefix matches, then the rest, at
    /// most `maxResults`. Empty text matches everything.
    virtual std::vector<Instrument> search(std::string_view text, std::size_t maxResults) const = 0;

    /// (Re)loads the list from the venue; answered by InstrumentsReceived. Local errors only
    /// (e.g. a load already running is not an error: the answer covers both).
    virtual Result<void> requestInstruments(const RequestInstruments& command) = 0;
};

} // namespace cw::adapters
