// SPDX-License-Identifier: MIT
#pragma once

#include "core/domain/Instrument.hpp"
#include "core/domain/Side.hpp"
#include "core/engine/QuoteBoardSnapshot.hpp"
#include "core/engine/TradingSnapshot.hpp"
#include "ui/trading/TradingCommandPoster.hpp"

#include <QObject>

#include <functional>
#include <memory>
#include <vector>

class QAction;
class QDockWidget;
class QMainWindow;
class QMenu;
class QToolBar;

namespace cw::ui {

class AccountsModel;
class BlotterView;
class ChartTab;
class ChartTrading;
class FillsModel;
class KillSwitchControl;
class LayoutPersistence;
class LogPane;
class OrderTicket;
class OrdersModel;
class PositionsModel;
class TradingController;

/// Everything trading in the main window, built once and wired to the engine through a
/// TradingCommandPoster and `setSnapshot`:
/// - the order ticket dock (F9), and the blotter docks (working orders, order history, fills,
///   positions, account balances) with their context actions (cancel, cancel all, modify,
///   close, reverse, export CSV);
/// - the Trading menu (New order..., Buy / Sell market for the current chart, One-click
///   trading, Cancel all orders, Kill switch, Re-arm, Risk limits...) and the trading tool
///   bar (one-click toggle with its red "ONE-CLICK ON" state, kill switch);
/// - every TradingNotice in the log pane at its severity;
/// - chart trading on every chart tab it is given (`attachChart`);
/// - the stored risk limits, posted as SetRiskLimits at start and after each change, and the
///   one-click and kill-switch preferences, in LayoutPersistence.
/// The docks have object names, so QMainWindow::saveState / restoreState keep their places.
/// Thread: GUI.
class TradingWorkspace : public QObject {
    Q_OBJECT

public:
    TradingWorkspace(QMainWindow& window, TradingCommandPoster poster,
                     std::vector<Instrument> instruments, LayoutPersistence& persistence,
                     LogPane& log);
    ~TradingWorkspace() override;

    TradingController& controller() const { return *m_controller; }
    OrderTicket* ticket() const { return m_ticket; }
    KillSwitchControl& killSwitch() const { return *m_killSwitch; }
    OrdersModel& workingOrdersModel() const { return *m_working; }
    OrdersModel& orderHistoryModel() const { return *m_history; }
    FillsModel& fillsModel() const { return *m_fills; }
    PositionsModel& positionsModel() const { return *m_positions; }
    AccountsModel& accountsModel() const { return *m_accounts; }
    BlotterView* workingOrdersView() const { return m_workingView; }
    BlotterView* positionsView() const { return m_positionsView; }
    QToolBar* toolBar() const { return m_toolBar; }
    QAction* oneClickAction() const { return m_oneClick; }
    /// The ticket dock, then the blotter docks.
    const std::vector<QDockWidget*>& docks() const { return m_docks; }

    /// Adds the Trading menu to the window's menu bar.
    QMenu* buildMenu();
    /// Adds the docks' show/hide actions to `viewMenu`.
    void addViewActions(QMenu* viewMenu);
    /// Where "Buy market" / "Sell market" and F9 take their instrument from.
    void setCurrentChart(std::function<ChartTab*()> currentChart);
    /// Chart trading on `tab` (the returned object is the tab's child).
    ChartTrading* attachChart(ChartTab& tab);

    /// Applies a snapshot from the engine (EngineBridge::tradingUpdated).
    void setSnapshot(const std::shared_ptr<const engine::TradingSnapshot>& snapshot);
    void setQuotes(const engine::QuoteBoardSnapshotPtr& quotes);
    void setColors(const QColor& up, const QColor& down);

    /// Posts SetRiskLimits for every account with stored limits (at start).
    void postStoredRiskLimits();
    /// Opens the risk limits dialog; on OK stores and posts the account's limits.
    void openRiskLimits();
    /// Shows the ticket (for the current chart's instrument) and focuses it.
    void openTicket();
    /// A market order of the ticket's quantity (at least the smallest meeting the minimum
    /// notional at the last price; that smallest one when the ticket shows another
    /// instrument) for the current chart's instrument, origin OneClick; confirmed unless
    /// one-click trading is on. Returns the request tag (0: nothing sent).
    std::uint64_t marketOrder(Side side);
    void cancelAll();

private:
    void buildDocks();
    void buildToolBar();
    QDockWidget* addDock(QWidget* widget, const QString& title, const QString& name,
                         Qt::DockWidgetArea area);
    void buildBlotterActions();
    void setOneClick(bool on);
    void modifyOrder(const std::string& clientOrderId);
    void closePositions(const QStringList& keys, bool reverse);
    /// The quantity of chart and market orders: the ticket's when it shows `in`, at least the
    /// smallest quantity meeting the minimum notional at `price`.
    Quantity quickQuantity(const Instrument& in, const Price& price) const;

    QMainWindow& m_window;
    LayoutPersistence& m_persistence;
    LogPane& m_log;
    std::unique_ptr<TradingController> m_controller;
    KillSwitchControl* m_killSwitch = nullptr;
    OrderTicket* m_ticket = nullptr;
    OrdersModel* m_working = nullptr;
    OrdersModel* m_history = nullptr;
    FillsModel* m_fills = nullptr;
    PositionsModel* m_positions = nullptr;
    AccountsModel* m_accounts = nullptr;
    BlotterView* m_workingView = nullptr;
    BlotterView* m_historyView = nullptr;
    BlotterView* m_fillsView = nullptr;
    BlotterView* m_positionsView = nullptr;
    BlotterView* m_accountsView = nullptr;
    std::vector<QDockWidget*> m_docks;
    QToolBar* m_toolBar = nullptr;
    QAction* m_oneClick = nullptr;
    QAction* m_newOrder = nullptr;
    std::function<ChartTab*()> m_currentChart;
};

} // namespace cw::ui
