// SPDX-License-Identifier: MIT
#include "core/orders/ClientOrderIdGenerator.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <random>
#include <unistd.h>

namespace cw::orders {

namespace {

constexpr std::string_view kDigits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

void appendBase36(std::string& out, std::uint64_t value, std::size_t minDigits) {
    std::string digits;
    do {
        digits.push_back(kDigits[value % 36]);
        value /= 36;
    } while (value != 0);
    while (digits.size() < minDigits)
        digits.push_back('0');
    std::reverse(digits.begin(), digits.end());
    out += digits;
}

// SplitMix64 finalizer: spreads nearby inputs (consecutive pids, times) over the salt range.
std::uint64_t mix(std::uint64_t x) {
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

std::uint64_t processSeed() {
    std::uint64_t seed = static_cast<std::uint64_t>(::getpid());
    try {
        std::random_device device;
        seed = mix(seed ^ (static_cast<std::uint64_t>(device()) << 32U) ^ device());
    } catch (...) {
        // No entropy source: the pid and the clock below still separate processes.
    }
    const auto steady = std::chrono::steady_clock::now().time_since_epoch().count();
    return mix(seed ^ static_cast<std::uint64_t>(steady));
}

} // namespace

ClientOrderIdGenerator::ClientOrderIdGenerator(TimestampNs sessionStartNs,
                                               std::uint32_t instanceSalt) {
    const std::uint64_t startMs =
        sessionStartNs > 0 ? static_cast<std::uint64_t>(sessionStartNs / 1'000'000) : 0;
    m_prefix = "CW";
    appendBase36(m_prefix, startMs, 1);
    appendBase36(m_prefix, instanceSalt % kSaltModulus, 5);
    m_prefix += '-';
}

ClientOrderIdGenerator ClientOrderIdGenerator::createForThisProcess() {
    // One seed per process; each generator adds its own sequence number, so generators of
    // one process never share a salt (until 36^5 of them were made).
    static const std::uint64_t seed = processSeed();
    static std::atomic<std::uint64_t> made{0};
    const std::uint64_t index = made.fetch_add(1, std::memory_order_relaxed);
    const auto salt = static_cast<std::uint32_t>((seed + index) % kSaltModulus);
    const auto now = std::chrono::duration_cast<std::chrono::nanoseconds>(
                         std::chrono::system_clock::now().time_since_epoch())
                         .count();
    return ClientOrderIdGenerator(static_cast<TimestampNs>(now), salt);
}

std::string ClientOrderIdGenerator::next() {
    ++m_counter;
    std::string id = m_prefix;
    appendBase36(id, m_counter, 1);
    return id;
}

bool ClientOrderIdGenerator::isValid(std::string_view id) {
    if (id.empty() || id.size() > kMaxLength)
        return false;
    return std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
               c == '.' || c == ':' || c == '/' || c == '_' || c == '-';
    });
}

} // namespace cw::orders
