// SPDX-License-Identifier: MIT
#include "ui/mainwindow/DrawingToolBar.hpp"

#include <QAction>
#include <QActionGroup>
#include <QEvent>
#include <QKeySequence>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

#include <algorithm>

namespace cw::ui {

namespace {

constexpr qreal kIconGrid = 32.0; // icons are designed on a 32 x 32 grid

struct ToolInfo {
    const char* objectName;
    const char* text;
    const char* tip;
    QKeySequence shortcut;
};

ToolInfo infoOf(DrawingTool tool) {
    switch (tool) {
    case DrawingTool::HorizontalLine:
        return {"DrawHorizontalLineAction", QT_TR_NOOP("&Horizontal line"),
                QT_TR_NOOP("Horizontal line: click at its price"),
                QKeySequence(Qt::ALT | Qt::SHIFT | Qt::Key_H)};
    case DrawingTool::TrendLine:
        return {"DrawTrendLineAction", QT_TR_NOOP("&Trend line"),
                QT_TR_NOOP("Trend line: drag, or click at both ends"),
                QKeySequence(Qt::ALT | Qt::SHIFT | Qt::Key_T)};
    case DrawingTool::Rectangle:
        return {"DrawRectangleAction", QT_TR_NOOP("&Rectangle"),
                QT_TR_NOOP("Rectangle: drag, or click two corners"),
                QKeySequence(Qt::ALT | Qt::SHIFT | Qt::Key_R)};
    case DrawingTool::FibonacciRetracement:
        return {"DrawFibonacciAction", QT_TR_NOOP("&Fibonacci retracement"),
                QT_TRANSLATE_NOOP("DrawingToolBar",
                                  "Fibonacci retracement: from the start of the move to its end"),
                QKeySequence(Qt::ALT | Qt::SHIFT | Qt::Key_F)};
    default:
        return {"DrawPointerAction", QT_TR_NOOP("&Pointer"),
                QT_TR_NOOP("Pointer: select, move and reshape drawings"),
                QKeySequence(Qt::Key_Escape)};
    }
}

/// A painter on a transparent pixmap, scaled to the 32 x 32 design grid.
class IconCanvas {
public:
    IconCanvas(int size, const QColor& color) : m_pixmap(size, size), m_color(color) {
        m_pixmap.fill(Qt::transparent);
        m_painter.begin(&m_pixmap);
        m_painter.setRenderHint(QPainter::Antialiasing);
        m_painter.scale(size / kIconGrid, size / kIconGrid);
        pen(2.0);
    }
    QPainter& painter() { return m_painter; }
    void pen(qreal width, Qt::PenStyle style = Qt::SolidLine) {
        QPen p(m_color, width, style, Qt::RoundCap, Qt::RoundJoin);
        m_painter.setPen(p);
        m_painter.setBrush(Qt::NoBrush);
    }
    void handle(QPointF at) {
        m_painter.save();
        m_painter.setPen(QPen(m_color, 1.5));
        m_painter.setBrush(Qt::NoBrush);
        m_painter.drawRect(QRectF(at.x() - 2.5, at.y() - 2.5, 5.0, 5.0));
        m_painter.restore();
    }
    QColor faded(int alpha) const {
        QColor c = m_color;
        c.setAlpha(alpha);
        return c;
    }
    QIcon icon() {
        m_painter.end();
        return QIcon(m_pixmap);
    }

private:
    QPixmap m_pixmap;
    QColor m_color;
    QPainter m_painter;
};

} // namespace

DrawingToolBar::DrawingToolBar(QWidget* parent) : QToolBar(tr("Drawing tools"), parent) {
    setObjectName(QStringLiteral("DrawingToolBar"));
    setIconSize(QSize(22, 22));
    m_group = new QActionGroup(this);
    m_group->setExclusive(true);
    for (std::size_t i = 0; i < kTools.size(); ++i) {
        const DrawingTool tool = kTools[i];
        const ToolInfo info = infoOf(tool);
        QAction* a = addAction(tr(info.text));
        a->setObjectName(QLatin1String(info.objectName));
        a->setCheckable(true);
        a->setShortcut(info.shortcut);
        a->setToolTip(QStringLiteral("%1 (%2)").arg(
            tr(info.tip), info.shortcut.toString(QKeySequence::NativeText)));
        a->setData(static_cast<int>(tool));
        m_group->addAction(a);
        connect(a, &QAction::triggered, this, [this, tool] { emit toolChosen(tool); });
        m_toolActions[i] = a;
    }
    m_toolActions[0]->setChecked(true);
    // Esc must not leave the chart area (dialog-less widgets such as the watchlist keep it).
    m_toolActions[0]->setShortcutContext(Qt::WidgetWithChildrenShortcut);

    m_separator = addSeparator();
    m_deleteSelected = addAction(tr("&Delete selected drawing"));
    m_deleteSelected->setObjectName(QStringLiteral("DeleteDrawingAction"));
    m_deleteSelected->setShortcut(QKeySequence(Qt::Key_Delete));
    m_deleteSelected->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_deleteSelected->setToolTip(tr("Delete the selected drawing (Del)"));
    connect(m_deleteSelected, &QAction::triggered, this, &DrawingToolBar::deleteSelectedRequested);

    m_deleteAll = addAction(tr("Delete &all drawings of this symbol"));
    m_deleteAll->setObjectName(QStringLiteral("DeleteAllDrawingsAction"));
    m_deleteAll->setToolTip(
        tr("Delete all drawings on this chart (every chart of the symbol shows the same ones)"));
    connect(m_deleteAll, &QAction::triggered, this, &DrawingToolBar::deleteAllRequested);
    paintIcons();
}

QAction* DrawingToolBar::toolAction(DrawingTool tool) const {
    if (tool == DrawingTool::Invalid)
        return nullptr;
    for (std::size_t i = 0; i < kTools.size(); ++i)
        if (kTools[i] == tool)
            return m_toolActions[i];
    return nullptr;
}

QList<QAction*> DrawingToolBar::menuActions() const {
    QList<QAction*> list(m_toolActions.begin(), m_toolActions.end());
    list << m_separator << m_deleteSelected << m_deleteAll;
    return list;
}

DrawingTool DrawingToolBar::checkedTool() const {
    const QAction* checked = m_group->checkedAction();
    return checked ? static_cast<DrawingTool>(checked->data().toInt()) : DrawingTool::None;
}

void DrawingToolBar::addChartAreaShortcuts(QWidget* chartArea) {
    chartArea->addAction(m_toolActions[0]);
    chartArea->addAction(m_deleteSelected);
}

void DrawingToolBar::setActiveTool(DrawingTool tool) {
    QAction* a = toolAction(tool == DrawingTool::Invalid ? DrawingTool::None : tool);
    if (a && !a->isChecked())
        a->setChecked(true);
}

void DrawingToolBar::setChartAvailable(bool available) {
    for (QAction* a : m_toolActions)
        a->setEnabled(available);
    m_deleteSelected->setEnabled(available);
    m_deleteAll->setEnabled(available);
}

void DrawingToolBar::changeEvent(QEvent* event) {
    QToolBar::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        paintIcons();
}

void DrawingToolBar::paintIcons() {
    const QColor color = palette().color(QPalette::WindowText);
    for (std::size_t i = 0; i < kTools.size(); ++i)
        m_toolActions[i]->setIcon(toolIcon(kTools[i], color));
    m_deleteSelected->setIcon(deleteIcon(false, color));
    m_deleteAll->setIcon(deleteIcon(true, color));
}

QIcon DrawingToolBar::toolIcon(DrawingTool tool, const QColor& color, int size) {
    IconCanvas c(std::max(size, 8), color);
    QPainter& p = c.painter();
    switch (tool) {
    case DrawingTool::HorizontalLine:
        p.drawLine(QPointF(3, 16), QPointF(29, 16));
        c.handle(QPointF(16, 16));
        break;
    case DrawingTool::TrendLine:
        p.drawLine(QPointF(6, 26), QPointF(26, 6));
        c.handle(QPointF(6, 26));
        c.handle(QPointF(26, 6));
        break;
    case DrawingTool::Rectangle:
        p.setBrush(c.faded(70));
        p.drawRect(QRectF(5, 9, 22, 14));
        c.handle(QPointF(5, 9));
        c.handle(QPointF(27, 23));
        break;
    case DrawingTool::FibonacciRetracement:
        c.pen(1.6);
        for (const qreal y : {5.0, 11.0, 15.0, 19.0, 27.0})
            p.drawLine(QPointF(4, y), QPointF(28, y));
        c.pen(1.2, Qt::DashLine);
        p.drawLine(QPointF(4, 27), QPointF(28, 5));
        break;
    default: { // the pointer: an arrow
        QPainterPath arrow;
        arrow.moveTo(9, 4);
        arrow.lineTo(9, 26);
        arrow.lineTo(14, 21);
        arrow.lineTo(18, 29);
        arrow.lineTo(21.5, 27.5);
        arrow.lineTo(17.5, 19.5);
        arrow.lineTo(24.5, 19.5);
        arrow.closeSubpath();
        c.pen(1.5);
        p.setBrush(c.faded(110));
        p.drawPath(arrow);
        break;
    }
    }
    return c.icon();
}

QIcon DrawingToolBar::deleteIcon(bool all, const QColor& color, int size) {
    IconCanvas c(std::max(size, 8), color);
    QPainter& p = c.painter();
    if (all) { // a bin
        c.pen(1.8);
        p.drawLine(QPointF(6, 8), QPointF(26, 8));
        p.drawRect(QRectF(12.5, 4.5, 7, 3.5));
        QPainterPath body;
        body.moveTo(8.5, 10.5);
        body.lineTo(23.5, 10.5);
        body.lineTo(21.5, 28);
        body.lineTo(10.5, 28);
        body.closeSubpath();
        p.drawPath(body);
        for (const qreal x : {13.0, 16.0, 19.0})
            p.drawLine(QPointF(x, 14), QPointF(x, 24));
    } else { // a selected line, crossed out
        c.pen(1.6);
        p.drawLine(QPointF(4, 22), QPointF(16, 10));
        c.handle(QPointF(4, 22));
        c.handle(QPointF(16, 10));
        c.pen(2.4);
        p.drawLine(QPointF(19, 18), QPointF(28, 27));
        p.drawLine(QPointF(28, 18), QPointF(19, 27));
    }
    return c.icon();
}

} // namespace cw::ui
