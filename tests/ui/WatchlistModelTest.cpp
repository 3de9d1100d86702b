// SPDX-License-Identifier: MIT
#include "ui/mainwindow/WatchlistModel.hpp"

#include "ui/mainwindow/WatchlistWidget.hpp"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <limits>

using cw::engine::QuoteBoardRow;
using cw::engine::QuoteBoardSnapshot;
using cw::ui::WatchlistModel;

namespace {

QuoteBoardRow row(const char* symbol, const char* last, const char* bid, const char* ask,
                  double change, const char* volume) {
    QuoteBoardRow r;
    r.instrument = *cw::adapters::InstrumentKey::make("SIM", symbol);
    r.hasLast = last != nullptr;
    if (last)
        r.last = *cw::Price::parse(last);
    r.hasQuote = bid != nullptr;
    if (bid) {
        r.bid = *cw::Price::parse(bid);
        r.ask = *cw::Price::parse(ask);
    }
    r.changePercent = change;
    if (volume)
        r.dayVolume = *cw::Quantity::parse(volume);
    r.direction = cw::engine::TickDirection::Unchanged;
    return r;
}

cw::engine::QuoteBoardSnapshotPtr board(std::uint64_t version, std::vector<QuoteBoardRow> rows) {
    auto s = std::make_shared<QuoteBoardSnapshot>();
    s->version = version;
    s->rows = std::move(rows);
    return s;
}

QString cell(const WatchlistModel& m, int r, int c, int role = Qt::DisplayRole) {
    return m.data(m.index(r, c), role).toString();
}

} // namespace

class WatchlistModelTest : public QObject {
    Q_OBJECT

private slots:
    void passesTheModelTesterThroughResetsAndUpdates() {
        WatchlistModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.columnCount(), static_cast<int>(WatchlistModel::ColumnCount));

        model.setSnapshot(
            board(1, {row("BTCUSDT", "60000.10", "60000.00", "60000.20", 1.234, "12.5"),
                      row("EURUSD", nullptr, nullptr, nullptr, std::nan(""), nullptr)}));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(cell(model, 0, WatchlistModel::Symbol), QStringLiteral("BTCUSDT"));
        QCOMPARE(cell(model, 0, WatchlistModel::Last), QStringLiteral("60000.10"));
        QCOMPARE(cell(model, 0, WatchlistModel::ChangePercent), QStringLiteral("+1.23%"));
        QCOMPARE(cell(model, 0, WatchlistModel::Bid), QStringLiteral("60000.00"));
        QCOMPARE(cell(model, 0, WatchlistModel::Ask), QStringLiteral("60000.20"));
        QCOMPARE(cell(model, 0, WatchlistModel::Volume), QStringLiteral("12.5"));
        // No trade and no quote yet (and a NaN change): empty cells, not "nan" or "0".
        for (int c = WatchlistModel::Last; c < WatchlistModel::ColumnCount; ++c)
            QCOMPARE(cell(model, 1, c), QString());

        // Same instruments: only the changed row signals, no reset.
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        auto up = row("BTCUSDT", "60001.00", "60000.90", "60001.10", 1.3, "13");
        up.direction = cw::engine::TickDirection::Up;
        model.setSnapshot(
            board(2, {up, row("EURUSD", nullptr, nullptr, nullptr, std::nan(""), nullptr)}));
        QCOMPARE(resets.count(), 0);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), 0);
        QCOMPARE(cell(model, 0, WatchlistModel::Last), QStringLiteral("60001.00"));
        // Uptick: the last price is coloured and the row flashes, then the flash ends.
        QVERIFY(model.data(model.index(0, WatchlistModel::Last), Qt::ForegroundRole).isValid());
        QVERIFY(model.data(model.index(0, WatchlistModel::Last), Qt::BackgroundRole).isValid());
        QVERIFY(!model.data(model.index(0, WatchlistModel::Bid), Qt::BackgroundRole).isValid());
        QTRY_VERIFY_WITH_TIMEOUT(
            !model.data(model.index(0, WatchlistModel::Last), Qt::BackgroundRole).isValid(), 3000);

        // Another instrument set: a reset with three rows; then an empty board.
        model.setSnapshot(board(3, {row("AAPL", "190.00", "189.99", "190.01", -0.5, "100"),
                                    row("BTCUSDT", "60001.00", nullptr, nullptr, 1.3, "13"),
                                    row("ES", "5000.25", "5000.00", "5000.25", 0.0, "2")}));
        QCOMPARE(resets.count(), 1);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(cell(model, 0, WatchlistModel::ChangePercent), QStringLiteral("-0.50%"));
        model.setSnapshot(board(4, {}));
        QCOMPARE(model.rowCount(), 0);
        // A null snapshot is ignored.
        model.setSnapshot(nullptr);
        QCOMPARE(model.rowCount(), 0);
        // Out-of-range indexes give nothing.
        QVERIFY(!model.data(model.index(5, 0)).isValid());
    }

    void exportsCsvWithHeaderAndQuoting() {
        WatchlistModel model;
        model.setSnapshot(
            board(1, {row("BTCUSDT", "60000.10", "60000.00", "60000.20", 1.5, "12.5"),
                      row("A,B \"X\"", nullptr, nullptr, nullptr, std::nan(""), nullptr)}));
        const QString csv = model.toCsv();
        const QStringList lines = csv.split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 4); // header, two rows, the empty string after the last "\n"
        QCOMPARE(lines[0], QStringLiteral("venue,symbol,last,change_percent,bid,ask,volume"));
        QCOMPARE(lines[1], QStringLiteral("SIM,BTCUSDT,60000.10,1.5000,60000.00,60000.20,12.5"));
        QCOMPARE(lines[2], QStringLiteral("SIM,\"A,B \"\"X\"\"\",,,,,"));
        QCOMPARE(lines[3], QString());
    }

    void widgetWritesTheCsvFileAndReportsUnwritablePaths() {
        std::vector<cw::engine::EngineCommand> posted;
        cw::ui::WatchlistWidget widget([&](cw::engine::EngineCommand c) { posted.push_back(c); },
                                       {});
        const auto btc = *cw::adapters::InstrumentKey::make("SIM", "BTCUSDT");
        QVERIFY(widget.addSymbol(btc));
        QVERIFY(!widget.addSymbol(btc)); // already there: nothing posted
        QCOMPARE(posted.size(), std::size_t{1});
        QVERIFY(std::holds_alternative<cw::engine::SubscribeQuotes>(posted[0]));
        widget.model().setSnapshot(board(1, {row("BTCUSDT", "1.00", "0.99", "1.01", 0.0, "3")}));

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("watchlist.csv"));
        QVERIFY(widget.exportCsv(path).hasValue());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(file.readAll()), widget.model().toCsv());

        const auto failed = widget.exportCsv(dir.filePath(QStringLiteral("no/such/dir/x.csv")));
        QVERIFY(!failed.hasValue());
        QCOMPARE(failed.error().code, cw::ErrorCode::IoError);

        QVERIFY(widget.removeSymbol(btc));
        QVERIFY(!widget.removeSymbol(btc));
        QCOMPARE(posted.size(), std::size_t{2});
        QVERIFY(std::holds_alternative<cw::engine::UnsubscribeQuotes>(posted[1]));
    }
};

QTEST_MAIN(WatchlistModelTest)
#include "WatchlistModelTest.moc"
