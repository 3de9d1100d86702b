// SPDX-License-Identifier: MIT
#pragma once

#include "ui/mainwindow/ChartState.hpp"

#include <QByteArray>
#include <QString>

#include <string>
#include <vector>

namespace cw::ui {

/// Everything the main window restores on start: the chart tabs, the watchlist, the theme and
/// the window's geometry and dock layout (QMainWindow::saveGeometry / saveState blobs).
/// Thread: a plain value.
struct WorkspaceState {
    std::vector<ChartState> charts;
    int currentChart = 0;
    std::vector<std::string> watchlist; ///< InstrumentKey::toString form, in display order
    QString theme = QStringLiteral("dark");
    QByteArray geometry;
    QByteArray windowState;

    friend bool operator==(const WorkspaceState&, const WorkspaceState&) = default;
};

} // namespace cw::ui
