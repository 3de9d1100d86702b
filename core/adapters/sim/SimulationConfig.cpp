// SPDX-License-Identifier: MIT
#include "core/adapters/sim/SimulationConfig.hpp"

#include <charconv>
#include <cmath>
#include <set>
#include <string>

namespace cw::adapters::sim {

namespace {

/// 2200-01-01 UTC: far enough, and every bucket computation stays inside TimestampNs.
constexpr TimestampNs kLatestStartTime = 7'258'118'400LL * kNsPerSecond;

Error badSetting(std::string_view key, std::string_view value, std::string_view expected) {
    return fail(ErrorCode::InvalidArgument, "sim setting '" + std::string(key) + "' = '" +
                                                std::string(value) + "' is not " +
                                                std::string(expected));
}

template <class T>
bool parseWhole(std::string_view text, T& out) {
    const char* end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), end, out);
    return ec == std::errc() && ptr == end && !text.empty();
}

} // namespace

Result<void> SimulationConfig::validate() const {
    if (!std::isfinite(speed) || speed < kMinSpeed || speed > kMaxSpeed)
        return fail(ErrorCode::InvalidArgument,
                    "simulation speed must be between 0.1 and 1000 (got " + std::to_string(speed) +
                        ")");
    if (startTime < 0 || startTime > kLatestStartTime)
        return fail(ErrorCode::InvalidArgument,
                    "simulation start time must be 0 (now) or between 1970 and 2200");
    if (historyDays < 0 || historyDays > kMaxHistoryDays)
        return fail(ErrorCode::InvalidArgument, "history days must be between 0 and 3650");
    if (driverStepMs < 1 || driverStepMs > 1000)
        return fail(ErrorCode::InvalidArgument, "driver step must be between 1 and 1000 ms");
    if (instruments.empty())
        return fail(ErrorCode::InvalidArgument, "the simulated exchange needs instruments");
    if (auto valid = paper.validate(); !valid)
        return valid.error();
    std::set<std::string> symbols;
    for (const SimulatedInstrumentSpec& spec : instruments) {
        if (auto valid = spec.validate(); !valid)
            return valid.error();
        if (!symbols.insert(spec.instrument.symbol).second)
            return fail(ErrorCode::InvalidArgument,
                        "simulated instrument '" + spec.instrument.symbol + "' is listed twice");
    }
    return {};
}

Result<SimulationConfig> SimulationConfig::fromSettings(const AdapterSettings& settings) {
    SimulationConfig config;
    for (const auto& [key, value] : settings) {
        if (key == "seed") {
            if (!parseWhole(value, config.seed))
                return badSetting(key, value, "an unsigned 64-bit integer");
        } else if (key == "speed") {
            if (!parseWhole(value, config.speed))
                return badSetting(key, value, "a number");
        } else if (key == "startTime") {
            if (value == "now")
                config.startTime = 0;
            else if (!parseWhole(value, config.startTime))
                return badSetting(key, value, "'now' or nanoseconds since the epoch");
        } else if (key == "historyDays") {
            if (!parseWhole(value, config.historyDays))
                return badSetting(key, value, "an integer");
        } else if (key == "stepMs") {
            if (!parseWhole(value, config.driverStepMs))
                return badSetting(key, value, "an integer");
        } else {
            auto paperKey = config.paper.applySetting(key, value);
            if (!paperKey)
                return paperKey.error();
            if (!*paperKey)
                return fail(ErrorCode::InvalidArgument,
                            "unknown sim setting '" + key +
                                "' (known: seed, speed, startTime, historyDays, stepMs and the "
                                "paper broker's keys: balance.<CCY>, makerFeeBps, takerFeeBps, "
                                "<class>MakerFeeBps, <class>TakerFeeBps, forexLeverage, "
                                "cfdLeverage, equityLeverage, futureMarginPerContract, "
                                "bookLevels, accountFile)");
        }
    }
    if (auto valid = config.validate(); !valid)
        return valid.error();
    return config;
}

} // namespace cw::adapters::sim
