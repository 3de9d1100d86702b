// SPDX-License-Identifier: MIT
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace cw::adapters::binance {

/// SHA-256 (FIPS 180-4), incremental: `update` any number of times, then `finish`.
/// Self-contained so the adapter needs no crypto library; checked against the FIPS 180 and
/// RFC 4231 vectors in the unit tests.
///
/// Thread: a plain value; one object per thread.
class Sha256 {
public:
    static constexpr std::size_t kDigestSize = 32;
    static constexpr std::size_t kBlockSize = 64;
    using Digest = std::array<std::uint8_t, kDigestSize>;

    Sha256() { reset(); }

    /// Back to the state of a fresh object.
    void reset();
    void update(std::span<const std::uint8_t> bytes);
    void update(std::string_view bytes);
    /// The digest of everything given since the last reset; the object is reset afterwards.
    Digest finish();

    /// The digest of `bytes` in one call.
    static Digest hash(std::string_view bytes);

private:
    void compress(const std::uint8_t* block);

    std::array<std::uint32_t, 8> m_state{};
    std::array<std::uint8_t, kBlockSize> m_buffer{};
    std::size_t m_buffered = 0;
    std::uint64_t m_totalBytes = 0;
};

} // namespace cw::adapters::binance
