// SPDX-License-Identifier: MIT
#pragma once

#include "core/common/Result.hpp"
#include "core/indicators/ConfiguredIndicator.hpp"
#include "core/indicators/IndicatorDescriptor.hpp"

#include <span>
#include <string_view>
#include <vector>

namespace cw::indicators {

/// Every built-in indicator by name. Immutable after construction, so safe to read from
/// any thread.
class IndicatorRegistry {
public:
    /// The registry of all built-in indicators.
    static const IndicatorRegistry& builtin();

    std::span<const IndicatorDescriptor> descriptors() const { return m_descriptors; }
    /// nullptr when unknown; names are matched case-insensitively.
    const IndicatorDescriptor* find(std::string_view name) const;

    /// Validates `params` against the descriptor (count, integer-ness, range); missing
    /// trailing parameters take their defaults. Errors: NotFound (unknown name),
    /// InvalidArgument (too many values, out of range, fraction for an integer).
    Result<ConfiguredIndicator> configure(std::string_view name,
                                          std::span<const double> params) const;
    /// Parses "name[:p1[,p2...]]", e.g. "rsi:14", "bbands:20,2", "obv". Errors as
    /// `configure`, plus ParseError for a malformed number.
    Result<ConfiguredIndicator> parse(std::string_view spec) const;

    explicit IndicatorRegistry(std::vector<IndicatorDescriptor> descriptors);

private:
    std::vector<IndicatorDescriptor> m_descriptors;
};

} // namespace cw::indicators
