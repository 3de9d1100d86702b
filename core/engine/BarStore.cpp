// SPDX-License-Identifier: MIT
#include "core/engine/BarStore.hpp"

#include "core/common/Assert.hpp"

#include <algorithm>
#include <array>
#include <limits>
#include <string>

namespace cw::engine {

namespace {

std::int64_t pow10(int exponent) {
    std::int64_t value = 1;
    for (int i = 0; i < exponent; ++i)
        value *= 10;
    return value;
}

/// `value`'s raw integer at `precision` (>= its own); Overflow when it does not fit.
template <class T>
Result<std::int64_t> rawAt(const T& value, int precision) {
    auto rescaled = value.rescaled(precision);
    if (!rescaled)
        return std::move(rescaled).error();
    return rescaled->raw();
}

} // namespace

BarStore::BarStore(Timeframe timeframe) : m_timeframe(timeframe) {
    CW_ASSERT(Timeframe::minutes(1).nestsWithin(m_timeframe));
}

Result<BarStore::Precisions> BarStore::check(std::span<const Bar> bars,
                                             std::optional<TimestampNs> after,
                                             std::optional<TimestampNs> before) const {
    Precisions needed{empty() ? 0 : m_pricePrecision, empty() ? 0 : m_volumePrecision};
    // Every TimestampNs is within +/- 1.6e8 minutes of 1970: whole minutes always fit int32.
    static_assert(std::numeric_limits<TimestampNs>::max() / kNsPerMinute <
                  std::numeric_limits<std::int32_t>::max());
    for (std::size_t i = 0; i < bars.size(); ++i) {
        const Bar& bar = bars[i];
        const auto which = [i] { return "bar " + std::to_string(i); };
        if (bar.timeframe != m_timeframe)
            return fail(ErrorCode::InvalidArgument, which() + " is " + bar.timeframe.toString() +
                                                        ", the store holds " +
                                                        m_timeframe.toString());
        if (m_timeframe.bucketStart(bar.openTime) != bar.openTime ||
            bar.openTime % kNsPerMinute != 0)
            return fail(ErrorCode::InvalidArgument, which() + " does not open on a bucket start");
        const bool ordered =
            i == 0 ? !after || bar.openTime > *after : bar.openTime > bars[i - 1].openTime;
        if (!ordered || (before && bar.openTime >= *before))
            return fail(ErrorCode::InvalidArgument, which() + " is out of order");
        needed.price = std::max({needed.price, bar.open.precision(), bar.high.precision(),
                                 bar.low.precision(), bar.close.precision()});
        needed.volume = std::max(needed.volume, bar.volume.precision());
    }
    return needed;
}

Result<void> BarStore::raisePrecision(const Precisions& wanted) {
    if (empty()) {
        m_pricePrecision = wanted.price;
        m_volumePrecision = wanted.volume;
        return {};
    }
    const std::int64_t priceFactor = pow10(std::max(0, wanted.price - m_pricePrecision));
    const std::int64_t volumeFactor = pow10(std::max(0, wanted.volume - m_volumePrecision));
    if (!m_open.fitsScaled(priceFactor) || !m_high.fitsScaled(priceFactor) ||
        !m_low.fitsScaled(priceFactor) || !m_close.fitsScaled(priceFactor) ||
        !m_volume.fitsScaled(volumeFactor))
        return fail(ErrorCode::Overflow, "the stored bars do not fit 64 bits at " +
                                             std::to_string(wanted.price) + " decimals");
    for (ExactColumn* column : {&m_open, &m_high, &m_low, &m_close})
        (void)column->scale(priceFactor);
    (void)m_volume.scale(volumeFactor);
    m_pricePrecision = std::max(m_pricePrecision, wanted.price);
    m_volumePrecision = std::max(m_volumePrecision, wanted.volume);
    return {};
}

Result<void> BarStore::append(std::span<const Bar> bars) {
    if (bars.empty())
        return {};
    std::optional<TimestampNs> after;
    if (!empty())
        after = openTime(size() - 1);
    auto needed = check(bars, after, std::nullopt);
    if (!needed)
        return std::move(needed).error();
    if (auto raised = raisePrecision(*needed); !raised)
        return raised;
    const std::size_t before = size();
    if (before == 0 && bars.size() > 1) {
        // A first batch (history) gets exactly the room it needs; later bars grow the columns
        // geometrically.
        m_minutes.reserve(before + bars.size());
        for (ExactColumn* column : {&m_open, &m_high, &m_low, &m_close, &m_volume, &m_tradeCount})
            column->reserve(before + bars.size());
    }
    for (const Bar& bar : bars) {
        auto open = rawAt(bar.open, m_pricePrecision);
        auto high = rawAt(bar.high, m_pricePrecision);
        auto low = rawAt(bar.low, m_pricePrecision);
        auto close = rawAt(bar.close, m_pricePrecision);
        auto volume = rawAt(bar.volume, m_volumePrecision);
        if (!open || !high || !low || !close || !volume) {
            truncate(before);
            return fail(ErrorCode::Overflow, "a bar does not fit 64 bits at the store's precision");
        }
        m_minutes.push_back(static_cast<std::int32_t>(bar.openTime / kNsPerMinute));
        m_open.push_back(*open);
        m_high.push_back(*high);
        m_low.push_back(*low);
        m_close.push_back(*close);
        m_volume.push_back(*volume);
        m_tradeCount.push_back(bar.tradeCount);
    }
    return {};
}

Result<void> BarStore::prepend(std::span<const Bar> bars) {
    if (bars.empty())
        return {};
    if (empty())
        return append(bars);
    auto needed = check(bars, std::nullopt, openTime(0));
    if (!needed)
        return std::move(needed).error();
    // Encode at the precisions the store will have, before changing anything.
    const int pricePrecision = std::max(m_pricePrecision, needed->price);
    const int volumePrecision = std::max(m_volumePrecision, needed->volume);
    std::vector<std::int32_t> minutes;
    std::array<std::vector<std::int64_t>, 6> columns;
    for (const Bar& bar : bars) {
        auto open = rawAt(bar.open, pricePrecision);
        auto high = rawAt(bar.high, pricePrecision);
        auto low = rawAt(bar.low, pricePrecision);
        auto close = rawAt(bar.close, pricePrecision);
        auto volume = rawAt(bar.volume, volumePrecision);
        if (!open || !high || !low || !close || !volume)
            return fail(ErrorCode::Overflow, "a bar does not fit 64 bits at the store's precision");
        minutes.push_back(static_cast<std::int32_t>(bar.openTime / kNsPerMinute));
        columns[0].push_back(*open);
        columns[1].push_back(*high);
        columns[2].push_back(*low);
        columns[3].push_back(*close);
        columns[4].push_back(*volume);
        columns[5].push_back(bar.tradeCount);
    }
    if (auto raised = raisePrecision(*needed); !raised)
        return raised;
    m_minutes.insert(m_minutes.begin(), minutes.begin(), minutes.end());
    m_open.prepend(columns[0]);
    m_high.prepend(columns[1]);
    m_low.prepend(columns[2]);
    m_close.prepend(columns[3]);
    m_volume.prepend(columns[4]);
    m_tradeCount.prepend(columns[5]);
    return {};
}

Result<void> BarStore::assign(std::span<const Bar> bars) {
    BarStore fresh(m_timeframe);
    if (auto appended = fresh.append(bars); !appended)
        return appended;
    *this = std::move(fresh);
    return {};
}

void BarStore::truncate(std::size_t count) {
    if (count >= size())
        return;
    m_minutes.resize(count);
    for (ExactColumn* column : {&m_open, &m_high, &m_low, &m_close, &m_volume, &m_tradeCount})
        column->truncate(count);
}

void BarStore::clear() {
    m_minutes.clear();
    for (ExactColumn* column : {&m_open, &m_high, &m_low, &m_close, &m_volume, &m_tradeCount})
        column->clear();
    m_pricePrecision = 0;
    m_volumePrecision = 0;
}

TimestampNs BarStore::openTime(std::size_t i) const {
    CW_ASSERT(i < size());
    return static_cast<TimestampNs>(m_minutes[i]) * kNsPerMinute;
}

Bar BarStore::bar(std::size_t i) const {
    CW_ASSERT(i < size());
    Bar out;
    out.openTime = openTime(i);
    out.timeframe = m_timeframe;
    out.open = Price::fromRaw(m_open[i], m_pricePrecision);
    out.high = Price::fromRaw(m_high[i], m_pricePrecision);
    out.low = Price::fromRaw(m_low[i], m_pricePrecision);
    out.close = Price::fromRaw(m_close[i], m_pricePrecision);
    out.volume = Quantity::fromRaw(m_volume[i], m_volumePrecision);
    out.tradeCount = m_tradeCount[i];
    return out;
}

OhlcvRow BarStore::row(std::size_t i) const {
    CW_ASSERT(i < size());
    // The same division as Decimal::toDouble, so rows equal Bar::toOhlcvRow bit for bit.
    const auto price = [this](std::int64_t raw) {
        return Price::fromRaw(raw, m_pricePrecision).toDouble();
    };
    return {openTime(i),       price(m_open[i]),
            price(m_high[i]),  price(m_low[i]),
            price(m_close[i]), Quantity::fromRaw(m_volume[i], m_volumePrecision).toDouble()};
}

std::size_t BarStore::lowerBound(TimestampNs time) const {
    // Minutes are whole: the first bar at or after `time` opens at or after ceil(time / 1m).
    TimestampNs minute = time / kNsPerMinute;
    if (minute * kNsPerMinute < time)
        ++minute;
    if (minute > std::numeric_limits<std::int32_t>::max())
        return size();
    if (minute < std::numeric_limits<std::int32_t>::min())
        return 0;
    const auto it =
        std::lower_bound(m_minutes.begin(), m_minutes.end(), static_cast<std::int32_t>(minute));
    return static_cast<std::size_t>(it - m_minutes.begin());
}

std::vector<Bar> BarStore::bars(std::size_t first, std::size_t count) const {
    first = std::min(first, size());
    count = std::min(count, size() - first);
    std::vector<Bar> out;
    out.reserve(count);
    for (std::size_t i = first; i < first + count; ++i)
        out.push_back(bar(i));
    return out;
}

BarSeries BarStore::toSeries(std::size_t spareRows) const {
    BarSeries series(size() + spareRows);
    for (std::size_t i = 0; i < size(); ++i)
        series.append(row(i));
    return series;
}

std::size_t BarStore::memoryBytes() const {
    std::size_t bytes = m_minutes.capacity() * sizeof(std::int32_t);
    for (const ExactColumn* column : {&m_open, &m_high, &m_low, &m_close, &m_volume, &m_tradeCount})
        bytes += column->capacityBytes();
    return bytes;
}

void BarStore::shrinkToFit() {
    m_minutes.shrink_to_fit();
    for (ExactColumn* column : {&m_open, &m_high, &m_low, &m_close, &m_volume, &m_tradeCount})
        column->shrinkToFit();
}

} // namespace cw::engine
