// SPDX-License-Identifier: MIT
#include "core/adapters/sim/SimulatedInstrumentSpec.hpp"

#include <cmath>
#include <string>

namespace cw::adapters::sim {

namespace {

Currency currency(std::string_view code) {
    if (code.empty())
        return {};
    auto parsed = Currency::parse(code);
    CW_ASSERT(parsed.hasValue());
    return *parsed;
}

struct Definition {
    std::string_view symbol;
    AssetClass assetClass;
    std::string_view base;
    std::string_view quote;
    int pricePrecision;
    std::int64_t tickRaw;
    int quantityPrecision;
    std::int64_t lotRaw;
    std::int64_t minNotionalCents; ///< in the quote currency, 2 decimals; 0 = none
};

Instrument makeInstrument(const Definition& d) {
    Instrument instrument;
    instrument.symbol = std::string(d.symbol);
    instrument.venue = "SIM";
    instrument.assetClass = d.assetClass;
    instrument.baseCurrency = currency(d.base);
    instrument.quoteCurrency = currency(d.quote);
    instrument.pricePrecision = d.pricePrecision;
    instrument.quantityPrecision = d.quantityPrecision;
    instrument.tickSize = Price::fromRaw(d.tickRaw, d.pricePrecision);
    instrument.lotSize = Quantity::fromRaw(d.lotRaw, d.quantityPrecision);
    if (d.minNotionalCents > 0)
        instrument.minNotional = Money::fromRaw(d.minNotionalCents, 2, instrument.quoteCurrency);
    return instrument;
}

Error invalid(const SimulatedInstrumentSpec& spec, const std::string& why) {
    return fail(ErrorCode::InvalidArgument,
                "simulated instrument '" + spec.instrument.symbol + "': " + why);
}

bool finiteAtLeast(double value, double minimum) {
    return std::isfinite(value) && value >= minimum;
}

bool finitePositive(double value) {
    return std::isfinite(value) && value > 0.0;
}

} // namespace

Result<void> SimulatedInstrumentSpec::validate() const {
    if (auto valid = instrument.validate(); !valid)
        return valid.error();
    if (instrument.venue != "SIM")
        return invalid(*this, "venue is '" + instrument.venue + "', not SIM");
    if (session == SessionKind::Invalid)
        return invalid(*this, "no session");
    if (!finitePositive(initialPrice) || initialPrice > 1e12)
        return invalid(*this, "initial price must be positive and finite");
    if (initialPrice < 100.0 * instrument.tickSize.toDouble())
        return invalid(*this, "initial price must be at least 100 ticks");
    if (!finitePositive(dailyVolatility) || dailyVolatility > 1.0)
        return invalid(*this, "daily volatility must be in (0, 1]");
    if (!finiteAtLeast(garchAlpha, 0.0) || !finiteAtLeast(garchBeta, 0.0) ||
        garchAlpha + garchBeta >= 1.0)
        return invalid(*this, "GARCH alpha and beta must be >= 0 with alpha + beta < 1");
    if (!finiteAtLeast(jumpsPerDay, 0.0) || jumpsPerDay > 1440.0)
        return invalid(*this, "jumps per day must be in [0, 1440]");
    if (!finiteAtLeast(jumpSizeSd, 0.0) || jumpSizeSd > 1.0)
        return invalid(*this, "jump size sd must be in [0, 1]");
    if (!finiteAtLeast(spreadTicks, 1.0) || spreadTicks > 1e6)
        return invalid(*this, "spread must be at least 1 tick");
    if (!finitePositive(tradesPerSecond) || tradesPerSecond > 1000.0)
        return invalid(*this, "trades per second must be in (0, 1000]");
    if (!finitePositive(medianTradeSize) || medianTradeSize > 1e12)
        return invalid(*this, "median trade size must be positive and finite");
    if (!finiteAtLeast(tradeSizeSigma, 0.0) || tradeSizeSigma > 4.0)
        return invalid(*this, "trade size sigma must be in [0, 4]");
    return {};
}

std::vector<SimulatedInstrumentSpec> SimulatedInstrumentSpec::builtIn() {
    std::vector<SimulatedInstrumentSpec> specs;
    auto add = [&](const Definition& d, SessionKind session, double price, double dailyVol,
                   double jumpsPerDay, double jumpSd, double spreadTicks, double tradesPerSecond,
                   double medianSize, double sizeSigma) {
        SimulatedInstrumentSpec spec;
        spec.instrument = makeInstrument(d);
        spec.session = session;
        spec.initialPrice = price;
        spec.dailyVolatility = dailyVol;
        spec.jumpsPerDay = jumpsPerDay;
        spec.jumpSizeSd = jumpSd;
        spec.spreadTicks = spreadTicks;
        spec.tradesPerSecond = tradesPerSecond;
        spec.medianTradeSize = medianSize;
        spec.tradeSizeSigma = sizeSigma;
        specs.push_back(std::move(spec));
    };
    // symbol, class, base, quote, price precision, tick raw, qty precision, lot raw, min notional
    add({"BTCUSDT", AssetClass::Crypto, "BTC", "USDT", 2, 1, 5, 1, 500}, SessionKind::AlwaysOpen,
        60'000.0, 0.030, 3.0, 0.006, 2.0, 5.0, 0.002, 1.3);
    add({"ETHUSDT", AssetClass::Crypto, "ETH", "USDT", 2, 1, 4, 1, 500}, SessionKind::AlwaysOpen,
        3'000.0, 0.038, 3.0, 0.008, 2.0, 4.0, 0.05, 1.3);
    add({"EURUSD", AssetClass::Forex, "EUR", "USD", 5, 1, 0, 1000, 0}, SessionKind::Forex, 1.08,
        0.005, 0.5, 0.0015, 6.0, 3.0, 100'000.0, 1.0);
    add({"XAUUSD", AssetClass::Cfd, "XAU", "USD", 2, 1, 2, 1, 0}, SessionKind::CmeGlobex, 2'300.0,
        0.010, 1.0, 0.003, 25.0, 2.0, 0.2, 1.1);
    add({"AAPL", AssetClass::Equity, "", "USD", 2, 1, 0, 1, 0}, SessionKind::UsEquity, 190.0, 0.015,
        0.5, 0.004, 1.0, 4.0, 100.0, 1.0);
    add({"ES", AssetClass::Future, "", "USD", 2, 25, 0, 1, 0}, SessionKind::CmeGlobex, 5'000.0,
        0.010, 0.5, 0.003, 1.0, 3.0, 2.0, 1.0);
    return specs;
}

} // namespace cw::adapters::sim
