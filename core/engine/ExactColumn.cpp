// SPDX-License-Identifier: MIT
#include "core/engine/ExactColumn.hpp"

#include "core/common/Assert.hpp"

#include <algorithm>
#include <limits>

namespace cw::engine {

bool ExactColumn::fits32(std::int64_t value) {
    return value >= std::numeric_limits<std::int32_t>::min() &&
           value <= std::numeric_limits<std::int32_t>::max();
}

void ExactColumn::widen() {
    if (m_wide)
        return;
    std::vector<std::int64_t> wide;
    wide.reserve(std::max(m_values32.capacity(), m_values32.size() + 1));
    wide.assign(m_values32.begin(), m_values32.end());
    m_values64 = std::move(wide);
    m_values32 = {};
    m_wide = true;
}

void ExactColumn::reserve(std::size_t count) {
    if (m_wide)
        m_values64.reserve(count);
    else
        m_values32.reserve(count);
}

void ExactColumn::push_back(std::int64_t value) {
    if (!m_wide && !fits32(value))
        widen();
    if (m_wide)
        m_values64.push_back(value);
    else
        m_values32.push_back(static_cast<std::int32_t>(value));
}

void ExactColumn::prepend(std::span<const std::int64_t> values) {
    if (values.empty())
        return;
    if (!m_wide && !std::all_of(values.begin(), values.end(), fits32))
        widen();
    if (m_wide) {
        m_values64.insert(m_values64.begin(), values.begin(), values.end());
        return;
    }
    std::vector<std::int32_t> narrow;
    narrow.reserve(values.size() + m_values32.size());
    for (std::int64_t v : values)
        narrow.push_back(static_cast<std::int32_t>(v));
    narrow.insert(narrow.end(), m_values32.begin(), m_values32.end());
    m_values32 = std::move(narrow);
}

void ExactColumn::truncate(std::size_t count) {
    if (count >= size())
        return;
    if (m_wide)
        m_values64.resize(count);
    else
        m_values32.resize(count);
}

void ExactColumn::clear() {
    m_values32.clear();
    m_values64.clear();
    if (m_wide) {
        m_values64 = {};
        m_wide = false;
    }
}

bool ExactColumn::fitsScaled(std::int64_t factor) const {
    CW_ASSERT(factor > 0);
    const std::int64_t limit = std::numeric_limits<std::int64_t>::max() / factor;
    for (std::size_t i = 0; i < size(); ++i) {
        const std::int64_t v = (*this)[i];
        if (v > limit || v < -limit)
            return false;
    }
    return true;
}

Result<void> ExactColumn::scale(std::int64_t factor) {
    CW_ASSERT(factor > 0);
    if (factor == 1)
        return {};
    if (!fitsScaled(factor))
        return fail(ErrorCode::Overflow, "a value does not fit 64 bits at the new precision");
    bool narrowFits = true;
    for (std::size_t i = 0; i < size() && narrowFits; ++i)
        narrowFits = fits32((*this)[i] * factor);
    if (!narrowFits)
        widen();
    if (m_wide) {
        for (std::int64_t& v : m_values64)
            v *= factor;
    } else {
        for (std::int32_t& v : m_values32)
            v = static_cast<std::int32_t>(static_cast<std::int64_t>(v) * factor);
    }
    return {};
}

std::size_t ExactColumn::capacityBytes() const {
    return m_values32.capacity() * sizeof(std::int32_t) +
           m_values64.capacity() * sizeof(std::int64_t);
}

void ExactColumn::shrinkToFit() {
    m_values32.shrink_to_fit();
    m_values64.shrink_to_fit();
}

} // namespace cw::engine
