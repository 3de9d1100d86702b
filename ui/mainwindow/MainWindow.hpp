// SPDX-License-Identifier: MIT
#pragma once

#include <QMainWindow>

class QTreeWidget;

namespace cw::ui {

/// The workstation's top-level window: menus, docks and the central chart area.
/// Thread: GUI.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(QWidget* parent = nullptr);

private:
    void buildMenus();
    void buildIndicatorCatalog();
    void showAbout();

    QTreeWidget* m_indicatorCatalog = nullptr;
};

} // namespace cw::ui
