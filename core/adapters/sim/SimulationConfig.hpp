// SPDX-License-Identifier: MIT
#pragma once

#include "core/adapters/AdapterRegistry.hpp"
#include "core/adapters/sim/PaperBrokerConfig.hpp"
#include "core/adapters/sim/SimulatedInstrumentSpec.hpp"
#include "core/common/Result.hpp"
#include "core/domain/Timestamp.hpp"

#include <cstdint>
#include <vector>

namespace cw::adapters::sim {

/// Everything that determines the simulated exchange. The same config (seed, startTime,
/// historyDays, instruments) always gives the same history and the same live events at the
/// same simulated times; speed and the driver step only change how fast they are produced.
///
/// Thread: a plain value.
struct SimulationConfig {
    static constexpr double kMinSpeed = 0.1;
    static constexpr double kMaxSpeed = 1000.0;
    static constexpr int kMaxHistoryDays = 3650;

    std::uint64_t seed = 20240601;
    /// Where the history ends and the live simulation starts (UTC, floored to the minute).
    /// 0 means "the wall clock when the market is built" (SimulatedMarket::create).
    TimestampNs startTime = 0;
    int historyDays = 90;  ///< days of 1-minute history before startTime, 0..kMaxHistoryDays
    double speed = 1.0;    ///< simulated seconds per wall-clock second, kMinSpeed..kMaxSpeed
    int driverStepMs = 10; ///< how often the real-time driver advances the market, 1..1000 ms
    std::vector<SimulatedInstrumentSpec> instruments = SimulatedInstrumentSpec::builtIn();
    /// The paper broker (the exchange's execution role): balances, fees, margin, account file.
    PaperBrokerConfig paper;

    /// InvalidArgument naming the first problem: NaN/inf or out-of-range speed, negative
    /// startTime, historyDays or driverStepMs out of range, no instruments, duplicate symbols,
    /// or an invalid instrument spec.
    Result<void> validate() const;

    /// The defaults overridden by text settings (keys: "seed" (unsigned integer), "speed"
    /// (decimal), "startTime" (ns since the epoch, or "now"), "historyDays", "stepMs", and
    /// the paper broker's keys, see PaperBrokerConfig::applySetting), then validated. Unknown
    /// keys and unparsable values are InvalidArgument.
    static Result<SimulationConfig> fromSettings(const AdapterSettings& settings);
};

} // namespace cw::adapters::sim
