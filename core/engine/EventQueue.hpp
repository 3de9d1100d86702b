// SPDX-License-Identifier: MIT
#pragma once

#include "core/common/Assert.hpp"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <memory>
#include <mutex>
#include <new>
#include <type_traits>
#include <utility>

namespace cw::engine {

/// A bounded multi-producer, single-consumer queue: adapter threads (and the UI) post, the
/// engine thread drains in batches.
///
/// - Storage is one ring of slots allocated at construction; `tryPush` and `drain` never
///   allocate (beyond what moving a T allocates), so steady state has no per-event heap work.
/// - Overflow policy: `tryPush` never blocks. When the ring is full the value is dropped,
///   `droppedCount` goes up by one and `tryPush` returns false. Market data producers ignore the
///   result (a slow engine loses events rather than stalling a socket thread); command producers
///   report it to their caller.
/// - Order: values from one producer are drained in the order that producer pushed them;
///   values of different producers interleave in the order their slots were claimed.
/// - Wake-up: `waitFor` sleeps on a condition variable only while the queue is empty, and a
///   producer takes the mutex and notifies only when the consumer is actually asleep, so a
///   busy engine pays one atomic load per push for wake-ups. The notify comes after the mutex
///   is released, so the woken consumer does not block on it.
///
/// The ring is the bounded MPMC design by Dmitry Vyukov (a sequence number per slot), used
/// with one consumer. Thread: `tryPush`, `notify`, `droppedCount`, `approximateSize` from any
/// thread; `drain`, `waitFor` from the one consumer thread only.
template <typename T>
class EventQueue {
    static_assert(std::is_default_constructible_v<T> && std::is_move_assignable_v<T>,
                  "EventQueue slots hold default-constructed values that are moved over");

public:
    /// `capacity` is rounded up to a power of two, at least 2.
    explicit EventQueue(std::size_t capacity) {
        std::size_t rounded = 2;
        while (rounded < capacity)
            rounded *= 2;
        m_mask = rounded - 1;
        m_slots = std::make_unique<Slot[]>(rounded);
        for (std::size_t i = 0; i < rounded; ++i)
            m_slots[i].sequence.store(i, std::memory_order_relaxed);
    }

    EventQueue(const EventQueue&) = delete;
    EventQueue& operator=(const EventQueue&) = delete;

    std::size_t capacity() const { return m_mask + 1; }

    /// Appends `value` unless the ring is full (then drops it and counts the drop). Wakes the
    /// consumer if it sleeps in `waitFor`. Never blocks on the consumer.
    bool tryPush(T value) {
        std::size_t pos = m_tail.load(std::memory_order_relaxed);
        Slot* slot = nullptr;
        for (;;) {
            slot = &m_slots[pos & m_mask];
            const std::size_t seq = slot->sequence.load(std::memory_order_acquire);
            const auto diff = static_cast<std::intptr_t>(seq) - static_cast<std::intptr_t>(pos);
            if (diff == 0) {
                if (m_tail.compare_exchange_weak(pos, pos + 1, std::memory_order_relaxed))
                    break;
            } else if (diff < 0) {
                m_dropped.fetch_add(1, std::memory_order_relaxed);
                return false;
            } else {
                pos = m_tail.load(std::memory_order_relaxed);
            }
        }
        slot->value = std::move(value);
        // seq_cst, with the loads in wakeConsumerIfAsleep and waitFor: see waitFor.
        slot->sequence.store(pos + 1, std::memory_order_seq_cst);
        wakeConsumerIfAsleep();
        return true;
    }

    /// Moves up to `maxItems` values out, oldest first, calling `sink(T&&)` for each. Returns
    /// how many were drained. Consumer thread only.
    template <typename Sink>
    std::size_t drain(Sink&& sink, std::size_t maxItems = std::numeric_limits<std::size_t>::max()) {
        std::size_t count = 0;
        std::size_t pos = m_head.load(std::memory_order_relaxed);
        while (count < maxItems) {
            Slot& slot = m_slots[pos & m_mask];
            if (slot.sequence.load(std::memory_order_acquire) != pos + 1)
                break; // empty, or the producer that claimed this slot has not finished yet
            T value = std::move(slot.value);
            slot.value = T{};
            slot.sequence.store(pos + m_mask + 1, std::memory_order_release);
            ++pos;
            m_head.store(pos, std::memory_order_relaxed);
            ++count;
            sink(std::move(value));
        }
        return count;
    }

    /// True when the next slot holds a finished value. Consumer thread only.
    bool hasPending() const {
        const std::size_t pos = m_head.load(std::memory_order_relaxed);
        return m_slots[pos & m_mask].sequence.load(std::memory_order_acquire) == pos + 1;
    }

    /// Sleeps until a value is pending, `notify` was called, or `timeout` passed. Returns true
    /// unless it timed out with nothing pending. Consumer thread only.
    bool waitFor(std::chrono::nanoseconds timeout) {
        if (hasPending() || m_notified.exchange(false, std::memory_order_acq_rel))
            return true;
        std::unique_lock lock(m_mutex);
        // Store-then-load on both sides, all seq_cst (a Dekker handshake): either the producer
        // sees the flag and notifies under the mutex, or the predicate below sees its value.
        m_consumerAsleep.store(true, std::memory_order_seq_cst);
        const bool woken = m_wake.wait_for(lock, timeout, [this] {
            const std::size_t pos = m_head.load(std::memory_order_relaxed);
            return m_slots[pos & m_mask].sequence.load(std::memory_order_seq_cst) == pos + 1 ||
                   m_notified.load(std::memory_order_seq_cst);
        });
        m_consumerAsleep.store(false, std::memory_order_relaxed);
        m_notified.store(false, std::memory_order_relaxed);
        return woken;
    }

    /// Wakes the consumer without a value (new commands elsewhere, or stop). Any thread.
    void notify() {
        m_notified.store(true, std::memory_order_seq_cst);
        wakeConsumerIfAsleep();
    }

    /// Values dropped because the ring was full, since construction.
    std::uint64_t droppedCount() const { return m_dropped.load(std::memory_order_relaxed); }

    /// Values pushed and not yet drained; only a hint while producers are active.
    std::size_t approximateSize() const {
        const std::size_t tail = m_tail.load(std::memory_order_relaxed);
        const std::size_t head = m_head.load(std::memory_order_relaxed);
        return tail >= head ? tail - head : 0;
    }

private:
    struct Slot {
        std::atomic<std::size_t> sequence{0};
        T value{};
    };

    void wakeConsumerIfAsleep() {
        if (m_consumerAsleep.load(std::memory_order_seq_cst)) {
            // Taking the mutex orders this wake-up after the consumer's predicate check (it
            // holds the mutex from setting the flag until it sleeps); notifying after
            // releasing it lets the woken consumer run at once instead of waking only to block
            // on the mutex this thread still holds (one context switch instead of two).
            { std::lock_guard lock(m_mutex); }
            m_wake.notify_one();
        }
    }

    /// Keeps the producers' and the consumer's counters on separate cache lines.
    static constexpr std::size_t kLine = 64;

    std::unique_ptr<Slot[]> m_slots;
    std::size_t m_mask = 0;
    alignas(kLine) std::atomic<std::size_t> m_tail{0};
    alignas(kLine) std::atomic<std::size_t> m_head{0};
    alignas(kLine) std::atomic<std::uint64_t> m_dropped{0};
    std::atomic<bool> m_consumerAsleep{false};
    std::atomic<bool> m_notified{false};
    std::mutex m_mutex;
    std::condition_variable m_wake;
};

} // namespace cw::engine
