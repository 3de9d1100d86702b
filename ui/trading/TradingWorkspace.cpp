// SPDX-License-Identifier: MIT
#include "ui/trading/TradingWorkspace.hpp"

#include "ui/mainwindow/ChartTab.hpp"
#include "ui/mainwindow/LayoutPersistence.hpp"
#include "ui/mainwindow/LogPane.hpp"
#include "ui/trading/AccountsModel.hpp"
#include "ui/trading/BlotterView.hpp"
#include "ui/trading/ChartTrading.hpp"
#include "ui/trading/FillsModel.hpp"
#include "ui/trading/KillSwitchControl.hpp"
#include "ui/trading/ModifyOrderDialog.hpp"
#include "ui/trading/OrderSizing.hpp"
#include "ui/trading/OrderTicket.hpp"
#include "ui/trading/OrdersModel.hpp"
#include "ui/trading/PositionsModel.hpp"
#include "ui/trading/RiskLimitsDialog.hpp"
#include "ui/trading/TradingController.hpp"
#include "ui/trading/TradingFormat.hpp"

#include <QAction>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QToolBar>
#include <QToolButton>

#include <set>
#include <tuple>
#include <utility>

namespace cw::ui {

namespace {

const QString kOneClickKey = QStringLiteral("oneClick");
const QString kFlattenChoiceKey = QStringLiteral("killSwitchFlatten");

} // namespace

TradingWorkspace::TradingWorkspace(QMainWindow& window, TradingCommandPoster poster,
                                   std::vector<Instrument> instruments,
                                   LayoutPersistence& persistence, LogPane& log)
    : QObject(&window), m_window(window), m_persistence(persistence), m_log(log),
      m_controller(std::make_unique<TradingController>(std::move(poster), std::move(instruments))) {
    m_killSwitch = new KillSwitchControl(*m_controller, &m_window, this);
    const int choice = m_persistence.tradingValue(kFlattenChoiceKey, 0).toInt();
    if (choice == static_cast<int>(KillSwitchControl::FlattenChoice::CancelOnly) ||
        choice == static_cast<int>(KillSwitchControl::FlattenChoice::Flatten))
        m_killSwitch->setRememberedChoice(static_cast<KillSwitchControl::FlattenChoice>(choice));
    connect(m_killSwitch, &KillSwitchControl::rememberedChoiceChanged, this,
            [this](KillSwitchControl::FlattenChoice c) {
                m_persistence.setTradingValue(kFlattenChoiceKey, static_cast<int>(c));
            });

    connect(m_controller.get(), &TradingController::noticeReceived, this,
            [this](const engine::TradingNotice& notice) {
                m_log.append(TradingFormat::noticeLevel(notice.kind),
                             TradingFormat::noticeText(notice));
            });
    connect(m_controller.get(), &TradingController::commandFailed, this,
            [this](const QString& message) { m_log.error(message); });

    buildDocks();
    buildBlotterActions();
    buildToolBar();
    setOneClick(m_persistence.tradingValue(kOneClickKey, false).toBool());
}

TradingWorkspace::~TradingWorkspace() = default;

QDockWidget* TradingWorkspace::addDock(QWidget* widget, const QString& title, const QString& name,
                                       Qt::DockWidgetArea area) {
    auto* dock = new QDockWidget(title, &m_window);
    dock->setObjectName(name);
    dock->setWidget(widget);
    m_window.addDockWidget(area, dock);
    m_docks.push_back(dock);
    return dock;
}

void TradingWorkspace::buildDocks() {
    m_ticket = new OrderTicket(*m_controller, &m_window);
    // Hidden until asked for (F9, View > Trading panels): the chart keeps its width.
    addDock(m_ticket, tr("Order ticket"), QStringLiteral("OrderTicketDock"),
            Qt::RightDockWidgetArea)
        ->hide();

    m_working = new OrdersModel(OrdersModel::Which::Working, this);
    m_history = new OrdersModel(OrdersModel::Which::History, this);
    m_fills = new FillsModel(this);
    m_positions = new PositionsModel(this);
    m_accounts = new AccountsModel(this);
    m_workingView = new BlotterView(m_working, QStringLiteral("WorkingOrders"), &m_window);
    m_historyView = new BlotterView(m_history, QStringLiteral("OrderHistory"), &m_window);
    m_fillsView = new BlotterView(m_fills, QStringLiteral("Fills"), &m_window);
    m_positionsView = new BlotterView(m_positions, QStringLiteral("Positions"), &m_window);
    m_accountsView = new BlotterView(m_accounts, QStringLiteral("Accounts"), &m_window);
    const std::vector<std::tuple<BlotterView*, QString, QString>> blotters{
        {m_workingView, tr("Working orders"), QStringLiteral("WorkingOrdersDock")},
        {m_historyView, tr("Order history"), QStringLiteral("OrderHistoryDock")},
        {m_fillsView, tr("Fills"), QStringLiteral("FillsDock")},
        {m_positionsView, tr("Positions"), QStringLiteral("PositionsDock")},
        {m_accountsView, tr("Account"), QStringLiteral("AccountsDock")},
    };
    QDockWidget* first = nullptr;
    for (const auto& [view, title, name] : blotters) {
        QDockWidget* dock = addDock(view, title, name, Qt::BottomDockWidgetArea);
        if (first)
            m_window.tabifyDockWidget(first, dock);
        else
            first = dock;
        connect(view, &BlotterView::message, this, [this](const QString& t) { m_log.info(t); });
    }
    if (first)
        first->raise();
}

void TradingWorkspace::buildBlotterActions() {
    m_workingView->setContextMenuBuilder([this](QMenu& menu, const QStringList& keys) {
        if (keys.size() == 1) {
            const std::string id = keys.front().toStdString();
            menu.addAction(tr("Modify..."), this, [this, id] { modifyOrder(id); });
        }
        if (!keys.isEmpty())
            menu.addAction(tr("Cancel %n order(s)", nullptr, static_cast<int>(keys.size())), this,
                           [this, keys] {
                               for (const QString& k : keys)
                                   m_controller->post(engine::CancelWorkingOrder{k.toStdString()});
                           });
        menu.addAction(tr("Cancel all orders"), this, &TradingWorkspace::cancelAll);
    });
    connect(m_workingView, &BlotterView::rowActivated, this,
            [this](const QString& key) { modifyOrder(key.toStdString()); });
    m_positionsView->setContextMenuBuilder([this](QMenu& menu, const QStringList& keys) {
        if (keys.isEmpty())
            return;
        menu.addAction(tr("Close position"), this, [this, keys] { closePositions(keys, false); });
        menu.addAction(tr("Reverse position"), this, [this, keys] { closePositions(keys, true); });
    });
}

void TradingWorkspace::buildToolBar() {
    m_toolBar = new QToolBar(tr("Trading"), &m_window);
    m_toolBar->setObjectName(QStringLiteral("TradingToolBar"));
    m_window.addToolBar(Qt::TopToolBarArea, m_toolBar);

    m_newOrder = new QAction(tr("&New order..."), this);
    m_newOrder->setShortcut(QKeySequence(Qt::Key_F9));
    m_newOrder->setShortcutContext(Qt::ApplicationShortcut);
    connect(m_newOrder, &QAction::triggered, this, &TradingWorkspace::openTicket);

    m_oneClick = new QAction(tr("One-click trading"), this);
    m_oneClick->setObjectName(QStringLiteral("OneClickAction"));
    m_oneClick->setCheckable(true);
    connect(m_oneClick, &QAction::toggled, this, &TradingWorkspace::setOneClick);
    connect(m_controller.get(), &TradingController::oneClickChanged, this, [this](bool on) {
        m_oneClick->setChecked(on);
        m_oneClick->setText(on ? tr("ONE-CLICK ON") : tr("One-click trading"));
        if (QWidget* button = m_toolBar->widgetForAction(m_oneClick))
            button->setStyleSheet(on ? QStringLiteral("QToolButton { background: #d32f2f; color: "
                                                      "white; font-weight: bold; padding: 2px "
                                                      "8px; }")
                                     : QString());
    });

    m_toolBar->addAction(m_newOrder);
    m_toolBar->addAction(m_oneClick);
    m_toolBar->addSeparator();
    m_toolBar->addWidget(m_killSwitch->createButton(m_toolBar));
    m_toolBar->addAction(m_killSwitch->rearmAction());
}

QMenu* TradingWorkspace::buildMenu() {
    // No Alt mnemonic: Alt+T is the trend line tool.
    QMenu* menu = m_window.menuBar()->addMenu(tr("&Trading"));
    menu->setObjectName(QStringLiteral("TradingMenu"));
    menu->addAction(m_newOrder);
    QAction* buy = menu->addAction(tr("&Buy market"), this, [this] { marketOrder(Side::Buy); });
    buy->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B));
    QAction* sell = menu->addAction(tr("&Sell market"), this, [this] { marketOrder(Side::Sell); });
    sell->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    menu->addSeparator();
    menu->addAction(m_oneClick);
    menu->addSeparator();
    QAction* cancel = menu->addAction(tr("&Cancel all orders"), this, &TradingWorkspace::cancelAll);
    cancel->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_X));
    menu->addAction(m_killSwitch->triggerAction());
    menu->addAction(m_killSwitch->rearmAction());
    menu->addSeparator();
    menu->addAction(tr("&Risk limits..."), this, &TradingWorkspace::openRiskLimits);
    return menu;
}

void TradingWorkspace::addViewActions(QMenu* viewMenu) {
    QMenu* sub = viewMenu->addMenu(tr("Trading panels"));
    for (QDockWidget* dock : m_docks)
        sub->addAction(dock->toggleViewAction());
    sub->addAction(m_toolBar->toggleViewAction());
}

void TradingWorkspace::setCurrentChart(std::function<ChartTab*()> currentChart) {
    m_currentChart = std::move(currentChart);
}

ChartTrading* TradingWorkspace::attachChart(ChartTab& tab) {
    auto* trading = new ChartTrading(tab, *m_controller);
    trading->setQuantityProvider(
        [this](const Instrument& in, const Price& price) { return quickQuantity(in, price); });
    return trading;
}

Quantity TradingWorkspace::quickQuantity(const Instrument& in, const Price& price) const {
    auto minimum = OrderSizing::minimumQuantity(in, price);
    Quantity quantity = minimum ? *minimum : in.lotSize;
    if (const Instrument* shown = m_ticket->instrument();
        shown && shown->venue == in.venue && shown->symbol == in.symbol) {
        auto q = Quantity::parse(m_ticket->quantityBox()->cleanText().toStdString());
        auto snapped = q ? OrderSizing::snapQuantity(*q, in) : q;
        // Never below what the venue accepts: that order would only be rejected.
        if (snapped && *snapped > quantity)
            quantity = *snapped;
    }
    return quantity;
}

void TradingWorkspace::setSnapshot(const std::shared_ptr<const engine::TradingSnapshot>& snapshot) {
    if (!snapshot)
        return;
    m_working->setSnapshot(*snapshot);
    m_history->setSnapshot(*snapshot);
    m_fills->setSnapshot(*snapshot);
    m_positions->setSnapshot(*snapshot);
    m_accounts->setSnapshot(*snapshot);
    m_controller->setSnapshot(snapshot);
}

void TradingWorkspace::setQuotes(const engine::QuoteBoardSnapshotPtr& quotes) {
    m_controller->setQuotes(quotes);
}

void TradingWorkspace::setColors(const QColor& up, const QColor& down) {
    for (SnapshotTableModel* model : std::initializer_list<SnapshotTableModel*>{
             m_working, m_history, m_fills, m_positions, m_accounts}) {
        model->setColors(up, down);
        model->setSnapshot(m_controller->snapshot());
    }
}

void TradingWorkspace::postStoredRiskLimits() {
    for (const std::string& account : m_persistence.riskLimitAccounts()) {
        auto settings = m_persistence.riskLimits(account);
        if (!settings.empty())
            m_controller->post(engine::SetRiskLimits{account, std::move(settings)});
    }
}

void TradingWorkspace::openRiskLimits() {
    std::set<std::string> accounts;
    for (const std::string& a : m_persistence.riskLimitAccounts())
        accounts.insert(a);
    for (const adapters::AccountReport& a : m_controller->snapshot().accounts)
        accounts.insert(a.account);
    for (const auto& [account, settings] : m_controller->snapshot().riskLimits)
        accounts.insert(account);
    RiskLimitsDialog dialog(
        {accounts.begin(), accounts.end()},
        [this](const std::string& account) {
            auto stored = m_persistence.riskLimits(account);
            if (!stored.empty())
                return stored;
            // What the engine runs with, when nothing is stored here.
            const auto& live = m_controller->snapshot().riskLimits;
            auto it = live.find(account);
            return it == live.end() ? RiskLimitsDialog::Settings{} : it->second;
        },
        &m_window);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const std::string account = dialog.account().toStdString();
    auto settings = dialog.settings();
    m_persistence.saveRiskLimits(account, settings);
    if (m_controller->post(engine::SetRiskLimits{account, std::move(settings)}))
        m_log.info(tr("Risk limits of %1 sent")
                       .arg(account.empty() ? tr("every account")
                                            : QStringLiteral("'%1'").arg(dialog.account())));
}

void TradingWorkspace::openTicket() {
    if (m_currentChart)
        if (ChartTab* tab = m_currentChart())
            if (auto key = adapters::InstrumentKey::parse(tab->state().instrument))
                m_ticket->setInstrument(*key);
    if (!m_docks.empty()) {
        m_docks.front()->show();
        m_docks.front()->raise();
    }
    m_ticket->setFocus(Qt::ShortcutFocusReason);
}

std::uint64_t TradingWorkspace::marketOrder(Side side) {
    ChartTab* tab = m_currentChart ? m_currentChart() : nullptr;
    if (!tab) {
        m_log.warning(tr("Open a chart first: market orders go to the current chart's symbol"));
        return 0;
    }
    auto key = adapters::InstrumentKey::parse(tab->state().instrument);
    const Instrument* in = key ? m_controller->instrument(*key) : nullptr;
    if (!in) {
        m_log.warning(
            tr("No venue offers %1").arg(QString::fromStdString(tab->state().instrument)));
        return 0;
    }
    const Quantity quantity = quickQuantity(*in, m_controller->lastPrice(*key).value_or(Price{}));
    engine::PlaceOrder place;
    place.order.instrument = *key;
    place.order.side = side;
    place.order.type = OrderType::Market;
    place.order.timeInForce = TimeInForce::Ioc;
    place.order.quantity = quantity;
    place.origin.kind = orders::OrderOriginKind::OneClick;
    return m_controller->placeOrder(std::move(place), &m_window);
}

void TradingWorkspace::cancelAll() {
    const std::size_t n = m_controller->snapshot().workingOrders.size();
    if (n > 0 && !m_controller->isOneClick() &&
        !m_controller->confirm(&m_window, tr("Cancel all orders"),
                               tr("Cancel all %1 working orders?").arg(n)))
        return;
    m_controller->post(engine::CancelAllWorkingOrders{});
}

void TradingWorkspace::setOneClick(bool on) {
    m_controller->setOneClick(on);
    m_persistence.setTradingValue(kOneClickKey, on);
}

void TradingWorkspace::modifyOrder(const std::string& clientOrderId) {
    const engine::OrderRow* row = m_working->order(clientOrderId);
    if (!row)
        return;
    const Instrument* in = m_controller->instrument(row->order.instrument);
    if (!in) {
        m_log.warning(
            tr("Cannot modify %1: unknown instrument").arg(QString::fromStdString(clientOrderId)));
        return;
    }
    ModifyOrderDialog dialog(row->order, *in, &m_window);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (auto amend = dialog.amendment())
        m_controller->post(std::move(*amend));
}

void TradingWorkspace::closePositions(const QStringList& keys, bool reverse) {
    std::vector<orders::Position> chosen;
    QStringList names;
    for (const QString& key : keys) {
        const int row = m_positions->rowOf(key);
        if (const orders::Position* p = m_positions->positionAt(row); p && !p->quantity.isZero()) {
            chosen.push_back(*p);
            names << QStringLiteral("%1 %2").arg(TradingFormat::quantity(p->quantity),
                                                 QString::fromStdString(p->instrument.toString()));
        }
    }
    if (chosen.empty())
        return;
    const QString verb = reverse ? tr("Reverse") : tr("Close");
    if (!m_controller->isOneClick() &&
        !m_controller->confirm(&m_window, tr("%1 position").arg(verb),
                               tr("%1 with market orders:\n%2").arg(verb, names.join('\n'))))
        return;
    for (const orders::Position& p : chosen)
        m_controller->post(engine::ClosePosition{p.account, p.instrument, reverse});
}

} // namespace cw::ui
