// SPDX-License-Identifier: MIT
#pragma once

#include "core/common/Assert.hpp"

#include <cstddef>
#include <vector>

namespace cw::indicators {

/// A fixed-capacity FIFO of the last `capacity()` values pushed, oldest first. The storage is
/// allocated once at construction; `push` never allocates. Building block of the streaming
/// indicators (their window of final bars).
/// Thread: whichever thread owns the object; not thread-safe.
template <class T>
class RingBuffer {
public:
    explicit RingBuffer(std::size_t capacity) : m_data(capacity) { CW_ASSERT(capacity > 0); }

    std::size_t capacity() const { return m_data.size(); }
    std::size_t size() const { return m_size; }
    bool empty() const { return m_size == 0; }
    bool full() const { return m_size == m_data.size(); }

    /// Appends `value`; when full, the oldest value is dropped.
    void push(const T& value) {
        m_data[(m_head + m_size) % m_data.size()] = value;
        if (full()) {
            m_head = (m_head + 1) % m_data.size();
        } else {
            ++m_size;
        }
    }
    /// Removes the oldest value. Precondition: not empty.
    void popFront() {
        CW_ASSERT(m_size > 0);
        m_head = (m_head + 1) % m_data.size();
        --m_size;
    }
    /// Removes the newest value. Precondition: not empty.
    void popBack() {
        CW_ASSERT(m_size > 0);
        --m_size;
    }
    /// Value `k` counted from the oldest (0) to the newest (size() - 1).
    const T& operator[](std::size_t k) const { return m_data[(m_head + k) % m_data.size()]; }
    const T& front() const { return (*this)[0]; }
    const T& back() const { return (*this)[m_size - 1]; }

    void clear() {
        m_head = 0;
        m_size = 0;
    }

private:
    std::vector<T> m_data;
    std::size_t m_head = 0;
    std::size_t m_size = 0;
};

} // namespace cw::indicators
