// SPDX-License-Identifier: MIT
#include "app/gui/StartupProbe.hpp"

#include "ui/chart/ChartView.hpp"

#include <QEvent>
#include <QTimer>

#include <cstdio>

namespace cw::app {

StartupProbe::StartupProbe(QElapsedTimer sinceMain, std::function<void(qint64)> done,
                           QObject* parent)
    : QObject(parent), m_sinceMain(sinceMain), m_done(std::move(done)) {}

void StartupProbe::watch(ui::ChartView* view) {
    view->installEventFilter(this);
}

bool StartupProbe::eventFilter(QObject* watched, QEvent* event) {
    if (!m_fired && event->type() == QEvent::Paint) {
        auto* view = qobject_cast<ui::ChartView*>(watched);
        if (view && !view->model().empty()) {
            m_fired = true;
            // Measured once this paint has finished: the filter runs before the paint itself.
            QTimer::singleShot(0, this, [this] {
                const qint64 ms = m_sinceMain.elapsed();
                std::fprintf(stderr, "startup: first live chart paint after %lld ms\n",
                             static_cast<long long>(ms));
                if (m_done)
                    m_done(ms);
            });
        }
    }
    return QObject::eventFilter(watched, event);
}

} // namespace cw::app
