// SPDX-License-Identifier: MIT
#pragma once

#include "ui/chart/DrawingEditor.hpp"

#include <QColor>
#include <QIcon>
#include <QList>
#include <QToolBar>

#include <array>

class QAction;
class QActionGroup;

namespace cw::ui {

/// The drawing tools: pointer (select and move), horizontal line, trend line, rectangle,
/// Fibonacci retracement, then "delete selected" and "delete all on this chart".
///
/// The tool actions are checkable and exclusive; the checked one is the active tool of the
/// current chart, which the owner reports through `setActiveTool` (a chart goes back to the
/// pointer by itself once a drawing is finished). Choosing a tool emits `toolChosen`; the
/// delete actions emit their request signals. Shortcuts: Esc pointer, Alt+H horizontal line,
/// Alt+T trend line, Alt+R rectangle, Alt+F Fibonacci retracement, Del delete selected. Esc
/// and Del apply where the actions are added with `addChartAreaShortcuts` (the chart area),
/// so they do not take those keys from the other widgets of the window; the others work
/// anywhere in the window. Icons are painted at runtime in the palette's text colour and
/// follow palette changes (themes). The same actions serve the Chart > Drawing tools menu
/// (`menuActions`).
/// Thread: GUI.
class DrawingToolBar : public QToolBar {
    Q_OBJECT

public:
    explicit DrawingToolBar(QWidget* parent = nullptr);

    /// The action of a tool (None: the pointer); null for Invalid.
    QAction* toolAction(DrawingTool tool) const;
    QAction* deleteSelectedAction() const { return m_deleteSelected; }
    QAction* deleteAllAction() const { return m_deleteAll; }
    /// The tool actions, a separator, the delete actions.
    QList<QAction*> menuActions() const;
    /// The tool whose action is checked.
    DrawingTool checkedTool() const;

    /// Makes Esc and Del work while the focus is in `chartArea` or below it.
    void addChartAreaShortcuts(QWidget* chartArea);

    /// An icon for a tool (None: the pointer), `size` pixels square, drawn in `color`.
    static QIcon toolIcon(DrawingTool tool, const QColor& color, int size = 32);
    /// The icons of the two delete actions (`all`: delete all).
    static QIcon deleteIcon(bool all, const QColor& color, int size = 32);

public slots:
    /// Checks the action of `tool` (Invalid counts as None); emits nothing.
    void setActiveTool(cw::ui::DrawingTool tool);
    /// Enables or disables every action (no chart open: disabled).
    void setChartAvailable(bool available);

signals:
    void toolChosen(cw::ui::DrawingTool tool);
    void deleteSelectedRequested();
    void deleteAllRequested();

protected:
    void changeEvent(QEvent* event) override;

private:
    static constexpr std::array<DrawingTool, 5> kTools{
        DrawingTool::None, DrawingTool::HorizontalLine, DrawingTool::TrendLine,
        DrawingTool::Rectangle, DrawingTool::FibonacciRetracement};

    void paintIcons();

    std::array<QAction*, kTools.size()> m_toolActions{};
    QActionGroup* m_group = nullptr;
    QAction* m_deleteSelected = nullptr;
    QAction* m_deleteAll = nullptr;
    QAction* m_separator = nullptr;
};

} // namespace cw::ui
