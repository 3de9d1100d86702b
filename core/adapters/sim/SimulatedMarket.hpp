// SPDX-License-Identifier: MIT
#pragma once

#include "core/adapters/IMarketDataSink.hpp"
#include "core/adapters/sim/MinuteRecord.hpp"
#include "core/adapters/sim/PriceProcess.hpp"
#include "core/adapters/sim/SimulationConfig.hpp"
#include "core/common/Result.hpp"
#include "core/domain/Bar.hpp"
#include "core/domain/Instrument.hpp"
#include "core/domain/Timeframe.hpp"

#include <cstddef>
#include <functional>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace cw::adapters::sim {

/// The simulated exchange without threads or clocks: every instrument's price process, its
/// 1-minute bar store (generated history, then the minutes built from live trades) and the
/// streams that are switched on. `advanceTo(t)` produces every quote and trade up to `t` in
/// time order; the result does not depend on how time is cut into calls.
///
/// Thread: not thread-safe; one owner (SimulatedMarketDataClient's driver, or a test).
class SimulatedMarket {
public:
    /// One page of bars for RequestBars.
    struct BarPage {
        std::vector<Bar> bars; ///< oldest first
        bool hasOlder = false;
    };

    /// Validates `config`, then generates the history of every instrument (historyDays of
    /// 1-minute bars ending at startTime, floored to the minute; startTime 0 = the wall clock
    /// now). The live simulation starts at that minute, at the last history close.
    static Result<SimulatedMarket> create(const SimulationConfig& config);

    const std::vector<Instrument>& instruments() const { return m_instruments; }
    std::size_t instrumentCount() const { return m_processes.size(); }
    /// Index of the instrument with this symbol; nullopt when unknown.
    std::optional<std::size_t> indexOf(std::string_view symbol) const;
    const InstrumentKey& key(std::size_t index) const { return m_processes[index].key(); }

    /// Where the history ends and live starts (startTime floored to the minute).
    TimestampNs liveStart() const { return m_liveStart; }
    /// The configured start time (or the wall clock at create); a real-time driver starts its
    /// clock here, at or after liveStart().
    TimestampNs startTime() const { return m_startTime; }
    /// Simulated time reached by advanceTo.
    TimestampNs now() const { return m_now; }

    /// Switches the trade and quote streams of one instrument (all on after create). The
    /// simulation runs regardless; only the events are not produced.
    void setStreams(std::size_t index, bool trades, bool quotes);
    /// Produces every event with time <= `now` (across instruments in time order, ties by
    /// instrument order) into `out`. A `now` before now() does nothing.
    void advanceTo(TimestampNs now, std::vector<MarketDataEvent>& out);
    /// The same, posting each event to `sink`.
    void advanceTo(TimestampNs now, IMarketDataSink& sink);
    /// Like advanceTo(now, out), and every quote and trade of every instrument, streamed or
    /// not, also goes to `observer` in the same time order (the paper broker matches on
    /// them). Switching streams never changes the path, so neither does the observer.
    void advanceTo(TimestampNs now, std::vector<MarketDataEvent>& out,
                   const std::function<void(const MarketDataEvent&)>& observer);

    /// The minute bars of one instrument so far (the last one may be forming).
    std::span<const MinuteRecord> minuteBars(std::size_t index) const;
    /// A MinuteRecord as an exact Bar.
    Bar toBar(std::size_t index, const MinuteRecord& record) const;
    /// The newest `limit` bars of `timeframe` with openTime < endTime (RequestBars::kLatest:
    /// all), resampled from the 1-minute bars when the timeframe is longer. Errors:
    /// Unsupported for timeframes that 1 minute does not nest within (seconds),
    /// InvalidArgument for limit < 1.
    Result<BarPage> barsBefore(std::size_t index, const Timeframe& timeframe, TimestampNs endTime,
                               std::size_t limit) const;

    /// The last trade price of one instrument (equals the last history close at liveStart).
    Price lastTradePrice(std::size_t index) const;
    /// Jumps applied so far to one instrument.
    std::int64_t jumpCount(std::size_t index) const { return m_processes[index].jumpCount(); }
    /// The long-run per-minute variance of one instrument's log returns at activity 1.
    double baseMinuteVariance(std::size_t index) const {
        return m_processes[index].baseMinuteVariance();
    }

private:
    struct Streams {
        bool trades = true;
        bool quotes = true;
    };

    SimulatedMarket() = default;

    std::vector<Instrument> m_instruments;
    std::vector<PriceProcess> m_processes;
    std::vector<Streams> m_streams;
    TimestampNs m_liveStart = 0;
    TimestampNs m_startTime = 0;
    TimestampNs m_now = 0;
    std::vector<MarketDataEvent> m_scratch;
    std::vector<MarketDataEvent> m_observed;
};

} // namespace cw::adapters::sim
