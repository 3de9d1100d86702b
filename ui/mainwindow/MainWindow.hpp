// SPDX-License-Identifier: MIT
#pragma once

#include "core/engine/ChartSnapshot.hpp"
#include "core/engine/EngineCommand.hpp"
#include "ui/mainwindow/ChartState.hpp"
#include "ui/mainwindow/LayoutPersistence.hpp"
#include "ui/mainwindow/MainWindowOptions.hpp"
#include "ui/mainwindow/ThemeManager.hpp"
#include "ui/mainwindow/WorkspaceState.hpp"

#include <QMainWindow>

#include <memory>
#include <vector>

class QActionGroup;
class QDockWidget;
class QMenu;
class QTabWidget;

namespace cw::ui {

class ChartTab;
class DrawingStore;
class DrawingToolBar;
class EngineBridge;
class FeedStatusBar;
class LogPane;
class MarketSession;
class TradingWorkspace;
class WatchlistWidget;

/// The workstation's main window: chart tabs in the centre, the watchlist and the log as docks,
/// the feeds' health in the status bar, the drawing tools as a tool bar on the left, and the
/// menus (File, View, Chart, Help).
///
/// On construction it loads the saved workspace (or the default one: a BTCUSDT 1m chart with
/// SMA 20 and volume, and every instrument of the simulated exchange on the watchlist), starts
/// the simulated exchange with the stored seed and the engine, and opens the charts. It saves
/// the workspace when it closes and when it is destroyed.
/// Thread: GUI.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(MainWindowOptions options = {}, QWidget* parent = nullptr);
    ~MainWindow() override;

    /// The default workspace of a first start.
    static WorkspaceState defaultWorkspace(const std::vector<std::string>& instruments);

    ChartTab* newChart(ChartState state);
    void closeChart(int index);
    std::vector<ChartTab*> chartTabs() const;
    ChartTab* currentChart() const;

    WorkspaceState workspaceState() const;
    void saveWorkspace();

    void setTheme(ThemeManager::Theme theme);
    ThemeManager::Theme theme() const { return m_theme; }

    WatchlistWidget* watchlist() const { return m_watchlist; }
    LogPane* logPane() const { return m_log; }
    /// The order ticket, blotters, kill switch, risk limits and chart trading.
    TradingWorkspace* trading() const { return m_trading; }
    FeedStatusBar* feedStatus() const { return m_feeds; }
    DrawingToolBar* drawingToolBar() const { return m_drawingToolBar; }
    /// The drawings of every instrument, shared by its charts.
    DrawingStore* drawingStore() const { return m_drawingStore.get(); }
    EngineBridge& bridge();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void buildDocks();
    void buildMenus();
    void buildFileMenu();
    void buildViewMenu();
    void buildChartMenu();
    void buildDrawingTools(QMenu* chartMenu);
    void connectBridge();
    void restore(const WorkspaceState& state);
    void rebuildIndicatorsMenu();
    void updateChartActions();
    void post(engine::EngineCommand command);
    void onChartSnapshot(const engine::ChartSnapshotPtr& snapshot);
    void showAbout();

    MainWindowOptions m_options;
    LayoutPersistence m_persistence;
    std::unique_ptr<DrawingStore> m_drawingStore; // after m_persistence: it writes there
    std::unique_ptr<MarketSession> m_session;
    ThemeManager::Theme m_theme = ThemeManager::Theme::Dark;
    engine::ChartId m_nextChartId = 1;
    bool m_saved = false;

    QTabWidget* m_tabs = nullptr;
    WatchlistWidget* m_watchlist = nullptr;
    LogPane* m_log = nullptr;
    FeedStatusBar* m_feeds = nullptr;
    DrawingToolBar* m_drawingToolBar = nullptr;
    TradingWorkspace* m_trading = nullptr;
    QDockWidget* m_watchlistDock = nullptr;
    QDockWidget* m_logDock = nullptr;
    QMenu* m_viewMenu = nullptr;
    QMenu* m_indicatorsMenu = nullptr;
    QActionGroup* m_timeframeGroup = nullptr;
    QActionGroup* m_styleGroup = nullptr;
    QAction* m_darkAction = nullptr;
};

} // namespace cw::ui
