// SPDX-License-Identifier: MIT
#pragma once

#include "core/adapters/InstrumentKey.hpp"
#include "core/domain/Timeframe.hpp"
#include "core/engine/ChartSnapshot.hpp"
#include "core/engine/TradingCommand.hpp"

#include <string>
#include <variant>

namespace cw::engine {

/// Opens a chart of `instrument` at `timeframe` (whole minutes or longer: minutes, hours,
/// days, weeks, months). The engine subscribes the instrument's trades and asks for history;
/// the first snapshot is a Full one.
struct OpenChart {
    ChartId chartId = 0;
    adapters::InstrumentKey instrument;
    Timeframe timeframe;
};

/// Closes a chart; its instrument is unsubscribed once nothing else uses it.
struct CloseChart {
    ChartId chartId = 0;
};

/// Rebuilds a chart at another timeframe from the instrument's 1m bars (a Full snapshot).
struct SetTimeframe {
    ChartId chartId = 0;
    Timeframe timeframe;
};

/// Attaches an indicator given as "name[:p1[,p2...]]" (IndicatorRegistry::parse).
struct AddIndicator {
    ChartId chartId = 0;
    IndicatorId indicatorId = 0;
    std::string spec;
};

struct RemoveIndicator {
    ChartId chartId = 0;
    IndicatorId indicatorId = 0;
};

/// Adds an instrument to the quote board (watchlist).
struct SubscribeQuotes {
    adapters::InstrumentKey instrument;
};

struct UnsubscribeQuotes {
    adapters::InstrumentKey instrument;
};

/// Loads 1m history before the oldest 1m bar the engine holds for the chart's instrument,
/// sized for the chart's timeframe: RequestBars pages (endTime = the oldest 1m bar's open time,
/// at most the venue's maxBarsPerRequest each) asked one after another until the chart gained
/// `Engine::Config::historyPageChartBars` bars of its timeframe and at least
/// `historyPageBars` 1m bars came in (at most `historyLoadMaxBars`), or the venue has nothing
/// older. When the last page is in, every chart of the instrument is rebuilt (a Full snapshot).
/// Charts of one instrument share the load in flight; once the venue has nothing older
/// (ChartSnapshot::historyStart) the command does nothing.
struct LoadOlderBars {
    ChartId chartId = 0;
};

/// Changes the playback speed of a replay-like venue (the simulated exchange, a backtest
/// replay) from now on, through IMarketDataClient::setPlaybackSpeed. Rejected with NotFound for
/// an unknown venue, else with the client's error (Unsupported for live venues,
/// InvalidArgument for a speed it does not accept).
struct SetPlaybackSpeed {
    std::string venue; ///< InstrumentKey::venue spelling ("SIM")
    double speed = 1.0;
};

/// What the UI may ask of the engine. Commands are applied on the engine thread in the order
/// they were posted; a rejected command is reported in the next SnapshotBatch's `errors`.
/// Trading commands (TradingCommand.hpp) travel as one alternative and go to the OrderGateway;
/// their outcome is reported in TradingSnapshot::notices, not in SnapshotBatch::errors.
using EngineCommand =
    std::variant<std::monostate, OpenChart, CloseChart, SetTimeframe, AddIndicator, RemoveIndicator,
                 SubscribeQuotes, UnsubscribeQuotes, LoadOlderBars, SetPlaybackSpeed,
                 TradingCommand>;

} // namespace cw::engine
