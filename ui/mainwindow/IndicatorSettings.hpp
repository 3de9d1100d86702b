// SPDX-License-Identifier: MIT
#pragma once

#include "core/common/Result.hpp"

#include <QColor>

#include <string>
#include <string_view>
#include <vector>

namespace cw::ui {

/// One indicator as the trader configured it on a chart: the registry name, its parameter
/// values, and how it is drawn (a colour per output, a line width). The engine only sees
/// `spec()`; the colours and width stay in the GUI.
///
/// Thread: a plain value.
struct IndicatorSettings {
    std::string name;               ///< registry key, lower case: "sma", "rsi"
    std::vector<double> parameters; ///< complete (defaults filled in), in the descriptor's order
    std::vector<QColor> colors;     ///< one per output; missing or invalid: the chart's default
    double widthPx = 1.0;           ///< line width in pixels, 1..5

    /// "name:p1,p2" as IndicatorRegistry::parse reads it ("sma:20", "bbands:20,2", "obv");
    /// integers print without decimals, reals in their shortest exact form.
    std::string spec() const;
    /// Parses and validates `spec` against the built-in registry and fills in missing
    /// parameters. Errors as IndicatorRegistry::parse (NotFound, ParseError, InvalidArgument).
    static Result<IndicatorSettings> fromSpec(std::string_view spec);

    friend bool operator==(const IndicatorSettings&, const IndicatorSettings&) = default;
};

} // namespace cw::ui
