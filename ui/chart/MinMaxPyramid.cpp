// SPDX-License-Identifier: MIT
#include "ui/chart/MinMaxPyramid.hpp"

#include "core/common/Assert.hpp"

#include <algorithm>
#include <atomic>
#include <utility>

namespace cw::ui {

namespace {

MinMax scan(std::span<const double> lows, std::span<const double> highs, std::size_t first,
            std::size_t end) {
    MinMax r;
    if (lows.data() == highs.data()) {
        // One column (a line, volumes): one load per value.
        for (std::size_t i = first; i < end; ++i)
            r.include(lows[i]);
        return r;
    }
    for (std::size_t i = first; i < end; ++i)
        r.include(lows[i], highs[i]);
    return r;
}

/// Generations are unique across all pyramids of the process (0 means "none"), so a stamp can
/// never match a pyramid it was not taken from, even one that reuses the same address.
std::uint64_t nextGeneration() {
    static std::atomic<std::uint64_t> counter{0};
    return counter.fetch_add(1, std::memory_order_relaxed) + 1;
}

} // namespace

MinMaxPyramid::MinMaxPyramid(const MinMaxPyramid& other)
    : m_size(other.m_size), m_generation(nextGeneration()), m_levels(other.m_levels) {}

MinMaxPyramid& MinMaxPyramid::operator=(const MinMaxPyramid& other) {
    if (this != &other) {
        m_levels = other.m_levels;
        m_size = other.m_size;
        m_generation = nextGeneration();
        m_updates = 0;
    }
    return *this;
}

MinMaxPyramid::MinMaxPyramid(MinMaxPyramid&& other) noexcept
    : m_size(std::exchange(other.m_size, 0)), m_generation(std::exchange(other.m_generation, 0)),
      m_updates(std::exchange(other.m_updates, 0)), m_levels(std::move(other.m_levels)) {
    other.m_levels.clear();
}

MinMaxPyramid& MinMaxPyramid::operator=(MinMaxPyramid&& other) noexcept {
    if (this != &other) {
        m_levels = std::move(other.m_levels);
        other.m_levels.clear();
        m_size = std::exchange(other.m_size, 0);
        m_generation = std::exchange(other.m_generation, 0);
        m_updates = std::exchange(other.m_updates, 0);
    }
    return *this;
}

void MinMaxPyramid::clear() {
    m_size = 0;
    m_levels.clear();
    m_generation = nextGeneration();
    m_updates = 0;
}

std::size_t MinMaxPyramid::unchangedPrefix(const Stamp& since) const {
    if (since.generation != m_generation || since.generation == 0 || since.size > m_size)
        return 0;
    if (since.updates == m_updates)
        return m_size;
    return since.size == 0 ? 0 : since.size - 1;
}

void MinMaxPyramid::rebuild(std::span<const double> lows, std::span<const double> highs) {
    clear();
    recomputeFrom(lows, highs, 0);
}

void MinMaxPyramid::update(std::span<const double> lows, std::span<const double> highs) {
    CW_ASSERT(lows.size() == highs.size());
    if (lows.size() < m_size) {
        rebuild(lows, highs);
        return;
    }
    if (m_generation == 0)
        m_generation = nextGeneration();
    ++m_updates;
    recomputeFrom(lows, highs, m_size == 0 ? 0 : m_size - 1);
}

void MinMaxPyramid::recomputeFrom(std::span<const double> lows, std::span<const double> highs,
                                  std::size_t firstValue) {
    CW_ASSERT(lows.size() == highs.size());
    const std::size_t n = lows.size();
    m_size = n;
    if (n == 0) {
        m_levels.clear();
        return;
    }
    // Base level: blocks of kBaseBlock source values; the last one may be partial.
    std::size_t count = (n + kBaseBlock - 1) >> kBaseShift;
    std::size_t from = firstValue >> kBaseShift;
    if (m_levels.empty())
        m_levels.emplace_back();
    m_levels[0].resize(count);
    for (std::size_t j = from; j < count; ++j)
        m_levels[0][j] = scan(lows, highs, j << kBaseShift, std::min(n, (j + 1) << kBaseShift));

    // Upper levels: each block combines two blocks of the level below.
    std::size_t level = 0;
    while (count > 1) {
        const std::size_t below = count;
        count = (count + 1) / 2;
        from /= 2;
        ++level;
        if (m_levels.size() <= level)
            m_levels.emplace_back();
        auto& dst = m_levels[level];
        const auto& src = m_levels[level - 1];
        dst.resize(count);
        for (std::size_t j = from; j < count; ++j) {
            MinMax m = src[2 * j];
            if (2 * j + 1 < below)
                m.include(src[2 * j + 1]);
            dst[j] = m;
        }
    }
    m_levels.resize(level + 1);
}

void MinMaxPyramid::prefetch(std::span<const double> lows, std::span<const double> highs,
                             std::size_t index) const {
    if (index >= m_size || lows.size() < m_size || highs.size() < m_size)
        return;
    const std::size_t before = index > 0 ? index - 1 : 0;
    const std::size_t after = std::min(index + kBaseBlock - 1, m_size - 1);
    for (const double* column : {lows.data(), highs.data()}) {
        __builtin_prefetch(column + before);
        __builtin_prefetch(column + index);
        __builtin_prefetch(column + after);
        if (highs.data() == lows.data())
            break;
    }
    std::size_t block = index >> kBaseShift;
    for (std::size_t level = 0; level < m_levels.size() && level < 6; ++level, block >>= 1) {
        if (block < m_levels[level].size())
            __builtin_prefetch(m_levels[level].data() + block);
    }
}

MinMax MinMaxPyramid::query(std::span<const double> lows, std::span<const double> highs,
                            std::size_t first, std::size_t end) const {
    end = std::min(end, m_size);
    if (first >= end)
        return {};
    CW_ASSERT(lows.size() >= m_size && highs.size() >= m_size);
    // Whole base blocks [blockFirst, blockEnd); loose values on both sides come from the source.
    std::size_t blockFirst = (first + kBaseBlock - 1) >> kBaseShift;
    std::size_t blockEnd = end >> kBaseShift;
    if (blockFirst >= blockEnd)
        return scan(lows, highs, first, end);

    MinMax r = scan(lows, highs, first, blockFirst << kBaseShift);
    r.include(scan(lows, highs, blockEnd << kBaseShift, end));
    // Bottom-up walk: at each level take the odd block at either end, then climb.
    for (std::size_t level = 0; blockFirst < blockEnd; ++level) {
        const auto& blocks = m_levels[level];
        if (blockFirst & 1)
            r.include(blocks[blockFirst++]);
        if (blockEnd & 1)
            r.include(blocks[--blockEnd]);
        blockFirst >>= 1;
        blockEnd >>= 1;
    }
    return r;
}

} // namespace cw::ui
