// SPDX-License-Identifier: MIT
#include "ui/chart/DrawingEditor.hpp"

#include "tests/ui/chart/DrawingTestBars.hpp"

#include <cmath>
#include <gtest/gtest.h>

using namespace cw;
using namespace cw::ui;
using namespace cw::ui::testing;

namespace {

class DrawingEditorTest : public ::testing::Test {
protected:
    DrawingTestScene scene{barTimes(100)};
    DrawingEditor editor;

    DrawingCoordinates coords() const { return scene.coords(); }
    /// Pixel of bar `index` at `price`.
    QPointF at(double index, double price) const {
        return {scene.xOfIndex(index), scene.yOfPrice(price)};
    }
    void click(QPointF p) {
        EXPECT_TRUE(editor.press(p, coords()));
        EXPECT_TRUE(editor.release(p, coords()));
    }
    void drag(QPointF from, QPointF to) {
        EXPECT_TRUE(editor.press(from, coords()));
        EXPECT_TRUE(editor.move((from + to) / 2, coords()));
        EXPECT_TRUE(editor.move(to, coords()));
        EXPECT_TRUE(editor.release(to, coords()));
    }
    std::uint64_t addTrendLine(std::size_t bar0, double price0, std::size_t bar1, double price1) {
        ChartDrawing d;
        d.kind = DrawingKind::TrendLine;
        d.anchors = {DrawingAnchor{scene.times[bar0], price0},
                     DrawingAnchor{scene.times[bar1], price1}};
        return editor.addDrawing(d);
    }
};

} // namespace

TEST_F(DrawingEditorTest, horizontalLineIsPlacedWithOneClick) {
    editor.setTool(DrawingTool::HorizontalLine);
    const auto revision = editor.revision();
    click(at(50, 150.0));
    ASSERT_EQ(editor.drawings().size(), 1u);
    const ChartDrawing& d = editor.drawings()[0];
    EXPECT_EQ(d.kind, DrawingKind::HorizontalLine);
    EXPECT_DOUBLE_EQ(d.anchors[0].price, 150.0);
    EXPECT_EQ(d.anchors[0].time, scene.times[50]);
    EXPECT_EQ(d.anchors[1], d.anchors[0]);
    EXPECT_EQ(editor.tool(), DrawingTool::None); // one-shot tool
    EXPECT_EQ(editor.selectedId(), d.id);
    EXPECT_NE(d.id, 0u);
    EXPECT_EQ(editor.revision(), revision + 1);
}

TEST_F(DrawingEditorTest, trendLineIsPlacedByDragging) {
    editor.setTool(DrawingTool::TrendLine);
    drag(at(20, 120.0), at(60, 180.0));
    ASSERT_EQ(editor.drawings().size(), 1u);
    const ChartDrawing& d = editor.drawings()[0];
    EXPECT_EQ(d.kind, DrawingKind::TrendLine);
    EXPECT_EQ(d.anchors[0].time, scene.times[20]);
    EXPECT_DOUBLE_EQ(d.anchors[0].price, 120.0);
    EXPECT_EQ(d.anchors[1].time, scene.times[60]);
    EXPECT_DOUBLE_EQ(d.anchors[1].price, 180.0);
    EXPECT_EQ(editor.pending(), nullptr);
}

TEST_F(DrawingEditorTest, rectangleIsPlacedWithTwoClicksAndPreviewsInBetween) {
    editor.setTool(DrawingTool::Rectangle);
    click(at(10, 110.0));
    EXPECT_TRUE(editor.isPlacing());
    EXPECT_TRUE(editor.drawings().empty());
    EXPECT_TRUE(editor.move(at(30, 130.0), coords()));
    ASSERT_NE(editor.pending(), nullptr);
    EXPECT_EQ(editor.pending()->anchors[1].time, scene.times[30]); // follows the pointer
    click(at(40, 140.0));
    ASSERT_EQ(editor.drawings().size(), 1u);
    EXPECT_EQ(editor.drawings()[0].kind, DrawingKind::Rectangle);
    EXPECT_EQ(editor.drawings()[0].anchors[0].time, scene.times[10]);
    EXPECT_EQ(editor.drawings()[0].anchors[1].time, scene.times[40]);
    EXPECT_DOUBLE_EQ(editor.drawings()[0].anchors[1].price, 140.0);
    EXPECT_FALSE(editor.isPlacing());
}

TEST_F(DrawingEditorTest, fibonacciLevelsRunFromTheEndAnchorToTheStart) {
    editor.setTool(DrawingTool::FibonacciRetracement);
    click(at(10, 100.0));
    click(at(50, 200.0));
    ASSERT_EQ(editor.drawings().size(), 1u);
    const ChartDrawing& d = editor.drawings()[0];
    EXPECT_DOUBLE_EQ(d.fibonacciPrice(0.0), 200.0);
    EXPECT_DOUBLE_EQ(d.fibonacciPrice(61.8), 138.2);
    EXPECT_DOUBLE_EQ(d.fibonacciPrice(100.0), 100.0);
}

TEST_F(DrawingEditorTest, escapeCancelsAHalfPlacedDrawing) {
    editor.setTool(DrawingTool::TrendLine);
    const auto revision = editor.revision();
    click(at(10, 110.0));
    ASSERT_NE(editor.pending(), nullptr);
    EXPECT_TRUE(editor.key(Qt::Key_Escape));
    EXPECT_EQ(editor.pending(), nullptr);
    EXPECT_FALSE(editor.isPlacing());
    EXPECT_TRUE(editor.drawings().empty());
    EXPECT_EQ(editor.tool(), DrawingTool::None);
    EXPECT_EQ(editor.revision(), revision);
    // The next click is an ordinary click on empty chart: not taken.
    EXPECT_FALSE(editor.press(at(40, 140.0), coords()));
}

TEST_F(DrawingEditorTest, secondClickOnTheFirstAnchorDoesNotMakeAnInvisibleDrawing) {
    editor.setTool(DrawingTool::TrendLine);
    click(at(10, 110.0));
    click(at(10, 110.0));
    EXPECT_TRUE(editor.drawings().empty());
    EXPECT_TRUE(editor.isPlacing());
}

TEST_F(DrawingEditorTest, hitTestOnATrendLineHonoursTheTolerance) {
    const auto id = addTrendLine(20, 120.0, 60, 160.0);
    // Midpoint of the segment, then 5 px and 10 px off perpendicular-ish (straight up).
    const QPointF mid = (at(20, 120.0) + at(60, 160.0)) / 2;
    const auto onLine = editor.hitTest(mid + QPointF(0, -4.0), coords());
    ASSERT_TRUE(onLine.has_value());
    EXPECT_EQ(onLine->id, id);
    EXPECT_EQ(onLine->part, DrawingEditor::Part::Body);
    EXPECT_FALSE(editor.hitTest(mid + QPointF(0, -12.0), coords()).has_value());
    // Beyond the end of the segment, on its extension: not the line.
    EXPECT_FALSE(editor.hitTest(at(70, 170.0), coords()).has_value());
    const auto handle = editor.hitTest(at(60, 160.0) + QPointF(3, 2), coords());
    ASSERT_TRUE(handle.has_value());
    EXPECT_EQ(handle->part, DrawingEditor::Part::Anchor1);
}

TEST_F(DrawingEditorTest, hitTestOnEachKind) {
    ChartDrawing h;
    h.kind = DrawingKind::HorizontalLine;
    h.anchors = {DrawingAnchor{scene.times[50], 150.0}, DrawingAnchor{scene.times[50], 150.0}};
    const auto hid = editor.addDrawing(h);
    // Anywhere along the plot's width, within 6 px of the row.
    EXPECT_EQ(editor.hitTest(QPointF(60.0, scene.yOfPrice(150.0) + 5.0), coords())->id, hid);
    EXPECT_FALSE(editor.hitTest(QPointF(60.0, scene.yOfPrice(150.0) + 8.0), coords()));

    ChartDrawing r;
    r.kind = DrawingKind::Rectangle;
    r.anchors = {DrawingAnchor{scene.times[10], 180.0}, DrawingAnchor{scene.times[30], 170.0}};
    const auto rid = editor.addDrawing(r);
    EXPECT_EQ(editor.hitTest(at(20, 175.0), coords())->id, rid); // inside the box
    EXPECT_FALSE(editor.hitTest(at(20, 185.0), coords()));       // 20 px above it

    ChartDrawing f;
    f.kind = DrawingKind::FibonacciRetracement;
    f.anchors = {DrawingAnchor{scene.times[60], 100.0}, DrawingAnchor{scene.times[90], 140.0}};
    const auto fid = editor.addDrawing(f);
    // On the 61.8 % level (price 140 - 40 * 0.618 = 115.28) half way between the anchors.
    const QPointF level(scene.xOfIndex(75), scene.yOfPrice(115.28));
    EXPECT_EQ(editor.hitTest(level + QPointF(0, 3), coords())->id, fid);
    // Between the 78.6 % and 100 % levels, away from the diagonal: nothing.
    EXPECT_FALSE(editor.hitTest(at(85, 104.0), coords()));
    // Right of the retracement's span, at a level's price: nothing.
    EXPECT_FALSE(editor.hitTest(QPointF(scene.xOfIndex(95), scene.yOfPrice(115.28)), coords()));
}

TEST_F(DrawingEditorTest, draggingTheBodyMovesBothAnchorsByTheSameDataDelta) {
    const auto id = addTrendLine(20, 120.0, 60, 160.0);
    const auto revision = editor.revision();
    const QPointF mid = (at(20, 120.0) + at(60, 160.0)) / 2;
    // 24 px right = 3 bars (3 minutes); 20 px down = 5 price units lower.
    drag(mid, mid + QPointF(24.0, 20.0));
    const ChartDrawing* d = editor.find(id);
    ASSERT_NE(d, nullptr);
    EXPECT_EQ(d->anchors[0].time, scene.times[23]);
    EXPECT_EQ(d->anchors[1].time, scene.times[63]);
    EXPECT_DOUBLE_EQ(d->anchors[0].price, 115.0);
    EXPECT_DOUBLE_EQ(d->anchors[1].price, 155.0);
    EXPECT_EQ(editor.selectedId(), id);
    EXPECT_EQ(editor.revision(), revision + 1); // once per drag, not per move
}

TEST_F(DrawingEditorTest, draggingAHandleMovesOnlyThatAnchor) {
    const auto id = addTrendLine(20, 120.0, 60, 160.0);
    drag(at(60, 160.0), at(60, 160.0) + QPointF(-16.0, -40.0));
    const ChartDrawing* d = editor.find(id);
    ASSERT_NE(d, nullptr);
    EXPECT_EQ(d->anchors[0].time, scene.times[20]);
    EXPECT_DOUBLE_EQ(d->anchors[0].price, 120.0);
    EXPECT_EQ(d->anchors[1].time, scene.times[58]);
    EXPECT_DOUBLE_EQ(d->anchors[1].price, 170.0);
}

TEST_F(DrawingEditorTest, escapeDuringADragPutsTheDrawingBack) {
    const auto id = addTrendLine(20, 120.0, 60, 160.0);
    const ChartDrawing before = *editor.find(id);
    const QPointF mid = (at(20, 120.0) + at(60, 160.0)) / 2;
    ASSERT_TRUE(editor.press(mid, coords()));
    ASSERT_TRUE(editor.move(mid + QPointF(50, 50), coords()));
    EXPECT_NE(*editor.find(id), before);
    EXPECT_TRUE(editor.key(Qt::Key_Escape));
    EXPECT_EQ(*editor.find(id), before);
}

TEST_F(DrawingEditorTest, deleteAndBackspaceRemoveTheSelectedDrawing) {
    const auto a = addTrendLine(20, 120.0, 60, 160.0);
    const auto b = addTrendLine(10, 180.0, 30, 190.0);
    EXPECT_FALSE(editor.key(Qt::Key_Delete)); // nothing selected: not taken
    click(at(20, 120.0));                     // on a's first handle
    EXPECT_EQ(editor.selectedId(), a);
    EXPECT_TRUE(editor.key(Qt::Key_Delete));
    ASSERT_EQ(editor.drawings().size(), 1u);
    EXPECT_EQ(editor.drawings()[0].id, b);
    EXPECT_FALSE(editor.selectedId().has_value());
    editor.select(b);
    EXPECT_TRUE(editor.key(Qt::Key_Backspace));
    EXPECT_TRUE(editor.drawings().empty());
}

TEST_F(DrawingEditorTest, pressOnEmptyChartIsNotTakenAndDeselects) {
    addTrendLine(20, 120.0, 60, 160.0);
    editor.select(editor.drawings()[0].id);
    EXPECT_FALSE(editor.press(at(80, 110.0), coords()));
    EXPECT_FALSE(editor.selectedId().has_value());
    EXPECT_FALSE(editor.wantsPointer(at(80, 110.0), coords()));
    EXPECT_TRUE(editor.wantsPointer(at(20, 120.0), coords()));
}

TEST_F(DrawingEditorTest, garbageInputIsIgnored) {
    editor.setTool(DrawingTool::TrendLine);
    // NaN pointer: not taken, nothing placed.
    EXPECT_FALSE(editor.press(QPointF(std::nan(""), 100.0), coords()));
    // No bars: no mapping, nothing placed.
    const DrawingTestScene empty({});
    EXPECT_FALSE(editor.press(QPointF(100.0, 100.0), empty.coords()));
    EXPECT_TRUE(editor.drawings().empty());
    // Invalid kinds and tools are refused.
    EXPECT_EQ(editor.addDrawing(ChartDrawing{}), 0u);
    editor.setTool(DrawingTool::Invalid);
    EXPECT_EQ(editor.tool(), DrawingTool::None);
    editor.setDefaultWidth(std::nan(""));
    EXPECT_DOUBLE_EQ(editor.defaultWidth(), 1.0);
}

TEST_F(DrawingEditorTest, setDrawingsRepairsIdsAndDropsInvalidKinds) {
    ChartDrawing a;
    a.kind = DrawingKind::TrendLine;
    a.id = 7;
    ChartDrawing dup = a; // same id
    ChartDrawing zero = a;
    zero.id = 0;
    ChartDrawing bad; // Invalid kind
    bad.id = 3;
    editor.setDrawings({a, dup, zero, bad});
    ASSERT_EQ(editor.drawings().size(), 3u);
    EXPECT_EQ(editor.drawings()[0].id, 7u);
    EXPECT_NE(editor.drawings()[1].id, 7u);
    EXPECT_NE(editor.drawings()[2].id, 0u);
    EXPECT_NE(editor.drawings()[1].id, editor.drawings()[2].id);
    // New drawings never reuse an id.
    const auto fresh = addTrendLine(1, 110.0, 2, 120.0);
    for (std::size_t i = 0; i < 3; ++i)
        EXPECT_NE(editor.drawings()[i].id, fresh);
}
