// SPDX-License-Identifier: MIT
#include "ui/mainwindow/MainWindow.hpp"

#include <QApplication>
#include <QIcon>

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Candlewick"));
    QApplication::setOrganizationName(QStringLiteral("Candlewick"));
    QApplication::setApplicationVersion(QStringLiteral(CANDLEWICK_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/candlewick.svg")));
    QApplication::setDesktopFileName(QStringLiteral("io.github.candlewick.Candlewick"));

    cw::ui::MainWindow window;
    window.show();
    return QApplication::exec();
}
