// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace cw::exchangesim {

/// A kline (candle) interval as the venue names them: 1m 3m 5m 15m 30m 1h 2h 4h 6h 8h 12h 1d
/// 3d 1w 1M (case-sensitive). Buckets are aligned as the venue aligns them, in UTC: to the
/// epoch for fixed lengths, weeks start on Monday, months on the 1st. (1s is not offered: the
/// simulated market keeps 1-minute bars.)
///
/// Thread: a plain value.
class KlineInterval {
public:
    /// nullopt for names the venue does not know (or 1s).
    static std::optional<KlineInterval> parse(std::string_view name);

    const std::string& name() const { return m_name; }
    /// The open time (ms) of the bucket holding `timeMs`.
    std::int64_t bucketStart(std::int64_t timeMs) const;
    /// The open time of the next bucket after the one opening at `openMs`.
    std::int64_t nextBucket(std::int64_t openMs) const;

private:
    enum class Kind { Invalid = 0, Fixed, Week, Month };
    std::string m_name;
    Kind m_kind = Kind::Invalid;
    std::int64_t m_lengthMs = 0;
};

} // namespace cw::exchangesim
