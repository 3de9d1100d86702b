// SPDX-License-Identifier: MIT
#pragma once

#include "ui/chart/MinMax.hpp"

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace cw::ui {

/// Range minima and maxima over a growing column of values, for chart decimation and
/// autoscale.
///
/// The pyramid keeps, for every aligned block of `kBaseBlock` values (level 0) and every
/// aligned group of `kFanOut` blocks of a level (the next level up), the lowest of the `lows`
/// and the highest of the `highs` in it. The `kFanOut` blocks that make up one block of the
/// level above are stored together in one 64-byte cache line, so a query touches one line per
/// level near each end of its range. A query for any range [first, end) combines at most
/// 2 * (kFanOut - 1) whole blocks per level plus the loose values at both ends (read from the
/// source arrays), so it costs O(log n + kBaseBlock) and never scans the range; which blocks and
/// values it takes is decided by masks, not branches (zoomed out, every column differs). The source
/// arrays stay with their owner (BarSeries columns, indicator outputs); each call receives them
/// again, because appending may move them. For a single column (closes, volumes, an indicator line)
/// pass the same span twice. NaN values are ignored; a range without numbers gives an invalid
/// MinMax.
///
/// Memory: about n / 6 MinMax (16 bytes each) for n values.
/// Thread: single owner; not thread-safe.
class MinMaxPyramid {
public:
    static constexpr unsigned kBaseShift = 3;
    static constexpr std::size_t kBaseBlock = std::size_t{1} << kBaseShift;
    /// Blocks of one level per block of the next level up.
    static constexpr unsigned kFanShift = 2;
    static constexpr std::size_t kFanOut = std::size_t{1} << kFanShift;

    MinMaxPyramid() = default;
    /// A copy indexes the same values but gets a generation of its own (the two may be updated
    /// differently from now on); a move keeps it and leaves the source empty.
    MinMaxPyramid(const MinMaxPyramid& other);
    MinMaxPyramid& operator=(const MinMaxPyramid& other);
    MinMaxPyramid(MinMaxPyramid&& other) noexcept;
    MinMaxPyramid& operator=(MinMaxPyramid&& other) noexcept;
    ~MinMaxPyramid() = default;

    /// Forgets everything and indexes `lows`/`highs` (same length) from scratch. O(n).
    void rebuild(std::span<const double> lows, std::span<const double> highs);

    /// Brings the pyramid up to date after values were appended to the source and/or its last
    /// indexed value was replaced: the only changes a BarSeries allows. O(k * kBaseBlock +
    /// log n) for k new values. A source shorter than before is indexed again from scratch.
    void update(std::span<const double> lows, std::span<const double> highs);

    /// Lowest low and highest high over values [first, end) of the same source arrays,
    /// `end` clamped to the indexed size. Empty or all-NaN range: invalid MinMax.
    MinMax query(std::span<const double> lows, std::span<const double> highs, std::size_t first,
                 std::size_t end) const;

    /// `out[k] = query(lows, highs, bounds[k], bounds[k + 1])` for every k < bounds.size() - 1:
    /// the ranges between consecutive ascending boundaries (the pixel columns of a chart) in one
    /// pass, which fetches the memory of the boundaries a few ranges ahead (see `prefetch`).
    /// `out` must hold at least bounds.size() - 1 values. Same results as single queries.
    void queryRuns(std::span<const double> lows, std::span<const double> highs,
                   std::span<const std::size_t> bounds, std::span<MinMax> out) const;

    /// Hints the CPU to fetch what a query with a range boundary at `index` will read (the
    /// source values of the base block around it and the lowest levels' lines holding it).
    /// Zoomed out, neighbouring column boundaries are kilobytes apart, so issuing this a few
    /// columns ahead hides the memory latency that otherwise dominates a frame. No effect on
    /// results.
    void prefetch(std::span<const double> lows, std::span<const double> highs,
                  std::size_t index) const;

    /// Number of values indexed.
    std::size_t size() const { return m_size; }
    void clear();

    /// What the pyramid indexed at one moment, for callers that cache results derived from it
    /// (ColumnDecimator). Compare a stamp with the pyramid later through `unchangedPrefix`.
    struct Stamp {
        std::uint64_t generation = 0; ///< 0: never taken
        std::uint64_t updates = 0;
        std::size_t size = 0;
    };
    Stamp stamp() const { return {m_generation, m_updates, m_size}; }

    /// How many leading values are known to be unchanged since `since` was taken from this
    /// pyramid: `size()` when nothing changed; `since.size - 1` after appends and/or revisions
    /// of the last value (the only changes `update` allows, so everything before the then-last
    /// value is as it was); 0 after `rebuild`, `clear` or a shrinking source (every rebuild
    /// gets a generation no other pyramid in the process has, so a stamp of another pyramid
    /// or of a default `Stamp` also gives 0). Results cached for ranges that end at or before
    /// this index are still exact. O(1).
    std::size_t unchangedPrefix(const Stamp& since) const;

private:
    /// The kFanOut blocks of a level that form one block of the level above, in one cache line.
    /// Entries past the end of a level stay invalid (empty), so a whole node can be combined.
    struct alignas(64) Node {
        MinMax entries[kFanOut];
    };

    void recomputeFrom(std::span<const double> lows, std::span<const double> highs,
                       std::size_t firstValue);

    std::size_t m_size = 0;
    /// Process-wide unique per rebuild; `updates` counts the `update` calls since.
    std::uint64_t m_generation = 0;
    std::uint64_t m_updates = 0;
    /// Level 0, block j: values [j * kBaseBlock, (j + 1) * kBaseBlock). Level k + 1, block j:
    /// the blocks of node j of level k. m_levels[k][j] is node j of level k (blocks
    /// j * kFanOut ...). The top level has one block.
    std::vector<std::vector<Node>> m_levels;
};

} // namespace cw::ui
