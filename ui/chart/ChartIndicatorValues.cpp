// SPDX-License-Identifier: MIT
#include "ui/chart/ChartIndicatorValues.hpp"

namespace cw::ui {

ChartIndicatorValues& ChartIndicatorValues::operator=(std::vector<double> values) {
    m_followed.reset();
    m_own = std::move(values);
    return *this;
}

ChartIndicatorValues& ChartIndicatorValues::operator=(std::initializer_list<double> values) {
    m_followed.reset();
    m_own.assign(values);
    return *this;
}

void ChartIndicatorValues::follow(std::shared_ptr<const std::vector<double>> column) {
    m_own = {};
    m_followed = std::move(column);
}

std::vector<double>& ChartIndicatorValues::own() {
    if (m_followed) {
        m_own = *m_followed;
        m_followed.reset();
    }
    return m_own;
}

void ChartIndicatorValues::assign(std::size_t count, double value) {
    m_followed.reset();
    m_own.assign(count, value);
}

void ChartIndicatorValues::resize(std::size_t count, double value) {
    if (count != size())
        own().resize(count, value);
}

void ChartIndicatorValues::push_back(double value) {
    own().push_back(value);
}

void ChartIndicatorValues::clear() {
    m_followed.reset();
    m_own.clear();
}

} // namespace cw::ui
