// SPDX-License-Identifier: MIT
#pragma once

#include <QElapsedTimer>
#include <QObject>

#include <functional>

namespace cw::ui {
class ChartView;
}

namespace cw::app {

/// Measures cold start: from the start of `main` to the first paint of a chart that shows
/// bars. Installed on the main window's ChartViews when CW_STARTUP_PROBE=1; after that paint
/// it prints "startup: first live chart paint after N ms" to stderr and calls `done`.
class StartupProbe : public QObject {
    Q_OBJECT

public:
    StartupProbe(QElapsedTimer sinceMain, std::function<void(qint64 elapsedMs)> done,
                 QObject* parent = nullptr);

    void watch(ui::ChartView* view);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QElapsedTimer m_sinceMain;
    std::function<void(qint64)> m_done;
    bool m_fired = false;
};

} // namespace cw::app
