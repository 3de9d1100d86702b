// SPDX-License-Identifier: MIT
#include "ui/chart/ChartModel.hpp"

#include <algorithm>
#include <limits>

namespace cw::ui {

void ChartModel::setBars(BarSeries bars) {
    m_ownBars = std::make_shared<BarSeries>(std::move(bars));
    m_bars = m_ownBars;
    indexBars();
}

void ChartModel::followBars(std::shared_ptr<const BarSeries> bars) {
    m_ownBars.reset();
    m_bars = bars ? std::move(bars) : std::make_shared<const BarSeries>();
    indexBars();
}

void ChartModel::indexBars() {
    const BarSeries& bars = *m_bars;
    m_highLow.rebuild(bars.low(), bars.high());
    m_closes.rebuild(bars.close(), bars.close());
    m_volumes.rebuild(bars.volume(), bars.volume());
    if (m_heikinAshi)
        m_heikinAshi->rebuild(bars);
    for (auto& ind : m_indicators)
        alignIndicator(*ind);
    ++m_revision;
}

BarSeries& ChartModel::ownBars() {
    if (!m_ownBars) {
        m_ownBars = std::make_shared<BarSeries>(*m_bars);
        m_bars = m_ownBars;
    }
    return *m_ownBars;
}

void ChartModel::sourceChanged() {
    const BarSeries& bars = *m_bars;
    m_highLow.update(bars.low(), bars.high());
    m_closes.update(bars.close(), bars.close());
    m_volumes.update(bars.volume(), bars.volume());
    if (m_heikinAshi)
        m_heikinAshi->update(bars);
    for (auto& ind : m_indicators)
        ind->sourceChanged();
    ++m_revision;
}

void ChartModel::appendBar(const OhlcvRow& bar) {
    BarSeries& bars = ownBars();
    bars.append(bar);
    m_highLow.update(bars.low(), bars.high());
    m_closes.update(bars.close(), bars.close());
    m_volumes.update(bars.volume(), bars.volume());
    if (m_heikinAshi)
        m_heikinAshi->update(bars);
    for (auto& ind : m_indicators)
        ind->barAppended(bar);
    ++m_revision;
}

void ChartModel::updateLastBar(const OhlcvRow& bar) {
    if (m_bars->empty())
        return;
    BarSeries& bars = ownBars();
    bars.updateLast(bar);
    m_highLow.update(bars.low(), bars.high());
    m_closes.update(bars.close(), bars.close());
    m_volumes.update(bars.volume(), bars.volume());
    if (m_heikinAshi)
        m_heikinAshi->update(bars);
    for (auto& ind : m_indicators)
        ind->lastBarUpdated(bar);
    ++m_revision;
}

const BarSeries& ChartModel::candles(ChartStyle style) const {
    if (style != ChartStyle::HeikinAshi)
        return *m_bars;
    if (!m_heikinAshi) {
        m_heikinAshi.emplace();
        m_heikinAshi->rebuild(*m_bars);
    }
    return m_heikinAshi->bars();
}

const MinMaxPyramid& ChartModel::highLow(ChartStyle style) const {
    if (style != ChartStyle::HeikinAshi)
        return m_highLow;
    candles(style);
    return m_heikinAshi->highLow();
}

const MinMaxPyramid& ChartModel::closes(ChartStyle style) const {
    if (style != ChartStyle::HeikinAshi)
        return m_closes;
    candles(style);
    return m_heikinAshi->closes();
}

void ChartModel::alignIndicator(ChartIndicator& indicator) const {
    for (auto& out : indicator.outputs())
        out.values.resize(m_bars->size(), std::numeric_limits<double>::quiet_NaN());
    indicator.refresh();
}

std::size_t ChartModel::addIndicator(ChartIndicator indicator) {
    auto owned = std::make_unique<ChartIndicator>(std::move(indicator));
    alignIndicator(*owned);
    m_indicators.push_back(std::move(owned));
    ++m_revision;
    return m_indicators.size() - 1;
}

void ChartModel::removeIndicator(std::size_t index) {
    if (index >= m_indicators.size())
        return;
    m_indicators.erase(m_indicators.begin() + static_cast<std::ptrdiff_t>(index));
    ++m_revision;
}

void ChartModel::clearIndicators() {
    m_indicators.clear();
    ++m_revision;
}

std::size_t ChartModel::paneCount() const {
    return static_cast<std::size_t>(std::count_if(m_indicators.begin(), m_indicators.end(),
                                                  [](const auto& i) { return !i->isOverlay(); }));
}

void ChartModel::setPriceDecimals(int decimals) {
    m_priceDecimals = std::clamp(decimals, 0, 10);
    ++m_revision;
}

} // namespace cw::ui
