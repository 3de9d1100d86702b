// SPDX-License-Identifier: MIT
#include "core/risk/RiskGate.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <utility>

namespace cw::risk {

namespace {

using Kind = OrderIntent::Kind;

struct Reference {
    Price price;
    const char* label = ""; ///< "last" or "mid"
};

/// The last trade price, else the mid of a complete bid/ask; nullopt when neither is known.
std::optional<Reference> referencePrice(const RiskContext& context) {
    if (context.lastPrice.isPositive())
        return Reference{context.lastPrice, "last"};
    if (!context.bidPrice.isPositive() || !context.askPrice.isPositive())
        return std::nullopt;
    const auto sum = context.bidPrice.add(context.askPrice);
    if (!sum)
        return std::nullopt;
    const Decimal half = Decimal::fromRaw(5, 1);
    auto mid = sum->decimal().multiply(half);
    if (!mid) // more than 18 decimals needed: round the half tick away, still inside the spread
        mid = sum->decimal().multiplyRounded(half, Decimal::kMaxPrecision, RoundingMode::HalfEven);
    if (!mid)
        return std::nullopt;
    return Reference{Price(*mid), "mid"};
}

std::string priceText(const Price& price, const Instrument& instrument) {
    return formatRiskNumber(price.decimal(), instrument.pricePrecision);
}

std::string quantityText(const Quantity& quantity) {
    return formatRiskNumber(quantity.decimal(), 0);
}

std::string accountText(std::string_view account) {
    return account.empty() ? std::string("the default account")
                           : "account '" + std::string(account) + "'";
}

/// `value` with the fewest decimals (1..6) that show it is above `limit` ("12.4", "5.001").
std::string ratioText(double value, double limit) {
    char buffer[64];
    for (int decimals = 1; decimals <= 6; ++decimals) {
        std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
        if (std::strtod(buffer, nullptr) > limit)
            break;
    }
    std::string text = buffer;
    while (text.back() == '0')
        text.pop_back();
    if (text.back() == '.')
        text.pop_back();
    return text;
}

RiskDecision checkOrderShape(const OrderIntent& order) {
    if (order.kind == Kind::Invalid)
        return RiskDecision::reject(RiskRule::InvalidOrder, "order kind not set");
    if (order.instrument.isEmpty())
        return RiskDecision::reject(RiskRule::InvalidOrder, "order has no instrument");
    if (order.side == Side::Invalid)
        return RiskDecision::reject(RiskRule::InvalidOrder, "order has no side");
    if (order.type == OrderType::Invalid)
        return RiskDecision::reject(RiskRule::InvalidOrder, "order has no type");
    if (!order.quantity.isPositive())
        return RiskDecision::reject(RiskRule::InvalidOrder,
                                    "quantity " + order.quantity.toString() + " is not positive");
    if (order.kind == Kind::Modify) {
        const auto open = order.openQuantity();
        if (!open || !open->isPositive())
            return RiskDecision::reject(RiskRule::InvalidOrder,
                                        "new quantity " + order.quantity.toString() +
                                            " is not above the filled quantity " +
                                            order.filledQuantity.toString());
    }
    if (hasLimitPrice(order.type) && !order.limitPrice.isPositive())
        return RiskDecision::reject(RiskRule::InvalidOrder,
                                    std::string(orderTypeName(order.type)) + " order with limit " +
                                        order.limitPrice.toString() + ": must be positive");
    if (hasStopPrice(order.type) && !order.stopPrice.isPositive())
        return RiskDecision::reject(RiskRule::InvalidOrder,
                                    std::string(orderTypeName(order.type)) + " order with stop " +
                                        order.stopPrice.toString() + ": must be positive");
    return RiskDecision::allow();
}

RiskDecision checkDailyLoss(const OrderIntent& order, const RiskLimits& limits,
                            const RiskContext& context, const KillSwitch& killSwitch) {
    if (!limits.dailyLossLimit || !context.dailyPnl)
        return RiskDecision::allow();
    const Money& limit = *limits.dailyLossLimit;
    const Money& pnl = *context.dailyPnl;
    if (pnl.currency() != limit.currency())
        return RiskDecision::reject(RiskRule::DailyLossLimit,
                                    "P&L of " + accountText(order.account) + " is in '" +
                                        pnl.currency().toString() +
                                        "' but the daily loss limit is in '" +
                                        limit.currency().toString() + "'; cannot compare");
    const auto sum = pnl.add(limit); // pnl < -limit <=> pnl + limit < 0
    const bool beyond = sum ? sum->isNegative() : pnl.isNegative();
    if (!beyond || killSwitch.isLossAcknowledged(order.account, pnl))
        return RiskDecision::allow();
    return RiskDecision::reject(
        RiskRule::DailyLossLimit,
        "P&L " + formatRiskMoney(pnl, limit.precision()) + " of " + accountText(order.account) +
            " is beyond the daily loss limit -" + formatRiskMoney(limit, limit.precision()));
}

RiskDecision checkRate(const OrderIntent& order, const RiskLimits& limits,
                       const OrderRateLimiter& rate, TimestampNs now) {
    if (!limits.maxOrdersPerSecond)
        return RiskDecision::allow();
    const std::string_view venue = order.instrument.venue();
    if (rate.allows(venue, *limits.maxOrdersPerSecond, now))
        return RiskDecision::allow();
    const std::size_t count = rate.countInWindow(venue, now);
    const TimestampNs waitNs = rate.oldestInWindow(venue, now) + rate.windowNs() - now;
    char wait[64];
    std::snprintf(wait, sizeof wait, "%.3f", static_cast<double>(waitNs) / 1e6);
    return RiskDecision::reject(RiskRule::OrderRate,
                                std::to_string(count) + " orders sent to " + std::string(venue) +
                                    " in the last second; limit " +
                                    std::to_string(*limits.maxOrdersPerSecond) +
                                    " per second; next allowed in " + wait + " ms");
}

RiskDecision checkOpenOrders(const OrderIntent& order, const RiskLimits& limits,
                             const RiskContext& context) {
    if (order.kind != Kind::Submit)
        return RiskDecision::allow();
    if (limits.maxOpenOrders && context.openOrdersInAccount >= *limits.maxOpenOrders)
        return RiskDecision::reject(
            RiskRule::MaxOpenOrders,
            accountText(order.account) + " has " + std::to_string(context.openOrdersInAccount) +
                " working orders; limit " + std::to_string(*limits.maxOpenOrders));
    if (limits.maxOpenOrdersPerInstrument &&
        context.openOrdersInInstrument >= *limits.maxOpenOrdersPerInstrument)
        return RiskDecision::reject(
            RiskRule::MaxOpenOrdersPerInstrument,
            accountText(order.account) + " has " + std::to_string(context.openOrdersInInstrument) +
                " working orders in " + order.instrument.toString() + "; limit " +
                std::to_string(*limits.maxOpenOrdersPerInstrument));
    return RiskDecision::allow();
}

RiskDecision checkQuantity(const OrderIntent& order, const RiskLimits& limits) {
    const auto& limit = limits.maxOrderQuantity.forInstrument(order.instrument);
    if (!limit || order.quantity <= *limit)
        return RiskDecision::allow();
    return RiskDecision::reject(RiskRule::MaxOrderQuantity,
                                "quantity " + quantityText(order.quantity) + " exceeds the limit " +
                                    quantityText(*limit) + " for " + order.instrument.toString());
}

/// One price of the order against the configured bands.
RiskDecision checkBand(const char* label, const Price& price, const Reference& reference,
                       const RiskLimits& limits, const Instrument& instrument) {
    const auto diff = price.subtract(reference.price);
    const auto distance = diff ? diff->abs() : diff;
    if (!distance) // only for prices near the int64 edge: certainly outside any band
        return RiskDecision::reject(RiskRule::PriceBand,
                                    std::string(label) + " " + priceText(price, instrument) +
                                        " is too far from " + reference.label + " " +
                                        priceText(reference.price, instrument));
    const std::string head = std::string(label) + " " + priceText(price, instrument) + " is ";
    const std::string tail =
        std::string(" from ") + reference.label + " " + priceText(reference.price, instrument);

    if (limits.priceBandPercent) {
        const Decimal& band = *limits.priceBandPercent;
        // Exact: distance x 100 <= band x reference. Only when a product does not fit int64
        // (absurd prices) does it fall back to long double.
        const auto lhs = distance->decimal().multiply(Decimal::fromRaw(100, 0));
        const auto rhs = band.multiply(reference.price.decimal());
        const bool inside =
            lhs && rhs ? *lhs <= *rhs
                       : static_cast<long double>(distance->toDouble()) * 100 <=
                             static_cast<long double>(band.toDouble()) * reference.price.toDouble();
        if (!inside) {
            const double percent = distance->toDouble() / reference.price.toDouble() * 100.0;
            return RiskDecision::reject(RiskRule::PriceBand,
                                        head + ratioText(percent, band.toDouble()) + " %" + tail +
                                            "; band " + formatRiskNumber(band, 0) + " %");
        }
    }
    if (limits.priceBandTicks) {
        const auto width =
            instrument.tickSize.decimal().multiply(Decimal::fromRaw(*limits.priceBandTicks, 0));
        // A band wider than int64 can hold is wider than any price distance.
        if (width && distance->decimal() > *width) {
            const double ticks = distance->toDouble() / instrument.tickSize.toDouble();
            return RiskDecision::reject(
                RiskRule::PriceBand,
                head + ratioText(ticks, static_cast<double>(*limits.priceBandTicks)) + " ticks" +
                    tail + "; band " + std::to_string(*limits.priceBandTicks) + " ticks of " +
                    priceText(instrument.tickSize, instrument));
        }
    }
    return RiskDecision::allow();
}

RiskDecision checkNotional(const OrderIntent& order, const RiskLimits& limits,
                           const Instrument& instrument,
                           const std::optional<Reference>& reference) {
    const auto& limit = limits.maxOrderNotional.forInstrument(order.instrument);
    if (!limit)
        return RiskDecision::allow();
    if (limit->currency() != instrument.quoteCurrency)
        return RiskDecision::reject(RiskRule::MaxOrderNotional,
                                    "the notional limit is in " + limit->currency().toString() +
                                        " but " + order.instrument.toString() + " is quoted in " +
                                        instrument.quoteCurrency.toString() + "; set a limit in " +
                                        instrument.quoteCurrency.toString() + " for it");
    Price price;
    if (hasLimitPrice(order.type))
        price = order.limitPrice;
    else if (hasStopPrice(order.type))
        price = order.stopPrice;
    else if (reference)
        price = reference->price;
    else
        return RiskDecision::reject(RiskRule::NoReferencePrice,
                                    "no price for " + order.instrument.toString() +
                                        " (no last trade, no bid and ask): the notional of a " +
                                        "market order cannot be checked");
    const int decimals = instrument.pricePrecision;
    const auto notional = instrument.notional(order.quantity, price);
    if (!notional)
        return RiskDecision::reject(
            RiskRule::MaxOrderNotional,
            "notional " + quantityText(order.quantity) + " x " + priceText(price, instrument) +
                " is too large to compute; the limit is " + formatRiskMoney(*limit, decimals));
    if (*notional <= *limit)
        return RiskDecision::allow();
    return RiskDecision::reject(RiskRule::MaxOrderNotional,
                                "notional " + formatRiskMoney(*notional, decimals) +
                                    " exceeds the limit " + formatRiskMoney(*limit, decimals) +
                                    " (" + quantityText(order.quantity) + " x " +
                                    priceText(price, instrument) + ")");
}

RiskDecision checkPosition(const OrderIntent& order, const RiskLimits& limits,
                           const RiskContext& context) {
    const auto& limit = limits.maxPosition.forInstrument(order.instrument);
    if (!limit)
        return RiskDecision::allow();
    const bool buy = order.side == Side::Buy;
    const Quantity& working = buy ? context.workingBuyQuantity : context.workingSellQuantity;
    const auto open = order.openQuantity();
    // Signed exposure now (position + same-side working orders, the modified order's old
    // open quantity included) and after this order would fully fill.
    auto signedWorking = buy ? Result<Quantity>(working) : working.negated();
    auto current = signedWorking ? context.position.add(*signedWorking) : signedWorking;
    Result<Quantity> delta = open;
    if (delta && order.kind == Kind::Modify)
        delta = delta->subtract(order.replacedOpenQuantity);
    if (delta && !buy)
        delta = delta->negated();
    auto after = current && delta ? current->add(*delta) : current;
    auto currentAbs = current ? current->abs() : current;
    auto afterAbs = after ? after->abs() : after;
    if (!currentAbs || !afterAbs || !delta)
        return RiskDecision::reject(RiskRule::MaxPosition,
                                    "position of " + order.instrument.toString() +
                                        " after this order is too large to compute; limit " +
                                        quantityText(*limit));
    // Within the limit, or moving the exposure toward zero without crossing it (so a limit
    // lowered below the current position never blocks closing it).
    const bool reducing =
        *afterAbs <= *currentAbs && after->decimal().signum() * current->decimal().signum() >= 0;
    if (*afterAbs <= *limit || reducing)
        return RiskDecision::allow();
    return RiskDecision::reject(
        RiskRule::MaxPosition,
        "position in " + order.instrument.toString() + " after a full fill would be " +
            quantityText(*after) + " (position " + quantityText(context.position) + ", working " +
            (buy ? "buys " : "sells ") + quantityText(working) + ", this order " +
            (buy ? "+" : "-") + quantityText(*open) + "); limit " + quantityText(*limit));
}

} // namespace

RiskGate::RiskGate(RiskLimits defaultLimits) : m_defaultLimits(std::move(defaultLimits)) {}

Result<void> RiskGate::setDefaultLimits(RiskLimits limits) {
    if (auto valid = limits.validate(); !valid)
        return valid;
    m_defaultLimits = std::move(limits);
    return {};
}

Result<void> RiskGate::setLimits(std::string account, RiskLimits limits) {
    if (auto valid = limits.validate(); !valid)
        return valid;
    m_accountLimits.insert_or_assign(std::move(account), std::move(limits));
    return {};
}

void RiskGate::clearLimits(std::string_view account) {
    const auto it = m_accountLimits.find(account);
    if (it != m_accountLimits.end())
        m_accountLimits.erase(it);
}

const RiskLimits& RiskGate::limitsFor(std::string_view account) const {
    const auto it = m_accountLimits.find(account);
    return it != m_accountLimits.end() ? it->second : m_defaultLimits;
}

bool RiskGate::onPnlUpdate(std::string_view account, const Money& pnl, TimestampNs now) {
    return m_killSwitch.onPnlUpdate(account, pnl, limitsFor(account).dailyLossLimit, now);
}

RiskDecision RiskGate::check(const OrderIntent& order, const RiskContext& context,
                             TimestampNs now) const {
    if (m_killSwitch.isTriggered())
        return RiskDecision::reject(RiskRule::KillSwitch, m_killSwitch.blockMessage());
    if (auto d = checkOrderShape(order); !d)
        return d;

    const Instrument* instrument = context.instrument;
    if (instrument == nullptr)
        return RiskDecision::reject(RiskRule::UnknownInstrument,
                                    "no instrument definition for " + order.instrument.toString());
    if (instrument->venue != order.instrument.venue() ||
        instrument->symbol != order.instrument.symbol())
        return RiskDecision::reject(RiskRule::UnknownInstrument,
                                    "the instrument definition is for " + instrument->venue + ":" +
                                        instrument->symbol + ", not " +
                                        order.instrument.toString());
    if (!instrument->tickSize.isPositive())
        return RiskDecision::reject(RiskRule::UnknownInstrument, "the definition of " +
                                                                     order.instrument.toString() +
                                                                     " has no positive tick size");

    const RiskLimits& limits = limitsFor(order.account);
    if (auto d = checkDailyLoss(order, limits, context, m_killSwitch); !d)
        return d;
    if (auto d = checkRate(order, limits, m_rate, now); !d)
        return d;
    if (auto d = checkOpenOrders(order, limits, context); !d)
        return d;
    if (auto d = checkQuantity(order, limits); !d)
        return d;

    const std::optional<Reference> reference = referencePrice(context);
    if (limits.priceBandPercent || limits.priceBandTicks) {
        const bool limitPriced = hasLimitPrice(order.type);
        const bool stopPriced = hasStopPrice(order.type);
        if ((limitPriced || stopPriced) && !reference)
            return RiskDecision::reject(RiskRule::NoReferencePrice,
                                        "no reference price for " + order.instrument.toString() +
                                            " (no last trade, no bid and ask): the price band "
                                            "cannot be checked");
        if (limitPriced) {
            if (auto d = checkBand("limit", order.limitPrice, *reference, limits, *instrument); !d)
                return d;
        }
        if (stopPriced) {
            if (auto d = checkBand("stop", order.stopPrice, *reference, limits, *instrument); !d)
                return d;
        }
    }
    if (auto d = checkNotional(order, limits, *instrument, reference); !d)
        return d;
    return checkPosition(order, limits, context);
}

} // namespace cw::risk
