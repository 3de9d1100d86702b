// SPDX-License-Identifier: MIT
#include "ui/chart/ChartIndicator.hpp"

#include <cmath>
#include <limits>

namespace cw::ui {

ChartIndicator::ChartIndicator(std::string name, indicators::Placement placement)
    : m_name(std::move(name)), m_placement(placement) {}

ChartIndicator::Output& ChartIndicator::addOutput(std::string name, QColor color, OutputStyle style,
                                                  double widthPx) {
    Output& out = m_outputs.emplace_back();
    out.name = std::move(name);
    out.color = color;
    out.style = style;
    out.widthPx = widthPx;
    return out;
}

void ChartIndicator::setFixedRange(double low, double high) {
    if (!std::isfinite(low) || !std::isfinite(high) || !(high > low)) {
        m_fixedRange.reset();
        return;
    }
    m_fixedRange = MinMax{low, high};
}

void ChartIndicator::refresh() {
    for (Output& out : m_outputs)
        out.pyramid.rebuild(out.values.view(), out.values.view());
}

void ChartIndicator::sourceChanged() {
    for (Output& out : m_outputs)
        out.pyramid.update(out.values.view(), out.values.view());
}

MinMax ChartIndicator::range(std::size_t first, std::size_t end) const {
    MinMax r;
    for (const Output& out : m_outputs) {
        r.include(out.pyramid.query(out.values.view(), out.values.view(), first, end));
        if (out.style == OutputStyle::Histogram && r.valid())
            r.include(0.0);
    }
    if (!isOverlay()) {
        for (double level : m_levels)
            r.include(level);
    }
    return r;
}

double ChartIndicator::valueAt(std::size_t k, std::size_t bar) const {
    if (k >= m_outputs.size() || bar >= m_outputs[k].values.size())
        return std::numeric_limits<double>::quiet_NaN();
    return m_outputs[k].values[bar];
}

void ChartIndicator::setStream(std::unique_ptr<indicators::IStreamingIndicator> stream) {
    m_stream = std::move(stream);
}

void ChartIndicator::barAppended(const OhlcvRow& bar) {
    if (m_stream)
        m_stream->update(bar);
    for (std::size_t k = 0; k < m_outputs.size(); ++k) {
        Output& out = m_outputs[k];
        const bool has = m_stream && k < m_stream->outputCount();
        out.values.push_back(has ? m_stream->value(k) : std::numeric_limits<double>::quiet_NaN());
        out.pyramid.update(out.values.view(), out.values.view());
    }
}

void ChartIndicator::lastBarUpdated(const OhlcvRow& bar) {
    if (!m_stream)
        return;
    m_stream->updateLast(bar);
    for (std::size_t k = 0; k < m_outputs.size() && k < m_stream->outputCount(); ++k) {
        Output& out = m_outputs[k];
        if (out.values.empty())
            continue;
        out.values.back() = m_stream->value(k);
        out.pyramid.update(out.values.view(), out.values.view());
    }
}

} // namespace cw::ui
