// SPDX-License-Identifier: MIT
#include "core/adapters/AdapterRegistry.hpp"

#include <algorithm>

namespace cw::adapters {

Result<void> AdapterRegistry::add(std::string name, std::string description,
                                  AdapterFactory factory) {
    const bool validName = !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    });
    if (!validName)
        return fail(ErrorCode::InvalidArgument,
                    "venue name '" + name + "' is not lower-case a-z, 0-9, '-' or '_'");
    if (!factory)
        return fail(ErrorCode::InvalidArgument, "venue '" + name + "' has no factory");
    if (m_entries.contains(name))
        return fail(ErrorCode::InvalidArgument, "venue '" + name + "' is already registered");
    Entry entry{name, std::move(description), std::move(factory)};
    m_entries.emplace(std::move(name), std::move(entry));
    return {};
}

bool AdapterRegistry::contains(std::string_view name) const {
    return m_entries.find(name) != m_entries.end();
}

std::vector<std::string> AdapterRegistry::names() const {
    std::vector<std::string> result;
    result.reserve(m_entries.size());
    for (const auto& [name, entry] : m_entries)
        result.push_back(name);
    return result;
}

Result<const AdapterRegistry::Entry*> AdapterRegistry::find(std::string_view name) const {
    const auto it = m_entries.find(name);
    if (it == m_entries.end())
        return fail(ErrorCode::NotFound, "no venue adapter named '" + std::string(name) + "'");
    return &it->second;
}

Result<VenueClients> AdapterRegistry::create(std::string_view name, const AdapterSettings& settings,
                                             IMarketDataSink& marketData,
                                             IExecutionSink* execution) const {
    auto entry = find(name);
    if (!entry)
        return entry.error();
    return (*entry)->factory(settings, marketData, execution);
}

} // namespace cw::adapters
