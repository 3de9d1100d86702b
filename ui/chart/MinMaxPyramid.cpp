// SPDX-License-Identifier: MIT
#include "ui/chart/MinMaxPyramid.hpp"

#include "core/common/Assert.hpp"

#include <algorithm>
#include <atomic>
#include <limits>
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
    // Base level: blocks of kBaseBlock source values; the last one may be partial. Entries past
    // the end of a level stay empty (they only ever grow into real ones: a shrinking source is
    // rebuilt from scratch).
    std::size_t count = (n + kBaseBlock - 1) >> kBaseShift;
    std::size_t from = firstValue >> kBaseShift;
    if (m_levels.empty())
        m_levels.emplace_back();
    m_levels[0].resize((count + kFanOut - 1) >> kFanShift);
    for (std::size_t j = from; j < count; ++j) {
        m_levels[0][j >> kFanShift].entries[j & (kFanOut - 1)] =
            scan(lows, highs, j << kBaseShift, std::min(n, (j + 1) << kBaseShift));
    }

    // Upper levels: block j combines the kFanOut blocks of node j of the level below.
    std::size_t level = 0;
    while (count > 1) {
        count = (count + kFanOut - 1) >> kFanShift;
        from >>= kFanShift;
        ++level;
        if (m_levels.size() <= level)
            m_levels.emplace_back();
        auto& dst = m_levels[level];
        const auto& src = m_levels[level - 1];
        dst.resize((count + kFanOut - 1) >> kFanShift);
        for (std::size_t j = from; j < count; ++j) {
            MinMax m;
            for (const MinMax& child : src[j].entries)
                m.include(child);
            dst[j >> kFanShift].entries[j & (kFanOut - 1)] = m;
        }
    }
    m_levels.resize(level + 1);
}

void MinMaxPyramid::prefetch(std::span<const double> lows, std::span<const double> highs,
                             std::size_t index) const {
    if (index >= m_size || lows.size() < m_size || highs.size() < m_size)
        return;
    // A range boundary at `index` reads the loose values of its base block (both neighbouring
    // ranges do) and, per level, the node holding the blocks around it.
    const std::size_t base = index & ~(kBaseBlock - 1);
    const std::size_t last = std::min(base + kBaseBlock - 1, m_size - 1);
    for (const double* column : {lows.data(), highs.data()}) {
        __builtin_prefetch(column + base);
        __builtin_prefetch(column + last);
        if (highs.data() == lows.data())
            break;
    }
    // On level k (blocks of S = kBaseBlock * kFanOut^k values) the range ending at `index`
    // reads the node of its last whole block, which holds position index - S, and the range
    // starting there the node of its first whole block, which holds index + S - 1.
    std::size_t blockShift = kBaseShift;
    for (std::size_t level = 0; level < m_levels.size() && level < 4;
         ++level, blockShift += kFanShift) {
        const std::size_t blockSize = std::size_t{1} << blockShift;
        const std::size_t nodeShift = blockShift + kFanShift;
        const std::size_t below = (index >= blockSize ? index - blockSize : 0) >> nodeShift;
        const std::size_t above = (index + blockSize - 1) >> nodeShift;
        const auto& nodes = m_levels[level];
        if (below < nodes.size())
            __builtin_prefetch(nodes.data() + below);
        if (above != below && above < nodes.size())
            __builtin_prefetch(nodes.data() + above);
    }
}

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

/// `r` with `low`/`high` included when `keep`, unchanged otherwise, without a branch: a dropped
/// value is replaced by one that changes no minimum or maximum. Zoomed out, which values of a
/// node or base block a query keeps is different in every column, so branches on it would be
/// mispredicted about half the time. NaN is ignored as by MinMax::include.
inline void includeIf(MinMax& r, double low, double high, bool keep) {
    static constexpr double kLowOrDrop[2] = {kInf, -kInf};
    static constexpr double kHighOrDrop[2] = {-kInf, kInf};
    r.low = std::min(r.low, std::max(low, kLowOrDrop[keep]));
    r.high = std::max(r.high, std::min(high, kHighOrDrop[keep]));
}

/// Whether `index` lies in [first, end) (one unsigned comparison).
inline bool inRange(std::size_t index, std::size_t first, std::size_t end) {
    return index - first < end - first;
}

/// The source values [first, end) of the base block starting at `base`. The whole block is
/// read (at most two cache lines per column) and the values outside masked off, again to spare
/// branches; only the last, partial block of the source is scanned value by value.
void includeLoose(MinMax& r, std::span<const double> lows, std::span<const double> highs,
                  std::size_t base, std::size_t first, std::size_t end, std::size_t size) {
    if (base + MinMaxPyramid::kBaseBlock > size) {
        r.include(scan(lows, highs, first, end));
        return;
    }
    if (lows.data() == highs.data()) {
        for (std::size_t i = base; i < base + MinMaxPyramid::kBaseBlock; ++i)
            includeIf(r, lows[i], lows[i], inRange(i, first, end));
        return;
    }
    for (std::size_t i = base; i < base + MinMaxPyramid::kBaseBlock; ++i)
        includeIf(r, lows[i], highs[i], inRange(i, first, end));
}

} // namespace

MinMax MinMaxPyramid::query(std::span<const double> lows, std::span<const double> highs,
                            std::size_t first, std::size_t end) const {
    end = std::min(end, m_size);
    if (first >= end)
        return {};
    CW_ASSERT(lows.size() >= m_size && highs.size() >= m_size);
    // Whole base blocks [blockFirst, blockEnd); loose values on both sides come from the source.
    const std::size_t blockFirst = (first + kBaseBlock - 1) >> kBaseShift;
    const std::size_t blockEnd = end >> kBaseShift;
    if (blockFirst >= blockEnd)
        return scan(lows, highs, first, end);

    // Bottom-up walk over the whole blocks [f, e) of each level: from the node holding f the
    // blocks from f on, from the node holding e - 1 those before e (one cache line each), then
    // climb, until the rest lies in at most two nodes.
    MinMax r;
    const auto includeNode = [&r](const Node& node, std::size_t nodeFirst, std::size_t from,
                                  std::size_t to) {
        for (std::size_t i = 0; i < kFanOut; ++i) {
            const MinMax& b = node.entries[i];
            includeIf(r, b.low, b.high, inRange(nodeFirst + i, from, to));
        }
    };
    std::size_t f = blockFirst;
    std::size_t e = blockEnd;
    for (std::size_t level = 0;; ++level) {
        const auto& nodes = m_levels[level];
        const std::size_t nextFirst = (f + kFanOut - 1) >> kFanShift;
        const std::size_t nextEnd = e >> kFanShift;
        const std::size_t firstNode = f >> kFanShift;
        const std::size_t lastNode = (e - 1) >> kFanShift;
        if (nextFirst >= nextEnd) {
            // The same node twice when it is one: taking a block twice changes nothing.
            includeNode(nodes[firstNode], firstNode << kFanShift, f, e);
            includeNode(nodes[lastNode], lastNode << kFanShift, f, e);
            break;
        }
        includeNode(nodes[firstNode], firstNode << kFanShift, f, nextFirst << kFanShift);
        includeNode(nodes[lastNode], lastNode << kFanShift, nextEnd << kFanShift, e);
        f = nextFirst;
        e = nextEnd;
        if (f >= e)
            break;
    }
    // The loose values at both ends.
    if (first < blockFirst << kBaseShift) {
        includeLoose(r, lows, highs, (blockFirst - 1) << kBaseShift, first,
                     blockFirst << kBaseShift, m_size);
    }
    if (blockEnd << kBaseShift < end)
        includeLoose(r, lows, highs, blockEnd << kBaseShift, blockEnd << kBaseShift, end, m_size);
    return r;
}

void MinMaxPyramid::queryRuns(std::span<const double> lows, std::span<const double> highs,
                              std::span<const std::size_t> bounds, std::span<MinMax> out) const {
    if (bounds.size() < 2)
        return;
    const std::size_t runs = bounds.size() - 1;
    CW_ASSERT(out.size() >= runs);
    // Zoomed out, neighbouring boundaries are kilobytes apart in every array: fetch a few runs
    // ahead so the memory latency overlaps the queries in between.
    constexpr std::size_t kAhead = 16;
    for (std::size_t k = 0; k <= runs && k < kAhead; ++k)
        prefetch(lows, highs, bounds[k]);
    for (std::size_t k = 0; k < runs; ++k) {
        if (k + kAhead <= runs)
            prefetch(lows, highs, bounds[k + kAhead]);
        out[k] = query(lows, highs, bounds[k], bounds[k + 1]);
    }
}

} // namespace cw::ui
