// SPDX-License-Identifier: MIT
#pragma once

#include "core/adapters/InstrumentKey.hpp"

#include <map>
#include <optional>

namespace cw::risk {

/// One limit with a default for every instrument and per-instrument overrides. An override
/// may itself be "off" (nullopt): that instrument then has no limit even when the default is
/// set. A nullopt default means "off" for instruments without an override.
///
/// Thread: a plain value.
template <class T>
struct PerInstrumentLimit {
    std::optional<T> defaultValue;
    std::map<adapters::InstrumentKey, std::optional<T>> overrides;

    /// The limit that applies to `instrument`: its override if it has one, else the default.
    const std::optional<T>& forInstrument(const adapters::InstrumentKey& instrument) const {
        const auto it = overrides.find(instrument);
        return it != overrides.end() ? it->second : defaultValue;
    }

    friend bool operator==(const PerInstrumentLimit&, const PerInstrumentLimit&) = default;
};

} // namespace cw::risk
