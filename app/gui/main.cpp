// SPDX-License-Identifier: MIT
#include "app/gui/StartupProbe.hpp"
#include "ui/chart/ChartView.hpp"
#include "ui/mainwindow/MainWindow.hpp"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QIcon>
#include <QStandardPaths>

int main(int argc, char** argv) {
    QElapsedTimer sinceMain;
    sinceMain.start();

    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Candlewick"));
    QApplication::setOrganizationName(QStringLiteral("Candlewick"));
    QApplication::setApplicationVersion(QStringLiteral(CANDLEWICK_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/candlewick.svg")));
    QApplication::setDesktopFileName(QStringLiteral("io.github.candlewick.Candlewick"));

    cw::ui::MainWindowOptions options;
    // CW_SETTINGS_FILE: an INI file instead of the platform's store (demos, clean runs).
    options.settingsFile = qEnvironmentVariable("CW_SETTINGS_FILE");
    // The trade journal lives in the application's data folder.
    const QString dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (!dataDir.isEmpty() && QDir().mkpath(dataDir))
        options.journalFile = QDir(dataDir).filePath(QStringLiteral("journal.sqlite"));
    cw::ui::MainWindow window(options);

    if (qEnvironmentVariableIntValue("CW_STARTUP_PROBE") == 1) {
        auto* probe = new cw::app::StartupProbe(
            sinceMain, [](qint64) { QApplication::quit(); }, &window);
        for (cw::ui::ChartView* view : window.findChildren<cw::ui::ChartView*>())
            probe->watch(view);
    }
    window.show();
    return QApplication::exec();
}
