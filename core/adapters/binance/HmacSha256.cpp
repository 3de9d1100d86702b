// SPDX-License-Identifier: MIT
#include "core/adapters/binance/HmacSha256.hpp"

#include <array>
#include <cstdint>

namespace cw::adapters::binance {

HmacSha256::HmacSha256(std::string_view key) {
    std::array<std::uint8_t, Sha256::kBlockSize> block{};
    if (key.size() > Sha256::kBlockSize) {
        const auto digest = Sha256::hash(key);
        std::copy(digest.begin(), digest.end(), block.begin());
    } else {
        for (std::size_t i = 0; i < key.size(); ++i)
            block[i] = static_cast<std::uint8_t>(key[i]);
    }
    std::array<std::uint8_t, Sha256::kBlockSize> pad{};
    for (std::size_t i = 0; i < pad.size(); ++i)
        pad[i] = block[i] ^ 0x36;
    m_inner.update(pad);
    for (std::size_t i = 0; i < pad.size(); ++i)
        pad[i] = block[i] ^ 0x5c;
    m_outer.update(pad);
    // Leave no copy of the key on the stack.
    volatile std::uint8_t* wipe = block.data();
    for (std::size_t i = 0; i < block.size(); ++i)
        wipe[i] = 0;
    volatile std::uint8_t* wipePad = pad.data();
    for (std::size_t i = 0; i < pad.size(); ++i)
        wipePad[i] = 0;
}

Sha256::Digest HmacSha256::mac(std::initializer_list<std::string_view> parts) const {
    Sha256 inner = m_inner;
    for (std::string_view part : parts)
        inner.update(part);
    const auto innerDigest = inner.finish();
    Sha256 outer = m_outer;
    outer.update(std::span<const std::uint8_t>(innerDigest.data(), innerDigest.size()));
    return outer.finish();
}

std::string HmacSha256::macHex(std::initializer_list<std::string_view> parts) const {
    return toHex(mac(parts));
}

std::string HmacSha256::toHex(const Sha256::Digest& digest) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string hex(digest.size() * 2, '0');
    for (std::size_t i = 0; i < digest.size(); ++i) {
        hex[2 * i] = kDigits[digest[i] >> 4];
        hex[2 * i + 1] = kDigits[digest[i] & 0x0f];
    }
    return hex;
}

} // namespace cw::adapters::binance
