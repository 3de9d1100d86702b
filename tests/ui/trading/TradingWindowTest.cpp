// SPDX-License-Identifier: MIT
#include "core/journal/JournalReader.hpp"
#include "ui/bridge/EngineBridge.hpp"
#include "ui/chart/ChartView.hpp"
#include "ui/chart/OrderLineOverlay.hpp"
#include "ui/mainwindow/ChartTab.hpp"
#include "ui/mainwindow/LogPane.hpp"
#include "ui/mainwindow/MainWindow.hpp"
#include "ui/trading/BlotterView.hpp"
#include "ui/trading/ChartTrading.hpp"
#include "ui/trading/KillSwitchControl.hpp"
#include "ui/trading/OrderSizing.hpp"
#include "ui/trading/OrdersModel.hpp"
#include "ui/trading/TradingController.hpp"
#include "ui/trading/TradingWorkspace.hpp"

#include <QAction>
#include <QDir>
#include <QDockWidget>
#include <QImage>
#include <QMenu>
#include <QMenuBar>
#include <QTemporaryDir>
#include <QToolBar>
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <set>
#include <string>

using namespace cw;
using namespace cw::ui;

namespace {

constexpr int kWaitMs = 20000;

/// Settings and the trade journal both in the test's temporary folder `dir`: nothing is
/// written to the home directory.
MainWindowOptions fastMarket(const QTemporaryDir& dir) {
    MainWindowOptions options;
    options.settingsFile = dir.filePath(QStringLiteral("s.ini"));
    options.journalFile = dir.filePath(QStringLiteral("journal.sqlite"));
    options.restoreWorkspace = false;
    options.simulation = {{"seed", "11"},
                          {"speed", "10"},
                          {"startTime", "1717416000000000000"},
                          {"historyDays", "2"}};
    return options;
}

/// The working order of `instrument` with a limit price, if exactly one is shown.
const engine::OrderRow* onlyWorkingLimit(const OrdersModel& model) {
    const engine::OrderRow* found = nullptr;
    for (int r = 0; r < model.rowCount(); ++r) {
        const engine::OrderRow* row = model.orderAt(r);
        if (!row || row->order.type != OrderType::Limit)
            continue;
        if (found)
            return nullptr;
        found = row;
    }
    return found;
}

int lineIndex(const OrderLineOverlay& overlay, const QString& id) {
    for (std::size_t i = 0; i < overlay.lines().size(); ++i)
        if (overlay.lines()[i].id == id)
            return static_cast<int>(i);
    return -1;
}

QString screenshotDir() {
    const QString dir = qEnvironmentVariableIsSet("CW_SCREENSHOT_DIR")
                            ? qEnvironmentVariable("CW_SCREENSHOT_DIR")
                            : QDir::tempPath() + QStringLiteral("/candlewick-screenshots");
    QDir().mkpath(dir);
    return dir;
}

} // namespace

class TradingWindowTest : public QObject {
    Q_OBJECT

private slots:
    void menusDocksAndToolbarExist() {
        QTemporaryDir dir;
        MainWindow window(fastMarket(dir));
        TradingWorkspace* trading = window.trading();
        QVERIFY(trading);
        QStringList menus;
        for (QAction* a : window.menuBar()->actions())
            menus << a->text().remove(QLatin1Char('&'));
        QVERIFY2(menus.contains(QStringLiteral("Trading")), qPrintable(menus.join(',')));
        std::set<QString> names;
        for (QDockWidget* dock : trading->docks())
            names.insert(dock->objectName());
        for (const char* n : {"OrderTicketDock", "WorkingOrdersDock", "OrderHistoryDock",
                              "FillsDock", "PositionsDock", "AccountsDock"})
            QVERIFY2(names.contains(QString::fromLatin1(n)), n);
        QCOMPARE(trading->killSwitch().triggerAction()->shortcut(),
                 QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K));

        // One-click: the action shows the state and the setting is kept.
        trading->oneClickAction()->setChecked(true);
        QVERIFY(trading->controller().isOneClick());
        QCOMPARE(trading->oneClickAction()->text(), QStringLiteral("ONE-CLICK ON"));
        trading->oneClickAction()->setChecked(false);
        QVERIFY(!trading->controller().isOneClick());
    }

    void placeDragAndCancelOnTheChart() {
        QTemporaryDir dir;
        MainWindow window(fastMarket(dir));
        window.resize(1600, 900);
        window.show();
        TradingWorkspace* trading = window.trading();
        int confirmations = 0;
        trading->controller().setConfirmer([&](QWidget*, const QString&, const QString&) {
            ++confirmations;
            return true;
        });
        ChartTab* tab = window.currentChart();
        QVERIFY(tab);
        ChartView* view = tab->view();
        QTRY_VERIFY_WITH_TIMEOUT(view->model().size() > 10, kWaitMs);
        auto* chart = tab->findChild<ChartTrading*>();
        QVERIFY(chart);
        OrderLineOverlay* overlay = chart->overlay();
        QVERIFY(overlay);
        QTRY_VERIFY_WITH_TIMEOUT(chart->lastPrice().has_value(), kWaitMs);

        // 1. Right-click near the bottom of the price plot, in the autoscale margin under
        //    every bar: below the last price, so "Buy limit" (confirmed once).
        view->grab(); // lays out and paints
        const QRect area = view->renderer().currentLayout().pricePlot;
        const double value =
            view->renderer().priceScale().valueAt(area.top() + area.height() * 0.95);
        QVERIFY(value < chart->lastPrice()->toDouble());
        QMenu menu;
        chart->populateMenu(menu, value);
        QAction* buyLimit = menu.findChild<QAction*>(QStringLiteral("BuyLimit"));
        QVERIFY2(buyLimit, "the menu offers a buy limit below the last price");
        QVERIFY(menu.findChild<QAction*>(QStringLiteral("SellStop")));
        QVERIFY(!menu.findChild<QAction*>(QStringLiteral("SellLimit")));
        buyLimit->trigger();
        QCOMPARE(confirmations, 1);

        OrdersModel& working = trading->workingOrdersModel();
        QTRY_VERIFY2_WITH_TIMEOUT(onlyWorkingLimit(working) &&
                                      onlyWorkingLimit(working)->order.status == OrderStatus::New,
                                  qPrintable(window.logPane()->toPlainText().right(3000)), kWaitMs);
        const engine::OrderRow first = *onlyWorkingLimit(working);
        const Price placed = first.order.limitPrice;
        QVERIFY(placed.isPositive());
        QCOMPARE(first.order.origin.kind, orders::OrderOriginKind::Chart);
        QVERIFY(*OrderSizing::priceFromChart(
                    value, *trading->controller().instrument(first.order.instrument)) == placed);
        const QString firstId = QString::fromStdString(first.order.clientOrderId);

        // 2. Its line is on the chart: drag it up by 30 px (a modify, on release).
        QTRY_VERIFY_WITH_TIMEOUT(lineIndex(*overlay, firstId) >= 0, kWaitMs);
        view->grab(); // lays out and paints
        const QRect plot = view->renderer().currentLayout().pricePlot;
        const PriceScale scale = view->renderer().priceScale();
        const int y = static_cast<int>(std::round(scale.yOf(placed.toDouble())));
        QVERIFY(plot.contains(QPoint(plot.center().x(), y)));
        const QPoint from(plot.left() + 60, y);
        const QPoint to(plot.left() + 60, y - 30);
        QTest::mousePress(view, Qt::LeftButton, Qt::NoModifier, from);
        QMouseEvent move(QEvent::MouseMove, QPointF(to), view->mapToGlobal(QPointF(to)),
                         Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(view, &move);
        QTest::mouseRelease(view, Qt::LeftButton, Qt::NoModifier, to);
        const std::optional<Price> pending = overlay->pendingPrice(firstId);
        QVERIFY2(pending.has_value(), "the dragged line shows its pending price");
        QVERIFY(*pending > placed);

        // The order continues under a new client order id at the dropped price.
        QTRY_VERIFY_WITH_TIMEOUT(onlyWorkingLimit(working) &&
                                     onlyWorkingLimit(working)->order.clientOrderId !=
                                         first.order.clientOrderId &&
                                     onlyWorkingLimit(working)->order.status == OrderStatus::New,
                                 kWaitMs);
        const engine::OrderRow second = *onlyWorkingLimit(working);
        QVERIFY(second.order.limitPrice == *pending);
        const QString secondId = QString::fromStdString(second.order.clientOrderId);

        // 3. Screenshot with the working order line, the ticket (F9) and the blotters.
        QTRY_VERIFY_WITH_TIMEOUT(lineIndex(*overlay, secondId) >= 0, kWaitMs);
        QVERIFY(!trading->docks().front()->isVisible());
        trading->openTicket();
        QVERIFY(trading->docks().front()->isVisible());
        QTest::qWait(100);
        const QImage shot = window.grab().toImage();
        QVERIFY(!shot.isNull());
        const QString path = screenshotDir() + QStringLiteral("/trading.png");
        QVERIFY(shot.save(path));
        qInfo("screenshot: %s", qPrintable(path));

        // 4. Click the "x" on its label: canceled.
        view->grab();
        const int index = lineIndex(*overlay, secondId);
        QVERIFY(index >= 0);
        const QRectF x = overlay->closeRect(index, view->renderer().currentLayout().pricePlot,
                                            view->renderer().priceScale());
        QVERIFY(!x.isEmpty());
        QTest::mouseClick(view, Qt::LeftButton, Qt::NoModifier, x.center().toPoint());
        QTRY_VERIFY_WITH_TIMEOUT(working.rowCount() == 0, kWaitMs);
        OrdersModel& history = trading->orderHistoryModel();
        QTRY_VERIFY_WITH_TIMEOUT(history.order(second.order.clientOrderId) &&
                                     history.order(second.order.clientOrderId)->order.status ==
                                         OrderStatus::Canceled,
                                 kWaitMs);
        QVERIFY(history.order(first.order.clientOrderId));
        QCOMPARE(history.order(first.order.clientOrderId)->order.status, OrderStatus::Replaced);
        QTRY_VERIFY_WITH_TIMEOUT(lineIndex(*overlay, secondId) < 0, kWaitMs);

        // 5. The journal the bridge wrote has the whole life of the order.
        const QString journalPath = window.bridge().journalPath();
        QCOMPARE(journalPath, dir.filePath(QStringLiteral("journal.sqlite"))); // not in $HOME
        auto reader = journal::JournalReader::open(journalPath.toStdString());
        QVERIFY2(reader.hasValue(), reader ? "" : reader.error().message.c_str());
        auto life = reader->orderHistory(first.order.clientOrderId);
        QVERIFY2(life.hasValue(), life ? "" : life.error().message.c_str());
        QStringList actions;
        bool chartOrigin = false;
        for (const journal::JournalEntry& e : *life) {
            actions << QString::fromStdString(e.record.action);
            if (e.record.action == "SubmitOrder" && e.record.origin == "chart")
                chartOrigin = true;
        }
        const QString joined = actions.join(QLatin1Char(','));
        QVERIFY2(actions.contains(QStringLiteral("SubmitOrder")), qPrintable(joined));
        QVERIFY2(actions.contains(QStringLiteral("ModifyOrder")), qPrintable(joined));
        QVERIFY2(actions.contains(QStringLiteral("OrderReplaced")), qPrintable(joined));
        QVERIFY2(actions.contains(QStringLiteral("OrderCanceled")), qPrintable(joined));
        QVERIFY2(chartOrigin, qPrintable(joined));
    }
};

QTEST_MAIN(TradingWindowTest)
#include "TradingWindowTest.moc"
