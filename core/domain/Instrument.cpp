// SPDX-License-Identifier: MIT
#include "core/domain/Instrument.hpp"

namespace cw {

namespace {

bool validPrecision(int precision) {
    return precision >= 0 && precision <= Decimal::kMaxPrecision;
}

Error invalid(const Instrument& instrument, const std::string& why) {
    return fail(ErrorCode::InvalidArgument,
                "instrument '" + instrument.symbol + "' on '" + instrument.venue + "': " + why);
}

} // namespace

Result<void> Instrument::validate() const {
    if (symbol.empty())
        return invalid(*this, "no symbol");
    if (venue.empty())
        return invalid(*this, "no venue");
    if (assetClass == AssetClass::Invalid)
        return invalid(*this, "no asset class");
    if (quoteCurrency.isEmpty())
        return invalid(*this, "no quote currency");
    if (!validPrecision(pricePrecision) || !validPrecision(quantityPrecision))
        return invalid(*this, "precision outside 0..18");
    if (!tickSize.isPositive() || !tickSize.rescaled(pricePrecision))
        return invalid(*this, "tick size " + tickSize.toString() +
                                  " is not positive with at most " +
                                  std::to_string(pricePrecision) + " decimals");
    if (!lotSize.isPositive() || !lotSize.rescaled(quantityPrecision))
        return invalid(*this, "lot size " + lotSize.toString() + " is not positive with at most " +
                                  std::to_string(quantityPrecision) + " decimals");
    if (minNotional.isNegative())
        return invalid(*this, "negative minimum notional");
    if (!minNotional.isZero() && minNotional.currency() != quoteCurrency)
        return invalid(*this, "minimum notional " + minNotional.toDisplayString() +
                                  " is not in the quote currency");
    return {};
}

Result<Price> Instrument::parsePrice(std::string_view text) const {
    return Price::parse(text, pricePrecision);
}

Result<Quantity> Instrument::parseQuantity(std::string_view text) const {
    return Quantity::parse(text, quantityPrecision);
}

bool Instrument::meetsMinNotional(const Quantity& quantity, const Price& price) const {
    if (minNotional.isZero())
        return true;
    // floor(q x p) at the minimum's precision compares with the minimum exactly as q x p does.
    auto product = quantity.decimal().multiplyRounded(price.decimal(), minNotional.precision(),
                                                      RoundingMode::Floor);
    if (!product) // beyond int64: larger than any minimum in magnitude
        return quantity.isPositive() == price.isPositive();
    return *product >= minNotional.amount();
}

} // namespace cw
