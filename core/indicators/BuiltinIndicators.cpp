// SPDX-License-Identifier: MIT
#include "core/indicators/BuiltinIndicators.hpp"

#include "core/indicators/Atr.hpp"
#include "core/indicators/BollingerBands.hpp"
#include "core/indicators/DonchianChannel.hpp"
#include "core/indicators/Ema.hpp"
#include "core/indicators/Macd.hpp"
#include "core/indicators/Obv.hpp"
#include "core/indicators/RollingStdDev.hpp"
#include "core/indicators/Rsi.hpp"
#include "core/indicators/Sma.hpp"
#include "core/indicators/Stochastic.hpp"
#include "core/indicators/Vwap.hpp"
#include "core/indicators/Wma.hpp"
#include "core/indicators/ZScore.hpp"

#include <memory>

namespace cw::indicators {

namespace {

using Params = std::span<const double>;
using Outputs = std::span<const std::span<double>>;

/// Parameters arrive validated, so integer-typed ones are whole numbers in range.
int asInt(double value) {
    return static_cast<int>(value);
}

ParameterSpec period(double defaultValue, std::string description = "bars in the window") {
    return {"period", std::move(description), ParameterType::Integer, 2, 1000, defaultValue};
}

ParameterSpec integer(std::string name, std::string description, double minValue, double maxValue,
                      double defaultValue) {
    return {std::move(name), std::move(description), ParameterType::Integer, minValue, maxValue,
            defaultValue};
}

ParameterSpec real(std::string name, std::string description, double minValue, double maxValue,
                   double defaultValue) {
    return {std::move(name), std::move(description), ParameterType::Real, minValue, maxValue,
            defaultValue};
}

IndicatorDescriptor sma() {
    return {
        "sma",
        "Simple Moving Average",
        "arithmetic mean of the last n closes",
        {period(20)},
        {"value"},
        Placement::PriceOverlay,
        [](const BarSeriesView& b, Params p, Outputs o) { smaBatch(b.close, asInt(p[0]), o[0]); },
        [](Params p) { return std::make_unique<SmaStream>(asInt(p[0])); }};
}

IndicatorDescriptor ema() {
    return {
        "ema",
        "Exponential Moving Average",
        "EMA of the closes, alpha 2/(n+1), seeded with the SMA of the first n",
        {period(20)},
        {"value"},
        Placement::PriceOverlay,
        [](const BarSeriesView& b, Params p, Outputs o) { emaBatch(b.close, asInt(p[0]), o[0]); },
        [](Params p) { return std::make_unique<EmaStream>(asInt(p[0])); }};
}

IndicatorDescriptor wma() {
    return {
        "wma",
        "Weighted Moving Average",
        "linearly weighted mean of the last n closes, newest weighs n",
        {period(20)},
        {"value"},
        Placement::PriceOverlay,
        [](const BarSeriesView& b, Params p, Outputs o) { wmaBatch(b.close, asInt(p[0]), o[0]); },
        [](Params p) { return std::make_unique<WmaStream>(asInt(p[0])); }};
}

IndicatorDescriptor rsi() {
    return {
        "rsi",
        "Relative Strength Index",
        "Wilder's RSI of the closes, 0 to 100",
        {period(14)},
        {"value"},
        Placement::OwnPane,
        [](const BarSeriesView& b, Params p, Outputs o) { rsiBatch(b.close, asInt(p[0]), o[0]); },
        [](Params p) { return std::make_unique<RsiStream>(asInt(p[0])); }};
}

IndicatorDescriptor macd() {
    return {"macd",
            "MACD",
            "fast EMA minus slow EMA of the closes, its signal EMA and the histogram",
            {integer("fast", "fast EMA period, below slow", 2, 1000, 12),
             integer("slow", "slow EMA period", 2, 1000, 26),
             integer("signal", "signal EMA period", 1, 1000, 9)},
            {"macd", "signal", "hist"},
            Placement::OwnPane,
            [](const BarSeriesView& b, Params p, Outputs o) {
                macdBatch(b.close, asInt(p[0]), asInt(p[1]), asInt(p[2]), o[0], o[1], o[2]);
            },
            [](Params p) {
                return std::make_unique<MacdStream>(asInt(p[0]), asInt(p[1]), asInt(p[2]));
            }};
}

IndicatorDescriptor bbands() {
    return {"bbands",
            "Bollinger Bands",
            "SMA of the closes plus and minus k population standard deviations",
            {period(20), real("stddevs", "band width in standard deviations", 0.1, 10, 2)},
            {"upper", "middle", "lower"},
            Placement::PriceOverlay,
            [](const BarSeriesView& b, Params p, Outputs o) {
                bollingerBandsBatch(b.close, asInt(p[0]), p[1], o[0], o[1], o[2]);
            },
            [](Params p) { return std::make_unique<BollingerBandsStream>(asInt(p[0]), p[1]); }};
}

IndicatorDescriptor atr() {
    return {"atr",
            "Average True Range",
            "Wilder average of the true range",
            {period(14)},
            {"value"},
            Placement::OwnPane,
            [](const BarSeriesView& b, Params p, Outputs o) {
                atrBatch(b.high, b.low, b.close, asInt(p[0]), o[0]);
            },
            [](Params p) { return std::make_unique<AtrStream>(asInt(p[0])); }};
}

IndicatorDescriptor stoch() {
    return {"stoch",
            "Stochastic Oscillator",
            "slow stochastic: SMA-smoothed %K and its SMA %D, 0 to 100",
            {integer("fastk", "bars for the highest high and lowest low", 1, 1000, 14),
             integer("slowk", "SMA period smoothing fast %K into %K", 1, 100, 3),
             integer("slowd", "SMA period of %K giving %D", 1, 100, 3)},
            {"k", "d"},
            Placement::OwnPane,
            [](const BarSeriesView& b, Params p, Outputs o) {
                stochasticBatch(b.high, b.low, b.close, asInt(p[0]), asInt(p[1]), asInt(p[2]), o[0],
                                o[1]);
            },
            [](Params p) {
                return std::make_unique<StochasticStream>(asInt(p[0]), asInt(p[1]), asInt(p[2]));
            }};
}

IndicatorDescriptor vwap() {
    return {"vwap",
            "VWAP",
            "volume-weighted average typical price since the session start",
            {integer("offset", "session start in minutes after 00:00 UTC", 0, 1439, 0)},
            {"value"},
            Placement::PriceOverlay,
            [](const BarSeriesView& b, Params p, Outputs o) {
                vwapBatch(b.time, b.high, b.low, b.close, b.volume, asInt(p[0]), o[0]);
            },
            [](Params p) { return std::make_unique<VwapStream>(asInt(p[0])); }};
}

IndicatorDescriptor obv() {
    return {"obv",
            "On-Balance Volume",
            "running volume total, signed by the close's direction",
            {},
            {"value"},
            Placement::OwnPane,
            [](const BarSeriesView& b, Params, Outputs o) { obvBatch(b.close, b.volume, o[0]); },
            [](Params) { return std::make_unique<ObvStream>(); }};
}

IndicatorDescriptor donchian() {
    return {"donchian",
            "Donchian Channel",
            "highest high, lowest low and their midpoint over n bars",
            {period(20)},
            {"upper", "middle", "lower"},
            Placement::PriceOverlay,
            [](const BarSeriesView& b, Params p, Outputs o) {
                donchianChannelBatch(b.high, b.low, asInt(p[0]), o[0], o[1], o[2]);
            },
            [](Params p) { return std::make_unique<DonchianChannelStream>(asInt(p[0])); }};
}

IndicatorDescriptor stddev() {
    return {"stddev",
            "Standard Deviation",
            "population standard deviation of the last n closes, times a multiplier",
            {period(20), real("multiplier", "factor applied to the deviation", 0.01, 100, 1)},
            {"value"},
            Placement::OwnPane,
            [](const BarSeriesView& b, Params p, Outputs o) {
                rollingStdDevBatch(b.close, asInt(p[0]), p[1], o[0]);
            },
            [](Params p) { return std::make_unique<RollingStdDevStream>(asInt(p[0]), p[1]); }};
}

IndicatorDescriptor zscore() {
    return {"zscore",
            "Z-Score",
            "distance of the close from its n-bar mean in population standard deviations",
            {period(20)},
            {"value"},
            Placement::OwnPane,
            [](const BarSeriesView& b, Params p, Outputs o) {
                zScoreBatch(b.close, asInt(p[0]), o[0]);
            },
            [](Params p) { return std::make_unique<ZScoreStream>(asInt(p[0])); }};
}

} // namespace

std::vector<IndicatorDescriptor> builtinIndicators() {
    std::vector<IndicatorDescriptor> all;
    all.reserve(13);
    for (auto make :
         {sma, ema, wma, rsi, macd, bbands, atr, stoch, vwap, obv, donchian, stddev, zscore})
        all.push_back(make());
    return all;
}

} // namespace cw::indicators
