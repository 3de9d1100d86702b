// SPDX-License-Identifier: MIT
#include "core/exchangesim/ExchangeSymbol.hpp"

namespace cw::exchangesim {

namespace {

struct Definition {
    std::string_view symbol;
    std::string_view base;
    std::string_view quote;
    int pricePrecision;
    std::int64_t tickRaw;
    int quantityPrecision;
    std::int64_t stepRaw;
    std::int64_t maxQty;       ///< whole units
    std::int64_t marketMaxQty; ///< whole units
    std::string_view minNotional;
    double initialPrice;
    double dailyVolatility;
    double spreadTicks;
    double tradesPerSecond;
    double medianTradeSize;
};

ExchangeSymbol make(const Definition& d) {
    ExchangeSymbol s;
    s.symbol = std::string(d.symbol);
    s.baseAsset = std::string(d.base);
    s.quoteAsset = std::string(d.quote);
    s.tickSize = Price::fromRaw(d.tickRaw, d.pricePrecision);
    s.minPrice = s.tickSize;
    s.maxPrice = Price::fromRaw(1'000'000, 0);
    s.stepSize = Quantity::fromRaw(d.stepRaw, d.quantityPrecision);
    s.minQty = s.stepSize;
    s.maxQty = Quantity::fromRaw(d.maxQty, 0);
    s.marketMaxQty = Quantity::fromRaw(d.marketMaxQty, 0);
    s.minNotional = *Decimal::parse(d.minNotional);
    s.maxNotional = Decimal::fromRaw(9'000'000, 0);

    Instrument& instrument = s.spec.instrument;
    instrument.symbol = s.symbol;
    instrument.venue = "SIM";
    instrument.assetClass = AssetClass::Crypto;
    instrument.baseCurrency = *Currency::parse(d.base);
    instrument.quoteCurrency = *Currency::parse(d.quote);
    instrument.pricePrecision = d.pricePrecision;
    instrument.quantityPrecision = d.quantityPrecision;
    instrument.tickSize = s.tickSize;
    instrument.lotSize = s.stepSize;
    instrument.minNotional = Money(s.minNotional, instrument.quoteCurrency);
    s.spec.session = adapters::sim::SessionKind::AlwaysOpen;
    s.spec.initialPrice = d.initialPrice;
    s.spec.dailyVolatility = d.dailyVolatility;
    s.spec.jumpsPerDay = 3.0;
    s.spec.jumpSizeSd = 0.006;
    s.spec.spreadTicks = d.spreadTicks;
    s.spec.tradesPerSecond = d.tradesPerSecond;
    s.spec.medianTradeSize = d.medianTradeSize;
    s.spec.tradeSizeSigma = 1.3;
    return s;
}

} // namespace

std::optional<std::string> ExchangeSymbol::checkPrice(const Price& price) const {
    if ((!minPrice.isZero() && price < minPrice) || (!maxPrice.isZero() && price > maxPrice) ||
        !price.isMultipleOf(tickSize))
        return std::string("PRICE_FILTER");
    return std::nullopt;
}

std::optional<std::string> ExchangeSymbol::checkQuantity(const Quantity& quantity,
                                                         bool market) const {
    const Quantity& max = market ? marketMaxQty : maxQty;
    const std::string name = market ? "MARKET_LOT_SIZE" : "LOT_SIZE";
    if (quantity < minQty || (!max.isZero() && quantity > max))
        return name;
    const auto above = quantity.subtract(minQty);
    if (!above || !above->isMultipleOf(stepSize))
        return name;
    return std::nullopt;
}

std::optional<std::string> ExchangeSymbol::checkNotional(const Quantity& quantity,
                                                         const Price& price) const {
    const auto notional = quantity.decimal().multiply(price.decimal());
    if (!notional)
        return std::string("NOTIONAL");
    if (*notional < minNotional || (!maxNotional.isZero() && *notional > maxNotional))
        return std::string("NOTIONAL");
    return std::nullopt;
}

std::vector<ExchangeSymbol> ExchangeSymbol::builtIn() {
    // symbol, base, quote, price precision, tick raw, qty precision, step raw, max qty,
    // market max qty, min notional, price, daily vol, spread ticks, trades/s, median size
    return {
        make({"BTCUSDT", "BTC", "USDT", 2, 1, 5, 1, 9000, 120, "5", 60'000.0, 0.030, 2.0, 5.0,
              0.002}),
        make({"ETHUSDT", "ETH", "USDT", 2, 1, 4, 1, 9000, 2000, "5", 3'000.0, 0.038, 2.0, 4.0,
              0.05}),
        make({"BNBUSDT", "BNB", "USDT", 2, 1, 3, 1, 9000, 2000, "5", 600.0, 0.035, 2.0, 2.0, 0.2}),
        make({"ETHBTC", "ETH", "BTC", 5, 1, 4, 1, 100000, 2000, "0.0001", 0.05, 0.020, 1.0, 2.0,
              0.05}),
    };
}

} // namespace cw::exchangesim
