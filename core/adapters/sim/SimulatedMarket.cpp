// SPDX-License-Identifier: MIT
#include "core/adapters/sim/SimulatedMarket.hpp"

#include "core/engine/BarAggregator.hpp"
#include "core/risk/SplitMix64.hpp"

#include <algorithm>
#include <chrono>

namespace cw::adapters::sim {

namespace {

/// FNV-1a: a stable hash of the symbol, so each instrument's random stream depends only on
/// the seed and its own symbol (adding an instrument does not change the others).
std::uint64_t symbolHash(std::string_view symbol) {
    std::uint64_t hash = 0xcbf29ce484222325ULL;
    for (const char c : symbol) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 0x100000001b3ULL;
    }
    return hash;
}

TimestampNs floorToMinute(TimestampNs time) {
    return time - ((time % kNsPerMinute) + kNsPerMinute) % kNsPerMinute;
}

TimestampNs wallClockNow() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

} // namespace

Result<SimulatedMarket> SimulatedMarket::create(const SimulationConfig& config) {
    if (auto valid = config.validate(); !valid)
        return valid.error();
    SimulatedMarket market;
    market.m_startTime = config.startTime != 0 ? config.startTime : wallClockNow();
    market.m_liveStart = floorToMinute(market.m_startTime);
    market.m_now = market.m_liveStart;
    const TimestampNs historyStart = market.m_liveStart - config.historyDays * kNsPerDay;
    market.m_processes.reserve(config.instruments.size());
    for (const SimulatedInstrumentSpec& spec : config.instruments) {
        auto key = InstrumentKey::of(spec.instrument);
        if (!key)
            return key.error();
        risk::SplitMix64 mixer(config.seed ^ symbolHash(spec.instrument.symbol));
        market.m_instruments.push_back(spec.instrument);
        PriceProcess& process = market.m_processes.emplace_back(spec, *key, mixer.next());
        process.generateHistory(historyStart, market.m_liveStart);
        process.startLive(market.m_liveStart);
    }
    market.m_streams.resize(market.m_processes.size());
    return market;
}

std::optional<std::size_t> SimulatedMarket::indexOf(std::string_view symbol) const {
    for (std::size_t i = 0; i < m_instruments.size(); ++i)
        if (m_instruments[i].symbol == symbol)
            return i;
    return std::nullopt;
}

void SimulatedMarket::setStreams(std::size_t index, bool trades, bool quotes) {
    CW_ASSERT(index < m_streams.size());
    m_streams[index] = Streams{trades, quotes};
}

void SimulatedMarket::advanceTo(TimestampNs now, std::vector<MarketDataEvent>& out) {
    if (now < m_now)
        return;
    for (;;) {
        std::size_t earliest = m_processes.size();
        TimestampNs earliestTime = now;
        for (std::size_t i = 0; i < m_processes.size(); ++i) {
            const TimestampNs t = m_processes[i].nextEventTime();
            if (t < earliestTime || (t == earliestTime && earliest == m_processes.size())) {
                earliest = i;
                earliestTime = t;
            }
        }
        if (earliest == m_processes.size())
            break;
        m_processes[earliest].step(m_streams[earliest].trades, m_streams[earliest].quotes, out);
    }
    m_now = now;
}

void SimulatedMarket::advanceTo(TimestampNs now, std::vector<MarketDataEvent>& out,
                                const std::function<void(const MarketDataEvent&)>& observer) {
    if (now < m_now)
        return;
    for (;;) {
        std::size_t earliest = m_processes.size();
        TimestampNs earliestTime = now;
        for (std::size_t i = 0; i < m_processes.size(); ++i) {
            const TimestampNs t = m_processes[i].nextEventTime();
            if (t < earliestTime || (t == earliestTime && earliest == m_processes.size())) {
                earliest = i;
                earliestTime = t;
            }
        }
        if (earliest == m_processes.size())
            break;
        m_observed.clear();
        m_processes[earliest].step(true, true, m_observed);
        const Streams wanted = m_streams[earliest];
        for (MarketDataEvent& event : m_observed) {
            observer(event);
            const bool isTrade = std::holds_alternative<TradeReceived>(event);
            if (isTrade ? wanted.trades : wanted.quotes)
                out.push_back(std::move(event));
        }
    }
    m_observed.clear();
    m_now = now;
}

void SimulatedMarket::advanceTo(TimestampNs now, IMarketDataSink& sink) {
    m_scratch.clear();
    advanceTo(now, m_scratch);
    for (MarketDataEvent& event : m_scratch)
        sink.post(std::move(event));
    m_scratch.clear();
}

std::span<const MinuteRecord> SimulatedMarket::minuteBars(std::size_t index) const {
    CW_ASSERT(index < m_processes.size());
    return m_processes[index].minuteBars();
}

Bar SimulatedMarket::toBar(std::size_t index, const MinuteRecord& record) const {
    const Instrument& instrument = m_instruments[index];
    const int pp = instrument.pricePrecision;
    Bar bar;
    bar.openTime = record.openTime;
    bar.timeframe = Timeframe::minutes(1);
    bar.open = Price::fromRaw(record.open, pp);
    bar.high = Price::fromRaw(record.high, pp);
    bar.low = Price::fromRaw(record.low, pp);
    bar.close = Price::fromRaw(record.close, pp);
    bar.volume = Quantity::fromRaw(record.volume, instrument.quantityPrecision);
    bar.tradeCount = record.tradeCount;
    return bar;
}

Result<SimulatedMarket::BarPage> SimulatedMarket::barsBefore(std::size_t index,
                                                             const Timeframe& timeframe,
                                                             TimestampNs endTime,
                                                             std::size_t limit) const {
    CW_ASSERT(index < m_processes.size());
    if (!timeframe.isValid())
        return fail(ErrorCode::InvalidArgument, "invalid timeframe");
    const Timeframe minute = Timeframe::minutes(1);
    if (timeframe != minute && !minute.nestsWithin(timeframe))
        return fail(ErrorCode::Unsupported, "the simulated exchange has no bars shorter than 1m (" +
                                                timeframe.toString() + ")");
    if (limit < 1)
        return fail(ErrorCode::InvalidArgument, "limit must be at least 1");

    const std::span<const MinuteRecord> records = minuteBars(index);
    BarPage page;
    if (records.empty())
        return page;

    // Minute bars belong to the answer when their target bucket opens before endTime.
    std::size_t endIndex = records.size();
    const TimestampNs newest = records.back().openTime;
    if (endTime <= records.front().openTime)
        return page;
    if (endTime <= newest) {
        const TimestampNs bucket = timeframe.bucketStart(endTime);
        const TimestampNs cutoff = bucket == endTime ? endTime : timeframe.nextBucketStart(endTime);
        endIndex = static_cast<std::size_t>(
            std::lower_bound(records.begin(), records.end(), cutoff,
                             [](const MinuteRecord& r, TimestampNs t) { return r.openTime < t; }) -
            records.begin());
    }

    std::size_t begin = endIndex;
    if (timeframe == minute) {
        begin = endIndex > limit ? endIndex - limit : 0;
    } else {
        std::size_t buckets = 0;
        TimestampNs current = 0;
        while (begin > 0) {
            const TimestampNs b = timeframe.bucketStart(records[begin - 1].openTime);
            if (buckets == 0 || b != current) {
                if (buckets == limit)
                    break;
                ++buckets;
                current = b;
            }
            --begin;
        }
    }
    page.hasOlder = begin > 0;

    std::vector<Bar> minuteBarsInRange;
    minuteBarsInRange.reserve(endIndex - begin);
    for (std::size_t i = begin; i < endIndex; ++i)
        minuteBarsInRange.push_back(toBar(index, records[i]));
    if (timeframe == minute) {
        page.bars = std::move(minuteBarsInRange);
        return page;
    }
    auto resampled = engine::BarAggregator::resample(minuteBarsInRange, timeframe);
    if (!resampled)
        return resampled.error();
    page.bars = std::move(*resampled);
    return page;
}

Price SimulatedMarket::lastTradePrice(std::size_t index) const {
    CW_ASSERT(index < m_processes.size());
    return Price::fromRaw(m_processes[index].lastTradeRaw(), m_instruments[index].pricePrecision);
}

} // namespace cw::adapters::sim
