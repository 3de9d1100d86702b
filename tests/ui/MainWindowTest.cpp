// SPDX-License-Identifier: MIT
#include "core/indicators/IndicatorRegistry.hpp"
#include "ui/mainwindow/MainWindow.hpp"

#include <QDockWidget>
#include <QImage>
#include <QMenuBar>
#include <QSet>
#include <QTreeWidget>
#include <QtTest>

class MainWindowTest : public QObject {
    Q_OBJECT

private slots:
    void listsEveryRegisteredIndicator() {
        cw::ui::MainWindow window;
        auto* catalog = window.findChild<QTreeWidget*>(QStringLiteral("IndicatorCatalog"));
        QVERIFY(catalog);
        const auto& registry = cw::indicators::IndicatorRegistry::builtin();
        QVERIFY(!registry.descriptors().empty());
        QCOMPARE(static_cast<std::size_t>(catalog->topLevelItemCount()),
                 registry.descriptors().size());
        QCOMPARE(catalog->topLevelItem(0)->text(0),
                 QString::fromStdString(registry.descriptors().front().displayName));
    }

    void hasTheStandardMenus() {
        cw::ui::MainWindow window;
        QStringList titles;
        for (QAction* a : window.menuBar()->actions())
            titles << a->text().remove(QLatin1Char('&'));
        QCOMPARE(titles, (QStringList{"File", "View", "Help"}));
    }

    void rendersRealContent() {
        cw::ui::MainWindow window;
        window.resize(1000, 700);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QImage shot = window.grab().toImage();
        QCOMPARE(shot.size(), QSize(1000, 700));
        QSet<QRgb> colours;
        for (int y = 0; y < shot.height(); y += 3)
            for (int x = 0; x < shot.width(); x += 3)
                colours.insert(shot.pixel(x, y));
        // Text, frames and the catalogue give many colours; a blank or failed paint gives 1-2.
        QVERIFY2(colours.size() > 8, qPrintable(QStringLiteral("only %1 colours").arg(colours.size())));
        if (qEnvironmentVariableIsSet("CW_SCREENSHOT_DIR"))
            shot.save(qEnvironmentVariable("CW_SCREENSHOT_DIR") + QStringLiteral("/mainwindow.png"));
    }
};

QTEST_MAIN(MainWindowTest)
#include "MainWindowTest.moc"
