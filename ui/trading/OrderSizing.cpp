// SPDX-License-Identifier: MIT
#include "ui/trading/OrderSizing.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>

namespace cw::ui {

namespace {

__extension__ typedef __int128 Int128;

/// 10^n for 0 <= n <= 38.
Int128 powerOfTen(int n) {
    Int128 value = 1;
    for (int i = 0; i < n; ++i)
        value *= 10;
    return value;
}

/// The same value at `precision` when no digit is lost, else as it is.
template <class T>
T atPrecision(const T& value, int precision) {
    if (precision < 0 || precision > T::kMaxPrecision)
        return value;
    auto rescaled = value.rescaled(precision);
    return rescaled ? *rescaled : value;
}

/// floor (or ceil) of amount / (perUnit x lot): how many lots `amount` pays for at `perUnit`
/// per unit, exact. With a = A / 10^pa, u = U / 10^pu, l = L / 10^pl:
/// lots = A x 10^(pu + pl - pa) / (U x L), the power of ten moved to the side where it is
/// positive. U x L < 2^126 always fits.
Result<Int128> lotsFor(const Decimal& amount, const Decimal& perUnit, const Quantity& lot,
                       bool roundUp) {
    const Int128 a = amount.raw();
    const Int128 u = perUnit.raw();
    const Int128 l = lot.raw();
    if (a < 0 || u <= 0 || l <= 0)
        return fail(ErrorCode::InvalidArgument, "sizing needs positive amounts");
    const int exponent = perUnit.precision() + lot.precision() - amount.precision();
    if (exponent > 36 || exponent < -36)
        return fail(ErrorCode::Overflow, "sizing: precisions too far apart");
    Int128 numerator = a;
    Int128 denominator = u * l;
    const Int128 scale = powerOfTen(exponent >= 0 ? exponent : -exponent);
    if (exponent >= 0) {
        if (numerator > std::numeric_limits<Int128>::max() / scale)
            return fail(ErrorCode::Overflow, "sizing: the amount is too large");
        numerator *= scale;
    } else {
        if (denominator > std::numeric_limits<Int128>::max() / scale)
            return fail(ErrorCode::Overflow, "sizing: precisions too large");
        denominator *= scale;
    }
    Int128 lots = numerator / denominator;
    if (roundUp && lots * denominator < numerator)
        ++lots;
    return lots;
}

Result<Quantity> lotsToQuantity(Int128 lots, const Instrument& instrument) {
    const Int128 l = instrument.lotSize.raw();
    if (lots > std::numeric_limits<std::int64_t>::max() / l)
        return fail(ErrorCode::Overflow, "sizing: too many lots");
    const auto raw = static_cast<std::int64_t>(lots * l);
    return atPrecision(Quantity::fromRaw(raw, instrument.lotSize.precision()),
                       instrument.quantityPrecision);
}

} // namespace

Result<Price> OrderSizing::snapPrice(const Price& price, const Instrument& instrument) {
    auto snapped = instrument.roundPriceToTick(price, RoundingMode::HalfEven);
    if (!snapped)
        return snapped.error();
    return atPrecision(*snapped, instrument.pricePrecision);
}

Result<Quantity> OrderSizing::snapQuantity(const Quantity& quantity, const Instrument& instrument) {
    auto snapped = instrument.roundQuantityToLot(quantity, RoundingMode::TowardZero);
    if (!snapped)
        return snapped.error();
    return atPrecision(*snapped, instrument.quantityPrecision);
}

Result<Price> OrderSizing::priceFromChart(double value, const Instrument& instrument) {
    if (!std::isfinite(value))
        return fail(ErrorCode::InvalidArgument, "the chart price is not a number");
    // One more decimal than the tick's so the rounding to the tick decides, not fromDouble.
    const int precision = std::min(Price::kMaxPrecision, instrument.tickSize.precision() + 1);
    auto raw = Price::fromDouble(value, precision);
    if (!raw)
        return raw.error();
    return snapPrice(*raw, instrument);
}

Result<Quantity> OrderSizing::riskBasedQuantity(const Instrument& instrument, const Price& entry,
                                                const Price& stop, const Decimal& riskAmount) {
    if (!riskAmount.isPositive())
        return fail(ErrorCode::InvalidArgument,
                    "the risk amount " + riskAmount.toString() + " is not positive");
    if (!entry.isPositive() || !stop.isPositive())
        return fail(ErrorCode::InvalidArgument, "entry and stop prices must be positive");
    if (!instrument.lotSize.isPositive())
        return fail(ErrorCode::InvalidArgument, "the instrument has no lot size");
    auto distance = entry.subtract(stop);
    if (!distance)
        return distance.error();
    auto absDistance = distance->abs();
    if (!absDistance)
        return absDistance.error();
    if (absDistance->isZero())
        return fail(ErrorCode::InvalidArgument,
                    "the stop " + stop.toString() + " equals the entry: no distance to size by");

    auto lots = lotsFor(riskAmount, absDistance->decimal(), instrument.lotSize, false);
    if (!lots)
        return lots.error();
    if (*lots == 0) {
        auto oneLot = Money::notional(instrument.lotSize, *absDistance, instrument.quoteCurrency);
        return fail(ErrorCode::OutOfRange,
                    "the risk amount " + riskAmount.toString() + " is less than one lot's risk" +
                        (oneLot ? " (" + oneLot->toDisplayString() + ")" : std::string()));
    }
    return lotsToQuantity(*lots, instrument);
}

Result<Quantity> OrderSizing::minimumQuantity(const Instrument& instrument, const Price& price) {
    if (!instrument.lotSize.isPositive())
        return fail(ErrorCode::InvalidArgument, "the instrument has no lot size");
    if (!price.isPositive() || !instrument.minNotional.amount().isPositive())
        return atPrecision(instrument.lotSize, instrument.quantityPrecision);
    auto lots = lotsFor(instrument.minNotional.amount(), price.decimal(), instrument.lotSize, true);
    if (!lots)
        return lots.error();
    return lotsToQuantity(std::max<Int128>(*lots, 1), instrument);
}

} // namespace cw::ui
