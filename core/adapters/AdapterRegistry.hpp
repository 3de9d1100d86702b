// SPDX-License-Identifier: MIT
#pragma once

#include "core/adapters/IExecutionSink.hpp"
#include "core/adapters/IMarketDataSink.hpp"
#include "core/adapters/VenueClients.hpp"
#include "core/common/Result.hpp"

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace cw::adapters {

/// Settings for a venue's clients as text key/value pairs (from the connections dialog or the
/// command line), e.g. {"seed": "42", "speed": "10"} for "sim". Secrets never go here: they
/// come from the keychain. Each venue documents its keys and rejects unknown ones.
using AdapterSettings = std::map<std::string, std::string, std::less<>>;

/// Builds the clients of one venue. Errors are InvalidArgument for bad settings. The sinks
/// must outlive the returned clients; with no execution sink (null) no execution client is
/// built.
using AdapterFactory = std::function<Result<VenueClients>(
    const AdapterSettings& settings, IMarketDataSink& marketData, IExecutionSink* execution)>;

/// Venue name -> factory, so the application creates clients by name ("sim", later
/// "binance", "ib", "mt5") without knowing their classes.
///
/// Thread: fill it once at start-up, then use it from any thread (const calls only).
class AdapterRegistry {
public:
    struct Entry {
        std::string name;        ///< lower-case id: "sim", "binance"
        std::string description; ///< one line for people
        AdapterFactory factory;
    };

    /// InvalidArgument for an empty name, a name that is not lower-case a-z, 0-9, '-' or '_',
    /// a name already registered, or an empty factory.
    Result<void> add(std::string name, std::string description, AdapterFactory factory);

    bool contains(std::string_view name) const;
    /// Registered names in alphabetical order.
    std::vector<std::string> names() const;
    /// NotFound for an unknown name.
    Result<const Entry*> find(std::string_view name) const;

    /// Creates the clients of venue `name`: NotFound for an unknown name, otherwise whatever
    /// the factory returns.
    Result<VenueClients> create(std::string_view name, const AdapterSettings& settings,
                                IMarketDataSink& marketData,
                                IExecutionSink* execution = nullptr) const;

private:
    std::map<std::string, Entry, std::less<>> m_entries;
};

} // namespace cw::adapters
