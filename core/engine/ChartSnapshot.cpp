// SPDX-License-Identifier: MIT
#include "core/engine/ChartSnapshot.hpp"

#include <string>

namespace cw::engine {

namespace {

bool sameIndicatorLayout(const ChartSnapshot& a, const ChartSnapshot& b) {
    if (a.indicators.size() != b.indicators.size())
        return false;
    for (std::size_t i = 0; i < a.indicators.size(); ++i) {
        if (a.indicators[i].indicatorId != b.indicators[i].indicatorId ||
            a.indicators[i].outputNames.size() != b.indicators[i].outputNames.size())
            return false;
    }
    return true;
}

} // namespace

Result<ChartSnapshot> ChartSnapshot::merged(const ChartSnapshot& older,
                                            const ChartSnapshot& newer) {
    if (older.chartId != newer.chartId)
        return fail(ErrorCode::InvalidArgument, "snapshots of different charts cannot be merged");
    if (newer.kind == Kind::Full)
        return newer;
    if (newer.kind != Kind::Delta || older.kind == Kind::Invalid)
        return fail(ErrorCode::InvalidArgument, "snapshot of invalid kind");
    if (newer.baseVersion != older.version)
        return fail(ErrorCode::InvalidArgument,
                    "delta for version " + std::to_string(newer.baseVersion) +
                        " does not apply to version " + std::to_string(older.version));
    if (!sameIndicatorLayout(older, newer))
        return fail(ErrorCode::InvalidArgument, "delta with a different indicator set");

    ChartSnapshot out = older;
    out.timeframe = newer.timeframe;
    out.version = newer.version;
    out.formingBar = newer.formingBar;

    if (older.kind == Kind::Full) {
        // A Full's bars are shared with others: add the delta's bars to a copy.
        auto bars = std::make_shared<BarSeries>(older.bars ? *older.bars : BarSeries{});
        bars->reserve(bars->size() + newer.appendedBars.size());
        for (const OhlcvRow& row : newer.appendedBars)
            bars->append(row);
        out.bars = std::move(bars);
        for (std::size_t i = 0; i < out.indicators.size(); ++i) {
            IndicatorSnapshot& ind = out.indicators[i];
            const IndicatorSnapshot& add = newer.indicators[i];
            auto columns = std::make_shared<std::vector<std::vector<double>>>(
                ind.closedColumns ? *ind.closedColumns : std::vector<std::vector<double>>{});
            columns->resize(ind.outputNames.size());
            for (std::size_t k = 0; k < columns->size() && k < add.appendedValues.size(); ++k)
                (*columns)[k].insert((*columns)[k].end(), add.appendedValues[k].begin(),
                                     add.appendedValues[k].end());
            ind.closedColumns = std::move(columns);
            ind.formingValues = add.formingValues;
        }
        return out;
    }

    out.appendedBars.insert(out.appendedBars.end(), newer.appendedBars.begin(),
                            newer.appendedBars.end());
    for (std::size_t i = 0; i < out.indicators.size(); ++i) {
        IndicatorSnapshot& ind = out.indicators[i];
        const IndicatorSnapshot& add = newer.indicators[i];
        ind.appendedValues.resize(ind.outputNames.size());
        for (std::size_t k = 0; k < ind.appendedValues.size() && k < add.appendedValues.size(); ++k)
            ind.appendedValues[k].insert(ind.appendedValues[k].end(), add.appendedValues[k].begin(),
                                         add.appendedValues[k].end());
        ind.formingValues = add.formingValues;
    }
    return out;
}

} // namespace cw::engine
