// SPDX-License-Identifier: MIT
#include "tests/ui/trading/TradingTestData.hpp"
#include "ui/trading/AccountsModel.hpp"
#include "ui/trading/BlotterView.hpp"
#include "ui/trading/FillsModel.hpp"
#include "ui/trading/OrdersModel.hpp"
#include "ui/trading/PositionsModel.hpp"
#include "ui/trading/TradingFormat.hpp"

#include <QAbstractItemModelTester>
#include <QMenu>
#include <QPersistentModelIndex>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

using namespace cw;
using namespace cw::ui;
using namespace cw::ui::test;

namespace {

QString cell(const QAbstractItemModel& model, int row, int column) {
    return model.data(model.index(row, column)).toString();
}

engine::FillRow fill(const std::string& tradeId, const char* quantity, const char* price) {
    engine::FillRow row;
    row.fill.clientOrderId = "CW-1";
    row.fill.instrument = key("SIM:BTCUSDT");
    row.fill.tradeId = tradeId;
    row.fill.side = Side::Sell;
    row.fill.quantity = qty(quantity);
    row.fill.price = px(price);
    row.fill.fee = usdt("0.35");
    row.fill.liquidity = adapters::Liquidity::Taker;
    row.fill.venueTime = 1'717'416'000'000'000'000;
    row.account = "paper";
    row.origin.kind = orders::OrderOriginKind::Chart;
    return row;
}

} // namespace

class TradingModelsTest : public QObject {
    Q_OBJECT

private slots:
    void formatGroupsThousandsExactly() {
        // Grouping adds separators only; every decimal of the value stays.
        QCOMPARE(TradingFormat::price(px("35120.00")), QStringLiteral("35,120.00"));
        QCOMPARE(TradingFormat::price(px("-1234567.5")), QStringLiteral("-1,234,567.5"));
        QCOMPARE(TradingFormat::quantity(qty("0.001")), QStringLiteral("0.001"));
        QCOMPARE(TradingFormat::price(px("999")), QStringLiteral("999"));
        QCOMPARE(TradingFormat::money(usdt("1000.10")), QStringLiteral("1,000.10 USDT"));
        const engine::OrderRow row =
            order("CW-1", Side::Buy, OrderType::Limit, "0.500", "35120.00");
        QCOMPARE(TradingFormat::orderLabel(row.order), QStringLiteral("BUY LMT 0.500 @ 35,120.00"));
    }

    void noticeLevelsFollowTheKind() {
        using Kind = engine::TradingNotice::Kind;
        QCOMPARE(TradingFormat::noticeLevel(Kind::RiskRejected), LogPane::Level::Error);
        QCOMPARE(TradingFormat::noticeLevel(Kind::VenueRejected), LogPane::Level::Error);
        QCOMPARE(TradingFormat::noticeLevel(Kind::KillSwitch), LogPane::Level::Warning);
        QCOMPARE(TradingFormat::noticeLevel(Kind::Reconciliation), LogPane::Level::Warning);
        QCOMPARE(TradingFormat::noticeLevel(Kind::Info), LogPane::Level::Info);
        engine::TradingNotice n;
        n.kind = Kind::RiskRejected;
        n.rule = risk::RiskRule::MaxOrderNotional;
        n.instrument = key("SIM:BTCUSDT");
        n.clientOrderId = "CW-7";
        n.message = "notional 125,000.00 USDT exceeds the limit 100,000.00 USDT";
        const QString text = TradingFormat::noticeText(n);
        QVERIFY2(text.contains(QStringLiteral("MaxOrderNotional")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("SIM:BTCUSDT")));
        QVERIFY(text.contains(QStringLiteral("CW-7")));
        QVERIFY(text.contains(QStringLiteral("125,000.00 USDT")));
    }

    void workingOrdersDiffKeepsRowsAndSelection() {
        OrdersModel model(OrdersModel::Which::Working);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        engine::TradingSnapshot s1;
        s1.version = 1;
        s1.workingOrders = {order("CW-1", Side::Buy, OrderType::Limit, "0.500", "35000.00"),
                            order("CW-2", Side::Sell, OrderType::Stop, "1.000", "34000.50"),
                            order("CW-3", Side::Buy, OrderType::Limit, "0.250", "34500.00")};
        model.setSnapshot(s1);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(cell(model, 1, OrdersModel::ColStop), QStringLiteral("34,000.50"));
        QCOMPARE(cell(model, 1, OrdersModel::ColLimit), QString()); // a Stop has no limit
        QCOMPARE(cell(model, 0, OrdersModel::ColSide), QStringLiteral("BUY"));

        QTableView view;
        view.setModel(&model);
        view.selectRow(2);
        QPersistentModelIndex third(model.index(2, 0));

        // CW-2 gone, CW-1 changed, CW-4 new: no reset, one removal, one insertion.
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        engine::TradingSnapshot s2;
        s2.version = 2;
        s2.workingOrders = {order("CW-1", Side::Buy, OrderType::Limit, "0.500", "35010.00"),
                            order("CW-3", Side::Buy, OrderType::Limit, "0.250", "34500.00"),
                            order("CW-4", Side::Sell, OrderType::Limit, "2.000", "36000.00")};
        model.setSnapshot(s2);
        QCOMPARE(resets.count(), 0);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(changed.count(), 1); // CW-1 only; CW-3 is unchanged
        QCOMPARE(model.rowCount(), 3);
        QVERIFY(third.isValid());
        QCOMPARE(third.data(SnapshotTableModel::kKeyRole).toString(), QStringLiteral("CW-3"));
        QCOMPARE(view.selectionModel()->selectedRows().size(), 1);
        QCOMPARE(view.selectionModel()
                     ->selectedRows()
                     .front()
                     .data(SnapshotTableModel::kKeyRole)
                     .toString(),
                 QStringLiteral("CW-3"));
        QCOMPARE(cell(model, model.rowOf(QStringLiteral("CW-1")), OrdersModel::ColLimit),
                 QStringLiteral("35,010.00"));
        QVERIFY(model.order("CW-4") != nullptr);
        QVERIFY(model.order("CW-2") == nullptr);

        // Everything gone: the model empties without a reset.
        model.setSnapshot(engine::TradingSnapshot{});
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(resets.count(), 0);
    }

    void repeatedKeysShowOnce() {
        OrdersModel model(OrdersModel::Which::History);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        engine::TradingSnapshot s;
        s.orderHistory = {
            order("CW-9", Side::Buy, OrderType::Limit, "1", "1", OrderStatus::Filled),
            order("CW-9", Side::Sell, OrderType::Limit, "2", "2", OrderStatus::Canceled)};
        model.setSnapshot(s);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(cell(model, 0, OrdersModel::ColStatus), QStringLiteral("Filled"));
    }

    void fillsPositionsAndAccountsShowExactValues() {
        FillsModel fills;
        PositionsModel positions;
        AccountsModel accounts;
        QAbstractItemModelTester t1(&fills, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t2(&positions,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t3(&accounts,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);

        engine::TradingSnapshot s;
        s.fills = {fill("T1", "0.100", "35000.50"), fill("T2", "0.200", "35001.00")};
        s.positions = {position("-0.300", "35000.8333")};
        adapters::AccountReport a;
        a.venue = "SIM";
        a.account = "paper";
        a.baseCurrency = *Currency::parse("USDT");
        a.balances = {
            {*Currency::parse("BTC"), *Money::parse("1.5", *Currency::parse("BTC")),
             *Money::parse("1.2", *Currency::parse("BTC")),
             *Money::parse("0.3", *Currency::parse("BTC"))},
            {*Currency::parse("USDT"), usdt("100000.00"), usdt("90000.00"), usdt("10000.00")}};
        a.equity = usdt("152500.00");
        a.marginUsed = usdt("0");
        a.marginAvailable = usdt("90000.00");
        s.accounts = {a};
        fills.setSnapshot(s);
        positions.setSnapshot(s);
        accounts.setSnapshot(s);

        QCOMPARE(fills.rowCount(), 2);
        QCOMPARE(cell(fills, 1, FillsModel::ColPrice), QStringLiteral("35,001.00"));
        QCOMPARE(cell(fills, 0, FillsModel::ColFee), QStringLiteral("0.35 USDT"));
        QCOMPARE(cell(fills, 0, FillsModel::ColLiquidity), QStringLiteral("Taker"));

        QCOMPARE(positions.rowCount(), 1);
        QCOMPARE(cell(positions, 0, PositionsModel::ColQuantity), QStringLiteral("-0.300"));
        QCOMPARE(cell(positions, 0, PositionsModel::ColAveragePrice),
                 QStringLiteral("35,000.8333"));
        QCOMPARE(cell(positions, 0, PositionsModel::ColUnrealized), QStringLiteral("-3.25 USDT"));
        QCOMPARE(cell(positions, 0, PositionsModel::ColRealized), QStringLiteral("12.50 USDT"));
        // A loss is drawn in the down colour, a profit in the up colour.
        QVERIFY(
            positions.data(positions.index(0, PositionsModel::ColUnrealized), Qt::ForegroundRole)
                .value<QColor>() !=
            positions.data(positions.index(0, PositionsModel::ColRealized), Qt::ForegroundRole)
                .value<QColor>());
        QVERIFY(positions.positionAt(0) != nullptr);
        QVERIFY(positions.positionAt(5) == nullptr);

        QCOMPARE(accounts.rowCount(), 2);
        // Equity and margin sit on the base-currency row only.
        const int usdtRow = accounts.rowOf(QStringLiteral("SIM|paper|USDT"));
        const int btcRow = accounts.rowOf(QStringLiteral("SIM|paper|BTC"));
        QVERIFY(usdtRow >= 0 && btcRow >= 0);
        QCOMPARE(cell(accounts, usdtRow, AccountsModel::ColEquity),
                 QStringLiteral("152,500.00 USDT"));
        QCOMPARE(cell(accounts, btcRow, AccountsModel::ColEquity), QString());
        QCOMPARE(cell(accounts, btcRow, AccountsModel::ColLocked), QStringLiteral("0.3"));

        // A second snapshot with one more fill appends it and keeps the others.
        QSignalSpy inserted(&fills, &QAbstractItemModel::rowsInserted);
        s.fills.push_back(fill("T3", "0.050", "34999.00"));
        fills.setSnapshot(s);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(fills.rowCount(), 3);
    }

    void sortsNumbersByValueNotText() {
        OrdersModel model(OrdersModel::Which::Working);
        engine::TradingSnapshot s;
        s.workingOrders = {order("A", Side::Buy, OrderType::Limit, "1", "9000.00"),
                           order("B", Side::Buy, OrderType::Limit, "1", "10000.00"),
                           order("C", Side::Buy, OrderType::Limit, "1", "950.00")};
        model.setSnapshot(s);
        BlotterView view(&model, QStringLiteral("Working"));
        view.table()->sortByColumn(OrdersModel::ColLimit, Qt::AscendingOrder);
        QSortFilterProxyModel* proxy = view.proxy();
        // As text "10,000.00" < "9,000.00" < "950.00"; by value 950 < 9000 < 10000.
        QCOMPARE(proxy->index(0, OrdersModel::ColOrderId).data().toString(), QStringLiteral("C"));
        QCOMPARE(proxy->index(2, OrdersModel::ColOrderId).data().toString(), QStringLiteral("B"));
        view.setFilterText(QStringLiteral("9,000"));
        QCOMPARE(proxy->rowCount(), 1);
    }

    void exportsCsvWithQuoting() {
        OrdersModel model(OrdersModel::Which::Working);
        engine::TradingSnapshot s;
        s.workingOrders = {order("CW-1", Side::Buy, OrderType::Limit, "0.500", "35120.00")};
        s.workingOrders[0].emulationNote = "SL of \"CW-0\"";
        model.setSnapshot(s);
        const QString csv = model.toCsv();
        const QStringList lines = csv.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        QVERIFY(lines[0].startsWith(QStringLiteral("Time,Order ID,Instrument")));
        // The grouped price holds a comma: it is quoted; the quote in the note is doubled.
        QVERIFY2(lines[1].contains(QStringLiteral("\"35,120.00\"")), qPrintable(lines[1]));
        QVERIFY2(lines[1].contains(QStringLiteral("\"SL of \"\"CW-0\"\"\"")), qPrintable(lines[1]));

        BlotterView view(&model, QStringLiteral("Working"));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("working.csv"));
        QVERIFY(view.exportCsv(path).hasValue());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(file.readAll()), csv);
        // A folder that does not exist: an IoError, nothing thrown.
        auto bad = view.exportCsv(dir.filePath(QStringLiteral("missing/dir/x.csv")));
        QVERIFY(!bad.hasValue());
        QCOMPARE(bad.error().code, ErrorCode::IoError);
    }

    void contextMenuOffersOwnersActionsThenExport() {
        OrdersModel model(OrdersModel::Which::Working);
        engine::TradingSnapshot s;
        s.workingOrders = {order("CW-1", Side::Buy, OrderType::Limit, "1", "1.00")};
        model.setSnapshot(s);
        BlotterView view(&model, QStringLiteral("Working"));
        QStringList seen;
        view.setContextMenuBuilder([&](QMenu& menu, const QStringList& keys) {
            seen = keys;
            menu.addAction(QStringLiteral("Cancel"));
        });
        view.table()->selectRow(0);
        QMenu menu;
        view.populateContextMenu(menu);
        QCOMPARE(seen, QStringList{QStringLiteral("CW-1")});
        QCOMPARE(menu.actions().first()->text(), QStringLiteral("Cancel"));
        QVERIFY(menu.actions().last()->text().contains(QStringLiteral("Export")));
    }
};

QTEST_MAIN(TradingModelsTest)
#include "TradingModelsTest.moc"
