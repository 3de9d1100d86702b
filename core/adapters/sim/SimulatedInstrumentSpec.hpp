// SPDX-License-Identifier: MIT
#pragma once

#include "core/adapters/sim/SessionSchedule.hpp"
#include "core/common/Result.hpp"
#include "core/domain/Instrument.hpp"

#include <vector>

namespace cw::adapters::sim {

/// One instrument of the simulated exchange: its definition (venue "SIM") and the parameters
/// of its price process. See docs/simulated-exchange.md for the model.
///
/// Thread: a plain value.
struct SimulatedInstrumentSpec {
    Instrument instrument; ///< venue must be "SIM"
    SessionKind session = SessionKind::Invalid;
    double initialPrice = 0.0;    ///< price where the history starts, > 0
    double dailyVolatility = 0.0; ///< standard deviation of a trading day's log return (0.03 = 3%)
    double garchAlpha = 0.06;     ///< weight of the last squared shock in the variance
    double garchBeta = 0.92;      ///< persistence of the variance; alpha + beta < 1
    double jumpsPerDay = 0.0;     ///< Poisson rate of jumps per 24 h of open market, >= 0
    double jumpSizeSd = 0.0;      ///< standard deviation of a jump's log size, >= 0
    double spreadTicks = 1.0;     ///< typical bid/ask spread in ticks (never below 1 tick)
    double tradesPerSecond = 1.0; ///< mean trade rate at activity 1 and normal volatility, > 0
    double medianTradeSize = 0.0; ///< median trade size in instrument units, > 0
    double tradeSizeSigma = 1.0;  ///< log-normal sigma of trade sizes, >= 0

    /// InvalidArgument naming the first problem: an invalid instrument (Instrument::validate),
    /// a venue other than "SIM", no session, a non-finite or out-of-range parameter.
    Result<void> validate() const;

    /// The built-in instruments: BTCUSDT, ETHUSDT (crypto), EURUSD (forex), XAUUSD (CFD),
    /// AAPL (US equity), ES (CME future).
    static std::vector<SimulatedInstrumentSpec> builtIn();
};

} // namespace cw::adapters::sim
