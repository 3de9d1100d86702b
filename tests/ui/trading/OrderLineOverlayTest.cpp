// SPDX-License-Identifier: MIT
#include "ui/chart/OrderLineOverlay.hpp"

#include "core/domain/BarSeries.hpp"
#include "tests/ui/trading/TradingTestData.hpp"
#include "ui/chart/ChartView.hpp"
#include "ui/chart/PriceScale.hpp"
#include "ui/trading/ChartTrading.hpp"

#include <QContextMenuEvent>
#include <QImage>
#include <QPainter>
#include <QSignalSpy>
#include <QtTest>

#include <cmath>

using namespace cw;
using namespace cw::ui;
using namespace cw::ui::test;

namespace {

/// A 600 x 400 plot at (20, 10) showing 34,000 .. 36,000: 5 price units per pixel.
struct Scene {
    QRectF plot{20.0, 10.0, 600.0, 400.0};
    PriceScale scale;
    Scene() {
        scale.setPixelRange(plot.top(), plot.height());
        scale.setRange(34000.0, 36000.0);
    }
    double yOf(double price) const { return plot.top() + (36000.0 - price) / 5.0; }
};

OrderLine line(const char* id, const char* price, bool draggable = true, bool cancelable = true) {
    OrderLine l;
    l.id = QString::fromLatin1(id);
    l.kind = OrderLine::Kind::Order;
    l.side = Side::Buy;
    l.price = px(price);
    l.label = QStringLiteral("BUY LMT 0.500 @ %1").arg(QString::fromLatin1(price));
    l.draggable = draggable;
    l.cancelable = cancelable;
    return l;
}

BarSeries flatBars(std::size_t n, double price) {
    BarSeries bars(n);
    for (std::size_t i = 0; i < n; ++i) {
        const TimestampNs t =
            1'717'416'000'000'000'000 + static_cast<TimestampNs>(i) * kNsPerMinute;
        const double wiggle = (i % 2 == 0) ? 100.0 : -100.0;
        bars.append({t, price, price + 500.0, price - 500.0, price + wiggle, 1.0});
    }
    return bars;
}

} // namespace

class OrderLineOverlayTest : public QObject {
    Q_OBJECT

private slots:
    void lineSitsAtItsPricesY() {
        Scene s;
        OrderLineOverlay overlay;
        overlay.setInstrument(btc());
        overlay.setLines({line("A", "35000.00")});
        QCOMPARE(OrderLineOverlay::yOf(px("35000.00"), s.scale), s.yOf(35000.0));
        const QRectF label = overlay.labelRect(0, s.plot, s.scale);
        QCOMPARE(label.center().y(), s.yOf(35000.0));
        QVERIFY(label.right() <= s.plot.right());
        QVERIFY(label.width() > OrderLineOverlay::kCloseBoxWidth);

        // Near the line anywhere across the plot is a line hit; far from it, nothing.
        auto hit = overlay.hitTest(QPointF(60.0, s.yOf(35000.0) + 3.0), s.plot, s.scale);
        QVERIFY(hit.has_value());
        QCOMPARE(hit->part, OrderLineOverlay::Part::Line);
        QVERIFY(!overlay.hitTest(QPointF(60.0, s.yOf(35000.0) + 6.0), s.plot, s.scale));
        // Outside the plot, nothing.
        QVERIFY(!overlay.hitTest(QPointF(5.0, s.yOf(35000.0)), s.plot, s.scale));
    }

    void dragSnapsToTheTickAndEmitsOnRelease() {
        Scene s;
        OrderLineOverlay overlay;
        overlay.setInstrument(btc());
        overlay.setLines({line("A", "35000.00"), line("B", "34500.00")});
        QSignalSpy moved(&overlay, &OrderLineOverlay::lineMoved);

        QVERIFY(overlay.press(QPointF(100.0, s.yOf(35000.0)), s.plot, s.scale));
        QVERIFY(overlay.isDragging());
        // 35,251.3 under the pointer snaps to 35,251.50 (tick 0.50).
        QVERIFY(overlay.move(QPointF(100.0, s.yOf(35251.3)), s.plot, s.scale));
        QCOMPARE(overlay.pendingPrice(QStringLiteral("A"))->toString(), std::string("35251.50"));
        QCOMPARE(moved.count(), 0); // nothing sent while dragging
        QVERIFY(overlay.release(QPointF(100.0, s.yOf(35251.3)), s.plot, s.scale));
        QCOMPARE(moved.count(), 1);
        QCOMPARE(moved.front().at(0).toString(), QStringLiteral("A"));
        QVERIFY(moved.front().at(2).value<Price>().isIdentical(px("35251.50")));

        // The line shows the pending price until the order changes...
        QVERIFY(overlay.pendingPrice(QStringLiteral("A")).has_value());
        overlay.setLines({line("A", "35000.00"), line("B", "34500.00")});
        QVERIFY(overlay.pendingPrice(QStringLiteral("A")).has_value());
        // ...or disappears (a modify continues under a new client order id).
        overlay.setLines({line("A2", "35251.50"), line("B", "34500.00")});
        QVERIFY(!overlay.pendingPrice(QStringLiteral("A")).has_value());
    }

    void dropAtTheSamePriceOrEscapeSendsNothing() {
        Scene s;
        OrderLineOverlay overlay;
        overlay.setInstrument(btc());
        overlay.setLines({line("A", "35000.00")});
        QSignalSpy moved(&overlay, &OrderLineOverlay::lineMoved);
        QVERIFY(overlay.press(QPointF(100.0, s.yOf(35000.0)), s.plot, s.scale));
        overlay.release(QPointF(100.0, s.yOf(35000.1)), s.plot, s.scale); // snaps back to .00
        QCOMPARE(moved.count(), 0);
        QVERIFY(overlay.press(QPointF(100.0, s.yOf(35000.0)), s.plot, s.scale));
        overlay.move(QPointF(100.0, s.yOf(35500.0)), s.plot, s.scale);
        overlay.cancelDrag();
        QVERIFY(!overlay.isDragging());
        QCOMPARE(moved.count(), 0);
        QVERIFY(!overlay.pendingPrice(QStringLiteral("A")).has_value());
    }

    void closeBoxCancelsAndFixedLinesDoNotDrag() {
        Scene s;
        OrderLineOverlay overlay;
        overlay.setInstrument(btc());
        overlay.setLines({line("A", "35000.00"), line("P", "34000.50", false, false)});
        QSignalSpy cancel(&overlay, &OrderLineOverlay::cancelRequested);
        const QRectF x = overlay.closeRect(0, s.plot, s.scale);
        QVERIFY(!x.isEmpty());
        QVERIFY(overlay.labelRect(0, s.plot, s.scale).contains(x.center()));
        auto hit = overlay.hitTest(x.center(), s.plot, s.scale);
        QCOMPARE(hit->part, OrderLineOverlay::Part::Close);
        QVERIFY(overlay.press(x.center(), s.plot, s.scale));
        QCOMPARE(cancel.count(), 1);
        QCOMPARE(cancel.front().at(0).toString(), QStringLiteral("A"));
        QVERIFY(!overlay.isDragging());

        // No "x" on a line that cannot be canceled; pressing the bare line is not taken.
        QVERIFY(overlay.closeRect(1, s.plot, s.scale).isEmpty());
        QVERIFY(!overlay.press(QPointF(60.0, s.yOf(34000.5)), s.plot, s.scale));
        QVERIFY(!overlay.isDragging());
    }

    void chartLinesFromASnapshot() {
        engine::TradingSnapshot snapshot;
        snapshot.workingOrders = {
            order("CW-1", Side::Buy, OrderType::Limit, "0.500", "35120.00"),
            order("CW-2", Side::Sell, OrderType::Market, "1", "0"), // no price: no line
            order("CW-3", Side::Sell, OrderType::Stop, "0.500", "34000.00"),
            order("CW-4", Side::Buy, OrderType::Limit, "1", "1.00", OrderStatus::PendingCancel)};
        snapshot.workingOrders[1].order.stopPrice = Price{};
        snapshot.workingOrders[2].emulated = true;
        snapshot.workingOrders[2].order.origin.kind = orders::OrderOriginKind::Emulation;
        snapshot.workingOrders[2].order.origin.parentClientOrderId = "CW-0";
        engine::OrderRow otherInstrument = order("CW-5", Side::Buy, OrderType::Limit, "1", "5.00");
        otherInstrument.order.instrument = key("SIM:ETHUSDT");
        snapshot.workingOrders.push_back(otherInstrument);
        snapshot.positions = {position("0.500", "34800.00")};

        const auto lines = ChartTrading::linesFor(snapshot, key("SIM:BTCUSDT"));
        QCOMPARE(lines.size(), std::size_t(4)); // CW-1, CW-3, CW-4, the position
        QCOMPARE(lines[0].label, QStringLiteral("BUY LMT 0.500 @ 35,120.00"));
        QVERIFY(lines[0].draggable && lines[0].cancelable && !lines[0].emulated);
        QCOMPARE(lines[1].kind, OrderLine::Kind::StopLoss);
        QVERIFY(lines[1].emulated);
        QVERIFY(lines[1].label.startsWith(QStringLiteral("SL SELL STP")));
        QVERIFY(!lines[2].draggable); // a cancel is on its way
        QCOMPARE(lines[3].kind, OrderLine::Kind::Position);
        QVERIFY(lines[3].price.isIdentical(px("34800.00")));
        QVERIFY(!lines[3].draggable);
    }

    void workingEntryShowsItsBracketDashedAndDraggable() {
        // A buy limit entry at 35,000 with SL 34,500 / TP 35,500 that has not filled: no leg is
        // at the venue yet, but the chart shows both.
        engine::TradingSnapshot snapshot;
        snapshot.workingOrders = {order("CW-1", Side::Buy, OrderType::Limit, "0.500", "35000.00")};
        snapshot.workingOrders[0].bracketStopLoss = px("34500.00");
        snapshot.workingOrders[0].bracketTakeProfit = px("35500.00");
        auto lines = ChartTrading::linesFor(snapshot, key("SIM:BTCUSDT"));
        QCOMPARE(lines.size(), std::size_t(3));
        const OrderLine& sl = lines[1];
        const OrderLine& tp = lines[2];
        QCOMPARE(sl.id, QStringLiteral("CW-1#SL"));
        QCOMPARE(sl.kind, OrderLine::Kind::StopLoss);
        QCOMPARE(sl.side, Side::Sell);
        QVERIFY(sl.price.isIdentical(px("34500.00")));
        QCOMPARE(sl.label, QStringLiteral("SL SELL @ 34,500.00 (on fill of CW-1)"));
        QVERIFY(sl.emulated && sl.draggable && !sl.cancelable);
        QCOMPARE(sl.bracketEntryId, QStringLiteral("CW-1"));
        QCOMPARE(tp.id, QStringLiteral("CW-1#TP"));
        QCOMPARE(tp.kind, OrderLine::Kind::TakeProfit);
        QVERIFY(tp.label.startsWith(QStringLiteral("TP SELL @ 35,500.00")));

        // Painted offscreen: the entry's line is solid, the bracket's are dashed (gaps).
        Scene s;
        OrderLineOverlay overlay;
        overlay.setInstrument(btc());
        overlay.setLines(lines);
        QImage image(640, 420, QImage::Format_ARGB32);
        image.fill(Qt::black);
        {
            QPainter painter(&image);
            overlay.paint(painter, s.plot, s.scale);
        }
        const auto litAlong = [&](double price) {
            const int y = static_cast<int>(std::round(s.yOf(price)));
            int lit = 0;
            for (int x = 30; x < 330; ++x)
                lit += image.pixel(x, y) != qRgb(0, 0, 0) ? 1 : 0;
            return lit;
        };
        QCOMPARE(litAlong(35000.0), 300);
        QVERIFY2(litAlong(34500.0) > 100 && litAlong(34500.0) < 290, "the SL line is dashed");
        QVERIFY2(litAlong(35500.0) > 100 && litAlong(35500.0) < 290, "the TP line is dashed");
        // Its label is drawn at its price, right of the line.
        const QRectF label = overlay.labelRect(1, s.plot, s.scale);
        QCOMPARE(label.center().y(), s.yOf(34500.0));

        // Dragging the SL asks to move the bracket, with both prices complete.
        QSignalSpy moved(&overlay, &OrderLineOverlay::lineMoved);
        QVERIFY(overlay.press(QPointF(100.0, s.yOf(34500.0)), s.plot, s.scale));
        QVERIFY(overlay.release(QPointF(100.0, s.yOf(34250.0)), s.plot, s.scale));
        QCOMPARE(moved.count(), 1);
        QCOMPARE(moved.front().at(0).toString(), QStringLiteral("CW-1#SL"));
        const Price dropped = moved.front().at(2).value<Price>();
        QVERIFY(dropped.isIdentical(px("34250.00")));
        auto command = ChartTrading::commandForMove(snapshot, sl, dropped);
        QVERIFY(command.has_value());
        const auto* amend = std::get_if<engine::AmendBracket>(&*command);
        QVERIFY(amend);
        QCOMPARE(amend->entryClientOrderId, std::string("CW-1"));
        QVERIFY(amend->stopLoss.isIdentical(px("34250.00")));
        QVERIFY(amend->takeProfit.isIdentical(px("35500.00"))); // unchanged, sent complete

        // Once the SL leg works at the venue, it is that order's line; no second SL line.
        engine::OrderRow leg = order("CW-2", Side::Sell, OrderType::Stop, "0.200", "34500.00");
        leg.emulated = true;
        leg.order.origin.kind = orders::OrderOriginKind::Emulation;
        leg.order.origin.parentClientOrderId = "CW-1";
        snapshot.workingOrders.push_back(leg);
        lines = ChartTrading::linesFor(snapshot, key("SIM:BTCUSDT"));
        QCOMPARE(lines.size(), std::size_t(3)); // entry, the SL order, the unsent TP
        QCOMPARE(lines[1].id, QStringLiteral("CW-2"));
        QCOMPARE(lines[2].id, QStringLiteral("CW-1#TP"));
        // Without bracket prices an entry draws no bracket lines at all.
        snapshot.workingOrders[0].bracketStopLoss = Price{};
        snapshot.workingOrders[0].bracketTakeProfit = Price{};
        QCOMPARE(ChartTrading::linesFor(snapshot, key("SIM:BTCUSDT")).size(), std::size_t(2));
    }

    void dragMovesOnlyThePriceAndKeepsTheQuantity() {
        engine::TradingSnapshot snapshot;
        snapshot.workingOrders = {order("CW-1", Side::Buy, OrderType::Limit, "0.750", "35000.00")};
        snapshot.workingOrders[0].order.filledQuantity = qty("0.250");
        const auto lines = ChartTrading::linesFor(snapshot, key("SIM:BTCUSDT"));
        QCOMPARE(lines.size(), std::size_t(1));
        auto command = ChartTrading::commandForMove(snapshot, lines[0], px("34900.50"));
        QVERIFY(command.has_value());
        const auto* amend = std::get_if<engine::AmendOrder>(&*command);
        QVERIFY(amend);
        QVERIFY(amend->quantity.isIdentical(qty("0.750"))); // the total, not zero, not a delta
        QVERIFY(amend->limitPrice.isIdentical(px("34900.50")));
        QVERIFY(amend->stopPrice.isZero());
        // An order no longer in the snapshot, or the position line: nothing to send.
        engine::TradingSnapshot empty;
        QVERIFY(!ChartTrading::commandForMove(empty, lines[0], px("34900.50")));
        OrderLine position = lines[0];
        position.kind = OrderLine::Kind::Position;
        QVERIFY(!ChartTrading::commandForMove(snapshot, position, px("34900.50")));
    }

    void menuOffersLimitOnTheFavourableSide() {
        // Below the last price a buy rests as a limit and a sell needs a stop; above, the
        // other way round.
        auto below = ChartTrading::menuOrders(px("34000.00"), px("35000.00"));
        QCOMPARE(below[0].side, Side::Buy);
        QCOMPARE(below[0].type, OrderType::Limit);
        QCOMPARE(below[1].side, Side::Sell);
        QCOMPARE(below[1].type, OrderType::Stop);
        auto above = ChartTrading::menuOrders(px("36000.00"), px("35000.00"));
        QCOMPARE(above[0].side, Side::Sell);
        QCOMPARE(above[0].type, OrderType::Limit);
        QCOMPARE(above[1].side, Side::Buy);
        QCOMPARE(above[1].type, OrderType::Stop);
    }

    void chartViewPaintsAndDragsTheLine() {
        ChartView view;
        view.resize(800, 500);
        view.setBars(flatBars(120, 35000.0));
        OrderLineOverlay overlay;
        overlay.setInstrument(btc());
        overlay.setLines({line("A", "35000.00")});
        view.setOrderLineOverlay(&overlay);
        QImage before(view.size(), QImage::Format_ARGB32);
        view.render(&before); // lays the chart out and paints the line

        const PriceScale& scale = view.renderer().priceScale();
        const QRect plot = view.renderer().currentLayout().pricePlot;
        const int y = static_cast<int>(std::round(scale.yOf(35000.0)));
        QVERIFY(plot.contains(QPoint(plot.center().x(), y)));
        // The line's colour is on its row, left of the label.
        const QRgb pixel = before.pixel(plot.left() + 20, y);
        QVERIFY2(qGreen(pixel) > qRed(pixel), "the buy line is drawn in the buy colour");

        QSignalSpy moved(&overlay, &OrderLineOverlay::lineMoved);
        const QPoint start(plot.left() + 100, y);
        const QPoint end(plot.left() + 100, y - 40);
        QTest::mousePress(&view, Qt::LeftButton, Qt::NoModifier, start);
        QMouseEvent move(QEvent::MouseMove, QPointF(end), view.mapToGlobal(QPointF(end)),
                         Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(&view, &move);
        QTest::mouseRelease(&view, Qt::LeftButton, Qt::NoModifier, end);
        QCOMPARE(moved.count(), 1);
        const Price dropped = moved.front().at(2).value<Price>();
        QVERIFY(dropped > px("35000.00"));
        QVERIFY(btc().isPriceOnTick(dropped));
        const double expected = scale.valueAt(end.y());
        QVERIFY(std::abs(dropped.toDouble() - expected) <= 0.25 + 1e-9);

        // A right-click in the price plot asks for the trading menu at the pointer's price;
        // one on the price axis does not.
        QSignalSpy menu(&view, &ChartView::priceContextMenuRequested);
        const QPoint at(plot.left() + 50, plot.top() + 100);
        QContextMenuEvent inPlot(QContextMenuEvent::Mouse, at, view.mapToGlobal(at));
        QCoreApplication::sendEvent(&view, &inPlot);
        QCOMPARE(menu.count(), 1);
        QCOMPARE(menu.front().at(1).toDouble(), scale.valueAt(at.y()));
        const QRect axis = view.renderer().currentLayout().priceAxis;
        QContextMenuEvent onAxis(QContextMenuEvent::Mouse, axis.center(),
                                 view.mapToGlobal(axis.center()));
        QCoreApplication::sendEvent(&view, &onAxis);
        QCOMPARE(menu.count(), 1);
    }
};

QTEST_MAIN(OrderLineOverlayTest)
#include "OrderLineOverlayTest.moc"
