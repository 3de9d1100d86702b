// SPDX-License-Identifier: MIT
#pragma once

#include "core/indicators/IndicatorDescriptor.hpp"

#include <memory>
#include <span>
#include <string>
#include <vector>

namespace cw::indicators {

/// An indicator with validated parameter values: what a chart pane, a strategy or a CLI
/// column holds. Cheap to copy.
class ConfiguredIndicator {
public:
    ConfiguredIndicator(const IndicatorDescriptor& descriptor, std::vector<double> params);

    const IndicatorDescriptor& descriptor() const { return *m_descriptor; }
    std::span<const double> parameters() const { return m_params; }

    /// "rsi_14", "bbands_20_2": name and parameters joined by '_' (integers without decimals,
    /// reals in their shortest exact form).
    std::string label() const;
    /// One column name per output: the label alone for a single output, otherwise
    /// label + '_' + output name ("bbands_20_2_upper").
    std::vector<std::string> outputColumnNames() const;

    /// Runs the batch kernel; `outputs` as in IndicatorDescriptor::BatchFn.
    void computeBatch(const BarSeriesView& bars, std::span<const std::span<double>> outputs) const;
    /// A fresh streaming instance with these parameters.
    std::unique_ptr<IStreamingIndicator> makeStream() const;

private:
    const IndicatorDescriptor* m_descriptor;
    std::vector<double> m_params;
};

} // namespace cw::indicators
