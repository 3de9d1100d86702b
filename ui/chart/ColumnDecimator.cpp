// SPDX-License-Identifier: MIT
#include "ui/chart/ColumnDecimator.hpp"

#include "core/common/Assert.hpp"

#include <algorithm>
#include <cmath>

namespace cw::ui {

std::span<const ColumnDecimator::Column>
ColumnDecimator::partition(const TimeScale& scale, std::size_t first, std::size_t end) {
    end = std::min(end, scale.barCount());
    const PartitionKey key{scale.width(), scale.barSpacing(), scale.rightIndex(), first, end};
    if (key == m_key)
        return m_columns;
    m_key = key;
    ++m_partitionRevision;
    m_columns.clear();
    std::size_t a = first;
    while (a < end) {
        const int x = scale.columnOf(a);
        // First bar whose centre is at or right of x + 1, estimated by the inverse mapping...
        const double guess = std::ceil(scale.indexAt(static_cast<double>(x) + 1.0));
        std::size_t b = guess <= static_cast<double>(a)     ? a + 1
                        : guess >= static_cast<double>(end) ? end
                                                            : static_cast<std::size_t>(guess);
        // ...then corrected so that it agrees with columnOf bar by bar.
        while (b < end && scale.columnOf(b) <= x)
            ++b;
        while (b > a + 1 && scale.columnOf(b - 1) > x)
            --b;
        m_columns.push_back({x, a, b});
        a = b;
    }
    m_bounds.clear();
    for (const Column& c : m_columns)
        m_bounds.push_back(c.firstBar);
    if (!m_columns.empty())
        m_bounds.push_back(m_columns.back().endBar);
    return m_columns;
}

void ColumnDecimator::invalidate() {
    m_key = PartitionKey{};
    m_columns.clear();
    m_bounds.clear();
    ++m_partitionRevision;
    for (CacheEntry& e : m_entries)
        e.pyramid = nullptr;
}

ColumnDecimator::CacheEntry& ColumnDecimator::entryFor(const MinMaxPyramid& pyramid) {
    ++m_useClock;
    CacheEntry* oldest = nullptr;
    for (CacheEntry& e : m_entries) {
        if (e.pyramid == &pyramid) {
            e.lastUse = m_useClock;
            return e;
        }
        if (!oldest || e.lastUse < oldest->lastUse)
            oldest = &e;
    }
    // A pyramid not seen yet: a fresh slot, or the least recently used one when full. Its
    // stamp stays default, so everything is queried.
    CacheEntry* e = oldest;
    if (m_entries.size() < kMaxEntries)
        e = &m_entries.emplace_back();
    e->pyramid = &pyramid;
    e->stamp = {};
    e->partitionRevision = 0;
    e->lastUse = m_useClock;
    return *e;
}

std::span<const ColumnDecimator::Summary>
ColumnDecimator::summarize(const MinMaxPyramid& pyramid, std::span<const double> lows,
                           std::span<const double> highs, std::span<const double> opens,
                           std::span<const double> closes) {
    const std::size_t size = pyramid.size();
    CW_ASSERT(opens.size() >= size && closes.size() >= size);
    CacheEntry& entry = entryFor(pyramid);
    const std::size_t n = m_columns.size();

    // Columns [from, n) are queried; those before are still exact.
    std::size_t from = 0;
    if (entry.partitionRevision == m_partitionRevision && entry.summaries.size() == n &&
        entry.opens == opens.data() && entry.closes == closes.data()) {
        const std::size_t unchanged = pyramid.unchangedPrefix(entry.stamp);
        const auto firstChanged =
            std::partition_point(m_columns.begin(), m_columns.end(),
                                 [&](const Column& c) { return c.endBar <= unchanged; });
        from = static_cast<std::size_t>(firstChanged - m_columns.begin());
    }
    entry.summaries.resize(n);
    entry.partitionRevision = m_partitionRevision;
    entry.stamp = pyramid.stamp();
    entry.opens = opens.data();
    entry.closes = closes.data();
    m_queriedColumns += n - from;

    if (from == n)
        return entry.summaries;
    // The ranges in one pass over the pyramid (it prefetches ahead), then the colour / end-point
    // values, a separate pair of arrays for a bar series: fetched a few columns ahead too.
    m_ranges.resize(n - from);
    pyramid.queryRuns(lows, highs, std::span(m_bounds).subspan(from, n - from + 1), m_ranges);
    constexpr std::size_t kAhead = 16;
    for (std::size_t i = from; i < n; ++i) {
        const Column& c = m_columns[i];
        if (i + kAhead < n && m_columns[i + kAhead].endBar <= size) {
            __builtin_prefetch(opens.data() + m_columns[i + kAhead].firstBar);
            __builtin_prefetch(closes.data() + m_columns[i + kAhead].endBar - 1);
        }
        Summary& s = entry.summaries[i];
        s.range = m_ranges[i - from];
        s.open = c.firstBar < size ? opens[c.firstBar] : Summary{}.open;
        s.close = c.endBar <= size ? closes[c.endBar - 1] : Summary{}.close;
    }
    return entry.summaries;
}

} // namespace cw::ui
