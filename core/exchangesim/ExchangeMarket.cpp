// SPDX-License-Identifier: MIT
#include "core/exchangesim/ExchangeMarket.hpp"

#include <algorithm>
#include <variant>

namespace cw::exchangesim {

namespace {

constexpr std::size_t kTapeLength = 1000;
constexpr std::int64_t kFirstTradeId = 100'000;
constexpr std::int64_t kFirstUpdateId = 1'000'000;
/// The live market starts this long before the server so that every symbol has a book and
/// a few trades when the first client arrives.
constexpr TimestampNs kPreRollNs = 2 * kNsPerMinute;

std::int64_t msOf(TimestampNs t) {
    return t / kNsPerMillisecond;
}

Decimal fromDouble(double value) {
    return Decimal::fromDouble(value, 8).valueOr(Decimal::fromRaw(0, 8));
}

} // namespace

Result<std::unique_ptr<ExchangeMarket>> ExchangeMarket::create(const ExchangeSimConfig& config,
                                                               TimestampNs startNs) {
    if (auto valid = config.validate(); !valid)
        return valid.error();
    adapters::sim::SimulationConfig simulation;
    simulation.seed = config.seed;
    simulation.startTime = std::max<TimestampNs>(kNsPerMinute, startNs - kPreRollNs);
    simulation.historyDays = config.historyDays;
    simulation.speed = config.speed;
    simulation.instruments.clear();
    for (const ExchangeSymbol& symbol : config.symbols)
        simulation.instruments.push_back(symbol.spec);
    auto market = adapters::sim::SimulatedMarket::create(simulation);
    if (!market)
        return market.error();

    std::unique_ptr<ExchangeMarket> self(new ExchangeMarket());
    self->m_symbols = config.symbols;
    self->m_market.emplace(std::move(*market));
    for (std::size_t i = 0; i < self->m_symbols.size(); ++i) {
        // Everything reaches us through the observer; the stream vector stays empty.
        self->m_market->setStreams(i, false, false);
        self->m_books.emplace_back(self->m_symbols[i].tickSize, config.bookLevels, kFirstUpdateId);
        self->m_nextTradeIds.push_back(kFirstTradeId);
    }
    self->m_tapes.resize(self->m_symbols.size());

    adapters::sim::PaperBrokerConfig paper;
    paper.initialBalances = config.startingBalances;
    paper.fees[AssetClass::Crypto] = {Decimal::fromRaw(config.makerFeeBps, 0),
                                      Decimal::fromRaw(config.takerFeeBps, 0)};
    paper.bookLevels = config.bookLevels;
    ExchangeMarket* raw = self.get();
    for (const ApiKey& key : config.apiKeys) {
        auto account = std::make_unique<ExchangeAccount>(
            self->m_symbols, paper, config.bookLevels,
            [raw](std::size_t index) { return raw->nextTradeId(index); });
        for (std::size_t i = 0; i < self->m_symbols.size(); ++i)
            account->setLastTrade(i, self->m_market->lastTradePrice(i));
        self->m_accounts.emplace(key.key, std::move(account));
    }
    self->advanceTo(startNs);
    return self;
}

std::optional<std::size_t> ExchangeMarket::indexOf(std::string_view symbol) const {
    for (std::size_t i = 0; i < m_symbols.size(); ++i)
        if (m_symbols[i].symbol == symbol)
            return i;
    return std::nullopt;
}

ExchangeAccount* ExchangeMarket::account(std::string_view apiKey) {
    auto it = m_accounts.find(apiKey);
    return it == m_accounts.end() ? nullptr : it->second.get();
}

Price ExchangeMarket::lastPrice(std::size_t symbolIndex) const {
    return m_market->lastTradePrice(symbolIndex);
}

void ExchangeMarket::advanceTo(TimestampNs now) {
    m_scratch.clear();
    m_market->advanceTo(now, m_scratch,
                        [this](const adapters::MarketDataEvent& event) { onMarketEvent(event); });
    m_scratch.clear();
}

void ExchangeMarket::onMarketEvent(const adapters::MarketDataEvent& event) {
    if (const auto* quote = std::get_if<adapters::QuoteReceived>(&event)) {
        const auto index = indexOf(quote->instrument.symbol());
        if (!index)
            return;
        for (auto& [key, account] : m_accounts)
            account->onQuote(*quote);
        if (m_books[*index].update(quote->quote) && m_observer)
            m_observer->onBookChanged(*index, m_books[*index]);
    } else if (const auto* trade = std::get_if<adapters::TradeReceived>(&event)) {
        const auto index = indexOf(trade->instrument.symbol());
        if (!index)
            return;
        TradePrint print;
        print.id = nextTradeId(*index);
        print.price = trade->tick.price;
        print.quantity = trade->tick.size;
        print.timeMs = msOf(trade->tick.time);
        print.buyerIsMaker = trade->tick.aggressor == Side::Sell;
        auto& tape = m_tapes[*index];
        tape.push_back(print);
        if (tape.size() > kTapeLength)
            tape.pop_front();
        for (auto& [key, account] : m_accounts)
            account->onTrade(*trade);
        if (m_observer)
            m_observer->onTrade(*index, print);
    }
}

ExchangeMarket::Kline ExchangeMarket::makeKline(std::size_t symbolIndex, std::int64_t openMs,
                                                std::int64_t closeMs, std::size_t from,
                                                std::size_t to) const {
    const auto bars = m_market->minuteBars(symbolIndex);
    const Instrument& instrument = m_symbols[symbolIndex].spec.instrument;
    const int pp = instrument.pricePrecision;
    const int qp = instrument.quantityPrecision;
    Kline k;
    k.openTimeMs = openMs;
    k.closeTimeMs = closeMs;
    std::int64_t high = bars[from].high;
    std::int64_t low = bars[from].low;
    std::int64_t volume = 0;
    double quoteVolume = 0.0;
    for (std::size_t i = from; i < to; ++i) {
        high = std::max(high, bars[i].high);
        low = std::min(low, bars[i].low);
        volume += bars[i].volume;
        k.trades += bars[i].tradeCount;
        quoteVolume += Decimal::fromRaw(bars[i].volume, qp).toDouble() *
                       Decimal::fromRaw(bars[i].close, pp).toDouble();
    }
    k.open = Decimal::fromRaw(bars[from].open, pp);
    k.close = Decimal::fromRaw(bars[to - 1].close, pp);
    k.high = Decimal::fromRaw(high, pp);
    k.low = Decimal::fromRaw(low, pp);
    k.volume = Decimal::fromRaw(volume, qp);
    k.quoteVolume = fromDouble(quoteVolume);
    k.takerBuyBase = Decimal::fromRaw(volume / 2, qp);
    k.takerBuyQuote = fromDouble(quoteVolume / 2.0);
    return k;
}

std::vector<ExchangeMarket::Kline> ExchangeMarket::klines(std::size_t symbolIndex,
                                                          const KlineInterval& interval,
                                                          std::optional<std::int64_t> startMs,
                                                          std::optional<std::int64_t> endMs,
                                                          std::size_t limit) const {
    std::vector<Kline> out;
    const auto bars = m_market->minuteBars(symbolIndex);
    if (bars.empty() || limit == 0)
        return out;
    auto openMs = [&](std::size_t i) { return msOf(bars[i].openTime); };
    auto firstAtOrAfter = [&](std::int64_t ms) {
        return static_cast<std::size_t>(std::lower_bound(bars.begin(), bars.end(), ms,
                                                         [](const auto& bar, std::int64_t t) {
                                                             return msOf(bar.openTime) < t;
                                                         }) -
                                        bars.begin());
    };

    std::size_t begin = 0;
    std::size_t end = bars.size();
    if (endMs) // whole buckets whose open time is <= endMs
        end = firstAtOrAfter(interval.nextBucket(interval.bucketStart(*endMs)));
    if (startMs) {
        std::int64_t first = interval.bucketStart(*startMs);
        if (first < *startMs)
            first = interval.nextBucket(first);
        begin = firstAtOrAfter(first);
    } else if (end > 0) {
        // Walk back over `limit` buckets.
        std::size_t buckets = 0;
        std::size_t i = end;
        std::int64_t current = interval.bucketStart(openMs(end - 1));
        buckets = 1;
        while (i > 0) {
            const std::int64_t bucket = interval.bucketStart(openMs(i - 1));
            if (bucket != current) {
                if (buckets == limit)
                    break;
                current = bucket;
                ++buckets;
            }
            --i;
        }
        begin = i;
    }
    std::size_t i = begin;
    while (i < end && out.size() < limit) {
        const std::int64_t bucket = interval.bucketStart(openMs(i));
        const std::int64_t next = interval.nextBucket(bucket);
        std::size_t j = i;
        while (j < end && openMs(j) < next)
            ++j;
        out.push_back(makeKline(symbolIndex, bucket, next - 1, i, j));
        i = j;
    }
    return out;
}

ExchangeMarket::Stats ExchangeMarket::stats24h(std::size_t symbolIndex) const {
    Stats s;
    const auto bars = m_market->minuteBars(symbolIndex);
    const Instrument& instrument = m_symbols[symbolIndex].spec.instrument;
    const std::int64_t nowMs = msOf(now());
    s.closeTimeMs = nowMs;
    s.openTimeMs = nowMs - 24 * 60 * 60 * 1000;
    s.lastPrice = lastPrice(symbolIndex).decimal();
    const auto& tape = m_tapes[symbolIndex];
    if (!tape.empty()) {
        s.lastQty = tape.back().quantity.decimal();
        s.lastId = tape.back().id;
    }
    std::size_t from = static_cast<std::size_t>(
        std::lower_bound(bars.begin(), bars.end(), s.openTimeMs,
                         [](const auto& bar, std::int64_t t) { return msOf(bar.openTime) < t; }) -
        bars.begin());
    if (from >= bars.size()) {
        s.openPrice = s.highPrice = s.lowPrice = s.prevClosePrice = s.lastPrice;
        return s;
    }
    const Kline k = makeKline(symbolIndex, s.openTimeMs, nowMs, from, bars.size());
    s.openPrice = k.open;
    s.highPrice = k.high;
    s.lowPrice = k.low;
    s.volume = k.volume;
    s.quoteVolume = k.quoteVolume;
    s.count = k.trades;
    s.prevClosePrice =
        from > 0 ? Decimal::fromRaw(bars[from - 1].close, instrument.pricePrecision) : k.open;
    s.weightedAvgPrice = k.volume.isZero()
                             ? s.lastPrice
                             : fromDouble(k.quoteVolume.toDouble() / k.volume.toDouble());
    if (s.lastId >= 0)
        s.firstId = std::max<std::int64_t>(kFirstTradeId, s.lastId - s.count + 1);
    return s;
}

Decimal ExchangeMarket::averagePrice(std::size_t symbolIndex, int minutes) const {
    const auto bars = m_market->minuteBars(symbolIndex);
    const Instrument& instrument = m_symbols[symbolIndex].spec.instrument;
    const std::size_t count = std::min<std::size_t>(bars.size(), static_cast<std::size_t>(minutes));
    if (count == 0)
        return lastPrice(symbolIndex).decimal();
    const Kline k = makeKline(symbolIndex, 0, 0, bars.size() - count, bars.size());
    if (k.volume.isZero())
        return lastPrice(symbolIndex).decimal();
    const double average = k.quoteVolume.toDouble() / k.volume.toDouble();
    return Decimal::fromDouble(average, instrument.pricePrecision + 2)
        .valueOr(lastPrice(symbolIndex).decimal());
}

} // namespace cw::exchangesim
