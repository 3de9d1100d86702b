// SPDX-License-Identifier: MIT
#include "ui/chart/ChartIndicatorFactory.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <span>
#include <sstream>

namespace cw::ui {

namespace {

bool isHistogramName(const std::string& name) {
    return name == "hist" || name == "histogram";
}

void applyConventions(ChartIndicator& ind, const std::string& key) {
    if (key == "rsi" || key == "mfi") {
        ind.setLevels({30.0, 70.0});
        ind.setFixedRange(0.0, 100.0);
    } else if (key.rfind("stoch", 0) == 0) {
        ind.setLevels({20.0, 80.0});
        ind.setFixedRange(0.0, 100.0);
    } else if (key == "willr") {
        ind.setLevels({-80.0, -20.0});
        ind.setFixedRange(-100.0, 0.0);
    } else if (key == "cci") {
        ind.setLevels({-100.0, 100.0});
    }
}

void fill(ChartIndicator& target, const indicators::ConfiguredIndicator& config,
          const BarSeries& bars) {
    auto outputs = target.outputs();
    std::vector<std::span<double>> spans;
    spans.reserve(outputs.size());
    for (auto& out : outputs) {
        out.values.assign(bars.size(), std::nan(""));
        spans.emplace_back(out.values.writable());
    }
    if (!bars.empty())
        config.computeBatch(bars.view(), spans);
    auto stream = config.makeStream();
    if (stream) {
        for (std::size_t i = 0; i < bars.size(); ++i)
            stream->update(bars.row(i));
    }
    target.setStream(std::move(stream));
    target.refresh();
}

} // namespace

QColor ChartIndicatorFactory::paletteColor(std::size_t i) {
    static constexpr std::array<QRgb, 8> kPalette = {
        0xff2962ff, // blue
        0xffff9800, // orange
        0xffe040fb, // violet
        0xff00bcd4, // cyan
        0xffffeb3b, // yellow
        0xff4caf50, // green
        0xfff06292, // pink
        0xff9e9e9e, // grey
    };
    return QColor::fromRgba(kPalette[i % kPalette.size()]);
}

std::string ChartIndicatorFactory::displayName(const indicators::ConfiguredIndicator& config) {
    std::string name = config.descriptor().name;
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    for (double p : config.parameters()) {
        std::ostringstream s;
        s << p;
        name += ' ';
        name += s.str();
    }
    return name;
}

ChartIndicator ChartIndicatorFactory::create(const indicators::ConfiguredIndicator& config,
                                             const BarSeries& bars, std::size_t colourIndex) {
    const auto& desc = config.descriptor();
    ChartIndicator ind(displayName(config), desc.placement == indicators::Placement::OwnPane
                                                ? indicators::Placement::OwnPane
                                                : indicators::Placement::PriceOverlay);
    // Bands (upper/middle/lower) share one colour; other outputs take the next ones.
    const bool bands =
        std::find(desc.outputs.begin(), desc.outputs.end(), "upper") != desc.outputs.end();
    std::size_t colour = colourIndex;
    for (const std::string& outName : desc.outputs) {
        if (isHistogramName(outName)) {
            ind.addOutput(outName, paletteColor(7), ChartIndicator::OutputStyle::Histogram, 1.0);
        } else if (bands) {
            ind.addOutput(outName, paletteColor(colourIndex), ChartIndicator::OutputStyle::Line,
                          1.0);
        } else {
            ind.addOutput(outName, paletteColor(colour++));
        }
    }
    applyConventions(ind, desc.name);
    fill(ind, config, bars);
    return ind;
}

void ChartIndicatorFactory::recompute(ChartIndicator& target,
                                      const indicators::ConfiguredIndicator& config,
                                      const BarSeries& bars) {
    fill(target, config, bars);
}

} // namespace cw::ui
