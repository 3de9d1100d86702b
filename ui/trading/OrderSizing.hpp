// SPDX-License-Identifier: MIT
#pragma once

#include "core/common/Result.hpp"
#include "core/domain/Decimal.hpp"
#include "core/domain/Instrument.hpp"
#include "core/domain/Price.hpp"
#include "core/domain/Quantity.hpp"

namespace cw::ui {

/// The exact arithmetic behind the order ticket and chart trading: prices snapped to the
/// instrument's tick, quantities to its lot, and the quantity that risks a given amount
/// between an entry and a stop. Everything is fixed-point; a double enters only as a chart
/// coordinate (`priceFromChart`) and is snapped at once.
/// Thread: any (pure functions).
class OrderSizing {
public:
    /// The nearest tick (ties to even) at the instrument's price precision. Errors:
    /// InvalidArgument for a tick size <= 0, Overflow.
    static Result<Price> snapPrice(const Price& price, const Instrument& instrument);
    /// The largest multiple of the lot size not above `quantity` (never more than asked),
    /// at the instrument's quantity precision. Errors as snapPrice.
    static Result<Quantity> snapQuantity(const Quantity& quantity, const Instrument& instrument);
    /// A chart's y value turned into a valid price: the nearest tick. NaN or infinity:
    /// InvalidArgument.
    static Result<Price> priceFromChart(double value, const Instrument& instrument);

    /// The largest quantity (a whole number of lots) whose loss from `entry` to `stop` is at
    /// most `riskAmount` (in the instrument's quote currency): floor(risk / (|entry - stop| x
    /// lot)) lots, exact. Errors: InvalidArgument when the risk is not positive, entry or
    /// stop is not positive, or they are equal; OutOfRange when not even one lot fits the
    /// risk (the message gives one lot's risk); Overflow for absurd values.
    /// The smallest whole number of lots (at least one) whose notional at `price` meets the
    /// instrument's minimum notional; one lot when there is no minimum or no price.
    /// InvalidArgument without a lot size; Overflow for absurd values.
    static Result<Quantity> minimumQuantity(const Instrument& instrument, const Price& price);

    static Result<Quantity> riskBasedQuantity(const Instrument& instrument, const Price& entry,
                                              const Price& stop, const Decimal& riskAmount);
};

} // namespace cw::ui
