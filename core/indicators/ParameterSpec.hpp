// SPDX-License-Identifier: MIT
#pragma once

#include <string>

namespace cw::indicators {

enum class ParameterType {
    Invalid = 0,
    Integer, ///< whole numbers only (periods); a value with a fraction is rejected
    Real,
};

/// One typed parameter of an indicator, with its closed range and default. UIs build their
/// forms from these; the CLI validates `rsi:14` against them.
struct ParameterSpec {
    std::string name;        ///< "period", "stddevs"
    std::string description; ///< one line for tooltips and `--list`
    ParameterType type = ParameterType::Invalid;
    double minValue = 0.0;
    double maxValue = 0.0;
    double defaultValue = 0.0;
};

} // namespace cw::indicators
