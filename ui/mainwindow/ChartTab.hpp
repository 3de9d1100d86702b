// SPDX-License-Identifier: MIT
#pragma once

#include "core/adapters/InstrumentKey.hpp"
#include "core/domain/Instrument.hpp"
#include "core/domain/Timeframe.hpp"
#include "core/engine/ChartReplica.hpp"
#include "core/engine/ChartSnapshot.hpp"
#include "ui/chart/ChartStyle.hpp"
#include "ui/chart/ChartTheme.hpp"
#include "ui/mainwindow/ChartState.hpp"
#include "ui/mainwindow/EngineCommandPoster.hpp"

#include <QWidget>

#include <cstdint>
#include <functional>
#include <vector>

class QComboBox;
class QToolButton;

namespace cw::ui {

class ChartView;
class DrawingStore;

/// One chart tab: a ChartView under a toolbar (symbol, timeframe with custom minutes, style,
/// add indicator, the indicator list with edit/remove).
///
/// The engine computes the bars and the indicators: the tab posts OpenChart / SetTimeframe /
/// AddIndicator / RemoveIndicator / CloseChart and applies the snapshots that come back to a
/// ChartReplica, whose buffers the view's ChartModel shows without a copy (followBars, and
/// indicator outputs that follow the replica's columns): a Full snapshot points the model at
/// the new buffers, a Delta changes them in place and the model only updates its indexes
/// (O(log n) per bar, never a rebuild). Colours
/// and line widths are GUI-only and change without a round trip. A new symbol closes the
/// engine chart and opens another under a fresh id (`nextChartId`), so late snapshots of the
/// old one are ignored.
/// Drawings belong to the instrument: with a DrawingStore (`setDrawingStore`) the view shows
/// the instrument's set, every finished edit goes to the store, and edits made in another
/// chart of the same instrument appear here; a new symbol shows that symbol's set.
/// Thread: GUI.
class ChartTab : public QWidget {
    Q_OBJECT

public:
    struct Indicator {
        engine::IndicatorId id = 0;
        IndicatorSettings settings;
    };

    ChartTab(engine::ChartId id, ChartState state, EngineCommandPoster post,
             std::function<engine::ChartId()> nextChartId, std::vector<Instrument> catalogue,
             QWidget* parent = nullptr);

    /// Posts OpenChart and the indicators; call once after construction.
    void open();
    /// Posts CloseChart.
    void close();

    engine::ChartId chartId() const { return m_id; }
    ChartState state() const;
    const std::vector<Indicator>& indicators() const { return m_indicators; }
    ChartView* view() const { return m_view; }
    /// "BTCUSDT 1m"
    QString title() const;
    /// Snapshots applied so far (for tests and diagnostics).
    std::uint64_t snapshotsApplied() const { return m_applied; }
    /// What the snapshots built; the view's model shows its buffers (for tests and diagnostics).
    const engine::ChartReplica& replica() const { return m_replica; }

    /// Applies a snapshot of this chart (others are ignored); returns false when it did not
    /// apply (another chart, or a Delta out of sequence).
    bool applySnapshot(const engine::ChartSnapshot& snapshot);

    void setTimeframe(Timeframe timeframe);
    void setSymbol(const adapters::InstrumentKey& instrument);
    void setChartStyle(ChartStyle style);
    void setChartTheme(const ChartTheme& theme);
    void addIndicator(IndicatorSettings settings);
    /// A changed spec re-adds the indicator in the engine; colours/width only repaint.
    void updateIndicator(engine::IndicatorId id, IndicatorSettings settings);
    void removeIndicator(engine::IndicatorId id);

    /// Shares the drawings of this chart's instrument through `store` (may be null: the
    /// drawings stay in the view only). The store must outlive the tab or be reset first.
    void setDrawingStore(DrawingStore* store);
    /// Removes the selected drawing; false when none is selected.
    bool deleteSelectedDrawing();
    /// Removes every drawing of this chart's instrument (in every chart of it); returns how
    /// many there were.
    std::size_t clearDrawings();

    /// The timeframes of the toolbar's list: 1m 5m 15m 1h 4h 1D.
    static std::vector<Timeframe> presetTimeframes();

public slots:
    void promptAddIndicator();
    void promptEditIndicator(cw::engine::IndicatorId id);

signals:
    void titleChanged(const QString& title);
    void message(const QString& text);
    void indicatorsChanged();

private:
    void buildToolBar();
    void reopen();
    void syncTimeframeCombo();
    void rebuildIndicatorMenu();
    void rebuildModel();
    void applyIncrement(std::size_t oldRows);
    void applyLook(std::size_t modelIndex, const IndicatorSettings& settings);
    void postIndicator(const Indicator& indicator);
    int priceDecimals() const;
    void loadDrawings();
    void storeDrawings();

    engine::ChartId m_id;
    adapters::InstrumentKey m_instrument;
    Timeframe m_timeframe;
    ChartStyle m_style = ChartStyle::Candles;
    std::vector<Indicator> m_indicators;
    engine::IndicatorId m_nextIndicatorId = 1;

    EngineCommandPoster m_post;
    std::function<engine::ChartId()> m_nextChartId;
    std::vector<Instrument> m_catalogue;

    engine::ChartReplica m_replica;
    /// For each indicator in the view's model, its index in the replica.
    std::vector<std::size_t> m_modelToReplica;
    std::uint64_t m_applied = 0;
    Timeframe m_shownTimeframe; ///< of the last Full applied

    ChartView* m_view = nullptr;
    DrawingStore* m_drawingStore = nullptr;
    QComboBox* m_symbolCombo = nullptr;
    QComboBox* m_timeframeCombo = nullptr;
    QComboBox* m_styleCombo = nullptr;
    QToolButton* m_indicatorButton = nullptr;
};

} // namespace cw::ui
