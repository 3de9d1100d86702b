// SPDX-License-Identifier: MIT
#pragma once

#include "core/domain/OhlcvRow.hpp"
#include "core/indicators/IStreamingIndicator.hpp"
#include "core/indicators/IndicatorDescriptor.hpp"
#include "ui/chart/ChartIndicatorValues.hpp"
#include "ui/chart/MinMax.hpp"
#include "ui/chart/MinMaxPyramid.hpp"

#include <QColor>

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace cw::ui {

/// One indicator as the chart draws it: a name, where it goes (over the price or in a pane of
/// its own) and one or more outputs aligned with the bars (NaN = no value, e.g. warm-up), each
/// with a colour, a line width and a style. A pane may carry level lines (RSI 30/70) and a
/// fixed value range.
///
/// Outputs can be filled directly (then call `refresh()`), kept current from a streaming
/// indicator: with `setStream`, `barAppended`/`lastBarUpdated` extend and revise the outputs
/// in O(1) + O(log n) per call (see ChartIndicatorFactory for the batch + streaming setup), or
/// follow a column owned elsewhere (`Output::values.follow`, e.g. a ChartReplica's), which the
/// owner keeps current and the chart shows without a copy (then `sourceChanged()`).
/// Thread: GUI; single owner.
class ChartIndicator {
public:
    enum class OutputStyle {
        Invalid = 0,
        Line,
        Histogram, ///< bars from zero (MACD histogram)
    };

    struct Output {
        std::string name;
        QColor color;
        double widthPx = 1.0;
        OutputStyle style = OutputStyle::Line;
        ChartIndicatorValues values;
        MinMaxPyramid pyramid; ///< over `values`; kept current by refresh/barAppended
    };

    ChartIndicator(std::string name, indicators::Placement placement);

    const std::string& name() const { return m_name; }
    indicators::Placement placement() const { return m_placement; }
    bool isOverlay() const { return m_placement == indicators::Placement::PriceOverlay; }

    /// Adds an output (values empty until filled). Returns it for filling.
    Output& addOutput(std::string name, QColor color, OutputStyle style = OutputStyle::Line,
                      double widthPx = 1.0);
    std::span<Output> outputs() { return m_outputs; }
    std::span<const Output> outputs() const { return m_outputs; }

    /// Horizontal lines drawn in the pane (e.g. 30 and 70 for RSI).
    void setLevels(std::vector<double> levels) { m_levels = std::move(levels); }
    std::span<const double> levels() const { return m_levels; }
    /// A pane that always shows [low, high] instead of autoscaling (e.g. 0..100 for RSI).
    void setFixedRange(double low, double high);
    std::optional<MinMax> fixedRange() const { return m_fixedRange; }

    /// Re-indexes every output after its values were replaced. O(n).
    void refresh();
    /// Brings the pyramids up to date after the values were appended to and/or their last
    /// value revised (by whoever owns followed columns). O(k + log n) for k new values; a
    /// shorter column is re-indexed from scratch.
    void sourceChanged();
    /// Lowest and highest output value over bars [first, end), levels included for panes.
    MinMax range(std::size_t first, std::size_t end) const;
    /// Value of output `k` at `bar`, NaN when absent.
    double valueAt(std::size_t k, std::size_t bar) const;

    /// Streaming form that produces the outputs bar by bar; `barAppended` and
    /// `lastBarUpdated` feed it. Without one, appended bars get NaN.
    void setStream(std::unique_ptr<indicators::IStreamingIndicator> stream);
    void barAppended(const OhlcvRow& bar);
    void lastBarUpdated(const OhlcvRow& bar);

private:
    std::string m_name;
    indicators::Placement m_placement;
    std::vector<Output> m_outputs;
    std::vector<double> m_levels;
    std::optional<MinMax> m_fixedRange;
    std::unique_ptr<indicators::IStreamingIndicator> m_stream;
};

} // namespace cw::ui
