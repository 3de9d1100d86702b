// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <initializer_list>
#include <memory>
#include <span>
#include <vector>

namespace cw::ui {

/// The values of one indicator output, one per bar (NaN = no value). Either its own values, or
/// a column that someone else owns and keeps current on the same thread (a ChartReplica's
/// indicator column), shown without a copy: `follow` makes it a view of that column, which
/// then sees every value the owner appends or revises.
///
/// Reading never copies: `size`, const `operator[]`, `begin`/`end`/`data` (also a
/// `std::span<const double>` built from it) read the followed column in place. Writing
/// (`assign`, `resize` to another size, `push_back`, `clear`, non-const `operator[]` or
/// `back`, `writable`) first turns a followed column into an own copy, so a change made here
/// never reaches the owner. Read through a const reference where a copy is not intended.
///
/// Thread: GUI; single owner (the followed column belongs to the same thread).
class ChartIndicatorValues {
public:
    ChartIndicatorValues() = default;
    ChartIndicatorValues(std::vector<double> values) : m_own(std::move(values)) {}
    ChartIndicatorValues(std::initializer_list<double> values) : m_own(values) {}

    ChartIndicatorValues& operator=(std::vector<double> values);
    ChartIndicatorValues& operator=(std::initializer_list<double> values);

    /// Shows `column` (null: an empty own column) without copying it, following its owner's
    /// changes from now on.
    void follow(std::shared_ptr<const std::vector<double>> column);
    /// True while the values are a view of someone else's column.
    bool follows() const { return m_followed != nullptr; }

    std::size_t size() const { return values().size(); }
    bool empty() const { return values().empty(); }
    const double* data() const { return values().data(); }
    const double* begin() const { return data(); }
    const double* end() const { return data() + size(); }
    double operator[](std::size_t i) const { return values()[i]; }
    /// Precondition: !empty().
    double back() const { return values().back(); }
    std::span<const double> view() const { return values(); }

    /// Writable access; a followed column becomes an own copy first.
    double& operator[](std::size_t i) { return own()[i]; }
    double& back() { return own().back(); }
    std::span<double> writable() { return own(); }

    void assign(std::size_t count, double value);
    /// A no-op (no copy) when the size is already `count`.
    void resize(std::size_t count, double value);
    void push_back(double value);
    void clear();

private:
    const std::vector<double>& values() const { return m_followed ? *m_followed : m_own; }
    std::vector<double>& own();

    std::vector<double> m_own;
    std::shared_ptr<const std::vector<double>> m_followed;
};

} // namespace cw::ui
