// SPDX-License-Identifier: MIT
#pragma once

#include <QColor>

namespace cw::ui {

/// The colours of a chart. `dark()` and `light()` are the presets the settings offer.
struct ChartTheme {
    QColor background;
    QColor grid;
    QColor paneSeparator;
    QColor text;      ///< axis labels and legend
    QColor mutedText; ///< secondary legend text
    QColor up;        ///< candle with close >= open
    QColor down;
    QColor line;     ///< ChartStyle::Line
    QColor volumeUp; ///< usually `up` with alpha
    QColor volumeDown;
    QColor crosshair;
    QColor labelBackground; ///< crosshair axis label boxes
    QColor labelText;
    QColor readoutBackground; ///< the OHLCV readout box
    QColor levelLine;         ///< RSI 30/70 and similar

    static ChartTheme dark();
    static ChartTheme light();
};

} // namespace cw::ui
