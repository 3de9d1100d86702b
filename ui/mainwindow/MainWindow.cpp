// SPDX-License-Identifier: MIT
#include "ui/mainwindow/MainWindow.hpp"

#include "ui/bridge/EngineBridge.hpp"
#include "ui/chart/ChartView.hpp"
#include "ui/mainwindow/ChartTab.hpp"
#include "ui/mainwindow/DrawingStore.hpp"
#include "ui/mainwindow/DrawingToolBar.hpp"
#include "ui/mainwindow/FeedStatusBar.hpp"
#include "ui/mainwindow/LogPane.hpp"
#include "ui/mainwindow/MarketSession.hpp"
#include "ui/mainwindow/WatchlistWidget.hpp"
#include "ui/trading/TradingWorkspace.hpp"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QKeySequence>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QTabWidget>

#include <array>

namespace cw::ui {

namespace {

constexpr std::array<double, 4> kSpeeds{1.0, 10.0, 100.0, 1000.0};

} // namespace

MainWindow::MainWindow(MainWindowOptions options, QWidget* parent)
    : QMainWindow(parent), m_options(std::move(options)), m_persistence(m_options.settingsFile),
      m_session(std::make_unique<MarketSession>()) {
    setObjectName(QStringLiteral("MainWindow"));
    setWindowTitle(QStringLiteral("Candlewick"));
    setDockOptions(AnimatedDocks | AllowTabbedDocks | AllowNestedDocks);
    resize(1600, 900);

    std::optional<WorkspaceState> saved;
    if (m_options.restoreWorkspace)
        saved = m_persistence.load();
    m_theme = ThemeManager::fromName(saved ? saved->theme : QStringLiteral("dark"));
    ThemeManager::apply(m_theme);

    // The simulated exchange: the stored seed keeps restarts in the same market family.
    adapters::AdapterSettings sim = m_options.simulation;
    if (!sim.contains("seed"))
        sim["seed"] = std::to_string(m_persistence.simulationSeed());
    if (!sim.contains("speed"))
        sim["speed"] = QString::number(m_persistence.simulationSpeed()).toStdString();
    const auto venue = m_session->addSimulatedVenue(sim);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("ChartTabs"));
    m_tabs->setTabsClosable(true);
    m_tabs->setMovable(true);
    m_tabs->setDocumentMode(true);
    setCentralWidget(m_tabs);
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, &MainWindow::closeChart);
    connect(m_tabs, &QTabWidget::currentChanged, this, &MainWindow::updateChartActions);

    buildDocks();
    buildMenus();
    m_feeds = new FeedStatusBar(this);
    statusBar()->addPermanentWidget(m_feeds);
    connect(m_feeds, &FeedStatusBar::feedStateChanged, this,
            [this](const QString& v, adapters::FeedState state, const QString& detail) {
                const QString text =
                    QStringLiteral("Feed %1: %2%3")
                        .arg(v, QString::fromUtf8(std::string(adapters::feedStateName(state))),
                             detail.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(detail));
                if (state == adapters::FeedState::Error ||
                    state == adapters::FeedState::Disconnected)
                    m_log->warning(text);
                else
                    m_log->info(text);
            });
    setTheme(m_theme);

    if (m_options.journalFile.isEmpty())
        m_log->warning(tr("No trade journal: trading is disabled"));
    else if (auto opened = m_session->bridge().openJournal(m_options.journalFile); opened)
        m_log->info(tr("Trade journal: %1").arg(QDir::toNativeSeparators(m_options.journalFile)));
    if (!venue)
        m_log->error(
            tr("Simulated exchange: %1").arg(QString::fromStdString(venue.error().message)));
    else
        m_log->info(
            tr("Simulated exchange: seed %1, speed %2x")
                .arg(QString::fromStdString(sim["seed"]), QString::fromStdString(sim["speed"])));

    connectBridge();
    std::vector<std::string> all;
    for (const Instrument& in : m_session->instruments())
        if (auto key = adapters::InstrumentKey::of(in))
            all.push_back(key->toString());
    restore(saved ? *saved : defaultWorkspace(all));
    m_session->start();
    m_trading->postStoredRiskLimits();
    statusBar()->showMessage(tr("Candlewick %1").arg(QStringLiteral(CANDLEWICK_VERSION)), 5000);
}

MainWindow::~MainWindow() {
    if (!m_saved)
        saveWorkspace();
    m_session->stop();
}

EngineBridge& MainWindow::bridge() {
    return m_session->bridge();
}

WorkspaceState MainWindow::defaultWorkspace(const std::vector<std::string>& instruments) {
    WorkspaceState state;
    ChartState chart;
    chart.instrument = "SIM:BTCUSDT";
    chart.timeframe = "1m";
    if (auto sma = IndicatorSettings::fromSpec("sma:20"))
        chart.indicators.push_back(*sma);
    state.charts.push_back(chart);
    state.watchlist = instruments;
    return state;
}

void MainWindow::buildDocks() {
    m_watchlist = new WatchlistWidget([this](engine::EngineCommand c) { post(std::move(c)); },
                                      m_session->instruments(), this);
    m_watchlistDock = new QDockWidget(tr("Watchlist"), this);
    m_watchlistDock->setObjectName(QStringLiteral("WatchlistDock"));
    m_watchlistDock->setWidget(m_watchlist);
    addDockWidget(Qt::LeftDockWidgetArea, m_watchlistDock);
    resizeDocks({m_watchlistDock}, {520}, Qt::Horizontal);
    connect(m_watchlist, &WatchlistWidget::message, this,
            [this](const QString& t) { m_log->info(t); });
    connect(m_watchlist, &WatchlistWidget::chartRequested, this,
            [this](const adapters::InstrumentKey& key) {
                ChartState state;
                state.instrument = key.toString();
                if (ChartTab* current = currentChart())
                    state.timeframe = current->state().timeframe;
                newChart(state);
            });

    m_log = new LogPane(this);
    m_logDock = new QDockWidget(tr("Log"), this);
    m_logDock->setObjectName(QStringLiteral("LogDock"));
    m_logDock->setWidget(m_log);
    addDockWidget(Qt::BottomDockWidgetArea, m_logDock);
    resizeDocks({m_logDock}, {140}, Qt::Vertical);

    m_trading = new TradingWorkspace(
        *this,
        [this](engine::TradingCommand c) { return m_session->bridge().postTrading(std::move(c)); },
        m_session->instruments(), m_persistence, *m_log);
    m_trading->setCurrentChart([this] { return currentChart(); });
}

void MainWindow::buildMenus() {
    buildFileMenu();
    buildViewMenu();
    buildChartMenu();
    m_trading->addViewActions(m_viewMenu);
    m_trading->buildMenu();
    // Standard mnemonics (Alt+F, V, C, T, H); the drawing tools use Alt+Shift.
    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Candlewick"), this, &MainWindow::showAbout);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::buildFileMenu() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* newChartAction = file->addAction(tr("&New chart"), this, [this] {
        ChartState state;
        if (ChartTab* current = currentChart())
            state = current->state();
        newChart(state);
    });
    newChartAction->setShortcut(QKeySequence::New);
    QAction* close = file->addAction(tr("&Close chart"), this, [this] {
        if (m_tabs->currentIndex() >= 0)
            closeChart(m_tabs->currentIndex());
    });
    close->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_W));
    file->addSeparator();
    file->addAction(tr("&Add symbols to watchlist..."), m_watchlist,
                    &WatchlistWidget::promptAddSymbols);
    file->addAction(tr("&Export watchlist..."), m_watchlist, &WatchlistWidget::promptExport);
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    quit->setMenuRole(QAction::QuitRole);
}

void MainWindow::buildViewMenu() {
    m_viewMenu = menuBar()->addMenu(tr("&View"));
    m_viewMenu->addAction(m_watchlistDock->toggleViewAction());
    m_viewMenu->addAction(m_logDock->toggleViewAction());
    m_viewMenu->addSeparator();

    auto* themes = new QActionGroup(this);
    m_darkAction = m_viewMenu->addAction(tr("&Dark theme"), this,
                                         [this] { setTheme(ThemeManager::Theme::Dark); });
    QAction* light = m_viewMenu->addAction(tr("&Light theme"), this,
                                           [this] { setTheme(ThemeManager::Theme::Light); });
    for (QAction* a : {m_darkAction, light}) {
        a->setCheckable(true);
        themes->addAction(a);
    }
    QAction* toggle = m_viewMenu->addAction(tr("&Toggle theme"), this, [this] {
        setTheme(m_theme == ThemeManager::Theme::Dark ? ThemeManager::Theme::Light
                                                      : ThemeManager::Theme::Dark);
    });
    toggle->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    QAction* fullScreen = m_viewMenu->addAction(
        tr("&Full screen"), this, [this] { setWindowState(windowState() ^ Qt::WindowFullScreen); });
    fullScreen->setShortcut(QKeySequence(Qt::Key_F11));
    m_viewMenu->addSeparator();

    // The simulated exchange's speed: applied to the running venue through the engine
    // (SetPlaybackSpeed) and kept for the next start.
    QMenu* speed = m_viewMenu->addMenu(tr("Simulation &speed"));
    speed->setObjectName(QStringLiteral("SimulationSpeedMenu"));
    auto* speeds = new QActionGroup(this);
    const double current = m_persistence.simulationSpeed();
    for (double s : kSpeeds) {
        QAction* a = speed->addAction(QStringLiteral("%1x").arg(s), this, [this, s] {
            m_persistence.setSimulationSpeed(s);
            if (auto set = m_session->bridge().setPlaybackSpeed(QStringLiteral("SIM"), s); !set)
                m_log->error(tr("Simulation speed not changed: %1")
                                 .arg(QString::fromStdString(set.error().message)));
            else
                m_log->info(tr("Simulation speed %1x").arg(s));
        });
        a->setCheckable(true);
        a->setChecked(s == current);
        speeds->addAction(a);
    }
}

void MainWindow::buildChartMenu() {
    QMenu* chart = menuBar()->addMenu(tr("&Chart"));
    QAction* add = chart->addAction(tr("Add &indicator..."), this, [this] {
        if (ChartTab* tab = currentChart())
            tab->promptAddIndicator();
    });
    add->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    m_indicatorsMenu = chart->addMenu(tr("I&ndicators"));
    connect(m_indicatorsMenu, &QMenu::aboutToShow, this, &MainWindow::rebuildIndicatorsMenu);
    chart->addSeparator();

    QMenu* timeframes = chart->addMenu(tr("&Timeframe"));
    m_timeframeGroup = new QActionGroup(this);
    int n = 0;
    for (const Timeframe& tf : ChartTab::presetTimeframes()) {
        QAction* a = timeframes->addAction(QString::fromStdString(tf.toString()), this, [this, tf] {
            if (ChartTab* tab = currentChart())
                tab->setTimeframe(tf);
        });
        a->setCheckable(true);
        a->setData(QString::fromStdString(tf.toString()));
        a->setShortcut(QKeySequence(Qt::ALT | static_cast<Qt::Key>(Qt::Key_1 + n++)));
        m_timeframeGroup->addAction(a);
    }

    QMenu* styles = chart->addMenu(tr("&Style"));
    m_styleGroup = new QActionGroup(this);
    const std::array<std::pair<ChartStyle, QString>, 4> kStyles{{
        {ChartStyle::Candles, tr("Candles")},
        {ChartStyle::OhlcBars, tr("OHLC bars")},
        {ChartStyle::Line, tr("Line")},
        {ChartStyle::HeikinAshi, tr("Heikin-Ashi")},
    }};
    for (const auto& [style, name] : kStyles) {
        QAction* a = styles->addAction(name, this, [this, s = style] {
            if (ChartTab* tab = currentChart())
                tab->setChartStyle(s);
        });
        a->setCheckable(true);
        a->setData(static_cast<int>(style));
        m_styleGroup->addAction(a);
    }
    chart->addSeparator();
    chart->addAction(tr("Go to &live edge (End)"), this, [this] {
        if (ChartTab* tab = currentChart())
            tab->view()->scrollToLive();
    });
    chart->addSeparator();
    buildDrawingTools(chart);
    connect(chart, &QMenu::aboutToShow, this, &MainWindow::updateChartActions);
}

void MainWindow::buildDrawingTools(QMenu* chartMenu) {
    m_drawingStore = std::make_unique<DrawingStore>(m_persistence);
    connect(m_drawingStore.get(), &DrawingStore::message, this,
            [this](const QString& text) { m_log->warning(text); });

    m_drawingToolBar = new DrawingToolBar(this);
    addToolBar(Qt::LeftToolBarArea, m_drawingToolBar);
    m_drawingToolBar->addChartAreaShortcuts(m_tabs);
    QMenu* tools = chartMenu->addMenu(tr("&Drawing tools"));
    tools->setObjectName(QStringLiteral("DrawingToolsMenu"));
    tools->addActions(m_drawingToolBar->menuActions());

    connect(m_drawingToolBar, &DrawingToolBar::toolChosen, this, [this](DrawingTool tool) {
        ChartTab* tab = currentChart();
        if (!tab) {
            m_drawingToolBar->setActiveTool(DrawingTool::None);
            return;
        }
        ChartView* view = tab->view();
        // Back to the pointer (Esc) does what Escape does in the chart: cancels placing, puts
        // a dragged drawing back, or clears the selection.
        if (tool == DrawingTool::None)
            view->drawingEditor().key(Qt::Key_Escape);
        view->setActiveTool(tool);
        m_drawingToolBar->setActiveTool(view->activeTool());
        if (tool != DrawingTool::None)
            view->setFocus(Qt::ShortcutFocusReason); // Esc and Del act on this chart
    });
    connect(m_drawingToolBar, &DrawingToolBar::deleteSelectedRequested, this, [this] {
        if (ChartTab* tab = currentChart(); tab && !tab->deleteSelectedDrawing())
            statusBar()->showMessage(tr("Select a drawing first (click on it)"), 3000);
    });
    connect(m_drawingToolBar, &DrawingToolBar::deleteAllRequested, this, [this] {
        ChartTab* tab = currentChart();
        if (!tab)
            return;
        const std::size_t removed = tab->clearDrawings();
        m_log->info(tr("Drawings of %1 deleted: %2")
                        .arg(QString::fromStdString(tab->state().instrument))
                        .arg(removed));
    });
}

void MainWindow::rebuildIndicatorsMenu() {
    m_indicatorsMenu->clear();
    ChartTab* tab = currentChart();
    if (!tab || tab->indicators().empty()) {
        m_indicatorsMenu->addAction(tr("No indicators"))->setEnabled(false);
        return;
    }
    for (const ChartTab::Indicator& ind : tab->indicators()) {
        QMenu* sub = m_indicatorsMenu->addMenu(QString::fromStdString(ind.settings.spec()));
        const engine::IndicatorId id = ind.id;
        sub->addAction(tr("Edit..."), tab, [tab, id] { tab->promptEditIndicator(id); });
        sub->addAction(tr("Remove"), tab, [tab, id] { tab->removeIndicator(id); });
    }
}

void MainWindow::updateChartActions() {
    ChartTab* tab = currentChart();
    const ChartState state = tab ? tab->state() : ChartState{};
    for (QAction* a : m_timeframeGroup->actions())
        a->setChecked(tab && a->data().toString().toStdString() == state.timeframe);
    for (QAction* a : m_styleGroup->actions())
        a->setChecked(tab && a->data().toInt() == static_cast<int>(state.style));
    if (tab)
        setWindowTitle(QStringLiteral("%1 - Candlewick").arg(tab->title()));
    if (m_drawingToolBar) {
        m_drawingToolBar->setChartAvailable(tab != nullptr);
        m_drawingToolBar->setActiveTool(tab ? tab->view()->activeTool() : DrawingTool::None);
    }
}

void MainWindow::connectBridge() {
    EngineBridge& b = m_session->bridge();
    connect(&b, &EngineBridge::chartUpdated, this, &MainWindow::onChartSnapshot);
    connect(&b, &EngineBridge::quotesUpdated, this, [this](const engine::QuoteBoardSnapshotPtr& s) {
        m_watchlist->model().setSnapshot(s);
    });
    connect(&b, &EngineBridge::quotesUpdated, m_trading, &TradingWorkspace::setQuotes);
    connect(&b, &EngineBridge::tradingUpdated, m_trading, &TradingWorkspace::setSnapshot);
    connect(&b, &EngineBridge::feedStatusChanged, this,
            [this](const engine::FeedStatusSnapshotPtr& s) { m_feeds->setSnapshot(s); });
    connect(&b, &EngineBridge::commandFailed, this,
            [this](const QString& message) { m_log->error(tr("Engine: %1").arg(message)); });
}

void MainWindow::onChartSnapshot(const engine::ChartSnapshotPtr& snapshot) {
    if (!snapshot)
        return;
    for (ChartTab* tab : chartTabs())
        if (tab->chartId() == snapshot->chartId) {
            tab->applySnapshot(*snapshot);
            return;
        }
}

void MainWindow::post(engine::EngineCommand command) {
    if (auto posted = m_session->bridge().post(std::move(command)); !posted)
        m_log->error(
            tr("Command not sent: %1").arg(QString::fromStdString(posted.error().message)));
}

ChartTab* MainWindow::newChart(ChartState state) {
    auto* tab = new ChartTab(
        m_nextChartId++, std::move(state), [this](engine::EngineCommand c) { post(std::move(c)); },
        [this] { return m_nextChartId++; }, m_session->instruments(), m_tabs);
    tab->setChartTheme(ThemeManager::chartTheme(m_theme));
    tab->setDrawingStore(m_drawingStore.get());
    connect(tab->view(), &ChartView::activeToolChanged, this, [this, tab](DrawingTool tool) {
        if (tab == currentChart())
            m_drawingToolBar->setActiveTool(tool);
    });
    const int index = m_tabs->addTab(tab, tab->title());
    m_tabs->setCurrentIndex(index);
    connect(tab, &ChartTab::titleChanged, this, [this, tab](const QString& title) {
        m_tabs->setTabText(m_tabs->indexOf(tab), title);
        updateChartActions();
    });
    connect(tab, &ChartTab::message, this, [this](const QString& t) { m_log->info(t); });
    m_trading->attachChart(*tab);
    tab->open();
    m_log->info(tr("Chart opened: %1").arg(tab->title()));
    updateChartActions();
    return tab;
}

void MainWindow::closeChart(int index) {
    auto* tab = qobject_cast<ChartTab*>(m_tabs->widget(index));
    if (!tab)
        return;
    tab->close();
    m_tabs->removeTab(index);
    m_log->info(tr("Chart closed: %1").arg(tab->title()));
    tab->deleteLater();
}

std::vector<ChartTab*> MainWindow::chartTabs() const {
    std::vector<ChartTab*> tabs;
    for (int i = 0; i < m_tabs->count(); ++i)
        if (auto* tab = qobject_cast<ChartTab*>(m_tabs->widget(i)))
            tabs.push_back(tab);
    return tabs;
}

ChartTab* MainWindow::currentChart() const {
    return qobject_cast<ChartTab*>(m_tabs->currentWidget());
}

void MainWindow::restore(const WorkspaceState& state) {
    // Charts first: their history requests reach the venue before the watchlist's quote
    // streams start to fill the engine's queue.
    for (const ChartState& chart : state.charts)
        newChart(chart);
    for (const std::string& symbol : state.watchlist)
        if (auto key = adapters::InstrumentKey::parse(symbol))
            m_watchlist->addSymbol(*key);
    if (state.currentChart >= 0 && state.currentChart < m_tabs->count())
        m_tabs->setCurrentIndex(state.currentChart);
    if (!state.geometry.isEmpty())
        restoreGeometry(state.geometry);
    if (!state.windowState.isEmpty())
        restoreState(state.windowState);
}

WorkspaceState MainWindow::workspaceState() const {
    WorkspaceState state;
    for (ChartTab* tab : chartTabs())
        state.charts.push_back(tab->state());
    state.currentChart = m_tabs->currentIndex();
    for (const adapters::InstrumentKey& key : m_watchlist->symbols())
        state.watchlist.push_back(key.toString());
    state.theme = ThemeManager::name(m_theme);
    state.geometry = saveGeometry();
    state.windowState = saveState();
    return state;
}

void MainWindow::saveWorkspace() {
    if (m_drawingStore)
        m_drawingStore->flush();
    m_persistence.save(workspaceState());
    m_saved = true;
}

void MainWindow::setTheme(ThemeManager::Theme theme) {
    m_theme = theme;
    ThemeManager::apply(theme);
    for (ChartTab* tab : chartTabs())
        tab->setChartTheme(ThemeManager::chartTheme(theme));
    m_watchlist->model().setColors(ThemeManager::upColor(theme), ThemeManager::downColor(theme));
    if (m_trading)
        m_trading->setColors(ThemeManager::upColor(theme), ThemeManager::downColor(theme));
    if (m_feeds)
        m_feeds->setColors(ThemeManager::upColor(theme), ThemeManager::warningColor(theme),
                           ThemeManager::downColor(theme));
    if (m_darkAction)
        m_darkAction->setChecked(theme == ThemeManager::Theme::Dark);
    const auto actions = m_darkAction ? m_darkAction->actionGroup()->actions() : QList<QAction*>{};
    if (actions.size() == 2)
        actions[1]->setChecked(theme == ThemeManager::Theme::Light);
}

void MainWindow::closeEvent(QCloseEvent* event) {
    saveWorkspace();
    QMainWindow::closeEvent(event);
}

void MainWindow::showAbout() {
    QMessageBox::about(
        this, tr("About Candlewick"),
        tr("<h3>Candlewick %1</h3><p>A native trading workstation for systematic "
           "traders.</p><p>Qt %2. Licensed under the MIT licence.</p>")
            .arg(QStringLiteral(CANDLEWICK_VERSION), QString::fromLatin1(qVersion())));
}

} // namespace cw::ui
