// SPDX-License-Identifier: MIT
#include "core/adapters/InstrumentKey.hpp"

#include "core/domain/Instrument.hpp"

#include <algorithm>

namespace cw::adapters {

namespace {

bool isVenueChar(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

bool isSymbolChar(char c) {
    return c >= 0x20 && c <= 0x7E;
}

} // namespace

Result<InstrumentKey> InstrumentKey::make(std::string_view venue, std::string_view symbol) {
    if (venue.empty() || venue.size() > kMaxVenueLength ||
        !std::all_of(venue.begin(), venue.end(), isVenueChar))
        return fail(ErrorCode::InvalidArgument,
                    "venue '" + std::string(venue) + "' is not 1..15 characters of A-Z, 0-9, _ -");
    if (symbol.empty() || symbol.size() > kMaxSymbolLength ||
        !std::all_of(symbol.begin(), symbol.end(), isSymbolChar) || symbol.front() == ' ' ||
        symbol.back() == ' ')
        return fail(ErrorCode::InvalidArgument,
                    "symbol '" + std::string(symbol) +
                        "' is not 1..31 printable ASCII characters without outer spaces");
    InstrumentKey key;
    std::copy(venue.begin(), venue.end(), key.m_venue.begin());
    std::copy(symbol.begin(), symbol.end(), key.m_symbol.begin());
    return key;
}

Result<InstrumentKey> InstrumentKey::of(const Instrument& instrument) {
    return make(instrument.venue, instrument.symbol);
}

Result<InstrumentKey> InstrumentKey::parse(std::string_view text) {
    const auto colon = text.find(':');
    if (colon == std::string_view::npos)
        return fail(ErrorCode::ParseError,
                    "instrument key '" + std::string(text) + "' is not VENUE:SYMBOL");
    return make(text.substr(0, colon), text.substr(colon + 1));
}

std::string InstrumentKey::toString() const {
    std::string text(venue());
    text += ':';
    text += symbol();
    return text;
}

} // namespace cw::adapters
