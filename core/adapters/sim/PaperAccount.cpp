// SPDX-License-Identifier: MIT
#include "core/adapters/sim/PaperAccount.hpp"

#include <algorithm>
#include <limits>
#include <optional>
#include <utility>

namespace cw::adapters::sim {

namespace {

__extension__ typedef __int128 Int128;

/// Collects the first error of a chain of checked operations, so a calculation reads
/// straight and is committed only when `ok()`.
class CheckedArithmetic {
public:
    Decimal add(const Decimal& a, const Decimal& b) { return take(a.add(b)); }
    Decimal subtract(const Decimal& a, const Decimal& b) { return take(a.subtract(b)); }
    Decimal multiply(const Decimal& a, const Decimal& b) { return take(a.multiply(b)); }
    Decimal negated(const Decimal& a) { return take(a.negated()); }
    Decimal take(Result<Decimal> r) {
        if (!r) {
            if (!m_error)
                m_error = r.error();
            return Decimal();
        }
        return *r;
    }
    void failWith(Error error) {
        if (!m_error)
            m_error = std::move(error);
    }
    bool ok() const { return !m_error.has_value(); }
    const Error& error() const { return *m_error; }

private:
    std::optional<Error> m_error;
};

Int128 pow10(int exponent) {
    Int128 value = 1;
    for (int i = 0; i < exponent; ++i)
        value *= 10;
    return value;
}

/// num / den (den > 0) rounded with `mode` (Ceiling or HalfEven).
Int128 divideRounded(Int128 num, Int128 den, RoundingMode mode) {
    Int128 quotient = num / den;
    const Int128 remainder = num % den;
    if (remainder == 0)
        return quotient;
    const bool negative = num < 0;
    if (mode == RoundingMode::Ceiling) {
        if (!negative)
            ++quotient;
        return quotient;
    }
    const Int128 twice = (remainder < 0 ? -remainder : remainder) * 2;
    if (twice > den || (twice == den && (quotient % 2 != 0)))
        quotient += negative ? -1 : 1;
    return quotient;
}

Result<Decimal> toDecimal(Int128 raw, int precision) {
    if (raw > std::numeric_limits<std::int64_t>::max() ||
        raw < -std::numeric_limits<std::int64_t>::max())
        return fail(ErrorCode::Overflow, "paper account amount out of range");
    return Decimal::fromRaw(static_cast<std::int64_t>(raw), precision);
}

Decimal zeroAt(int precision) {
    return Decimal::fromRaw(0, precision);
}

} // namespace

PaperAccount::PaperAccount(PaperBrokerConfig config, std::vector<Instrument> instruments)
    : m_config(std::move(config)), m_instruments(std::move(instruments)),
      m_balances(m_config.initialBalances) {
    m_positions.resize(m_instruments.size());
    for (std::size_t i = 0; i < m_instruments.size(); ++i) {
        const Instrument& instrument = m_instruments[i];
        m_positions[i].quantity = Quantity::fromRaw(0, instrument.quantityPrecision);
        m_positions[i].cost = Money(zeroAt(0), instrument.quoteCurrency);
        m_positions[i].realized = Money(zeroAt(0), instrument.quoteCurrency);
    }
}

Currency PaperAccount::marginCurrency() {
    return *Currency::parse("USD");
}

bool PaperAccount::isSpot(std::size_t index) const {
    return m_instruments[index].assetClass == AssetClass::Crypto;
}

std::string PaperAccount::whyNotTradable(std::size_t index) const {
    const Instrument& instrument = m_instruments[index];
    if (isSpot(index)) {
        if (instrument.baseCurrency.isEmpty())
            return instrument.symbol + " has no base currency to settle in";
        return {};
    }
    switch (instrument.assetClass) {
    case AssetClass::Forex:
    case AssetClass::Cfd:
    case AssetClass::Commodity:
    case AssetClass::Equity:
    case AssetClass::Future:
        break;
    default:
        return "the paper broker has no margin rule for " +
               std::string(assetClassName(instrument.assetClass)) + " instruments";
    }
    if (instrument.quoteCurrency != marginCurrency())
        return instrument.symbol + " is quoted in " + instrument.quoteCurrency.toString() +
               "; the paper margin account is in USD";
    return {};
}

Result<Money> PaperAccount::fee(std::size_t index, Liquidity liquidity, const Quantity& quantity,
                                const Price& price) const {
    const Instrument& instrument = m_instruments[index];
    const PaperFeeRates rates = m_config.feesFor(instrument.assetClass);
    const Decimal& bps = liquidity == Liquidity::Maker ? rates.makerBps : rates.takerBps;
    auto notional = quantity.decimal().multiply(price.decimal());
    if (!notional)
        return notional.error();
    if (bps.precision() + 4 > Decimal::kMaxPrecision)
        return fail(ErrorCode::OutOfRange, "fee rate " + bps.toString() + " bps is too precise");
    const Decimal fraction = Decimal::fromRaw(bps.raw(), bps.precision() + 4); // bps / 10,000
    auto amount =
        notional->multiplyRounded(fraction, instrument.pricePrecision, RoundingMode::Ceiling);
    if (!amount)
        return amount.error();
    return Money(*amount, instrument.quoteCurrency);
}

Result<Money> PaperAccount::margin(std::size_t index, const Quantity& quantity,
                                   const Price& price) const {
    const Instrument& instrument = m_instruments[index];
    if (isSpot(index))
        return Money(zeroAt(0), marginCurrency());
    if (instrument.assetClass == AssetClass::Future) {
        auto amount = quantity.decimal().multiply(m_config.futureMarginPerContract);
        if (!amount)
            return amount.error();
        return Money(*amount, marginCurrency());
    }
    int leverage = m_config.cfdLeverage;
    if (instrument.assetClass == AssetClass::Forex)
        leverage = m_config.forexLeverage;
    else if (instrument.assetClass == AssetClass::Equity)
        leverage = m_config.equityLeverage;
    auto notional = quantity.decimal().multiply(price.decimal());
    if (!notional)
        return notional.error();
    auto amount = toDecimal(divideRounded(notional->raw(), leverage, RoundingMode::Ceiling),
                            notional->precision());
    if (!amount)
        return amount.error();
    return Money(*amount, marginCurrency());
}

Quantity PaperAccount::exposureIncrease(std::size_t index, Side side,
                                        const Quantity& quantity) const {
    const Quantity& held = m_positions[index].quantity;
    const bool opposite =
        (side == Side::Buy && held.isNegative()) || (side == Side::Sell && held.isPositive());
    if (!opposite)
        return quantity;
    const Quantity closable = *held.abs();
    if (quantity <= closable)
        return Quantity::fromRaw(0, quantity.precision());
    return *quantity.subtract(closable);
}

Decimal PaperAccount::balance(const Currency& currency) const {
    auto it = m_balances.find(currency);
    return it == m_balances.end() ? Decimal() : it->second;
}

Result<void> PaperAccount::applyFill(std::size_t index, Side side, const Quantity& quantity,
                                     const Price& price, const Money& fee) {
    const Instrument& instrument = m_instruments[index];
    CheckedArithmetic c;
    const Decimal notional = c.multiply(quantity.decimal(), price.decimal());
    const Decimal signedQuantity =
        side == Side::Buy ? quantity.decimal() : c.negated(quantity.decimal());
    const Decimal signedNotional = side == Side::Buy ? notional : c.negated(notional);

    // The position: add to it, or close (part of) it and perhaps open the other way.
    const PaperPosition& before = m_positions[index];
    const Decimal q0 = before.quantity.decimal();
    const Decimal c0 = before.cost.amount();
    Decimal q1 = c.add(q0, signedQuantity);
    Decimal c1;
    Decimal realized = zeroAt(0);
    if (q0.isZero() || q0.signum() == signedQuantity.signum()) {
        c1 = c.add(c0, signedNotional);
    } else {
        const Decimal held = c.take(q0.abs());
        const Decimal closing = quantity.decimal() < held ? quantity.decimal() : held;
        Decimal removed = c0;
        if (closing < held) {
            // c0 x closing / held, at c0's precision (both quantities at one precision).
            const int qp = std::max(closing.precision(), held.precision());
            const Decimal closingAt = c.take(closing.rescaled(qp));
            const Decimal heldAt = c.take(held.rescaled(qp));
            if (c.ok())
                removed = c.take(toDecimal(divideRounded(Int128(c0.raw()) * closingAt.raw(),
                                                         heldAt.raw(), RoundingMode::HalfEven),
                                           c0.precision()));
        }
        const Decimal closedValue = c.multiply(closing, price.decimal());
        realized = c.subtract(q0.isPositive() ? closedValue : c.negated(closedValue), removed);
        if (quantity.decimal() > held) // reversed: the rest opens at this price
            c1 = c.multiply(q1, price.decimal());
        else
            c1 = c.subtract(c0, removed);
    }
    if (q1.isZero())
        c1 = zeroAt(0);

    std::map<Currency, Decimal> balances = m_balances;
    if (fee.currency() != instrument.quoteCurrency)
        c.failWith(
            fail(ErrorCode::InvalidArgument, "fee currency differs from the quote currency"));
    if (isSpot(index)) {
        Decimal& quote = balances[instrument.quoteCurrency];
        Decimal& base = balances[instrument.baseCurrency];
        if (side == Side::Buy) {
            quote = c.subtract(quote, c.add(notional, fee.amount()));
            base = c.add(base, quantity.decimal());
        } else {
            base = c.subtract(base, quantity.decimal());
            quote = c.add(quote, c.subtract(notional, fee.amount()));
        }
    } else {
        Decimal& cash = balances[marginCurrency()];
        cash = c.subtract(c.add(cash, realized), fee.amount());
    }
    const Decimal realizedTotal = c.add(before.realized.amount(), realized);
    if (!c.ok())
        return c.error();

    m_balances = std::move(balances);
    PaperPosition& after = m_positions[index];
    auto rescaledQuantity = q1.rescaled(instrument.quantityPrecision);
    after.quantity = rescaledQuantity ? Quantity(*rescaledQuantity) : Quantity(q1);
    after.cost = Money(c1, instrument.quoteCurrency);
    after.realized = Money(realizedTotal, instrument.quoteCurrency);
    return {};
}

Money PaperAccount::unrealized(std::size_t index, const Price& mark) const {
    const PaperPosition& p = m_positions[index];
    const Currency& quote = m_instruments[index].quoteCurrency;
    if (p.quantity.isZero() || mark.isZero())
        return Money(zeroAt(0), quote);
    CheckedArithmetic c;
    const Decimal value =
        c.subtract(c.multiply(p.quantity.decimal(), mark.decimal()), p.cost.amount());
    return Money(c.ok() ? value : zeroAt(0), quote);
}

Money PaperAccount::positionMargin(const std::vector<Price>& marks) const {
    Decimal total;
    for (std::size_t i = 0; i < m_positions.size(); ++i) {
        if (isSpot(i) || m_positions[i].quantity.isZero() || !whyNotTradable(i).empty())
            continue;
        const Price mark =
            i < marks.size() && !marks[i].isZero() ? marks[i] : positionReport(i, 0).averagePrice;
        auto m = margin(i, *m_positions[i].quantity.abs(), mark);
        if (m)
            total = total.add(m->amount()).valueOr(total);
    }
    return Money(total, marginCurrency());
}

Money PaperAccount::equity(const std::vector<Price>& marks) const {
    Decimal total = balance(marginCurrency());
    for (std::size_t i = 0; i < m_positions.size(); ++i) {
        if (isSpot(i) || m_instruments[i].quoteCurrency != marginCurrency())
            continue;
        const Price mark = i < marks.size() ? marks[i] : Price();
        total = total.add(unrealized(i, mark).amount()).valueOr(total);
    }
    return Money(total, marginCurrency());
}

PositionReport PaperAccount::positionReport(std::size_t index, TimestampNs time) const {
    const Instrument& instrument = m_instruments[index];
    const PaperPosition& p = m_positions[index];
    PositionReport report;
    report.instrument = *InstrumentKey::of(instrument);
    report.quantity = p.quantity;
    report.venueTime = time;
    const int pricePrecision = std::min(instrument.pricePrecision + 2, Decimal::kMaxPrecision);
    report.averagePrice = Price::fromRaw(0, pricePrecision);
    if (p.quantity.isZero())
        return report;
    // average = cost / quantity: cost_raw x 10^(qp + tp - cp) / q_raw
    const int exponent = p.quantity.precision() + pricePrecision - p.cost.precision();
    Int128 num = p.cost.raw();
    Int128 den = p.quantity.raw();
    if (exponent >= 0)
        num *= pow10(exponent);
    else
        den *= pow10(-exponent);
    if (den < 0) {
        num = -num;
        den = -den;
    }
    auto average = toDecimal(divideRounded(num, den, RoundingMode::HalfEven), pricePrecision);
    if (average)
        report.averagePrice = Price(*average);
    return report;
}

AccountReport PaperAccount::report(const std::map<Currency, Decimal>& lockedCash,
                                   const Money& orderMargin, const std::vector<Price>& marks,
                                   TimestampNs time) const {
    AccountReport report;
    report.venue = "SIM";
    report.account = "paper";
    report.baseCurrency = marginCurrency();
    report.venueTime = time;
    const Money used = positionMargin(marks);
    const Money equityNow = equity(marks);
    std::map<Currency, Decimal> currencies = m_balances;
    for (const auto& [currency, locked] : lockedCash)
        currencies.try_emplace(currency, Decimal());
    for (const auto& [currency, total] : currencies) {
        Decimal locked;
        if (auto it = lockedCash.find(currency); it != lockedCash.end())
            locked = it->second;
        if (currency == marginCurrency())
            locked =
                locked.add(used.amount()).valueOr(locked).add(orderMargin.amount()).valueOr(locked);
        BalanceReport line;
        line.currency = currency;
        line.total = Money(total, currency);
        line.locked = Money(locked, currency);
        line.free = Money(total.subtract(locked).valueOr(Decimal()), currency);
        report.balances.push_back(line);
    }
    report.equity = equityNow;
    report.marginUsed = used;
    report.marginAvailable = Money(equityNow.amount()
                                       .subtract(used.amount())
                                       .valueOr(Decimal())
                                       .subtract(orderMargin.amount())
                                       .valueOr(Decimal()),
                                   marginCurrency());
    return report;
}

void PaperAccount::restore(const PaperAccountState& state) {
    m_balances = state.balances;
    for (std::size_t i = 0; i < m_instruments.size(); ++i) {
        auto it = state.positions.find(m_instruments[i].symbol);
        if (it != state.positions.end())
            m_positions[i] = it->second;
    }
}

void PaperAccount::save(PaperAccountState& state) const {
    state.balances = m_balances;
    state.positions.clear();
    for (std::size_t i = 0; i < m_instruments.size(); ++i) {
        const PaperPosition& p = m_positions[i];
        if (!p.quantity.isZero() || !p.realized.isZero())
            state.positions[m_instruments[i].symbol] = p;
    }
}

} // namespace cw::adapters::sim
