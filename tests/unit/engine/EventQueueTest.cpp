// SPDX-License-Identifier: MIT
#include "core/engine/EventQueue.hpp"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <gtest/gtest.h>
#include <memory>
#include <string>
#include <thread>
#include <vector>

using cw::engine::EventQueue;

TEST(EventQueue, roundsCapacityUpToPowerOfTwo) {
    EXPECT_EQ(EventQueue<int>(0).capacity(), 2u);
    EXPECT_EQ(EventQueue<int>(5).capacity(), 8u);
    EXPECT_EQ(EventQueue<int>(1024).capacity(), 1024u);
}

TEST(EventQueue, drainsInPushOrder) {
    EventQueue<int> queue(8);
    for (int i = 0; i < 5; ++i)
        ASSERT_TRUE(queue.tryPush(i));
    std::vector<int> out;
    EXPECT_EQ(queue.drain([&](int v) { out.push_back(v); }), 5u);
    EXPECT_EQ(out, (std::vector<int>{0, 1, 2, 3, 4}));
    EXPECT_FALSE(queue.hasPending());
    EXPECT_EQ(queue.drain([&](int) { ADD_FAILURE() << "empty queue yielded a value"; }), 0u);
}

TEST(EventQueue, dropsAndCountsWhenFullWithoutBlocking) {
    EventQueue<int> queue(4);
    for (int i = 0; i < 4; ++i)
        ASSERT_TRUE(queue.tryPush(i));
    // The fifth and sixth values do not fit: rejected at once, counted, the first four kept.
    EXPECT_FALSE(queue.tryPush(4));
    EXPECT_FALSE(queue.tryPush(5));
    EXPECT_EQ(queue.droppedCount(), 2u);
    std::vector<int> out;
    queue.drain([&](int v) { out.push_back(v); });
    EXPECT_EQ(out, (std::vector<int>{0, 1, 2, 3}));
    // Space is reusable after the drain (the ring wraps).
    EXPECT_TRUE(queue.tryPush(6));
    queue.drain([&](int v) { out.push_back(v); });
    EXPECT_EQ(out.back(), 6);
}

TEST(EventQueue, drainRespectsMaxItems) {
    EventQueue<int> queue(16);
    for (int i = 0; i < 10; ++i)
        ASSERT_TRUE(queue.tryPush(i));
    int seen = 0;
    EXPECT_EQ(queue.drain([&](int) { ++seen; }, 3), 3u);
    EXPECT_EQ(queue.approximateSize(), 7u);
    EXPECT_EQ(queue.drain([&](int) { ++seen; }), 7u);
    EXPECT_EQ(seen, 10);
}

TEST(EventQueue, movesOwningValuesAndReleasesThemFromTheSlot) {
    EventQueue<std::shared_ptr<int>> queue(4);
    auto value = std::make_shared<int>(7);
    ASSERT_TRUE(queue.tryPush(value));
    EXPECT_EQ(value.use_count(), 2);
    queue.drain([](std::shared_ptr<int>&&) {});
    // The drained slot no longer keeps the object alive.
    EXPECT_EQ(value.use_count(), 1);
}

TEST(EventQueue, waitForTimesOutWhenNothingArrives) {
    EventQueue<int> queue(4);
    const auto start = std::chrono::steady_clock::now();
    EXPECT_FALSE(queue.waitFor(std::chrono::milliseconds(20)));
    EXPECT_GE(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(15));
}

TEST(EventQueue, waitForWakesOnPushFromAnotherThread) {
    EventQueue<int> queue(4);
    std::thread producer([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        queue.tryPush(1);
    });
    const auto start = std::chrono::steady_clock::now();
    EXPECT_TRUE(queue.waitFor(std::chrono::seconds(10)));
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
    EXPECT_TRUE(queue.hasPending());
    producer.join();
}

TEST(EventQueue, notifyWakesWithoutAValue) {
    EventQueue<int> queue(4);
    std::thread other([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        queue.notify();
    });
    EXPECT_TRUE(queue.waitFor(std::chrono::seconds(10)));
    EXPECT_FALSE(queue.hasPending());
    other.join();
}

// N producers x M events through a small ring: every event arrives exactly once and each
// producer's events arrive in the order it pushed them. Producers retry when the ring is full,
// so the consumer also has to keep up through many wrap-arounds and sleeps.
TEST(EventQueue, deliversEveryEventOnceInProducerOrderUnderContention) {
    constexpr int kProducers = 4;
    constexpr std::uint32_t kPerProducer = 50'000;
    struct Item {
        int producer = -1;
        std::uint32_t seq = 0;
    };
    EventQueue<Item> queue(256);

    std::vector<std::thread> producers;
    std::atomic<std::uint64_t> retries{0};
    for (int p = 0; p < kProducers; ++p) {
        producers.emplace_back([&, p] {
            for (std::uint32_t i = 0; i < kPerProducer; ++i) {
                while (!queue.tryPush(Item{p, i})) {
                    retries.fetch_add(1, std::memory_order_relaxed);
                    std::this_thread::yield();
                }
            }
        });
    }

    std::vector<std::uint32_t> next(kProducers, 0);
    std::uint64_t received = 0;
    bool orderOk = true;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (received < std::uint64_t{kProducers} * kPerProducer &&
           std::chrono::steady_clock::now() < deadline) {
        queue.waitFor(std::chrono::milliseconds(50));
        received += queue.drain([&](Item&& item) {
            if (item.producer < 0 || item.producer >= kProducers ||
                item.seq != next[static_cast<std::size_t>(item.producer)])
                orderOk = false;
            else
                ++next[static_cast<std::size_t>(item.producer)];
        });
    }
    for (std::thread& t : producers)
        t.join();

    EXPECT_TRUE(orderOk);
    EXPECT_EQ(received, std::uint64_t{kProducers} * kPerProducer);
    for (int p = 0; p < kProducers; ++p)
        EXPECT_EQ(next[static_cast<std::size_t>(p)], kPerProducer) << "producer " << p;
    // Every failed attempt was counted as a drop, and nothing more.
    EXPECT_EQ(queue.droppedCount(), retries.load());
    EXPECT_FALSE(queue.hasPending());
}
