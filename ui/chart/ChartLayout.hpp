// SPDX-License-Identifier: MIT
#pragma once

#include <QRect>

#include <vector>

namespace cw::ui {

/// Where the parts of a chart are, in the painter's coordinates (ChartRenderer::layout).
struct ChartLayout {
    QRect area;
    QRect pricePlot;
    QRect priceAxis;
    QRect timeAxis;
    std::vector<QRect> panePlots; ///< one per pane indicator, in model order
    std::vector<QRect> paneAxes;
};

} // namespace cw::ui
