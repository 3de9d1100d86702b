// SPDX-License-Identifier: MIT
#include "ui/trading/OrderTicket.hpp"

#include "tests/ui/trading/TradingTestData.hpp"
#include "ui/trading/OrderSizing.hpp"
#include "ui/trading/RiskLimitsDialog.hpp"
#include "ui/trading/TradingController.hpp"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QtTest>

#include <cmath>
#include <limits>
#include <memory>
#include <vector>

using namespace cw;
using namespace cw::ui;
using namespace cw::ui::test;

namespace {

/// A controller whose commands land in `posted`, and a confirmation that counts its questions
/// and answers `answer`.
struct Harness {
    std::vector<engine::TradingCommand> posted;
    int questions = 0;
    bool answer = true;
    std::unique_ptr<TradingController> controller;

    Harness() {
        controller = std::make_unique<TradingController>(
            [this](engine::TradingCommand c) -> Result<void> {
                posted.push_back(std::move(c));
                return {};
            },
            std::vector<Instrument>{btc()});
        controller->setConfirmer([this](QWidget*, const QString&, const QString&) {
            ++questions;
            return answer;
        });
    }

    template <class T>
    std::vector<T> all() const {
        std::vector<T> out;
        for (const auto& c : posted)
            if (const T* t = std::get_if<T>(&c))
                out.push_back(*t);
        return out;
    }
};

void setText(QDoubleSpinBox* box, double value) {
    box->setValue(value);
    emit box->editingFinished();
}

} // namespace

class OrderTicketTest : public QObject {
    Q_OBJECT

private slots:
    void snapsPricesToTheTickAndQuantitiesDownToTheLot() {
        const Instrument in = btc();
        QCOMPARE(OrderSizing::snapPrice(px("35120.30"), in)->toString(), std::string("35120.50"));
        QCOMPARE(OrderSizing::snapPrice(px("35120.20"), in)->toString(), std::string("35120.00"));
        // A tie goes to the even tick: 35120.25 lies between .00 (even count) and .50.
        QCOMPARE(OrderSizing::snapPrice(px("35120.25"), in)->toString(), std::string("35120.00"));
        QCOMPARE(OrderSizing::snapQuantity(qty("0.0019"), in)->toString(), std::string("0.001"));
        QCOMPARE(OrderSizing::snapQuantity(qty("0.0009"), in)->toString(), std::string("0.000"));
        // Chart values: NaN and infinity are refused, not turned into a price.
        QVERIFY(!OrderSizing::priceFromChart(std::nan(""), in).hasValue());
        QVERIFY(
            !OrderSizing::priceFromChart(std::numeric_limits<double>::infinity(), in).hasValue());
        QCOMPARE(OrderSizing::priceFromChart(35120.74, in)->toString(), std::string("35120.50"));
        QCOMPARE(OrderSizing::priceFromChart(35120.76, in)->toString(), std::string("35121.00"));
    }

    void riskBasedQuantityIsExact() {
        const Instrument in = btc();
        // 100 USDT over a 250.00 distance: 0.4 BTC = 400 lots exactly.
        auto q = OrderSizing::riskBasedQuantity(in, px("35000.00"), px("34750.00"),
                                                *Decimal::parse("100"));
        QVERIFY(q.hasValue());
        QCOMPARE(q->toString(), std::string("0.400"));
        // 100 over 300: 0.3333... -> floor to the lot: 0.333 (never more risk than asked).
        q = OrderSizing::riskBasedQuantity(in, px("35000.00"), px("35300.00"),
                                           *Decimal::parse("100.00"));
        QCOMPARE(q->toString(), std::string("0.333"));
        // Bad input: zero distance, non-positive risk, risk below one lot.
        QCOMPARE(OrderSizing::riskBasedQuantity(in, px("1.00"), px("1.00"), *Decimal::parse("5"))
                     .error()
                     .code,
                 ErrorCode::InvalidArgument);
        QCOMPARE(OrderSizing::riskBasedQuantity(in, px("2.00"), px("1.00"), *Decimal::parse("0"))
                     .error()
                     .code,
                 ErrorCode::InvalidArgument);
        QCOMPARE(OrderSizing::riskBasedQuantity(in, px("35000.00"), px("34000.00"),
                                                *Decimal::parse("0.5"))
                     .error()
                     .code,
                 ErrorCode::OutOfRange);
    }

    void minimumQuantityMeetsTheMinimumNotional() {
        Instrument in = btc();
        in.lotSize = qty("0.00001");
        in.quantityPrecision = 5;
        in.minNotional = usdt("5.00");
        // 5 / (53,834.12 x 0.00001) = 9.29 lots: 10 lots, 0.00010 (0.54 USDT would be refused).
        QCOMPARE(OrderSizing::minimumQuantity(in, px("53834.12"))->toString(),
                 std::string("0.00010"));
        // Exactly on the minimum: no extra lot (5 / (50,000 x 0.00001) = 10).
        QCOMPARE(OrderSizing::minimumQuantity(in, px("50000")).value().toString(),
                 std::string("0.00010"));
        // No price or no minimum: one lot.
        QCOMPARE(OrderSizing::minimumQuantity(in, Price{})->toString(), std::string("0.00001"));
        QCOMPARE(OrderSizing::minimumQuantity(btc(), px("35000.00"))->toString(),
                 std::string("0.001"));
    }

    void placesTheExactSnappedLimitOrderAfterConfirmation() {
        Harness h;
        OrderTicket ticket(*h.controller);
        QVERIFY(ticket.setInstrument(key("SIM:BTCUSDT")));
        ticket.setOrderType(OrderType::Limit);
        setText(ticket.quantityBox(), 0.0257); // shown at 3 decimals: 0.026
        setText(ticket.limitBox(), 35120.30);  // snapped on editing to 35120.50
        QCOMPARE(ticket.limitBox()->cleanText(), QStringLiteral("35120.50"));
        ticket.setTimeInForce(TimeInForce::Day);

        const std::uint64_t tag = ticket.submit(Side::Buy);
        QVERIFY(tag != 0);
        QCOMPARE(h.questions, 1);
        const auto places = h.all<engine::PlaceOrder>();
        QCOMPARE(places.size(), std::size_t(1));
        const engine::PlaceOrder& p = places.front();
        QCOMPARE(p.requestTag, tag);
        QCOMPARE(p.order.instrument, key("SIM:BTCUSDT"));
        QCOMPARE(p.order.side, Side::Buy);
        QCOMPARE(p.order.type, OrderType::Limit);
        QCOMPARE(p.order.timeInForce, TimeInForce::Day);
        QVERIFY(p.order.quantity.isIdentical(qty("0.026")));
        QVERIFY(p.order.limitPrice.isIdentical(px("35120.50")));
        QVERIFY(p.order.stopPrice.isZero());
        QCOMPARE(p.origin.kind, orders::OrderOriginKind::Ticket);
        QVERIFY(!p.bracket.has_value());
    }

    void declinedConfirmationSendsNothing() {
        Harness h;
        h.answer = false;
        OrderTicket ticket(*h.controller);
        ticket.setOrderType(OrderType::Market);
        QCOMPARE(ticket.submit(Side::Sell), std::uint64_t(0));
        QCOMPARE(h.questions, 1);
        QVERIFY(h.all<engine::PlaceOrder>().empty());
        QVERIFY(!ticket.answerLabel()->text().isEmpty());
    }

    void oneClickSkipsTheConfirmation() {
        Harness h;
        h.controller->setOneClick(true);
        OrderTicket ticket(*h.controller);
        ticket.setOrderType(OrderType::Market);
        setText(ticket.quantityBox(), 0.002);
        QVERIFY(ticket.submit(Side::Sell) != 0);
        QCOMPARE(h.questions, 0);
        const auto places = h.all<engine::PlaceOrder>();
        QCOMPARE(places.size(), std::size_t(1));
        QCOMPARE(places.front().order.side, Side::Sell);
        QCOMPARE(places.front().order.type, OrderType::Market);
        QVERIFY(places.front().order.limitPrice.isZero());
    }

    void bracketAndRiskSizing() {
        Harness h;
        OrderTicket ticket(*h.controller);
        ticket.setOrderType(OrderType::Limit);
        setText(ticket.limitBox(), 35000.00);
        ticket.setSizing(OrderTicket::Sizing::RiskAmount);
        QVERIFY(ticket.stopLossCheck()->isChecked()); // risk sizing needs the stop
        setText(ticket.stopLossBox(), 34750.00);
        setText(ticket.riskAmountBox(), 100.00);
        ticket.takeProfitCheck()->setChecked(true);
        setText(ticket.takeProfitBox(), 35600.00);
        auto order = ticket.buildOrder(Side::Buy);
        QVERIFY2(order.hasValue(), order ? "" : order.error().message.c_str());
        QVERIFY(order->order.quantity.isIdentical(qty("0.400")));
        QVERIFY(order->bracket.has_value());
        QVERIFY(order->bracket->stopLoss.isIdentical(px("34750.00")));
        QVERIFY(order->bracket->takeProfit.isIdentical(px("35600.00")));

        // A buy's stop loss above its entry is refused with the reason.
        auto sell = ticket.buildOrder(Side::Sell);
        QVERIFY(!sell.hasValue());
        QVERIFY(sell.error().message.find("stop loss") != std::string::npos);
    }

    void rejectsIncompleteForms() {
        Harness h;
        OrderTicket ticket(*h.controller);
        ticket.setOrderType(OrderType::Limit);
        setText(ticket.limitBox(), 0.0);
        auto noPrice = ticket.buildOrder(Side::Buy);
        QVERIFY(!noPrice.hasValue());
        QVERIFY(noPrice.error().message.find("limit price") != std::string::npos);

        setText(ticket.limitBox(), 100.0);
        ticket.quantityBox()->setValue(0.0);
        auto noQuantity = ticket.buildOrder(Side::Buy);
        QVERIFY(!noQuantity.hasValue());
        QVERIFY(noQuantity.error().message.find("lot") != std::string::npos);

        // A trailing stop belongs to Stop orders only (its box is disabled otherwise).
        ticket.setOrderType(OrderType::Stop);
        setText(ticket.quantityBox(), 0.001);
        setText(ticket.stopBox(), 36000.00);
        ticket.trailingCheck()->setChecked(true);
        setText(ticket.trailingBox(), 25.00);
        auto trailing = ticket.buildOrder(Side::Buy);
        QVERIFY(trailing.hasValue());
        QVERIFY(trailing->trailingStop.has_value());
        QVERIFY(trailing->trailingStop->distance.isIdentical(px("25.00")));
        QCOMPARE(h.posted.size(), std::size_t(0)); // building sends nothing
    }

    void showsThePreviewAndTheAnswerForItsOwnTags() {
        Harness h;
        h.controller->setOneClick(true);
        OrderTicket ticket(*h.controller);
        ticket.setOrderType(OrderType::Limit);
        setText(ticket.limitBox(), 35000.00);
        const std::uint64_t previewTag = ticket.requestPreview();
        QVERIFY(previewTag != 0);
        const auto previews = h.all<engine::PreviewOrder>();
        QVERIFY(!previews.empty());
        QCOMPARE(previews.back().requestTag, previewTag);

        auto snapshot = std::make_shared<engine::TradingSnapshot>();
        snapshot->version = 1;
        engine::OrderPreview other;
        other.requestTag = previewTag + 100; // someone else's: ignored
        other.message = "not mine";
        engine::OrderPreview mine;
        mine.requestTag = previewTag;
        mine.allowed = false;
        mine.rule = risk::RiskRule::MaxOrderNotional;
        mine.message = "notional 35.00 USDT exceeds the limit 10.00 USDT";
        mine.notional = usdt("35.00");
        snapshot->previews = {mine, other};
        h.controller->setSnapshot(snapshot);
        const QString preview = ticket.previewLabel()->text();
        QVERIFY2(preview.contains(QStringLiteral("MaxOrderNotional")), qPrintable(preview));
        QVERIFY(preview.contains(QStringLiteral("35.00 USDT")));
        QVERIFY(!preview.contains(QStringLiteral("not mine")));

        const std::uint64_t tag = ticket.submit(Side::Buy);
        auto answer = std::make_shared<engine::TradingSnapshot>();
        answer->version = 2;
        engine::TradingNotice rejected;
        rejected.kind = engine::TradingNotice::Kind::RiskRejected;
        rejected.requestTag = tag;
        rejected.rule = risk::RiskRule::PriceBand;
        rejected.message = "limit 35,000.00 is 12.4 % from last 31,000.00; band 5 %";
        answer->notices = {rejected};
        h.controller->setSnapshot(answer);
        QVERIFY(ticket.answerLabel()->text().contains(QStringLiteral("PriceBand")));
        QVERIFY(ticket.answerLabel()->text().contains(QStringLiteral("12.4 %")));

        // An older snapshot arriving late changes nothing.
        auto stale = std::make_shared<engine::TradingSnapshot>();
        stale->version = 1;
        QSignalSpy spy(h.controller.get(), &TradingController::snapshotChanged);
        h.controller->setSnapshot(stale);
        QCOMPARE(spy.count(), 0);
    }

    void riskLimitsFormValidatesThroughRiskLimits() {
        RiskLimitsDialog dialog({"paper"}, [](const std::string&) {
            return RiskLimitsDialog::Settings{{"maxOrderQuantity", "5"},
                                              {"maxOrderQuantity.SIM:BTCUSDT", "2"}};
        });
        auto settings = dialog.settings();
        QCOMPARE(settings.at("maxOrderQuantity"), std::string("5"));
        QCOMPARE(settings.at("maxOrderQuantity.SIM:BTCUSDT"), std::string("2"));
        QCOMPARE(settings.at("dailyLossLimit"), std::string("off")); // every base key is a row
        QVERIFY(dialog.validate().hasValue());

        // Garbage and NaN are refused with the key in the message.
        auto* value = dialog.findChild<QLineEdit*>(QStringLiteral("RiskValue_maxOrderQuantity"));
        QVERIFY(value);
        value->setText(QStringLiteral("NaN"));
        auto bad = dialog.validate();
        QVERIFY(!bad.hasValue());
        QVERIFY(bad.error().message.find("maxOrderQuantity") != std::string::npos);
        // A loss limit without a currency is refused too.
        auto* loss = dialog.findChild<QCheckBox*>(QStringLiteral("RiskLimit_dailyLossLimit"));
        auto* lossValue = dialog.findChild<QLineEdit*>(QStringLiteral("RiskValue_dailyLossLimit"));
        value->setText(QStringLiteral("5"));
        loss->setChecked(true);
        lossValue->setText(QStringLiteral("5000"));
        QVERIFY(!dialog.validate().hasValue());
        lossValue->setText(QStringLiteral("5000 USDT"));
        QVERIFY(dialog.validate().hasValue());
    }
};

QTEST_MAIN(OrderTicketTest)
#include "OrderTicketTest.moc"
