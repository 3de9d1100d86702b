#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# usage: check-layering.sh CORE_DIR LINKS_FILE
# Fails when a file under CORE_DIR includes Qt Gui/Widgets/Charts headers or anything from
# ui/, or when a core target (LINKS_FILE: "target: libs" lines) links Qt6::Gui, Widgets,
# Charts or a ui library.
set -uo pipefail
core=$1 links=$2
status=0

# Module includes (<QtGui/...>, <QtWidgets>, <QtCharts/...>) and the class headers of those
# modules most likely to slip in.
gui_headers='Q(Widget|Painter|PainterPath|Pen|Brush|Color|Font|FontMetrics|Image|Pixmap|Icon|Application|GuiApplication|MainWindow|Dialog|Label|PushButton|Chart|ChartView|LineSeries|CandlestickSeries|Palette|Screen|Window|Action|Menu|KeyEvent|MouseEvent|PaintEvent|Cursor|Clipboard|DesktopServices|Style|TextDocument|PdfWriter|Printer|OpenGL[A-Za-z]*)'
pattern="^[[:space:]]*#[[:space:]]*include[[:space:]]*[<\"]((QtGui|QtWidgets|QtCharts|QtOpenGL|QtOpenGLWidgets|QtPrintSupport)(/|>)|${gui_headers}>|ui/)"
if hits=$(grep -rnE --include='*.hpp' --include='*.h' --include='*.cpp' --include='*.cc' "$pattern" "$core"); then
    echo "core/ includes GUI or ui/ headers:" >&2
    echo "$hits" >&2
    status=1
fi

if [[ ! -s "$links" ]]; then
    echo "no core targets listed in $links" >&2
    status=1
elif hits=$(grep -nE 'Qt6?::(Gui|Widgets|Charts|OpenGL|OpenGLWidgets|PrintSupport)|Candlewick::Ui|(^|[;: ])cw_ui($|;)' "$links"); then
    echo "core targets link GUI libraries:" >&2
    echo "$hits" >&2
    status=1
fi

if ((status == 0)); then
    echo "core/: $(grep -c : "$links") targets and $(find "$core" -type f | wc -l) files free of Qt Gui/Widgets/Charts and ui/"
fi
exit $status
