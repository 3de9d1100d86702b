// SPDX-License-Identifier: MIT
#pragma once

#include "core/adapters/MarketDataEvents.hpp"
#include "core/adapters/sim/MinuteRecord.hpp"
#include "core/adapters/sim/SessionSchedule.hpp"
#include "core/adapters/sim/SimulatedInstrumentSpec.hpp"
#include "core/domain/Timestamp.hpp"
#include "core/risk/Xoshiro256PlusPlus.hpp"
#include "core/risk/ZigguratNormal.hpp"

#include <cstdint>
#include <limits>
#include <vector>

namespace cw::adapters::sim {

/// The price process of one simulated instrument, at two resolutions that share one state and
/// one random stream:
/// - `generateHistory` produces 1-minute bars directly (no individual trades), fast;
/// - `step` produces individual quotes and trades in continuous time.
/// Both follow the same model (docs/simulated-exchange.md): a log mid price diffusing with a
/// per-minute GARCH(1,1) variance scaled by the session's activity, Poisson jumps, gaps after
/// closed periods, a spread in whole ticks that widens with volatility, Poisson trade arrivals
/// and log-normal trade sizes rounded to the lot. Deterministic for a given seed.
///
/// Thread: not thread-safe; one owner.
class PriceProcess {
public:
    static constexpr TimestampNs kNever = std::numeric_limits<TimestampNs>::max();

    /// Precondition: spec.validate() succeeded and key is the instrument's key.
    PriceProcess(const SimulatedInstrumentSpec& spec, const InstrumentKey& key, std::uint64_t seed);

    const SimulatedInstrumentSpec& spec() const { return m_spec; }
    const InstrumentKey& key() const { return m_key; }

    /// Appends one bar per open minute in [from, to) (both floored to the minute) to the
    /// minute bars. Call once, before any `step`.
    void generateHistory(TimestampNs from, TimestampNs to);
    /// Starts the continuous-time simulation at minute `start` (after generateHistory).
    void startLive(TimestampNs start);

    /// Time of the next thing that happens (a quote/trade, a jump or a minute boundary).
    TimestampNs nextEventTime() const { return m_nextEventTime; }
    /// Performs the next thing; quote and trade events are appended to `out` when wanted.
    void step(bool emitTrades, bool emitQuotes, std::vector<MarketDataEvent>& out);

    /// Every minute bar so far: history, then live minutes; the last one is still forming
    /// while the session is open.
    const std::vector<MinuteRecord>& minuteBars() const { return m_bars; }
    /// The last trade price as a raw integer at the price precision (the initial price
    /// before any trade).
    std::int64_t lastTradeRaw() const { return m_lastTradeRaw; }
    /// Jumps applied so far (history and live).
    std::int64_t jumpCount() const { return m_jumpCount; }
    /// The long-run per-minute variance of log returns at activity 1.
    double baseMinuteVariance() const { return m_baseVariance; }

private:
    enum class Next { Invalid = 0, Book, Jump, MinuteEnd };

    void beginMinute(TimestampNs minute);
    void endMinute();
    void generateHistoryMinute();
    TimestampNs drawNextBook(TimestampNs from);
    void scheduleNext();
    void diffuseTo(TimestampNs time);
    void bookEvent(TimestampNs time, bool emitTrades, bool emitQuotes,
                   std::vector<MarketDataEvent>& out);

    double volatilityRatio() const;    ///< sqrt(current variance / long-run variance)
    double tradeRatePerMinute() const; ///< mean trades in the current minute
    std::int64_t spreadTicks() const;
    std::int64_t bidTicksAt(double logMid, std::int64_t spread) const;
    std::int64_t sizeLots(double medianSize);
    std::int64_t poisson(double mean);
    double normal() { return m_normal(m_rng); }
    void recordTrade(std::int64_t priceRaw, std::int64_t sizeRaw);

    SimulatedInstrumentSpec m_spec;
    InstrumentKey m_key;
    SessionSchedule m_schedule;
    risk::Xoshiro256PlusPlus m_rng;
    risk::ZigguratNormal m_normal;

    double m_tick = 0.0;            ///< tick size as a double
    std::int64_t m_tickRaw = 0;     ///< tick size, raw at the price precision
    double m_lot = 0.0;             ///< lot size as a double
    std::int64_t m_lotRaw = 0;      ///< lot size, raw at the quantity precision
    double m_baseVariance = 0.0;    ///< long-run per-minute variance at activity 1
    double m_jumpProbability = 0.0; ///< per open minute

    double m_logMid = 0.0;
    double m_variance = 0.0; ///< GARCH variance of the current minute (deseasonalised)
    std::int64_t m_lastTradeRaw = 0;
    std::int64_t m_closedMinutes = 0; ///< closed minutes since the last open one

    TimestampNs m_minute = 0;      ///< start of the current minute
    double m_activity = 0.0;       ///< of the current minute; 0 when closed
    double m_minuteStartLog = 0.0; ///< log mid at the start of the current minute
    double m_jumpSize = 0.0;       ///< planned for the current minute (0: none)
    TimestampNs m_jumpTime = kNever;

    bool m_live = false;
    TimestampNs m_clock = 0; ///< time the log mid was last diffused to
    TimestampNs m_nextBook = kNever;
    TimestampNs m_nextEventTime = kNever;
    Next m_next = Next::Invalid;
    std::int64_t m_bidTicks = 0; ///< last published quote
    std::int64_t m_askTicks = 0;
    std::int64_t m_nextTradeId = 1;
    std::int64_t m_jumpCount = 0;

    std::vector<MinuteRecord> m_bars;
};

} // namespace cw::adapters::sim
