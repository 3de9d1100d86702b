// SPDX-License-Identifier: MIT
#include "ui/mainwindow/MainWindow.hpp"

#include "core/indicators/IndicatorRegistry.hpp"

#include <QApplication>
#include <QDockWidget>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QTreeWidget>

namespace cw::ui {

namespace {
QString parameterSummary(const indicators::IndicatorDescriptor& d) {
    QStringList parts;
    for (const auto& p : d.parameters)
        parts << QStringLiteral("%1=%2").arg(QString::fromStdString(p.name)).arg(p.defaultValue);
    return parts.join(QStringLiteral(", "));
}
} // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
    setWindowTitle(QStringLiteral("Candlewick"));
    setObjectName(QStringLiteral("MainWindow"));
    resize(1280, 800);

    auto* central = new QLabel(tr("No chart open"), this);
    central->setAlignment(Qt::AlignCenter);
    setCentralWidget(central);

    buildMenus();
    buildIndicatorCatalog();
    statusBar()->showMessage(tr("Candlewick %1").arg(QStringLiteral(CANDLEWICK_VERSION)));
}

void MainWindow::buildMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Quit"), QKeySequence::Quit, qApp, &QApplication::quit);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->setObjectName(QStringLiteral("ViewMenu"));

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Candlewick"), this, &MainWindow::showAbout);
}

void MainWindow::buildIndicatorCatalog() {
    m_indicatorCatalog = new QTreeWidget(this);
    m_indicatorCatalog->setObjectName(QStringLiteral("IndicatorCatalog"));
    m_indicatorCatalog->setHeaderLabels({tr("Indicator"), tr("Parameters"), tr("Outputs")});
    m_indicatorCatalog->setRootIsDecorated(false);
    for (const auto& d : indicators::IndicatorRegistry::builtin().descriptors()) {
        QStringList outputs;
        for (const auto& o : d.outputs)
            outputs << QString::fromStdString(o);
        auto* item = new QTreeWidgetItem(
            m_indicatorCatalog, {QString::fromStdString(d.displayName), parameterSummary(d),
                                 outputs.join(QStringLiteral(", "))});
        item->setToolTip(0, QString::fromStdString(d.description));
    }
    m_indicatorCatalog->header()->setSectionResizeMode(QHeaderView::ResizeToContents);

    auto* dock = new QDockWidget(tr("Indicators"), this);
    dock->setObjectName(QStringLiteral("IndicatorsDock"));
    dock->setWidget(m_indicatorCatalog);
    addDockWidget(Qt::RightDockWidgetArea, dock);
    menuBar()->findChild<QMenu*>(QStringLiteral("ViewMenu"))->addAction(dock->toggleViewAction());
}

void MainWindow::showAbout() {
    QMessageBox::about(this, tr("About Candlewick"),
                       tr("<h3>Candlewick %1</h3><p>A native trading workstation for systematic "
                          "traders.</p><p>Licensed under the MIT licence.</p>")
                           .arg(QStringLiteral(CANDLEWICK_VERSION)));
}

} // namespace cw::ui
