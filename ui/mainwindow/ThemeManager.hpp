// SPDX-License-Identifier: MIT
#pragma once

#include "ui/chart/ChartTheme.hpp"

#include <QPalette>
#include <QString>

namespace cw::ui {

/// The application's colour themes: a Fusion palette for the widgets and the matching
/// ChartTheme preset for the charts. Dark is the default.
/// Thread: GUI.
class ThemeManager {
public:
    enum class Theme { Invalid = 0, Dark, Light };

    /// Applies `theme` to the whole application (style "Fusion", palette, tool tips).
    static void apply(Theme theme);
    static QPalette palette(Theme theme);
    static ChartTheme chartTheme(Theme theme);
    /// "dark" / "light".
    static QString name(Theme theme);
    /// Dark for anything but "light".
    static Theme fromName(const QString& name);
    /// Colours the watchlist and status bar use for rising / falling / warning states.
    static QColor upColor(Theme theme);
    static QColor downColor(Theme theme);
    static QColor warningColor(Theme theme);
};

} // namespace cw::ui
