// SPDX-License-Identifier: MIT
#include "ui/mainwindow/ChartTab.hpp"

#include "core/indicators/IndicatorRegistry.hpp"
#include "ui/chart/ChartIndicatorFactory.hpp"
#include "ui/chart/ChartView.hpp"
#include "ui/chart/TimeScale.hpp"
#include "ui/mainwindow/DrawingStore.hpp"
#include "ui/mainwindow/IndicatorDialog.hpp"

#include <QComboBox>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QSignalBlocker>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <optional>

namespace cw::ui {

namespace {

constexpr int kCustomTimeframe = -1;
/// Below this many bars a chart is still waiting for its history.
constexpr std::size_t kSparseRows = 32;

QString toQString(std::string_view text) {
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

} // namespace

ChartTab::ChartTab(engine::ChartId id, ChartState state, EngineCommandPoster post,
                   std::function<engine::ChartId()> nextChartId, std::vector<Instrument> catalogue,
                   QWidget* parent)
    : QWidget(parent), m_id(id), m_style(state.style), m_post(std::move(post)),
      m_nextChartId(std::move(nextChartId)), m_catalogue(std::move(catalogue)) {
    setObjectName(QStringLiteral("ChartTab"));
    auto key = adapters::InstrumentKey::parse(state.instrument);
    m_instrument = key ? *key : *adapters::InstrumentKey::make("SIM", "BTCUSDT");
    auto timeframe = Timeframe::parse(state.timeframe);
    m_timeframe =
        timeframe && timeframe->unit() != TimeUnit::Second ? *timeframe : Timeframe::minutes(1);
    for (IndicatorSettings& s : state.indicators)
        m_indicators.push_back({m_nextIndicatorId++, std::move(s)});

    m_view = new ChartView(this);
    m_view->setChartStyle(m_style);
    m_view->model().setPriceDecimals(priceDecimals());
    connect(m_view, &ChartView::drawingsChanged, this, &ChartTab::storeDrawings);
    // Scrolling to the oldest bar loads the page before it (the engine ignores repeats).
    connect(m_view, &ChartView::historyRequested, this,
            [this] { m_post(engine::LoadOlderBars{m_id}); });

    buildToolBar();
    rebuildIndicatorMenu();
}

void ChartTab::buildToolBar() {
    auto* bar = new QToolBar(this);
    bar->setObjectName(QStringLiteral("ChartToolBar"));
    bar->setIconSize(QSize(16, 16));

    m_symbolCombo = new QComboBox(bar);
    m_symbolCombo->setObjectName(QStringLiteral("SymbolCombo"));
    m_symbolCombo->setMinimumContentsLength(10);
    for (const Instrument& in : m_catalogue) {
        if (auto k = adapters::InstrumentKey::of(in))
            m_symbolCombo->addItem(QString::fromStdString(in.symbol),
                                   QString::fromStdString(k->toString()));
    }
    if (m_symbolCombo->findData(QString::fromStdString(m_instrument.toString())) < 0)
        m_symbolCombo->addItem(toQString(m_instrument.symbol()),
                               QString::fromStdString(m_instrument.toString()));
    m_symbolCombo->setCurrentIndex(
        m_symbolCombo->findData(QString::fromStdString(m_instrument.toString())));
    connect(m_symbolCombo, &QComboBox::activated, this, [this](int index) {
        if (auto k = adapters::InstrumentKey::parse(
                m_symbolCombo->itemData(index).toString().toStdString()))
            setSymbol(*k);
    });
    bar->addWidget(m_symbolCombo);

    m_timeframeCombo = new QComboBox(bar);
    m_timeframeCombo->setObjectName(QStringLiteral("TimeframeCombo"));
    syncTimeframeCombo();
    connect(m_timeframeCombo, &QComboBox::activated, this, [this](int index) {
        const QVariant data = m_timeframeCombo->itemData(index);
        if (data.typeId() == QMetaType::Int) { // "Custom..."

            bool ok = false;
            const int minutes = QInputDialog::getInt(
                this, tr("Custom timeframe"), tr("Minutes per bar:"), 2, 1, 7 * 24 * 60, 1, &ok);
            if (ok)
                setTimeframe(Timeframe::minutes(minutes));
            else
                syncTimeframeCombo();
            return;
        }
        if (auto tf = Timeframe::parse(data.toString().toStdString()))
            setTimeframe(*tf);
    });
    bar->addWidget(m_timeframeCombo);

    m_styleCombo = new QComboBox(bar);
    m_styleCombo->setObjectName(QStringLiteral("StyleCombo"));
    m_styleCombo->addItem(tr("Candles"), static_cast<int>(ChartStyle::Candles));
    m_styleCombo->addItem(tr("OHLC bars"), static_cast<int>(ChartStyle::OhlcBars));
    m_styleCombo->addItem(tr("Line"), static_cast<int>(ChartStyle::Line));
    m_styleCombo->addItem(tr("Heikin-Ashi"), static_cast<int>(ChartStyle::HeikinAshi));
    m_styleCombo->setCurrentIndex(m_styleCombo->findData(static_cast<int>(m_style)));
    connect(m_styleCombo, &QComboBox::activated, this, [this](int index) {
        setChartStyle(static_cast<ChartStyle>(m_styleCombo->itemData(index).toInt()));
    });
    bar->addWidget(m_styleCombo);
    bar->addSeparator();

    QAction* add = bar->addAction(tr("+ Indicator"), this, &ChartTab::promptAddIndicator);
    add->setToolTip(tr("Add an indicator (Ctrl+I)"));
    add->setObjectName(QStringLiteral("AddIndicatorButton"));

    m_indicatorButton = new QToolButton(bar);
    m_indicatorButton->setObjectName(QStringLiteral("IndicatorsButton"));
    m_indicatorButton->setPopupMode(QToolButton::InstantPopup);
    m_indicatorButton->setMenu(new QMenu(m_indicatorButton));
    bar->addWidget(m_indicatorButton);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(bar);
    layout->addWidget(m_view, 1);
}

std::vector<Timeframe> ChartTab::presetTimeframes() {
    return {Timeframe::minutes(1), Timeframe::minutes(5), Timeframe::minutes(15),
            Timeframe::hours(1),   Timeframe::hours(4),   Timeframe::days(1)};
}

void ChartTab::syncTimeframeCombo() {
    const QSignalBlocker block(m_timeframeCombo);
    m_timeframeCombo->clear();
    for (const Timeframe& tf : presetTimeframes())
        m_timeframeCombo->addItem(QString::fromStdString(tf.toString()),
                                  QString::fromStdString(tf.toString()));
    const QString current = QString::fromStdString(m_timeframe.toString());
    if (m_timeframeCombo->findData(current) < 0)
        m_timeframeCombo->addItem(current, current);
    m_timeframeCombo->addItem(tr("Custom..."), kCustomTimeframe);
    m_timeframeCombo->setCurrentIndex(m_timeframeCombo->findData(current));
}

int ChartTab::priceDecimals() const {
    for (const Instrument& in : m_catalogue)
        if (in.symbol == m_instrument.symbol() && in.venue == m_instrument.venue())
            return in.pricePrecision;
    return 2;
}

void ChartTab::open() {
    m_post(engine::OpenChart{m_id, m_instrument, m_timeframe});
    for (const Indicator& ind : m_indicators)
        postIndicator(ind);
}

void ChartTab::reopen() {
    close();
    m_id = m_nextChartId();
    m_replica = engine::ChartReplica{};
    m_view->model().clearIndicators();
    m_modelToReplica.clear();
    m_view->setBars(BarSeries{});
    m_view->model().setPriceDecimals(priceDecimals());
    open();
}

void ChartTab::close() {
    m_post(engine::CloseChart{m_id});
}

void ChartTab::postIndicator(const Indicator& indicator) {
    m_post(engine::AddIndicator{m_id, indicator.id, indicator.settings.spec()});
}

ChartState ChartTab::state() const {
    ChartState s;
    s.instrument = m_instrument.toString();
    s.timeframe = m_timeframe.toString();
    s.style = m_style;
    for (const Indicator& ind : m_indicators)
        s.indicators.push_back(ind.settings);
    return s;
}

QString ChartTab::title() const {
    return QStringLiteral("%1 %2").arg(toQString(m_instrument.symbol()),
                                       QString::fromStdString(m_timeframe.toString()));
}

void ChartTab::setTimeframe(Timeframe timeframe) {
    if (!timeframe.isValid() || timeframe.unit() == TimeUnit::Second)
        return;
    if (!(timeframe == m_timeframe)) {
        m_timeframe = timeframe;
        m_post(engine::SetTimeframe{m_id, m_timeframe});
        emit titleChanged(title());
    }
    syncTimeframeCombo();
}

void ChartTab::setSymbol(const adapters::InstrumentKey& instrument) {
    if (instrument.isEmpty() || instrument == m_instrument)
        return;
    m_instrument = instrument;
    reopen();
    loadDrawings();
    const int index = m_symbolCombo->findData(QString::fromStdString(instrument.toString()));
    if (index >= 0)
        m_symbolCombo->setCurrentIndex(index);
    emit titleChanged(title());
}

void ChartTab::setDrawingStore(DrawingStore* store) {
    if (m_drawingStore)
        disconnect(m_drawingStore, nullptr, this, nullptr);
    m_drawingStore = store;
    if (store) {
        connect(store, &DrawingStore::drawingsChanged, this,
                [this](const QString& instrument, const QObject* origin) {
                    // A change made here is in the view already (and keeps its selection).
                    if (origin != this &&
                        instrument == QString::fromStdString(m_instrument.toString()))
                        loadDrawings();
                });
    }
    loadDrawings();
}

void ChartTab::loadDrawings() {
    m_view->setDrawings(m_drawingStore ? m_drawingStore->drawings(m_instrument.toString())
                                       : std::vector<ChartDrawing>{});
}

void ChartTab::storeDrawings() {
    if (m_drawingStore)
        m_drawingStore->setDrawings(m_instrument.toString(), m_view->drawings(), this);
}

bool ChartTab::deleteSelectedDrawing() {
    const DrawingEditor& editor = m_view->drawingEditor();
    const std::optional<std::uint64_t> selected = editor.selectedId();
    if (!selected || editor.isPlacing())
        return false;
    std::vector<ChartDrawing> rest = m_view->drawings();
    std::erase_if(rest, [id = *selected](const ChartDrawing& d) { return d.id == id; });
    m_view->setDrawings(std::move(rest)); // keeps the ids; ends a drag of the deleted one
    storeDrawings();
    return true;
}

std::size_t ChartTab::clearDrawings() {
    const std::size_t shown = m_view->drawings().size();
    m_view->setDrawings({});
    return m_drawingStore ? m_drawingStore->clear(m_instrument.toString(), this) : shown;
}

void ChartTab::setChartStyle(ChartStyle style) {
    m_style = style;
    m_view->setChartStyle(style);
    const int index = m_styleCombo->findData(static_cast<int>(style));
    if (index >= 0 && index != m_styleCombo->currentIndex())
        m_styleCombo->setCurrentIndex(index);
}

void ChartTab::setChartTheme(const ChartTheme& theme) {
    m_view->setTheme(theme);
}

void ChartTab::addIndicator(IndicatorSettings settings) {
    if (!indicators::IndicatorRegistry::builtin().parse(settings.spec())) {
        emit message(tr("Indicator %1 rejected").arg(QString::fromStdString(settings.spec())));
        return;
    }
    m_indicators.push_back({m_nextIndicatorId++, std::move(settings)});
    postIndicator(m_indicators.back());
    rebuildIndicatorMenu();
    emit indicatorsChanged();
}

void ChartTab::updateIndicator(engine::IndicatorId id, IndicatorSettings settings) {
    auto it = std::find_if(m_indicators.begin(), m_indicators.end(),
                           [id](const Indicator& i) { return i.id == id; });
    if (it == m_indicators.end())
        return;
    if (it->settings.spec() != settings.spec()) {
        // A new computation: the engine gets a new indicator in the same place of the list.
        m_post(engine::RemoveIndicator{m_id, id});
        it->id = m_nextIndicatorId++;
        it->settings = std::move(settings);
        postIndicator(*it);
    } else {
        it->settings = std::move(settings);
        for (std::size_t m = 0; m < m_modelToReplica.size(); ++m)
            if (m_replica.indicatorId(m_modelToReplica[m]) == id)
                applyLook(m, it->settings);
        m_view->markDirty();
    }
    rebuildIndicatorMenu();
    emit indicatorsChanged();
}

void ChartTab::removeIndicator(engine::IndicatorId id) {
    auto it = std::find_if(m_indicators.begin(), m_indicators.end(),
                           [id](const Indicator& i) { return i.id == id; });
    if (it == m_indicators.end())
        return;
    m_indicators.erase(it);
    m_post(engine::RemoveIndicator{m_id, id});
    rebuildIndicatorMenu();
    emit indicatorsChanged();
}

void ChartTab::promptAddIndicator() {
    IndicatorDialog dialog(m_indicators.size(), this);
    dialog.setWindowTitle(tr("Add indicator"));
    if (dialog.exec() == QDialog::Accepted)
        addIndicator(dialog.settings());
}

void ChartTab::promptEditIndicator(engine::IndicatorId id) {
    auto it = std::find_if(m_indicators.begin(), m_indicators.end(),
                           [id](const Indicator& i) { return i.id == id; });
    if (it == m_indicators.end())
        return;
    IndicatorDialog dialog(0, this);
    dialog.setWindowTitle(tr("Edit indicator"));
    dialog.setSettings(it->settings);
    if (dialog.exec() == QDialog::Accepted)
        updateIndicator(id, dialog.settings());
}

void ChartTab::rebuildIndicatorMenu() {
    QMenu* menu = m_indicatorButton->menu();
    menu->clear();
    m_indicatorButton->setText(tr("Indicators (%1)").arg(m_indicators.size()));
    if (m_indicators.empty()) {
        menu->addAction(tr("No indicators"))->setEnabled(false);
        return;
    }
    for (const Indicator& ind : m_indicators) {
        QMenu* sub = menu->addMenu(QString::fromStdString(ind.settings.spec()));
        const engine::IndicatorId id = ind.id;
        sub->addAction(tr("Edit..."), this, [this, id] { promptEditIndicator(id); });
        sub->addAction(tr("Remove"), this, [this, id] { removeIndicator(id); });
    }
}

bool ChartTab::applySnapshot(const engine::ChartSnapshot& snapshot) {
    if (snapshot.chartId != m_id)
        return false;
    const std::size_t oldRows = m_replica.bars().size();
    // A Full of the same series (older history prepended, indicators changed) keeps the bars
    // on screen under the same pixels; a new timeframe starts at the live edge.
    const bool full = snapshot.kind == engine::ChartSnapshot::Kind::Full;
    const auto anchor =
        full && snapshot.timeframe == m_shownTimeframe ? m_view->viewAnchor() : std::nullopt;
    if (auto applied = m_replica.apply(snapshot); !applied) {
        emit message(
            tr("Chart %1: %2").arg(title(), QString::fromStdString(applied.error().message)));
        return false;
    }
    ++m_applied;
    if (full) {
        m_shownTimeframe = snapshot.timeframe;
        rebuildModel();
        if (anchor)
            m_view->restoreView(*anchor);
        m_view->setHistoryStart(snapshot.historyStart);
    } else {
        applyIncrement(oldRows);
    }
    return true;
}

void ChartTab::applyLook(std::size_t modelIndex, const IndicatorSettings& settings) {
    ChartIndicator& ci = m_view->model().indicator(modelIndex);
    auto outputs = ci.outputs();
    for (std::size_t k = 0; k < outputs.size(); ++k) {
        if (k < settings.colors.size() && settings.colors[k].isValid())
            outputs[k].color = settings.colors[k];
        if (outputs[k].style == ChartIndicator::OutputStyle::Line)
            outputs[k].widthPx = settings.widthPx;
    }
}

void ChartTab::rebuildModel() {
    ChartModel& model = m_view->model();
    model.clearIndicators();
    m_modelToReplica.clear();
    const std::size_t oldRows = model.size();
    // The view shows the replica's buffers without a copy (docs/live-path-performance.md):
    // reset the view as for new history (keeping the zoom an empty series would change), then
    // let the model follow the replica.
    TimeScale& timeScale = m_view->renderer().timeScale();
    const double spacing = timeScale.barSpacing();
    m_view->setBars(BarSeries{});
    model.followBars(m_replica.sharedBars());
    timeScale.setBarCount(model.size());
    timeScale.setBarSpacing(spacing);
    m_view->scrollToLive();
    if (oldRows < kSparseRows && model.size() >= kSparseRows) {
        // A (nearly) empty chart leaves the time scale at its widest spacing; when the history
        // arrives it starts at the default zoom instead.
        m_view->renderer().timeScale().setBarSpacing(TimeScale::kDefaultSpacingPx);
        m_view->scrollToLive();
    }

    const auto& registry = indicators::IndicatorRegistry::builtin();
    std::size_t overlays = 0;
    for (std::size_t r = 0; r < m_replica.indicatorCount(); ++r) {
        const engine::IndicatorId id = m_replica.indicatorId(r);
        const auto it = std::find_if(m_indicators.begin(), m_indicators.end(),
                                     [id](const Indicator& i) { return i.id == id; });
        if (it == m_indicators.end())
            continue; // removed here, the engine's Full without it is on its way
        auto config = registry.parse(it->settings.spec());
        if (!config)
            continue;
        ChartIndicator ci = ChartIndicatorFactory::create(*config, BarSeries{}, overlays++);
        ci.setStream(nullptr); // the engine streams the values; they come with each snapshot
        auto outputs = ci.outputs();
        for (std::size_t k = 0; k < outputs.size(); ++k)
            outputs[k].values.follow(m_replica.sharedIndicatorColumn(r, k));
        const std::size_t index = model.addIndicator(std::move(ci));
        applyLook(index, it->settings);
        m_modelToReplica.push_back(r);
    }
    m_view->markDirty();
}

void ChartTab::applyIncrement(std::size_t oldRows) {
    ChartModel& model = m_view->model();
    if (oldRows == 0 || !model.followsBars() || &model.bars() != &m_replica.bars()) {
        rebuildModel();
        return;
    }
    // The model shows the replica's buffers, which the Delta changed in place: only the
    // indexes catch up (the revised last row and the new ones).
    model.sourceChanged();
    m_view->renderer().timeScale().setBarCount(model.size());
    m_view->markDirty();
}

} // namespace cw::ui
