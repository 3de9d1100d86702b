// SPDX-License-Identifier: MIT
#include "core/indicators/ConfiguredIndicator.hpp"

#include "core/common/Assert.hpp"

#include <array>
#include <charconv>
#include <cmath>

namespace cw::indicators {

namespace {

/// Integers without decimals; reals in their shortest round-trip form ("2", "2.5", "0.1").
void appendNumber(std::string& out, double value, ParameterType type) {
    std::array<char, 64> buffer{};
    std::to_chars_result r;
    if (type == ParameterType::Integer || (value == std::trunc(value) && std::fabs(value) < 1e15)) {
        r = std::to_chars(buffer.data(), buffer.data() + buffer.size(),
                          static_cast<long long>(value));
    } else {
        r = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
    }
    out.append(buffer.data(), r.ptr);
}

} // namespace

ConfiguredIndicator::ConfiguredIndicator(const IndicatorDescriptor& descriptor,
                                         std::vector<double> params)
    : m_descriptor(&descriptor), m_params(std::move(params)) {
    CW_ASSERT(m_params.size() == descriptor.parameters.size());
}

std::string ConfiguredIndicator::label() const {
    std::string out = m_descriptor->name;
    for (std::size_t i = 0; i < m_params.size(); ++i) {
        out += '_';
        appendNumber(out, m_params[i], m_descriptor->parameters[i].type);
    }
    return out;
}

std::vector<std::string> ConfiguredIndicator::outputColumnNames() const {
    const std::string base = label();
    const auto& outputs = m_descriptor->outputs;
    if (outputs.size() == 1)
        return {base};
    std::vector<std::string> names;
    names.reserve(outputs.size());
    for (const auto& output : outputs)
        names.push_back(base + '_' + output);
    return names;
}

void ConfiguredIndicator::computeBatch(const BarSeriesView& bars,
                                       std::span<const std::span<double>> outputs) const {
    CW_ASSERT(outputs.size() == m_descriptor->outputs.size());
    for (const auto& output : outputs)
        CW_ASSERT(output.size() == bars.size());
    m_descriptor->batch(bars, m_params, outputs);
}

std::unique_ptr<IStreamingIndicator> ConfiguredIndicator::makeStream() const {
    return m_descriptor->stream(m_params);
}

} // namespace cw::indicators
