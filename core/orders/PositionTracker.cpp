// SPDX-License-Identifier: MIT
#include "core/orders/PositionTracker.hpp"

#include <algorithm>
#include <utility>

namespace cw::orders {

namespace {

WideDecimal wide(const Decimal& value) {
    return WideDecimal::fromDecimal(value);
}

WideDecimal absolute(const WideDecimal& value) {
    return value.isNegative() ? *value.negated() : value;
}

// Exact where it fits a Money; beyond 18 decimals rounded half to even (only reachable with
// absurd precisions); Overflow beyond int64.
Result<Money> toMoney(const WideDecimal& value, const Currency& currency) {
    auto exact = value.toDecimal();
    if (!exact && exact.error().code == ErrorCode::OutOfRange)
        exact = value.toDecimalRounded(Decimal::kMaxPrecision);
    if (!exact)
        return exact.error();
    return Money(*exact, currency);
}

Result<WideDecimal> sumOf(const WideDecimal& a, const Result<WideDecimal>& b) {
    if (!b)
        return b.error();
    return a.add(*b);
}

void addFee(std::vector<Money>& fees, const Money& fee) {
    if (fee.isZero())
        return;
    for (auto& entry : fees) {
        if (entry.currency() == fee.currency()) {
            if (auto sum = entry.add(fee))
                entry = *sum;
            return;
        }
    }
    fees.push_back(fee);
}

} // namespace

Result<void> PositionTracker::setInstrument(const Instrument& instrument) {
    const auto key = adapters::InstrumentKey::of(instrument);
    if (!key)
        return key.error();
    m_currencies[*key] = instrument.quoteCurrency;
    return {};
}

Currency PositionTracker::currencyOf(const adapters::InstrumentKey& instrument) const {
    const auto it = m_currencies.find(instrument);
    return it == m_currencies.end() ? Currency() : it->second;
}

Result<void> PositionTracker::applyFill(std::string_view account,
                                        const adapters::OrderFilled& fill) {
    if (fill.instrument.isEmpty())
        return fail(ErrorCode::InvalidArgument, "fill " + fill.tradeId + " has no instrument");
    if (fill.side != Side::Buy && fill.side != Side::Sell)
        return fail(ErrorCode::InvalidArgument, "fill " + fill.tradeId + " has no side");
    if (!fill.quantity.isPositive())
        return fail(ErrorCode::InvalidArgument,
                    "fill " + fill.tradeId + " has quantity " + fill.quantity.toString());

    const Key key{std::string(account), fill.instrument};
    const auto found = m_books.find(key);
    Book book = found == m_books.end() ? Book{} : found->second;

    const WideDecimal size = wide(fill.quantity.decimal());
    const WideDecimal delta = fill.side == Side::Buy ? size : *size.negated();
    const WideDecimal price = wide(fill.price.decimal());

    if (book.quantity.isZero() || book.quantity.signum() == delta.signum()) {
        // Opening or adding: the cost grows by the fill's exact notional.
        const auto cost = sumOf(book.cost, delta.multiply(price));
        const auto quantity = book.quantity.add(delta);
        if (!cost)
            return cost.error();
        if (!quantity)
            return quantity.error();
        book.cost = *cost;
        book.quantity = *quantity;
    } else {
        // Reducing, closing or flipping.
        const WideDecimal held = absolute(book.quantity);
        const bool closesAll = size >= held;
        const WideDecimal closedSize = closesAll ? held : size;
        const WideDecimal closed = book.quantity.isNegative() ? *closedSize.negated() : closedSize;

        Result<WideDecimal> removed = book.cost;
        if (!closesAll) {
            const auto share = book.cost.multiply(closed);
            removed = share ? share->divided(book.quantity, book.cost.scale()) : share;
        }
        if (!removed)
            return removed.error();
        const auto proceeds = closed.multiply(price);
        if (!proceeds)
            return proceeds.error();
        const auto gain = proceeds->subtract(*removed);
        const auto realized = gain ? book.realized.add(*gain) : gain;
        const auto cost = book.cost.subtract(*removed);
        const auto quantity = book.quantity.subtract(closed);
        if (!realized)
            return realized.error();
        if (!cost)
            return cost.error();
        if (!quantity)
            return quantity.error();
        book.realized = *realized;
        book.cost = *cost;
        book.quantity = *quantity;

        if (size > held) {
            // The rest opens the other side at the fill price.
            const auto restSize = size.subtract(held);
            if (!restSize)
                return restSize.error();
            const WideDecimal rest = delta.isNegative() ? *restSize->negated() : *restSize;
            const auto opened = rest.multiply(price);
            if (!opened)
                return opened.error();
            book.quantity = rest;
            book.cost = *opened;
        }
    }
    if (book.quantity.isZero())
        book.cost = WideDecimal(); // exactly zero after a full close, at scale 0

    addFee(book.fees, fill.fee);
    book.pricePrecision = std::max(book.pricePrecision, fill.price.precision());
    ++book.fillCount;
    book.lastFillTime = fill.receivedTime != 0 ? fill.receivedTime : fill.venueTime;
    m_books[key] = std::move(book);
    return {};
}

Result<void> PositionTracker::setPosition(std::string_view account,
                                          const adapters::InstrumentKey& instrument,
                                          const Quantity& quantity, const Price& averagePrice) {
    if (instrument.isEmpty())
        return fail(ErrorCode::InvalidArgument, "no instrument");
    const WideDecimal size = wide(quantity.decimal());
    const auto cost = size.multiply(wide(averagePrice.decimal()));
    if (!cost)
        return cost.error();
    Book& book = m_books[Key{std::string(account), instrument}];
    book.quantity = size;
    book.cost = size.isZero() ? WideDecimal() : *cost;
    book.pricePrecision = std::max(book.pricePrecision, averagePrice.precision());
    return {};
}

void PositionTracker::updateMark(const adapters::InstrumentKey& instrument, const Price& mark) {
    m_marks[instrument] = mark;
}

Result<Position> PositionTracker::makePosition(const Key& key, const Book& book) const {
    Position position;
    position.account = key.first;
    position.instrument = key.second;
    position.currency = currencyOf(key.second);

    const auto quantity = book.quantity.toDecimal();
    if (!quantity)
        return quantity.error();
    position.quantity = Quantity(*quantity);

    if (!book.quantity.isZero()) {
        const int precision =
            std::min(Decimal::kMaxPrecision, book.pricePrecision + kAveragePriceExtraDecimals);
        const auto average = book.cost.divided(book.quantity, precision);
        if (!average)
            return average.error();
        const auto averageDecimal = average->toDecimalRounded(precision);
        if (!averageDecimal)
            return averageDecimal.error();
        position.averagePrice = Price(*averageDecimal);
    }

    const auto cost = toMoney(book.cost, position.currency);
    const auto realized = toMoney(book.realized, position.currency);
    if (!cost)
        return cost.error();
    if (!realized)
        return realized.error();
    position.costBasis = *cost;
    position.realizedPnl = *realized;
    position.fees = book.fees;

    WideDecimal net = book.realized;
    for (const Money& fee : book.fees) {
        if (fee.currency() != position.currency)
            continue;
        const auto reduced = net.subtract(wide(fee.amount()));
        if (!reduced)
            return reduced.error();
        net = *reduced;
    }
    const auto netMoney = toMoney(net, position.currency);
    if (!netMoney)
        return netMoney.error();
    position.netRealizedPnl = *netMoney;

    position.unrealizedPnl = Money(Decimal(), position.currency);
    if (const auto mark = m_marks.find(key.second); mark != m_marks.end()) {
        position.markPrice = mark->second;
        const auto value = book.quantity.multiply(wide(mark->second.decimal()));
        const auto unrealized = value ? value->subtract(book.cost) : value;
        if (!unrealized)
            return unrealized.error();
        const auto unrealizedMoney = toMoney(*unrealized, position.currency);
        if (!unrealizedMoney)
            return unrealizedMoney.error();
        position.unrealizedPnl = *unrealizedMoney;
    }
    position.fillCount = book.fillCount;
    position.lastFillTime = book.lastFillTime;
    return position;
}

Result<Position> PositionTracker::position(std::string_view account,
                                           const adapters::InstrumentKey& instrument) const {
    const auto it = m_books.find(Key{std::string(account), instrument});
    if (it == m_books.end())
        return fail(ErrorCode::NotFound, "no position for account '" + std::string(account) +
                                             "' in " + instrument.toString());
    return makePosition(it->first, it->second);
}

Result<std::vector<Position>> PositionTracker::positions() const {
    std::vector<Position> all;
    all.reserve(m_books.size());
    for (const auto& [key, book] : m_books) {
        auto position = makePosition(key, book);
        if (!position)
            return position.error();
        all.push_back(std::move(*position));
    }
    return all;
}

Quantity PositionTracker::quantity(std::string_view account,
                                   const adapters::InstrumentKey& instrument) const {
    const auto it = m_books.find(Key{std::string(account), instrument});
    if (it == m_books.end())
        return Quantity();
    const auto value = it->second.quantity.toDecimal();
    return value ? Quantity(*value) : Quantity();
}

Result<Money> PositionTracker::unrealizedPnl(std::string_view account,
                                             const adapters::InstrumentKey& instrument,
                                             const Price& mark) const {
    const auto it = m_books.find(Key{std::string(account), instrument});
    if (it == m_books.end())
        return fail(ErrorCode::NotFound, "no position for account '" + std::string(account) +
                                             "' in " + instrument.toString());
    const auto value = it->second.quantity.multiply(wide(mark.decimal()));
    const auto unrealized = value ? value->subtract(it->second.cost) : value;
    if (!unrealized)
        return unrealized.error();
    return toMoney(*unrealized, currencyOf(instrument));
}

Result<std::vector<PositionTracker::CurrencyTotals>>
PositionTracker::totals(std::string_view account) const {
    struct Sums {
        WideDecimal realized;
        WideDecimal fees;
        WideDecimal unrealized;
    };
    std::map<Currency, Sums> sums;
    auto accumulate = [](WideDecimal& into, const WideDecimal& value) -> Result<void> {
        const auto sum = into.add(value);
        if (!sum)
            return sum.error();
        into = *sum;
        return {};
    };
    for (const auto& [key, book] : m_books) {
        if (key.first != account)
            continue;
        const Currency currency = currencyOf(key.second);
        Sums& entry = sums[currency];
        if (auto r = accumulate(entry.realized, book.realized); !r)
            return r.error();
        for (const Money& fee : book.fees) {
            if (auto r = accumulate(sums[fee.currency()].fees, wide(fee.amount())); !r)
                return r.error();
        }
        if (const auto mark = m_marks.find(key.second); mark != m_marks.end()) {
            const auto value = book.quantity.multiply(wide(mark->second.decimal()));
            const auto unrealized = value ? value->subtract(book.cost) : value;
            if (!unrealized)
                return unrealized.error();
            if (auto r = accumulate(sums[currency].unrealized, *unrealized); !r)
                return r.error();
        }
    }
    std::vector<CurrencyTotals> result;
    for (const auto& [currency, entry] : sums) {
        const auto net = entry.realized.subtract(entry.fees);
        const auto total = net ? net->add(entry.unrealized) : net;
        if (!total)
            return total.error();
        CurrencyTotals row;
        row.currency = currency;
        const auto realized = toMoney(entry.realized, currency);
        const auto fees = toMoney(entry.fees, currency);
        const auto netMoney = toMoney(*net, currency);
        const auto unrealized = toMoney(entry.unrealized, currency);
        const auto totalMoney = toMoney(*total, currency);
        for (const auto* r : {&realized, &fees, &netMoney, &unrealized, &totalMoney}) {
            if (!*r)
                return r->error();
        }
        row.realizedPnl = *realized;
        row.fees = *fees;
        row.netRealizedPnl = *netMoney;
        row.unrealizedPnl = *unrealized;
        row.totalPnl = *totalMoney;
        result.push_back(std::move(row));
    }
    return result;
}

} // namespace cw::orders
