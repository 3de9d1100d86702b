// SPDX-License-Identifier: MIT
#include "core/indicators/IndicatorRegistry.hpp"

#include "core/common/Assert.hpp"
#include "core/indicators/BuiltinIndicators.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>

namespace cw::indicators {

namespace {

bool equalsIgnoreCase(std::string_view a, std::string_view b) {
    const auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c; };
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                              [&](char x, char y) { return lower(x) == lower(y); });
}

std::string_view trim(std::string_view s) {
    const auto space = [](char c) { return c == ' ' || c == '\t'; };
    while (!s.empty() && space(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && space(s.back()))
        s.remove_suffix(1);
    return s;
}

/// Shortest form for messages: "1.5", "20", "nan".
std::string formatNumber(double value) {
    if (std::isnan(value))
        return "nan";
    std::array<char, 64> buffer{};
    const auto r = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
    return std::string(buffer.data(), r.ptr);
}

std::string rangeText(const ParameterSpec& spec) {
    return "[" + formatNumber(spec.minValue) + ", " + formatNumber(spec.maxValue) + "]";
}

} // namespace

IndicatorRegistry::IndicatorRegistry(std::vector<IndicatorDescriptor> descriptors)
    : m_descriptors(std::move(descriptors)) {}

const IndicatorRegistry& IndicatorRegistry::builtin() {
    static const IndicatorRegistry registry(builtinIndicators());
    return registry;
}

const IndicatorDescriptor* IndicatorRegistry::find(std::string_view name) const {
    for (const auto& d : m_descriptors) {
        if (equalsIgnoreCase(d.name, name))
            return &d;
    }
    return nullptr;
}

Result<ConfiguredIndicator> IndicatorRegistry::configure(std::string_view name,
                                                         std::span<const double> params) const {
    const IndicatorDescriptor* d = find(name);
    if (d == nullptr)
        return fail(ErrorCode::NotFound, "unknown indicator '" + std::string(name) + "'");
    const auto& specs = d->parameters;
    if (params.size() > specs.size()) {
        const std::string takes = specs.empty()
                                      ? std::string("takes no parameters")
                                      : "takes at most " + std::to_string(specs.size()) +
                                            (specs.size() == 1 ? " parameter" : " parameters");
        return fail(ErrorCode::InvalidArgument,
                    d->name + ": " + takes + ", got " + std::to_string(params.size()));
    }
    std::vector<double> values;
    values.reserve(specs.size());
    for (std::size_t i = 0; i < specs.size(); ++i) {
        const ParameterSpec& spec = specs[i];
        const double v = i < params.size() ? params[i] : spec.defaultValue;
        const bool integer = spec.type == ParameterType::Integer;
        const bool valid = std::isfinite(v) && v >= spec.minValue && v <= spec.maxValue &&
                           (!integer || v == std::trunc(v));
        if (!valid) {
            return fail(ErrorCode::InvalidArgument,
                        d->name + ": parameter '" + spec.name + "' must be " +
                            (integer ? "an integer" : "a number") + " in " + rangeText(spec) +
                            ", got " + formatNumber(v));
        }
        values.push_back(v);
    }
    // The one cross-parameter rule: a "fast" period must be shorter than the "slow" one.
    const auto fast = std::find_if(specs.begin(), specs.end(),
                                   [](const ParameterSpec& s) { return s.name == "fast"; });
    const auto slow = std::find_if(specs.begin(), specs.end(),
                                   [](const ParameterSpec& s) { return s.name == "slow"; });
    if (fast != specs.end() && slow != specs.end() &&
        !(values[fast - specs.begin()] < values[slow - specs.begin()])) {
        return fail(ErrorCode::InvalidArgument,
                    d->name + ": parameter 'fast' must be below 'slow', got " +
                        formatNumber(values[fast - specs.begin()]) + " and " +
                        formatNumber(values[slow - specs.begin()]));
    }
    return ConfiguredIndicator(*d, std::move(values));
}

Result<ConfiguredIndicator> IndicatorRegistry::parse(std::string_view spec) const {
    const std::size_t colon = spec.find(':');
    const std::string_view name = trim(spec.substr(0, colon));
    if (name.empty())
        return fail(ErrorCode::ParseError, "missing indicator name in '" + std::string(spec) + "'");
    if (find(name) == nullptr)
        return fail(ErrorCode::NotFound, "unknown indicator '" + std::string(name) + "'");
    std::vector<double> params;
    if (colon != std::string_view::npos) {
        std::string_view rest = spec.substr(colon + 1);
        while (true) {
            const std::size_t comma = rest.find(',');
            const std::string_view item = trim(rest.substr(0, comma));
            double value = 0.0;
            const auto r = std::from_chars(item.data(), item.data() + item.size(), value);
            if (item.empty() || r.ec != std::errc() || r.ptr != item.data() + item.size()) {
                return fail(ErrorCode::ParseError, std::string(name) + ": malformed parameter '" +
                                                       std::string(item) + "' in '" +
                                                       std::string(spec) + "'");
            }
            params.push_back(value);
            if (comma == std::string_view::npos)
                break;
            rest.remove_prefix(comma + 1);
        }
    }
    return configure(name, params);
}

} // namespace cw::indicators
