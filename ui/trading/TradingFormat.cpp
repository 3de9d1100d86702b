// SPDX-License-Identifier: MIT
#include "ui/trading/TradingFormat.hpp"

#include "core/risk/RiskRule.hpp"

#include <QDateTime>
#include <QStringList>

#include <string>

namespace cw::ui {

QString TradingFormat::grouped(const Decimal& value) {
    const std::string text = value.toString();
    std::size_t start = 0;
    if (!text.empty() && text.front() == '-')
        start = 1;
    std::size_t dot = text.find('.');
    if (dot == std::string::npos)
        dot = text.size();
    std::string out = text.substr(0, start);
    const std::size_t digits = dot - start;
    for (std::size_t i = 0; i < digits; ++i) {
        if (i > 0 && (digits - i) % 3 == 0)
            out += ',';
        out += text[start + i];
    }
    out += text.substr(dot);
    return QString::fromStdString(out);
}

QString TradingFormat::money(const Money& value) {
    QString text = grouped(value.amount());
    if (!value.currency().isEmpty())
        text += QLatin1Char(' ') + QString::fromStdString(value.currency().toString());
    return text;
}

QString TradingFormat::time(TimestampNs time) {
    if (time == 0)
        return {};
    return QDateTime::fromMSecsSinceEpoch(time / 1'000'000)
        .toLocalTime()
        .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
}

QString TradingFormat::side(Side side) {
    switch (side) {
    case Side::Buy:
        return QStringLiteral("BUY");
    case Side::Sell:
        return QStringLiteral("SELL");
    case Side::Invalid:
        break;
    }
    return {};
}

QString TradingFormat::typeShort(OrderType type) {
    switch (type) {
    case OrderType::Market:
        return QStringLiteral("MKT");
    case OrderType::Limit:
        return QStringLiteral("LMT");
    case OrderType::Stop:
        return QStringLiteral("STP");
    case OrderType::StopLimit:
        return QStringLiteral("STP LMT");
    case OrderType::Invalid:
        break;
    }
    return {};
}

QString TradingFormat::typeName(OrderType type) {
    switch (type) {
    case OrderType::Market:
        return QStringLiteral("Market");
    case OrderType::Limit:
        return QStringLiteral("Limit");
    case OrderType::Stop:
        return QStringLiteral("Stop");
    case OrderType::StopLimit:
        return QStringLiteral("Stop limit");
    case OrderType::Invalid:
        break;
    }
    return {};
}

Quantity TradingFormat::openQuantity(const orders::Order& order) {
    auto open = order.quantity.subtract(order.filledQuantity);
    return open ? *open : order.quantity;
}

Price TradingFormat::linePrice(const orders::Order& order) {
    if (order.type == OrderType::Limit)
        return order.limitPrice;
    if (hasStopPrice(order.type))
        return order.stopPrice;
    return Price{};
}

QString TradingFormat::orderLabel(const orders::Order& order) {
    return QStringLiteral("%1 %2 %3 @ %4")
        .arg(side(order.side), typeShort(order.type), quantity(openQuantity(order)),
             price(linePrice(order)));
}

QString TradingFormat::orderSummary(const engine::PlaceOrder& place) {
    const adapters::SubmitOrder& o = place.order;
    QStringList lines;
    lines << QStringLiteral("%1 %2 %3")
                 .arg(side(o.side), quantity(o.quantity),
                      QString::fromStdString(o.instrument.toString()));
    QString type = typeName(o.type);
    if (hasStopPrice(o.type))
        type += QStringLiteral(", stop %1").arg(price(o.stopPrice));
    if (hasLimitPrice(o.type))
        type += QStringLiteral(", limit %1").arg(price(o.limitPrice));
    lines << type;
    lines << QStringLiteral("Time in force: %1")
                 .arg(QString::fromUtf8(std::string(timeInForceName(o.timeInForce))));
    if (place.bracket) {
        if (!place.bracket->stopLoss.isZero())
            lines << QStringLiteral("Stop loss: %1").arg(price(place.bracket->stopLoss));
        if (!place.bracket->takeProfit.isZero())
            lines << QStringLiteral("Take profit: %1").arg(price(place.bracket->takeProfit));
    }
    if (place.trailingStop)
        lines << QStringLiteral("Trailing stop: %1 behind the best price")
                     .arg(price(place.trailingStop->distance));
    if (!o.account.empty())
        lines << QStringLiteral("Account: %1").arg(QString::fromStdString(o.account));
    return lines.join(QLatin1Char('\n'));
}

QString TradingFormat::noticeText(const engine::TradingNotice& notice) {
    using Kind = engine::TradingNotice::Kind;
    QString head;
    switch (notice.kind) {
    case Kind::RiskRejected:
        head = QStringLiteral("Risk rejected");
        break;
    case Kind::VenueRejected:
        head = QStringLiteral("Venue rejected");
        break;
    case Kind::RequestRejected:
        head = QStringLiteral("Request rejected");
        break;
    case Kind::KillSwitch:
        head = QStringLiteral("Kill switch");
        break;
    case Kind::Reconciliation:
        head = QStringLiteral("Reconciliation");
        break;
    case Kind::Emulation:
        head = QStringLiteral("Emulated order");
        break;
    case Kind::Info:
        head = QStringLiteral("Order");
        break;
    case Kind::CommandError:
        head = QStringLiteral("Command error");
        break;
    case Kind::Invalid:
        head = QStringLiteral("Trading");
        break;
    }
    if (notice.rule != risk::RiskRule::Invalid)
        head += QStringLiteral(" (%1)").arg(
            QString::fromUtf8(std::string(risk::riskRuleName(notice.rule))));
    if (!notice.instrument.isEmpty())
        head += QLatin1Char(' ') + QString::fromStdString(notice.instrument.toString());
    if (!notice.clientOrderId.empty())
        head += QLatin1Char(' ') + QString::fromStdString(notice.clientOrderId);
    if (notice.message.empty())
        return head;
    return head + QStringLiteral(": ") + QString::fromStdString(notice.message);
}

LogPane::Level TradingFormat::noticeLevel(engine::TradingNotice::Kind kind) {
    using Kind = engine::TradingNotice::Kind;
    switch (kind) {
    case Kind::RiskRejected:
    case Kind::VenueRejected:
    case Kind::RequestRejected:
    case Kind::CommandError:
        return LogPane::Level::Error;
    case Kind::KillSwitch:
    case Kind::Reconciliation:
        return LogPane::Level::Warning;
    case Kind::Emulation:
    case Kind::Info:
    case Kind::Invalid:
        break;
    }
    return LogPane::Level::Info;
}

} // namespace cw::ui
