// SPDX-License-Identifier: MIT
#include "core/adapters/sim/PriceProcess.hpp"

#include <algorithm>
#include <cmath>

namespace cw::adapters::sim {

namespace {

/// Quote-only book updates per trade: the book changes about as often as it trades.
constexpr double kQuotesPerTrade = 1.0;
/// A closed period moves the price by this fraction of the variance it would have had open.
constexpr double kGapVarianceFraction = 0.25;
/// Longest closed period (in minutes) that counts towards a gap.
constexpr double kMaxGapMinutes = 3.0 * 1440.0;
/// Bounds of the GARCH variance, as multiples of its long-run level.
constexpr double kMinVarianceRatio = 0.05;
constexpr double kMaxVarianceRatio = 20.0;
/// A quote's displayed size, in median trade sizes.
constexpr double kQuoteSizeInTrades = 5.0;

std::int64_t rawAt(const Decimal& value, int precision) {
    auto rescaled = value.rescaled(precision);
    CW_ASSERT(rescaled.hasValue());
    return rescaled->raw();
}

} // namespace

PriceProcess::PriceProcess(const SimulatedInstrumentSpec& spec, const InstrumentKey& key,
                           std::uint64_t seed)
    : m_spec(spec), m_key(key), m_schedule(spec.session), m_rng(seed) {
    const Instrument& instrument = m_spec.instrument;
    m_tick = instrument.tickSize.toDouble();
    m_tickRaw = rawAt(instrument.tickSize.decimal(), instrument.pricePrecision);
    m_lot = instrument.lotSize.toDouble();
    m_lotRaw = rawAt(instrument.lotSize.decimal(), instrument.quantityPrecision);
    m_baseVariance =
        spec.dailyVolatility * spec.dailyVolatility / m_schedule.minutesPerTradingDay();
    m_jumpProbability = -std::expm1(-spec.jumpsPerDay / 1440.0);
    m_logMid = std::log(spec.initialPrice);
    m_variance = m_baseVariance;
    m_lastTradeRaw =
        std::max<std::int64_t>(1, std::llround(spec.initialPrice / m_tick)) * m_tickRaw;
}

void PriceProcess::generateHistory(TimestampNs from, TimestampNs to) {
    CW_ASSERT(!m_live);
    const TimestampNs first = from - ((from % kNsPerMinute) + kNsPerMinute) % kNsPerMinute;
    const TimestampNs last = to - ((to % kNsPerMinute) + kNsPerMinute) % kNsPerMinute;
    if (last > first)
        m_bars.reserve(m_bars.size() + static_cast<std::size_t>((last - first) / kNsPerMinute) +
                       2 * 1440);
    for (TimestampNs minute = first; minute < last; minute += kNsPerMinute) {
        beginMinute(minute);
        if (m_activity > 0.0)
            generateHistoryMinute();
        endMinute();
    }
}

void PriceProcess::startLive(TimestampNs start) {
    CW_ASSERT(!m_live);
    m_live = true;
    beginMinute(start);
    m_clock = start;
    m_nextBook = drawNextBook(start);
    scheduleNext();
}

void PriceProcess::beginMinute(TimestampNs minute) {
    m_minute = minute;
    m_activity = m_schedule.activity(minute);
    m_jumpSize = 0.0;
    m_jumpTime = kNever;
    if (m_activity <= 0.0) {
        ++m_closedMinutes;
        return;
    }
    if (m_closedMinutes > 0) {
        // Reopening: news from the closed period arrives at once.
        const double gapMinutes =
            std::min<double>(static_cast<double>(m_closedMinutes), kMaxGapMinutes);
        m_logMid += std::sqrt(kGapVarianceFraction * m_baseVariance * gapMinutes) * normal();
        m_closedMinutes = 0;
    }
    m_minuteStartLog = m_logMid;
    if (m_rng.uniform() < m_jumpProbability) {
        m_jumpSize = m_spec.jumpSizeSd * normal();
        m_jumpTime = minute + static_cast<TimestampNs>(m_rng.uniform() * kNsPerMinute);
    }
    m_bars.push_back(
        MinuteRecord{minute, m_lastTradeRaw, m_lastTradeRaw, m_lastTradeRaw, m_lastTradeRaw, 0, 0});
}

void PriceProcess::endMinute() {
    if (m_activity <= 0.0)
        return;
    // GARCH(1,1) on the deseasonalised diffusion return of the minute (jumps excluded).
    const double r = m_logMid - m_minuteStartLog - m_jumpSize;
    const double shock = r * r / m_activity;
    const double omega = m_baseVariance * (1.0 - m_spec.garchAlpha - m_spec.garchBeta);
    const double next = omega + m_spec.garchAlpha * shock + m_spec.garchBeta * m_variance;
    m_variance =
        std::clamp(next, kMinVarianceRatio * m_baseVariance, kMaxVarianceRatio * m_baseVariance);
}

double PriceProcess::volatilityRatio() const {
    return std::sqrt(m_variance / m_baseVariance);
}

std::int64_t PriceProcess::spreadTicks() const {
    const double widened = m_spec.spreadTicks * std::clamp(volatilityRatio(), 0.5, 4.0);
    return std::max<std::int64_t>(1, std::llround(widened));
}

std::int64_t PriceProcess::bidTicksAt(double logMid, std::int64_t spread) const {
    const double midTicks = std::exp(logMid) / m_tick;
    return std::max<std::int64_t>(1, std::llround(midTicks - 0.5 * static_cast<double>(spread)));
}

std::int64_t PriceProcess::sizeLots(double medianSize) {
    const double size = medianSize * std::exp(m_spec.tradeSizeSigma * normal());
    return std::max<std::int64_t>(1, std::llround(size / m_lot));
}

std::int64_t PriceProcess::poisson(double mean) {
    if (mean <= 0.0)
        return 0;
    if (mean < 30.0) {
        const double limit = std::exp(-mean);
        std::int64_t count = 0;
        double product = m_rng.uniformPositive();
        while (product > limit) {
            ++count;
            product *= m_rng.uniformPositive();
        }
        return count;
    }
    return std::max<std::int64_t>(0, std::llround(mean + std::sqrt(mean) * normal()));
}

double PriceProcess::tradeRatePerMinute() const {
    return m_spec.tradesPerSecond * 60.0 * m_activity * std::clamp(volatilityRatio(), 0.5, 3.0);
}

void PriceProcess::generateHistoryMinute() {
    const double s = std::sqrt(m_variance * m_activity);
    const double x0 = m_logMid;
    const double x1 = x0 + s * normal() + m_jumpSize;
    if (m_jumpSize != 0.0)
        ++m_jumpCount;
    const std::int64_t trades = poisson(tradeRatePerMinute());
    const std::int64_t spread = spreadTicks();
    auto tradeAt = [&](double logMid) {
        const std::int64_t bid = bidTicksAt(logMid, spread);
        const bool buy = m_rng.uniform() < 0.5;
        return (buy ? bid + spread : bid) * m_tickRaw;
    };
    MinuteRecord& bar = m_bars.back();
    if (trades > 0) {
        const std::int64_t close = tradeAt(x1);
        const std::int64_t open = trades == 1 ? close : tradeAt(x0);
        std::int64_t high = std::max(open, close);
        std::int64_t low = std::min(open, close);
        if (trades >= 3) {
            // Extremes of a Brownian bridge from x0 to x1 with variance s^2 over the minute.
            const double d = x1 - x0;
            const double up = std::sqrt(d * d - 2.0 * s * s * std::log(m_rng.uniformPositive()));
            const double down = std::sqrt(d * d - 2.0 * s * s * std::log(m_rng.uniformPositive()));
            const double maxLog = 0.5 * (x0 + x1 + up);
            const double minLog = 0.5 * (x0 + x1 - down);
            high = std::max(high, (bidTicksAt(maxLog, spread) + spread) * m_tickRaw);
            low = std::min(low, bidTicksAt(minLog, spread) * m_tickRaw);
        }
        // The sum of `trades` log-normal sizes, by its mean and standard deviation.
        const double sigma2 = m_spec.tradeSizeSigma * m_spec.tradeSizeSigma;
        const double meanLots = m_spec.medianTradeSize * std::exp(0.5 * sigma2) / m_lot;
        const double sdLots = meanLots * std::sqrt(std::expm1(sigma2));
        const double n = static_cast<double>(trades);
        const std::int64_t lots = std::max<std::int64_t>(
            trades, std::llround(n * meanLots + std::sqrt(n) * sdLots * normal()));
        bar.open = open;
        bar.high = high;
        bar.low = low;
        bar.close = close;
        bar.volume = lots * m_lotRaw;
        bar.tradeCount = trades;
        m_lastTradeRaw = close;
        m_nextTradeId += trades;
    }
    m_logMid = x1;
}

TimestampNs PriceProcess::drawNextBook(TimestampNs from) {
    if (m_activity <= 0.0)
        return kNever;
    const double ratePerNs = tradeRatePerMinute() * (1.0 + kQuotesPerTrade) / kNsPerMinute;
    const double waitNs = -std::log(m_rng.uniformPositive()) / ratePerNs;
    const TimestampNs minuteEnd = m_minute + kNsPerMinute;
    if (!(waitNs < static_cast<double>(minuteEnd - from)))
        return kNever; // memoryless: the next minute draws afresh at its own rate
    return from + std::max<TimestampNs>(1, static_cast<TimestampNs>(waitNs));
}

void PriceProcess::scheduleNext() {
    const TimestampNs minuteEnd = m_minute + kNsPerMinute;
    m_next = Next::MinuteEnd;
    m_nextEventTime = minuteEnd;
    if (m_nextBook < m_nextEventTime) {
        m_next = Next::Book;
        m_nextEventTime = m_nextBook;
    }
    if (m_jumpTime <= m_nextEventTime && m_jumpTime < minuteEnd) {
        m_next = Next::Jump;
        m_nextEventTime = m_jumpTime;
    }
}

void PriceProcess::diffuseTo(TimestampNs time) {
    if (time <= m_clock)
        return;
    if (m_activity > 0.0) {
        const double minutes = static_cast<double>(time - m_clock) / kNsPerMinute;
        m_logMid += std::sqrt(m_variance * m_activity * minutes) * normal();
    }
    m_clock = time;
}

void PriceProcess::step(bool emitTrades, bool emitQuotes, std::vector<MarketDataEvent>& out) {
    CW_ASSERT(m_live);
    switch (m_next) {
    case Next::MinuteEnd: {
        const TimestampNs minuteEnd = m_minute + kNsPerMinute;
        diffuseTo(minuteEnd);
        endMinute();
        beginMinute(minuteEnd);
        m_nextBook = drawNextBook(minuteEnd);
        break;
    }
    case Next::Jump:
        diffuseTo(m_jumpTime);
        m_logMid += m_jumpSize;
        ++m_jumpCount;
        m_jumpTime = kNever;
        break;
    case Next::Book: {
        const TimestampNs time = m_nextBook;
        diffuseTo(time);
        bookEvent(time, emitTrades, emitQuotes, out);
        m_nextBook = drawNextBook(time);
        break;
    }
    case Next::Invalid:
        CW_ASSERT(false);
        break;
    }
    scheduleNext();
}

void PriceProcess::bookEvent(TimestampNs time, bool emitTrades, bool emitQuotes,
                             std::vector<MarketDataEvent>& out) {
    // Every random draw happens whether or not the event is wanted, so switching streams
    // never changes the path.
    const bool isTrade = m_rng.uniform() < 1.0 / (1.0 + kQuotesPerTrade);
    const std::int64_t spread = spreadTicks();
    const std::int64_t bid = bidTicksAt(m_logMid, spread);
    const std::int64_t ask = bid + spread;
    const int pricePrecision = m_spec.instrument.pricePrecision;
    const int quantityPrecision = m_spec.instrument.quantityPrecision;
    if (bid != m_bidTicks || ask != m_askTicks) {
        m_bidTicks = bid;
        m_askTicks = ask;
        const double quoteMedian = kQuoteSizeInTrades * m_spec.medianTradeSize;
        const std::int64_t bidLots = sizeLots(quoteMedian);
        const std::int64_t askLots = sizeLots(quoteMedian);
        if (emitQuotes) {
            Quote quote;
            quote.time = time;
            quote.bidPrice = Price::fromRaw(bid * m_tickRaw, pricePrecision);
            quote.bidSize = Quantity::fromRaw(bidLots * m_lotRaw, quantityPrecision);
            quote.askPrice = Price::fromRaw(ask * m_tickRaw, pricePrecision);
            quote.askSize = Quantity::fromRaw(askLots * m_lotRaw, quantityPrecision);
            out.emplace_back(QuoteReceived{m_key, quote, time});
        }
    }
    if (!isTrade)
        return;
    const bool buy = m_rng.uniform() < 0.5;
    const std::int64_t priceRaw = (buy ? ask : bid) * m_tickRaw;
    const std::int64_t sizeRaw = sizeLots(m_spec.medianTradeSize) * m_lotRaw;
    recordTrade(priceRaw, sizeRaw);
    const std::int64_t tradeId = m_nextTradeId++;
    if (emitTrades) {
        Tick tick;
        tick.time = time;
        tick.price = Price::fromRaw(priceRaw, pricePrecision);
        tick.size = Quantity::fromRaw(sizeRaw, quantityPrecision);
        tick.aggressor = buy ? Side::Buy : Side::Sell;
        tick.tradeId = tradeId;
        out.emplace_back(TradeReceived{m_key, tick, time});
    }
}

void PriceProcess::recordTrade(std::int64_t priceRaw, std::int64_t sizeRaw) {
    MinuteRecord& bar = m_bars.back();
    if (bar.tradeCount == 0) {
        bar.open = bar.high = bar.low = bar.close = priceRaw;
    } else {
        bar.high = std::max(bar.high, priceRaw);
        bar.low = std::min(bar.low, priceRaw);
        bar.close = priceRaw;
    }
    bar.volume += sizeRaw;
    ++bar.tradeCount;
    m_lastTradeRaw = priceRaw;
}

} // namespace cw::adapters::sim
