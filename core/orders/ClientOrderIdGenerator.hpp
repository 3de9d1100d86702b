// SPDX-License-Identifier: MIT
#pragma once

#include "core/domain/Timestamp.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace cw::orders {

/// Makes client order ids that stay unique across restarts and across app instances running
/// at the same time on one machine:
///
///     "CW" + base36(session start, ms since the epoch) + base36(instance salt, 5 digits)
///          + "-" + base36(counter, from 1)
///
/// e.g. "CWLUM3ZB2K0A7Q9-1", at most 2 + 9 + 5 + 1 + 13 = 30 characters (the limit is 36),
/// all from the set ExecutionCommands.hpp allows. The session start separates restarts (as
/// long as the clock does not go back); the salt separates instances started in the same
/// millisecond; the counter separates the ids of one generator.
///
/// Thread: not thread-safe; one generator per owner (the engine thread).
class ClientOrderIdGenerator {
public:
    /// The longest id any venue accepts.
    static constexpr std::size_t kMaxLength = 36;
    /// Salt values are taken modulo 36^5.
    static constexpr std::uint32_t kSaltModulus = 36U * 36U * 36U * 36U * 36U;

    /// A generator for a session that started at `sessionStartNs` (negative times count as
    /// 0) with `instanceSalt` (reduced modulo kSaltModulus). Deterministic: the same inputs
    /// give the same ids, which is what tests and replays want.
    ClientOrderIdGenerator(TimestampNs sessionStartNs, std::uint32_t instanceSalt);

    /// A generator for this process now: the system clock, and a salt that mixes the
    /// process id, std::random_device and a per-process count of generators made, so two
    /// generators made in the same millisecond (in one process or in two) differ.
    static ClientOrderIdGenerator createForThisProcess();

    /// The next id; never repeats within this generator.
    std::string next();

    /// Everything before the counter ("CWLUM3ZB2K0A7Q9-").
    const std::string& prefix() const { return m_prefix; }
    /// How many ids `next` has returned.
    std::uint64_t issued() const { return m_counter; }

    /// True when `id` is 1..36 characters of A-Z, a-z, 0-9, '.', ':', '/', '_' and '-'.
    static bool isValid(std::string_view id);

private:
    std::string m_prefix;
    std::uint64_t m_counter = 0;
};

} // namespace cw::orders
