// SPDX-License-Identifier: MIT
// The bridge's trading door: postTrading -> engine -> paper broker -> journal -> tradingUpdated.
#include "core/adapters/sim/SimulatedVenue.hpp"
#include "ui/bridge/EngineBridge.hpp"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <fstream>

using namespace cw;
using namespace cw::engine;

namespace {

adapters::InstrumentKey btc() {
    return *adapters::InstrumentKey::make("SIM", "BTCUSDT");
}

PlaceOrder marketBuy(std::string_view quantity) {
    PlaceOrder place;
    place.requestTag = 17;
    place.order.instrument = btc();
    place.order.side = Side::Buy;
    place.order.type = OrderType::Market;
    place.order.timeInForce = TimeInForce::Gtc;
    place.order.quantity = *Quantity::parse(quantity);
    place.origin = orders::OrderOrigin{orders::OrderOriginKind::Ticket, {}, {}};
    return place;
}

} // namespace

class EngineBridgeTradingTest : public QObject {
    Q_OBJECT

private slots:
    void placedOrderComesBackFilledAndJournaled() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        ui::EngineBridge bridge;
        adapters::AdapterRegistry registry;
        QVERIFY(adapters::sim::SimulatedVenue::registerIn(registry).hasValue());
        QVERIFY(bridge.addVenue(registry, "sim", {{"historyDays", "1"}}).hasValue());
        QVERIFY(!bridge.instruments().empty());
        QVERIFY(bridge.openJournal(dir.filePath("journal.sqlite")).hasValue());
        QVERIFY(bridge.tradingDisabledReason().isEmpty());

        std::shared_ptr<const TradingSnapshot> last;
        bool sawFilled = false;
        bool committedOnly = true;
        std::vector<TradingNotice> notices;
        connect(&bridge, &ui::EngineBridge::tradingUpdated, this,
                [&](std::shared_ptr<const TradingSnapshot> s) {
                    last = s;
                    for (const auto& n : s->notices)
                        notices.push_back(n);
                    for (const auto& row : s->orderHistory) {
                        committedOnly = committedOnly && row.journalId <= s->journalCommittedId;
                        sawFilled = sawFilled || row.order.status == OrderStatus::Filled;
                    }
                    for (const auto& row : s->workingOrders)
                        committedOnly = committedOnly && row.journalId <= s->journalCommittedId;
                });
        bridge.start();
        // Quotes first: a market order needs a price at the paper broker.
        QVERIFY(bridge.post(SubscribeQuotes{btc()}).hasValue());
        QTRY_VERIFY_WITH_TIMEOUT(last && !last->sessions.empty() &&
                                     last->sessions.front().state == adapters::FeedState::Connected,
                                 10000);
        QTest::qWait(200);
        QVERIFY(bridge.postTrading(marketBuy("0.010")).hasValue());
        QTRY_VERIFY_WITH_TIMEOUT(sawFilled, 10000);
        QVERIFY(committedOnly);
        QVERIFY(last);
        QVERIFY(!last->fills.empty());
        QVERIFY(last->journalCommittedId > 0);
        bool answered = false;
        for (const auto& n : notices)
            answered = answered || n.requestTag == 17;
        QVERIFY(answered);
        QVERIFY(bridge.stop());
    }

    void corruptJournalDisablesTradingOnly() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath("journal.sqlite");
        {
            std::ofstream out(path.toStdString(), std::ios::binary);
            out << "this is not a database, just some text that someone saved here";
        }
        ui::EngineBridge bridge;
        QSignalSpy failed(&bridge, &ui::EngineBridge::commandFailed);
        auto opened = bridge.openJournal(path);
        QVERIFY(!opened.hasValue());
        QVERIFY(!bridge.tradingDisabledReason().isEmpty());
        QVERIFY(bridge.tradingDisabledReason().contains(path));
        bridge.start();
        auto posted = bridge.postTrading(marketBuy("0.010"));
        QVERIFY(!posted.hasValue());
        QCOMPARE(posted.error().code, ErrorCode::Unavailable);
        // The rest works: market-data commands still go in.
        QVERIFY(bridge.post(SubscribeQuotes{btc()}).hasValue());
        QTRY_VERIFY_WITH_TIMEOUT(failed.count() >= 1, 5000);
        // The file was left as it was.
        std::ifstream in(path.toStdString(), std::ios::binary);
        std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        QVERIFY(text.rfind("this is not a database", 0) == 0);
        QVERIFY(bridge.stop());
    }
};

QTEST_MAIN(EngineBridgeTradingTest)
#include "EngineBridgeTradingTest.moc"
