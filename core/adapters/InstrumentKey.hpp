// SPDX-License-Identifier: MIT
#pragma once

#include "core/common/Result.hpp"

#include <array>
#include <compare>
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

namespace cw {
struct Instrument;
}

namespace cw::adapters {

/// Names one instrument of one venue in market-data events and commands without touching the
/// heap: the venue ("SIM", "BINANCE", "IB", "MT5") and the venue's symbol ("BTCUSDT", "ESM5")
/// stored inline in fixed character arrays (48 bytes). Copying one is a memcpy, so every
/// trade and quote event carries its instrument by value.
///
/// - venue: 1..15 characters of A-Z, 0-9, '_' and '-' (the `Instrument::venue` of the
///   instrument).
/// - symbol: 1..31 printable ASCII characters (space allowed inside, not at either end).
///
/// A default-constructed key is empty and means "none"; `make` never returns one.
///
/// Thread: a plain value; safe to copy between threads.
class InstrumentKey {
public:
    static constexpr std::size_t kMaxVenueLength = 15;
    static constexpr std::size_t kMaxSymbolLength = 31;

    constexpr InstrumentKey() = default;

    /// InvalidArgument when the venue or symbol is empty, too long or has a character outside
    /// the sets above.
    static Result<InstrumentKey> make(std::string_view venue, std::string_view symbol);
    /// The key of an instrument definition (its `venue` and `symbol`); errors as `make`.
    static Result<InstrumentKey> of(const Instrument& instrument);
    /// "VENUE:SYMBOL" (the form `toString` prints); ParseError without a ':', otherwise as
    /// `make`.
    static Result<InstrumentKey> parse(std::string_view text);

    std::string_view venue() const { return std::string_view(m_venue.data()); }
    std::string_view symbol() const { return std::string_view(m_symbol.data()); }
    bool isEmpty() const { return m_symbol[0] == '\0'; }
    /// "SIM:BTCUSDT"
    std::string toString() const;

    friend bool operator==(const InstrumentKey&, const InstrumentKey&) = default;
    friend auto operator<=>(const InstrumentKey&, const InstrumentKey&) = default;

private:
    std::array<char, kMaxVenueLength + 1> m_venue{};
    std::array<char, kMaxSymbolLength + 1> m_symbol{};
};

} // namespace cw::adapters

template <>
struct std::hash<cw::adapters::InstrumentKey> {
    std::size_t operator()(const cw::adapters::InstrumentKey& key) const noexcept {
        const std::size_t h1 = std::hash<std::string_view>{}(key.venue());
        const std::size_t h2 = std::hash<std::string_view>{}(key.symbol());
        return h1 ^ (h2 + 0x9e3779b97f4a7c15ULL + (h1 << 6) + (h1 >> 2));
    }
};
