// SPDX-License-Identifier: MIT
#include "ui/mainwindow/IndicatorSettings.hpp"

#include "core/indicators/IndicatorRegistry.hpp"

#include <array>
#include <charconv>

namespace cw::ui {

std::string IndicatorSettings::spec() const {
    std::string text = name;
    for (std::size_t i = 0; i < parameters.size(); ++i) {
        text += i == 0 ? ':' : ',';
        std::array<char, 32> buffer{};
        // Shortest round-trip form: 14 -> "14", 2.5 -> "2.5".
        const auto [end, ec] =
            std::to_chars(buffer.data(), buffer.data() + buffer.size(), parameters[i]);
        if (ec == std::errc())
            text.append(buffer.data(), end);
    }
    return text;
}

Result<IndicatorSettings> IndicatorSettings::fromSpec(std::string_view spec) {
    auto configured = indicators::IndicatorRegistry::builtin().parse(spec);
    if (!configured)
        return configured.error();
    IndicatorSettings settings;
    settings.name = configured->descriptor().name;
    settings.parameters.assign(configured->parameters().begin(), configured->parameters().end());
    return settings;
}

} // namespace cw::ui
