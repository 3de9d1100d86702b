// SPDX-License-Identifier: MIT
#include "core/engine/ChartReplica.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <string>

namespace cw::engine {

void ChartReplica::dropForming() {
    if (!m_hasForming)
        return;
    // BarSeries has no pop: rebuild without the last row. Only a forming bar that vanished
    // without closing takes this path, so the copy is rare.
    // The same object, so that handles given out follow.
    BarSeries trimmed(m_bars->size());
    for (std::size_t i = 0; i + 1 < m_bars->size(); ++i)
        trimmed.append(m_bars->row(i));
    *m_bars = std::move(trimmed);
    for (Indicator& ind : m_indicators)
        for (Column& column : ind.columns)
            column->pop_back();
    m_hasForming = false;
}

void ChartReplica::applyFull(const ChartSnapshot& snapshot) {
    constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
    const std::size_t closed = snapshot.bars ? snapshot.bars->size() : 0;
    // Room for the forming bar and the bars that close after it, so that appending seldom
    // moves the buffers (capacity that is never written costs address space, not memory).
    const std::size_t capacity = closed + 1 + std::max<std::size_t>(1024, closed / 64);
    auto bars = std::make_shared<BarSeries>(capacity);
    for (std::size_t i = 0; i < closed; ++i)
        bars->append(snapshot.bars->row(i));
    m_bars = std::move(bars);
    m_indicators.clear();
    for (const IndicatorSnapshot& ind : snapshot.indicators) {
        Indicator mine{ind.indicatorId, {}};
        for (std::size_t k = 0; k < ind.outputNames.size(); ++k) {
            auto column = std::make_shared<std::vector<double>>();
            column->reserve(capacity);
            if (ind.closedColumns && k < ind.closedColumns->size()) {
                const std::vector<double>& from = (*ind.closedColumns)[k];
                column->assign(from.begin(), from.begin() + static_cast<std::ptrdiff_t>(
                                                                std::min(from.size(), closed)));
            }
            column->resize(closed, kNaN);
            mine.columns.push_back(std::move(column));
        }
        m_indicators.push_back(std::move(mine));
    }
    m_hasForming = false;
}

Result<void> ChartReplica::apply(const ChartSnapshot& snapshot) {
    constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
    if (snapshot.kind == ChartSnapshot::Kind::Full) {
        applyFull(snapshot);
    } else if (snapshot.kind == ChartSnapshot::Kind::Delta) {
        if (!m_received || snapshot.baseVersion != m_version)
            return fail(ErrorCode::InvalidArgument,
                        "delta for version " + std::to_string(snapshot.baseVersion) +
                            " does not apply to version " + std::to_string(m_version));
        if (snapshot.indicators.size() != m_indicators.size())
            return fail(ErrorCode::InvalidArgument, "delta with a different indicator set");
        for (std::size_t i = 0; i < m_indicators.size(); ++i)
            if (snapshot.indicators[i].indicatorId != m_indicators[i].id)
                return fail(ErrorCode::InvalidArgument, "delta with a different indicator set");
        const std::size_t closedBefore = m_bars->size() - (m_hasForming ? 1 : 0);
        std::size_t next = 0;
        if (m_hasForming && !snapshot.appendedBars.empty()) {
            // The first closed bar is usually the forming one, now final: replace the row.
            m_bars->updateLast(snapshot.appendedBars.front());
            next = 1;
            m_hasForming = false;
        }
        for (; next < snapshot.appendedBars.size(); ++next)
            m_bars->append(snapshot.appendedBars[next]);
        for (std::size_t i = 0; i < m_indicators.size(); ++i) {
            const IndicatorSnapshot& ind = snapshot.indicators[i];
            for (std::size_t k = 0; k < m_indicators[i].columns.size(); ++k) {
                std::vector<double>& column = *m_indicators[i].columns[k];
                column.resize(closedBefore, kNaN);
                if (k < ind.appendedValues.size())
                    column.insert(column.end(), ind.appendedValues[k].begin(),
                                  ind.appendedValues[k].end());
            }
        }
    } else {
        return fail(ErrorCode::InvalidArgument, "snapshot of invalid kind");
    }

    if (snapshot.formingBar) {
        if (m_hasForming)
            m_bars->updateLast(*snapshot.formingBar);
        else
            m_bars->append(*snapshot.formingBar);
    } else if (m_hasForming) {
        dropForming();
    }
    m_hasForming = snapshot.formingBar.has_value();
    for (std::size_t i = 0; i < m_indicators.size(); ++i) {
        const IndicatorSnapshot& ind = snapshot.indicators[i];
        for (std::size_t k = 0; k < m_indicators[i].columns.size(); ++k) {
            std::vector<double>& column = *m_indicators[i].columns[k];
            const std::size_t closed = m_bars->size() - (m_hasForming ? 1 : 0);
            column.resize(closed, kNaN);
            if (m_hasForming)
                column.push_back(k < ind.formingValues.size() ? ind.formingValues[k] : kNaN);
        }
    }
    m_version = snapshot.version;
    m_received = true;
    return {};
}

} // namespace cw::engine
